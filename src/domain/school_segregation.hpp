// Brno's schools as the segregation engine sees them: per school year, each school's latest
// composition estimate turned into Roma / other pupil counts (weighted by the registered capacity,
// since enrolment per school is not public) and the indices M, H, D with each school's local part.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct SchoolSegregationSchool {
  std::int64_t id = 0;
  std::string name;
  double minority_share = 0;
  std::string status;  // over_third, over_half, almost_all, none
  double local_ls = 0;
  double local_p = 0;
};

struct SchoolSegregationYear {
  std::string school_year;  // "2025/26"
  double n = 0;             // total weight (capacity of the schools with an estimate)
  std::optional<double> m, h, d;  // absent when fewer than two schools or one group only
  int schools_without_capacity = 0;
  std::vector<SchoolSegregationSchool> schools;
};

// level: "zs" (ZŠ incl. §16/9 and preparatory classes) or "ms". Any logged-in role: aggregates only.
Result<std::vector<SchoolSegregationYear>> school_segregation(storage::Database& db, const std::string& level);

}  // namespace kredo::domain
