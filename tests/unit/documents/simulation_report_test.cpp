// The simulate comparison report: every mechanism and measure appears, in Czech, with the note on how
// unassigned children count; the HTML is self-contained and escapes names taken from the scenario file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "analytics/simulation.hpp"
#include "documents/simulation_report.hpp"
#include "support/pdf_text.hpp"

namespace kredo::documents {
namespace {

using testing::pdf_text;

struct SimRun {
  analytics::Scenario scenario;
  analytics::SimulationResult result;
};

SimRun small_run() {
  SimRun r;
  r.scenario = analytics::generate_brno(7);
  r.scenario.name = "Zkušební <město> & \"okolí\"";
  analytics::SimulationOptions o;
  o.draws = 3;
  o.seed = 11;
  auto res = analytics::simulate(r.scenario, o);
  EXPECT_TRUE(res.ok());
  r.result = *res;
  return r;
}

TEST(SimulationReport, HtmlHasEveryMechanismMeasureAndTheUnassignedNote) {
  SimRun r = small_run();
  const std::string html = simulation_report_html(r.scenario, r.result);
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<město>"), std::string::npos) << "the scenario name is escaped";
  EXPECT_NE(html.find("Zkušební &lt;město&gt; &amp; &quot;okolí&quot;"), std::string::npos);
  for (const char* m : {"Jen spádová škola", "Okamžité přijetí (Boston)", "Odložené přijetí (DA)",
                        "DA s rezervami pro menšinu", "Řízená volba (měkké kvóty)"})
    EXPECT_NE(html.find(m), std::string::npos) << m;
  for (const char* m : {"Index nepodobnosti D", "Index H (Theil)", "Přijati na školu první volby", "Nepřijaté děti",
                        "Průměrná vzdálenost do školy (km)"})
    EXPECT_NE(html.find(m), std::string::npos) << m;
  EXPECT_NE(html.find("do indexů M, H a D"), std::string::npos);
  EXPECT_EQ(static_cast<int>(std::count(html.begin(), html.end(), '\0')), 0);
  // One chart per measure.
  int svgs = 0;
  for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
  EXPECT_EQ(svgs, 7);
  // Every school has a row in the composition table.
  EXPECT_NE(html.find(">" + r.scenario.schools.back().id + "<"), std::string::npos);
}

TEST(SimulationReport, PdfReadsLikeTheHtml) {
  SimRun r = small_run();
  const std::string pdf = simulation_report_pdf(r.scenario, r.result);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find("Porovnání pravidel přijímání do škol"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("Odložené přijetí (DA)"), std::string::npos);
  EXPECT_NE(text.find("Index nepodobnosti D"), std::string::npos);
  EXPECT_NE(text.find("Nepřijaté děti"), std::string::npos);
  EXPECT_NE(text.find("Podíl menšinových dětí podle školy"), std::string::npos);
  EXPECT_NE(text.find("Strana 2"), std::string::npos);
}

}  // namespace
}  // namespace kredo::documents
