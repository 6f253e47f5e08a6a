// Rodné číslo decoding: YYMMDD with month offsets for sex and overflow, then the mod-11 check.
#include "rules/rodne_cislo.hpp"

#include <cstdint>
#include <optional>

namespace kredo::rules {
namespace {

constexpr int kFirstYearWithTenDigits = 1954;
constexpr int kFirstYearOfExtendedMonths = 2004;
constexpr int kFemaleMonthOffset = 50;
constexpr int kExtendedMonthOffset = 20;

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits without the optional slash, which must sit after YYMMDD.
struct Digits {
  std::optional<std::string> value;
  RodneCisloProblem problem = RodneCisloProblem::bad_format;
};

Digits extract_digits(std::string_view text) {
  text = trim(text);
  if (text.empty()) return {std::nullopt, RodneCisloProblem::bad_format};
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digits += c;
    } else if (c == '/' && i == 6 && digits.size() == 6) {
      continue;
    } else {
      return {std::nullopt, RodneCisloProblem::bad_format};
    }
  }
  // A slash with nothing after it ("150101/") is a malformed number, not a short one.
  if (!text.empty() && text.back() == '/') return {std::nullopt, RodneCisloProblem::bad_format};
  if (digits.size() != 9 && digits.size() != 10) return {std::nullopt, RodneCisloProblem::wrong_length};
  return {std::move(digits), RodneCisloProblem::bad_format};
}

int two_digits(const std::string& s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

struct Decoded {
  std::optional<RodneCislo> value;
  RodneCisloProblem problem = RodneCisloProblem::bad_format;
};

Decoded decode(std::string_view text, const RodneCisloRules& rules) {
  Digits d = extract_digits(text);
  if (!d.value) return {std::nullopt, d.problem};
  std::string digits = std::move(*d.value);

  const int yy = two_digits(digits, 0);
  int month = two_digits(digits, 2);
  const int day = two_digits(digits, 4);
  int year = 0;
  if (digits.size() == 9) {
    year = 1900 + yy;
    if (year >= kFirstYearWithTenDigits) return {std::nullopt, RodneCisloProblem::nine_digits_after_1953};
  } else {
    // 10-digit numbers exist from 1954, so YY 00–53 can only mean 2000–2053.
    year = yy >= kFirstYearWithTenDigits % 100 ? 1900 + yy : 2000 + yy;
  }

  Sex sex = Sex::male;
  if (month > kFemaleMonthOffset) {
    sex = Sex::female;
    month -= kFemaleMonthOffset;
  }
  bool extended = false;
  if (month > kExtendedMonthOffset) {
    extended = true;
    month -= kExtendedMonthOffset;
  }
  const auto birth = Date::from_ymd(year, month, day);
  if (!birth) return {std::nullopt, RodneCisloProblem::impossible_date};
  if (extended && year < kFirstYearOfExtendedMonths) {
    return {std::nullopt, RodneCisloProblem::extended_month_before_2004};
  }

  if (digits.size() == 10) {
    const std::uint64_t number = std::stoull(digits);
    const std::uint64_t first_nine = number / 10;
    const bool divisible = number % 11 == 0;
    const bool old_exception =
        first_nine % 11 == 10 && digits.back() == '0' && year <= rules.last_year_of_checksum_exception;
    if (!divisible && !old_exception) return {std::nullopt, RodneCisloProblem::checksum};
  }
  return {RodneCislo{std::move(digits), *birth, sex}, RodneCisloProblem::bad_format};
}

}  // namespace

std::string_view describe(RodneCisloProblem problem) {
  switch (problem) {
    case RodneCisloProblem::bad_format: return "Rodné číslo must look like YYMMDD/XXXX (digits, optional slash).";
    case RodneCisloProblem::wrong_length: return "Rodné číslo must have 10 digits (9 for births before 1954).";
    case RodneCisloProblem::nine_digits_after_1953:
      return "A 9-digit rodné číslo exists only for births before 1954; later numbers have 10 digits.";
    case RodneCisloProblem::impossible_date: return "Rodné číslo does not encode a real birth date.";
    case RodneCisloProblem::extended_month_before_2004:
      return "Rodné číslo months +20/+70 are used only for births since 2004.";
    case RodneCisloProblem::checksum: return "Rodné číslo check digit is wrong (the number is not divisible by 11).";
  }
  return "Rodné číslo is invalid.";
}

Result<RodneCislo> parse_rodne_cislo(std::string_view text, const RodneCisloRules& rules, std::string_view field) {
  Decoded d = decode(text, rules);
  if (!d.value) return Error::field(std::string(field), std::string(describe(d.problem)));
  return std::move(*d.value);
}

std::optional<RodneCisloProblem> rodne_cislo_problem(std::string_view text, const RodneCisloRules& rules) {
  const Decoded d = decode(text, rules);
  if (d.value) return std::nullopt;
  return d.problem;
}

Result<std::string> normalize_rodne_cislo(std::string_view text, const RodneCisloRules& rules,
                                          std::string_view field) {
  auto parsed = parse_rodne_cislo(text, rules, field);
  if (!parsed) return std::move(parsed).error();
  return std::move(parsed->digits);
}

std::string mask_rodne_cislo(std::string_view text) {
  const Digits d = extract_digits(text);
  if (!d.value) return "******/****";
  return d.value->substr(0, 6) + "/" + std::string(d.value->size() - 6, '*');
}

}  // namespace kredo::rules
