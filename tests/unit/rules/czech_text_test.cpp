// Specification of Czech search folding and Czech alphabetical order.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "rules/czech_text.hpp"

namespace kredo::rules {
namespace {

TEST(FoldForSearch, RemovesDiacriticsAndCase) {
  EXPECT_EQ(fold_for_search("Šťastný"), "stastny");
  EXPECT_EQ(fold_for_search("Dvořák"), "dvorak");
  EXPECT_EQ(fold_for_search("PŘÍLIŠ ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY"), "prilis zlutoucky kun upel dabelske ody");
  EXPECT_EQ(fold_for_search("Čermák-Horáková"), "cermak-horakova");
  EXPECT_EQ(fold_for_search("Ňuňa Ťápal"), "nuna tapal");
}

TEST(FoldForSearch, LeavesPlainAsciiLowerCased) {
  EXPECT_EQ(fold_for_search("Novak 12"), "novak 12");
  EXPECT_EQ(fold_for_search(""), "");
  EXPECT_EQ(fold_for_search("  "), "  ");
}

TEST(FoldForSearch, TreatsDecomposedInputLikePrecomposed) {
  // "S" + combining caron, "a" + combining acute.
  EXPECT_EQ(fold_for_search("S\xCC\x8C" "a\xCC\x81"), "sa");
  EXPECT_EQ(fold_for_search("S\xCC\x8C"), fold_for_search("Š"));
}

TEST(FoldForSearch, HandlesOtherAlphabetsWithoutLosingLetters) {
  EXPECT_EQ(fold_for_search("İstanbul"), "istanbul");
  EXPECT_EQ(fold_for_search("Łukasz"), "łukasz");  // no decomposition: kept
  EXPECT_EQ(fold_for_search("Müller"), "muller");
}

TEST(FoldForSearch, ReplacesInvalidUtf8) {
  EXPECT_EQ(fold_for_search("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(FoldForSearch, MatchesRegardlessOfHowTheNameWasTyped) {
  EXPECT_EQ(fold_for_search("RŮŽIČKOVÁ"), fold_for_search("ruzickova"));
  EXPECT_EQ(fold_for_search("Růžičková"), fold_for_search("RUZICKOVA"));
}

class CzechCollation : public ::testing::Test {
 protected:
  // Both ways must agree: the collator's own comparison and plain byte order of sort keys.
  void expect_before(const std::string& a, const std::string& b) {
    EXPECT_LT(collator_.compare(a, b), 0) << a << " < " << b;
    EXPECT_GT(collator_.compare(b, a), 0) << b << " > " << a;
    EXPECT_LT(collator_.sort_key(a), collator_.sort_key(b)) << a << " < " << b;
  }
  CzechCollator collator_;
};

TEST_F(CzechCollation, CaronLettersFollowTheirBaseLetter) {
  expect_before("C", "Č");
  expect_before("cukr", "čaj");
  expect_before("Cyril", "Čáp");
  expect_before("R", "Ř");
  expect_before("rytíř", "řeka");
  expect_before("S", "Š");
  expect_before("sýr", "šunka");
  expect_before("Z", "Ž");
  expect_before("zvon", "žába");
}

TEST_F(CzechCollation, ChIsALetterBetweenHAndI) {
  expect_before("H", "Ch");
  expect_before("Ch", "I");
  expect_before("hrad", "chata");
  expect_before("hzz", "chaa");
  expect_before("chata", "ihned");
  expect_before("Horák", "Chalupa");
  expect_before("Chalupa", "Ibrahim");
}

TEST_F(CzechCollation, AcuteAccentIsOnlyASecondaryDifference) {
  expect_before("a", "á");
  expect_before("áa", "ab");  // á does not jump over a later b
  expect_before("Dvorak", "Dvořák");
}

TEST_F(CzechCollation, SortsSurnamesInCzechOrder) {
  std::vector<std::string> names = {"Žák",   "Šťastný", "Čermák",  "Chalupa", "Horák",   "Cibulka",
                                    "Dvořák", "Řezníček", "Růžička", "Svoboda", "Zeman",   "Ibrahim"};
  const std::vector<std::string> expected = {"Cibulka", "Čermák",  "Dvořák",  "Horák",   "Chalupa", "Ibrahim",
                                             "Růžička", "Řezníček", "Svoboda", "Šťastný", "Zeman",   "Žák"};
  std::vector<std::string> by_key = names;
  std::sort(by_key.begin(), by_key.end(),
            [&](const std::string& a, const std::string& b) { return collator_.sort_key(a) < collator_.sort_key(b); });
  EXPECT_EQ(by_key, expected);
  std::vector<std::string> by_compare = names;
  std::sort(by_compare.begin(), by_compare.end(),
            [&](const std::string& a, const std::string& b) { return collator_.compare(a, b) < 0; });
  EXPECT_EQ(by_compare, expected);
  // Plain UTF-8 byte order would get this wrong (Č sorts after Z in bytes).
  std::vector<std::string> by_bytes = names;
  std::sort(by_bytes.begin(), by_bytes.end());
  EXPECT_NE(by_bytes, expected);
}

TEST_F(CzechCollation, SortKeysAgreeWithCompareOnEveryPair) {
  const std::vector<std::string> words = {"", "a", "A", "á", "ab", "c", "č", "Č", "ch", "Ch", "CH", "h", "i",
                                          "r", "ř", "s", "š", "z", "ž", "zz", "1", "Novák", "Nováková", "novak"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      const int c = collator_.compare(a, b);
      const std::string ka = collator_.sort_key(a);
      const std::string kb = collator_.sort_key(b);
      EXPECT_EQ(c < 0, ka < kb) << "'" << a << "' vs '" << b << "'";
      EXPECT_EQ(c == 0, ka == kb) << "'" << a << "' vs '" << b << "'";
    }
  }
}

TEST_F(CzechCollation, SortKeysHaveNoZeroBytes) {
  for (const char* w : {"", "Šťastný", "chata", "a b c"}) {
    EXPECT_EQ(collator_.sort_key(w).find('\0'), std::string::npos) << w;
  }
  EXPECT_EQ(collator_.sort_key("Šťastný"), collator_.sort_key("Šťastný"));
}

TEST_F(CzechCollation, LongInputsGetCompleteKeys) {
  const std::string long_a(5000, 'a');
  const std::string long_b = long_a + "b";
  expect_before(long_a, long_b);
}

TEST_F(CzechCollation, CopiesSortTheSameWay) {
  const CzechCollator copy = collator_;
  EXPECT_EQ(copy.sort_key("Šťastný"), collator_.sort_key("Šťastný"));
  EXPECT_LT(copy.compare("hrad", "chata"), 0);
}

TEST_F(CzechCollation, OneConstInstanceServesManyThreads) {
  const std::vector<std::string> words = {"Žák", "Šťastný", "Čermák", "Chalupa", "Horák", "Cibulka", "Řezníček"};
  std::vector<std::string> expected;
  for (const auto& w : words) expected.push_back(collator_.sort_key(w));
  const CzechCollator& shared = collator_;
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round) {
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (shared.sort_key(words[i]) != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace kredo::rules
