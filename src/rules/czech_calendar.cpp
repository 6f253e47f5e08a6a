// Holiday table of zákon 245/2000 Sb. §1–§3 and the Gregorian Easter computus.
#include "rules/czech_calendar.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace kredo::rules {
namespace {

// Good Friday became an "ostatní svátek" with effect for Easter 2016.
constexpr int kFirstGoodFridayYear = 2016;

struct FixedHoliday {
  int month;
  int day;
  std::string_view name_cs;
  std::string_view name_en;
};

// §1 státní svátky and §2 ostatní svátky with a fixed date; 1 January is both.
constexpr std::array<FixedHoliday, 11> kFixedHolidays = {{
    {1, 1, "Den obnovy samostatného českého státu / Nový rok",
     "Restoration Day of the Independent Czech State / New Year's Day"},
    {5, 1, "Svátek práce", "Labour Day"},
    {5, 8, "Den vítězství", "Victory Day"},
    {7, 5, "Den slovanských věrozvěstů Cyrila a Metoděje", "Saints Cyril and Methodius Day"},
    {7, 6, "Den upálení mistra Jana Husa", "Jan Hus Day"},
    {9, 28, "Den české státnosti", "Czech Statehood Day"},
    {10, 28, "Den vzniku samostatného československého státu", "Independent Czechoslovak State Day"},
    {11, 17, "Den boje za svobodu a demokracii a Mezinárodní den studentstva",
     "Struggle for Freedom and Democracy Day and International Students' Day"},
    {12, 24, "Štědrý den", "Christmas Eve"},
    {12, 25, "1. svátek vánoční", "Christmas Day"},
    {12, 26, "2. svátek vánoční", "St. Stephen's Day"},
}};

constexpr std::string_view kGoodFridayCs = "Velký pátek";
constexpr std::string_view kGoodFridayEn = "Good Friday";
constexpr std::string_view kEasterMondayCs = "Velikonoční pondělí";
constexpr std::string_view kEasterMondayEn = "Easter Monday";

void require_supported(int year) {
  if (!is_supported_calendar_year(year)) {
    throw std::out_of_range(fmt::format("year {} is outside the Czech holiday calendar {}..{}", year,
                                        kFirstCalendarYear, kLastCalendarYear));
  }
}

}  // namespace

bool is_supported_calendar_year(int year) { return year >= kFirstCalendarYear && year <= kLastCalendarYear; }

Date easter_sunday(int year) {
  if (year < 1583 || year > Date::kMaxYear) {
    throw std::out_of_range(fmt::format("the Gregorian computus is not defined for year {}", year));
  }
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return ymd(year, month, day);
}

std::vector<PublicHoliday> public_holidays(int year) {
  require_supported(year);
  const Date easter = easter_sunday(year);
  std::vector<PublicHoliday> out;
  out.reserve(13);
  // Easter falls between 22 March and 25 April, so the Easter days go right after 1 January.
  out.push_back({ymd(year, 1, 1), kFixedHolidays[0].name_cs, kFixedHolidays[0].name_en});
  if (year >= kFirstGoodFridayYear) out.push_back({easter.add_days(-2), kGoodFridayCs, kGoodFridayEn});
  out.push_back({easter.add_days(1), kEasterMondayCs, kEasterMondayEn});
  for (std::size_t i = 1; i < kFixedHolidays.size(); ++i) {
    const auto& f = kFixedHolidays[i];
    out.push_back({ymd(year, f.month, f.day), f.name_cs, f.name_en});
  }
  return out;
}

std::optional<PublicHoliday> public_holiday_on(Date date) {
  require_supported(date.year());
  for (const auto& f : kFixedHolidays) {
    if (f.month == date.month() && f.day == date.day()) return PublicHoliday{date, f.name_cs, f.name_en};
  }
  // Only March and April can hold Easter days; skip the computus otherwise.
  if (date.month() == 3 || date.month() == 4) {
    const Date easter = easter_sunday(date.year());
    if (date == easter.add_days(1)) return PublicHoliday{date, kEasterMondayCs, kEasterMondayEn};
    if (date == easter.add_days(-2) && date.year() >= kFirstGoodFridayYear) {
      return PublicHoliday{date, kGoodFridayCs, kGoodFridayEn};
    }
  }
  return std::nullopt;
}

bool is_public_holiday(Date date) { return public_holiday_on(date).has_value(); }

bool is_weekend(Date date) {
  const Weekday w = date.weekday();
  return w == Weekday::saturday || w == Weekday::sunday;
}

bool is_working_day(Date date) { return !is_weekend(date) && !is_public_holiday(date); }

Date next_working_day(Date date) { return working_day_on_or_after(date.add_days(1)); }

Date working_day_on_or_after(Date date) {
  // At most five consecutive non-working days exist (Wed 24 – Sun 28 Dec), so this loop is short.
  while (!is_working_day(date)) date = date.add_days(1);
  return date;
}

}  // namespace kredo::rules
