// The indicator catalogue, the report document, small-cell suppression and formula escaping.
#include <gtest/gtest.h>

#include <set>

#include "reports/report_service.hpp"

namespace kredo::reports {
namespace {

using nlohmann::json;

TEST(IndicatorCatalog, CodesAreUniqueAndEveryDefinitionIsComplete) {
  std::set<std::string> codes;
  for (const auto& d : indicator_catalog()) {
    EXPECT_TRUE(codes.insert(d.code).second) << d.code;
    EXPECT_GE(d.version, 1) << d.code;
    EXPECT_FALSE(d.name_cs.empty()) << d.code;
    EXPECT_FALSE(d.name_en.empty()) << d.code;
    EXPECT_FALSE(d.unit.empty()) << d.code;
    EXPECT_FALSE(d.method.empty()) << d.code;
    EXPECT_FALSE(d.needs.empty()) << d.code;
    EXPECT_TRUE(d.compute) << d.code;
  }
  for (const char* c : {"EECO01", "EECO06", "EECO07", "EECO08", "EECO09", "EECO10", "EECO11", "EECO12", "EECO13",
                        "EECO14", "EECO15", "EECO16", "SUPPORTED", "P_CHILDREN", "P_PARENTS", "P_SESSIONS",
                        "P_SUPPORT_HOURS", "P_ENROLLED_NONSEG", "P_APPLICATIONS", "P_ADMISSIONS", "P_APPEALS_FILED",
                        "P_APPEALS_WON", "P_INCIDENTS", "P_INCIDENTS_FOLLOWED", "P_IMPROVING_CHILDREN",
                        "P_IMPROVING_PARENTS", "P_CHILDREN_MS"})
    EXPECT_TRUE(codes.count(c)) << c;
  EXPECT_TRUE(find_indicator("EECO12")->sensitive);
  EXPECT_TRUE(find_indicator("EECO15")->sensitive);
  EXPECT_FALSE(find_indicator("EECO01")->sensitive);
  EXPECT_EQ(find_indicator("NOPE"), nullptr);
}

TEST(Participant, AgeAtEntryCountsTheBirthdayItself) {
  Participant p;
  p.birth_date = "2007-03-15";
  p.entry_date = "2025-03-14";
  EXPECT_EQ(p.age_at_entry(), 17);
  p.entry_date = "2025-03-15";
  EXPECT_EQ(p.age_at_entry(), 18);
  p.birth_date = "2008-02-29";
  p.entry_date = "2026-02-28";
  EXPECT_EQ(p.age_at_entry(), 17);
  p.entry_date = "2026-03-01";
  EXPECT_EQ(p.age_at_entry(), 18);
}

IndicatorValue value(const std::string& code, double v, std::vector<std::pair<std::string, double>> cells,
                     std::vector<std::int64_t> ids) {
  IndicatorValue x;
  x.code = code;
  x.value = v;
  x.breakdown = std::move(cells);
  x.breakdown_kind = x.breakdown.empty() ? "" : "gender";
  x.entity = "person";
  x.ids = std::move(ids);
  return x;
}

Project kredo() {
  Project p;
  p.code = p.name = "KREDO";
  p.funder = "OPZ+";
  p.call_name = "Výzva č. 44";
  p.period_from = "2023-10-01";
  p.period_to = "2025-09-30";
  p.targets = {{"EECO01", 40}};
  return p;
}

TEST(ReportDocument, CarriesTargetsProgressVersionsAndIds) {
  auto doc = build_document(kredo(), "2024-01-01", "2024-06-30",
                            {value("EECO01", 10, {{"female", 6}, {"male", 4}}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})},
                            "2024-07-01T00:00:00Z");
  const auto& i = doc["indicators"][0];
  EXPECT_EQ(i["code"], "EECO01");
  EXPECT_EQ(i["version"], 1);
  EXPECT_EQ(i["section"], "esf");
  EXPECT_EQ(i["value"], 10.0);
  EXPECT_EQ(i["target"], 40.0);
  EXPECT_EQ(i["progress_percent"], 25.0);
  EXPECT_EQ(i["ids"].size(), 10u);
  EXPECT_EQ(doc["period"]["from"], "2024-01-01");
  auto pub = public_view(doc, false, 5);
  EXPECT_FALSE(pub["indicators"][0].contains("ids"));
  EXPECT_EQ(pub["indicators"][0]["counted"], 10);
}

TEST(ReportDocument, UnavailableIndicatorsHaveNoNumber) {
  IndicatorValue v;
  v.code = "P_APPLICATIONS";
  v.status = "unavailable";
  v.reason = "The table 'enrollment_cases' does not exist in this database yet.";
  auto doc = build_document(kredo(), "2024-01-01", "2024-06-30", {v}, "now");
  EXPECT_TRUE(doc["indicators"][0]["value"].is_null());
  EXPECT_EQ(doc["indicators"][0]["status"], "unavailable");
  EXPECT_NE(doc["indicators"][0]["reason"].get<std::string>().find("enrollment_cases"), std::string::npos);
}

TEST(Suppression, HidesSmallCellsAndOneMoreWhenASingleHiddenCellCouldBeDerived) {
  auto doc = build_document(kredo(), "2024-01-01", "2024-06-30",
                            {value("EECO01", 12, {{"female", 9}, {"male", 3}, {"non_binary", 0}}, {}),
                             value("EECO06", 3, {{"female", 2}, {"male", 1}}, {}),
                             value("EECO07", 20, {{"female", 8}, {"male", 6}, {"non_binary", 6}}, {})},
                            "now");
  auto pub = public_view(doc, true, 5);
  const auto& a = pub["indicators"][0];
  EXPECT_EQ(a["value"], 12.0);
  EXPECT_TRUE(a["breakdown"][1]["value"].is_null());  // 3 men
  EXPECT_TRUE(a["breakdown"][1]["suppressed"].get<bool>());
  EXPECT_TRUE(a["breakdown"][0]["value"].is_null());  // 12 - 3 would give the 9 women away... and vice versa
  EXPECT_EQ(a["breakdown"][2]["value"], 0.0);          // zero is not a small cell
  const auto& b = pub["indicators"][1];
  EXPECT_TRUE(b["value"].is_null());
  EXPECT_TRUE(b["suppressed"].get<bool>());
  const auto& c = pub["indicators"][2];
  EXPECT_EQ(c["value"], 20.0);
  EXPECT_FALSE(c.contains("suppressed"));
  // A threshold of 3 shows the 3.
  auto loose = public_view(doc, true, 3);
  EXPECT_EQ(loose["indicators"][1]["value"], 3.0);
}

TEST(Suppression, HoursAndSharesOverFewPeopleAreHidden) {
  auto v = value("P_SUPPORT_HOURS", 37.5, {}, {1, 2});
  auto doc = build_document(kredo(), "2024-01-01", "2024-06-30", {v}, "now");
  doc["indicators"][0]["unit"] = "hours";
  auto pub = public_view(doc, true, 5);
  EXPECT_TRUE(pub["indicators"][0]["value"].is_null());
}

TEST(Escaping, FormulaStartsAreNeutralised) {
  for (const char* s : {"=1+1", "+420", "-2", "@SUM(A1)"}) EXPECT_EQ(safe_cell(s)[0], '\'') << s;
  EXPECT_EQ(safe_cell("Novák"), "Novák");
  EXPECT_EQ(safe_cell(""), "");
}

TEST(ReportCsv, CzechHeaderOneRowPerIndicatorAndEscapedText) {
  auto v = value("EECO01", 12, {{"female", 7}, {"male", 5}}, {});
  auto doc = build_document(kredo(), "2024-01-01", "2024-06-30", {v}, "now");
  doc["indicators"][0]["name_cs"] = "=cmd|' /C calc'!A0";
  const std::string csv = report_csv(doc);
  EXPECT_NE(csv.find("Kód,Verze definice,Ukazatel"), std::string::npos);
  EXPECT_NE(csv.find("EECO01,1,'=cmd"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",12,"), std::string::npos);
  EXPECT_NE(csv.find(",7,5,"), std::string::npos);
}

}  // namespace
}  // namespace kredo::reports
