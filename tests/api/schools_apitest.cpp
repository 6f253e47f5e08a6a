// Calendar, zápis windows, schools and catchment over HTTP: status codes, JSON shapes, roles.
#include <gtest/gtest.h>

#include "importers/catchments.hpp"
#include "importers/ruian_addresses.hpp"
#include "importers/school_register.hpp"
#include "support/api_server.hpp"

namespace kredo {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

class SchoolsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;
};
ApiServer* SchoolsApi::server_ = nullptr;

void expect_field_error(const testing::ApiResponse& r, const std::string& field) {
  EXPECT_EQ(r.status, 422) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.json["error"]["code"], "validation_failed");
  ASSERT_FALSE(r.json["error"]["fields"].empty()) << r.body;
  EXPECT_EQ(r.json["error"]["fields"][0]["field"], field) << r.body;
}

TEST_F(SchoolsApi, CalendarNeedsALogin) {
  EXPECT_EQ(server_->client().get("/api/v1/calendar/holidays?year=2026").status, 401);
}

TEST_F(SchoolsApi, HolidaysOfAYearInCzechAndEnglish) {
  auto r = server_->as("analytik").get("/api/v1/calendar/holidays?year=2026");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["year"], 2026);
  ASSERT_EQ(r.json["holidays"].size(), 13u);
  EXPECT_EQ(r.json["holidays"][0],
            (json{{"date", "2026-01-01"},
                  {"name", "Den obnovy samostatného českého státu / Nový rok"},
                  {"name_en", "Restoration Day of the Independent Czech State / New Year's Day"}}));
  EXPECT_EQ(r.json["holidays"][1]["date"], "2026-04-03");  // Good Friday 2026
  EXPECT_EQ(r.json["holidays"][2]["date"], "2026-04-06");  // Easter Monday 2026
  EXPECT_FALSE(r.json["holidays"][2]["name_en"].get<std::string>().empty());
}

TEST_F(SchoolsApi, HolidaysRejectBadOrUnsupportedYears) {
  ApiClient c = server_->as("terenni");
  for (const char* q : {"", "?year=", "?year=20x6", "?year=1999", "?year=2101", "?year=-5"})
    expect_field_error(c.get(std::string("/api/v1/calendar/holidays") + q), "year");
}

TEST_F(SchoolsApi, AppealDeadlineMovesToTheNextWorkingDay) {
  ApiClient c = server_->as("terenni");
  // Delivered Thu 2026-04-16: day 15 is Fri 2026-05-01 (holiday), then the weekend -> Mon 4 May.
  auto r = c.get("/api/v1/calendar/appeal-deadline?delivered=2026-04-16");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["delivered"], "2026-04-16");
  EXPECT_EQ(r.json["deadline"], "2026-05-04");
  EXPECT_EQ(r.json["shifted"], true);
  EXPECT_FALSE(r.json["basis"].get<std::string>().empty());
  EXPECT_FALSE(r.json["basis_en"].get<std::string>().empty());
  auto plain = c.get("/api/v1/calendar/appeal-deadline?delivered=2026-03-02");
  EXPECT_EQ(plain.json["deadline"], "2026-03-17");
  EXPECT_EQ(plain.json["shifted"], false);
  expect_field_error(c.get("/api/v1/calendar/appeal-deadline?delivered=2026-02-30"), "delivered");
  expect_field_error(c.get("/api/v1/calendar/appeal-deadline"), "delivered");
  expect_field_error(c.get("/api/v1/calendar/appeal-deadline?delivered=1990-01-01"), "delivered");
}

TEST_F(SchoolsApi, MilestonesFromABirthDate) {
  ApiClient c = server_->as("analytik");
  auto r = c.get("/api/v1/calendar/milestones?birth_date=2020-08-31");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["compulsory_preschool_start"], "2025-09-01");
  EXPECT_EQ(r.json["school_enrollment_year"], 2026);
  EXPECT_EQ(r.json["school_start"], "2026-09-01");
  EXPECT_EQ(r.json["latest_deferred_start"], "2027-09-01");
  auto sept = c.get("/api/v1/calendar/milestones?birth_date=2020-09-01");
  EXPECT_EQ(sept.json["school_start"], "2027-09-01");
  expect_field_error(c.get("/api/v1/calendar/milestones?birth_date=2021-02-29"), "birth_date");
  expect_field_error(c.get("/api/v1/calendar/milestones?birth_date=1800-01-01"), "birth_date");
}

TEST_F(SchoolsApi, ZapisWindowsReadByAllChangedByCoordinators) {
  auto list = server_->as("analytik").get("/api/v1/zapis-windows");
  ASSERT_EQ(list.status, 200) << list.body;
  json ms2026;
  for (const auto& w : list.json["items"])
    if (w["level"] == "ms" && w["school_year"] == 2026) ms2026 = w;
  ASSERT_TRUE(ms2026.is_object());
  EXPECT_EQ(ms2026["from"], "2026-03-15");
  EXPECT_EQ(ms2026["to"], "2026-04-15");
  const std::string path = "/api/v1/zapis-windows/ms/2026";
  const json body{{"from", "2026-03-16"}, {"to", "2026-04-16"}, {"version", ms2026["version"]}};
  EXPECT_EQ(server_->as("terenni").send("PUT", path, body.dump()).status, 403);
  ApiClient coordinator = server_->as("koordinator");
  auto put = coordinator.send("PUT", path, body.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json["from"], "2026-03-16");
  EXPECT_EQ(put.json["version"], ms2026["version"].get<int>() + 1);
  EXPECT_EQ(coordinator.send("PUT", path, body.dump()).status, 409);
  auto bad = coordinator.send("PUT", path, json{{"from", "2026-13-01"}, {"to", "2026-04-16"}, {"version", 2}}.dump());
  expect_field_error(bad, "from");
  EXPECT_EQ(coordinator.send("PUT", "/api/v1/zapis-windows/ss/2026", body.dump()).status, 404);
}

TEST_F(SchoolsApi, SchoolLifecycle) {
  ApiClient coordinator = server_->as("koordinator");
  const json input{{"izo", "900000901"},
                   {"red_izo", "690000901"},
                   {"name", "Základní škola Šťastná"},
                   {"type", "zs"},
                   {"founder", {{"name", "Městská část Brno-Fiktivní"}, {"ico", "44992785"}}},
                   {"address", "Šťastná 9, 60200 Brno"},
                   {"ruian_code", 90000009},
                   {"district", "Brno-Fiktivní"},
                   {"capacity", 540},
                   {"coordinates", {{"latitude", 49.2}, {"longitude", 16.6}}}};
  EXPECT_EQ(server_->as("terenni").post("/api/v1/schools", input).status, 403);
  EXPECT_EQ(server_->as("analytik").post("/api/v1/schools", input).status, 403);
  auto created = coordinator.post("/api/v1/schools", input);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json["id"].get<std::int64_t>();
  EXPECT_EQ(created.json["founder"]["ico"], "44992785");
  EXPECT_EQ(created.json["coordinates"]["latitude"], 49.2);
  EXPECT_EQ(created.json["segregation_status"], "unknown");
  EXPECT_EQ(created.json["version"], 1);
  EXPECT_EQ(coordinator.post("/api/v1/schools", input).status, 409);
  expect_field_error(coordinator.post("/api/v1/schools", json{{"izo", "1"}, {"name", "X"}, {"type", "zs"}}), "izo");

  const std::string path = "/api/v1/schools/" + std::to_string(id);
  auto patched = coordinator.patch(path, json{{"version", 1}, {"capacity", 560}, {"district", nullptr}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json["capacity"], 560);
  EXPECT_TRUE(patched.json["district"].is_null());
  EXPECT_EQ(patched.json["version"], 2);
  auto stale = coordinator.patch(path, json{{"version", 1}, {"capacity", 1}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json["error"]["code"], "conflict");
  expect_field_error(coordinator.patch(path, json{{"capacity", 1}}), "version");

  auto est = coordinator.post(path + "/composition", json{{"school_year", 2025},
                                                          {"roma_share", 0.6},
                                                          {"disadvantaged_share", 0.7},
                                                          {"source", "Director's qualified estimate"},
                                                          {"estimated_on", "2025-10-01"},
                                                          {"confidence", "low"}});
  ASSERT_EQ(est.status, 201) << est.body;
  EXPECT_EQ(est.json["segregation_status"], "more_than_half");
  expect_field_error(coordinator.post(path + "/composition", json{{"school_year", 2025},
                                                                  {"roma_share", "lots"},
                                                                  {"source", "x"},
                                                                  {"estimated_on", "2025-10-01"},
                                                                  {"confidence", "low"}}),
                     "roma_share");
  auto open = coordinator.post(path + "/openness",
                               json{{"stance", "open"}, {"assessed_on", "2026-01-15"}, {"evidence", "Invited us in."}});
  ASSERT_EQ(open.status, 201) << open.body;
  EXPECT_EQ(open.json["assessed_by"], "koordinator");
  auto contact = server_->as("terenni").post(
      path + "/interactions", json{{"occurred_on", "2026-01-20"}, {"type", "phone"}, {"summary", "Called the office."}});
  ASSERT_EQ(contact.status, 201) << contact.body;
  EXPECT_EQ(contact.json["worker"], "terenni");
  EXPECT_EQ(server_->as("analytik")
                .post(path + "/interactions", json{{"occurred_on", "2026-01-20"}, {"type", "phone"}, {"summary", "x"}})
                .status,
            403);

  auto detail = server_->as("analytik").get(path);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.json["segregation_status"], "more_than_half");
  EXPECT_EQ(detail.json["composition"].size(), 1u);
  EXPECT_EQ(detail.json["openness"][0]["stance"], "open");
  EXPECT_EQ(detail.json["interactions"][0]["summary"], "Called the office.");
  EXPECT_EQ(server_->as("analytik").get("/api/v1/schools/987654").status, 404);

  auto list = server_->as("analytik").get("/api/v1/schools?q=stastna&type=zs&status=more_than_half");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json["total"], 1);
  EXPECT_EQ(list.json["items"][0]["izo"], "900000901");
  EXPECT_EQ(list.json["items"][0]["roma_share"], 0.6);
  expect_field_error(server_->as("analytik").get("/api/v1/schools?status=bad"), "status");
  expect_field_error(server_->as("analytik").get("/api/v1/schools?type=gymnazium"), "type");
  expect_field_error(server_->as("analytik").get("/api/v1/schools?page_size=0"), "page_size");

  auto& db = server_->app().db();
  auto tx = db.begin(storage::TxMode::read);
  EXPECT_GE(tx->query_one("SELECT COUNT(*) FROM audit_log WHERE entity LIKE 'school%' AND actor = 'koordinator'")->i64(0),
            4);
}

TEST_F(SchoolsApi, SegregationThresholdsAreSettings) {
  const std::string path = "/api/v1/settings/segregation-thresholds";
  auto defaults = server_->as("analytik").get(path);
  ASSERT_EQ(defaults.status, 200) << defaults.body;
  EXPECT_NEAR(defaults.json["more_than_third"].get<double>(), 1.0 / 3.0, 1e-12);
  EXPECT_EQ(defaults.json["more_than_half"], 0.5);
  EXPECT_EQ(defaults.json["almost_all"], 0.9);
  const json body{{"more_than_third", 0.3}, {"more_than_half", 0.5}, {"almost_all", 0.85}};
  EXPECT_EQ(server_->as("terenni").send("PUT", path, body.dump()).status, 403);
  expect_field_error(server_->as("koordinator").send("PUT", path, json{{"more_than_third", 0.6}, {"more_than_half", 0.5}, {"almost_all", 0.9}}.dump()), "thresholds");
  auto put = server_->as("koordinator").send("PUT", path, body.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json["almost_all"], 0.85);
  EXPECT_EQ(server_->as("analytik").get(path).json["more_than_third"], 0.3);
  // Back to the defaults for the other tests in this suite.
  ASSERT_EQ(server_->as("koordinator")
                .send("PUT", path, json{{"more_than_third", 1.0 / 3.0}, {"more_than_half", 0.5}, {"almost_all", 0.9}}.dump())
                .status,
            200);
}

TEST_F(SchoolsApi, CatchmentLookup) {
  auto& app = server_->app();
  const std::string dir = std::string(KREDO_SOURCE_DIR) + "/tests/data/schools/";
  ASSERT_TRUE(importers::import_ruian_addresses(app.db(), app.services().clock, dir + "addresses_cp1250.csv", {}).ok());
  ASSERT_TRUE(importers::import_school_register(app.db(), app.services().clock, app.services().schools.collator(),
                                                dir + "register_small.xml", {})
                  .ok());
  ASSERT_TRUE(importers::import_catchments(app.db(), app.services().clock, dir + "catchments.csv", {}).ok());
  ApiClient c = server_->as("terenni");
  auto r = c.get("/api/v1/catchment?kod_adm=90000002&level=ms");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["school"]["izo"], "900000002");
  EXPECT_EQ(r.json["level"], "ms");
  EXPECT_EQ(c.get("/api/v1/catchment?kod_adm=90000002&level=zs").status, 404);
  expect_field_error(c.get("/api/v1/catchment?kod_adm=abc&level=zs"), "kod_adm");
  expect_field_error(c.get("/api/v1/catchment?kod_adm=90000002&level=ss"), "level");
}

}  // namespace
}  // namespace kredo
