// Rodné číslo (Czech birth number, zákon 133/2000 Sb. §13): validation, decoding, display masking.
// It is never a required field — foreign children have none — so callers validate only what is given.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "rules/date.hpp"

namespace kredo::rules {

enum class Sex { female, male };

enum class RodneCisloProblem {
  bad_format,                  // not YYMMDD/XXXX, YYMMDD/XXX or plain digits
  wrong_length,                // not 9 or 10 digits
  nine_digits_after_1953,      // 9-digit numbers were issued only for births before 1954
  impossible_date,             // month or day do not form a calendar date
  extended_month_before_2004,  // month +20 / +70 exists only since 2004
  checksum,                    // 10 digits not divisible by 11 (and not the old exception)
};

// English client message, stable per problem (the web app may translate by problem).
std::string_view describe(RodneCisloProblem problem);

// The old checksum exception (first nine digits mod 11 == 10, last digit 0) was used "until about
// 1985": the last birth year is unconfirmed, so it is a setting.
struct RodneCisloRules {
  int last_year_of_checksum_exception = 1985;
};

struct RodneCislo {
  std::string digits;  // normalized: 9 or 10 digits, no slash
  Date birth_date;
  Sex sex = Sex::male;
};

// Accepts "YYMMDD/XXXX", "YYMMDDXXXX", and for births before 1954 "YYMMDD/XXX" / "YYMMDDXXX";
// surrounding whitespace is ignored. Errors are a field error on `field` with describe(problem).
Result<RodneCislo> parse_rodne_cislo(std::string_view text, const RodneCisloRules& rules = {},
                                     std::string_view field = "rodne_cislo");

// The problem parse_rodne_cislo would report, if any (for callers that branch on the kind).
std::optional<RodneCisloProblem> rodne_cislo_problem(std::string_view text, const RodneCisloRules& rules = {});

// Storage form of a valid number: digits only ("1501011234").
Result<std::string> normalize_rodne_cislo(std::string_view text, const RodneCisloRules& rules = {},
                                          std::string_view field = "rodne_cislo");

// Display form that hides the serial part: "150101/****" (or "530101/***"). Anything that is not
// 9–10 digits with an optional slash after the sixth is fully masked ("******/****"), never echoed.
std::string mask_rodne_cislo(std::string_view text);

}  // namespace kredo::rules
