// Support hours from attendance: the conversion rules, and "HH:MM" times.
#include <gtest/gtest.h>

#include "rules/support_hours.hpp"
#include "rules/supported_person.hpp"

namespace kredo::rules {
namespace {

using S = AttendanceStatus;

TEST(SupportHours, PresentWithoutMinutesCountsTheWholeActivity) {
  EXPECT_EQ(counted_support_minutes({S::present, std::nullopt, 90, std::nullopt}), 90);
}

TEST(SupportHours, PartialMinutesCountAsGiven) {
  EXPECT_EQ(counted_support_minutes({S::present, 45, 90, std::nullopt}), 45);
  EXPECT_EQ(counted_support_minutes({S::present, 0, 90, std::nullopt}), 0);
}

TEST(SupportHours, ExcusedAndAbsentCountNothing) {
  EXPECT_EQ(counted_support_minutes({S::excused, std::nullopt, 90, std::nullopt}), 0);
  EXPECT_EQ(counted_support_minutes({S::absent, std::nullopt, 90, 360}), 0);
}

TEST(SupportHours, ATypeRuleReplacesTheDuration) {
  // A trip of 8 hours counts 6 hours; half the trip counts half of that.
  EXPECT_EQ(counted_support_minutes({S::present, std::nullopt, 480, 360}), 360);
  EXPECT_EQ(counted_support_minutes({S::present, 240, 480, 360}), 180);
  // Integer arithmetic rounds down, as the SQL aggregation does.
  EXPECT_EQ(counted_support_minutes({S::present, 100, 480, 360}), 75);
  EXPECT_EQ(counted_support_minutes({S::present, 1, 7, 10}), 1);
}

TEST(SupportHours, MinutesAreClampedToTheActivity) {
  EXPECT_EQ(counted_support_minutes({S::present, 500, 90, std::nullopt}), 90);
  EXPECT_EQ(counted_support_minutes({S::present, -5, 90, std::nullopt}), 0);
  EXPECT_EQ(counted_support_minutes({S::present, std::nullopt, 0, std::nullopt}), 0);
}

TEST(SupportHours, SupportedAfterMoreThanTheThreshold) {
  // 27 sessions of 90 minutes = 40.5 h: supported; 26 of 90 + one of 60 = 40 h exactly: not yet.
  std::int64_t sum = 0;
  for (int i = 0; i < 27; ++i) sum += counted_support_minutes({S::present, std::nullopt, 90, std::nullopt});
  EXPECT_TRUE(is_supported_person(sum));
  sum = 26 * 90 + counted_support_minutes({S::present, 60, 90, std::nullopt});
  EXPECT_EQ(sum, 2400);
  EXPECT_FALSE(is_supported_person(sum));
  EXPECT_EQ(minutes_until_supported(sum), 1);
}

TEST(SupportHours, StatusNames) {
  EXPECT_EQ(parse_attendance_status("present"), S::present);
  EXPECT_EQ(parse_attendance_status("excused"), S::excused);
  EXPECT_EQ(parse_attendance_status("absent"), S::absent);
  EXPECT_FALSE(parse_attendance_status("Present"));
  EXPECT_FALSE(parse_attendance_status(""));
  EXPECT_STREQ(attendance_status_name(S::excused), "excused");
}

TEST(ClockTime, ParsesHoursAndMinutes) {
  EXPECT_EQ(*parse_clock_time("00:00", "start"), 0);
  EXPECT_EQ(*parse_clock_time("16:30", "start"), 990);
  EXPECT_EQ(*parse_clock_time("23:59", "start"), 1439);
  for (const char* bad : {"24:00", "9:00", "09:60", "0900", "09:00:00", "", "ab:cd", "-1:00"}) {
    auto r = parse_clock_time(bad, "end");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields.front().field, "end");
  }
  EXPECT_EQ(format_clock_time(990), "16:30");
  EXPECT_EQ(format_clock_time(5), "00:05");
}

TEST(SupportHours, MinutesToHoursRoundsToTwoDecimals) {
  EXPECT_DOUBLE_EQ(minutes_to_hours(90), 1.5);
  EXPECT_DOUBLE_EQ(minutes_to_hours(100), 1.67);
  EXPECT_DOUBLE_EQ(minutes_to_hours(0), 0);
}

}  // namespace
}  // namespace kredo::rules
