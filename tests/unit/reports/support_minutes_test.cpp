// The split of a period into whole calendar months (read from the support-minutes aggregate,
// migration 0012) and the edge days read from the raw attendance.
#include <gtest/gtest.h>

#include "reports/support_minutes.hpp"

namespace kredo::reports {
namespace {

TEST(SupportMinutes, MonthSplitCoversEveryDayOfThePeriodOnce) {
  auto s = split_into_months("2024-01-15", "2024-03-14");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->has_months);
  EXPECT_EQ(s->first_month, "2024-02");
  EXPECT_EQ(s->last_month, "2024-02");
  ASSERT_EQ(s->days.size(), 2u);
  EXPECT_EQ(s->days[0], std::make_pair(std::string("2024-01-15"), std::string("2024-01-31")));
  EXPECT_EQ(s->days[1], std::make_pair(std::string("2024-03-01"), std::string("2024-03-14")));
  s = split_into_months("2023-10-01", "2025-09-30");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->first_month, "2023-10");
  EXPECT_EQ(s->last_month, "2025-09");
  EXPECT_TRUE(s->days.empty());
  s = split_into_months("2024-02-02", "2024-02-29");  // one partial month
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->has_months);
  ASSERT_EQ(s->days.size(), 1u);
  EXPECT_EQ(s->days[0], std::make_pair(std::string("2024-02-02"), std::string("2024-02-29")));
  s = split_into_months("2024-01-20", "2024-02-10");  // two partial months
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->has_months);
  ASSERT_EQ(s->days.size(), 1u);
  s = split_into_months("", "2024-02-28");  // up to a day before a month's end
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->has_months);
  EXPECT_EQ(s->first_month, "");
  EXPECT_EQ(s->last_month, "2024-01");
  ASSERT_EQ(s->days.size(), 1u);
  EXPECT_EQ(s->days[0], std::make_pair(std::string("2024-02-01"), std::string("2024-02-28")));
  s = split_into_months("2024-02-10", "2024-02-05");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->has_months);
  EXPECT_TRUE(s->days.empty());
  EXPECT_FALSE(split_into_months("2024-02-30", "2024-03-01"));
}

TEST(SupportMinutes, SourceReadsWholeMonthsFromTheAggregateAndEdgeDaysRaw) {
  storage::Params params;
  auto s = split_into_months("2024-01-15", "2024-03-14");
  ASSERT_TRUE(s);
  const std::string sql = support_minutes_source(*s, params);
  EXPECT_NE(sql.find("support_minutes_monthly"), std::string::npos);
  EXPECT_NE(sql.find("FROM activities a JOIN attendance at"), std::string::npos);
  ASSERT_EQ(params.size(), 6u);  // two months bounds, two edge ranges
  params.clear();
  s = split_into_months("2023-10-01", "2025-09-30");
  const std::string aligned = support_minutes_source(*s, params);
  EXPECT_EQ(aligned.find("attendance"), std::string::npos) << "a month-aligned period reads the aggregate only";
  EXPECT_EQ(params.size(), 2u);
}

}  // namespace
}  // namespace kredo::reports
