// Documents, the where-to-turn guide and incidents over HTTP: status codes, JSON shapes, roles,
// scope (another team's records are 404), stale versions (409), bad input (422 naming the field),
// byte-identical downloads whose SHA-256 is the one stored, and evidence uploads.
#include <gtest/gtest.h>

#include "security/crypto.hpp"
#include "support/api_server.hpp"
#include "support/pdf_text.hpp"

namespace kredo {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

class IncidentsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ApiServer();
    auto& app = server_->app();
    auto tx = app.db().begin(storage::TxMode::read);
    // A child of team Sever (terenni's) and an adult of the same family.
    auto r = tx->query_one(
        "SELECT c.id, a.id FROM people c JOIN families f ON f.id = c.family_id JOIN teams t ON t.id = f.team_id "
        "JOIN people a ON a.family_id = f.id AND a.role = 'adult' WHERE t.name = 'Sever' AND c.role = 'child' "
        "AND f.street IS NOT NULL ORDER BY c.id, a.id LIMIT 1");
    child_ = r->i64(0);
    parent_ = r->i64(1);
    tx.reset();
    domain::SchoolInput s;
    s.izo = "900000621";
    s.name = "Základní škola Šťastná";
    s.type = "zs";
    s.address = "Fiktivní 1, 602 00 Brno";
    auto school = app.services().schools.create(security::system_actor("test"), s);
    school_ = school->school.id;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static json appeal(const json& fields) {
    return {{"template", "appeal_non_admission"}, {"school_id", school_}, {"parent_id", parent_}, {"fields", fields}};
  }
  static std::string docs_path() { return "/api/v1/people/" + std::to_string(child_) + "/documents"; }
  static ApiServer* server_;
  static std::int64_t child_, parent_, school_;
};
ApiServer* IncidentsApi::server_ = nullptr;
std::int64_t IncidentsApi::child_ = 0;
std::int64_t IncidentsApi::parent_ = 0;
std::int64_t IncidentsApi::school_ = 0;

void expect_field_among_errors(const testing::ApiResponse& r, const std::string& field) {
  EXPECT_EQ(r.status, 422) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.json["error"]["code"], "validation_failed");
  bool found = false;
  for (const auto& f : r.json["error"]["fields"]) found = found || f["field"] == field;
  EXPECT_TRUE(found) << field << " not in " << r.body;
}

const json kAppealFields = {{"delivered_on", "2026-04-16"},
                            {"decision_number", "ZŠ/7/2026"},
                            {"decision_date", "2026-04-14"},
                            {"reasons", "Dítě je spádové."}};

TEST_F(IncidentsApi, TemplatesAreListedAndVersionedByCoordinators) {
  auto list = server_->as("analytik").get("/api/v1/document-templates");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json["items"].size(), 5u);
  json app;
  for (const auto& t : list.json["items"])
    if (t["code"] == "complaint_csi") app = t;
  ASSERT_TRUE(app.is_object());
  EXPECT_EQ(app["version"], 1);
  EXPECT_NE(std::find(app["placeholders"].begin(), app["placeholders"].end(), "complaint_text"), app["placeholders"].end());

  const std::string path = "/api/v1/document-templates/complaint_csi/versions";
  json v{{"title", app["title"]}, {"addressee", app["addressee"]}, {"body", app["body"]}, {"base_version", 1}};
  EXPECT_EQ(server_->as("terenni").post(path, v).status, 403);
  ApiClient koord = server_->as("koordinator");
  auto created = koord.post(path, v);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["version"], 2);
  EXPECT_EQ(koord.post(path, v).status, 409) << "based on a version that is no longer the newest";
  v["base_version"] = 2;
  v["body"] = "{{unclosed";
  expect_field_among_errors(koord.post(path, v), "body");
  v["body"] = app["body"];
  EXPECT_EQ(koord.post("/api/v1/document-templates/nothing/versions", v).status, 404);
  auto versions = koord.get(path);
  ASSERT_EQ(versions.status, 200);
  EXPECT_EQ(versions.json["items"].size(), 2u);
}

TEST_F(IncidentsApi, GeneratedDocumentIsStoredAndServedByteIdentical) {
  ApiClient c = server_->as("terenni");
  auto r = c.post(docs_path(), appeal(kAppealFields));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["template"], "appeal_non_admission");
  EXPECT_EQ(r.json["template_version"], 1);
  const std::string sha = r.json["sha256"];
  const std::string url = r.json["download_url"];
  auto a = c.get(url);
  auto b = c.get(url);
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.header("Content-Type"), "application/pdf");
  EXPECT_EQ(security::sha256_hex(a.body), sha);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(static_cast<std::int64_t>(a.body.size()), r.json["size_bytes"].get<std::int64_t>());
  const std::string text = testing::pdf_text(a.body);
  for (const char* s : {"Krajský úřad Jihomoravského kraje", "prostřednictvím ředitele/ředitelky školy",
                        "Věc: Odvolání proti rozhodnutí o nepřijetí", "Dne 16. 4. 2026", "ZŠ/7/2026",
                        "V Brně dne"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;

  auto list = c.get(docs_path());
  ASSERT_EQ(list.status, 200);
  bool found = false;
  for (const auto& d : list.json["items"]) found = found || d["sha256"] == sha;
  EXPECT_TRUE(found);
}

TEST_F(IncidentsApi, DocumentBadInput) {
  ApiClient c = server_->as("terenni");
  json missing = kAppealFields;
  missing.erase("reasons");
  expect_field_among_errors(c.post(docs_path(), appeal(missing)), "fields.reasons");
  json unknown = kAppealFields;
  unknown["favourite_colour"] = "green";
  expect_field_among_errors(c.post(docs_path(), appeal(unknown)), "fields.favourite_colour");
  json not_text = kAppealFields;
  not_text["reasons"] = 5;
  expect_field_among_errors(c.post(docs_path(), appeal(not_text)), "fields.reasons");
  expect_field_among_errors(c.post(docs_path(), {{"template", "nope"}}), "template");
  expect_field_among_errors(c.post(docs_path(), {{"template", "application_admission"}, {"parent_id", parent_}}), "school_id");
  expect_field_among_errors(c.post(docs_path(), json{{"school_id", school_}}), "template");
  EXPECT_EQ(c.post_raw(docs_path(), "{not json").status, 400);
}

TEST_F(IncidentsApi, DocumentsOfAnotherTeamAreNotFound) {
  auto mine = server_->as("terenni").post(docs_path(), appeal(kAppealFields));
  ASSERT_EQ(mine.status, 201);
  ApiClient other = server_->as("terenni2");
  EXPECT_EQ(other.post(docs_path(), appeal(kAppealFields)).status, 404);
  EXPECT_EQ(other.get(docs_path()).status, 404);
  EXPECT_EQ(other.get(mine.json["download_url"].get<std::string>()).status, 404);
  ApiClient analyst = server_->as("analytik");
  EXPECT_EQ(analyst.post(docs_path(), appeal(kAppealFields)).status, 403);
  EXPECT_EQ(analyst.get(mine.json["download_url"].get<std::string>()).status, 403);
  EXPECT_EQ(server_->as("terenni").get("/api/v1/documents/999999.pdf").status, 404);
}

TEST_F(IncidentsApi, WhereToTurnGuide) {
  ApiClient c = server_->as("analytik");
  auto cs = c.get("/api/v1/guides/where-to-turn.pdf?lang=cs");
  ASSERT_EQ(cs.status, 200);
  EXPECT_EQ(cs.header("Content-Type"), "application/pdf");
  EXPECT_NE(testing::pdf_text(cs.body).find("Veřejný ochránce práv"), std::string::npos);
  auto rom = c.get("/api/v1/guides/where-to-turn.pdf?lang=rom");
  ASSERT_EQ(rom.status, 200);
  EXPECT_NE(testing::pdf_text(rom.body).find("Romská verze"), std::string::npos);
  expect_field_among_errors(c.get("/api/v1/guides/where-to-turn.pdf?lang=de"), "lang");
  auto inst = c.get("/api/v1/guides/where-to-turn/institutions?lang=cs");
  ASSERT_EQ(inst.status, 200);
  EXPECT_EQ(inst.json["items"].size(), 6u);
  const json edit{{"version", inst.json["items"][0]["version"]},
                  {"name", "Ředitel nebo ředitelka školy"},
                  {"address", "adresa školy"},
                  {"what_they_do", "Rozhoduje o přijetí."}};
  const std::string path = "/api/v1/guides/where-to-turn/institutions/" + inst.json["items"][0]["code"].get<std::string>() + "/cs";
  EXPECT_EQ(server_->as("terenni").send("PUT", path, edit.dump()).status, 403);
  ApiClient koord = server_->as("koordinator");
  EXPECT_EQ(koord.send("PUT", path, edit.dump()).status, 200);
  EXPECT_EQ(koord.send("PUT", path, edit.dump()).status, 409);
}

std::string multipart(const std::string& boundary, const std::string& filename, const std::string& content,
                      const std::string& note) {
  return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary +
         "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n--" + boundary + "--\r\n";
}

TEST_F(IncidentsApi, IncidentLifecycleWithEvidenceAndActions) {
  ApiClient c = server_->as("terenni");
  auto r = c.post("/api/v1/incidents", {{"occurred_on", "2026-01-15"},
                                         {"type", "discouraged_from_enrolling"},
                                         {"school_id", school_},
                                         {"person_ids", {child_}},
                                         {"description", "Při zápisu řekli, ať jdeme jinam."}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string path = "/api/v1/incidents/" + std::to_string(r.json["id"].get<std::int64_t>());
  EXPECT_EQ(r.json["team"], "Sever");
  EXPECT_EQ(r.json["school"]["name"], "Základní škola Šťastná");

  EXPECT_EQ(server_->as("terenni2").get(path).status, 404);
  EXPECT_EQ(server_->as("analytik").get(path).status, 403);

  auto patched = c.patch(path, {{"version", 1}, {"status", "closed"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json["version"], 2);
  auto stale = c.patch(path, {{"version", 1}, {"status", "open"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json["error"]["current"]["version"], 2) << stale.body;

  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  png += std::string(3000, '\0');
  const std::string boundary = "----kredo-test-boundary";
  auto up = c.post_raw(path + "/evidence", multipart(boundary, "přihláška.png", png, "Foto přihlášky"),
                       "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json["content_type"], "image/png");
  EXPECT_EQ(up.json["sha256"], security::sha256_hex(png));
  EXPECT_EQ(up.json["note"], "Foto přihlášky");
  auto down = c.get(up.json["download_url"].get<std::string>());
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, png);
  EXPECT_EQ(down.header("Content-Type"), "image/png");
  EXPECT_EQ(server_->as("terenni2").get(up.json["download_url"].get<std::string>()).status, 404);

  // A raw body bigger than the JSON limit (1 MiB) is fine on the upload route.
  auto text = c.post_raw(path + "/evidence?filename=zapis.txt", std::string(2 << 20, 'a'), "text/plain");
  ASSERT_EQ(text.status, 201) << text.body.substr(0, 300);
  EXPECT_EQ(text.json["content_type"], "text/plain");

  expect_field_among_errors(c.post_raw(path + "/evidence?filename=virus.pdf", std::string("MZ\x90\0\x03", 5), "application/pdf"),
                     "file");
  expect_field_among_errors(c.post_raw(path + "/evidence?filename=big.txt", std::string((10 << 20) + 1, 'a'), "text/plain"),
                     "file");
  expect_field_among_errors(c.post_raw(path + "/evidence", "", "text/plain"), "file");

  auto act = c.post(path + "/actions", {{"type", "appeal"}, {"delivered_on", "2026-04-16"}});
  ASSERT_EQ(act.status, 201) << act.body;
  EXPECT_EQ(act.json["deadline"], "2026-05-04");
  const std::string act_path = path + "/actions/" + std::to_string(act.json["id"].get<std::int64_t>());
  auto outcome = c.patch(act_path, {{"version", 1}, {"outcome", "Přijat."}, {"outcome_on", "2026-05-10"}});
  ASSERT_EQ(outcome.status, 200) << outcome.body;
  EXPECT_EQ(c.patch(act_path, {{"version", 1}, {"outcome", "x"}}).status, 409);
  expect_field_among_errors(c.post(path + "/actions", {{"type", "prayer"}}), "type");

  auto full = c.get(path);
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.json["evidence"].size(), 2u);
  EXPECT_EQ(full.json["actions"].size(), 1u);
  auto list = c.get("/api/v1/incidents?type=discouraged_from_enrolling");
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.json["total"].get<int>(), 1);
  expect_field_among_errors(c.get("/api/v1/incidents?type=bad"), "type");
}

TEST_F(IncidentsApi, IncidentBadInput) {
  ApiClient c = server_->as("terenni");
  expect_field_among_errors(c.post("/api/v1/incidents", {{"type", "refused"}, {"description", "x"}, {"occurred_on", "2026-01-01"}}),
                     "school_id");
  expect_field_among_errors(c.post("/api/v1/incidents", {{"type", "refused"}, {"description", "x"}, {"institution", "Úřad"}}),
                     "occurred_on");
  expect_field_among_errors(c.post("/api/v1/incidents", {{"type", "refused"},
                                                  {"description", "x"},
                                                  {"institution", "Úřad"},
                                                  {"occurred_on", "2026-01-01"},
                                                  {"person_ids", {"a"}}}),
                     "person_ids");
  EXPECT_EQ(server_->as("analytik").post("/api/v1/incidents", {{"type", "refused"}}).status, 403);
}

TEST_F(IncidentsApi, StatisticsForAnalystsAreSuppressed) {
  auto a = server_->as("analytik").get("/api/v1/incidents/stats");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["suppression_threshold"], 5);
  for (const auto& row : a.json["rows"]) {
    if (!row["count"].is_null()) {
      EXPECT_GE(row["count"].get<int>(), 5);
    }
  }
  EXPECT_FALSE(a.body.find("description") != std::string::npos);
  auto k = server_->as("koordinator").get("/api/v1/incidents/stats");
  ASSERT_EQ(k.status, 200);
  EXPECT_EQ(k.json["suppression_threshold"], 0);
  EXPECT_GE(k.json["total"].get<int>(), 4) << "the demo incidents";
  expect_field_among_errors(server_->as("analytik").get("/api/v1/incidents/stats?from=2026-02-30"), "from");
}

}  // namespace
}  // namespace kredo
