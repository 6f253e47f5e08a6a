// Support minutes for a period from the monthly pre-aggregate (migration 0012, support_minutes_monthly)
// plus the raw attendance of the edge days that do not fill a calendar month, so that the sums equal
// the raw computation over attendance exactly, for any period.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/db/db.hpp"

namespace kredo::reports {

// A period [from, to] (inclusive ISO dates; an empty `from` = since ever) split into the whole
// calendar months inside it and the days outside them.
struct MonthSplit {
  bool has_months = false;
  std::string first_month;  // 'YYYY-MM'; empty = no lower bound
  std::string last_month;   // 'YYYY-MM'
  std::vector<std::pair<std::string, std::string>> days;  // inclusive date ranges read raw
};

// nullopt when a date is not a valid ISO date (callers then compute from the raw attendance).
std::optional<MonthSplit> split_into_months(const std::string& from, const std::string& to);

// The counted minutes of one present attendance row (rules/support_hours), over `at` (attendance),
// `a` (activities) and `t` (activity_types): the same CASE as the aggregate's triggers.
extern const char* const kCountedMinutesSql;

// A row source "(…) AS sm" of (person_id, type_id, minutes) whose sums per person (and type) over the
// period equal the raw sums of counted minutes of present attendance at activities dated in it.
// Appends its parameters to `params` (numbered after those already there).
std::string support_minutes_source(const MonthSplit& split, storage::Params& params);

}  // namespace kredo::reports
