#include "rules/prague_time.hpp"

#include <gtest/gtest.h>

namespace kredo::rules {
namespace {

// 2026: CEST from Sun 29 March 01:00 UTC to Sun 25 October 01:00 UTC.
constexpr std::int64_t kMar29_2026_0100Z = 1774746000;
constexpr std::int64_t kOct25_2026_0100Z = 1792890000;

TEST(PragueTime, WinterAndSummerOffsets) {
  EXPECT_EQ(prague_utc_offset(kMar29_2026_0100Z - 1), 3600);
  EXPECT_EQ(prague_utc_offset(kMar29_2026_0100Z), 7200);
  EXPECT_EQ(prague_utc_offset(kOct25_2026_0100Z - 1), 7200);
  EXPECT_EQ(prague_utc_offset(kOct25_2026_0100Z), 3600);
}

TEST(PragueTime, LocalDateRunsAheadOfUtcAroundMidnight) {
  // 2026-11-28 23:30 UTC is 2026-11-29 00:30 in Brno (CET).
  const std::int64_t t = Date::from_ymd(2026, 11, 28)->days_since_epoch() * 86400 + 23 * 3600 + 1800;
  EXPECT_EQ(prague_date(t).iso(), "2026-11-29");
  // 22:59 UTC is still the 28th locally.
  EXPECT_EQ(prague_date(t - 31 * 60).iso(), "2026-11-28");
  // In summer the local date changes at 22:00 UTC.
  const std::int64_t june = Date::from_ymd(2026, 6, 30)->days_since_epoch() * 86400 + 22 * 3600;
  EXPECT_EQ(prague_date(june - 1).iso(), "2026-06-30");
  EXPECT_EQ(prague_date(june).iso(), "2026-07-01");
}

TEST(PragueTime, LastSundayRuleAcrossYears) {
  // 2027: last Sunday of March is the 28th, of October the 31st.
  const std::int64_t mar = Date::from_ymd(2027, 3, 28)->days_since_epoch() * 86400 + 3600;
  const std::int64_t oct = Date::from_ymd(2027, 10, 31)->days_since_epoch() * 86400 + 3600;
  EXPECT_EQ(prague_utc_offset(mar - 1), 3600);
  EXPECT_EQ(prague_utc_offset(mar), 7200);
  EXPECT_EQ(prague_utc_offset(oct - 1), 7200);
  EXPECT_EQ(prague_utc_offset(oct), 3600);
}

}  // namespace
}  // namespace kredo::rules
