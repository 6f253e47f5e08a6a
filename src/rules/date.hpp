// The project's one civil date type (proleptic Gregorian, no time zone): deadlines, birth dates,
// school years. Day arithmetic uses Howard Hinnant's days_from_civil / civil_from_days.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace kredo::rules {

// ISO numbering: Monday = 1 … Sunday = 7.
enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

bool is_leap_year(int year);
// 0 when month is outside 1..12.
int days_in_month(int year, int month);

class Date {
 public:
  // Years 1..9999 only, so every Date has a four-digit ISO form.
  static constexpr int kMinYear = 1;
  static constexpr int kMaxYear = 9999;

  // 1970-01-01: a defined value so that Date can sit in aggregates; real values come from
  // from_ymd / parse_iso_date.
  constexpr Date() = default;

  // nullopt for an impossible calendar date (2025-02-30) or a year outside kMinYear..kMaxYear.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Throws std::out_of_range for a year outside kMinYear..kMaxYear: callers pass validated values.
  static Date from_days_since_epoch(std::int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  // Days since 1970-01-01 (negative before).
  std::int64_t days_since_epoch() const;
  Weekday weekday() const;
  // Throws std::out_of_range when the result leaves kMinYear..kMaxYear.
  Date add_days(std::int64_t days) const;

  // "2026-11-28"
  std::string iso() const;
  // "28. 11. 2026" — the form Czech letters and decisions use.
  std::string czech() const;
  // "28 Nov 2026"
  std::string english() const;

  friend bool operator==(const Date&, const Date&) = default;
  friend std::strong_ordering operator<=>(const Date&, const Date&) = default;

 private:
  constexpr Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  // Declaration order makes the defaulted <=> chronological.
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

// to − from in days (negative when `to` is earlier).
std::int64_t days_between(Date from, Date to);
// A date known to be valid (constants in the rules and tests); throws std::bad_optional_access otherwise.
inline Date ymd(int year, int month, int day) { return Date::from_ymd(year, month, day).value(); }

// Strict ISO 8601 calendar date "YYYY-MM-DD": exactly ten characters, no sign, no time part,
// a real calendar day. The error is a field error on `field` so an API can answer 422 with it.
Result<Date> parse_iso_date(std::string_view text, std::string_view field = "date");

// "pondělí" … "neděle" (nominative, lower case as in running Czech text).
std::string_view czech_weekday_name(Weekday day);
// "Monday" … "Sunday"
std::string_view english_weekday_name(Weekday day);

}  // namespace kredo::rules
