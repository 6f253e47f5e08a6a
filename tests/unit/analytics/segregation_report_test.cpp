// The report `kredo segregation` prints: which keys appear for which request, and CSV rows.
#include "analytics/segregation_report.hpp"

#include <gtest/gtest.h>

#include "common/csv.hpp"

namespace kredo::analytics {
namespace {

FrequencyTable regions() {
  // Two regions, two schools each; region r1 segregated, r2 mixed.
  std::vector<std::string> g{"roma", "other", "roma", "other", "roma", "other", "roma", "other"};
  std::vector<std::string> u{"s1", "s1", "s2", "s2", "s3", "s3", "s4", "s4"};
  std::vector<std::string> region{"r1", "r1", "r1", "r1", "r2", "r2", "r2", "r2"};
  std::vector<double> w{9, 1, 1, 9, 2, 3, 2, 3};
  auto t = make_frequency_table({encode_column("ethnicity", g), encode_column("school", u), encode_column("region", region)}, w);
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

SegregationRequest basic() {
  SegregationRequest r;
  r.group = "ethnicity";
  r.unit = "school";
  return r;
}

TEST(SegregationReport, BasicKeysOnly) {
  auto report = analyze_segregation(regions(), basic());
  ASSERT_TRUE(report.ok()) << report.error().message;
  const auto j = to_json(*report);
  for (const char* key : {"N", "M", "H", "isolation", "exposure"}) EXPECT_TRUE(j.contains(key)) << key;
  for (const char* key : {"D", "decomposition", "local", "bootstrap"}) EXPECT_FALSE(j.contains(key)) << key;
  EXPECT_EQ(j["N"].get<double>(), 30);
  EXPECT_EQ(j["exposure"]["roma"].size(), 2u);
  EXPECT_DOUBLE_EQ(j["isolation"]["roma"].get<double>(), j["exposure"]["roma"]["roma"].get<double>());
}

TEST(SegregationReport, ExposureCanBeLeftOut) {
  auto rq = basic();
  rq.exposure = false;
  auto report = analyze_segregation(regions(), rq);
  ASSERT_TRUE(report.ok());
  const auto j = to_json(*report);
  EXPECT_FALSE(j.contains("exposure"));
  EXPECT_TRUE(j.contains("isolation"));
}

TEST(SegregationReport, WithinTermsAddUpAndCarryCategories) {
  auto rq = basic();
  rq.within = {"region"};
  auto report = analyze_segregation(regions(), rq);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->decomposition.size(), 2u);
  const auto& between = report->decomposition[0];
  const auto& within = report->decomposition[1];
  EXPECT_EQ(between.between, "region");
  EXPECT_EQ(within.between, "school");
  EXPECT_EQ(within.within, "region");
  EXPECT_NEAR(between.m + within.m, report->total.m, 1e-12);
  EXPECT_NEAR(between.h + within.h, report->total.h, 1e-12);
  ASSERT_EQ(within.categories.size(), 2u);
  EXPECT_NEAR(within.categories[1].m, 0.0, 1e-12);  // r2 is mixed evenly
  const auto j = to_json(*report);
  EXPECT_EQ(j["decomposition"][1]["categories"].size(), 2u);
}

TEST(SegregationReport, NestedAppendsTheUnitAsInnermostLevel) {
  auto rq = basic();
  rq.nested = {"region"};
  auto report = analyze_segregation(regions(), rq);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->decomposition.size(), 2u);
  EXPECT_EQ(report->decomposition[1].between, "school");
  EXPECT_EQ(report->decomposition[1].within, "region");
  EXPECT_NEAR(report->decomposition[0].m + report->decomposition[1].m, report->total.m, 1e-12);
  rq.nested = {"region", "school"};
  auto same = analyze_segregation(regions(), rq);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->decomposition.size(), 2u);
}

TEST(SegregationReport, DLocalAndBootstrapWhenAsked) {
  auto rq = basic();
  rq.d_groups = std::pair<std::string, std::string>{"roma", "other"};
  rq.local = true;
  rq.within = {"region"};
  rq.n_bootstrap = 20;
  rq.seed = 5;
  auto report = analyze_segregation(regions(), rq);
  ASSERT_TRUE(report.ok()) << report.error().message;
  // D by hand: roma shares 9/14,1/14,2/14,2/14; other 1/16,9/16,3/16,3/16.
  const double d = (std::abs(9.0 / 14 - 1.0 / 16) + std::abs(1.0 / 14 - 9.0 / 16) + 2 * std::abs(2.0 / 14 - 3.0 / 16)) / 2;
  ASSERT_TRUE(report->d.has_value());
  EXPECT_NEAR(*report->d, d, 1e-12);
  EXPECT_EQ(report->local.size(), 4u);
  ASSERT_EQ(report->bootstrap.size(), 7u);  // M, H, D, 2 x 2 decomposition terms
  EXPECT_EQ(report->bootstrap[0].stat, "M");
  EXPECT_EQ(report->bootstrap[2].stat, "D(roma, other)");
  EXPECT_EQ(report->bootstrap[3].stat, "M(region)");
  EXPECT_EQ(report->bootstrap[5].stat, "M(school | region)");
  EXPECT_DOUBLE_EQ(report->bootstrap[2].original, d);
  const auto j = to_json(*report);
  EXPECT_DOUBLE_EQ(j["D"].get<double>(), d);
  EXPECT_EQ(j["local"].size(), 4u);
  EXPECT_EQ(j["bootstrap"]["estimates"].size(), 7u);
  EXPECT_EQ(j["bootstrap"]["seed"].get<int>(), 5);
}

TEST(SegregationReport, CsvHasOneRowPerNumber) {
  auto rq = basic();
  rq.d_groups = std::pair<std::string, std::string>{"roma", "other"};
  rq.local = true;
  auto report = analyze_segregation(regions(), rq);
  ASSERT_TRUE(report.ok());
  auto parsed = csv::parse_csv_table(to_csv(*report));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->header, (std::vector<std::string>{"quantity", "a", "b", "value"}));
  // N, M, H, D, 2 isolation, 4 exposure, 4 units x (ls, p)
  EXPECT_EQ(parsed->rows.size(), 3u + 1 + 2 + 4 + 8);
  EXPECT_EQ(parsed->rows[1].fields[0], "M");
  EXPECT_DOUBLE_EQ(std::stod(parsed->rows[1].fields[3]), report->total.m);
  EXPECT_EQ(parsed->rows[3].fields, (std::vector<std::string>{"D", "roma", "other", parsed->rows[3].fields[3]}));
}

TEST(SegregationReport, CsvNeutralizesFormulaLabels) {
  auto t = make_frequency_table({encode_column("g", {"=cmd", "b"}), encode_column("u", {"x", "y"})}, {1, 1});
  ASSERT_TRUE(t.ok());
  SegregationRequest rq;
  rq.group = "g";
  rq.unit = "u";
  auto report = analyze_segregation(*t, rq);
  ASSERT_TRUE(report.ok());
  EXPECT_NE(to_csv(*report).find("isolation,'=cmd,"), std::string::npos);
}

TEST(SegregationReport, RejectsContradictoryRequests) {
  auto rq = basic();
  rq.within = {"region"};
  rq.nested = {"region"};
  EXPECT_FALSE(analyze_segregation(regions(), rq).ok());
  rq = basic();
  rq.unit = "ethnicity";
  EXPECT_FALSE(analyze_segregation(regions(), rq).ok());
  rq = basic();
  rq.within = {"ethnicity"};
  EXPECT_FALSE(analyze_segregation(regions(), rq).ok());
  rq = basic();
  rq.n_bootstrap = 1;
  EXPECT_FALSE(analyze_segregation(regions(), rq).ok());
  rq = basic();
  rq.nested = {"school"};
  EXPECT_FALSE(analyze_segregation(regions(), rq).ok());
}

TEST(SegregationReport, RequestColumnsListEachColumnOnce) {
  auto rq = basic();
  rq.nested = {"region", "school"};
  EXPECT_EQ(request_columns(rq), (std::vector<std::string>{"ethnicity", "region", "school"}));
}

}  // namespace
}  // namespace kredo::analytics
