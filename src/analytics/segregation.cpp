// Every index works on one aggregated crosstab: (unit, group) cells with positive weight, sorted by
// unit, so unit totals come from runs and groups absent from a unit contribute nothing (as in the
// package, which drops zero cells before computing).
#include "analytics/segregation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>
#include <utility>

namespace kredo::analytics {

namespace {

struct Key {
  std::vector<std::uint32_t> codes;
  std::vector<std::string> labels;
};

Result<Key> make_key(const FrequencyTable& table, const Columns& columns) {
  if (columns.empty()) return Error::invalid_request("no column given for a segregation variable");
  std::vector<const CategoricalColumn*> found;
  for (const auto& name : columns) {
    const auto* column = table.find(name);
    if (column == nullptr) return Error::invalid_request("column '" + name + "' is not in the data");
    found.push_back(column);
  }
  Key key{found[0]->codes, found[0]->labels};
  for (std::size_t c = 1; c < found.size(); ++c) {
    // Combination codes in order of first appearance, like the package's data.table `by`.
    std::unordered_map<std::uint64_t, std::uint32_t> combined;
    std::vector<std::string> labels;
    for (std::size_t r = 0; r < key.codes.size(); ++r) {
      const std::uint64_t pair = (static_cast<std::uint64_t>(key.codes[r]) << 32) | found[c]->codes[r];
      auto [it, inserted] = combined.try_emplace(pair, static_cast<std::uint32_t>(labels.size()));
      if (inserted) {
        labels.push_back(key.labels[key.codes[r]] + std::string(kLabelSeparator) + found[c]->labels[found[c]->codes[r]]);
      }
      key.codes[r] = it->second;
    }
    key.labels = std::move(labels);
  }
  return key;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

Columns concat(const Columns& a, const Columns& b) {
  Columns out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

struct Cell {
  std::uint32_t unit;
  std::uint32_t group;
  double weight;
};

// Aggregated (unit, group) cells with positive weight, sorted by unit then group.
struct Crosstab {
  std::vector<Cell> cells;
  std::vector<double> group_total;  // indexed by group code
  double total = 0;

  std::size_t groups_present() const {
    return static_cast<std::size_t>(std::count_if(group_total.begin(), group_total.end(), [](double w) { return w > 0; }));
  }
  // Calls f(first, last) for the cells of each unit.
  template <typename F>
  void for_each_unit(F&& f) const {
    std::size_t i = 0;
    while (i < cells.size()) {
      std::size_t j = i;
      while (j < cells.size() && cells[j].unit == cells[i].unit) ++j;
      f(i, j);
      i = j;
    }
  }
  std::size_t units_present() const {
    std::size_t n = 0;
    for_each_unit([&n](std::size_t, std::size_t) { ++n; });
    return n;
  }
};

// rows: the rows to use, or all rows if null.
Crosstab build_crosstab(const Key& group, const Key& unit, const std::vector<double>& weights,
                        const std::vector<std::uint32_t>* rows = nullptr) {
  Crosstab x;
  x.group_total.assign(group.labels.size(), 0.0);
  std::vector<Cell> raw;
  raw.reserve(rows ? rows->size() : weights.size());
  auto take = [&](std::size_t r) {
    if (weights[r] > 0) raw.push_back(Cell{unit.codes[r], group.codes[r], weights[r]});
  };
  if (rows) {
    for (auto r : *rows) take(r);
  } else {
    for (std::size_t r = 0; r < weights.size(); ++r) take(r);
  }
  std::sort(raw.begin(), raw.end(), [](const Cell& a, const Cell& b) {
    return a.unit != b.unit ? a.unit < b.unit : a.group < b.group;
  });
  for (const auto& c : raw) {
    if (!x.cells.empty() && x.cells.back().unit == c.unit && x.cells.back().group == c.group) {
      x.cells.back().weight += c.weight;
    } else {
      x.cells.push_back(c);
    }
    x.group_total[c.group] += c.weight;
    x.total += c.weight;
  }
  return x;
}

double entropy(const std::vector<double>& totals, double n) {
  double e = 0;
  for (double t : totals) {
    if (t > 0) e -= (t / n) * std::log(t / n);
  }
  return e;
}

double mutual_information(const Crosstab& x) {
  double m = 0;
  const double n = x.total;
  x.for_each_unit([&](std::size_t first, std::size_t last) {
    double unit_total = 0;
    for (std::size_t i = first; i < last; ++i) unit_total += x.cells[i].weight;
    for (std::size_t i = first; i < last; ++i) {
      const auto& c = x.cells[i];
      m += (c.weight / n) * std::log(c.weight * n / (x.group_total[c.group] * unit_total));
    }
  });
  return m;
}

Status check_variation(const Crosstab& x) {
  if (!(x.total > 0)) return Error::invalid_request("Cannot compute segregation: the total weight is zero");
  if (x.groups_present() < 2) return Error::invalid_request("Cannot compute segregation: the group variable is constant");
  if (x.units_present() < 2) return Error::invalid_request("Cannot compute segregation: the unit variable is constant");
  return {};
}

TotalSegregation total_of(const Crosstab& x) {
  TotalSegregation t;
  t.n = x.total;
  t.m = mutual_information(x);
  const double e = entropy(x.group_total, x.total);
  t.h = e > 0 ? t.m / e : 0.0;
  return t;
}

Result<Crosstab> crosstab_for(const FrequencyTable& table, const Columns& group, const Columns& unit, Key* group_key = nullptr) {
  auto g = make_key(table, group);
  if (!g.ok()) return std::move(g).error();
  auto u = make_key(table, unit);
  if (!u.ok()) return std::move(u).error();
  Crosstab x = build_crosstab(*g, *u, table.weights);
  KREDO_TRY(check_variation(x));
  if (group_key) *group_key = std::move(g).value();
  return x;
}

}  // namespace

CategoricalColumn encode_column(std::string name, const std::vector<std::string>& values) {
  CategoricalColumn column;
  column.name = std::move(name);
  column.codes.reserve(values.size());
  std::unordered_map<std::string, std::uint32_t> index;
  for (const auto& v : values) {
    auto [it, inserted] = index.try_emplace(v, static_cast<std::uint32_t>(column.labels.size()));
    if (inserted) column.labels.push_back(v);
    column.codes.push_back(it->second);
  }
  return column;
}

const CategoricalColumn* FrequencyTable::find(std::string_view name) const {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Result<FrequencyTable> make_frequency_table(std::vector<CategoricalColumn> columns, std::vector<double> weights) {
  for (const auto& c : columns) {
    if (c.codes.size() != weights.size()) {
      return Error::invalid_request("column '" + c.name + "' has " + std::to_string(c.codes.size()) + " values for " +
                                    std::to_string(weights.size()) + " weights");
    }
  }
  for (std::size_t r = 0; r < weights.size(); ++r) {
    if (!std::isfinite(weights[r]) || weights[r] < 0) {
      return Error::invalid_request("weight of row " + std::to_string(r + 1) + " is not a finite number >= 0");
    }
  }
  return FrequencyTable{std::move(columns), std::move(weights)};
}

Result<TotalSegregation> mutual_total(const FrequencyTable& table, const Columns& group, const Columns& unit) {
  auto x = crosstab_for(table, group, unit);
  if (!x.ok()) return std::move(x).error();
  return total_of(*x);
}

Result<double> dissimilarity(const FrequencyTable& table, const Columns& group, const Columns& unit,
                             std::string_view group_a, std::string_view group_b) {
  if (group_a == group_b) return Error::invalid_request("D needs two different groups, got '" + std::string(group_a) + "' twice");
  auto g = make_key(table, group);
  if (!g.ok()) return std::move(g).error();
  auto u = make_key(table, unit);
  if (!u.ok()) return std::move(u).error();
  auto code_of = [&](std::string_view label) -> long {
    for (std::size_t i = 0; i < g->labels.size(); ++i) {
      if (g->labels[i] == label) return static_cast<long>(i);
    }
    return -1;
  };
  const long a = code_of(group_a);
  const long b = code_of(group_b);
  for (auto [code, label] : {std::pair{a, group_a}, std::pair{b, group_b}}) {
    if (code < 0) return Error::invalid_request("group '" + std::string(label) + "' is not in the data");
  }
  std::vector<std::uint32_t> rows;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    if (g->codes[r] == static_cast<std::uint32_t>(a) || g->codes[r] == static_cast<std::uint32_t>(b)) {
      rows.push_back(static_cast<std::uint32_t>(r));
    }
  }
  const Crosstab x = build_crosstab(*g, *u, table.weights, &rows);
  const double na = x.group_total[static_cast<std::size_t>(a)];
  const double nb = x.group_total[static_cast<std::size_t>(b)];
  for (auto [n, label] : {std::pair{na, group_a}, std::pair{nb, group_b}}) {
    if (!(n > 0)) return Error::invalid_request("group '" + std::string(label) + "' has no weight");
  }
  double d = 0;
  x.for_each_unit([&](std::size_t first, std::size_t last) {
    double ua = 0;
    double ub = 0;
    for (std::size_t i = first; i < last; ++i) {
      (x.cells[i].group == static_cast<std::uint32_t>(a) ? ua : ub) += x.cells[i].weight;
    }
    d += std::abs(ua / na - ub / nb);
  });
  return d / 2;
}

Result<std::vector<Exposure>> exposure(const FrequencyTable& table, const Columns& group, const Columns& unit) {
  Key g;
  auto x = crosstab_for(table, group, unit, &g);
  if (!x.ok()) return std::move(x).error();
  const std::size_t ng = g.labels.size();
  std::vector<double> matrix(ng * ng, 0.0);
  x->for_each_unit([&](std::size_t first, std::size_t last) {
    double unit_total = 0;
    for (std::size_t i = first; i < last; ++i) unit_total += x->cells[i].weight;
    for (std::size_t i = first; i < last; ++i) {
      const auto& of = x->cells[i];
      for (std::size_t j = first; j < last; ++j) {
        const auto& to = x->cells[j];
        matrix[of.group * ng + to.group] += of.weight * to.weight / (unit_total * x->group_total[of.group]);
      }
    }
  });
  std::vector<Exposure> out;
  for (std::size_t a = 0; a < ng; ++a) {
    if (!(x->group_total[a] > 0)) continue;
    for (std::size_t b = 0; b < ng; ++b) {
      if (!(x->group_total[b] > 0)) continue;
      out.push_back(Exposure{g.labels[a], g.labels[b], matrix[a * ng + b]});
    }
  }
  return out;
}

Result<std::vector<Isolation>> isolation(const FrequencyTable& table, const Columns& group, const Columns& unit) {
  // Directly, not via exposure(): that is quadratic in the number of groups.
  Key g;
  auto x = crosstab_for(table, group, unit, &g);
  if (!x.ok()) return std::move(x).error();
  std::vector<double> by_group(g.labels.size(), 0.0);
  x->for_each_unit([&](std::size_t first, std::size_t last) {
    double unit_total = 0;
    for (std::size_t i = first; i < last; ++i) unit_total += x->cells[i].weight;
    for (std::size_t i = first; i < last; ++i) {
      const auto& c = x->cells[i];
      by_group[c.group] += c.weight * c.weight / (unit_total * x->group_total[c.group]);
    }
  });
  std::vector<Isolation> out;
  for (std::size_t a = 0; a < by_group.size(); ++a) {
    if (x->group_total[a] > 0) out.push_back(Isolation{g.labels[a], by_group[a]});
  }
  return out;
}

Result<WithinDecomposition> mutual_within(const FrequencyTable& table, const Columns& group, const Columns& unit,
                                          const Columns& within) {
  auto g = make_key(table, group);
  if (!g.ok()) return std::move(g).error();
  auto w = make_key(table, within);
  if (!w.ok()) return std::move(w).error();
  auto wu = make_key(table, concat(within, unit));
  if (!wu.ok()) return std::move(wu).error();

  WithinDecomposition out;
  const Crosstab total = build_crosstab(*g, *wu, table.weights);
  KREDO_TRY(check_variation(total));
  const Crosstab between = build_crosstab(*g, *w, table.weights);
  out.total = total_of(total);
  out.between = total_of(between);
  out.m_within = out.total.m - out.between.m;
  out.h_within = out.total.h - out.between.h;

  const double overall_entropy = entropy(total.group_total, total.total);
  std::vector<std::vector<std::uint32_t>> rows_of(w->labels.size());
  for (std::size_t r = 0; r < table.rows(); ++r) rows_of[w->codes[r]].push_back(static_cast<std::uint32_t>(r));
  for (std::size_t c = 0; c < rows_of.size(); ++c) {
    const Crosstab x = build_crosstab(*g, *wu, table.weights, &rows_of[c]);
    if (!(x.total > 0)) continue;  // a category with no weight is not in the data
    WithinCategory cat;
    cat.within = w->labels[c];
    cat.m = mutual_information(x);
    cat.p = x.total / total.total;
    const double e = entropy(x.group_total, x.total);
    cat.h = e > 0 ? cat.m / e : 0.0;  // the package sets a non-finite H to 0
    cat.ent_ratio = e / overall_entropy;
    out.categories.push_back(std::move(cat));
  }
  return out;
}

Result<std::vector<NestedLevel>> mutual_total_nested(const FrequencyTable& table, const Columns& group,
                                                     const std::vector<std::string>& units) {
  if (units.size() < 2) return Error::invalid_request("a nested decomposition needs at least two unit columns");
  std::vector<NestedLevel> levels;
  TotalSegregation previous;  // zero for the first level
  for (std::size_t k = 0; k < units.size(); ++k) {
    const Columns outer(units.begin(), units.begin() + static_cast<long>(k));
    // Units of level k are the combinations of the first k+1 columns (an inner code may repeat across
    // outer categories); with more units than level 0 has, a level past the first always varies.
    auto current = mutual_total(table, group, Columns(units.begin(), units.begin() + static_cast<long>(k + 1)));
    if (!current.ok()) return std::move(current).error();
    levels.push_back(NestedLevel{units[k], join(outer, ", "), current->m - previous.m, current->h - previous.h});
    previous = *current;
  }
  return levels;
}

Result<std::vector<LocalSegregation>> mutual_local(const FrequencyTable& table, const Columns& group,
                                                   const Columns& unit) {
  auto u = make_key(table, unit);
  if (!u.ok()) return std::move(u).error();
  auto x = crosstab_for(table, group, unit);
  if (!x.ok()) return std::move(x).error();
  std::vector<LocalSegregation> by_code(u->labels.size());
  std::vector<bool> present(u->labels.size(), false);
  x->for_each_unit([&](std::size_t first, std::size_t last) {
    double unit_total = 0;
    for (std::size_t i = first; i < last; ++i) unit_total += x->cells[i].weight;
    double ls = 0;
    for (std::size_t i = first; i < last; ++i) {
      const auto& c = x->cells[i];
      const double p_group_given_unit = c.weight / unit_total;
      ls += p_group_given_unit * std::log(p_group_given_unit / (x->group_total[c.group] / x->total));
    }
    const auto code = x->cells[first].unit;
    by_code[code] = LocalSegregation{u->labels[code], ls, unit_total / x->total};
    present[code] = true;
  });
  std::vector<LocalSegregation> out;
  for (std::size_t c = 0; c < by_code.size(); ++c) {
    if (present[c]) out.push_back(std::move(by_code[c]));
  }
  return out;
}

Result<FrequencyTable> select_groups(const FrequencyTable& table, const Columns& group,
                                    const std::vector<std::string>& labels) {
  auto g = make_key(table, group);
  if (!g.ok()) return std::move(g).error();
  std::vector<bool> keep_code(g->labels.size(), false);
  for (const auto& label : labels) {
    auto it = std::find(g->labels.begin(), g->labels.end(), label);
    if (it == g->labels.end()) return Error::invalid_request("group '" + label + "' is not in the data");
    keep_code[static_cast<std::size_t>(it - g->labels.begin())] = true;
  }
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    if (keep_code[g->codes[r]]) rows.push_back(r);
  }
  FrequencyTable out;
  for (const auto& column : table.columns) {
    std::vector<std::string> values;
    values.reserve(rows.size());
    for (auto r : rows) values.push_back(column.labels[column.codes[r]]);
    out.columns.push_back(encode_column(column.name, values));
  }
  for (auto r : rows) out.weights.push_back(table.weights[r]);
  return out;
}

double quantile_type7(std::vector<double> values, double prob) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1) * prob;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

Result<std::vector<BootstrapEstimate>> bootstrap(const FrequencyTable& table, const std::vector<std::string>& names,
                                                 const Statistic& statistic, const BootstrapOptions& options) {
  if (options.n_bootstrap < 2) return Error::invalid_request("the bootstrap needs at least 2 iterations");
  if (!(options.ci > 0 && options.ci < 1)) return Error::invalid_request("the confidence level must be in (0, 1)");
  const double n_total = std::accumulate(table.weights.begin(), table.weights.end(), 0.0);
  const double rounded = std::round(n_total);
  if (!(n_total > 0) || std::abs(n_total - rounded) > 1e-6 * std::max(1.0, rounded)) {
    return Error::invalid_request(
        "bootstrap with a total sample size that is not an integer is not allowed, maybe scale your weights?");
  }
  auto original = statistic(table);
  if (!original.ok()) return std::move(original).error();
  if (original->size() != names.size()) return Error::internal("bootstrap statistic returned the wrong number of values");

  std::size_t last_positive = 0;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    if (table.weights[r] > 0) last_positive = r;
  }
  std::mt19937_64 rng(options.seed);
  FrequencyTable resample = table;
  std::vector<std::vector<double>> boot(names.size());
  for (int b = 0; b < options.n_bootstrap; ++b) {
    // Multinomial draw of N individuals over the rows, as conditional binomials.
    auto remaining = static_cast<std::int64_t>(rounded);
    double mass_left = n_total;
    for (std::size_t r = 0; r < table.rows(); ++r) {
      const double w = table.weights[r];
      std::int64_t k = 0;
      if (w > 0 && remaining > 0) {
        const double p = std::clamp(w / mass_left, 0.0, 1.0);
        // The last row takes what is left, so rounding in mass_left never loses an individual.
        k = (r == last_positive || p >= 1.0) ? remaining : std::binomial_distribution<std::int64_t>(remaining, p)(rng);
      }
      resample.weights[r] = static_cast<double>(k);
      remaining -= k;
      mass_left -= w;
    }
    auto values = statistic(resample);
    if (!values.ok()) return std::move(values).error();
    for (std::size_t s = 0; s < names.size(); ++s) boot[s].push_back((*values)[s]);
  }

  std::vector<BootstrapEstimate> out;
  const double n = options.n_bootstrap;
  for (std::size_t s = 0; s < names.size(); ++s) {
    const double est = (*original)[s];
    std::vector<double> debiased;
    for (double v : boot[s]) debiased.push_back(2 * est - v);
    const double mean = std::accumulate(debiased.begin(), debiased.end(), 0.0) / n;
    double ss = 0;
    for (double v : debiased) ss += (v - mean) * (v - mean);
    BootstrapEstimate e;
    e.stat = names[s];
    e.original = est;
    e.estimate = mean;
    e.se = std::sqrt(ss / (n - 1));
    e.ci_low = quantile_type7(debiased, (1 - options.ci) / 2);
    e.ci_high = quantile_type7(debiased, 1 - (1 - options.ci) / 2);
    e.bias = est - mean;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace kredo::analytics
