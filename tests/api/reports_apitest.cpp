// The reports API contract (issue 6): create a draft, submit and freeze, exports (XLSX read back by
// unzip, CSV parsed), the funder's participant list, suppression for analysts, formula escaping,
// drill-down scope, the dashboard and the impact summary.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "common/csv.hpp"
#include "support/api_server.hpp"

namespace kredo {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

class ReportsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;

  static const json& ind(const json& report, const std::string& code) {
    for (const auto& i : report["indicators"])
      if (i["code"] == code) return i;
    throw std::runtime_error("no indicator " + code);
  }

  // A new participant (team Sever) entering on `entry`, with a surname that looks like a formula.
  static std::int64_t add_participant(ApiClient& c, const std::string& surname, const std::string& entry) {
    auto f = c.post("/api/v1/families", {{"name", surname}, {"team", "Sever"}, {"address", {{"district", "brno-sever"}}}});
    EXPECT_EQ(f.status, 201) << f.body;
    auto p = c.post("/api/v1/people", {{"family_id", f.json["id"]}, {"role", "adult"}, {"given_names", "Zkušební"},
                                       {"surname", surname}, {"birth_date", "1990-01-01"}, {"gender", "non_binary"},
                                       {"confirm_not_duplicate", true}});
    EXPECT_EQ(p.status, 201) << p.body;
    auto pa = c.post("/api/v1/people/" + std::to_string(p.json["id"].get<std::int64_t>()) + "/participation",
                     {{"entry_date", entry}});
    EXPECT_EQ(pa.status, 201) << pa.body;
    return p.json["id"];
  }

  static std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    pclose(p);
    return out;
  }

  static std::string write_temp(const std::string& bytes, const std::string& suffix) {
    const std::string path = testing::make_temp_dir() + "/file" + suffix;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
};
ApiServer* ReportsApi::server_ = nullptr;

TEST_F(ReportsApi, CreateDraftContract) {
  ApiClient k = server_->as("koordinator");
  auto r = k.post("/api/v1/reports", {{"from", "2023-10-01"}, {"to", "2025-09-30"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.json["id"].is_number_integer());
  EXPECT_EQ(r.json["status"], "draft");
  EXPECT_EQ(r.json["from"], "2023-10-01");
  EXPECT_EQ(r.json["sha256"], nullptr);
  ASSERT_TRUE(r.json["indicators"].is_array());
  const auto& e = ind(r.json, "EECO01");
  EXPECT_TRUE(e["value"].is_number());
  EXPECT_GT(e["value"].get<double>(), 0);
  EXPECT_EQ(e["version"], 1);
  EXPECT_EQ(e["status"], "ok");
  EXPECT_EQ(e["breakdown_kind"], "gender");
  EXPECT_FALSE(e.contains("ids"));
  EXPECT_EQ(e["target"], 120.0);
  for (const auto& i : r.json["indicators"]) {
    EXPECT_TRUE(i.contains("code") && i.contains("value") && i.contains("status") && i.contains("name_cs"));
    if (i["status"] == "unavailable") {
      EXPECT_TRUE(i["value"].is_null() && i["reason"].is_string()) << i["code"];
    }
  }
  auto list = k.get("/api/v1/reports");
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(list.json["items"].empty());

  auto bad = k.post("/api/v1/reports", {{"to", "2024-13-01"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(server_->as("terenni").post("/api/v1/reports", {{"from", "2024-01-01"}, {"to", "2024-06-30"}}).status, 403);
  EXPECT_EQ(k.get("/api/v1/reports/999999").status, 404);
  auto defs = k.get("/api/v1/indicators/definitions");
  ASSERT_EQ(defs.status, 200);
  EXPECT_GE(defs.json["items"].size(), 25u);
}

TEST_F(ReportsApi, SubmitFreezesValuesAgainstLaterEdits) {
  ApiClient k = server_->as("koordinator");
  auto r = k.post("/api/v1/reports", {{"from", "2024-01-01"}, {"to", "2024-12-31"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = std::to_string(r.json["id"].get<std::int64_t>());
  auto s = k.post("/api/v1/reports/" + id + "/submit", {{"version", r.json["version"]}});
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_EQ(s.json["status"], "submitted");
  ASSERT_TRUE(s.json["sha256"].is_string());
  EXPECT_EQ(s.json["sha256"].get<std::string>().size(), 64u);
  const double frozen = ind(s.json, "EECO01")["value"];

  add_participant(k, "Zmrazená", "2024-05-05");

  auto g = k.get("/api/v1/reports/" + id);
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.json["sha256"], s.json["sha256"]);
  EXPECT_TRUE(g.json["sha256_valid"].get<bool>());
  EXPECT_EQ(ind(g.json, "EECO01")["value"], frozen);
  auto cmp = k.get("/api/v1/reports/" + id + "?compare=now");
  ASSERT_EQ(cmp.status, 200);
  bool seen = false;
  for (const auto& d : cmp.json["compared_to_now"])
    if (d["code"] == "EECO01") {
      seen = true;
      EXPECT_EQ(d["frozen"], frozen);
      EXPECT_EQ(d["now"], frozen + 1);
      EXPECT_EQ(d["difference"], 1.0);
    }
  EXPECT_TRUE(seen);
  EXPECT_EQ(k.post("/api/v1/reports/" + id + "/submit", json::object()).status, 409);
  EXPECT_EQ(server_->as("terenni").post("/api/v1/reports/" + id + "/submit", json::object()).status, 403);
}

TEST_F(ReportsApi, XlsxHasASheetPerSectionWithCzechHeadersAndEscapedText) {
  ApiClient k = server_->as("koordinator");
  auto proj = k.get("/api/v1/project");
  ASSERT_EQ(proj.status, 200);
  auto put = k.send("PUT", "/api/v1/project",
                    json{{"version", proj.json["version"]}, {"name", "=HYPERLINK(\"http://x\")"}}.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  auto r = k.post("/api/v1/reports", {{"from", "2023-10-01"}, {"to", "2025-09-30"}});
  ASSERT_EQ(r.status, 201);
  const std::string id = std::to_string(r.json["id"].get<std::int64_t>());
  auto x = k.get("/api/v1/reports/" + id + ".xlsx");  // a draft is computed when read: before the name is back
  auto restore = k.send("PUT", "/api/v1/project", json{{"version", put.json["version"]}, {"name", "KREDO"}}.dump());
  ASSERT_EQ(restore.status, 200) << restore.body;
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(x.header("Content-Disposition").find(".xlsx"), std::string::npos);
  ASSERT_EQ(x.body.substr(0, 2), "PK");
  const std::string file = write_temp(x.body, ".xlsx");
  const std::string workbook = run("unzip -p '" + file + "' xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Souhrn\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"ESF+ ukazatele\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Programové ukazatele\""), std::string::npos);
  const std::string strings = run("unzip -p '" + file + "' xl/sharedStrings.xml");
  for (const char* s : {"Kód", "Ukazatel", "Cílová hodnota", "Skutečnost", "Plnění", "Ženy", "EECO01",
                        "Celkový počet účastníků", "Podpořené osoby"})
    EXPECT_NE(strings.find(s), std::string::npos) << s;
  EXPECT_NE(strings.find("'=HYPERLINK"), std::string::npos);
  EXPECT_EQ(strings.find(">=HYPERLINK"), std::string::npos);
  const std::string esf = run("unzip -p '" + file + "' xl/worksheets/sheet2.xml");
  EXPECT_NE(esf.find("<pane"), std::string::npos);       // frozen header row
  EXPECT_NE(esf.find("autoFilter"), std::string::npos);  // filterable
  EXPECT_EQ(esf.find("<f>"), std::string::npos);         // no formulas at all

  auto c = k.get("/api/v1/reports/" + id + ".csv");
  ASSERT_EQ(c.status, 200);
  EXPECT_NE(c.header("Content-Type").find("text/csv"), std::string::npos);
  auto table = csv::parse_csv_table(c.body);
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_GE(table->column_index("Kód"), 0);
  EXPECT_GE(table->column_index("Cílová hodnota"), 0);
  EXPECT_EQ(table->rows.size(), r.json["indicators"].size());
  const long code = table->column_index("Kód"), actual = table->column_index("Skutečnost");
  for (const auto& row : table->rows)
    if (row.fields[static_cast<std::size_t>(code)] == "EECO01") {
      EXPECT_EQ(std::stod(row.fields[static_cast<std::size_t>(actual)]), ind(r.json, "EECO01")["value"].get<double>());
    }
}

TEST_F(ReportsApi, ParticipantListHasEntryAndExitDataAndEscapesFormulas) {
  ApiClient k = server_->as("koordinator");
  const auto pid = add_participant(k, "@SUM(A1)", "2024-02-02");
  auto r = k.post("/api/v1/reports", {{"from", "2024-02-01"}, {"to", "2024-02-29"}});
  ASSERT_EQ(r.status, 201);
  const std::string id = std::to_string(r.json["id"].get<std::int64_t>());
  auto c = k.get("/api/v1/reports/" + id + "/participants.csv");
  ASSERT_EQ(c.status, 200) << c.body;
  auto table = csv::parse_csv_table(c.body);
  ASSERT_TRUE(table.ok());
  for (const char* h : {"ID účastníka", "Datum vstupu", "Datum výstupu", "Důvod výstupu", "Pohlaví"})
    EXPECT_GE(table->column_index(h), 0) << h;
  EXPECT_EQ(static_cast<double>(table->rows.size()), ind(r.json, "EECO01")["value"].get<double>());
  bool found = false;
  for (const auto& row : table->rows)
    if (row.fields[0] == std::to_string(pid)) {
      found = true;
      EXPECT_EQ(row.fields[static_cast<std::size_t>(table->column_index("Příjmení"))], "'@SUM(A1)");
      EXPECT_EQ(row.fields[static_cast<std::size_t>(table->column_index("Datum vstupu"))], "2024-02-02");
      EXPECT_EQ(row.fields[static_cast<std::size_t>(table->column_index("Pohlaví"))], "nebinární");
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(server_->as("analytik").get("/api/v1/reports/" + id + "/participants.csv").status, 403);
  EXPECT_EQ(server_->as("terenni").get("/api/v1/reports/" + id + "/participants.csv").status, 403);
}

TEST_F(ReportsApi, AnalystsGetSuppressedAggregatesAndNoRecords) {
  ApiClient k = server_->as("koordinator");
  auto r = k.post("/api/v1/reports", {{"from", "2023-10-01"}, {"to", "2025-09-30"}});
  ASSERT_EQ(r.status, 201);
  const std::string id = std::to_string(r.json["id"].get<std::int64_t>());
  auto proj = k.get("/api/v1/project");
  auto put = k.send("PUT", "/api/v1/project", json{{"version", proj.json["version"]}, {"suppression_threshold", 100000}}.dump());
  EXPECT_EQ(put.status, 422);  // out of range
  put = k.send("PUT", "/api/v1/project", json{{"version", proj.json["version"]}, {"suppression_threshold", 100}}.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  auto a = server_->as("analytik").get("/api/v1/reports/" + id);
  ASSERT_EQ(a.status, 200);
  EXPECT_TRUE(a.json["suppressed"].get<bool>());
  int hidden = 0;
  for (const auto& i : a.json["indicators"]) {
    EXPECT_FALSE(i.contains("ids"));
    if (i["status"] != "ok" || i["unit"] != "persons") continue;
    if (i["value"].is_number()) {
      EXPECT_TRUE(i["value"].get<double>() == 0 || i["value"].get<double>() >= 100) << i["code"];
    } else {
      EXPECT_TRUE(i["suppressed"].get<bool>());
      ++hidden;
    }
    for (const auto& c : i["breakdown"])
      if (c["value"].is_number()) { EXPECT_TRUE(c["value"].get<double>() == 0 || c["value"].get<double>() >= 100); }
  }
  EXPECT_GT(hidden, 0);
  auto ax = server_->as("analytik").get("/api/v1/reports/" + id + ".csv");
  ASSERT_EQ(ax.status, 200);
  EXPECT_NE(ax.body.find("<5"), std::string::npos);
  // The coordinator still sees the numbers.
  auto kc = k.get("/api/v1/reports/" + id);
  EXPECT_FALSE(kc.json["suppressed"].get<bool>());
  EXPECT_TRUE(ind(kc.json, "EECO01")["value"].is_number());
  auto back = k.send("PUT", "/api/v1/project", json{{"version", put.json["version"]}, {"suppression_threshold", 5}}.dump());
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(k.send("PUT", "/api/v1/project", json{{"version", put.json["version"]}, {"name", "X"}}.dump()).status, 409);
  EXPECT_EQ(server_->as("analytik").get("/api/v1/reports/" + id + "/indicators/EECO01/records").status, 403);
}

TEST_F(ReportsApi, DrillDownShowsWorkersOnlyTheirTeam) {
  ApiClient k = server_->as("koordinator");
  auto r = k.post("/api/v1/reports", {{"from", "2023-10-01"}, {"to", "2025-09-30"}});
  ASSERT_EQ(r.status, 201);
  const std::string path = "/api/v1/reports/" + std::to_string(r.json["id"].get<std::int64_t>()) +
                           "/indicators/EECO01/records";
  auto all = k.get(path);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json["counted"], ind(r.json, "EECO01")["value"]);
  EXPECT_EQ(all.json["not_shown"], 0);
  ApiClient t = server_->as("terenni");
  auto mine = t.get(path);
  ASSERT_EQ(mine.status, 200);
  EXPECT_GT(mine.json["not_shown"].get<int>(), 0);
  int checked = 0;
  for (const auto& i : mine.json["items"]) {
    if (++checked > 5) break;
    EXPECT_EQ(t.get("/api/v1/families/" + std::to_string(i["family_id"].get<std::int64_t>())).status, 200);
  }
}

TEST_F(ReportsApi, DashboardAndImpactSummary) {
  ApiClient k = server_->as("koordinator");
  auto d = k.get("/api/v1/dashboard?from=2023-10-01&to=2025-09-30");
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_FALSE(d.json["progress"].empty());
  for (const char* s : {"funnel", "attendance", "incidents"}) {
    ASSERT_TRUE(d.json[s].contains("status")) << s;
    if (d.json[s]["status"] == "unavailable") {
      EXPECT_TRUE(d.json[s]["reason"].is_string()) << s;
    }
  }
  EXPECT_EQ(k.get("/api/v1/dashboard?from=2024-01-01&to=2023-01-01").status, 422);
  // A publishable implementation note (it names no one) appears among the implementation notes.
  auto note = k.post("/api/v1/observations", {{"date", "2024-05-14"},
                                              {"text", "Schůzky rodičů přesunuty na odpoledne: přišlo jich víc."},
                                              {"tags", {"implementation"}},
                                              {"publishable", true}});
  ASSERT_EQ(note.status, 201) << note.body;
  auto j = k.get("/api/v1/impact-summary");
  ASSERT_EQ(j.status, 200);
  EXPECT_EQ(j.json["period"]["from"], "2023-10-01");
  ASSERT_EQ(j.json["implementation_notes"]["status"], "ok") << j.body;
  bool found = false;
  for (const auto& i : j.json["implementation_notes"]["items"])
    found = found || i["text"] == "Schůzky rodičů přesunuty na odpoledne: přišlo jich víc.";
  EXPECT_TRUE(found) << j.json["implementation_notes"].dump();
  EXPECT_FALSE(j.json["key_numbers"].empty());
  auto h = k.get("/api/v1/impact-summary.html?from=2024-01-01&to=2024-12-31");
  ASSERT_EQ(h.status, 200);
  EXPECT_NE(h.header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(h.body.find("Shrnutí dopadu"), std::string::npos);
  EXPECT_NE(h.body.find("Klíčová čísla"), std::string::npos);
  auto p = k.get("/api/v1/impact-summary.pdf?from=2024-01-01&to=2024-12-31");
  ASSERT_EQ(p.status, 200);
  ASSERT_EQ(p.body.substr(0, 4), "%PDF");
  const std::string file = write_temp(p.body, ".pdf");
  const std::string text = run("pdftotext '" + file + "' -");
  EXPECT_NE(text.find("Klíčová čísla"), std::string::npos) << text;
  EXPECT_NE(text.find("Změny v kompetencích"), std::string::npos);
}

// The non-segregated share is a project setting: GET/PUT /project, validated, and the value used is
// in every report's settings.
TEST_F(ReportsApi, NonSegregatedShareSetting) {
  ApiClient k = server_->as("koordinator");
  auto proj = k.get("/api/v1/project");
  ASSERT_EQ(proj.status, 200);
  EXPECT_EQ(proj.json["non_segregated_max_roma_share"], 0.5);
  for (const json& bad : {json(1.5), json(-0.1), json("half")}) {
    auto put = k.send("PUT", "/api/v1/project",
                      json{{"version", proj.json["version"]}, {"non_segregated_max_roma_share", bad}}.dump());
    EXPECT_EQ(put.status, 422) << put.body;
    bool named = false;
    for (const auto& f : put.json["error"]["fields"]) named = named || f["field"] == "non_segregated_max_roma_share";
    EXPECT_TRUE(named) << put.body;
  }
  auto put = k.send("PUT", "/api/v1/project",
                    json{{"version", proj.json["version"]}, {"non_segregated_max_roma_share", 0.34}}.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json["non_segregated_max_roma_share"], 0.34);
  auto r = k.post("/api/v1/reports", {{"from", "2024-01-01"}, {"to", "2024-06-30"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["settings"]["non_segregated_max_roma_share"], 0.34);
  EXPECT_EQ(ind(r.json, "P_ENROLLED_NONSEG")["version"], 2);
  auto back = k.send("PUT", "/api/v1/project",
                     json{{"version", put.json["version"]}, {"non_segregated_max_roma_share", 0.5}}.dump());
  EXPECT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(server_->as("analytik").send("PUT", "/api/v1/project",
                                         json{{"version", back.json["version"]}, {"non_segregated_max_roma_share", 0.4}}.dump())
                .status,
            403);
}

// The demo data holds one submitted report for the first reporting period.
TEST_F(ReportsApi, DemoHasASubmittedReportForTheFirstPeriod) {
  ApiClient k = server_->as("analytik");
  auto list = k.get("/api/v1/reports");
  ASSERT_EQ(list.status, 200);
  const json* demo = nullptr;
  for (const auto& i : list.json["items"])
    if (i["status"] == "submitted" && i["from"] == "2023-10-01" && i["created_by"] == "system:demo") demo = &i;
  ASSERT_NE(demo, nullptr) << list.body;
  auto r = k.get("/api/v1/reports/" + std::to_string((*demo)["id"].get<std::int64_t>()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["status"], "submitted");
  EXPECT_EQ(r.json["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(r.json["to"], "2024-03-31");
}

}  // namespace
}  // namespace kredo
