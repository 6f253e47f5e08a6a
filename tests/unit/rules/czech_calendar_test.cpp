// Specification of the Czech holiday calendar: Easter, the 13 days of rest, working days.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "rules/czech_calendar.hpp"

namespace kredo::rules {
namespace {

std::vector<std::string> iso_dates(const std::vector<PublicHoliday>& holidays) {
  std::vector<std::string> out;
  for (const auto& h : holidays) out.push_back(h.date.iso());
  return out;
}

TEST(EasterSunday, MatchesPublishedDates) {
  const std::vector<std::pair<int, Date>> known = {
      {2001, ymd(2001, 4, 15)}, {2002, ymd(2002, 3, 31)}, {2003, ymd(2003, 4, 20)},
      {2008, ymd(2008, 3, 23)}, {2011, ymd(2011, 4, 24)}, {2015, ymd(2015, 4, 5)},
      {2016, ymd(2016, 3, 27)}, {2019, ymd(2019, 4, 21)}, {2024, ymd(2024, 3, 31)},
      {2025, ymd(2025, 4, 20)}, {2026, ymd(2026, 4, 5)},  {2027, ymd(2027, 3, 28)},
      {2038, ymd(2038, 4, 25)}, {2049, ymd(2049, 4, 18)}, {2100, ymd(2100, 3, 28)},
      {1818, ymd(1818, 3, 22)}, {2285, ymd(2285, 3, 22)},
  };
  for (const auto& [year, easter] : known) EXPECT_EQ(easter_sunday(year), easter) << year;
}

TEST(EasterSunday, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int year = 1583; year <= 4099; ++year) {
    const Date e = easter_sunday(year);
    ASSERT_EQ(e.weekday(), Weekday::sunday) << year;
    ASSERT_GE(e, ymd(year, 3, 22)) << year;
    ASSERT_LE(e, ymd(year, 4, 25)) << year;
  }
}

TEST(EasterSunday, IsUndefinedBeforeTheGregorianReform) {
  EXPECT_THROW(easter_sunday(1582), std::out_of_range);
}

TEST(PublicHolidays, List2024) {
  EXPECT_EQ(iso_dates(public_holidays(2024)),
            (std::vector<std::string>{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-05-08",
                                      "2024-07-05", "2024-07-06", "2024-09-28", "2024-10-28", "2024-11-17",
                                      "2024-12-24", "2024-12-25", "2024-12-26"}));
}

TEST(PublicHolidays, List2025) {
  EXPECT_EQ(iso_dates(public_holidays(2025)),
            (std::vector<std::string>{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-08",
                                      "2025-07-05", "2025-07-06", "2025-09-28", "2025-10-28", "2025-11-17",
                                      "2025-12-24", "2025-12-25", "2025-12-26"}));
}

TEST(PublicHolidays, List2026) {
  EXPECT_EQ(iso_dates(public_holidays(2026)),
            (std::vector<std::string>{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-08",
                                      "2026-07-05", "2026-07-06", "2026-09-28", "2026-10-28", "2026-11-17",
                                      "2026-12-24", "2026-12-25", "2026-12-26"}));
}

TEST(PublicHolidays, CarryCzechAndEnglishNames) {
  const auto list = public_holidays(2025);
  ASSERT_EQ(list.size(), 13u);
  EXPECT_EQ(list[0].name_cs, "Den obnovy samostatného českého státu / Nový rok");
  EXPECT_EQ(list[1].name_cs, "Velký pátek");
  EXPECT_EQ(list[1].name_en, "Good Friday");
  EXPECT_EQ(list[2].name_cs, "Velikonoční pondělí");
  EXPECT_EQ(list[2].name_en, "Easter Monday");
  EXPECT_EQ(list[3].name_cs, "Svátek práce");
  EXPECT_EQ(list[4].name_cs, "Den vítězství");
  EXPECT_EQ(list[5].name_cs, "Den slovanských věrozvěstů Cyrila a Metoděje");
  EXPECT_EQ(list[6].name_cs, "Den upálení mistra Jana Husa");
  EXPECT_EQ(list[7].name_cs, "Den české státnosti");
  EXPECT_EQ(list[8].name_cs, "Den vzniku samostatného československého státu");
  EXPECT_EQ(list[9].name_cs, "Den boje za svobodu a demokracii a Mezinárodní den studentstva");
  EXPECT_EQ(list[10].name_cs, "Štědrý den");
  EXPECT_EQ(list[11].name_cs, "1. svátek vánoční");
  EXPECT_EQ(list[12].name_cs, "2. svátek vánoční");
  for (const auto& h : list) EXPECT_FALSE(h.name_en.empty()) << h.date.iso();
}

TEST(PublicHolidays, AreChronologicalAndConsistentWithLookupEveryYear) {
  for (int year = kFirstCalendarYear; year <= kLastCalendarYear; ++year) {
    const auto list = public_holidays(year);
    ASSERT_EQ(list.size(), year >= 2016 ? 13u : 12u) << year;
    for (std::size_t i = 1; i < list.size(); ++i) ASSERT_LT(list[i - 1].date, list[i].date) << year;
    int found = 0;
    for (Date d = ymd(year, 1, 1); d.year() == year; d = d.add_days(1)) {
      const auto h = public_holiday_on(d);
      if (h) {
        ++found;
        ASSERT_EQ(*h, list[static_cast<std::size_t>(found - 1)]) << d.iso();
      }
    }
    ASSERT_EQ(found, static_cast<int>(list.size())) << year;
  }
}

TEST(PublicHolidays, GoodFridayOnlyFrom2016) {
  EXPECT_FALSE(is_public_holiday(ymd(2015, 4, 3)));  // Good Friday 2015
  EXPECT_TRUE(is_public_holiday(ymd(2015, 4, 6)));   // Easter Monday 2015
  EXPECT_TRUE(is_public_holiday(ymd(2016, 3, 25)));  // Good Friday 2016
  EXPECT_TRUE(is_working_day(ymd(2015, 4, 3)));
}

TEST(PublicHolidays, SignificantDaysAreNotHolidays) {
  // 16 Jan (Jan Palach), 8 Mar, 5 May are "významné dny": working days.
  EXPECT_TRUE(is_working_day(ymd(2026, 1, 16)));
  EXPECT_TRUE(is_working_day(ymd(2024, 3, 8)));
  EXPECT_TRUE(is_working_day(ymd(2025, 5, 5)));
}

TEST(PublicHolidays, EasterSundayItselfIsNotListedButIsNotAWorkingDay) {
  EXPECT_FALSE(is_public_holiday(ymd(2025, 4, 20)));
  EXPECT_FALSE(is_working_day(ymd(2025, 4, 20)));
}

TEST(PublicHolidays, RefuseUnsupportedYears) {
  EXPECT_THROW(public_holidays(2000), std::out_of_range);
  EXPECT_THROW(public_holidays(2101), std::out_of_range);
  EXPECT_THROW(is_working_day(ymd(1999, 6, 1)), std::out_of_range);
  EXPECT_TRUE(is_supported_calendar_year(2001));
  EXPECT_TRUE(is_supported_calendar_year(2100));
  EXPECT_FALSE(is_supported_calendar_year(2000));
}

TEST(WorkingDay, WeekendsAndHolidaysAreNotWorkingDays) {
  EXPECT_TRUE(is_weekend(ymd(2025, 5, 3)));
  EXPECT_TRUE(is_weekend(ymd(2025, 5, 4)));
  EXPECT_FALSE(is_weekend(ymd(2025, 5, 5)));
  EXPECT_FALSE(is_working_day(ymd(2025, 5, 3)));
  EXPECT_FALSE(is_working_day(ymd(2025, 5, 1)));  // Thursday, Svátek práce
  EXPECT_TRUE(is_working_day(ymd(2025, 5, 2)));
  EXPECT_FALSE(is_working_day(ymd(2026, 12, 24)));
}

TEST(WorkingDay, NextWorkingDaySkipsEaster) {
  EXPECT_EQ(next_working_day(ymd(2025, 4, 17)), ymd(2025, 4, 22));  // Thu → Tue after Easter Monday
  EXPECT_EQ(next_working_day(ymd(2024, 3, 28)), ymd(2024, 4, 2));
  EXPECT_EQ(next_working_day(ymd(2026, 4, 2)), ymd(2026, 4, 7));
}

TEST(WorkingDay, NextWorkingDaySkipsChristmas) {
  EXPECT_EQ(next_working_day(ymd(2026, 12, 23)), ymd(2026, 12, 28));  // Thu 24, Fri 25, Sat, Sun
  EXPECT_EQ(next_working_day(ymd(2025, 12, 23)), ymd(2025, 12, 29));  // Wed 24 … Sun 28
  EXPECT_EQ(next_working_day(ymd(2024, 12, 31)), ymd(2025, 1, 2));    // 1 Jan
}

TEST(WorkingDay, NextWorkingDayIsStrictlyAfter) {
  EXPECT_EQ(next_working_day(ymd(2025, 5, 5)), ymd(2025, 5, 6));
  EXPECT_EQ(working_day_on_or_after(ymd(2025, 5, 5)), ymd(2025, 5, 5));
  EXPECT_EQ(working_day_on_or_after(ymd(2025, 5, 3)), ymd(2025, 5, 5));
  EXPECT_EQ(next_working_day(ymd(2025, 5, 2)), ymd(2025, 5, 5));
}

}  // namespace
}  // namespace kredo::rules
