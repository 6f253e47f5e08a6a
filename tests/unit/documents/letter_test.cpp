// Placeholders, the formal-letter layout and the guide, checked on their text (pdftotext).
#include <gtest/gtest.h>

#include "documents/letter.hpp"
#include "support/pdf_text.hpp"

namespace kredo::documents {
namespace {

using kredo::testing::pdf_text;

TEST(Placeholders, NamesInOrderWithoutRepeats) {
  auto n = placeholder_names("Dne {{date}} {{child_name}} a {{ date }} {{x_1}}");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, (std::vector<std::string>{"date", "child_name", "x_1"}));
}

TEST(Placeholders, MalformedOnesNameTheField) {
  for (const char* bad : {"{{", "a {{name", "{{Jméno}}", "{{}}", "{{a-b}}"}) {
    auto n = placeholder_names(bad, "addressee");
    ASSERT_FALSE(n.ok()) << bad;
    EXPECT_EQ(n.error().fields.at(0).field, "addressee") << bad;
  }
}

TEST(Placeholders, FilledInOnePassAndMissingOnesNamed) {
  auto ok = fill_placeholders("{{a}} and {{b}}", {{"a", "{{b}}"}, {"b", "2"}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "{{b}} and 2") << "a value is never expanded again";
  auto missing = fill_placeholders("{{a}} {{b}} {{c}} {{b}}", {{"a", "1"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::validation_failed);
  ASSERT_EQ(missing.error().fields.size(), 2u);
  EXPECT_EQ(missing.error().fields[0].field, "fields.b");
  EXPECT_EQ(missing.error().fields[1].field, "fields.c");
}

TEST(Letter, FormalLayoutInReadingOrder) {
  Letter l;
  l.title = "Žádost";
  l.sender = {"Jana Háčková", "Ulice Vzorová 12", "602 00 Brno"};
  l.addressee = {"Ředitel/ka školy", "Základní škola Šťastná", "Fiktivní 1, Brno"};
  l.place_and_date = "V Brně dne 21. 9. 2026";
  l.subject = "Žádost o přijetí dítěte k základnímu vzdělávání";
  l.body = "První odstavec s <b>ne-značkou</b>.\n\nDruhý odstavec.";
  l.signer = "Jana Háčková";
  const std::string pdf = render_letter(l);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const std::string text = pdf_text(pdf);
  std::size_t at = 0;
  for (const char* part : {"Jana Háčková", "Ulice Vzorová 12", "602 00 Brno", "Ředitel/ka školy", "Základní škola Šťastná",
                           "V Brně dne 21. 9. 2026", "Věc: Žádost o přijetí dítěte k základnímu vzdělávání",
                           "První odstavec s <b>ne-značkou</b>.", "Druhý odstavec.", "Jana Háčková",
                           "zákonný zástupce dítěte"}) {
    auto p = text.find(part, at);
    ASSERT_NE(p, std::string::npos) << "'" << part << "' after offset " << at << " in:\n" << text;
    at = p + 1;
  }
}

TEST(Guide, OnePageWithEveryInstitutionAndTheNote) {
  Guide g;
  g.title = "Kam se obrátit";
  g.intro = "Máte právo na rovný přístup ke vzdělávání.";
  g.note = "Romská verze zatím chybí.";
  for (int i = 1; i <= 6; ++i)
    g.entries.push_back({"Instituce " + std::to_string(i), "Adresa " + std::to_string(i), "Co dělá číslo " + std::to_string(i)});
  const std::string text = pdf_text(render_guide(g));
  for (int i = 1; i <= 6; ++i) EXPECT_NE(text.find("Co dělá číslo " + std::to_string(i)), std::string::npos) << text;
  EXPECT_NE(text.find("Romská verze zatím chybí."), std::string::npos);
  EXPECT_EQ(text.find("Strana 2"), std::string::npos) << "one page";
}

}  // namespace
}  // namespace kredo::documents
