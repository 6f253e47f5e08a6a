// The attendance sheet (prezenční listina) checked on its text, against golden files in
// tests/data/activities. KREDO_UPDATE_GOLDEN=1 rewrites them (then read the diff).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "domain/attendance_sheet.hpp"
#include "support/pdf_text.hpp"

namespace kredo::domain {
namespace {

using testing::pdf_text;

void expect_golden(const std::string& text, const std::string& name) {
  const std::string path = std::string(KREDO_SOURCE_DIR) + "/tests/data/activities/" + name;
  if (std::getenv("KREDO_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path;
  std::stringstream want;
  want << in.rdbuf();
  EXPECT_EQ(text, want.str()) << "golden file " << path;
}

AttendanceSheetData session() {
  AttendanceSheetData d;
  d.title = "Úterní předškolní klub";
  d.sessions.push_back({"2025-03-04", "16:00", "17:30", "Skupinové setkání dětí", "Klubovna, Ulice Vzorová 7",
                        "Pocity a emoce, Osobní hranice"});
  d.people = {{"Šárka Háčková", "child", std::string("Jana Háčková")},
              {"Čeněk Čárkovský", "child", std::nullopt},
              {"Jana Háčková", "adult", std::nullopt}};
  d.workers = {"terenni"};
  return d;
}

TEST(AttendanceSheet, OneSessionMatchesTheGoldenText) {
  const std::string pdf = render_attendance_sheet(session());
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const std::string text = pdf_text(pdf);
  for (const char* must : {"Prezenční listina", "Financováno Evropskou unií", "IQ Roma servis, z.s.", "4. 3. 2025",
                           "Úterní předškolní klub", "Šárka Háčková", "podpis zákonného zástupce: Jana Háčková",
                           "16:00–17:30", "Podpis"})
    EXPECT_NE(text.find(must), std::string::npos) << must << "\n" << text;
  expect_golden(text, "sheet_session.txt");
}

TEST(AttendanceSheet, AMonthHasAColumnPerSession) {
  AttendanceSheetData d = session();
  d.month = "2025-03";
  d.sessions.push_back({"2025-03-11", "16:00", "17:30", "Skupinové setkání dětí", "Klubovna", ""});
  d.sessions.push_back({"2025-03-18", "16:00", "17:30", "Skupinové setkání dětí", "Klubovna", ""});
  const std::string text = pdf_text(render_attendance_sheet(d));
  for (const char* must : {"březen 2025", "4. 3.", "11. 3.", "18. 3.", "podpis zákonného zástupce"})
    EXPECT_NE(text.find(must), std::string::npos) << must << "\n" << text;
  expect_golden(text, "sheet_month.txt");
}

TEST(AttendanceSheet, AMonthWithoutSessionsSaysSo) {
  AttendanceSheetData d = session();
  d.month = "2025-08";
  d.sessions.clear();
  const std::string text = pdf_text(render_attendance_sheet(d));
  EXPECT_NE(text.find("srpen 2025"), std::string::npos) << text;
  EXPECT_NE(text.find("nemá žádné setkání"), std::string::npos) << text;
}

}  // namespace
}  // namespace kredo::domain
