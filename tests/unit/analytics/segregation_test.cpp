// Segregation indices against the figures the R package `segregation` publishes for schools00,
// hand-computed small tables, and the decomposition identities the package documents.
#include "analytics/segregation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include "analytics/frequency_reader.hpp"

namespace kredo::analytics {
namespace {

std::string shared_dir() {
  if (const char* env = std::getenv("KREDO_SHARED_DIR")) return env;
  return std::string(KREDO_SOURCE_DIR) + "/../shared";
}

const FrequencyTable& schools00() {
  static const FrequencyTable table = [] {
    FrequencyCsvSpec spec{{"state", "district", "school", "race"}, "n", ','};
    auto read = read_frequency_csv(shared_dir() + "/data/segregation/schools00.csv", spec);
    if (!read.ok()) {
      ADD_FAILURE() << read.error().message;
      return FrequencyTable{};
    }
    return std::move(read).value();
  }();
  return table;
}

// A table from (group, unit, weight) triples.
FrequencyTable small_table(const std::vector<std::tuple<std::string, std::string, double>>& rows) {
  std::vector<std::string> groups;
  std::vector<std::string> units;
  std::vector<double> weights;
  for (const auto& [g, u, w] : rows) {
    groups.push_back(g);
    units.push_back(u);
    weights.push_back(w);
  }
  auto t = make_frequency_table({encode_column("group", groups), encode_column("unit", units)}, weights);
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

TEST(Schools00, ReadsAllRows) {
  const auto& t = schools00();
  EXPECT_EQ(t.rows(), 8142u);
  double n = 0;
  for (double w : t.weights) n += w;
  EXPECT_DOUBLE_EQ(n, 877739);
}

TEST(MutualTotal, ReproducesPublishedSchools00Figures) {
  auto r = mutual_total(schools00(), {"race"}, {"school"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_NEAR(r->m, 0.4255390, 5e-7);
  EXPECT_NEAR(r->h, 0.4188083, 5e-7);
  EXPECT_DOUBLE_EQ(r->n, 877739);
}

TEST(MutualTotal, MIsSymmetricButHDividesByTheGroupEntropy) {
  auto swapped = mutual_total(schools00(), {"school"}, {"race"});
  ASSERT_TRUE(swapped.ok());
  EXPECT_NEAR(swapped->m, 0.4255390, 5e-7);
  EXPECT_NEAR(swapped->h, 0.05642991, 5e-9);
}

TEST(MutualTotal, CompositeUnitsOfNestedColumnsChangeNothing) {
  auto r = mutual_total(schools00(), {"race"}, {"district", "school"});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->m, 0.4255390, 5e-7);
}

TEST(MutualTotal, HandComputedTwoByTwo) {
  // Complete segregation of two equal groups: M = log 2, H = 1.
  auto full = mutual_total(small_table({{"a", "x", 10}, {"b", "y", 10}}), {"group"}, {"unit"});
  ASSERT_TRUE(full.ok());
  EXPECT_NEAR(full->m, std::log(2.0), 1e-12);
  EXPECT_NEAR(full->h, 1.0, 1e-12);
  // Identical composition everywhere: no segregation.
  auto none = mutual_total(small_table({{"a", "x", 3}, {"b", "x", 1}, {"a", "y", 6}, {"b", "y", 2}}), {"group"}, {"unit"});
  ASSERT_TRUE(none.ok());
  EXPECT_NEAR(none->m, 0.0, 1e-12);
}

TEST(MutualTotal, DuplicateRowsAreAggregatedAndZeroWeightsIgnored) {
  auto split = mutual_total(small_table({{"a", "x", 4}, {"a", "x", 6}, {"b", "y", 10}, {"b", "x", 0}}), {"group"}, {"unit"});
  ASSERT_TRUE(split.ok());
  EXPECT_NEAR(split->m, std::log(2.0), 1e-12);
}

TEST(MutualTotal, ErrorCases) {
  auto constant_group = mutual_total(small_table({{"a", "x", 1}, {"a", "y", 2}}), {"group"}, {"unit"});
  ASSERT_FALSE(constant_group.ok());
  EXPECT_NE(constant_group.error().message.find("group variable is constant"), std::string::npos);
  auto constant_unit = mutual_total(small_table({{"a", "x", 1}, {"b", "x", 2}}), {"group"}, {"unit"});
  ASSERT_FALSE(constant_unit.ok());
  EXPECT_NE(constant_unit.error().message.find("unit variable is constant"), std::string::npos);
  // Only zero weights in the second unit: it does not count as a unit.
  EXPECT_FALSE(mutual_total(small_table({{"a", "x", 1}, {"b", "x", 2}, {"a", "y", 0}}), {"group"}, {"unit"}).ok());
  auto missing = mutual_total(small_table({{"a", "x", 1}}), {"race"}, {"unit"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("'race'"), std::string::npos);
  EXPECT_FALSE(mutual_total(small_table({{"a", "x", 1}}), {}, {"unit"}).ok());
}

TEST(MakeFrequencyTable, RejectsNegativeAndNonFiniteWeightsAndLengthMismatch) {
  EXPECT_FALSE(make_frequency_table({encode_column("g", {"a"})}, {-1.0}).ok());
  EXPECT_FALSE(make_frequency_table({encode_column("g", {"a"})}, {NAN}).ok());
  EXPECT_FALSE(make_frequency_table({encode_column("g", {"a", "b"})}, {1.0}).ok());
}

TEST(Dissimilarity, HandComputedPackageExample) {
  // segregation::dissimilarity's example m1: units 1-4, group 1 = 100,60,40,0, group 2 = 0,40,60,100.
  // D = (|.5-0| + |.3-.2| + |.2-.3| + |0-.5|) / 2 = 0.6. A third group must not matter.
  auto t = small_table({{"g1", "u1", 100}, {"g1", "u2", 60}, {"g1", "u3", 40},
                        {"g2", "u2", 40}, {"g2", "u3", 60}, {"g2", "u4", 100},
                        {"g3", "u1", 500}, {"g3", "u5", 70}});
  auto d = dissimilarity(t, {"group"}, {"unit"}, "g1", "g2");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_NEAR(*d, 0.6, 1e-12);
  auto reversed = dissimilarity(t, {"group"}, {"unit"}, "g2", "g1");
  ASSERT_TRUE(reversed.ok());
  EXPECT_NEAR(*reversed, 0.6, 1e-12);
  // g1 vs g3: g1 = .5,.3,.2,0,0  g3 = 500/570, 0,0,0, 70/570.
  auto d13 = dissimilarity(t, {"group"}, {"unit"}, "g1", "g3");
  ASSERT_TRUE(d13.ok());
  EXPECT_NEAR(*d13, (std::abs(0.5 - 500.0 / 570) + 0.3 + 0.2 + 70.0 / 570) / 2, 1e-12);
}

TEST(Dissimilarity, ErrorCases) {
  auto t = small_table({{"a", "x", 1}, {"b", "y", 1}, {"c", "y", 0}});
  EXPECT_FALSE(dissimilarity(t, {"group"}, {"unit"}, "a", "a").ok());
  auto unknown = dissimilarity(t, {"group"}, {"unit"}, "a", "zz");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("'zz'"), std::string::npos);
  EXPECT_FALSE(dissimilarity(t, {"group"}, {"unit"}, "a", "c").ok());  // c has no weight
}

TEST(Exposure, HandComputedAndIsolationIsSelfExposure) {
  // Unit x: a=2, b=2; unit y: a=1, b=3. n_a = 3, n_b = 5.
  auto t = small_table({{"a", "x", 2}, {"b", "x", 2}, {"a", "y", 1}, {"b", "y", 3}});
  auto e = exposure(t, {"group"}, {"unit"});
  ASSERT_TRUE(e.ok());
  std::map<std::pair<std::string, std::string>, double> by;
  for (const auto& x : *e) by[{x.of, x.to}] = x.exposure;
  ASSERT_EQ(by.size(), 4u);
  EXPECT_NEAR((by[{"a", "b"}]), (2.0 * 2 / (4 * 3)) + (1.0 * 3 / (4 * 3)), 1e-12);
  EXPECT_NEAR((by[{"a", "a"}]), (2.0 * 2 / (4 * 3)) + (1.0 * 1 / (4 * 3)), 1e-12);
  EXPECT_NEAR((by[{"b", "a"}]), (2.0 * 2 / (4 * 5)) + (3.0 * 1 / (4 * 5)), 1e-12);
  // Exposure of a group to all groups sums to 1.
  EXPECT_NEAR((by[{"a", "a"}] + by[{"a", "b"}]), 1.0, 1e-12);
  auto iso = isolation(t, {"group"}, {"unit"});
  ASSERT_TRUE(iso.ok());
  ASSERT_EQ(iso->size(), 2u);
  EXPECT_EQ((*iso)[0].group, "a");
  EXPECT_DOUBLE_EQ((*iso)[0].isolation, (by[{"a", "a"}]));
  EXPECT_DOUBLE_EQ((*iso)[1].isolation, (by[{"b", "b"}]));
}

TEST(Exposure, RowsOfEachGroupSumToOneOnSchools00) {
  auto e = exposure(schools00(), {"race"}, {"school"});
  ASSERT_TRUE(e.ok());
  std::map<std::string, double> sums;
  for (const auto& x : *e) sums[x.of] += x.exposure;
  EXPECT_EQ(sums.size(), 5u);
  for (const auto& [g, s] : sums) EXPECT_NEAR(s, 1.0, 1e-12) << g;
}

TEST(Exposure, IsAsymmetricInProportionToGroupSizesAndMatchesIsolation) {
  // n_b * P(b -> w) = n_w * P(w -> b): both count b-w contacts, as the package's tests check.
  auto e = exposure(schools00(), {"race"}, {"school"});
  auto iso = isolation(schools00(), {"race"}, {"school"});
  ASSERT_TRUE(e.ok() && iso.ok());
  std::map<std::pair<std::string, std::string>, double> by;
  for (const auto& x : *e) by[{x.of, x.to}] = x.exposure;
  std::map<std::string, double> total;
  const auto* race = schools00().find("race");
  for (std::size_t r = 0; r < schools00().rows(); ++r) total[race->labels[race->codes[r]]] += schools00().weights[r];
  EXPECT_NEAR((by[{"black", "white"}]), (by[{"white", "black"}]) * total["white"] / total["black"], 1e-12);
  EXPECT_NEAR((by[{"asian", "hisp"}]), (by[{"hisp", "asian"}]) * total["hisp"] / total["asian"], 1e-12);
  ASSERT_EQ(iso->size(), 5u);
  for (const auto& i : *iso) EXPECT_NEAR(i.isolation, (by[{i.group, i.group}]), 1e-14) << i.group;
}

TEST(MutualWithin, BetweenPlusWithinIsTotalOnSchools00) {
  auto r = mutual_within(schools00(), {"race"}, {"school"}, {"state"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_NEAR(r->total.m, 0.4255390, 5e-7);
  // Published in the package vignette: between states .0992 / .0977, within .326 / .321.
  EXPECT_NEAR(r->between.m, 0.09924370, 5e-8);
  EXPECT_NEAR(r->between.h, 0.09767398, 5e-8);
  EXPECT_NEAR(r->m_within, 0.326, 5e-4);
  EXPECT_NEAR(r->h_within, 0.321, 5e-4);
  double m_sum = 0;
  double h_sum = 0;
  double p_sum = 0;
  for (const auto& c : r->categories) {
    m_sum += c.p * c.m;
    h_sum += c.p * c.ent_ratio * c.h;
    p_sum += c.p;
  }
  EXPECT_NEAR(m_sum, r->m_within, 1e-12);
  EXPECT_NEAR(h_sum, r->h_within, 1e-12);
  EXPECT_NEAR(p_sum, 1.0, 1e-12);
  EXPECT_NEAR(r->between.m + r->m_within, r->total.m, 1e-12);
  ASSERT_EQ(r->categories.size(), 3u);
  // The package's mutual_within example: M of state A is .409, and A is 27.7% of the pupils.
  EXPECT_EQ(r->categories[0].within, "A");
  EXPECT_NEAR(r->categories[0].m, 0.409, 5e-4);
  EXPECT_NEAR(r->categories[0].p, 0.277, 5e-4);
}

TEST(MutualWithin, CategoryMEqualsMOfTheSubset) {
  auto t = small_table({{"a", "x", 5}, {"b", "x", 1}, {"a", "y", 1}, {"b", "y", 5}});
  // Add a region column: x and y in region r1, plus z and w in r2 with no segregation.
  std::vector<std::string> g{"a", "b", "a", "b", "a", "b", "a", "b"};
  std::vector<std::string> u{"x", "x", "y", "y", "z", "z", "w", "w"};
  std::vector<std::string> region{"r1", "r1", "r1", "r1", "r2", "r2", "r2", "r2"};
  std::vector<double> w{5, 1, 1, 5, 2, 2, 3, 3};
  auto table = make_frequency_table(
      {encode_column("group", g), encode_column("unit", u), encode_column("region", region)}, w);
  ASSERT_TRUE(table.ok());
  auto r = mutual_within(*table, {"group"}, {"unit"}, {"region"});
  ASSERT_TRUE(r.ok());
  auto r1 = mutual_total(t, {"group"}, {"unit"});
  ASSERT_TRUE(r1.ok());
  ASSERT_EQ(r->categories.size(), 2u);
  EXPECT_NEAR(r->categories[0].m, r1->m, 1e-12);
  EXPECT_NEAR(r->categories[0].p, 12.0 / 22, 1e-12);
  EXPECT_NEAR(r->categories[1].m, 0.0, 1e-12);
  EXPECT_NEAR(r->between.m + r->m_within, r->total.m, 1e-12);
}

TEST(MutualTotalNested, ReproducesPublishedLevelsAndSumsToTotal) {
  auto levels = mutual_total_nested(schools00(), {"race"}, {"state", "district", "school"});
  ASSERT_TRUE(levels.ok()) << levels.error().message;
  ASSERT_EQ(levels->size(), 3u);
  // From the package's reference page for mutual_total_nested.
  const double m[] = {0.09924370, 0.23870880, 0.08758648};
  const double h[] = {0.09767398, 0.23493319, 0.08620114};
  const char* between[] = {"state", "district", "school"};
  const char* within[] = {"", "state", "state, district"};
  double m_sum = 0;
  double h_sum = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ((*levels)[k].between, between[k]);
    EXPECT_EQ((*levels)[k].within, within[k]);
    EXPECT_NEAR((*levels)[k].m, m[k], 5e-8);
    EXPECT_NEAR((*levels)[k].h, h[k], 5e-8);
    m_sum += (*levels)[k].m;
    h_sum += (*levels)[k].h;
  }
  EXPECT_NEAR(m_sum, 0.4255390, 5e-7);
  EXPECT_NEAR(h_sum, 0.4188083, 5e-7);
}

TEST(MutualTotalNested, NeedsTwoLevels) {
  EXPECT_FALSE(mutual_total_nested(schools00(), {"race"}, {"school"}).ok());
}

TEST(MutualLocal, WeightedLocalScoresSumToM) {
  auto local = mutual_local(schools00(), {"race"}, {"school"});
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->size(), 2045u);
  double m = 0;
  double p = 0;
  for (const auto& l : *local) {
    m += l.p * l.ls;
    p += l.p;
    EXPECT_GE(l.ls, -1e-15);
  }
  EXPECT_NEAR(m, 0.4255390, 5e-7);
  EXPECT_NEAR(p, 1.0, 1e-12);
  EXPECT_EQ(local->front().unit, "A1_1");
}

TEST(MutualLocal, GroupScoresWhenRolesAreSwapped) {
  auto local = mutual_local(schools00(), {"school"}, {"race"});
  ASSERT_TRUE(local.ok());
  ASSERT_EQ(local->size(), 5u);
  double m = 0;
  for (const auto& l : *local) m += l.p * l.ls;
  EXPECT_NEAR(m, 0.4255390, 5e-7);
}

TEST(MutualLocal, HandComputed) {
  // Unit x: a=3, b=1; unit y: a=1, b=3. p_a = p_b = 1/2. ls_x = .75 log 1.5 + .25 log .5.
  auto local = mutual_local(small_table({{"a", "x", 3}, {"b", "x", 1}, {"a", "y", 1}, {"b", "y", 3}}), {"group"}, {"unit"});
  ASSERT_TRUE(local.ok());
  ASSERT_EQ(local->size(), 2u);
  EXPECT_NEAR((*local)[0].ls, 0.75 * std::log(1.5) + 0.25 * std::log(0.5), 1e-12);
  EXPECT_NEAR((*local)[0].p, 0.5, 1e-12);
}

TEST(Quantile, MatchesRType7) {
  EXPECT_DOUBLE_EQ(quantile_type7({4, 1, 3, 2}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 2, 3, 4, 5}, 0.025), 1.1);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 2, 3, 4, 5}, 1.0), 5.0);
}

Statistic m_and_h() {
  return [](const FrequencyTable& t) -> Result<std::vector<double>> {
    auto r = mutual_total(t, {"race"}, {"school"});
    if (!r.ok()) return std::move(r).error();
    return std::vector<double>{r->m, r->h};
  };
}

TEST(Bootstrap, IsReproducibleAndDebiasesTowardsTheEstimate) {
  BootstrapOptions options{50, 42, 0.95};
  auto a = bootstrap(schools00(), {"M", "H"}, m_and_h(), options);
  ASSERT_TRUE(a.ok()) << a.error().message;
  auto b = bootstrap(schools00(), {"M", "H"}, m_and_h(), options);
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(a->size(), 2u);
  EXPECT_EQ((*a)[0].estimate, (*b)[0].estimate);
  EXPECT_EQ((*a)[0].se, (*b)[0].se);
  const auto& m = (*a)[0];
  EXPECT_EQ(m.stat, "M");
  EXPECT_NEAR(m.original, 0.4255390, 5e-7);
  // M is biased upwards in samples, so the bootstrap mean exceeds the estimate: bias > 0, small.
  EXPECT_GT(m.bias, 0);
  EXPECT_LT(m.bias, 0.005);
  EXPECT_NEAR(m.estimate, m.original - m.bias, 1e-12);
  EXPECT_GT(m.se, 0);
  EXPECT_LT(m.se, 0.01);
  EXPECT_LT(m.ci_low, m.estimate);
  EXPECT_GT(m.ci_high, m.estimate);
  auto other_seed = bootstrap(schools00(), {"M", "H"}, m_and_h(), BootstrapOptions{50, 43, 0.95});
  ASSERT_TRUE(other_seed.ok());
  EXPECT_NE((*other_seed)[0].estimate, m.estimate);
}

TEST(Bootstrap, ResamplesExactlyNIndividuals) {
  auto t = small_table({{"a", "x", 7}, {"b", "x", 3}, {"a", "y", 2}, {"b", "y", 8}, {"c", "y", 0}});
  std::vector<double> totals;
  Statistic total_weight = [&totals](const FrequencyTable& r) -> Result<std::vector<double>> {
    double n = 0;
    for (double w : r.weights) n += w;
    totals.push_back(n);
    if (r.weights[4] != 0) return Error::internal("a zero-weight row was drawn");
    return std::vector<double>{n};
  };
  auto out = bootstrap(t, {"N"}, total_weight, BootstrapOptions{20, 7, 0.9});
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(totals.size(), 21u);
  for (double n : totals) EXPECT_EQ(n, 20);
  EXPECT_DOUBLE_EQ((*out)[0].se, 0);
}

TEST(Bootstrap, RejectsNonIntegerTotalsAndBadOptions) {
  auto fractional = small_table({{"a", "x", 1.5}, {"b", "y", 1}});
  EXPECT_FALSE(bootstrap(fractional, {"N"}, m_and_h(), BootstrapOptions{10, 1, 0.95}).ok());
  auto t = small_table({{"a", "x", 1}, {"b", "y", 1}});
  EXPECT_FALSE(bootstrap(t, {"N"}, m_and_h(), BootstrapOptions{1, 1, 0.95}).ok());
  EXPECT_FALSE(bootstrap(t, {"N"}, m_and_h(), BootstrapOptions{10, 1, 1.0}).ok());
}

TEST(SelectGroups, KeepsOnlyTheNamedGroups) {
  auto two = select_groups(schools00(), {"race"}, {"black", "white"});
  ASSERT_TRUE(two.ok());
  auto race = two->find("race");
  ASSERT_NE(race, nullptr);
  EXPECT_EQ(race->labels.size(), 2u);
  auto d_full = dissimilarity(schools00(), {"race"}, {"school"}, "black", "white");
  auto d_sub = dissimilarity(*two, {"race"}, {"school"}, "black", "white");
  ASSERT_TRUE(d_full.ok() && d_sub.ok());
  EXPECT_NEAR(*d_full, *d_sub, 1e-12);
  EXPECT_GT(*d_full, 0.3);
  EXPECT_LT(*d_full, 1.0);
  EXPECT_FALSE(select_groups(schools00(), {"race"}, {"martian"}).ok());
}

}  // namespace
}  // namespace kredo::analytics
