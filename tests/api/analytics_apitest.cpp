// /api/v1/analytics: segregation on posted rows, the Brno-like scenario and the simulator.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "common/csv.hpp"
#include "support/api_server.hpp"

namespace kredo {
namespace {

using nlohmann::json;

class AnalyticsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new testing::ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static testing::ApiServer* server_;
};
testing::ApiServer* AnalyticsApi::server_ = nullptr;

TEST_F(AnalyticsApi, SegregationOfATwoSchoolCity) {
  // School a: 90 minority + 10 majority; school b: 10 + 90. D = |0.9 - 0.1| = 0.8.
  json rows = json::array({{{"group", "minority"}, {"unit", "a"}, {"weight", 90}},
                           {{"group", "majority"}, {"unit", "a"}, {"weight", 10}},
                           {{"group", "minority"}, {"unit", "b"}, {"weight", 10}},
                           {{"group", "majority"}, {"unit", "b"}, {"weight", 90}}});
  auto r = server_->as("analytik").post("/api/v1/analytics/segregation",
                                        {{"rows", rows}, {"groups", {"minority", "majority"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NEAR(r.json["D"].get<double>(), 0.8, 1e-12);
  EXPECT_NEAR(r.json["N"].get<double>(), 200, 1e-9);
  EXPECT_GT(r.json["M"].get<double>(), 0);
  EXPECT_EQ(r.json["local"].size(), 2u);
}

TEST_F(AnalyticsApi, ReproducesThePublishedFiguresOnSchools00) {
  const char* shared = std::getenv("KREDO_SHARED_DIR");
  std::string path = std::string(shared ? shared : KREDO_SOURCE_DIR "/../shared") + "/data/segregation/schools00.csv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto table = csv::parse_csv_table(text);
  ASSERT_TRUE(table.ok());
  json rows = json::array();
  for (const auto& rec : table->rows) {
    const auto& row = rec.fields;
    rows.push_back({{"group", row[3]}, {"unit", row[2]}, {"weight", std::stod(row[4])}});
  }
  auto r = server_->as("koordinator").post("/api/v1/analytics/segregation", {{"rows", rows}, {"local", false}, {"exposure", false}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_NEAR(r.json["M"].get<double>(), 0.4255390, 5e-7);
  EXPECT_NEAR(r.json["H"].get<double>(), 0.4188083, 5e-7);
}

TEST_F(AnalyticsApi, BadRowsNameTheRow) {
  auto c = server_->as("analytik");
  auto r = c.post("/api/v1/analytics/segregation",
                  {{"rows", json::array({{{"group", "a"}, {"unit", "x"}, {"weight", -1}}})}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.json["error"]["fields"][0]["field"], "rows[0].weight");
  EXPECT_EQ(c.post("/api/v1/analytics/segregation", {{"rows", json::array()}}).status, 422);
  EXPECT_EQ(c.post("/api/v1/analytics/segregation", {{"rows", json::array({{{"group", 1}}})}}).status, 422);
}

TEST_F(AnalyticsApi, SimulatesTheBrnoLikeCityWithEveryMechanism) {
  auto c = server_->as("analytik");
  auto scenario = c.get("/api/v1/analytics/scenarios/brno?seed=3");
  ASSERT_EQ(scenario.status, 200);
  EXPECT_EQ(scenario.json["schools"].size(), 80u);
  auto r = c.post("/api/v1/analytics/simulate", {{"draws", 4}, {"seed", 3}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  ASSERT_EQ(r.json["mechanisms"].size(), 5u);
  auto again = c.post("/api/v1/analytics/simulate", {{"draws", 4}, {"seed", 3}});
  EXPECT_EQ(r.body, again.body) << "the same seed gives the same answer";
  auto too_many = c.post("/api/v1/analytics/simulate", {{"draws", 100000}});
  EXPECT_EQ(too_many.status, 422);
  EXPECT_EQ(too_many.json["error"]["fields"][0]["field"], "draws");
  auto bad = c.post("/api/v1/analytics/simulate", {{"scenario", {{"schools", json::array()}}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
}

TEST_F(AnalyticsApi, BrnoSchoolsPerSchoolYearFromCompositionEstimates) {
  auto c = server_->as("koordinator");
  {
    // The demo's fictional schools come with composition estimates (demo_enrollment.cpp): start from none.
    auto tx = server_->app().db().begin(storage::TxMode::write);
    tx->exec("DELETE FROM school_composition");
    tx->commit();
  }
  auto empty = c.get("/api/v1/analytics/school-segregation?level=zs");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(empty.json["years"].empty());
  // Two schools of 100 places: 90 % and 10 % Roma -> D = 0.8.
  const std::pair<const char*, double> schools[] = {{"900000911", 0.9}, {"900000912", 0.1}};
  for (const auto& [izo, share] : schools) {
    auto s = c.post("/api/v1/schools", {{"izo", izo}, {"name", std::string("Škola ") + izo}, {"type", "zs"}, {"capacity", 100}});
    ASSERT_EQ(s.status, 201) << s.body;
    auto path = "/api/v1/schools/" + std::to_string(s.json["id"].get<int>()) + "/composition";
    ASSERT_EQ(c.post(path, {{"school_year", 2025}, {"roma_share", share / 2}, {"source", "first guess"},
                            {"estimated_on", "2025-09-15"}, {"confidence", "low"}}).status, 201);
    ASSERT_EQ(c.post(path, {{"school_year", 2025}, {"roma_share", share}, {"source", "director"},
                            {"estimated_on", "2025-10-01"}, {"confidence", "medium"}}).status, 201);
  }
  auto r = server_->as("analytik").get("/api/v1/analytics/school-segregation?level=zs");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["years"].size(), 1u);
  const auto& y = r.json["years"][0];
  EXPECT_EQ(y["school_year"], "2025/26");
  EXPECT_NEAR(y["D"].get<double>(), 0.8, 1e-9) << "the latest estimate of each school counts";
  EXPECT_NEAR(y["N"].get<double>(), 200, 1e-9);
  ASSERT_EQ(y["schools"].size(), 2u);
  double sum = 0;
  for (const auto& s : y["schools"]) sum += s["local_p"].get<double>() * s["local_ls"].get<double>();
  EXPECT_NEAR(sum, y["M"].get<double>(), 1e-12);
  EXPECT_EQ(y["schools"][0]["status"], "almost_all");
  EXPECT_EQ(y["schools"][1]["status"], "none");
  EXPECT_TRUE(c.get("/api/v1/analytics/school-segregation?level=ms").json["years"].empty());
  EXPECT_EQ(c.get("/api/v1/analytics/school-segregation?level=ss").status, 422);
}

TEST_F(AnalyticsApi, NeedsALogin) {
  EXPECT_EQ(server_->client().post("/api/v1/analytics/simulate", json::object()).status, 401);
}

}  // namespace
}  // namespace kredo
