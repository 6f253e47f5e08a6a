#include "domain/districts.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/registry_access.hpp"
#include "rules/czech_text.hpp"

namespace kredo::domain {
namespace {

TEST(BrnoDistricts, TwentyNineDistinctCodesAndNames) {
  const auto& all = brno_districts();
  ASSERT_EQ(all.size(), 29u);
  std::set<std::string> codes, names;
  for (const auto& d : all) {
    codes.insert(d.code);
    names.insert(d.name);
    for (char c : d.code) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << d.code;
  }
  EXPECT_EQ(codes.size(), 29u);
  EXPECT_EQ(names.size(), 29u);
}

TEST(BrnoDistricts, ListedInCzechOrder) {
  rules::CzechCollator collator;
  const auto& all = brno_districts();
  for (std::size_t i = 1; i < all.size(); ++i)
    EXPECT_LT(collator.compare(all[i - 1].name, all[i].name), 0) << all[i - 1].name << " / " << all[i].name;
}

TEST(BrnoDistricts, FoundByCodeOrExactName) {
  EXPECT_EQ(find_district("Brno-Řečkovice a Mokrá Hora")->code, "brno-reckovice-a-mokra-hora");
  EXPECT_EQ(find_district("brno-stred")->name, "Brno-střed");
  EXPECT_FALSE(find_district("Praha 1"));
  EXPECT_FALSE(find_district(""));
}

TEST(CzechSortKeyHex, HexOrderIsCzechOrder) {
  rules::CzechCollator collator;
  const char* ordered[] = {"Cibulka", "Čech", "Hora", "Chalupa", "Ivan", "Rybář", "Řezník", "Straka", "Šťastný", "Zeman", "Žák"};
  for (std::size_t i = 1; i < std::size(ordered); ++i)
    EXPECT_LT(czech_sort_key_hex(collator, ordered[i - 1]), czech_sort_key_hex(collator, ordered[i])) << ordered[i];
}

TEST(FoldedLikePattern, EscapesWildcardsAndFolds) {
  EXPECT_EQ(folded_like_pattern("Šťastný"), "%stastny%");
  EXPECT_EQ(folded_like_pattern("100%_x"), "%100\\%\\_x%");
}

}  // namespace
}  // namespace kredo::domain
