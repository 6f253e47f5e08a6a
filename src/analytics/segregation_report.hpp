// What `kredo segregation` computes for one request, and its JSON and CSV renderings
// (kept here, not in the CLI, so the output format is unit-tested).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/segregation.hpp"
#include "common/error.hpp"

namespace kredo::analytics {

struct SegregationRequest {
  std::string group;
  std::string unit;
  // Between/within decomposition over these columns (units are identified inside their category).
  std::vector<std::string> within;
  // Nested decomposition, outer to inner; the unit is appended as innermost level if not last.
  std::vector<std::string> nested;
  // D is computed for these two groups only.
  std::optional<std::pair<std::string, std::string>> d_groups;
  bool local = false;
  // The exposure matrix has groups^2 entries: with units as groups it can be millions of numbers.
  bool exposure = true;
  int n_bootstrap = 0;  // 0: no bootstrap
  std::uint64_t seed = 1;
  double ci = 0.95;
};

// Columns the request reads from the input (group, unit, within, nested; no duplicates).
std::vector<std::string> request_columns(const SegregationRequest& request);

// One term of a decomposition: segregation between `between` units inside `within` categories.
struct DecompositionTerm {
  std::string between;
  std::string within;  // "" for the outermost term
  double m = 0;
  double h = 0;
  std::vector<WithinCategory> categories;  // filled for the within term of --within
};

struct SegregationReport {
  SegregationRequest request;
  TotalSegregation total;  // group x unit (units identified inside within/nested categories)
  std::optional<double> d;
  std::vector<Isolation> isolation;
  std::vector<Exposure> exposure;
  std::vector<DecompositionTerm> decomposition;
  std::vector<LocalSegregation> local;
  // Stats: M, H, then D(a, b), then M(...)/H(...) of each decomposition term.
  std::vector<BootstrapEstimate> bootstrap;
};

Result<SegregationReport> analyze_segregation(const FrequencyTable& table, const SegregationRequest& request);

nlohmann::ordered_json to_json(const SegregationReport& report);

// Long CSV, header quantity,a,b,value: one row per number (see the rows' quantity names in the .cpp).
std::string to_csv(const SegregationReport& report);

}  // namespace kredo::analytics
