// The case registry's API contract (notes/registry-api.md), black-box over HTTP with the demo users.
#include <gtest/gtest.h>

#include <set>

#include "support/api_server.hpp"

namespace kredo {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

class RegistryApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;

  // A family in team Sever (terenni's) with one child and the child's mother.
  struct Fam {
    std::int64_t id = 0, child = 0, mother = 0;
  };
  static Fam make_family(ApiClient& c, const std::string& surname) {
    Fam f;
    auto r = c.post("/api/v1/families", {{"name", surname},
                                          {"team", "Sever"},
                                          {"address", {{"street", "Ulice Vzorová"}, {"house_number", "7"},
                                                       {"district", "brno-sever"}, {"postal_code", "602 00"}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    f.id = r.json["id"];
    auto child = c.post("/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Šárka"},
                                           {"surname", surname}, {"birth_date", "2019-02-03"}, {"gender", "female"}});
    EXPECT_EQ(child.status, 201) << child.body;
    f.child = child.json["id"];
    auto mother = c.post("/api/v1/people", {{"family_id", f.id}, {"role", "adult"}, {"given_names", "Jana"},
                                            {"surname", surname}, {"birth_date", "1991-05-06"}, {"gender", "female"}});
    EXPECT_EQ(mother.status, 201) << mother.body;
    f.mother = mother.json["id"];
    return f;
  }
};
ApiServer* RegistryApi::server_ = nullptr;

TEST_F(RegistryApi, DistrictsListsBrnosTwentyNine) {
  auto r = server_->as("terenni").get("/api/v1/districts");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["items"].size(), 29u);
  std::set<std::string> codes, names;
  for (const auto& d : r.json["items"]) {
    codes.insert(d["code"].get<std::string>());
    names.insert(d["name"].get<std::string>());
  }
  EXPECT_EQ(codes.size(), 29u);
  EXPECT_EQ(names.size(), 29u);
  EXPECT_TRUE(codes.count("brno-stred"));
  EXPECT_TRUE(names.count("Brno-Maloměřice a Obřany"));
}

TEST_F(RegistryApi, FamilyLifecycleAndScope) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Háčkový");
  auto got = t.get("/api/v1/families/" + std::to_string(f.id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json["team"], "Sever");
  EXPECT_EQ(got.json["address"]["postal_code"], "60200");
  EXPECT_EQ(got.json["members"].size(), 2u);
  EXPECT_EQ(got.json["keyworker"], nullptr);
  EXPECT_EQ(server_->as("terenni2").get("/api/v1/families/" + std::to_string(f.id)).status, 404);
  EXPECT_EQ(server_->as("koordinator").get("/api/v1/families/" + std::to_string(f.id)).status, 200);
  auto analyst = server_->as("analytik").get("/api/v1/families/" + std::to_string(f.id));
  EXPECT_EQ(analyst.status, 403);
  EXPECT_EQ(analyst.json["error"]["code"], "forbidden");
  EXPECT_EQ(server_->as("analytik").get("/api/v1/families").status, 403);
  EXPECT_EQ(server_->as("analytik").get("/api/v1/people/" + std::to_string(f.child)).status, 403);

  auto closed = t.patch("/api/v1/families/" + std::to_string(f.id), {{"version", 1}, {"status", "closed"}});
  EXPECT_EQ(closed.status, 422);
  EXPECT_TRUE(testing::names_field(closed, "closed_reason")) << closed.body;
  auto ok = t.patch("/api/v1/families/" + std::to_string(f.id), {{"version", 1}, {"status", "active"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["version"], 2);
  auto stale = t.patch("/api/v1/families/" + std::to_string(f.id), {{"version", 1}, {"name", "Jiný"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json["error"]["code"], "conflict");
  EXPECT_EQ(stale.json["error"]["current"]["version"], 2);
  EXPECT_EQ(stale.json["error"]["current"]["name"], "Háčkový");
  auto bad = t.post("/api/v1/families", {{"name", "X"}, {"team", "Neexistuje"}, {"address", {{"district", "Praha"}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(testing::names_field(bad, "team"));
  EXPECT_TRUE(testing::names_field(bad, "address.district"));
}

TEST_F(RegistryApi, FamilyListSearchesFoldedAndPages) {
  ApiClient k = server_->as("koordinator");
  Fam f = make_family(k, "Šťastlivý");
  auto r = k.get("/api/v1/families?q=stastlivy");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["total"], 1);
  const auto& it = r.json["items"][0];
  EXPECT_EQ(it["id"], f.id);
  EXPECT_EQ(it["members_count"], 2);
  EXPECT_EQ(it["children_count"], 1);
  EXPECT_EQ(it["member_names"][0], "Jana Šťastlivý");
  EXPECT_EQ(k.get("/api/v1/families?q=SARKA%20STASTLIVY").json["total"], 1) << "members' names are searched too";
  auto page = k.get("/api/v1/families?page=2&page_size=5&sort=-updated");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json["page"], 2);
  EXPECT_EQ(page.json["page_size"], 5);
  EXPECT_EQ(page.json["items"].size(), 5u);
  EXPECT_GE(page.json["total"].get<int>(), 40) << "the demo's families";
  EXPECT_EQ(k.get("/api/v1/families?sort=age").status, 422);
  EXPECT_EQ(k.get("/api/v1/families?district=brno-stred").status, 200);
  auto by_worker = k.get("/api/v1/families?worker=terenni2&page_size=200");
  ASSERT_EQ(by_worker.status, 200);
  for (const auto& x : by_worker.json["items"]) EXPECT_EQ(x["keyworker"]["username"], "terenni2");
  // A worker's list holds only their team's families.
  auto mine = server_->as("terenni2").get("/api/v1/families?page_size=200");
  for (const auto& x : mine.json["items"]) EXPECT_EQ(x["team"], "Střed");
}

TEST_F(RegistryApi, PersonValidationDuplicatesAndConcurrency) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Řádkový");
  auto bad = t.post("/api/v1/people", {{"family_id", f.id}, {"role", "kid"}, {"given_names", "Ema"}, {"surname", "Řádková"},
                                       {"birth_date", "2099-01-01"}, {"gender", "x"}, {"rodne_cislo", "150101/0006"}});
  EXPECT_EQ(bad.status, 422);
  for (auto field : {"role", "birth_date", "gender", "rodne_cislo"}) EXPECT_TRUE(testing::names_field(bad, field)) << field;
  auto dup = t.post("/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Sarka"},
                                       {"surname", "RADKOVY"}, {"birth_date", "2019-02-03"}, {"gender", "female"}});
  EXPECT_EQ(dup.status, 409) << dup.body;
  ASSERT_EQ(dup.json["error"]["candidates"].size(), 1u);
  EXPECT_EQ(dup.json["error"]["candidates"][0]["id"], f.child);
  EXPECT_EQ(dup.json["error"]["candidates"][0]["family_name"], "Řádkový");
  auto confirmed = t.post("/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Sarka"},
                                             {"surname", "RADKOVY"}, {"birth_date", "2019-02-03"}, {"gender", "female"},
                                             {"confirm_not_duplicate", true}});
  EXPECT_EQ(confirmed.status, 201) << confirmed.body;
  auto outside = server_->as("terenni2").post(
      "/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Ema"}, {"surname", "Cizí"},
                         {"birth_date", "2019-02-03"}, {"gender", "female"}});
  EXPECT_EQ(outside.status, 422);
  EXPECT_TRUE(testing::names_field(outside, "family_id"));

  auto rc = t.post("/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Filip"},
                                      {"surname", "Řádkový"}, {"birth_date", "2015-01-01"}, {"gender", "male"},
                                      {"rodne_cislo", "150101/0005"}});
  ASSERT_EQ(rc.status, 201) << rc.body;
  EXPECT_EQ(rc.json["rodne_cislo"], "150101/****");
  EXPECT_EQ(rc.body.find("0005"), std::string::npos) << "the full number never leaves the server";

  const std::string path = "/api/v1/people/" + std::to_string(f.mother);
  auto upd = t.patch(path, {{"version", 1}, {"labour_status", "employed"}, {"education_isced", 3},
                            {"contact", {{"phones", {"+420 700 123 456"}}, {"preferred_language", "rom"}}}});
  ASSERT_EQ(upd.status, 200) << upd.body;
  EXPECT_EQ(upd.json["contact"]["preferred_language"], "rom");
  auto stale = t.patch(path, {{"version", 1}, {"preferred_name", "Janka"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json["error"]["current"]["version"], 2);
  EXPECT_EQ(stale.json["error"]["current"]["labour_status"], "employed");
  auto child_isced = t.patch("/api/v1/people/" + std::to_string(f.child), {{"version", 1}, {"education_isced", 2}});
  EXPECT_TRUE(testing::names_field(child_isced, "education_isced"));
}

TEST_F(RegistryApi, RelationshipsConsentsAndSpecialCategory) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Žánrový");
  const std::string child = "/api/v1/people/" + std::to_string(f.child);
  auto rel = t.post(child + "/relationships", {{"other_person_id", f.mother}, {"type", "mother"}, {"legal_representative", true}});
  ASSERT_EQ(rel.status, 201) << rel.body;
  auto consent = t.post(child + "/consents", {{"purpose", "special_category"}, {"given_by", "legal_representative"},
                                              {"representative_id", f.mother}, {"given_on", "2025-01-15"},
                                              {"form", "signed_paper"}});
  ASSERT_EQ(consent.status, 201) << consent.body;
  EXPECT_EQ(consent.json["status"], "valid");
  auto self = t.post(child + "/consents", {{"purpose", "casework"}, {"given_by", "self"}, {"given_on", "2025-01-15"},
                                           {"form", "signed_paper"}});
  EXPECT_TRUE(testing::names_field(self, "given_by"));
  auto item = t.post(child + "/special-category", {{"category", "roma_minority"}, {"value", "yes"}});
  ASSERT_EQ(item.status, 201) << item.body;
  EXPECT_EQ(item.json["consent_id"], consent.json["id"]);
  EXPECT_EQ(item.json["recorded_by"], "terenni");
  auto p = t.get(child);
  EXPECT_TRUE(p.json["special_category_visible"].get<bool>());
  EXPECT_EQ(p.json["special_category"].size(), 1u);
  EXPECT_EQ(p.json["relationships"][0]["other_name"], "Jana Žánrový");

  // terenni2 lacks the permission; koordinator has it but the special list must be read on purpose.
  auto k = server_->as("koordinator");
  auto sc = k.get(child + "/special-category");
  ASSERT_EQ(sc.status, 200);
  EXPECT_EQ(sc.json["items"].size(), 1u);
  auto audit = server_->as("admin").get("/api/v1/audit?entity=person&entity_id=" + std::to_string(f.child) +
                                        "&action=read_special");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_GE(audit.json["total"].get<int>(), 1);

  auto withdraw = t.post("/api/v1/consents/" + std::to_string(consent.json["id"].get<long>()) + "/withdraw",
                         {{"reason", "Odvoláno matkou."}});
  ASSERT_EQ(withdraw.status, 200) << withdraw.body;
  EXPECT_EQ(withdraw.json["status"], "withdrawn");
  EXPECT_TRUE(t.get(child + "/special-category").json["items"].empty());
  auto refused = t.post(child + "/special-category", {{"category", "roma_minority"}, {"value", "yes"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(testing::names_field(refused, "consent"));
  auto del = t.send("DELETE", "/api/v1/relationships/" + std::to_string(rel.json["id"].get<long>()), "");
  EXPECT_EQ(del.status, 204);
}

TEST_F(RegistryApi, SpecialCategoryFlagHidesDataAndAdminCanGrantIt) {
  ApiClient k = server_->as("koordinator");
  // A family of team Střed so that terenni2 can see it.
  auto fam = k.post("/api/v1/families", {{"name", "Ďáblíkový"}, {"team", "Střed"}, {"address", {{"district", "Brno-střed"}}}});
  ASSERT_EQ(fam.status, 201) << fam.body;
  auto child = k.post("/api/v1/people", {{"family_id", fam.json["id"]}, {"role", "child"}, {"given_names", "Ema"},
                                         {"surname", "Ďáblíková"}, {"birth_date", "2020-01-01"}, {"gender", "female"}});
  ASSERT_EQ(child.status, 201);
  const std::string path = "/api/v1/people/" + std::to_string(child.json["id"].get<long>());
  ApiClient t2 = server_->as("terenni2");
  auto p = t2.get(path);
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(p.json["special_category"], nullptr);
  EXPECT_FALSE(p.json["special_category_visible"].get<bool>());
  EXPECT_EQ(t2.get(path + "/special-category").status, 403);
  EXPECT_EQ(t2.post(path + "/special-category", {{"category", "health"}, {"value", "refused"}}).status, 403);

  ApiClient admin = server_->as("admin");
  json user;
  const auto users = admin.get("/api/v1/users");
  for (const auto& u : users.json["items"])
    if (u["username"] == "terenni2") user = u;
  EXPECT_FALSE(user["special_category_access"].get<bool>());
  auto grant = admin.patch("/api/v1/users/" + std::to_string(user["id"].get<long>()),
                           {{"version", user["version"]}, {"special_category_access", true}});
  ASSERT_EQ(grant.status, 200) << grant.body;
  EXPECT_TRUE(grant.json["special_category_access"].get<bool>());
  EXPECT_EQ(t2.get(path + "/special-category").status, 200);
  auto revoke = admin.patch("/api/v1/users/" + std::to_string(user["id"].get<long>()),
                            {{"version", grant.json["version"]}, {"special_category_access", false}});
  ASSERT_EQ(revoke.status, 200);
  EXPECT_EQ(t2.get(path + "/special-category").status, 403);
}

TEST_F(RegistryApi, ContactsTimeline) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Chvostíkový");
  const std::string base = "/api/v1/families/" + std::to_string(f.id);
  EXPECT_EQ(t.post(base + "/contacts", {{"date", "2025-03-01"}, {"type", "phone"}, {"summary", "Telefonát."}}).status, 201);
  auto c = t.post(base + "/contacts", {{"date", "2025-04-01"}, {"type", "home_visit"}, {"summary", "Návštěva doma."},
                                       {"person_ids", {f.child}}});
  ASSERT_EQ(c.status, 201) << c.body;
  EXPECT_EQ(c.json["worker"], "terenni");
  auto bad = t.post(base + "/contacts", {{"date", "2999-01-01"}, {"type", "visit"}, {"summary", ""}});
  EXPECT_EQ(bad.status, 422);
  auto tl = t.get(base + "/timeline");
  ASSERT_EQ(tl.status, 200);
  ASSERT_EQ(tl.json["items"].size(), 2u);
  EXPECT_EQ(tl.json["items"][0]["date"], "2025-04-01");
  EXPECT_EQ(tl.json["items"][0]["person_ids"][0], f.child);
  EXPECT_EQ(server_->as("terenni2").get(base + "/timeline").status, 404);
}

TEST_F(RegistryApi, EveryReadOfAFamilyOrPersonIsAuditedAndAReadOutOfScopeIsNot) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Auditovaný");
  const std::string fam = std::to_string(f.id), child = std::to_string(f.child);
  ApiClient admin = server_->as("admin");
  auto count = [&](const std::string& entity, const std::string& id, const std::string& action, const std::string& actor) {
    return testing::audit_total(admin, entity, id, action, actor);
  };
  ASSERT_EQ(t.get("/api/v1/families/" + fam).status, 200);
  ASSERT_EQ(t.get("/api/v1/families/" + fam).status, 200);
  ASSERT_EQ(t.get("/api/v1/families/" + fam + "/timeline").status, 200);
  ASSERT_EQ(t.get("/api/v1/people/" + child).status, 200);
  EXPECT_EQ(count("family", fam, "read", "terenni"), 2) << "each answer has its row, once it has left";
  EXPECT_EQ(count("family", fam, "read_timeline", "terenni"), 1);
  EXPECT_EQ(count("person", child, "read", "terenni"), 1);
  // Another team's worker learns nothing, and nothing was read: no row.
  ApiClient other = server_->as("terenni2");
  EXPECT_EQ(other.get("/api/v1/families/" + fam).status, 404);
  EXPECT_EQ(other.get("/api/v1/people/" + child).status, 404);
  EXPECT_EQ(count("family", fam, "read", "terenni2"), 0);
  EXPECT_EQ(count("person", child, "read", "terenni2"), 0);
}

TEST_F(RegistryApi, ParticipationAndConflict) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Ústečkový");
  const std::string base = "/api/v1/people/" + std::to_string(f.mother);
  auto bad = t.post(base + "/participation", {{"entry_date", "2024-05-01"}, {"exit_date", "2024-01-01"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(testing::names_field(bad, "exit_date"));
  auto p = t.post(base + "/participation", {{"entry_date", "2024-05-01"}, {"housing_exclusion", "yes"}});
  ASSERT_EQ(p.status, 201) << p.body;
  EXPECT_EQ(p.json["third_country_national"], "not_stated");
  const std::string ppath = "/api/v1/participation/" + std::to_string(p.json["id"].get<long>());
  auto ok = t.patch(ppath, {{"version", 1}, {"exit_date", "2025-01-31"}, {"exit_reason", "Konec projektu."}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto stale = t.patch(ppath, {{"version", 1}, {"rural", "no"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json["error"]["current"]["exit_date"], "2025-01-31");
}

TEST_F(RegistryApi, PeopleListIsScopedAndCzechOrdered) {
  ApiClient k = server_->as("koordinator");
  auto r = k.get("/api/v1/people?page_size=200&sort=surname");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GT(r.json["total"].get<int>(), 40);
  auto q = k.get("/api/v1/people?q=cark");
  ASSERT_EQ(q.status, 200);
  for (const auto& it : q.json["items"]) {
    const std::string s = it["surname"];
    EXPECT_EQ(s.rfind("Čárkov", 0), 0u) << s;
  }
  auto mine = server_->as("terenni2").get("/api/v1/people?page_size=200");
  ASSERT_EQ(mine.status, 200);
  EXPECT_LT(mine.json["total"].get<int>(), r.json["total"].get<int>());
}

TEST_F(RegistryApi, MergeExportAndAnonymise) {
  ApiClient k = server_->as("koordinator");
  Fam f = make_family(k, "Áčkový");
  auto dup = k.post("/api/v1/people", {{"family_id", f.id}, {"role", "child"}, {"given_names", "Sarka"},
                                       {"surname", "Ackova"}, {"birth_date", "2019-02-03"}, {"gender", "female"}});
  ASSERT_EQ(dup.status, 201) << dup.body;
  const std::string keep = "/api/v1/people/" + std::to_string(f.child);
  EXPECT_EQ(server_->as("terenni").post(keep + "/merge", {{"duplicate_id", dup.json["id"]}, {"version", 1}}).status, 403);
  auto merged = k.post(keep + "/merge", {{"duplicate_id", dup.json["id"]}, {"version", 1}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  auto merges = k.get("/api/v1/merges");
  ASSERT_EQ(merges.status, 200);
  ASSERT_FALSE(merges.json["items"].empty());
  EXPECT_FALSE(merges.json["items"][0]["undo_until"].get<std::string>().empty());
  // The list names both records (so the web list shows names, not "záznam č. N"), and the read is audited.
  EXPECT_EQ(merges.json["items"][0]["person_name"], "Šárka Áčkový");
  EXPECT_EQ(merges.json["items"][0]["duplicate_name"], "Sarka Ackova");
  EXPECT_EQ(server_->as("admin").get("/api/v1/audit?entity=person&action=list_merges").json["total"], 1);
  EXPECT_EQ(server_->as("terenni").get("/api/v1/merges").status, 403);
  auto undo = k.post("/api/v1/merges/" + std::to_string(merges.json["items"][0]["id"].get<long>()) + "/undo", json::object());
  EXPECT_EQ(undo.status, 200) << undo.body;

  auto exp = k.get(keep + "/export");
  ASSERT_EQ(exp.status, 200);
  EXPECT_EQ(exp.json["person"]["given_names"], "Šárka");
  EXPECT_TRUE(exp.json["audit"].is_array());
  auto html = k.get(keep + "/export.html");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(html.body.find("Výpis osobních údajů"), std::string::npos);
  EXPECT_NE(html.body.find("Šárka"), std::string::npos);
  auto audit = server_->as("admin").get("/api/v1/audit?entity=person&entity_id=" + std::to_string(f.child) + "&action=export");
  EXPECT_EQ(audit.json["total"], 2);

  auto anon = k.post(keep + "/anonymise", json::object());
  EXPECT_EQ(anon.status, 409) << "the default retention runs until 2035-09-30";
  EXPECT_EQ(server_->as("terenni").post(keep + "/anonymise", json::object()).status, 403);
}

TEST_F(RegistryApi, LegalHoldIsSetByCoordinatorsOnly) {
  ApiClient k = server_->as("koordinator");
  ApiClient w = server_->as("terenni");
  Fam f = make_family(w, "Držený");
  const std::string person = "/api/v1/people/" + std::to_string(f.child);
  const std::string family = "/api/v1/families/" + std::to_string(f.id);

  auto refused = w.patch(person, {{"version", 1}, {"legal_hold", true}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(testing::names_field(refused, "legal_hold"));
  EXPECT_EQ(w.get(person).json["legal_hold"], false) << "nothing saved";
  EXPECT_EQ(w.get(person).json["version"], 1);

  auto held = k.patch(person, {{"version", 1}, {"legal_hold", true}});
  ASSERT_EQ(held.status, 200) << held.body;
  EXPECT_EQ(held.json["legal_hold"], true);
  EXPECT_EQ(held.json["version"], 2);
  EXPECT_EQ(k.patch(person, {{"version", 1}, {"legal_hold", false}}).status, 409);

  auto fam = k.get(family);
  auto fam_held = k.patch(family, {{"version", fam.json["version"]}, {"legal_hold", true}});
  ASSERT_EQ(fam_held.status, 200) << fam_held.body;
  EXPECT_EQ(fam_held.json["legal_hold"], true);
  auto fam_w = w.patch(family, {{"version", fam_held.json["version"]}, {"legal_hold", false}});
  EXPECT_EQ(fam_w.status, 422);
  EXPECT_TRUE(testing::names_field(fam_w, "legal_hold"));
  auto audit = server_->as("admin").get("/api/v1/audit?entity=person&entity_id=" + std::to_string(f.child) + "&action=update");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(audit.json["total"], 1);

  // The same refusal read in Czech: the web app sends Accept-Language with the language it shows.
  httplib::Client cli("127.0.0.1", server_->port());
  httplib::Headers h{{"Cookie", w.cookie}, {"X-CSRF-Token", w.csrf}, {"Accept-Language", "cs-CZ,cs;q=0.9"}};
  auto cs = cli.Patch(person, h, json{{"version", 2}, {"legal_hold", false}}.dump(), "application/json");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->status, 422);
  auto body = json::parse(cs->body);
  EXPECT_EQ(body["error"]["message"], "Některá pole nejsou vyplněna správně.");
  EXPECT_EQ(body["error"]["fields"][0]["field"], "legal_hold");
  EXPECT_EQ(body["error"]["fields"][0]["message"], "Blokaci výmazu smí nastavit jen koordinátor nebo správce.");
}

TEST_F(RegistryApi, PersonEndpointsAnswer404OutsideScope) {
  ApiClient t = server_->as("terenni");
  Fam f = make_family(t, "Papírový");
  const std::string child = "/api/v1/people/" + std::to_string(f.child);
  auto rel = t.post(child + "/relationships", {{"other_person_id", f.mother}, {"type", "mother"}, {"legal_representative", true}});
  ASSERT_EQ(rel.status, 201);
  auto consent = t.post(child + "/consents", {{"purpose", "casework"}, {"given_by", "legal_representative"},
                                              {"representative_id", f.mother}, {"given_on", "2025-01-15"},
                                              {"form", "recorded_verbal"}});
  ASSERT_EQ(consent.status, 201) << consent.body;
  ApiClient other = server_->as("terenni2");
  for (const std::string& path : {child, child + "/special-category", child + "/export", child + "/export.html"}) {
    auto r = other.get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.json["error"]["code"], "not_found") << path;
  }
  EXPECT_EQ(other.patch(child, {{"version", 1}, {"given_names", "X"}}).status, 404);
  EXPECT_EQ(other.post(child + "/participation", {{"entry_date", "2024-01-01"}}).status, 404);
  EXPECT_EQ(other.post("/api/v1/consents/" + std::to_string(consent.json["id"].get<long>()) + "/withdraw", json::object()).status,
            404);
  EXPECT_EQ(other.send("DELETE", "/api/v1/relationships/" + std::to_string(rel.json["id"].get<long>()), "").status, 404);
  EXPECT_EQ(other.get("/api/v1/people/999999999").status, 404);
  // A worker may not relate a visible person to one outside the team.
  auto mine = other.get("/api/v1/people?page_size=1");
  ASSERT_EQ(mine.json["items"].size(), 1u);
  auto cross = other.post("/api/v1/people/" + std::to_string(mine.json["items"][0]["id"].get<long>()) + "/relationships",
                          {{"other_person_id", f.mother}, {"type", "other"}});
  EXPECT_EQ(cross.status, 422);
  EXPECT_TRUE(testing::names_field(cross, "other_person_id"));
  // Analysts are refused before anything else is looked at.
  EXPECT_EQ(server_->as("analytik").get(child + "/export").status, 403);
  EXPECT_EQ(server_->as("analytik").post("/api/v1/people", json::object()).status, 403);
}

}  // namespace
}  // namespace kredo
