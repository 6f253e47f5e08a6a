// PDF documents are checked on their text (pdftotext), as a reader would see it.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "documents/pdf_document.hpp"
#include "support/pdf_text.hpp"

namespace kredo::documents {
namespace {

using testing::pdf_text;

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

TEST(PdfDocument, CzechTextSurvivesIntoThePdf) {
  PdfDocument doc("Zkouška");
  doc.set_running_header("IQ Roma servis, z.s. · projekt KREDO");
  doc.set_running_footer("Financováno Evropskou unií");
  doc.heading("Prezenční listina");
  doc.paragraph("Příliš žluťoučký kůň úpěl ďábelské ódy. ŘŠČŽÝÁÍÉ ťďň ů");
  doc.field("Datum", "28. 11. 2026");
  std::string pdf = doc.finish();
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  std::string text = pdf_text(pdf);
  EXPECT_NE(text.find("Prezenční listina"), std::string::npos) << text;
  EXPECT_NE(text.find("Příliš žluťoučký kůň úpěl ďábelské ódy."), std::string::npos) << text;
  EXPECT_NE(text.find("ŘŠČŽÝÁÍÉ ťďň ů"), std::string::npos) << text;
  EXPECT_NE(text.find("Financováno Evropskou unií"), std::string::npos) << text;
  EXPECT_NE(text.find("Strana 1"), std::string::npos) << text;
  EXPECT_NE(text.find("28. 11. 2026"), std::string::npos) << text;
}

TEST(PdfDocument, LongTablesBreakAcrossPagesWithTheHeaderRepeated) {
  PdfDocument doc("Tabulka");
  Table t;
  t.columns = {{"Jméno a příjmení", 3}, {"Podpis", 2}};
  t.min_row_height_mm = 12;
  for (int i = 1; i <= 40; ++i) t.rows.push_back({"Účastník číslo " + std::to_string(i), ""});
  doc.table(t);
  std::string text = pdf_text(doc.finish());
  EXPECT_NE(text.find("Účastník číslo 1\n"), std::string::npos);
  EXPECT_NE(text.find("Účastník číslo 40"), std::string::npos);
  EXPECT_NE(text.find("Strana 2"), std::string::npos) << "40 rows of 12 mm need more than one page";
  EXPECT_GE(count(text, "Jméno a příjmení"), 2) << "header on every page";
}

TEST(PdfDocument, LongParagraphsContinueOnTheNextPage) {
  PdfDocument doc("Dlouhý text");
  std::string sentence = "Rodiče mají právo podat odvolání do patnácti dnů od doručení rozhodnutí. ";
  std::string text;
  for (int i = 0; i < 120; ++i) text += sentence;
  doc.paragraph(text + "KONEC");
  std::string out = pdf_text(doc.finish());
  EXPECT_NE(out.find("KONEC"), std::string::npos);
  EXPECT_NE(out.find("Strana 2"), std::string::npos);
}

TEST(PdfDocument, TextIsNeverTreatedAsMarkup) {
  PdfDocument doc("Markup");
  doc.paragraph("<b>tučně</b> & <span foreground=\"red\">x</span>");
  std::string out = pdf_text(doc.finish());
  EXPECT_NE(out.find("<b>tučně</b> & <span"), std::string::npos) << out;
}

}  // namespace
}  // namespace kredo::documents
