#include "domain/school_segregation.hpp"

#include <cstdio>
#include <map>

#include "analytics/segregation.hpp"
#include "domain/schools.hpp"

namespace kredo::domain {

namespace {

// The latest estimate of each school for each school year (highest id wins).
constexpr const char* kLatestEstimates =
    "SELECT c.school_year, s.id, s.name, s.capacity, c.roma_share FROM school_composition c "
    "JOIN schools s ON s.id = c.school_id "
    "WHERE c.roma_share IS NOT NULL AND (($1 = 'ms' AND s.type = 'ms') OR ($1 = 'zs' AND s.type <> 'ms')) "
    "AND c.id = (SELECT MAX(c2.id) FROM school_composition c2 WHERE c2.school_id = c.school_id "
    "AND c2.school_year = c.school_year AND c2.roma_share IS NOT NULL) "
    "ORDER BY c.school_year, s.name_sort";

std::string wire_status(const std::string& s) {
  if (s == "more_than_third") return "over_third";
  if (s == "more_than_half") return "over_half";
  if (s == "almost_all") return "almost_all";
  return "none";
}

}  // namespace

Result<std::vector<SchoolSegregationYear>> school_segregation(storage::Database& db, const std::string& level) {
  if (level != "zs" && level != "ms") return Error::field("level", "Use level=zs or level=ms.");
  auto tx = db.begin(storage::TxMode::read);
  const SegregationThresholds thresholds = load_thresholds(*tx);
  std::map<int, SchoolSegregationYear> years;
  std::map<int, std::vector<double>> capacities;
  for (const auto& r : tx->query(kLatestEstimates, {level})) {
    const int year = static_cast<int>(r.i64(0));
    auto& y = years[year];
    char label[16];
    std::snprintf(label, sizeof label, "%d/%02d", year, (year + 1) % 100);
    y.school_year = label;
    auto capacity = r.opt_i64(3);
    if (!capacity || *capacity <= 0) {
      ++y.schools_without_capacity;
      continue;
    }
    SchoolSegregationSchool s;
    s.id = r.i64(1);
    s.name = r.str(2);
    s.minority_share = r.f64(4);
    s.status = wire_status(segregation_status(s.minority_share, thresholds));
    y.schools.push_back(std::move(s));
    capacities[year].push_back(static_cast<double>(*capacity));
  }
  tx.reset();

  std::vector<SchoolSegregationYear> out;
  for (auto& [year, y] : years) {
    const auto& cap = capacities[year];
    std::vector<std::string> groups, units;
    std::vector<double> weights;
    for (std::size_t i = 0; i < y.schools.size(); ++i) {
      const std::string unit = std::to_string(y.schools[i].id);
      groups.push_back("roma");
      units.push_back(unit);
      weights.push_back(cap[i] * y.schools[i].minority_share);
      groups.push_back("other");
      units.push_back(unit);
      weights.push_back(cap[i] * (1 - y.schools[i].minority_share));
      y.n += cap[i];
    }
    if (y.schools.size() >= 2) {
      std::vector<analytics::CategoricalColumn> cols{analytics::encode_column("group", groups),
                                                     analytics::encode_column("unit", units)};
      auto table = analytics::make_frequency_table(std::move(cols), std::move(weights));
      if (table) {
        // Fewer than two groups with pupils (all estimates 0 %, say) leaves the indices undefined.
        if (auto total = analytics::mutual_total(*table, {"group"}, {"unit"})) {
          y.m = total->m;
          y.h = total->h;
        }
        if (auto d = analytics::dissimilarity(*table, {"group"}, {"unit"}, "roma", "other")) y.d = *d;
        if (auto local = analytics::mutual_local(*table, {"group"}, {"unit"})) {
          std::map<std::string, const analytics::LocalSegregation*> by_unit;
          for (const auto& l : *local) by_unit[l.unit] = &l;
          for (auto& s : y.schools)
            if (auto it = by_unit.find(std::to_string(s.id)); it != by_unit.end()) {
              s.local_ls = it->second->ls;
              s.local_p = it->second->p;
            }
        }
      }
    }
    out.push_back(std::move(y));
  }
  return out;
}

}  // namespace kredo::domain
