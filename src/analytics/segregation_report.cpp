// Runs the indices a request asks for; the bootstrap statistic recomputes the same point estimates
// so that every reported number can carry a standard error.
#include "analytics/segregation_report.hpp"

#include <algorithm>
#include <charconv>

#include "common/csv.hpp"
#include "common/json_object.hpp"

namespace kredo::analytics {

namespace {

Columns unit_columns(const SegregationRequest& request) {
  if (!request.nested.empty()) {
    Columns levels = request.nested;
    if (levels.back() != request.unit) levels.push_back(request.unit);
    return levels;
  }
  Columns cols = request.within;
  cols.push_back(request.unit);
  return cols;
}

Status validate(const SegregationRequest& request) {
  if (request.group.empty()) return Error::invalid_request("--group is required");
  if (request.unit.empty()) return Error::invalid_request("--unit is required");
  if (request.group == request.unit) return Error::invalid_request("group and unit must be different columns");
  if (!request.within.empty() && !request.nested.empty()) {
    return Error::invalid_request("--within and --nested cannot be combined; --nested already decomposes level by level");
  }
  const Columns levels = unit_columns(request);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (levels[i] == request.group) return Error::invalid_request("column '" + levels[i] + "' is the group column");
    for (std::size_t j = i + 1; j < levels.size(); ++j) {
      if (levels[i] == levels[j]) return Error::invalid_request("column '" + levels[i] + "' is listed twice");
    }
  }
  if (!request.nested.empty() && levels.size() < 2) {
    return Error::invalid_request("--nested needs at least one column outside the unit");
  }
  if (request.n_bootstrap != 0 && request.n_bootstrap < 2) return Error::invalid_request("--bootstrap needs at least 2 iterations");
  return {};
}

std::string join_columns(const Columns& cols, std::string_view sep) {
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : std::string(sep)) + c;
  return out;
}

std::string term_label(const DecompositionTerm& term) {
  return term.within.empty() ? term.between : term.between + " | " + term.within;
}

// The decomposition terms; per-category detail only when asked (the bootstrap needs just m and h).
Result<std::vector<DecompositionTerm>> decompose(const FrequencyTable& table, const SegregationRequest& request,
                                                 bool with_categories) {
  std::vector<DecompositionTerm> terms;
  const Columns group{request.group};
  if (!request.within.empty()) {
    auto w = mutual_within(table, group, {request.unit}, request.within);
    if (!w.ok()) return std::move(w).error();
    terms.push_back(DecompositionTerm{join_columns(request.within, ", "), "", w->between.m, w->between.h, {}});
    DecompositionTerm inner{request.unit, join_columns(request.within, ", "), w->m_within, w->h_within, {}};
    if (with_categories) inner.categories = w->categories;
    terms.push_back(std::move(inner));
  } else if (!request.nested.empty()) {
    auto levels = mutual_total_nested(table, group, unit_columns(request));
    if (!levels.ok()) return std::move(levels).error();
    for (const auto& l : *levels) terms.push_back(DecompositionTerm{l.between, l.within, l.m, l.h, {}});
  }
  return terms;
}

std::string number(double v) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc{} ? std::string(buffer, end) : std::string("nan");
}

}  // namespace

std::vector<std::string> request_columns(const SegregationRequest& request) {
  std::vector<std::string> cols{request.group};
  for (const auto& c : unit_columns(request)) {
    if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
  }
  return cols;
}

Result<SegregationReport> analyze_segregation(const FrequencyTable& table, const SegregationRequest& request) {
  KREDO_TRY(validate(request));
  SegregationReport report;
  report.request = request;
  const Columns group{request.group};
  const Columns units = unit_columns(request);

  auto total = mutual_total(table, group, units);
  if (!total.ok()) return std::move(total).error();
  report.total = *total;

  auto iso = isolation(table, group, units);
  if (!iso.ok()) return std::move(iso).error();
  report.isolation = std::move(iso).value();
  if (request.exposure) {
    auto exp = exposure(table, group, units);
    if (!exp.ok()) return std::move(exp).error();
    report.exposure = std::move(exp).value();
  }

  std::optional<FrequencyTable> two_groups;
  if (request.d_groups) {
    const auto& [a, b] = *request.d_groups;
    auto d = dissimilarity(table, group, units, a, b);
    if (!d.ok()) return std::move(d).error();
    report.d = *d;
    auto subset = select_groups(table, group, {a, b});
    if (!subset.ok()) return std::move(subset).error();
    two_groups = std::move(subset).value();
  }

  auto terms = decompose(table, request, true);
  if (!terms.ok()) return std::move(terms).error();
  report.decomposition = std::move(terms).value();

  if (request.local) {
    auto local = mutual_local(table, group, units);
    if (!local.ok()) return std::move(local).error();
    report.local = std::move(local).value();
  }

  if (request.n_bootstrap > 0) {
    const BootstrapOptions options{request.n_bootstrap, request.seed, request.ci};
    std::vector<std::string> names{"M", "H"};
    for (const auto& t : report.decomposition) {
      names.push_back("M(" + term_label(t) + ")");
      names.push_back("H(" + term_label(t) + ")");
    }
    Statistic main_stats = [&](const FrequencyTable& t) -> Result<std::vector<double>> {
      auto m = mutual_total(t, group, units);
      if (!m.ok()) return std::move(m).error();
      std::vector<double> values{m->m, m->h};
      auto parts = decompose(t, request, false);
      if (!parts.ok()) return std::move(parts).error();
      for (const auto& p : *parts) {
        values.push_back(p.m);
        values.push_back(p.h);
      }
      return values;
    };
    auto boot = bootstrap(table, names, main_stats, options);
    if (!boot.ok()) return std::move(boot).error();
    report.bootstrap = std::move(boot).value();
    if (two_groups) {
      // As the package's dissimilarity(): the two groups' individuals are resampled on their own.
      // Named references, not a structured binding: clang before 16 cannot capture bindings in a lambda.
      const auto& a = request.d_groups->first;
      const auto& b = request.d_groups->second;
      Statistic d_stat = [&](const FrequencyTable& t) -> Result<std::vector<double>> {
        auto d = dissimilarity(t, group, units, a, b);
        if (!d.ok()) return std::move(d).error();
        return std::vector<double>{*d};
      };
      auto d_boot = bootstrap(*two_groups, {"D(" + a + ", " + b + ")"}, d_stat, options);
      if (!d_boot.ok()) return std::move(d_boot).error();
      report.bootstrap.insert(report.bootstrap.begin() + 2, d_boot->front());
    }
  }
  return report;
}

nlohmann::ordered_json to_json(const SegregationReport& report) {
  using json = nlohmann::ordered_json;
  const auto& rq = report.request;
  json out;
  out["N"] = report.total.n;
  out["M"] = report.total.m;
  out["H"] = report.total.h;
  if (report.d) {
    out["D"] = *report.d;
    out["D_groups"] = json::array({rq.d_groups->first, rq.d_groups->second});
  }
  // Labels of distinct codes are distinct, and exposure() lists pairs grouped by `of`.
  json iso = json::object();
  for (const auto& i : report.isolation) append_unique_key(iso, i.group, i.isolation);
  out["isolation"] = std::move(iso);
  if (rq.exposure) {
    json exp = json::object();
    json row = json::object();
    for (std::size_t k = 0; k < report.exposure.size(); ++k) {
      const auto& e = report.exposure[k];
      append_unique_key(row, e.to, e.exposure);
      if (k + 1 == report.exposure.size() || report.exposure[k + 1].of != e.of) {
        append_unique_key(exp, e.of, std::move(row));
        row = json::object();
      }
    }
    out["exposure"] = std::move(exp);
  }
  if (!report.decomposition.empty()) {
    json terms = json::array();
    for (const auto& t : report.decomposition) {
      json term{{"between", t.between}, {"within", t.within}, {"M", t.m}, {"H", t.h}};
      if (!t.categories.empty()) {
        json cats = json::array();
        for (const auto& c : t.categories) {
          cats.push_back({{"within", c.within}, {"M", c.m}, {"p", c.p}, {"H", c.h}, {"ent_ratio", c.ent_ratio}});
        }
        term["categories"] = std::move(cats);
      }
      terms.push_back(std::move(term));
    }
    out["decomposition"] = std::move(terms);
  }
  if (rq.local) {
    json local = json::array();
    for (const auto& l : report.local) local.push_back({{"unit", l.unit}, {"ls", l.ls}, {"p", l.p}});
    out["local"] = std::move(local);
  }
  out["group"] = rq.group;
  out["unit"] = rq.unit;
  if (!report.bootstrap.empty()) {
    json estimates = json::array();
    for (const auto& b : report.bootstrap) {
      estimates.push_back({{"stat", b.stat},
                           {"estimate", b.estimate},
                           {"original", b.original},
                           {"se", b.se},
                           {"ci", json::array({b.ci_low, b.ci_high})},
                           {"bias", b.bias}});
    }
    out["bootstrap"] = {{"iterations", rq.n_bootstrap}, {"seed", rq.seed}, {"ci_level", rq.ci}, {"estimates", estimates}};
  }
  return out;
}

std::string to_csv(const SegregationReport& report) {
  std::string out = csv::format_row({"quantity", "a", "b", "value"});
  auto row = [&out](const std::string& quantity, std::string_view a, std::string_view b, double v) {
    out += csv::format_row({quantity, csv::neutralize_formula(a), csv::neutralize_formula(b), number(v)});
  };
  row("N", "", "", report.total.n);
  row("M", "", "", report.total.m);
  row("H", "", "", report.total.h);
  if (report.d) row("D", report.request.d_groups->first, report.request.d_groups->second, *report.d);
  for (const auto& i : report.isolation) row("isolation", i.group, "", i.isolation);
  for (const auto& e : report.exposure) row("exposure", e.of, e.to, e.exposure);
  for (const auto& t : report.decomposition) {
    row("decomposition_M", t.between, t.within, t.m);
    row("decomposition_H", t.between, t.within, t.h);
    for (const auto& c : t.categories) {
      row("within_M", c.within, "", c.m);
      row("within_p", c.within, "", c.p);
      row("within_H", c.within, "", c.h);
      row("within_ent_ratio", c.within, "", c.ent_ratio);
    }
  }
  for (const auto& l : report.local) {
    row("local_ls", l.unit, "", l.ls);
    row("local_p", l.unit, "", l.p);
  }
  for (const auto& b : report.bootstrap) {
    row("bootstrap_estimate", b.stat, "", b.estimate);
    row("bootstrap_se", b.stat, "", b.se);
    row("bootstrap_ci_low", b.stat, "", b.ci_low);
    row("bootstrap_ci_high", b.stat, "", b.ci_high);
    row("bootstrap_bias", b.stat, "", b.bias);
  }
  return out;
}

}  // namespace kredo::analytics
