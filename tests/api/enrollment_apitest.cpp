// Enrollment cases, stage events, the pathway view, the funnel, tasks and the iCalendar feed over HTTP:
// bad input (decision before application, late appeal flagged), stale versions, other teams' cases.
#include <gtest/gtest.h>

#include "support/api_server.hpp"

namespace kredo {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiResponse;
using testing::ApiServer;

class EnrollmentApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;

  static std::int64_t school_id(ApiClient& c, const std::string& q) {
    auto r = c.get("/api/v1/schools?q=" + q);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(r.json["items"].empty()) << q;
    return r.json["items"][0]["id"];
  }
  static std::int64_t my_id(ApiClient& c) { return c.get("/api/v1/auth/me").json["user"]["id"]; }

  // A new family of team Sever (keyworker terenni) at a demo address place with a child born in 2020.
  static std::int64_t new_child(ApiClient& c, const std::string& surname, const std::string& birth = "2020-03-14") {
    auto f = c.post("/api/v1/families", {{"name", surname},
                                         {"team", "Sever"},
                                         {"keyworker_id", my_id(c)},
                                         {"address", {{"street", "Ukázková"}, {"house_number", "11"},
                                                      {"district", "brno-sever"}, {"kod_adm", 9990002}}}});
    EXPECT_EQ(f.status, 201) << f.body;
    auto child = c.post("/api/v1/people", {{"family_id", f.json["id"]}, {"role", "child"}, {"given_names", "Šimon"},
                                           {"surname", surname}, {"birth_date", birth}, {"gender", "male"}});
    EXPECT_EQ(child.status, 201) << child.body;
    return child.json["id"];
  }

  static json new_case(ApiClient& c, const std::string& surname, const std::vector<std::int64_t>& targets) {
    auto r = c.post("/api/v1/enrollment-cases",
                    {{"person_id", new_child(c, surname)}, {"school_year", 2026}, {"level", "zs"},
                     {"target_school_ids", targets}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json;
  }

  static ApiResponse stage(ApiClient& c, json& kase, json event) {
    event["version"] = kase["version"];
    auto r = c.post("/api/v1/enrollment-cases/" + std::to_string(kase["id"].get<std::int64_t>()) + "/stages", event);
    if (r.status == 201) kase = r.json;
    return r;
  }
};
ApiServer* EnrollmentApi::server_ = nullptr;

void expect_first_field_error(const ApiResponse& r, const std::string& field) {
  EXPECT_EQ(r.status, 422) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  ASSERT_FALSE(r.json["error"]["fields"].empty()) << r.body;
  EXPECT_EQ(r.json["error"]["fields"][0]["field"], field) << r.body;
}

const json* find_key(const json& items, const std::string& key_name, const std::string& key) {
  for (const auto& d : items)
    if (d[key_name] == key) return &d;
  return nullptr;
}

TEST_F(EnrollmentApi, CreatesACaseWithCatchmentAndTargets) {
  ApiClient c = server_->as("terenni");
  const auto a = school_id(c, "Ukazkova"), b = school_id(c, "Modelova");
  json k = new_case(c, "Čárkovský-Nový", {a, b});
  EXPECT_EQ(k["stage"], "preparation");
  EXPECT_EQ(k["version"], 1);
  EXPECT_EQ(k["level"], "zs");
  EXPECT_EQ(k["school_year_label"], "2026/27");
  ASSERT_TRUE(k["catchment_school"].is_object()) << k.dump();
  EXPECT_EQ(k["catchment_school"]["type"], "zs");
  ASSERT_EQ(k["target_schools"].size(), 2u);
  EXPECT_EQ(k["target_schools"][0]["id"], a);
  EXPECT_EQ(k["child"]["initials"], "Š. Č.");
  ASSERT_EQ(k["events"].size(), 1u);

  auto got = c.get("/api/v1/enrollment-cases/" + std::to_string(k["id"].get<std::int64_t>()));
  EXPECT_EQ(got.status, 200) << got.body;
  auto dup = c.post("/api/v1/enrollment-cases",
                    {{"person_id", k["child"]["person_id"]}, {"school_year", 2026}, {"level", "zs"}});
  EXPECT_EQ(dup.status, 409) << dup.body;
}

TEST_F(EnrollmentApi, RejectsBadCaseInput) {
  ApiClient c = server_->as("terenni");
  const auto child = new_child(c, "Háčkový-Nový");
  const auto ms = school_id(c, "Obrazkova");
  expect_first_field_error(c.post("/api/v1/enrollment-cases", {{"person_id", child}, {"school_year", 2026}, {"level", "ss"}}),
                     "level");
  expect_first_field_error(c.post("/api/v1/enrollment-cases",
                            {{"person_id", child}, {"school_year", 2026}, {"level", "zs"}, {"target_school_ids", {ms}}}),
                     "target_school_ids");
  expect_first_field_error(c.post("/api/v1/enrollment-cases", {{"person_id", child}, {"school_year", 1999}, {"level", "zs"}}),
                     "school_year");
  expect_first_field_error(c.post("/api/v1/enrollment-cases", {{"school_year", 2026}, {"level", "zs"}}), "person_id");
  // Someone else's child is simply not in the caseload.
  ApiClient other = server_->as("terenni2");
  expect_first_field_error(other.post("/api/v1/enrollment-cases", {{"person_id", child}, {"school_year", 2026}, {"level", "zs"}}),
                     "person_id");
}

TEST_F(EnrollmentApi, PathwayWithADecisionBeforeTheApplicationAndALateAppeal) {
  ApiClient c = server_->as("terenni");
  json k = new_case(c, "Řádkový-Nový", {school_id(c, "Vzorova")});
  const std::string id = std::to_string(k["id"].get<std::int64_t>());
  ASSERT_EQ(stage(c, k, {{"stage", "application_filed"}, {"date", "2026-04-10"}, {"number", "ZS-2026-0042"},
                         {"channel", "portal"}})
                .status,
            201);
  EXPECT_EQ(k["stage"], "application_filed");
  EXPECT_EQ(k["application"]["number"], "ZS-2026-0042");
  ASSERT_EQ(stage(c, k, {{"stage", "zapis_attended"}, {"date", "2026-04-14"}}).status, 201);

  // A decision dated before the application: 422 on the date, nothing written.
  auto early = stage(c, k, {{"stage", "decision"}, {"date", "2026-04-09"}, {"decision", "not_admitted"}});
  expect_first_field_error(early, "date");
  expect_first_field_error(stage(c, k, {{"stage", "decision"}, {"date", "2026-04-15"}, {"decision", "maybe"}}), "decision");
  expect_first_field_error(stage(c, k, {{"stage", "delivery"}, {"date", "2026-04-16"}, {"method", "pigeon"}}), "stage");
  expect_first_field_error(stage(c, k, {{"stage", "nowhere"}, {"date", "2026-04-16"}}), "stage");
  expect_first_field_error(stage(c, k, {{"stage", "decision"}, {"date", "2026-02-30"}, {"decision", "admitted"}}), "date");

  ASSERT_EQ(stage(c, k, {{"stage", "decision"}, {"date", "2026-04-15"}, {"decision", "not_admitted"}}).status, 201);
  expect_first_field_error(stage(c, k, {{"stage", "delivery"}, {"date", "2026-04-16"}, {"method", "pigeon"}}), "method");
  ASSERT_EQ(stage(c, k, {{"stage", "delivery"}, {"date", "2026-04-16"}, {"method", "in_person"}}).status, 201);
  // Delivered Thu 16 April 2026: day 15 is Fri 1 May (holiday) -> Mon 4 May.
  EXPECT_EQ(k["appeal"]["deadline"], "2026-05-04");
  EXPECT_EQ(k["delivery"]["delivered_on"], "2026-04-16");

  // The task for the deadline is the keyworker's.
  auto mine = c.get("/api/v1/tasks?scope=mine");
  ASSERT_EQ(mine.status, 200) << mine.body;
  bool found = false;
  for (const auto& t : mine.json["items"])
    if (t["case_id"] == k["id"] && t["kind"] == "appeal_deadline") {
      found = true;
      EXPECT_EQ(t["due_date"], "2026-05-04");
      EXPECT_EQ(t["status"], "open");
    }
  EXPECT_TRUE(found) << mine.body;

  // Filed a day late: accepted, flagged, the deadline shown.
  auto late = stage(c, k, {{"stage", "appeal"}, {"date", "2026-05-05"}, {"outcome", "pending"}});
  ASSERT_EQ(late.status, 201) << late.body;
  ASSERT_EQ(late.json["warnings"].size(), 1u);
  EXPECT_EQ(late.json["warnings"][0]["code"], "appeal_late");
  EXPECT_EQ(late.json["warnings"][0]["deadline"], "2026-05-04");
  EXPECT_EQ(k["appeal"]["late"], true);
  EXPECT_EQ(k["stage"], "appeal");

  auto p = c.get("/api/v1/enrollment-cases/" + id + "/pathway");
  ASSERT_EQ(p.status, 200) << p.body;
  const json* deadline = find_key(p.json["dates"], "key", "appeal_deadline");
  ASSERT_NE(deadline, nullptr) << p.body;
  EXPECT_EQ((*deadline)["date"], "2026-05-04");
  EXPECT_NE((*deadline)["basis"].get<std::string>().find("§ 83 odst. 1"), std::string::npos);
  EXPECT_FALSE((*deadline)["basis_en"].get<std::string>().empty());
  EXPECT_NE(find_key(p.json["dates"], "key", "zapis_window_from"), nullptr);
  EXPECT_NE(find_key(p.json["dates"], "key", "zs_start"), nullptr);
  EXPECT_EQ(p.json["appeal"]["late"], true);
  EXPECT_EQ(p.json["appeal"]["skipped"].size(), 3u);  // 1 May holiday, 2 and 3 May weekend
  EXPECT_EQ(p.json["delivery"]["by_fiction"], false);
  EXPECT_EQ((*find_key(p.json["stages"], "stage", "decision"))["reached"], true);
  EXPECT_EQ((*find_key(p.json["stages"], "stage", "started_attending"))["reached"], false);

  // Filing the appeal closed the deadline task.
  const auto after = c.get("/api/v1/tasks?scope=mine");
  for (const auto& t : after.json["items"])
    EXPECT_FALSE(t["case_id"] == k["id"] && t["kind"] == "appeal_deadline") << t.dump();

  // The appeal is won: enrolled at Vzorová 12 (estimated 62 % Roma on the decision date): segregated.
  ASSERT_EQ(stage(c, k, {{"stage", "appeal"}, {"date", "2026-05-05"}, {"outcome", "granted"},
                         {"outcome_date", "2026-06-10"}})
                .status,
            201);
  EXPECT_EQ(k["outcome"]["segregation_status"], "more_than_half");
  EXPECT_EQ(k["outcome"]["enrolled_non_segregated"], false);
}

TEST_F(EnrollmentApi, AdmissionToANonSegregatedSchoolAndAttendanceChecks) {
  ApiClient c = server_->as("terenni");
  json k = new_case(c, "Šablonový-Nový", {school_id(c, "Ukazkova")});
  ASSERT_EQ(stage(c, k, {{"stage", "decision"}, {"date", "2026-05-20"}, {"decision", "admitted"}}).status, 201);
  EXPECT_EQ(k["outcome"]["segregation_status"], "below_thresholds");
  EXPECT_EQ(k["outcome"]["enrolled_non_segregated"], true);
  expect_first_field_error(stage(c, k, {{"stage", "appeal"}, {"date", "2026-06-01"}}), "stage");
  expect_first_field_error(stage(c, k, {{"stage", "attending_3_months"}, {"date", "2026-12-01"}, {"attending", true}}), "stage");
  ASSERT_EQ(stage(c, k, {{"stage", "started_attending"}, {"date", "2026-09-01"}}).status, 201);
  EXPECT_EQ(k["attendance"]["school"]["id"], k["decision"]["school"]["id"]);
  auto p = c.get("/api/v1/enrollment-cases/" + std::to_string(k["id"].get<std::int64_t>()) + "/pathway");
  const json* check = find_key(p.json["dates"], "key", "check_3_months");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ((*check)["date"], "2026-12-01");
  ASSERT_NE(find_key(p.json["tasks"], "kind", "check_3_months"), nullptr);
  expect_first_field_error(stage(c, k, {{"stage", "attending_3_months"}, {"date", "2026-12-01"}}), "attending");
  ASSERT_EQ(stage(c, k, {{"stage", "attending_3_months"}, {"date", "2026-12-01"}, {"attending", true}}).status, 201);
  EXPECT_EQ(k["stage"], "attending_3_months");
  EXPECT_EQ(k["attendance"]["check_3_attending"], true);
}

TEST_F(EnrollmentApi, StaleVersionIsAConflict) {
  ApiClient c = server_->as("terenni");
  json k = new_case(c, "Žánrový-Nový", {});
  const std::string path = "/api/v1/enrollment-cases/" + std::to_string(k["id"].get<std::int64_t>());
  auto ok = c.patch(path, {{"version", 1}, {"notes", "Maminka chce školu blíž domovu."}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["version"], 2);
  auto stale = c.patch(path, {{"version", 1}, {"notes", "Jinak."}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json["error"]["current"]["version"], 2);
  auto stale_stage = c.post(path + "/stages", {{"version", 1}, {"stage", "zapis_attended"}, {"date", "2026-04-14"}});
  EXPECT_EQ(stale_stage.status, 409) << stale_stage.body;
  expect_first_field_error(c.patch(path, {{"notes", "x"}}), "version");
}

TEST_F(EnrollmentApi, OtherTeamsCasesAreNotFound) {
  ApiClient c = server_->as("terenni");
  json k = new_case(c, "Chvostíkový-Nový", {});
  const std::string path = "/api/v1/enrollment-cases/" + std::to_string(k["id"].get<std::int64_t>());
  ApiClient other = server_->as("terenni2");
  EXPECT_EQ(other.get(path).status, 404);
  EXPECT_EQ(other.get(path + "/pathway").status, 404);
  EXPECT_EQ(other.patch(path, {{"version", 1}, {"notes", "x"}}).status, 404);
  EXPECT_EQ(other.post(path + "/stages", {{"version", 1}, {"stage", "zapis_attended"}, {"date", "2026-04-14"}}).status,
            404);
  EXPECT_EQ(other.get("/api/v1/enrollment-cases/999999").status, 404);
  auto list = other.get("/api/v1/enrollment-cases?school_year=2026");
  ASSERT_EQ(list.status, 200);
  for (const auto& it : list.json["items"]) EXPECT_NE(it["id"], k["id"]);
  EXPECT_EQ(server_->as("analytik").get(path).status, 403);
  EXPECT_EQ(server_->as("koordinator").get(path).status, 200);
}

// Reads of cases, pathways and task lists run in read transactions; each answer still has its audit row
// (group-committed), and a read outside the caller's scope writes none.
TEST_F(EnrollmentApi, EveryReadOfACaseOrItsTasksIsAuditedAndAReadOutOfScopeIsNot) {
  ApiClient c = server_->as("terenni");
  json k = new_case(c, "Auditní-Nový", {});
  const std::string id = std::to_string(k["id"].get<std::int64_t>());
  const std::string path = "/api/v1/enrollment-cases/" + id;
  ApiClient admin = server_->as("admin");
  auto total = [&](const std::string& entity, const std::string& entity_id, const std::string& action,
                   const std::string& actor) { return testing::audit_total(admin, entity, entity_id, action, actor); };
  const int lists_before = total("enrollment_case", "", "list", "terenni");
  const int task_lists_before = total("task", "", "list", "terenni");
  ASSERT_EQ(c.get(path).status, 200);
  ASSERT_EQ(c.get(path).status, 200);
  ASSERT_EQ(c.get(path + "/pathway").status, 200);
  auto list = c.get("/api/v1/enrollment-cases?school_year=2026&page_size=200");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(c.get("/api/v1/tasks?scope=mine").status, 200);
  EXPECT_EQ(total("enrollment_case", id, "read", "terenni"), 2) << "each answer has its row";
  EXPECT_EQ(total("enrollment_case", id, "read_pathway", "terenni"), 1);
  EXPECT_EQ(total("enrollment_case", "", "list", "terenni"), lists_before + 1);
  EXPECT_EQ(total("task", "", "list", "terenni"), task_lists_before + 1);
  ApiClient other = server_->as("terenni2");
  EXPECT_EQ(other.get(path).status, 404);
  EXPECT_EQ(other.get(path + "/pathway").status, 404);
  EXPECT_EQ(total("enrollment_case", id, "read", "terenni2"), 0);
  EXPECT_EQ(total("enrollment_case", id, "read_pathway", "terenni2"), 0);
}

TEST_F(EnrollmentApi, ListFiltersByYearStageAndSchool) {
  ApiClient c = server_->as("koordinator");
  auto all = c.get("/api/v1/enrollment-cases?school_year=2026");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_GT(all.json["total"].get<int>(), 0);
  for (const auto& it : all.json["items"]) EXPECT_EQ(it["school_year"], 2026);
  auto appeals = c.get("/api/v1/enrollment-cases?stage=appeal");
  for (const auto& it : appeals.json["items"]) EXPECT_EQ(it["stage"], "appeal");
  const auto a = school_id(c, "Ukazkova");
  auto at_school = c.get("/api/v1/enrollment-cases?school=" + std::to_string(a));
  ASSERT_EQ(at_school.status, 200);
  EXPECT_GT(at_school.json["total"].get<int>(), 0);
  expect_first_field_error(c.get("/api/v1/enrollment-cases?stage=flying"), "stage");
  expect_first_field_error(c.get("/api/v1/enrollment-cases?school_year=abc"), "school_year");
}

TEST_F(EnrollmentApi, TasksDoneReopenAndScopes) {
  ApiClient c = server_->as("terenni");
  json k = new_case(c, "Modelový-Nový", {school_id(c, "Ukazkova")});
  ASSERT_EQ(stage(c, k, {{"stage", "decision"}, {"date", "2026-05-20"}, {"decision", "admitted"}}).status, 201);
  ASSERT_EQ(stage(c, k, {{"stage", "started_attending"}, {"date", "2026-09-01"}}).status, 201);
  json task;
  const auto mine = c.get("/api/v1/tasks?scope=mine");
  for (const auto& t : mine.json["items"])
    if (t["case_id"] == k["id"] && t["kind"] == "check_3_months") task = t;
  ASSERT_TRUE(task.is_object());
  EXPECT_EQ(task["due_date"], "2026-12-01");
  EXPECT_EQ(task["child"]["initials"], "Š. M.");
  const std::string path = "/api/v1/tasks/" + std::to_string(task["id"].get<std::int64_t>());
  auto done = c.patch(path, {{"version", task["version"]}, {"status", "done"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["status"], "done");
  EXPECT_EQ(done.json["done_by"], "terenni");
  EXPECT_EQ(c.patch(path, {{"version", task["version"]}, {"status", "open"}}).status, 409);
  EXPECT_EQ(server_->as("terenni2").patch(path, {{"version", done.json["version"]}, {"status", "open"}}).status, 404);
  expect_first_field_error(c.patch(path, {{"version", done.json["version"]}, {"status", "later"}}), "status");
  auto reopened = c.patch(path, {{"version", done.json["version"]}, {"status", "open"}});
  ASSERT_EQ(reopened.status, 200);
  EXPECT_EQ(reopened.json["status"], "open");
  for (const char* scope : {"this_week", "overdue", "mine"}) {
    auto r = c.get(std::string("/api/v1/tasks?scope=") + scope);
    EXPECT_EQ(r.status, 200) << scope;
    EXPECT_TRUE(r.json["items"].is_array());
  }
  expect_first_field_error(c.get("/api/v1/tasks?scope=someday"), "scope");
  EXPECT_EQ(server_->as("analytik").get("/api/v1/tasks?scope=mine").status, 403);
}

TEST_F(EnrollmentApi, CalendarFeedIsSecretRevocableAndAnonymous) {
  ApiClient c = server_->as("terenni");
  new_case(c, "Kartotékový-Nový", {});  // a zápis task for 2026 is overdue, still open
  EXPECT_EQ(c.get("/api/v1/calendar/feed").json["active"], false);
  auto created = c.post("/api/v1/calendar/feed", json::object());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = created.json["token"];
  ASSERT_EQ(token.size(), 64u);
  EXPECT_EQ(c.get("/api/v1/calendar/feed").json["active"], true);

  ApiClient anonymous = server_->client();
  auto ics = anonymous.get("/api/v1/calendar/feed/" + token + ".ics");
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_NE(ics.header("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.body.find("BEGIN:VEVENT\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART;VALUE=DATE:"), std::string::npos);
  EXPECT_NE(ics.body.find("Š. K."), std::string::npos);
  EXPECT_EQ(ics.body.find("Kartotékový"), std::string::npos);  // no surnames in a calendar app
  EXPECT_EQ(ics.body.find("Šimon"), std::string::npos);

  auto rotated = c.post("/api/v1/calendar/feed", json::object());
  ASSERT_EQ(rotated.status, 201);
  EXPECT_EQ(anonymous.get("/api/v1/calendar/feed/" + token + ".ics").status, 404);
  const std::string token2 = rotated.json["token"];
  EXPECT_EQ(anonymous.get("/api/v1/calendar/feed/" + token2 + ".ics").status, 200);
  EXPECT_EQ(c.send("DELETE", "/api/v1/calendar/feed", "").status, 204);
  EXPECT_EQ(anonymous.get("/api/v1/calendar/feed/" + token2 + ".ics").status, 404);
  EXPECT_EQ(c.send("DELETE", "/api/v1/calendar/feed", "").status, 404);
  EXPECT_EQ(anonymous.get("/api/v1/calendar/feed/" + std::string(64, 'a') + ".ics").status, 404);
}

TEST_F(EnrollmentApi, FunnelCountsAndSuppressesSmallCellsForAnalysts) {
  auto full = server_->as("koordinator").get("/api/v1/enrollment/funnel?school_year=2025");
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(full.json["suppression_threshold"], 0);
  const json& n = full.json["counts"];
  EXPECT_GT(n["cases"].get<int>(), 0);
  EXPECT_GE(n["cases"].get<int>(), n["decision"].get<int>());
  EXPECT_GE(n["decision"].get<int>(), n["admitted"].get<int>());
  EXPECT_GE(n["enrolled"].get<int>(), n["enrolled_non_segregated"].get<int>());
  EXPECT_TRUE(full.json["suppressed"].empty());

  auto analyst = server_->as("analytik").get("/api/v1/enrollment/funnel?school_year=2025");
  ASSERT_EQ(analyst.status, 200) << analyst.body;
  EXPECT_EQ(analyst.json["suppression_threshold"], 5);
  for (auto& [key, value] : full.json["counts"].items()) {
    const int v = value.get<int>();
    if (v > 0 && v < 5) {
      EXPECT_TRUE(analyst.json["counts"][key].is_null()) << key;
    } else {
      EXPECT_EQ(analyst.json["counts"][key], v) << key;
    }
  }
  expect_first_field_error(server_->as("analytik").get("/api/v1/enrollment/funnel"), "school_year");
  expect_first_field_error(server_->as("analytik").get("/api/v1/enrollment/funnel?school_year=2026&level=vs"), "level");
}

}  // namespace
}  // namespace kredo
