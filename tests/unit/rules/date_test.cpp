// Specification of the civil Date type: strict ISO parsing, formatting, arithmetic.
#include <gtest/gtest.h>

#include <stdexcept>

#include "rules/date.hpp"

namespace kredo::rules {
namespace {

TEST(DateParse, AcceptsStrictIsoDate) {
  const auto r = parse_iso_date("2026-11-28");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->year(), 2026);
  EXPECT_EQ(r->month(), 11);
  EXPECT_EQ(r->day(), 28);
}

TEST(DateParse, AcceptsLeapDayOnlyInLeapYears) {
  EXPECT_TRUE(parse_iso_date("2024-02-29").ok());
  EXPECT_TRUE(parse_iso_date("2000-02-29").ok());
  EXPECT_FALSE(parse_iso_date("2025-02-29").ok());
  EXPECT_FALSE(parse_iso_date("1900-02-29").ok());
  EXPECT_FALSE(parse_iso_date("2100-02-29").ok());
}

TEST(DateParse, RejectsImpossibleDays) {
  EXPECT_FALSE(parse_iso_date("2025-02-30").ok());
  EXPECT_FALSE(parse_iso_date("2025-04-31").ok());
  EXPECT_FALSE(parse_iso_date("2025-13-01").ok());
  EXPECT_FALSE(parse_iso_date("2025-00-10").ok());
  EXPECT_FALSE(parse_iso_date("2025-01-00").ok());
  EXPECT_FALSE(parse_iso_date("0000-01-01").ok());
}

TEST(DateParse, RejectsAnythingButTheExactIsoShape) {
  for (const char* bad : {"", "garbage", "2025-1-01", "2025-01-1", "25-01-01", "2025/01/01",
                          "2025-01-01T00:00", " 2025-01-01", "2025-01-01 ", "+025-01-01",
                          "2025-0a-01", "20250101", "2025--01-01", "１２３４-01-01"}) {
    EXPECT_FALSE(parse_iso_date(bad).ok()) << bad;
  }
}

TEST(DateParse, ReportsAFieldErrorOnTheNamedField) {
  const auto r = parse_iso_date("2025-02-30", "birth_date");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::validation_failed);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "birth_date");
}

TEST(DateFromYmd, RejectsImpossibleDates) {
  EXPECT_FALSE(Date::from_ymd(2025, 2, 29).has_value());
  EXPECT_FALSE(Date::from_ymd(2025, 6, 31).has_value());
  EXPECT_FALSE(Date::from_ymd(0, 1, 1).has_value());
  EXPECT_FALSE(Date::from_ymd(10000, 1, 1).has_value());
  EXPECT_TRUE(Date::from_ymd(2025, 12, 31).has_value());
}

TEST(DateFormat, IsoIsZeroPadded) {
  EXPECT_EQ(ymd(2026, 3, 5).iso(), "2026-03-05");
  EXPECT_EQ(ymd(1, 1, 1).iso(), "0001-01-01");
}

TEST(DateFormat, CzechHasNoLeadingZeros) {
  EXPECT_EQ(ymd(2026, 11, 28).czech(), "28. 11. 2026");
  EXPECT_EQ(ymd(2025, 5, 3).czech(), "3. 5. 2025");
}

TEST(DateFormat, EnglishUsesMonthAbbreviation) { EXPECT_EQ(ymd(2025, 5, 3).english(), "3 May 2025"); }

TEST(DateFormat, IsoRoundTripsThroughParse) {
  for (Date d = ymd(2023, 12, 20); d < ymd(2025, 1, 10); d = d.add_days(1)) {
    const auto back = parse_iso_date(d.iso());
    ASSERT_TRUE(back.ok()) << d.iso();
    EXPECT_EQ(*back, d);
  }
}

TEST(DateWeekday, KnownDays) {
  EXPECT_EQ(ymd(1970, 1, 1).weekday(), Weekday::thursday);
  EXPECT_EQ(ymd(2025, 5, 3).weekday(), Weekday::saturday);
  EXPECT_EQ(ymd(2025, 4, 20).weekday(), Weekday::sunday);
  EXPECT_EQ(ymd(2026, 11, 28).weekday(), Weekday::saturday);
  EXPECT_EQ(ymd(2024, 2, 29).weekday(), Weekday::thursday);
  EXPECT_EQ(ymd(2000, 1, 1).weekday(), Weekday::saturday);
  EXPECT_EQ(ymd(1969, 12, 31).weekday(), Weekday::wednesday);
  EXPECT_EQ(ymd(1969, 12, 28).weekday(), Weekday::sunday);
  EXPECT_EQ(ymd(1954, 1, 1).weekday(), Weekday::friday);
  EXPECT_EQ(ymd(1, 1, 1).weekday(), Weekday::monday);
}

TEST(DateWeekday, CyclesThroughAllSevenDays) {
  Date d = ymd(1969, 12, 1);  // a Monday
  for (int i = 0; i < 70; ++i) {
    EXPECT_EQ(static_cast<int>(d.add_days(i).weekday()), i % 7 + 1) << d.add_days(i).iso();
  }
}

TEST(DateWeekday, HasCzechAndEnglishNames) {
  EXPECT_EQ(czech_weekday_name(Weekday::saturday), "sobota");
  EXPECT_EQ(czech_weekday_name(Weekday::monday), "pondělí");
  EXPECT_EQ(english_weekday_name(Weekday::sunday), "Sunday");
}

TEST(DateArithmetic, AddDaysCrossesMonthYearAndLeapDay) {
  EXPECT_EQ(ymd(2024, 2, 28).add_days(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2025, 2, 28).add_days(1), ymd(2025, 3, 1));
  EXPECT_EQ(ymd(2025, 12, 31).add_days(1), ymd(2026, 1, 1));
  EXPECT_EQ(ymd(2026, 1, 1).add_days(-1), ymd(2025, 12, 31));
  EXPECT_EQ(ymd(2025, 4, 18).add_days(15), ymd(2025, 5, 3));
  EXPECT_EQ(ymd(2025, 1, 1).add_days(365), ymd(2026, 1, 1));
  EXPECT_EQ(ymd(2024, 1, 1).add_days(365), ymd(2024, 12, 31));
}

TEST(DateArithmetic, DaysBetweenIsSignedDifference) {
  EXPECT_EQ(days_between(ymd(2025, 4, 18), ymd(2025, 5, 3)), 15);
  EXPECT_EQ(days_between(ymd(2025, 5, 3), ymd(2025, 4, 18)), -15);
  EXPECT_EQ(days_between(ymd(2024, 1, 1), ymd(2025, 1, 1)), 366);
  EXPECT_EQ(days_between(ymd(2000, 1, 1), ymd(2100, 1, 1)), 36525);
}

TEST(DateEpoch, KnownDayNumbers) {
  EXPECT_EQ(ymd(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(ymd(1969, 12, 31).days_since_epoch(), -1);
  EXPECT_EQ(ymd(2000, 3, 1).days_since_epoch(), 11017);
  EXPECT_EQ(ymd(2026, 11, 28).days_since_epoch(), 20785);
  EXPECT_EQ(Date::from_days_since_epoch(20785), ymd(2026, 11, 28));
  EXPECT_EQ(Date::from_days_since_epoch(-719162), ymd(1, 1, 1));
}

TEST(DateEpoch, RoundTripsEveryDayOverCenturies) {
  // Every day from 1899 to 2101, both directions, and consecutive days are one apart.
  std::int64_t prev = ymd(1899, 1, 1).days_since_epoch() - 1;
  for (int y = 1899; y <= 2101; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= days_in_month(y, m); ++d) {
        const Date date = ymd(y, m, d);
        const std::int64_t z = date.days_since_epoch();
        ASSERT_EQ(z, prev + 1) << date.iso();
        ASSERT_EQ(Date::from_days_since_epoch(z), date);
        prev = z;
      }
    }
  }
}

TEST(DateEpoch, RefusesDaysOutsideSupportedYears) {
  EXPECT_THROW(Date::from_days_since_epoch(-719163), std::out_of_range);
  EXPECT_THROW(ymd(9999, 12, 31).add_days(1), std::out_of_range);
  EXPECT_THROW(ymd(2025, 1, 1).add_days(INT64_MAX), std::out_of_range);
}

TEST(DateCompare, OrdersChronologically) {
  EXPECT_LT(ymd(2025, 12, 31), ymd(2026, 1, 1));
  EXPECT_LT(ymd(2026, 1, 31), ymd(2026, 2, 1));
  EXPECT_LT(ymd(2026, 2, 1), ymd(2026, 2, 2));
  EXPECT_GT(ymd(2026, 2, 2), ymd(2026, 2, 1));
  EXPECT_EQ(ymd(2026, 2, 2), ymd(2026, 2, 2));
  EXPECT_NE(ymd(2026, 2, 2), ymd(2026, 2, 3));
  EXPECT_LE(ymd(2026, 2, 2), ymd(2026, 2, 2));
}

TEST(DateDefault, IsTheEpoch) { EXPECT_EQ(Date{}, ymd(1970, 1, 1)); }

TEST(LeapYear, FollowsGregorianRule) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2025));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2025, 2), 28);
  EXPECT_EQ(days_in_month(2025, 13), 0);
}

}  // namespace
}  // namespace kredo::rules
