// Specification of §40 deadline counting, the appeal and complaint periods, and delivery by fiction.
#include <gtest/gtest.h>

#include <string>

#include "rules/czech_calendar.hpp"
#include "rules/deadlines.hpp"

namespace kredo::rules {
namespace {

Deadline appeal(Date delivered) {
  auto r = appeal_deadline(delivered);
  EXPECT_TRUE(r.ok()) << delivered.iso();
  return std::move(r).value();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(AppealDeadline, IsFifteenDaysAfterDeliveryOnAWorkingDay) {
  const Deadline d = appeal(ymd(2025, 4, 2));
  EXPECT_EQ(d.days, 15);
  EXPECT_EQ(d.nominal_last_day, ymd(2025, 4, 17));
  EXPECT_EQ(d.last_day, ymd(2025, 4, 17));
  EXPECT_FALSE(d.shifted());
  EXPECT_TRUE(d.skipped.empty());
  EXPECT_EQ(d.basis_cs,
            "15 dní od doručení 2. 4. 2025 → čtvrtek 17. 4. 2025 (den doručení se nepočítá; § 83 odst. 1 a § 40 "
            "odst. 1 zákona č. 500/2004 Sb., správní řád)");
  EXPECT_EQ(d.basis_en,
            "15 days from delivery on 2 Apr 2025 → Thursday 17 Apr 2025 (the day of delivery is not counted; Act "
            "No. 500/2004 Coll., Administrative Procedure Code, s. 83(1) and s. 40(1))");
}

TEST(AppealDeadline, MovesPastAWeekendAndExplainsEachDay) {
  const Deadline d = appeal(ymd(2025, 4, 18));
  EXPECT_EQ(d.nominal_last_day, ymd(2025, 5, 3));
  EXPECT_EQ(d.last_day, ymd(2025, 5, 5));
  EXPECT_TRUE(d.shifted());
  ASSERT_EQ(d.skipped.size(), 2u);
  EXPECT_EQ(d.skipped[0].reason_cs, "3. 5. 2025 je sobota");
  EXPECT_EQ(d.skipped[1].reason_cs, "4. 5. 2025 je neděle");
  EXPECT_EQ(d.skipped[0].reason_en, "3 May 2025 is a Saturday");
  EXPECT_EQ(d.basis_cs,
            "15 dní od doručení 18. 4. 2025 → 3. 5. 2025; 3. 5. 2025 je sobota, 4. 5. 2025 je neděle → pondělí "
            "5. 5. 2025 (den doručení se nepočítá; § 83 odst. 1 a § 40 odst. 1 zákona č. 500/2004 Sb., správní řád)");
  EXPECT_EQ(d.basis_en,
            "15 days from delivery on 18 Apr 2025 → 3 May 2025; 3 May 2025 is a Saturday, 4 May 2025 is a Sunday → "
            "Monday 5 May 2025 (the day of delivery is not counted; Act No. 500/2004 Coll., Administrative "
            "Procedure Code, s. 83(1) and s. 40(1))");
}

TEST(AppealDeadline, MovesPastEasterFromGoodFriday) {
  const Deadline d = appeal(ymd(2025, 4, 3));
  EXPECT_EQ(d.nominal_last_day, ymd(2025, 4, 18));  // Good Friday
  EXPECT_EQ(d.last_day, ymd(2025, 4, 22));          // Tuesday after Easter Monday
  ASSERT_EQ(d.skipped.size(), 4u);
  EXPECT_EQ(d.skipped[0].reason_cs, "18. 4. 2025 je svátek (Velký pátek)");
  EXPECT_EQ(d.skipped[0].reason_en, "18 Apr 2025 is a public holiday (Good Friday)");
  EXPECT_EQ(d.skipped[3].reason_cs, "21. 4. 2025 je svátek (Velikonoční pondělí)");
  EXPECT_TRUE(contains(d.basis_cs, "→ úterý 22. 4. 2025"));
}

TEST(AppealDeadline, MovesPastEasterMonday) {
  EXPECT_EQ(appeal(ymd(2026, 3, 22)).nominal_last_day, ymd(2026, 4, 6));
  EXPECT_EQ(appeal(ymd(2026, 3, 22)).last_day, ymd(2026, 4, 7));
  EXPECT_EQ(appeal(ymd(2024, 3, 17)).last_day, ymd(2024, 4, 2));
  EXPECT_EQ(appeal(ymd(2024, 3, 14)).last_day, ymd(2024, 4, 2));  // ends on Good Friday 29 Mar 2024
}

TEST(AppealDeadline, MovesPastChristmasAndTheWeekendAfter) {
  const Deadline d = appeal(ymd(2026, 12, 9));
  EXPECT_EQ(d.nominal_last_day, ymd(2026, 12, 24));
  EXPECT_EQ(d.last_day, ymd(2026, 12, 28));
  ASSERT_EQ(d.skipped.size(), 4u);
  EXPECT_EQ(d.skipped[0].reason_cs, "24. 12. 2026 je svátek (Štědrý den)");
  EXPECT_EQ(d.skipped[1].reason_cs, "25. 12. 2026 je svátek (1. svátek vánoční)");
  EXPECT_EQ(d.skipped[2].reason_cs, "26. 12. 2026 je sobota a svátek (2. svátek vánoční)");
  EXPECT_EQ(d.skipped[3].reason_cs, "27. 12. 2026 je neděle");
  EXPECT_EQ(d.skipped[2].reason_en,
            "26 Dec 2026 is a Saturday and a public holiday (St. Stephen's Day)");
}

TEST(AppealDeadline, SkipsFiveDaysWhenChristmasEveIsAWednesday) {
  const Deadline d = appeal(ymd(2025, 12, 9));
  EXPECT_EQ(d.last_day, ymd(2025, 12, 29));
  EXPECT_EQ(d.skipped.size(), 5u);
}

TEST(AppealDeadline, MovesPastNewYearIntoTheNextYear) {
  const Deadline d = appeal(ymd(2025, 12, 17));
  EXPECT_EQ(d.nominal_last_day, ymd(2026, 1, 1));
  EXPECT_EQ(d.last_day, ymd(2026, 1, 2));
}

TEST(AppealDeadline, MovesPastAWeekdayHoliday) {
  EXPECT_EQ(appeal(ymd(2025, 4, 23)).last_day, ymd(2025, 5, 9));  // 8 May 2025 is a Thursday
}

TEST(AppealDeadline, EndingOnSundayMovesToMonday) {
  EXPECT_EQ(appeal(ymd(2025, 4, 19)).last_day, ymd(2025, 5, 5));
}

TEST(AppealDeadline, DeliveryOnAWeekendStillCountsFromTheNextDay) {
  const Deadline d = appeal(ymd(2025, 5, 3));  // Saturday
  EXPECT_EQ(d.nominal_last_day, ymd(2025, 5, 18));
  EXPECT_EQ(d.last_day, ymd(2025, 5, 19));
}

TEST(AppealDeadline, AlwaysEndsOnTheFirstWorkingDayFromTheNominalEnd) {
  for (Date delivered = ymd(2024, 1, 1); delivered <= ymd(2026, 12, 31); delivered = delivered.add_days(1)) {
    const Deadline d = appeal(delivered);
    ASSERT_EQ(days_between(delivered, d.nominal_last_day), 15);
    ASSERT_TRUE(is_working_day(d.last_day)) << delivered.iso();
    ASSERT_EQ(static_cast<std::int64_t>(d.skipped.size()), days_between(d.nominal_last_day, d.last_day));
    for (const auto& s : d.skipped) ASSERT_FALSE(is_working_day(s.date)) << s.date.iso();
    ASSERT_LE(d.skipped.size(), 5u);
  }
}

TEST(AppealDeadline, RefusesDatesOutsideTheHolidayCalendar) {
  const auto early = appeal_deadline(ymd(2000, 6, 1));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().fields.at(0).field, "delivered");
  EXPECT_FALSE(appeal_deadline(ymd(2100, 12, 20)).ok());
  EXPECT_TRUE(appeal_deadline(ymd(2100, 12, 1)).ok());
  EXPECT_TRUE(appeal_deadline(ymd(2001, 1, 1)).ok());
}

TEST(DeadlineAfter, CountsAnyNumberOfDays) {
  const auto one = deadline_after(ymd(2025, 5, 2), 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->last_day, ymd(2025, 5, 5));
  EXPECT_TRUE(contains(one->basis_cs, "1 den od 2. 5. 2025"));
  EXPECT_TRUE(contains(one->basis_en, "1 day from 2 May 2025"));

  const auto three = deadline_after(ymd(2025, 3, 3), 3);
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->last_day, ymd(2025, 3, 6));
  EXPECT_TRUE(contains(three->basis_cs, "3 dny od 3. 3. 2025"));

  const auto thirty = deadline_after(ymd(2025, 3, 3), 30);
  ASSERT_TRUE(thirty.ok());
  EXPECT_EQ(thirty->last_day, ymd(2025, 4, 2));
  EXPECT_TRUE(contains(thirty->basis_cs, "30 dní od 3. 3. 2025"));
  EXPECT_TRUE(contains(thirty->basis_cs, "§ 40 odst. 1 správního řádu"));
}

TEST(DeadlineAfter, RejectsNonPositiveAndAbsurdLengths) {
  for (int days : {0, -1, -15, kMaxDeadlineDays + 1}) {
    const auto r = deadline_after(ymd(2025, 3, 3), days);
    ASSERT_FALSE(r.ok()) << days;
    EXPECT_EQ(r.error().code, ErrorCode::validation_failed);
    EXPECT_EQ(r.error().fields.at(0).field, "days");
  }
  EXPECT_TRUE(deadline_after(ymd(2025, 3, 3), kMaxDeadlineDays).ok());
}

TEST(ComplaintHandlingDeadline, IsSixtyDaysFromReceipt) {
  const auto r = complaint_handling_deadline(ymd(2025, 3, 3));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->days, 60);
  EXPECT_EQ(r->last_day, ymd(2025, 5, 2));
  EXPECT_TRUE(contains(r->basis_cs, "§ 175 odst. 5"));
}

TEST(ComplaintHandlingDeadline, MovesPastChristmasWeekend) {
  const auto r = complaint_handling_deadline(ymd(2025, 10, 28));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->nominal_last_day, ymd(2025, 12, 27));
  EXPECT_EQ(r->last_day, ymd(2025, 12, 29));
}

TEST(DataBoxDelivery, IsTheTenthDayAfterArrival) {
  const auto r = data_box_deemed_delivery(ymd(2025, 3, 3));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, DeliveryChannel::data_box);
  EXPECT_EQ(r->tenth_day, ymd(2025, 3, 13));
  EXPECT_EQ(r->delivered, ymd(2025, 3, 13));
  EXPECT_FALSE(r->disputed);
  EXPECT_FALSE(r->alternative.has_value());
  EXPECT_TRUE(contains(r->basis_cs, "§ 17 odst. 4 zákona č. 300/2008 Sb."));
  EXPECT_TRUE(contains(r->basis_cs, "čtvrtek 13. 3. 2025"));
}

TEST(DataBoxDelivery, WeekendTenthDayMovesToMonday) {
  const auto r = data_box_deemed_delivery(ymd(2026, 4, 1));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tenth_day, ymd(2026, 4, 11));
  EXPECT_EQ(r->delivered, ymd(2026, 4, 13));
  EXPECT_FALSE(r->disputed);
  ASSERT_EQ(r->skipped.size(), 2u);
  EXPECT_EQ(r->basis_cs,
            "Datová zpráva dodána 1. 4. 2026, nikdo se do schránky nepřihlásil: 10. den je 11. 4. 2026; 11. 4. 2026 "
            "je sobota, 12. 4. 2026 je neděle → dnem doručení je pondělí 13. 4. 2026 (§ 17 odst. 4 zákona č. 300/2008 Sb.; "
            "soudy na konec této desetidenní lhůty použijí posun podle § 40 odst. 1 písm. c) správního řádu)");
}

TEST(DataBoxDelivery, TenthDayOnGoodFridayMovesPastEaster) {
  const auto r = data_box_deemed_delivery(ymd(2025, 4, 8));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->delivered, ymd(2025, 4, 22));
}

TEST(DataBoxDelivery, FeedsTheAppealDeadline) {
  const auto delivery = data_box_deemed_delivery(ymd(2026, 4, 1));
  ASSERT_TRUE(delivery.ok());
  EXPECT_EQ(appeal(delivery->delivered).last_day, ymd(2026, 4, 28));
}

TEST(PostalDelivery, IsTheTenthDayAfterDeposit) {
  const auto r = postal_deemed_delivery(ymd(2025, 3, 3));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, DeliveryChannel::postal_deposit);
  EXPECT_EQ(r->delivered, ymd(2025, 3, 13));
  EXPECT_FALSE(r->disputed);
  EXPECT_FALSE(r->alternative.has_value());
  EXPECT_TRUE(contains(r->basis_cs, "§ 24 odst. 1 správního řádu"));
}

TEST(PostalDelivery, WeekendTenthDayIsDisputedAndKeepsTheEarlierDate) {
  const auto r = postal_deemed_delivery(ymd(2026, 4, 1));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tenth_day, ymd(2026, 4, 11));
  EXPECT_EQ(r->delivered, ymd(2026, 4, 11));
  ASSERT_TRUE(r->alternative.has_value());
  EXPECT_EQ(*r->alternative, ymd(2026, 4, 13));
  EXPECT_TRUE(r->disputed);
  EXPECT_TRUE(contains(r->basis_cs, "sporné"));
  EXPECT_TRUE(contains(r->basis_cs, "11. 4. 2026 je sobota"));
  EXPECT_TRUE(contains(r->basis_en, "disputed"));
  EXPECT_TRUE(contains(r->basis_en, "Monday 13 Apr 2026"));
}

TEST(PostalDelivery, HolidayTenthDayIsDisputed) {
  const auto r = postal_deemed_delivery(ymd(2025, 12, 16));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->delivered, ymd(2025, 12, 26));
  EXPECT_EQ(r->alternative, ymd(2025, 12, 29));
  EXPECT_TRUE(r->disputed);
}

TEST(DeemedDelivery, RefusesDatesOutsideTheHolidayCalendar) {
  const auto a = data_box_deemed_delivery(ymd(1999, 1, 4));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().fields.at(0).field, "arrived");
  const auto b = postal_deemed_delivery(ymd(2100, 12, 28));
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().fields.at(0).field, "deposited");
}

}  // namespace
}  // namespace kredo::rules
