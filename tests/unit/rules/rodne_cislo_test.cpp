// Specification of rodné číslo validation. Every number here is synthetic: built from a made-up
// serial and a check digit computed below, never a real person's number.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "rules/rodne_cislo.hpp"

namespace kredo::rules {
namespace {

// YYMMDD + a three-digit serial + the check digit that makes the number divisible by 11
// (10·n9 + c ≡ 0 (mod 11) ⇔ c ≡ n9 (mod 11)). Serials whose remainder is 10 have no valid
// modern check digit; the first serial from `serial` upwards that works is used.
std::string synthetic(const std::string& yymmdd, int serial = 123) {
  for (int s = serial; s < 1000; ++s) {
    const std::string nine = yymmdd + (s < 10 ? "00" : s < 100 ? "0" : "") + std::to_string(s);
    const std::uint64_t r = std::stoull(nine) % 11;
    if (r != 10) return nine + std::to_string(r);
  }
  ADD_FAILURE() << "no serial for " << yymmdd;
  return {};
}

// A number that only the pre-1985 exception accepts: first nine digits ≡ 10 (mod 11), last digit 0.
std::string old_exception(const std::string& yymmdd) {
  for (int s = 0; s < 1000; ++s) {
    const std::string nine = yymmdd + (s < 10 ? "00" : s < 100 ? "0" : "") + std::to_string(s);
    if (std::stoull(nine) % 11 == 10) return nine + "0";
  }
  ADD_FAILURE() << "no serial for " << yymmdd;
  return {};
}

std::string with_slash(const std::string& digits) { return digits.substr(0, 6) + "/" + digits.substr(6); }

RodneCisloProblem problem_of(const std::string& text, const RodneCisloRules& rules = {}) {
  const auto p = rodne_cislo_problem(text, rules);
  EXPECT_TRUE(p.has_value()) << text;
  return p.value_or(RodneCisloProblem::bad_format);
}

TEST(RodneCislo, SyntheticNumbersAreDivisibleByEleven) {
  const std::string rc = synthetic("150101");
  ASSERT_EQ(rc.size(), 10u);
  EXPECT_EQ(std::stoull(rc) % 11, 0u);
}

TEST(RodneCislo, AcceptsTenDigitsWithAndWithoutSlash) {
  const std::string rc = synthetic("150101");
  // Built with append: g++ 12 gives a false -Wrestrict on "literal" + std::string at -O3.
  std::string padded = " ";
  padded.append(with_slash(rc)).append("\t");
  for (const std::string& text : {rc, with_slash(rc), padded}) {
    const auto r = parse_rodne_cislo(text);
    ASSERT_TRUE(r.ok()) << text;
    EXPECT_EQ(r->digits, rc);
    EXPECT_EQ(r->birth_date, ymd(2015, 1, 1));
    EXPECT_EQ(r->sex, Sex::male);
  }
}

TEST(RodneCislo, DecodesWomenFromMonthPlusFifty) {
  const auto r = parse_rodne_cislo(synthetic("185615"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->birth_date, ymd(2018, 6, 15));
  EXPECT_EQ(r->sex, Sex::female);
}

TEST(RodneCislo, DecodesYearsAroundTheCentury) {
  EXPECT_EQ(parse_rodne_cislo(synthetic("540101"))->birth_date, ymd(1954, 1, 1));
  EXPECT_EQ(parse_rodne_cislo(synthetic("991231"))->birth_date, ymd(1999, 12, 31));
  EXPECT_EQ(parse_rodne_cislo(synthetic("000101"))->birth_date, ymd(2000, 1, 1));
  EXPECT_EQ(parse_rodne_cislo(synthetic("531231"))->birth_date, ymd(2053, 12, 31));
}

TEST(RodneCislo, AcceptsExtendedMonthsSince2004) {
  const auto man = parse_rodne_cislo(synthetic("152101"));
  ASSERT_TRUE(man.ok());
  EXPECT_EQ(man->birth_date, ymd(2015, 1, 1));
  EXPECT_EQ(man->sex, Sex::male);
  const auto woman = parse_rodne_cislo(synthetic("157212"));
  ASSERT_TRUE(woman.ok());
  EXPECT_EQ(woman->birth_date, ymd(2015, 2, 12));
  EXPECT_EQ(woman->sex, Sex::female);
  EXPECT_TRUE(parse_rodne_cislo(synthetic("043231")).ok());  // 31 Dec 2004
}

TEST(RodneCislo, RejectsExtendedMonthsBefore2004) {
  EXPECT_EQ(problem_of(synthetic("032101")), RodneCisloProblem::extended_month_before_2004);
  EXPECT_EQ(problem_of(synthetic("857101")), RodneCisloProblem::extended_month_before_2004);
}

TEST(RodneCislo, RejectsImpossibleDates) {
  for (const char* yymmdd : {"150229", "150230", "151301", "150001", "150100", "150132", "155001", "156301",
                             "153301", "158301", "152001", "157001", "150431"}) {
    EXPECT_EQ(problem_of(synthetic(yymmdd)), RodneCisloProblem::impossible_date) << yymmdd;
  }
}

TEST(RodneCislo, LeapDayFollowsTheDecodedYear) {
  EXPECT_EQ(parse_rodne_cislo(synthetic("240229"))->birth_date, ymd(2024, 2, 29));
  EXPECT_EQ(parse_rodne_cislo(synthetic("000229"))->birth_date, ymd(2000, 2, 29));
  EXPECT_EQ(problem_of(synthetic("230229")), RodneCisloProblem::impossible_date);
}

TEST(RodneCislo, RejectsAWrongCheckDigit) {
  const std::string rc = synthetic("150101");
  const char wrong = rc.back() == '9' ? '0' : static_cast<char>(rc.back() + 1);
  const std::string bad = rc.substr(0, 9) + wrong;
  const auto r = parse_rodne_cislo(with_slash(bad));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(r.error().fields.at(0).field, "rodne_cislo");
  EXPECT_EQ(r.error().fields.at(0).message, describe(RodneCisloProblem::checksum));
}

TEST(RodneCislo, EveryOtherCheckDigitIsRejected) {
  const std::string rc = synthetic("185615", 400);
  for (char c = '0'; c <= '9'; ++c) {
    const std::string candidate = rc.substr(0, 9) + c;
    EXPECT_EQ(parse_rodne_cislo(candidate).ok(), c == rc.back()) << candidate;
  }
}

TEST(RodneCislo, AcceptsTheOldExceptionUpTo1985) {
  const std::string rc = old_exception("800505");
  EXPECT_NE(std::stoull(rc) % 11, 0u);  // really only the exception can accept it
  const auto r = parse_rodne_cislo(rc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->birth_date, ymd(1980, 5, 5));
  EXPECT_TRUE(parse_rodne_cislo(old_exception("856231")).ok());
}

TEST(RodneCislo, RejectsTheOldExceptionAfterTheConfiguredYear) {
  EXPECT_EQ(problem_of(old_exception("860101")), RodneCisloProblem::checksum);
  EXPECT_EQ(problem_of(old_exception("150101")), RodneCisloProblem::checksum);
  RodneCisloRules lenient;
  lenient.last_year_of_checksum_exception = 1990;
  EXPECT_TRUE(parse_rodne_cislo(old_exception("860101"), lenient).ok());
  RodneCisloRules strict;
  strict.last_year_of_checksum_exception = 1970;
  EXPECT_EQ(problem_of(old_exception("800505"), strict), RodneCisloProblem::checksum);
}

TEST(RodneCislo, OldExceptionNeedsALastDigitZero) {
  const std::string rc = old_exception("800505");
  EXPECT_EQ(problem_of(rc.substr(0, 9) + "1"), RodneCisloProblem::checksum);
}

TEST(RodneCislo, AcceptsNineDigitsBefore1954) {
  for (const std::string& text : {std::string("530101/123"), std::string("530101123")}) {
    const auto r = parse_rodne_cislo(text);
    ASSERT_TRUE(r.ok()) << text;
    EXPECT_EQ(r->digits, "530101123");
    EXPECT_EQ(r->birth_date, ymd(1953, 1, 1));
    EXPECT_EQ(r->sex, Sex::male);
  }
  const auto woman = parse_rodne_cislo("005524/001");
  ASSERT_TRUE(woman.ok());
  EXPECT_EQ(woman->birth_date, ymd(1900, 5, 24));
  EXPECT_EQ(woman->sex, Sex::female);
}

TEST(RodneCislo, RejectsNineDigitsFrom1954) {
  EXPECT_EQ(problem_of("540101/123"), RodneCisloProblem::nine_digits_after_1953);
  EXPECT_EQ(problem_of("995112/123"), RodneCisloProblem::nine_digits_after_1953);
}

TEST(RodneCislo, NineDigitYearsAreAlwaysNineteenHundreds) {
  // YY 15 in a 9-digit number is 1915, never 2015.
  const auto r = parse_rodne_cislo("150101/123");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->birth_date, ymd(1915, 1, 1));
}

TEST(RodneCislo, NineDigitsHaveNoChecksumButNeedARealDate) {
  EXPECT_TRUE(parse_rodne_cislo("520229/999").ok());  // 1952 was a leap year
  EXPECT_EQ(problem_of("510229/999"), RodneCisloProblem::impossible_date);
  EXPECT_EQ(problem_of("531301/000"), RodneCisloProblem::impossible_date);
}

TEST(RodneCislo, RejectsWrongLength) {
  for (const char* text : {"15010112", "150101/12", "15010112345", "150101/12345", "1", "150101"}) {
    EXPECT_EQ(problem_of(text), RodneCisloProblem::wrong_length) << text;
  }
}

TEST(RodneCislo, RejectsGarbage) {
  for (const char* text : {"", "   ", "abc", "15O101/1234", "1501/011234", "150101//1234", "150101-1234",
                           "150101 1234", "/1501011234", "150101/", "+150101/1234", "１50101/1234"}) {
    EXPECT_EQ(problem_of(text), RodneCisloProblem::bad_format) << text;
  }
}

TEST(RodneCislo, EachProblemHasItsOwnMessage) {
  const RodneCisloProblem all[] = {RodneCisloProblem::bad_format,
                                   RodneCisloProblem::wrong_length,
                                   RodneCisloProblem::nine_digits_after_1953,
                                   RodneCisloProblem::impossible_date,
                                   RodneCisloProblem::extended_month_before_2004,
                                   RodneCisloProblem::checksum};
  for (auto a : all) {
    for (auto b : all) {
      if (a != b) {
        EXPECT_NE(describe(a), describe(b));
      }
    }
  }
  const auto r = parse_rodne_cislo("540101/123", {}, "child.rodne_cislo");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "child.rodne_cislo");
  EXPECT_EQ(r.error().fields.at(0).message, describe(RodneCisloProblem::nine_digits_after_1953));
}

TEST(RodneCislo, NormalizeDropsTheSlash) {
  const std::string rc = synthetic("185615");
  const auto n = normalize_rodne_cislo(with_slash(rc));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, rc);
  const std::string bad_check = rc.substr(0, 9) + (rc.back() == '0' ? '1' : '0');
  const auto rejected = normalize_rodne_cislo(bad_check);
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().fields.at(0).message, describe(RodneCisloProblem::checksum));
  EXPECT_FALSE(normalize_rodne_cislo("garbage").ok());
}

TEST(RodneCislo, MaskHidesTheSerial) {
  EXPECT_EQ(mask_rodne_cislo("1501011234"), "150101/****");
  EXPECT_EQ(mask_rodne_cislo("150101/1234"), "150101/****");
  EXPECT_EQ(mask_rodne_cislo("530101123"), "530101/***");
}

TEST(RodneCislo, MaskNeverEchoesMalformedInput) {
  EXPECT_EQ(mask_rodne_cislo("15010112345"), "******/****");
  EXPECT_EQ(mask_rodne_cislo("my secret"), "******/****");
  EXPECT_EQ(mask_rodne_cislo(""), "******/****");
}

}  // namespace
}  // namespace kredo::rules
