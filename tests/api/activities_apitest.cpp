// Issue 4's API contract, black-box over HTTP with the demo users: activities, roll-call attendance,
// attendance sheets, support hours, groups and sessions, drifting away, assessments, observations.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "support/api_server.hpp"
#include "support/pdf_text.hpp"

namespace kredo {
namespace {

using testing::pdf_text;

using nlohmann::json;
using testing::ApiClient;
using testing::ApiResponse;
using testing::ApiServer;

class ActivitiesApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;

  struct Fam {
    std::int64_t id = 0, child = 0, child2 = 0, mother = 0;
  };
  // A family of `team` with two children and their mother (the children's legal representative).
  static Fam make_family(ApiClient& c, const std::string& surname, const std::string& team = "Sever") {
    Fam f;
    auto r = c.post("/api/v1/families", {{"name", surname},
                                          {"team", team},
                                          {"address", {{"street", "Ulice Vzorová"}, {"house_number", "7"},
                                                       {"district", "brno-sever"}, {"postal_code", "602 00"}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    f.id = r.json["id"];
    auto person = [&](const std::string& role, const std::string& given, const std::string& born) -> std::int64_t {
      auto p = c.post("/api/v1/people", {{"family_id", f.id}, {"role", role}, {"given_names", given}, {"surname", surname},
                                         {"birth_date", born}, {"gender", "female"}});
      EXPECT_EQ(p.status, 201) << p.body;
      return p.json["id"];
    };
    f.child = person("child", "Šárka", "2019-02-03");
    f.child2 = person("child", "Eliška", "2020-04-05");
    f.mother = person("adult", "Jana", "1991-05-06");
    for (auto child : {f.child, f.child2}) {
      auto rel = c.post("/api/v1/people/" + std::to_string(child) + "/relationships",
                        {{"other_person_id", f.mother}, {"type", "mother"}, {"legal_representative", true}});
      EXPECT_EQ(rel.status, 201) << rel.body;
    }
    return f;
  }

  static json activity(const std::vector<std::int64_t>& people, const std::string& type = "child_group",
                       const std::string& date = "2025-03-04") {
    return {{"type", type},        {"date", date},
            {"start", "16:00"},    {"end", "17:30"},
            {"topics", {"feelings", "boundaries"}},
            {"participant_ids", people},
            {"place", "Klubovna"}};
  }

  static ApiResponse put_attendance(ApiClient& c, std::int64_t id, const json& records) {
    return c.send("PUT", "/api/v1/activities/" + std::to_string(id) + "/attendance", json{{"records", records}}.dump());
  }
};
ApiServer* ActivitiesApi::server_ = nullptr;

TEST_F(ActivitiesApi, TypesAndTopicsAreData) {
  auto c = server_->as("terenni");
  auto types = c.get("/api/v1/activity-types");
  ASSERT_EQ(types.status, 200);
  ASSERT_EQ(types.json["items"].size(), 8u);
  EXPECT_EQ(types.json["items"][0]["code"], "child_group");
  EXPECT_EQ(types.json["items"][5]["code"], "trip");
  EXPECT_EQ(types.json["items"][5]["counted_minutes"], 360);
  auto topics = c.get("/api/v1/activity-topics");
  ASSERT_EQ(topics.status, 200);
  ASSERT_EQ(topics.json["items"].size(), 7u);
  EXPECT_EQ(topics.json["items"][0]["name_cs"], "Pocity a emoce");
  EXPECT_EQ(topics.json["items"][6]["name_en"], "Preparing for zápis");
  // Only coordinators and admins change conversion rules.
  EXPECT_EQ(c.patch("/api/v1/activity-types/trip", {{"counted_minutes", 300}}).status, 403);
}

// Reads of an activity, its attendance and the list run in read transactions; each answer still has its
// audit row (group-committed), and a read outside the caller's scope writes none.
TEST_F(ActivitiesApi, EveryReadOfAnActivityIsAuditedAndAReadOutOfScopeIsNot) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Auditová");
  auto r = c.post("/api/v1/activities", activity({f.child}));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = std::to_string(r.json["id"].get<std::int64_t>());
  const std::string path = "/api/v1/activities/" + id;
  ApiClient admin = server_->as("admin");
  auto total = [&](const std::string& entity, const std::string& entity_id, const std::string& action,
                   const std::string& actor) { return testing::audit_total(admin, entity, entity_id, action, actor); };
  const int lists_before = total("activity", "", "list", "terenni");
  ASSERT_EQ(c.get(path).status, 200);
  ASSERT_EQ(c.get(path + "/attendance").status, 200);
  ASSERT_EQ(c.get("/api/v1/activities?from=2025-03-01&to=2025-03-31").status, 200);
  EXPECT_EQ(total("activity", id, "read", "terenni"), 1);
  EXPECT_EQ(total("attendance", id, "read", "terenni"), 1);
  EXPECT_EQ(total("activity", "", "list", "terenni"), lists_before + 1);
  ApiClient other = server_->as("terenni2");
  EXPECT_EQ(other.get(path).status, 404);
  EXPECT_EQ(other.get(path + "/attendance").status, 404);
  EXPECT_EQ(total("activity", id, "read", "terenni2"), 0);
  EXPECT_EQ(total("attendance", id, "read", "terenni2"), 0);
}

// A list page is loaded in a few statements for all its activities at once: each item equals the activity
// read alone (topics, participants in Czech order, workers, recorded attendance), in the list's order.
TEST_F(ActivitiesApi, ListItemsEqualTheActivitiesReadOneByOne) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Seznamová");
  std::vector<std::int64_t> made;
  for (const char* date : {"2025-06-02", "2025-06-03", "2025-06-04"}) {
    auto r = c.post("/api/v1/activities", activity({f.child2, f.child}, "child_group", date));
    ASSERT_EQ(r.status, 201) << r.body;
    made.push_back(r.json["id"]);
  }
  ASSERT_EQ(put_attendance(c, made[1], json::array({{{"person_id", f.child}, {"status", "present"}},
                                                     {{"person_id", f.child2}, {"status", "absent"}}}))
                .status,
            200);
  auto list = c.get("/api/v1/activities?from=2025-06-01&to=2025-06-30&page_size=50");
  ASSERT_EQ(list.status, 200) << list.body;
  std::vector<std::int64_t> listed;
  for (const auto& it : list.json["items"]) {
    listed.push_back(it["id"]);
    auto one = c.get("/api/v1/activities/" + std::to_string(it["id"].get<std::int64_t>()));
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(it, one.json);
  }
  for (auto id : made) EXPECT_NE(std::find(listed.begin(), listed.end(), id), listed.end()) << id;
  const auto at = [&](std::int64_t id) { return std::find(listed.begin(), listed.end(), id) - listed.begin(); };
  EXPECT_LT(at(made[2]), at(made[1])) << "newest first";
  EXPECT_LT(at(made[1]), at(made[0]));
  for (const auto& it : list.json["items"])
    if (it["id"] == made[1]) {
      EXPECT_EQ(it["attendance_recorded"], 2) << it.dump();
      EXPECT_EQ(it["topics"], json({"feelings", "boundaries"}));
      ASSERT_EQ(it["participants"].size(), 2u);
    }
}

// Groups, observations, assessments, competence progress and incidents are read in read transactions too:
// each answer has its audit row, and a read out of scope (404) has none.
TEST_F(ActivitiesApi, GroupObservationAssessmentAndIncidentReadsAreAudited) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Čtená");
  auto g = c.post("/api/v1/groups", {{"name", "Čtený klub"}, {"type", "child_group"}, {"weekday", 3},
                                     {"start", "15:00"}, {"end", "16:00"}, {"valid_from", "2025-03-01"},
                                     {"member_ids", {f.child}}, {"topics", {"feelings"}}});
  ASSERT_EQ(g.status, 201) << g.body;
  auto o = c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", "Poznámka o rodině."},
                                           {"person_ids", {f.mother}}, {"tags", {"instituce"}}});
  ASSERT_EQ(o.status, 201) << o.body;
  auto a = c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2025-03-10"},
                                          {"levels", {{"names_feelings", 1}, {"language", 2}}}});
  ASSERT_EQ(a.status, 201) << a.body;
  const std::string gid = std::to_string(g.json["id"].get<std::int64_t>());
  const std::string oid = std::to_string(o.json["id"].get<std::int64_t>());
  const std::string aid = std::to_string(a.json["id"].get<std::int64_t>());
  const std::string child = std::to_string(f.child);
  ApiClient admin = server_->as("admin");
  auto total = [&](const std::string& entity, const std::string& entity_id, const std::string& action,
                   const std::string& actor) { return testing::audit_total(admin, entity, entity_id, action, actor); };
  const int group_lists = total("group", "", "list", "terenni");
  const int observation_lists = total("observation", "", "list", "terenni");
  const int progress_reads = total("assessment", "", "progress", "terenni");
  ASSERT_EQ(c.get("/api/v1/groups/" + gid).status, 200);
  ASSERT_EQ(c.get("/api/v1/groups").status, 200);
  ASSERT_EQ(c.get("/api/v1/observations/" + oid).status, 200);
  ASSERT_EQ(c.get("/api/v1/observations?from=2025-03-01").status, 200);
  ASSERT_EQ(c.get("/api/v1/assessments/" + aid).status, 200);
  ASSERT_EQ(c.get("/api/v1/people/" + child + "/competence-progress").status, 200);
  EXPECT_EQ(total("group", gid, "read", "terenni"), 1);
  EXPECT_EQ(total("group", "", "list", "terenni"), group_lists + 1);
  EXPECT_EQ(total("observation", oid, "read", "terenni"), 1);
  EXPECT_EQ(total("observation", "", "list", "terenni"), observation_lists + 1);
  EXPECT_EQ(total("assessment", aid, "read", "terenni"), 1);
  EXPECT_EQ(total("assessment", "", "progress", "terenni"), progress_reads + 1);
  ApiClient other = server_->as("terenni2");
  EXPECT_EQ(other.get("/api/v1/groups/" + gid).status, 404);
  EXPECT_EQ(other.get("/api/v1/observations/" + oid).status, 404);
  EXPECT_EQ(other.get("/api/v1/assessments/" + aid).status, 404);
  EXPECT_EQ(other.get("/api/v1/people/" + child + "/competence-progress").status, 404);
  for (const auto& [entity, id] : {std::pair{"group", gid}, std::pair{"observation", oid}, std::pair{"assessment", aid}})
    EXPECT_EQ(total(entity, id, "read", "terenni2"), 0) << entity;
  EXPECT_EQ(total("assessment", "", "progress", "terenni2"), 0);
  // Incidents, from the demo data, as the coordinator.
  auto k = server_->as("koordinator");
  const int incident_lists = total("incident", "", "list", "koordinator");
  auto incidents = k.get("/api/v1/incidents");
  ASSERT_EQ(incidents.status, 200) << incidents.body;
  ASSERT_FALSE(incidents.json["items"].empty());
  const std::string iid = std::to_string(incidents.json["items"][0]["id"].get<std::int64_t>());
  ASSERT_EQ(k.get("/api/v1/incidents/" + iid).status, 200);
  EXPECT_EQ(total("incident", "", "list", "koordinator"), incident_lists + 1);
  EXPECT_EQ(total("incident", iid, "read", "koordinator"), 1);
}

TEST_F(ActivitiesApi, CreateGetListAndPatchWithVersion) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Aktivitová");
  auto r = c.post("/api/v1/activities", activity({f.child, f.child2}));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::int64_t id = r.json["id"];
  EXPECT_EQ(r.json["version"], 1);
  EXPECT_EQ(r.json["duration_minutes"], 90);
  EXPECT_EQ(r.json["participant_ids"].size(), 2u);
  EXPECT_EQ(r.json["topics"], json({"feelings", "boundaries"}));
  const std::string path = "/api/v1/activities/" + std::to_string(id);

  auto got = c.get(path);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json["place"], "Klubovna");
  // Out of scope: another team's worker gets 404, an analyst 403.
  EXPECT_EQ(server_->as("terenni2").get(path).status, 404);
  EXPECT_EQ(server_->as("analytik").get(path).status, 403);
  EXPECT_EQ(server_->as("koordinator").get(path).status, 200);

  auto list = c.get("/api/v1/activities?from=2025-03-01&to=2025-03-31&type=child_group&person=" + std::to_string(f.child));
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json["total"], 1);
  EXPECT_EQ(list.json["items"][0]["id"], id);
  EXPECT_EQ(c.get("/api/v1/activities?from=2025-04-01&person=" + std::to_string(f.child)).json["total"], 0);
  EXPECT_EQ(c.get("/api/v1/activities?type=trip&person=" + std::to_string(f.child)).json["total"], 0);
  auto paged = c.get("/api/v1/activities?page=1&page_size=1");
  ASSERT_EQ(paged.status, 200);
  EXPECT_EQ(paged.json["items"].size(), 1u);
  EXPECT_EQ(c.get("/api/v1/activities?from=2025-13-01").status, 422);
  auto other = server_->as("terenni2").get("/api/v1/activities?person=" + std::to_string(f.child));
  EXPECT_EQ(other.json["total"], 0);

  auto patched = c.patch(path, {{"version", 1}, {"end", "18:00"}, {"notes", "Hráli jsme hru na emoce."}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json["version"], 2);
  EXPECT_EQ(patched.json["duration_minutes"], 120);
  auto stale = c.patch(path, {{"version", 1}, {"end", "17:00"}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json["error"]["code"], "conflict");
  EXPECT_EQ(c.get(path).json["end"], "18:00");
  EXPECT_EQ(c.patch(path, {{"end", "17:00"}}).status, 422);  // version required

  // The workers are chosen from the colleagues list (active workers and coordinators; not for analysts).
  auto colleagues = c.get("/api/v1/colleagues");
  ASSERT_EQ(colleagues.status, 200) << colleagues.body;
  std::int64_t terenni2 = 0, terenni = 0;
  for (const auto& u : colleagues.json["items"]) {
    EXPECT_TRUE(u["role"] == "worker" || u["role"] == "coordinator") << u.dump();
    EXPECT_FALSE(u.contains("password_hash"));
    if (u["username"] == "terenni2") terenni2 = u["id"];
    if (u["username"] == "terenni") terenni = u["id"];
  }
  ASSERT_GT(terenni2, 0);
  EXPECT_EQ(server_->as("analytik").get("/api/v1/colleagues").status, 403);
  auto two = c.patch(path, {{"version", 2}, {"worker_ids", {terenni, terenni2}}});
  ASSERT_EQ(two.status, 200) << two.body;
  EXPECT_EQ(two.json["worker_ids"].size(), 2u);
}

TEST_F(ActivitiesApi, CreateRejectsBadInputNamingTheField) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Chybová");
  ApiClient t2 = server_->as("terenni2");
  Fam g = make_family(t2, "Cizí", "Střed");
  struct Case {
    json body;
    std::string field;
  };
  std::vector<Case> cases = {
      {{{"date", "2025-03-04"}, {"start", "16:00"}, {"end", "17:00"}}, "type"},
      {activity({f.child}, "no_such_type"), "type"},
      {activity({f.child}, "child_group", "2025-02-30"), "date"},
      {activity({f.child}, "child_group", "4. 3. 2025"), "date"},
      {activity({f.child}, "parent_group"), "participant_ids[0]"},
      {activity({f.child, g.child}), "participant_ids[1]"},
      {activity({f.child, f.child}), "participant_ids[1]"},
      {activity({f.child, 999999999}), "participant_ids[1]"},
  };
  json bad_start = activity({f.child});
  bad_start["start"] = "9:00";
  cases.push_back({bad_start, "start"});
  json bad_end = activity({f.child});
  bad_end["end"] = "15:00";
  cases.push_back({bad_end, "end"});
  json bad_topic = activity({f.child});
  bad_topic["topics"] = {"feelings", "astrology"};
  cases.push_back({bad_topic, "topics[1]"});
  json bad_worker = activity({f.child});
  bad_worker["worker_ids"] = {999999};
  cases.push_back({bad_worker, "worker_ids[0]"});
  json not_ids = activity({f.child});
  not_ids["participant_ids"] = {"x"};
  cases.push_back({not_ids, "participant_ids[0]"});
  for (const auto& k : cases) {
    auto r = c.post("/api/v1/activities", k.body);
    EXPECT_EQ(r.status, 422) << k.body.dump() << " " << r.body;
    EXPECT_TRUE(testing::names_field(r, k.field)) << k.field << ": " << r.body;
  }
  EXPECT_EQ(c.post_raw("/api/v1/activities", "{not json").status, 400);
  EXPECT_EQ(server_->as("analytik").post("/api/v1/activities", activity({f.child})).status, 403);
}

TEST_F(ActivitiesApi, AttendanceResendReplacesAndBadRecordsSaveNothing) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Docházková");
  Fam o = make_family(c, "Ostatní");
  auto a = c.post("/api/v1/activities", activity({f.child, f.child2}, "child_group", "2025-03-11"));
  ASSERT_EQ(a.status, 201) << a.body;
  const std::int64_t id = a.json["id"];
  const json records = {{{"person_id", f.child}, {"status", "present"}},
                        {{"person_id", f.child2}, {"status", "present"}, {"minutes", 45}}};
  auto r = put_attendance(c, id, records);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["present"], 2);
  const std::string hours = "/api/v1/people/" + std::to_string(f.child2) + "/support-hours?from=2025-03-01&to=2025-03-31";
  EXPECT_EQ(c.get(hours).json["minutes"], 45);
  // The phone retries: the same roll-call again changes nothing.
  ASSERT_EQ(put_attendance(c, id, records).status, 200);
  ASSERT_EQ(put_attendance(c, id, records).status, 200);
  auto h = c.get(hours);
  EXPECT_EQ(h.json["minutes"], 45);
  EXPECT_EQ(h.json["activities"], 1);
  auto whole = c.get("/api/v1/people/" + std::to_string(f.child) + "/support-hours");
  EXPECT_EQ(whole.json["hours"], 1.5);

  // A non-participant, minutes longer than the activity, a bad status: 422 naming the record; nothing saved.
  auto bad = put_attendance(c, id, {{{"person_id", f.child}, {"status", "absent"}},
                                    {{"person_id", o.child}, {"status", "present"}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(testing::names_field(bad, "records[1].person_id")) << bad.body;
  auto too_long = put_attendance(c, id, {{{"person_id", f.child}, {"status", "present"}, {"minutes", 91}}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(testing::names_field(too_long, "records[0].minutes")) << too_long.body;
  auto status = put_attendance(c, id, {{{"person_id", f.child}, {"status", "late"}}});
  EXPECT_TRUE(testing::names_field(status, "records[0].status")) << status.body;
  auto minutes_absent = put_attendance(c, id, {{{"person_id", f.child}, {"status", "absent"}, {"minutes", 10}}});
  EXPECT_TRUE(testing::names_field(minutes_absent, "records[0].minutes")) << minutes_absent.body;
  auto twice = put_attendance(c, id, {{{"person_id", f.child}, {"status", "absent"}}, {{"person_id", f.child}, {"status", "present"}}});
  EXPECT_TRUE(testing::names_field(twice, "records[1].person_id")) << twice.body;
  auto missing = put_attendance(c, id, {{{"status", "present"}}});
  EXPECT_TRUE(testing::names_field(missing, "records[0].person_id")) << missing.body;
  EXPECT_EQ(c.send("PUT", "/api/v1/activities/" + std::to_string(id) + "/attendance", "{}").status, 422);
  auto now = c.get("/api/v1/activities/" + std::to_string(id) + "/attendance");
  ASSERT_EQ(now.status, 200);
  EXPECT_EQ(now.json["present"], 2);
  EXPECT_EQ(now.json["records"].size(), 2u);
  EXPECT_EQ(c.get(hours).json["minutes"], 45);

  // A changed roll-call replaces the old one.
  ASSERT_EQ(put_attendance(c, id, {{{"person_id", f.child}, {"status", "excused"}}}).status, 200);
  now = c.get("/api/v1/activities/" + std::to_string(id) + "/attendance");
  EXPECT_EQ(now.json["records"].size(), 1u);
  EXPECT_EQ(now.json["excused"], 1);
  EXPECT_EQ(c.get(hours).json["minutes"], 0);
  // Out of scope, and a future activity.
  ApiClient t2 = server_->as("terenni2");
  EXPECT_EQ(put_attendance(t2, id, records).status, 404);
  auto future = c.post("/api/v1/activities", activity({f.child}, "child_group", "2099-01-06"));
  auto fut = put_attendance(c, future.json["id"], {{{"person_id", f.child}, {"status", "present"}}});
  EXPECT_EQ(fut.status, 422);
  EXPECT_TRUE(testing::names_field(fut, "records"));
  // The activity cannot shrink below recorded partial minutes.
  ASSERT_EQ(put_attendance(c, id, records).status, 200);
  auto shrink = c.patch("/api/v1/activities/" + std::to_string(id), {{"version", 1}, {"end", "16:30"}});
  EXPECT_EQ(shrink.status, 422);
  EXPECT_TRUE(testing::names_field(shrink, "end")) << shrink.body;
}

TEST_F(ActivitiesApi, SupportHoursUseConversionRulesAndTheThreshold) {
  auto c = server_->as("terenni");
  auto k = server_->as("koordinator");
  Fam f = make_family(c, "Hodinová");
  auto trip = c.post("/api/v1/activities", {{"type", "trip"}, {"date", "2025-05-10"}, {"start", "08:00"}, {"end", "18:00"},
                                            {"participant_ids", {f.child, f.mother}}});
  ASSERT_EQ(trip.status, 201) << trip.body;
  ASSERT_EQ(put_attendance(c, trip.json["id"], {{{"person_id", f.child}, {"status", "present"}},
                                                {{"person_id", f.mother}, {"status", "present"}, {"minutes", 300}}})
                .status,
            200);
  auto child = c.get("/api/v1/people/" + std::to_string(f.child) + "/support-hours?from=2025-05-01&to=2025-05-31");
  ASSERT_EQ(child.status, 200) << child.body;
  EXPECT_EQ(child.json["hours"], 6.0);  // a trip counts 6 hours, not its 10
  EXPECT_EQ(child.json["hours_by_type"]["trip"], 6.0);
  EXPECT_EQ(child.json["supported"], false);
  EXPECT_EQ(child.json["threshold_hours"], 40.0);
  auto mother = c.get("/api/v1/people/" + std::to_string(f.mother) + "/support-hours?from=2025-05-01&to=2025-05-31");
  EXPECT_EQ(mother.json["hours"], 3.0);  // half the trip: half of its 6 hours
  // The rule is configurable (coordinator), and so is the threshold.
  ASSERT_EQ(k.patch("/api/v1/activity-types/trip", {{"counted_minutes", 480}}).status, 200);
  EXPECT_EQ(c.get("/api/v1/people/" + std::to_string(f.child) + "/support-hours").json["hours"], 8.0);
  ASSERT_EQ(k.patch("/api/v1/activity-types/trip", {{"counted_minutes", 360}}).status, 200);
  EXPECT_EQ(k.patch("/api/v1/activity-types/trip", {{"counted_minutes", -1}}).status, 422);
  EXPECT_EQ(k.patch("/api/v1/activity-types/nothing", {{"counted_minutes", 1}}).status, 404);
  ASSERT_EQ(k.send("PUT", "/api/v1/settings/supported-person", json{{"threshold_minutes", 300}}.dump()).status, 200);
  auto now = c.get("/api/v1/people/" + std::to_string(f.child) + "/support-hours");
  EXPECT_EQ(now.json["supported"], true);
  EXPECT_EQ(now.json["minutes_until_supported"], 0);
  ASSERT_EQ(k.send("PUT", "/api/v1/settings/supported-person", json{{"threshold_minutes", 2400}}.dump()).status, 200);
  EXPECT_EQ(c.send("PUT", "/api/v1/settings/supported-person", json{{"threshold_minutes", 1}}.dump()).status, 403);
  EXPECT_EQ(k.send("PUT", "/api/v1/settings/supported-person", json{{"threshold_minutes", -1}}.dump()).status, 422);
  // Bad periods, other teams, analysts.
  auto bad = c.get("/api/v1/people/" + std::to_string(f.child) + "/support-hours?from=2025-06-01&to=2025-05-01");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(testing::names_field(bad, "to"));
  EXPECT_TRUE(testing::names_field(c.get("/api/v1/people/" + std::to_string(f.child) + "/support-hours?from=x"), "from"));
  EXPECT_EQ(server_->as("terenni2").get("/api/v1/people/" + std::to_string(f.child) + "/support-hours").status, 404);
  EXPECT_EQ(server_->as("analytik").get("/api/v1/people/" + std::to_string(f.child) + "/support-hours").status, 403);
  auto summary = server_->as("analytik").get("/api/v1/support-hours/summary");
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_GE(summary.json["participants_with_support"].get<int>(), 2);
}

TEST_F(ActivitiesApi, AttendanceSheetPdfListsExpectedParticipants) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Listinová");
  auto a = c.post("/api/v1/activities", activity({f.child, f.mother}, "accompaniment", "2025-04-01"));
  ASSERT_EQ(a.status, 201) << a.body;
  auto pdf = c.get("/api/v1/activities/" + std::to_string(a.json["id"].get<std::int64_t>()) + "/attendance-sheet.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  ASSERT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  const std::string text = pdf_text(pdf.body);
  for (const char* must : {"Prezenční listina", "Financováno Evropskou unií", "IQ Roma servis, z.s.", "1. 4. 2025",
                           "Šárka Listinová (dítě)", "podpis zákonného zástupce: Jana Listinová", "Jana Listinová"})
    EXPECT_NE(text.find(must), std::string::npos) << must << "\n" << text;
  EXPECT_EQ(server_->as("terenni2").get("/api/v1/activities/" + std::to_string(a.json["id"].get<std::int64_t>()) +
                                        "/attendance-sheet.pdf")
                .status,
            404);
  EXPECT_EQ(c.get("/api/v1/activities/999999999/attendance-sheet.pdf").status, 404);
}

TEST_F(ActivitiesApi, GroupSessionsAreIdempotentAndMonthSheet) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Skupinová");
  auto g = c.post("/api/v1/groups", {{"name", "Úterní předškolní klub (test)"}, {"type", "child_group"}, {"weekday", 2},
                                     {"start", "16:00"}, {"end", "17:30"}, {"valid_from", "2025-03-01"},
                                     {"member_ids", {f.child, f.child2}}, {"topics", {"feelings"}}});
  ASSERT_EQ(g.status, 201) << g.body;
  const std::string base = "/api/v1/groups/" + std::to_string(g.json["id"].get<std::int64_t>());
  auto s1 = c.post(base + "/sessions", {{"from", "2025-03-01"}, {"to", "2025-03-31"}});
  ASSERT_EQ(s1.status, 201) << s1.body;
  EXPECT_EQ(s1.json["created"].size(), 4u);  // Tuesdays 4, 11, 18, 25 March
  auto s2 = c.post(base + "/sessions", {{"from", "2025-03-01"}, {"to", "2025-04-08"}});
  ASSERT_EQ(s2.status, 201) << s2.body;
  EXPECT_EQ(s2.json["created"].size(), 2u);  // 1 and 8 April
  EXPECT_EQ(s2.json["existing"], s1.json["created"]);
  auto s3 = c.post(base + "/sessions", {{"from", "2025-03-01"}, {"to", "2025-04-08"}});
  EXPECT_EQ(s3.status, 200);
  EXPECT_EQ(s3.json["created"].size(), 0u);
  auto list = c.get("/api/v1/activities?group=" + std::to_string(g.json["id"].get<std::int64_t>()));
  EXPECT_EQ(list.json["total"], 6);
  EXPECT_EQ(list.json["items"][0]["participant_ids"].size(), 2u);
  // Holidays are skipped: Easter Monday 2025 is 21 April (a Monday group).
  auto mon = c.post("/api/v1/groups", {{"name", "Pondělní"}, {"type", "child_group"}, {"weekday", 1}, {"start", "10:00"},
                                       {"end", "11:00"}, {"valid_from", "2025-04-01"}, {"member_ids", {f.child}}});
  ASSERT_EQ(mon.status, 201) << mon.body;
  auto ms = c.post("/api/v1/groups/" + std::to_string(mon.json["id"].get<std::int64_t>()) + "/sessions",
                   {{"from", "2025-04-14"}, {"to", "2025-04-28"}});
  EXPECT_EQ(ms.json["created"].size(), 2u);
  EXPECT_EQ(ms.json["skipped_holidays"], json({"2025-04-21"}));

  auto sheet = c.get(base + "/attendance-sheet.pdf?month=2025-03");
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  const std::string text = pdf_text(sheet.body);
  for (const char* must : {"březen 2025", "4. 3.", "25. 3.", "Šárka Skupinová", "Eliška Skupinová", "podpis zákonného zástupce"})
    EXPECT_NE(text.find(must), std::string::npos) << must << "\n" << text;
  EXPECT_TRUE(testing::names_field(c.get(base + "/attendance-sheet.pdf?month=2025-3"), "month"));

  // Bad input and scope.
  auto bad = c.post("/api/v1/groups", {{"name", ""}, {"type", "child_group"}, {"weekday", 8}, {"start", "16:00"},
                                       {"end", "15:00"}, {"valid_from", "2025-03-01"}, {"member_ids", {f.mother}}});
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"name", "weekday", "end", "member_ids[0]"}) EXPECT_TRUE(testing::names_field(bad, field)) << field << bad.body;
  auto range = c.post(base + "/sessions", {{"from", "2025-03-01"}, {"to", "2025-02-01"}});
  EXPECT_TRUE(testing::names_field(range, "to"));
  EXPECT_EQ(server_->as("terenni2").get(base).status, 404);
  auto stale = c.patch(base, {{"version", 5}, {"name", "X"}});
  EXPECT_EQ(stale.status, 409);
  auto ok = c.patch(base, {{"version", 1}, {"member_ids", {f.child}}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["members"].size(), 1u);
}

TEST_F(ActivitiesApi, DriftingAwayAndRegularity) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Vzdálená");
  Fam g = make_family(c, "Věrná");
  std::vector<std::int64_t> ids;
  for (const char* date : {"2025-01-09", "2025-01-16", "2025-01-23", "2025-01-30"}) {
    auto a = c.post("/api/v1/activities", activity({f.mother, g.mother}, "parent_group", date));
    ASSERT_EQ(a.status, 201) << a.body;
    const bool first = std::string(date) == "2025-01-09";
    ASSERT_EQ(put_attendance(c, a.json["id"], {{{"person_id", f.mother}, {"status", first ? "present" : "absent"}},
                                               {{"person_id", g.mother}, {"status", first ? "absent" : "present"}}})
                  .status,
              200);
  }
  auto d = c.get("/api/v1/attendance/drifting?type=parent_group");
  ASSERT_EQ(d.status, 200) << d.body;
  bool found_f = false, found_g = false;
  for (const auto& it : d.json["items"]) {
    if (it["person_id"] == f.mother) {
      found_f = true;
      EXPECT_EQ(it["last_present"], "2025-01-09");
      EXPECT_EQ(it["last_sessions"].size(), 3u);
    }
    if (it["person_id"] == g.mother) found_g = true;
  }
  EXPECT_TRUE(found_f) << d.body;
  EXPECT_FALSE(found_g);
  // Another team does not see them.
  // The response is kept in a variable: a range-for over a temporary's member would read freed memory (ASan).
  const auto other = server_->as("terenni2").get("/api/v1/attendance/drifting");
  for (const auto& it : other.json["items"]) EXPECT_NE(it["person_id"], f.mother);
  auto reg = c.get("/api/v1/people/" + std::to_string(g.mother) + "/regularity");
  ASSERT_EQ(reg.status, 200) << reg.body;
  EXPECT_EQ(reg.json["sessions"], 4);
  EXPECT_EQ(reg.json["present"], 3);
  EXPECT_DOUBLE_EQ(reg.json["rate"].get<double>(), 0.75);
  EXPECT_EQ(reg.json["months"][0]["month"], "2025-01");
  EXPECT_EQ(server_->as("analytik").get("/api/v1/attendance/drifting").status, 403);
}

TEST_F(ActivitiesApi, AssessmentsFrameworkVersionsAndProgress) {
  auto c = server_->as("terenni");
  auto k = server_->as("koordinator");
  Fam f = make_family(c, "Hodnocená");
  auto fw = c.get("/api/v1/competence-frameworks");
  ASSERT_EQ(fw.status, 200);
  ASSERT_EQ(fw.json["items"].size(), 2u);
  EXPECT_EQ(fw.json["items"][0]["code"], "children");
  EXPECT_EQ(fw.json["items"][0]["levels"].size(), 4u);
  auto a1 = c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2024-10-01"},
                                            {"levels", {{"names_feelings", 1}, {"works_with_emotions", 2}, {"language", 2}}},
                                            {"note", "Vstup"}});
  ASSERT_EQ(a1.status, 201) << a1.body;
  EXPECT_EQ(a1.json["framework"], "children");
  EXPECT_EQ(a1.json["framework_version"], 1);
  // A new framework version: past assessments keep theirs.
  json v2 = {{"code", "children"}, {"audience", "child"}, {"name_cs", "Kompetence dětí"}, {"name_en", "Children's competences"},
             {"levels", {{{"level", 1}, {"name_cs", "Ne"}, {"name_en", "No"}, {"description_cs", "a"}, {"description_en", "a"}},
                         {{"level", 2}, {"name_cs", "Ano"}, {"name_en", "Yes"}, {"description_cs", "b"}, {"description_en", "b"}}}},
             {"domains", {{{"code", "emotions"}, {"name_cs", "Emoce"}, {"name_en", "Emotions"},
                           {"indicators", {{{"code", "names_feelings"}, {"name_cs", "Pojmenuje pocity"}, {"name_en", "Names feelings"}}}}}}}};
  EXPECT_EQ(c.post("/api/v1/competence-frameworks", v2).status, 403);
  auto created = k.post("/api/v1/competence-frameworks", v2);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["version"], 2);
  auto old = c.get("/api/v1/assessments/" + std::to_string(a1.json["id"].get<std::int64_t>()));
  EXPECT_EQ(old.json["framework_version"], 1);
  EXPECT_EQ(old.json["levels"]["language"], 2);
  EXPECT_EQ(c.get("/api/v1/competence-frameworks?all=1").json["items"].size(), 3u);
  auto a2 = c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2025-05-01"}, {"levels", {{"names_feelings", 2}}}});
  ASSERT_EQ(a2.status, 201) << a2.body;
  EXPECT_EQ(a2.json["framework_version"], 2);
  auto bad_level = c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2025-05-01"}, {"levels", {{"names_feelings", 3}}}});
  EXPECT_TRUE(testing::names_field(bad_level, "levels.names_feelings")) << bad_level.body;
  auto bad_ind = c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2025-05-01"}, {"levels", {{"language", 1}}}});
  EXPECT_TRUE(testing::names_field(bad_ind, "levels.language")) << bad_ind.body;
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2099-01-01"}, {"levels", {{"names_feelings", 1}}}}), "date"));
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2025-01-01"}, {"levels", json::object()}}), "levels"));
  EXPECT_TRUE(testing::names_field(server_->as("terenni2").post("/api/v1/assessments", {{"person_id", f.child}, {"date", "2025-01-01"}, {"levels", {{"names_feelings", 1}}}}), "person_id"));
  auto stale = c.patch("/api/v1/assessments/" + std::to_string(a2.json["id"].get<std::int64_t>()),
                       {{"version", 9}, {"date", "2025-05-01"}, {"levels", {{"names_feelings", 2}}}});
  EXPECT_EQ(stale.status, 409);

  auto progress = c.get("/api/v1/people/" + std::to_string(f.child) + "/competence-progress");
  ASSERT_EQ(progress.status, 200) << progress.body;
  ASSERT_GE(progress.json["domains"].size(), 1u);
  EXPECT_EQ(progress.json["domains"][0]["code"], "emotions");
  ASSERT_EQ(progress.json["domains"][0]["points"].size(), 2u);
  EXPECT_DOUBLE_EQ(progress.json["domains"][0]["points"][0]["level"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(progress.json["domains"][0]["points"][1]["level"].get<double>(), 2.0);
  EXPECT_EQ(c.get("/api/v1/people/" + std::to_string(f.child) + "/assessments").json["items"].size(), 2u);

  auto cohort = server_->as("analytik").get("/api/v1/assessments/cohort-progress?framework=children");
  ASSERT_EQ(cohort.status, 200) << cohort.body;
  bool emotions = false;
  for (const auto& d : cohort.json["domains"])
    if (d["code"] == "emotions") {
      emotions = true;
      EXPECT_GE(d["people"].get<int>(), 1);
      EXPECT_GE(d["improved"].get<int>(), 1);
      EXPECT_EQ(d["people"].get<int>(), d["improved"].get<int>() + d["same"].get<int>() + d["declined"].get<int>());
    }
  EXPECT_TRUE(emotions) << cohort.body;
  EXPECT_TRUE(testing::names_field(c.get("/api/v1/assessments/cohort-progress?framework=nothing"), "framework"));
}

TEST_F(ActivitiesApi, ObservationsQuotesNeedPublicationConsent) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Citovaná");
  json quote = {{"date", "2025-03-06"},
                {"text", "Ve škole jsem se poprvé nebála zeptat."},
                {"person_ids", {f.mother}},
                {"tags", {"instituce"}},
                {"is_quote", true},
                {"speaker_role", "parent"},
                {"speaker_person_id", f.mother},
                {"publishable", true}};
  auto refused = c.post("/api/v1/observations", quote);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(testing::names_field(refused, "publishable"));
  quote["publishable"] = false;
  auto o = c.post("/api/v1/observations", quote);
  ASSERT_EQ(o.status, 201) << o.body;
  const std::string path = "/api/v1/observations/" + std::to_string(o.json["id"].get<std::int64_t>());
  auto consent = c.post("/api/v1/people/" + std::to_string(f.mother) + "/consents",
                        {{"purpose", "publication"}, {"given_by", "self"}, {"given_on", "2025-03-01"}, {"form", "signed_paper"}});
  ASSERT_EQ(consent.status, 201) << consent.body;
  auto pub = c.patch(path, {{"version", 1}, {"publishable", true}});
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.json["publishable"], true);
  auto quotes = server_->as("analytik").get("/api/v1/observations/publishable-quotes");
  ASSERT_EQ(quotes.status, 200) << quotes.body;
  auto has = [&](const json& items) {
    for (const auto& q : items)
      if (q["id"] == o.json["id"]) return true;
    return false;
  };
  EXPECT_TRUE(has(quotes.json["items"]));
  EXPECT_EQ(quotes.body.find("Citovan"), std::string::npos);  // no names in report quotes
  // Withdrawn consent: the quote leaves the reports at once.
  ASSERT_EQ(c.post("/api/v1/consents/" + std::to_string(consent.json["id"].get<std::int64_t>()) + "/withdraw", json::object()).status, 200);
  EXPECT_FALSE(has(server_->as("analytik").get("/api/v1/observations/publishable-quotes").json["items"]));

  // Validation, scope, lists.
  // A note (not a quote) is publishable only when no person is linked to it.
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", "x"}, {"publishable", true},
                                                         {"person_ids", {f.child}}}),
                          "publishable"));
  EXPECT_EQ(c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", "x"}, {"publishable", true}}).status, 201);
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", "x"}, {"is_quote", true}}), "speaker_role"));
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", ""}}), "text"));
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", "x"}, {"speaker_role", "boss"}}), "speaker_role"));
  EXPECT_TRUE(testing::names_field(c.post("/api/v1/observations", {{"date", "2025-03-06"}, {"text", "x"}, {"is_quote", true}, {"speaker_role", "child"}, {"speaker_person_id", f.mother}}), "speaker_person_id"));
  auto staff = c.post("/api/v1/observations", {{"date", "2025-03-07"}, {"text", "Kluci začali popisovat, jak se cítí."},
                                               {"is_quote", true}, {"speaker_role", "team_member"}, {"publishable", true},
                                               {"tags", {"emoce"}}, {"person_ids", {f.child}}});
  ASSERT_EQ(staff.status, 201) << staff.body;
  EXPECT_EQ(server_->as("terenni2").get(path).status, 404);
  auto list = c.get("/api/v1/observations?person=" + std::to_string(f.mother));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json["total"], 1);
  EXPECT_EQ(c.get("/api/v1/observations?tag=emoce&person=" + std::to_string(f.child)).json["total"], 1);
  EXPECT_EQ(c.patch(path, {{"version", 1}, {"text", "y"}}).status, 409);
}

TEST_F(ActivitiesApi, EveryReadAndWriteIsAudited) {
  auto c = server_->as("terenni");
  Fam f = make_family(c, "Auditní");
  auto a = c.post("/api/v1/activities", activity({f.child}, "child_group", "2025-03-04"));
  ASSERT_EQ(a.status, 201);
  const std::string id = std::to_string(a.json["id"].get<std::int64_t>());
  ASSERT_EQ(put_attendance(c, a.json["id"], {{{"person_id", f.child}, {"status", "present"}}}).status, 200);
  auto k = server_->as("admin");
  auto act = k.get("/api/v1/audit?entity=activity&entity_id=" + id);
  ASSERT_EQ(act.status, 200) << act.body;
  EXPECT_GE(act.json["total"].get<int>(), 1);
  auto att = k.get("/api/v1/audit?entity=attendance&entity_id=" + id);
  ASSERT_EQ(att.status, 200);
  EXPECT_EQ(att.json["items"][0]["action"], "replace");
}

TEST_F(ActivitiesApi, DemoDataHasGroupsAttendanceAndQuotes) {
  auto k = server_->as("koordinator");
  auto groups = k.get("/api/v1/groups");
  ASSERT_EQ(groups.status, 200);
  EXPECT_GE(groups.json["items"].size(), 4u);
  auto drifting = k.get("/api/v1/attendance/drifting");
  EXPECT_GE(drifting.json["items"].size(), 1u);
  auto quotes = k.get("/api/v1/observations/publishable-quotes");
  EXPECT_GE(quotes.json["items"].size(), 3u);
}

}  // namespace
}  // namespace kredo

namespace kredo {
namespace {

// Merging a duplicate moves its attendance (and assessments, observations) to the kept record, so the
// kept child's support hours count it; undoing the merge gives it back.
TEST_F(ActivitiesApi, MergeMovesAttendanceAndUndoGivesItBack) {
  auto c = server_->as("terenni");
  auto k = server_->as("koordinator");
  Fam f = make_family(c, "Slučovaná");
  auto dup = c.post("/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Sarka"},
                                       {"surname", "Slucovana"}, {"birth_date", "2019-02-03"}, {"gender", "female"},
                                       {"confirm_not_duplicate", true}});
  ASSERT_EQ(dup.status, 201) << dup.body;
  const std::int64_t dup_id = dup.json["id"];
  // The same session has both records (a roll-call made before anyone saw the duplicate), and a second one only the duplicate.
  auto both = c.post("/api/v1/activities", activity({f.child, dup_id}, "child_group", "2025-04-01"));
  auto only_dup = c.post("/api/v1/activities", activity({dup_id}, "child_group", "2025-04-08"));
  ASSERT_EQ(both.status, 201) << both.body;
  ASSERT_EQ(only_dup.status, 201) << only_dup.body;
  ASSERT_EQ(put_attendance(c, both.json["id"], {{{"person_id", f.child}, {"status", "present"}},
                                                {{"person_id", dup_id}, {"status", "present"}}}).status, 200);
  ASSERT_EQ(put_attendance(c, only_dup.json["id"], {{{"person_id", dup_id}, {"status", "present"}}}).status, 200);
  const std::string hours = "/api/v1/people/" + std::to_string(f.child) + "/support-hours?from=2025-04-01&to=2025-04-30";
  EXPECT_EQ(c.get(hours).json["minutes"], 90);

  auto keep = k.get("/api/v1/people/" + std::to_string(f.child));
  auto merged = k.post("/api/v1/people/" + std::to_string(f.child) + "/merge",
                       {{"duplicate_id", dup_id}, {"version", keep.json["version"]}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  // The session both were in is counted once; the duplicate's own session moves over.
  EXPECT_EQ(c.get(hours).json["minutes"], 180);

  auto merges = k.get("/api/v1/merges");
  ASSERT_EQ(k.post("/api/v1/merges/" + std::to_string(merges.json["items"][0]["id"].get<long>()) + "/undo",
                   json::object()).status, 200);
  EXPECT_EQ(c.get(hours).json["minutes"], 90);
  EXPECT_EQ(c.get("/api/v1/people/" + std::to_string(dup_id) + "/support-hours?from=2025-04-01&to=2025-04-30")
                .json["minutes"], 180);
}

}  // namespace
}  // namespace kredo
