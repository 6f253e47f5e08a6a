// Civil date arithmetic after Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
#include "rules/date.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace kredo::rules {
namespace {

// Hinnant's days_from_civil: shifts the year to start in March so the leap day is last.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                  // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                       // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;               // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                  // [1, 12]
  return {y + (m <= 2 ? 1 : 0), m, d};
}

constexpr std::array<std::string_view, 12> kEnglishMonthAbbrev = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date(year, month, day);
}

Date Date::from_days_since_epoch(std::int64_t days) {
  // Bounds first, so that the arithmetic below cannot overflow on absurd input.
  static const std::int64_t kFirst = days_from_civil(kMinYear, 1, 1);
  static const std::int64_t kLast = days_from_civil(kMaxYear, 12, 31);
  if (days < kFirst || days > kLast) {
    throw std::out_of_range(fmt::format("day number {} is outside years {}..{}", days, kMinYear, kMaxYear));
  }
  const Civil c = civil_from_days(days);
  return Date(static_cast<int>(c.year), static_cast<int>(c.month), static_cast<int>(c.day));
}

std::int64_t Date::days_since_epoch() const {
  return days_from_civil(year_, static_cast<unsigned>(month_), static_cast<unsigned>(day_));
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const std::int64_t z = days_since_epoch();
  const std::int64_t iso = z >= -3 ? (z + 3) % 7 + 1 : (z + 4) % 7 + 7;
  return static_cast<Weekday>(iso);
}

Date Date::add_days(std::int64_t days) const {
  // Anything beyond ±kMaxYear years of days is out of range anyway; avoids signed overflow.
  constexpr std::int64_t kSpan = 366LL * kMaxYear;
  if (days > kSpan || days < -kSpan) throw std::out_of_range("date offset out of range");
  return from_days_since_epoch(days_since_epoch() + days);
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year_, month_, day_); }

std::string Date::czech() const { return fmt::format("{}. {}. {}", day_, month_, year_); }

std::string Date::english() const {
  return fmt::format("{} {} {}", day_, kEnglishMonthAbbrev[static_cast<std::size_t>(month_ - 1)], year_);
}

std::int64_t days_between(Date from, Date to) { return to.days_since_epoch() - from.days_since_epoch(); }

Result<Date> parse_iso_date(std::string_view text, std::string_view field) {
  const auto fail = [&](std::string_view why) {
    return Error::field(std::string(field), fmt::format("{} (expected YYYY-MM-DD)", why));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail("not an ISO date");
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return fail("not an ISO date");
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  const auto date = Date::from_ymd(parts[0], parts[1], parts[2]);
  if (!date) return fail("no such calendar day");
  return *date;
}

std::string_view czech_weekday_name(Weekday day) {
  switch (day) {
    case Weekday::monday: return "pondělí";
    case Weekday::tuesday: return "úterý";
    case Weekday::wednesday: return "středa";
    case Weekday::thursday: return "čtvrtek";
    case Weekday::friday: return "pátek";
    case Weekday::saturday: return "sobota";
    case Weekday::sunday: return "neděle";
  }
  return "?";
}

std::string_view english_weekday_name(Weekday day) {
  switch (day) {
    case Weekday::monday: return "Monday";
    case Weekday::tuesday: return "Tuesday";
    case Weekday::wednesday: return "Wednesday";
    case Weekday::thursday: return "Thursday";
    case Weekday::friday: return "Friday";
    case Weekday::saturday: return "Saturday";
    case Weekday::sunday: return "Sunday";
  }
  return "?";
}

}  // namespace kredo::rules
