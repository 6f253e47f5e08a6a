// Segregation indices on long-format frequency data, defined exactly as B. Elbers' R package
// `segregation` defines them (natural logs): M, H, D, isolation/exposure, decompositions, bootstrap.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace kredo::analytics {

// A categorical variable, integer-coded in order of first appearance.
struct CategoricalColumn {
  std::string name;
  std::vector<std::uint32_t> codes;  // one per row
  std::vector<std::string> labels;   // label of each code
};

CategoricalColumn encode_column(std::string name, const std::vector<std::string>& values);

// Rows of categorical columns with a frequency weight each (a contingency table in long form).
struct FrequencyTable {
  std::vector<CategoricalColumn> columns;
  std::vector<double> weights;

  std::size_t rows() const { return weights.size(); }
  const CategoricalColumn* find(std::string_view name) const;
};

// Checks that columns and weights have the same length and weights are finite and >= 0.
Result<FrequencyTable> make_frequency_table(std::vector<CategoricalColumn> columns, std::vector<double> weights);

// One or more column names; several columns define a variable by their combination
// (labels of combinations are joined with kLabelSeparator).
using Columns = std::vector<std::string>;
inline constexpr std::string_view kLabelSeparator = "|";

struct TotalSegregation {
  double n = 0;  // total weight
  double m = 0;  // mutual information index
  double h = 0;  // M / entropy of the group marginal
};

// mutual_total(data, group, unit): needs at least two groups and two units with positive weight.
Result<TotalSegregation> mutual_total(const FrequencyTable& table, const Columns& group, const Columns& unit);

// Index of dissimilarity between groups a and b, computed on the rows of those two groups only.
Result<double> dissimilarity(const FrequencyTable& table, const Columns& group, const Columns& unit,
                             std::string_view group_a, std::string_view group_b);

// exposure(): exposure of group `of` to group `to`, sum_u n_u,of * n_u,to / (n_u * n_of): the share of
// `to` in the unit of the average member of `of`. isolation() is exposure of a group to itself.
struct Exposure {
  std::string of;
  std::string to;
  double exposure = 0;
};
struct Isolation {
  std::string group;
  double isolation = 0;
};
Result<std::vector<Exposure>> exposure(const FrequencyTable& table, const Columns& group, const Columns& unit);
Result<std::vector<Isolation>> isolation(const FrequencyTable& table, const Columns& group, const Columns& unit);

// mutual_within(): M of the units within each category of `within`. p * m summed over categories is
// the within part of M; p * ent_ratio * h summed is the within part of H.
struct WithinCategory {
  std::string within;
  double m = 0;
  double p = 0;          // share of the category in the total weight
  double h = 0;          // m / entropy of the groups inside the category (0 if that entropy is 0)
  double ent_ratio = 0;  // entropy inside the category / overall group entropy
};
struct WithinDecomposition {
  TotalSegregation total;    // group x (within, unit)
  TotalSegregation between;  // group x within
  double m_within = 0;       // total.m - between.m
  double h_within = 0;       // total.h - between.h
  std::vector<WithinCategory> categories;
};
Result<WithinDecomposition> mutual_within(const FrequencyTable& table, const Columns& group, const Columns& unit,
                                          const Columns& within);

// mutual_total_nested(): level k is the segregation between units[k] inside the combinations of
// units[0..k-1]; the levels' m (and h) add up to M (and H) of group x all units.
struct NestedLevel {
  std::string between;
  std::string within;  // outer columns joined by ", ", empty for the first level
  double m = 0;
  double h = 0;
};
Result<std::vector<NestedLevel>> mutual_total_nested(const FrequencyTable& table, const Columns& group,
                                                     const std::vector<std::string>& units);

// mutual_local(): per unit, ls = sum_g p(g|u) log(p(g|u) / p(g)) and p = the unit's share; sum p*ls = M.
struct LocalSegregation {
  std::string unit;
  double ls = 0;
  double p = 0;
};
Result<std::vector<LocalSegregation>> mutual_local(const FrequencyTable& table, const Columns& group,
                                                   const Columns& unit);

// The rows whose group is one of `labels` (D and its bootstrap use only the two compared groups).
Result<FrequencyTable> select_groups(const FrequencyTable& table, const Columns& group,
                                    const std::vector<std::string>& labels);

// Bootstrap as the package's se = TRUE: n_bootstrap multinomial resamples of the N individuals over the
// rows, each replicate b debiased as 2*est - boot_b; reported estimate, se and percentile interval
// (R quantile type 7) are of the debiased replicates, bias = est - mean(debiased).
struct BootstrapOptions {
  int n_bootstrap = 100;
  std::uint64_t seed = 1;
  double ci = 0.95;
};
struct BootstrapEstimate {
  std::string stat;
  double original = 0;  // the estimate on the data as given
  double estimate = 0;  // bias-corrected
  double se = 0;
  double ci_low = 0;
  double ci_high = 0;
  double bias = 0;
};
// A statistic maps a table to named values; the bootstrap calls it on tables that differ only in weights.
using Statistic = std::function<Result<std::vector<double>>(const FrequencyTable&)>;
Result<std::vector<BootstrapEstimate>> bootstrap(const FrequencyTable& table, const std::vector<std::string>& names,
                                                 const Statistic& statistic, const BootstrapOptions& options);

// R's quantile(x, prob, type = 7) of unsorted values.
double quantile_type7(std::vector<double> values, double prob);

}  // namespace kredo::analytics
