// Each draw: Gumbel noise on precomputed base utilities gives every family's ranked list, one lottery
// breaks priority ties, then every mechanism assigns the same families and is scored. Draws run on
// worker threads; each has its own generator so results do not depend on scheduling.
#include "analytics/simulation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_map>

#include "analytics/matching.hpp"
#include "analytics/segregation.hpp"

namespace kredo::analytics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Platform-independent draws (std:: distributions differ between standard libraries).
double uniform01(std::mt19937_64& rng) { return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53; }
double standard_normal(std::mt19937_64& rng) {
  const double u = uniform01(rng);
  const double v = uniform01(rng);
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

double distance_km(double x1, double y1, double x2, double y2) { return std::hypot(x1 - x2, y1 - y2); }

std::uint32_t nearest_school(const std::vector<SimSchool>& schools, double x, double y) {
  std::uint32_t best = 0;
  double best_d = std::numeric_limits<double>::max();
  for (std::uint32_t s = 0; s < schools.size(); ++s) {
    const double d = distance_km(x, y, schools[s].x, schools[s].y);
    if (d < best_d) {
      best_d = d;
      best = s;
    }
  }
  return best;
}

Spread spread_of(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  Spread s;
  if (values.empty()) return Spread{kNaN, kNaN, kNaN, kNaN, kNaN};
  const double n = static_cast<double>(values.size());
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double ss = 0;
  for (double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = values.size() > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
  s.p5 = quantile_type7(values, 0.05);
  s.p50 = quantile_type7(values, 0.5);
  s.p95 = quantile_type7(values, 0.95);
  return s;
}

enum Metric { kMetricM, kMetricH, kMetricD, kMetricFirstChoice, kMetricUnassigned, kMetricMeanDistance, kMetricP90Distance, kMetricOverThird, kMetricCount };

struct MechanismDraw {
  double metric[kMetricCount] = {};
  std::vector<int> enrolled;
  std::vector<int> minority;
};

// The read-only part shared by all draws.
struct Prepared {
  const Scenario& sc;
  std::uint32_t n = 0;
  std::uint32_t m = 0;
  std::vector<double> distance;  // n x m
  std::vector<double> base;      // n x m utility without noise
  // n x m: exp((base - child's best base) / noise), the Plackett-Luce weights (empty when noise is 0).
  std::vector<double> weight;
  std::vector<int> floor;        // m x types (types = groups + 1, type 0 unused)
  std::vector<int> ceiling;
  std::vector<int> reserve;
  std::vector<std::string> type_names;
};

Prepared prepare(const Scenario& sc) {
  Prepared p{sc, 0, 0, {}, {}, {}, {}, {}, {}, {}};
  p.n = static_cast<std::uint32_t>(sc.children.size());
  p.m = static_cast<std::uint32_t>(sc.schools.size());
  p.distance.resize(static_cast<std::size_t>(p.n) * p.m);
  p.base.resize(p.distance.size());
  for (std::uint32_t c = 0; c < p.n; ++c) {
    const auto& child = sc.children[c];
    const auto& model = sc.groups[child.group];
    for (std::uint32_t s = 0; s < p.m; ++s) {
      const auto& school = sc.schools[s];
      const double d = distance_km(child.x, child.y, school.x, school.y);
      p.distance[c * p.m + s] = d;
      p.base[c * p.m + s] = -model.distance_decay * d + model.quality_weight * school.quality +
                            model.composition_weight * school.minority_share;
    }
  }
  if (sc.noise > 0) {
    p.weight.resize(p.base.size());
    for (std::uint32_t c = 0; c < p.n; ++c) {
      const double* b = p.base.data() + static_cast<std::size_t>(c) * p.m;
      const double best = *std::max_element(b, b + p.m);
      for (std::uint32_t s = 0; s < p.m; ++s) p.weight[c * p.m + s] = std::exp((b[s] - best) / sc.noise);
    }
  }
  p.type_names.push_back("");
  for (const auto& g : sc.groups) p.type_names.push_back(g.name);
  const std::uint32_t nt = static_cast<std::uint32_t>(p.type_names.size());
  p.floor.assign(static_cast<std::size_t>(p.m) * nt, 0);
  p.ceiling.assign(p.floor.size(), 0);
  p.reserve.resize(p.m);
  for (std::uint32_t s = 0; s < p.m; ++s) {
    const int cap = sc.schools[s].capacity;
    for (std::uint32_t t = 0; t < nt; ++t) p.ceiling[s * nt + t] = cap;
    p.floor[s * nt + sc.minority + 1] = static_cast<int>(std::floor(sc.floor_share * cap));
    p.ceiling[s * nt + sc.minority + 1] = std::min(cap, static_cast<int>(std::ceil(sc.ceiling_share * cap)));
    p.reserve[s] = std::min(cap, static_cast<int>(std::ceil(sc.reserve_share * cap)));
  }
  return p;
}

// Everything one worker reuses from draw to draw.
struct Scratch {
  MatchingProblem problem;
  std::vector<std::uint32_t> lottery;
  std::vector<std::uint32_t> order;
  std::vector<double> distances;
  std::vector<std::vector<std::uint32_t>> catchment_children;
};

void build_draw(const Prepared& p, std::mt19937_64& rng, Scratch& w) {
  const auto& sc = p.sc;
  // Single tie-breaking lottery.
  w.order.resize(p.n);
  std::iota(w.order.begin(), w.order.end(), 0u);
  for (std::size_t i = w.order.size(); i > 1; --i) std::swap(w.order[i - 1], w.order[uniform_below(rng, i)]);
  w.lottery.resize(p.n);
  for (std::uint32_t pos = 0; pos < p.n; ++pos) w.lottery[w.order[pos]] = pos;

  auto& pr = w.problem;
  pr.n_students = p.n;
  pr.n_schools = p.m;
  if (pr.capacity.empty()) {
    for (const auto& s : sc.schools) pr.capacity.push_back(s.capacity);
    pr.type_names = p.type_names;
    for (const auto& c : sc.children) pr.student_type.push_back(c.group + 1);
    pr.minority_type = sc.minority + 1;
    pr.floor = p.floor;
    pr.ceiling = p.ceiling;
    pr.reserve = p.reserve;
    // No school-side lists: the simulated mechanisms read ranks from the preferences only (not TTC).
    pr.prio_offset.assign(p.m + 1, 0);
  }
  pr.pref_offset.assign(1, 0);
  pr.pref_school.clear();
  pr.pref_rank.clear();
  const auto k = static_cast<std::size_t>(std::min<int>(sc.list_length, static_cast<int>(p.m)));
  std::vector<std::uint32_t> top;
  std::vector<std::uint8_t> picked(p.m, 0);
  for (std::uint32_t c = 0; c < p.n; ++c) {
    top.clear();
    if (p.weight.empty()) {
      // No noise: the k best base utilities (ties by school order).
      const double* base = p.base.data() + static_cast<std::size_t>(c) * p.m;
      std::vector<std::uint32_t> all(p.m);
      std::iota(all.begin(), all.end(), 0u);
      std::stable_sort(all.begin(), all.end(), [&](auto a, auto b) { return base[a] > base[b]; });
      top.assign(all.begin(), all.begin() + static_cast<long>(k));
    } else {
      // The k best of base + Gumbel noise, drawn as Plackett-Luce picks without replacement with weights
      // exp(base / noise): the same distribution for a fraction of the cost (no logarithms per school).
      const double* w = p.weight.data() + static_cast<std::size_t>(c) * p.m;
      double remaining = 0;
      for (std::uint32_t s = 0; s < p.m; ++s) remaining += w[s];
      while (top.size() < k) {
        double target = uniform01(rng) * remaining;
        std::uint32_t choice = p.m;
        for (std::uint32_t s = 0; s < p.m; ++s) {
          if (picked[s]) continue;
          choice = s;  // the last unpicked school absorbs rounding at the end of the walk
          target -= w[s];
          if (target < 0) break;
        }
        picked[choice] = 1;
        top.push_back(choice);
        remaining -= w[choice];
      }
      for (auto s : top) picked[s] = 0;
    }
    const std::uint32_t catchment = sc.children[c].catchment;
    bool has_catchment = false;
    auto add = [&](std::uint32_t s) {
      pr.pref_school.push_back(s);
      // Catchment children first (class 0), then everyone (class 1); the lottery orders each class.
      const std::uint64_t klass = s == catchment ? 0 : 1;
      pr.pref_rank.push_back((klass << 32) | w.lottery[c]);
      has_catchment = has_catchment || s == catchment;
    };
    for (auto s : top) add(s);
    if (sc.catchment_fallback && !has_catchment) add(catchment);
    pr.pref_offset.push_back(static_cast<std::uint32_t>(pr.pref_school.size()));
  }
}

Matching catchment_only(const Prepared& p, Scratch& w) {
  Matching out;
  out.school_of.assign(p.n, kUnassigned);
  w.catchment_children.assign(p.m, {});
  for (std::uint32_t c = 0; c < p.n; ++c) w.catchment_children[p.sc.children[c].catchment].push_back(c);
  for (std::uint32_t s = 0; s < p.m; ++s) {
    auto& list = w.catchment_children[s];
    std::sort(list.begin(), list.end(), [&](auto a, auto b) { return w.lottery[a] < w.lottery[b]; });
    const auto admitted = std::min<std::size_t>(list.size(), static_cast<std::size_t>(std::max(0, p.sc.schools[s].capacity)));
    for (std::size_t i = 0; i < admitted; ++i) out.school_of[list[i]] = static_cast<std::int32_t>(s);
  }
  out.rounds = 1;
  return out;
}

FrequencyTable composition_table(const Prepared& p, const std::vector<int>& counts, std::uint32_t n_groups,
                                 bool minority_vs_rest) {
  FrequencyTable t;
  CategoricalColumn group{"group", {}, {}};
  CategoricalColumn school{"school", {}, {}};
  if (minority_vs_rest) {
    group.labels = {"minority", "other"};
  } else {
    for (const auto& g : p.sc.groups) group.labels.push_back(g.name);
  }
  for (const auto& s : p.sc.schools) school.labels.push_back(s.id);
  for (std::uint32_t s = 0; s < p.m; ++s) {
    for (std::uint32_t g = 0; g < n_groups; ++g) {
      const int n = counts[s * n_groups + g];
      if (n == 0) continue;
      group.codes.push_back(minority_vs_rest ? (g == p.sc.minority ? 0u : 1u) : g);
      school.codes.push_back(s);
      t.weights.push_back(n);
    }
  }
  t.columns = {std::move(group), std::move(school)};
  return t;
}

MechanismDraw score(const Prepared& p, const Matching& matching, Scratch& w) {
  MechanismDraw out;
  const auto ng = static_cast<std::uint32_t>(p.sc.groups.size());
  std::vector<int> counts(static_cast<std::size_t>(p.m) * ng, 0);
  out.enrolled.assign(p.m, 0);
  out.minority.assign(p.m, 0);
  w.distances.clear();
  int first = 0;
  int unassigned = 0;
  for (std::uint32_t c = 0; c < p.n; ++c) {
    const auto s = matching.school_of[c];
    if (s == kUnassigned) {
      ++unassigned;
      continue;
    }
    const auto su = static_cast<std::uint32_t>(s);
    const auto g = p.sc.children[c].group;
    ++counts[su * ng + g];
    ++out.enrolled[su];
    if (g == p.sc.minority) ++out.minority[su];
    w.distances.push_back(p.distance[static_cast<std::size_t>(c) * p.m + su]);
    const auto& pr = w.problem;
    if (pr.pref_offset[c + 1] > pr.pref_offset[c] && pr.pref_school[pr.pref_offset[c]] == su) ++first;
  }
  const auto table = composition_table(p, counts, ng, false);
  auto total = mutual_total(table, {"group"}, {"school"});
  out.metric[kMetricM] = total.ok() ? total->m : kNaN;
  out.metric[kMetricH] = total.ok() ? total->h : kNaN;
  const auto binary = composition_table(p, counts, ng, true);
  auto d = dissimilarity(binary, {"group"}, {"school"}, "minority", "other");
  out.metric[kMetricD] = d.ok() ? *d : kNaN;
  out.metric[kMetricFirstChoice] = p.n > 0 ? static_cast<double>(first) / p.n : kNaN;
  out.metric[kMetricUnassigned] = unassigned;
  out.metric[kMetricMeanDistance] =
      w.distances.empty() ? kNaN : std::accumulate(w.distances.begin(), w.distances.end(), 0.0) / static_cast<double>(w.distances.size());
  out.metric[kMetricP90Distance] = w.distances.empty() ? kNaN : quantile_type7(w.distances, 0.9);
  int over = 0;
  for (std::uint32_t s = 0; s < p.m; ++s) over += out.enrolled[s] > 0 && 3 * out.minority[s] > out.enrolled[s];
  out.metric[kMetricOverThird] = over;
  return out;
}

Matching run(const Prepared& p, SimMechanism mechanism, Scratch& w) {
  switch (mechanism) {
    case SimMechanism::catchment: return catchment_only(p, w);
    case SimMechanism::boston: return boston(w.problem);
    case SimMechanism::da: return deferred_acceptance(w.problem);
    case SimMechanism::da_reserves: return da_minority_reserves(w.problem);
    case SimMechanism::controlled_choice: return da_soft_bounds(w.problem);
  }
  return deferred_acceptance(w.problem);
}

// ---- scenario JSON ----

using json = nlohmann::json;

Result<double> number_field(const json& j, const char* key, const std::string& where, std::optional<double> fallback) {
  if (!j.contains(key)) {
    if (fallback) return *fallback;
    return Error::invalid_request(where + ": missing field '" + key + "'");
  }
  if (!j[key].is_number() || !std::isfinite(j[key].get<double>())) {
    return Error::invalid_request(where + ": '" + key + "' must be a finite number");
  }
  return j[key].get<double>();
}

Result<double> share_field(const json& j, const char* key, double fallback) {
  auto v = number_field(j, key, "scenario", fallback);
  if (!v.ok()) return v;
  if (*v < 0 || *v > 1) return Error::invalid_request(std::string("scenario: '") + key + "' must be between 0 and 1");
  return v;
}

}  // namespace

const char* sim_mechanism_name(SimMechanism m) {
  switch (m) {
    case SimMechanism::catchment: return "catchment";
    case SimMechanism::boston: return "boston";
    case SimMechanism::da: return "da";
    case SimMechanism::da_reserves: return "da_reserves";
    case SimMechanism::controlled_choice: return "controlled_choice";
  }
  return "da";
}

Result<Scenario> parse_scenario(std::string_view json_text) {
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error::invalid_request("scenario is empty");
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number too big for a double (1e999)
    return Error::invalid_request(std::string("malformed JSON: ") + e.what());
  }
  if (!j.is_object()) return Error::invalid_request("scenario must be a JSON object");
  Scenario sc;
  if (j.contains("name")) sc.name = j["name"].is_string() ? j["name"].get<std::string>() : "";
  for (const char* key : {"groups", "schools", "children"}) {
    if (!j.contains(key) || !j[key].is_array()) return Error::invalid_request(std::string("scenario: missing array '") + key + "'");
  }
  std::unordered_map<std::string, std::uint32_t> group_index;
  for (std::size_t g = 0; g < j["groups"].size(); ++g) {
    const auto& gj = j["groups"][g];
    const std::string where = "groups[" + std::to_string(g) + "]";
    if (!gj.is_object() || !gj.contains("name") || !gj["name"].is_string()) {
      return Error::invalid_request(where + ": needs a string 'name'");
    }
    GroupChoiceModel model;
    model.name = gj["name"].get<std::string>();
    if (!group_index.try_emplace(model.name, static_cast<std::uint32_t>(g)).second) {
      return Error::invalid_request("duplicate group '" + model.name + "'");
    }
    for (auto [key, field] : {std::pair{"distance_decay", &model.distance_decay}, std::pair{"quality_weight", &model.quality_weight},
                              std::pair{"composition_weight", &model.composition_weight}}) {
      auto v = number_field(gj, key, "group '" + model.name + "'", *field);
      if (!v.ok()) return std::move(v).error();
      *field = *v;
    }
    sc.groups.push_back(model);
  }
  if (sc.groups.size() < 2) return Error::invalid_request("scenario: needs at least two groups");
  const std::string minority = j.contains("minority_group") && j["minority_group"].is_string()
                                   ? j["minority_group"].get<std::string>()
                                   : std::string("minority");
  auto mg = group_index.find(minority);
  if (mg == group_index.end()) return Error::invalid_request("scenario: minority_group '" + minority + "' is not one of the groups");
  sc.minority = mg->second;

  std::unordered_map<std::string, std::uint32_t> school_index;
  for (std::size_t s = 0; s < j["schools"].size(); ++s) {
    const auto& sj = j["schools"][s];
    std::string where = "schools[" + std::to_string(s) + "]";
    if (!sj.is_object() || !sj.contains("id") || !sj["id"].is_string() || sj["id"].get<std::string>().empty()) {
      return Error::invalid_request(where + ": needs a string 'id'");
    }
    SimSchool school;
    school.id = sj["id"].get<std::string>();
    where = "school '" + school.id + "'";
    if (!school_index.try_emplace(school.id, static_cast<std::uint32_t>(s)).second) {
      return Error::invalid_request("duplicate school id '" + school.id + "'");
    }
    auto x = number_field(sj, "x", where, std::nullopt);
    auto y = number_field(sj, "y", where, std::nullopt);
    auto cap = number_field(sj, "capacity", where, std::nullopt);
    auto q = number_field(sj, "quality", where, 0.0);
    auto share = number_field(sj, "minority_share", where, 0.0);
    for (const auto* r : {&x, &y, &cap, &q, &share}) {
      if (!r->ok()) return r->error();
    }
    if (*cap < 0 || *cap != std::floor(*cap)) return Error::invalid_request(where + ": capacity must be an integer >= 0");
    if (*share < 0 || *share > 1) return Error::invalid_request(where + ": minority_share must be between 0 and 1");
    school.x = *x;
    school.y = *y;
    school.capacity = static_cast<int>(*cap);
    school.quality = *q;
    school.minority_share = *share;
    sc.schools.push_back(std::move(school));
  }
  if (sc.schools.size() < 2) return Error::invalid_request("scenario: needs at least two schools");
  for (std::size_t c = 0; c < j["children"].size(); ++c) {
    const auto& cj = j["children"][c];
    const std::string where = "children[" + std::to_string(c) + "]";
    if (!cj.is_object()) return Error::invalid_request(where + " must be an object");
    SimChild child;
    auto x = number_field(cj, "x", where, std::nullopt);
    if (!x.ok()) return std::move(x).error();
    auto y = number_field(cj, "y", where, std::nullopt);
    if (!y.ok()) return std::move(y).error();
    child.x = *x;
    child.y = *y;
    if (!cj.contains("group") || !cj["group"].is_string()) return Error::invalid_request(where + ": needs a string 'group'");
    auto g = group_index.find(cj["group"].get<std::string>());
    if (g == group_index.end()) return Error::invalid_request(where + ": unknown group '" + cj["group"].get<std::string>() + "'");
    child.group = g->second;
    if (cj.contains("catchment")) {
      if (!cj["catchment"].is_string()) return Error::invalid_request(where + ": catchment must be a school id");
      auto s = school_index.find(cj["catchment"].get<std::string>());
      if (s == school_index.end()) {
        return Error::invalid_request(where + ": unknown catchment school '" + cj["catchment"].get<std::string>() + "'");
      }
      child.catchment = s->second;
    } else {
      child.catchment = nearest_school(sc.schools, child.x, child.y);
    }
    sc.children.push_back(child);
  }
  if (sc.children.empty()) return Error::invalid_request("scenario: no children");

  if (j.contains("list_length")) {
    if (!j["list_length"].is_number_integer() || j["list_length"].get<int>() < 1) {
      return Error::invalid_request("scenario: list_length must be an integer >= 1");
    }
    sc.list_length = j["list_length"].get<int>();
  }
  if (j.contains("catchment_fallback")) {
    if (!j["catchment_fallback"].is_boolean()) return Error::invalid_request("scenario: catchment_fallback must be true or false");
    sc.catchment_fallback = j["catchment_fallback"].get<bool>();
  }
  auto noise = number_field(j, "noise", "scenario", sc.noise);
  if (!noise.ok()) return std::move(noise).error();
  if (*noise < 0) return Error::invalid_request("scenario: noise must be >= 0");
  sc.noise = *noise;
  for (auto [key, field] : {std::pair{"reserve_share", &sc.reserve_share}, std::pair{"floor_share", &sc.floor_share},
                            std::pair{"ceiling_share", &sc.ceiling_share}}) {
    auto v = share_field(j, key, *field);
    if (!v.ok()) return std::move(v).error();
    *field = *v;
  }
  if (sc.floor_share > sc.ceiling_share) return Error::invalid_request("scenario: floor_share must not exceed ceiling_share");
  if (j.contains("mechanisms")) {
    if (!j["mechanisms"].is_array() || j["mechanisms"].empty()) {
      return Error::invalid_request("scenario: mechanisms must be a non-empty array");
    }
    sc.mechanisms.clear();
    for (const auto& mj : j["mechanisms"]) {
      const std::string name = mj.is_string() ? mj.get<std::string>() : mj.dump();
      bool found = false;
      for (auto m : {SimMechanism::catchment, SimMechanism::boston, SimMechanism::da, SimMechanism::da_reserves,
                     SimMechanism::controlled_choice}) {
        if (name == sim_mechanism_name(m)) {
          sc.mechanisms.push_back(m);
          found = true;
        }
      }
      if (!found) {
        return Error::invalid_request("scenario: unknown mechanism '" + name +
                                      "' (catchment, boston, da, da_reserves, controlled_choice)");
      }
    }
  }
  return sc;
}

nlohmann::ordered_json scenario_to_json(const Scenario& sc) {
  nlohmann::ordered_json j;
  j["name"] = sc.name;
  j["minority_group"] = sc.groups[sc.minority].name;
  j["groups"] = nlohmann::ordered_json::array();
  for (const auto& g : sc.groups) {
    j["groups"].push_back({{"name", g.name},
                           {"distance_decay", g.distance_decay},
                           {"quality_weight", g.quality_weight},
                           {"composition_weight", g.composition_weight}});
  }
  j["list_length"] = sc.list_length;
  j["catchment_fallback"] = sc.catchment_fallback;
  j["noise"] = sc.noise;
  j["reserve_share"] = sc.reserve_share;
  j["floor_share"] = sc.floor_share;
  j["ceiling_share"] = sc.ceiling_share;
  j["mechanisms"] = nlohmann::ordered_json::array();
  for (auto m : sc.mechanisms) j["mechanisms"].push_back(sim_mechanism_name(m));
  j["schools"] = nlohmann::ordered_json::array();
  // Coordinates rounded to metres and shares to 4 places keep the file small and stable.
  auto round_to = [](double v, double unit) { return std::round(v / unit) * unit; };
  for (const auto& s : sc.schools) {
    j["schools"].push_back({{"id", s.id},
                            {"x", round_to(s.x, 0.001)},
                            {"y", round_to(s.y, 0.001)},
                            {"capacity", s.capacity},
                            {"quality", round_to(s.quality, 0.0001)},
                            {"minority_share", round_to(s.minority_share, 0.0001)}});
  }
  j["children"] = nlohmann::ordered_json::array();
  for (const auto& c : sc.children) {
    j["children"].push_back({{"x", round_to(c.x, 0.001)},
                             {"y", round_to(c.y, 0.001)},
                             {"group", sc.groups[c.group].name},
                             {"catchment", sc.schools[c.catchment].id}});
  }
  return j;
}

constexpr double kWidth = 16.0;   // km, west-east extent of the synthetic city
constexpr double kHeight = 14.0;  // km, south-north

Scenario generate_brno(std::uint64_t seed) {
  constexpr int kChildren = 4300;
  constexpr int kColumns = 10;
  constexpr int kRows = 8;
  std::mt19937_64 rng(seed);
  Scenario sc;
  sc.name = "brno";
  sc.groups = {{"majority", 1.0, 1.0, -8.0}, {"roma", 1.6, 0.3, 1.0}};
  sc.minority = 1;
  auto clamp_x = [](double v) { return std::clamp(v, 0.0, kWidth); };
  auto clamp_y = [](double v) { return std::clamp(v, 0.0, kHeight); };

  // 80 schools on a jittered grid.
  for (int r = 0; r < kRows; ++r) {
    for (int c = 0; c < kColumns; ++c) {
      SimSchool s;
      const int n = r * kColumns + c + 1;
      s.id = std::string(n < 10 ? "zs0" : "zs") + std::to_string(n);
      s.x = clamp_x((c + 0.5) * kWidth / kColumns + (uniform01(rng) - 0.5) * 1.0);
      s.y = clamp_y((r + 0.5) * kHeight / kRows + (uniform01(rng) - 0.5) * 1.0);
      s.quality = 0.5 * standard_normal(rng);
      sc.schools.push_back(s);
    }
  }
  // Minority of 3-5 % in clusters near the centre (sd in km), the rest spread around the centre.
  const double minority_share = 0.03 + 0.02 * uniform01(rng);
  const int n_minority = static_cast<int>(std::lround(minority_share * kChildren));
  struct Cluster {
    double x, y, sd, weight;
  };
  const Cluster clusters[] = {{8.6, 7.6, 0.5, 0.5}, {9.3, 8.9, 0.4, 0.3}, {10.6, 6.8, 0.5, 0.2}};
  for (int i = 0; i < kChildren; ++i) {
    SimChild child;
    if (i < n_minority) {
      child.group = 1;
      double u = uniform01(rng);
      const Cluster* cl = &clusters[0];
      for (const auto& c : clusters) {
        cl = &c;
        if (u < c.weight) break;
        u -= c.weight;
      }
      child.x = clamp_x(cl->x + cl->sd * standard_normal(rng));
      child.y = clamp_y(cl->y + cl->sd * standard_normal(rng));
    } else {
      child.group = 0;
      if (uniform01(rng) < 0.7) {
        child.x = clamp_x(8.0 + 3.2 * standard_normal(rng));
        child.y = clamp_y(7.0 + 3.0 * standard_normal(rng));
      } else {
        child.x = kWidth * uniform01(rng);
        child.y = kHeight * uniform01(rng);
      }
    }
    child.catchment = nearest_school(sc.schools, child.x, child.y);
    sc.children.push_back(child);
  }
  // Capacities in classes of 25 with ~10 % slack over the catchment; reputation follows composition.
  std::vector<int> in_catchment(sc.schools.size(), 0);
  std::vector<int> minority_in(sc.schools.size(), 0);
  for (const auto& c : sc.children) {
    ++in_catchment[c.catchment];
    minority_in[c.catchment] += c.group == 1;
  }
  for (std::size_t s = 0; s < sc.schools.size(); ++s) {
    auto& school = sc.schools[s];
    school.capacity = 25 * std::max(1, static_cast<int>(std::ceil(1.1 * in_catchment[s] / 25.0)));
    school.minority_share = in_catchment[s] > 0 ? static_cast<double>(minority_in[s]) / in_catchment[s] : 0.0;
    if (school.minority_share > 0.2) school.quality -= 0.5;
  }
  return sc;
}

Result<SimulationResult> simulate(const Scenario& scenario, const SimulationOptions& options) {
  if (options.draws < 1) return Error::invalid_request("--draws must be at least 1");
  if (options.threads < 1) return Error::invalid_request("--threads must be at least 1");
  if (scenario.schools.size() < 2 || scenario.children.empty() || scenario.groups.size() < 2 ||
      scenario.minority >= scenario.groups.size()) {
    return Error::invalid_request("scenario needs two schools, two groups and at least one child");
  }
  const Prepared prepared = prepare(scenario);
  const std::size_t n_mech = scenario.mechanisms.size();
  std::vector<std::vector<MechanismDraw>> draws(static_cast<std::size_t>(options.draws));
  std::atomic<int> next{0};
  std::atomic<int> done{0};
  auto worker = [&] {
    Scratch scratch;
    for (int d = next++; d < options.draws; d = next++) {
      std::seed_seq seq{static_cast<std::uint32_t>(options.seed), static_cast<std::uint32_t>(options.seed >> 32),
                        static_cast<std::uint32_t>(d)};
      std::mt19937_64 rng(seq);
      build_draw(prepared, rng, scratch);
      auto& out = draws[static_cast<std::size_t>(d)];
      for (auto m : scenario.mechanisms) out.push_back(score(prepared, run(prepared, m, scratch), scratch));
      const int finished = ++done;
      if (options.progress) options.progress(finished);
    }
  };
  const int n_threads = std::min(options.threads, options.draws);
  std::vector<std::thread> threads;
  for (int t = 1; t < n_threads; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  SimulationResult result;
  result.draws = options.draws;
  result.seed = options.seed;
  for (std::size_t k = 0; k < n_mech; ++k) {
    MechanismOutcome mo;
    mo.mechanism = scenario.mechanisms[k];
    auto metric = [&](Metric which) {
      std::vector<double> v;
      for (const auto& d : draws) v.push_back(d[k].metric[which]);
      return spread_of(std::move(v));
    };
    mo.m = metric(kMetricM);
    mo.h = metric(kMetricH);
    mo.d = metric(kMetricD);
    mo.first_choice_share = metric(kMetricFirstChoice);
    mo.unassigned = metric(kMetricUnassigned);
    mo.mean_distance_km = metric(kMetricMeanDistance);
    mo.p90_distance_km = metric(kMetricP90Distance);
    mo.schools_over_third = metric(kMetricOverThird);
    for (std::uint32_t s = 0; s < prepared.m; ++s) {
      std::vector<double> enrolled;
      std::vector<double> share;
      for (const auto& d : draws) {
        enrolled.push_back(d[k].enrolled[s]);
        share.push_back(d[k].enrolled[s] > 0 ? static_cast<double>(d[k].minority[s]) / d[k].enrolled[s] : kNaN);
      }
      mo.schools.push_back(SchoolOutcome{scenario.schools[s].id, scenario.schools[s].capacity, spread_of(enrolled), spread_of(share)});
    }
    result.mechanisms.push_back(std::move(mo));
  }
  return result;
}

nlohmann::ordered_json simulation_to_json(const Scenario& scenario, const SimulationResult& result) {
  using ojson = nlohmann::ordered_json;
  auto spread = [](const Spread& s) {
    auto num = [](double v) { return std::isnan(v) ? ojson(nullptr) : ojson(v); };
    return ojson{{"mean", num(s.mean)}, {"sd", num(s.sd)}, {"p5", num(s.p5)}, {"p50", num(s.p50)}, {"p95", num(s.p95)}};
  };
  std::size_t minority = 0;
  for (const auto& c : scenario.children) minority += c.group == scenario.minority;
  ojson out;
  out["scenario"] = scenario.name;
  out["draws"] = result.draws;
  out["seed"] = result.seed;
  out["children"] = scenario.children.size();
  out["minority_children"] = minority;
  out["schools"] = scenario.schools.size();
  out["notes"] = {
      {"unassigned", "Unassigned children attend no school in the model: they are left out of M, H, D, the "
                     "composition and the distances, and counted in 'unassigned'."},
      {"D", "Index of dissimilarity between the minority group and all other children together."},
      {"first_choice_share", "Share of all children assigned to the school they ranked first."},
      {"distance", "Straight-line km from home to the assigned school."},
      {"spread", "mean, sd and the 5/50/95th percentiles over the lottery and preference draws."}};
  out["mechanisms"] = ojson::array();
  for (const auto& m : result.mechanisms) {
    ojson mj;
    mj["mechanism"] = sim_mechanism_name(m.mechanism);
    mj["M"] = spread(m.m);
    mj["H"] = spread(m.h);
    mj["D"] = spread(m.d);
    mj["first_choice_share"] = spread(m.first_choice_share);
    mj["unassigned"] = spread(m.unassigned);
    mj["mean_distance_km"] = spread(m.mean_distance_km);
    mj["p90_distance_km"] = spread(m.p90_distance_km);
    mj["schools_over_third_minority"] = spread(m.schools_over_third);
    mj["schools"] = ojson::array();
    for (const auto& s : m.schools) {
      mj["schools"].push_back({{"id", s.id},
                               {"capacity", s.capacity},
                               {"enrolled", spread(s.enrolled)},
                               {"minority_share", spread(s.minority_share)}});
    }
    out["mechanisms"].push_back(std::move(mj));
  }
  return out;
}

}  // namespace kredo::analytics
