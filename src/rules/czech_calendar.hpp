// Czech public holidays (zákon 245/2000 Sb.) and working days: the calendar that deadlines
// under správní řád §40 are counted on. Holidays never move when they fall on a weekend.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/date.hpp"

namespace kredo::rules {

// Supported years. The lower bound is honest history: zákon 245/2000 Sb. took effect on
// 9 Aug 2000 (adding 28 Sep and 17 Nov), so 2000 itself mixes two laws and is not modelled.
// Good Friday is a holiday only from 2016 (amendment of Dec 2015); that is modelled.
// The upper bound is arbitrary: later years would only extrapolate today's law.
// Holiday names are today's statutory names; renamings by later amendments (8 May was once
// "Den osvobození", 17 Nov gained "a Mezinárodní den studentstva") are not modelled.
inline constexpr int kFirstCalendarYear = 2001;
inline constexpr int kLastCalendarYear = 2100;

bool is_supported_calendar_year(int year);

// Easter Sunday by the Gregorian computus (Meeus/Jones/Butcher). Valid for 1583..9999;
// throws std::out_of_range outside.
Date easter_sunday(int year);

struct PublicHoliday {
  Date date;
  std::string_view name_cs;
  std::string_view name_en;

  friend bool operator==(const PublicHoliday&, const PublicHoliday&) = default;
};

// The calendar functions below require a supported year (is_supported_calendar_year) and throw
// std::out_of_range otherwise: user input must be checked before it reaches them.

// Chronological; 13 entries from 2016, 12 before (no Good Friday).
std::vector<PublicHoliday> public_holidays(int year);
std::optional<PublicHoliday> public_holiday_on(Date date);
bool is_public_holiday(Date date);
bool is_weekend(Date date);
// Neither Saturday, Sunday nor a public holiday ("významné dny" are working days).
bool is_working_day(Date date);
// The first working day strictly after `date`.
Date next_working_day(Date date);
// `date` itself when it is a working day, else the next one: the §40(1)(c) shift.
Date working_day_on_or_after(Date date);

}  // namespace kredo::rules
