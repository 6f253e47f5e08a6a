// The enrollment pathway rules: stage names, month arithmetic, effective delivery, the computed
// dates with their bases, the tasks a pathway asks for, and the checks between stage dates.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "rules/enrollment_pathway.hpp"

namespace kredo::rules {
namespace {

const ComputedDate* find_date(const Pathway& p, const std::string& key) {
  auto it = std::find_if(p.dates.begin(), p.dates.end(), [&](const ComputedDate& d) { return d.key == key; });
  return it == p.dates.end() ? nullptr : &*it;
}

const TaskDue* find_task(const Pathway& p, const std::string& kind) {
  auto it = std::find_if(p.tasks.begin(), p.tasks.end(), [&](const TaskDue& t) { return t.kind == kind; });
  return it == p.tasks.end() ? nullptr : &*it;
}

PathwayInput zs_case() {
  PathwayInput in;
  in.level = "zs";
  in.school_year = SchoolYear{2026};
  in.birth_date = ymd(2020, 3, 14);
  in.zapis_window = ZapisWindow{SchoolLevel::zs, SchoolYear{2026}, ymd(2026, 4, 1), ymd(2026, 4, 30)};
  return in;
}

TEST(EnrollmentStages, RoundTripInPathwayOrder) {
  for (std::size_t i = 0; i < kEnrollmentStageNames.size(); ++i) {
    auto s = parse_enrollment_stage(kEnrollmentStageNames[i]);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(stage_index(*s), static_cast<int>(i));
    EXPECT_EQ(wire_name(*s), kEnrollmentStageNames[i]);
  }
  EXPECT_FALSE(parse_enrollment_stage("admitted"));
  EXPECT_TRUE(is_enrollment_level("compulsory_preschool"));
  EXPECT_FALSE(is_enrollment_level("ss"));
  EXPECT_EQ(zapis_level("compulsory_preschool"), SchoolLevel::ms);
  EXPECT_EQ(zapis_level("zs"), SchoolLevel::zs);
}

TEST(AddMonths, ClampsToTheLastDayOfShortMonths) {
  EXPECT_EQ(add_months(ymd(2026, 9, 1), 3), ymd(2026, 12, 1));
  EXPECT_EQ(add_months(ymd(2026, 11, 30), 3), ymd(2027, 2, 28));
  EXPECT_EQ(add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
  EXPECT_EQ(add_months(ymd(2026, 9, 1), 12), ymd(2027, 9, 1));
}

TEST(EffectiveDelivery, InPersonIsTheDayOfHandover) {
  auto d = effective_delivery(DeliveryMethod::in_person, ymd(2026, 5, 22), std::nullopt);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->delivered, ymd(2026, 5, 22));
  EXPECT_FALSE(d->by_fiction);
  EXPECT_NE(d->basis_cs.find("§ 19"), std::string::npos);
}

TEST(EffectiveDelivery, DataBoxFictionShiftsAWeekendTenthDay) {
  // Arrived Thu 22 May 2025: the 10th day is Sun 1 June -> Mon 2 June.
  auto d = effective_delivery(DeliveryMethod::data_box, ymd(2025, 5, 22), std::nullopt);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->by_fiction);
  EXPECT_EQ(d->delivered, ymd(2025, 6, 2));
  EXPECT_FALSE(d->disputed);
  EXPECT_NE(d->basis_cs.find("300/2008"), std::string::npos);
  // Opened on the third day: delivered then, not by fiction.
  auto opened = effective_delivery(DeliveryMethod::data_box, ymd(2025, 5, 22), ymd(2025, 5, 25));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->delivered, ymd(2025, 5, 25));
  EXPECT_FALSE(opened->by_fiction);
}

TEST(EffectiveDelivery, PostOnAWeekendTenthDayIsDisputed) {
  auto d = effective_delivery(DeliveryMethod::post, ymd(2025, 5, 22), std::nullopt);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->by_fiction);
  EXPECT_TRUE(d->disputed);
  EXPECT_EQ(d->delivered, ymd(2025, 6, 1));
  EXPECT_EQ(d->alternative, ymd(2025, 6, 2));
  // Collected after the 10th day: the fiction stands.
  auto late = effective_delivery(DeliveryMethod::post, ymd(2026, 5, 4), ymd(2026, 5, 20));
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->by_fiction);
  EXPECT_EQ(late->delivered, ymd(2026, 5, 14));
}

TEST(EffectiveDelivery, CollectedBeforeDepositIsAFieldError) {
  auto d = effective_delivery(DeliveryMethod::post, ymd(2026, 5, 4), ymd(2026, 5, 3));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().fields.at(0).field, "collected_date");
}

TEST(Pathway, BeforeTheApplicationAsksForZapisAndDeferralPapers) {
  PathwayInput in = zs_case();
  in.deferral_considered = true;
  auto p = compute_pathway(in);
  ASSERT_TRUE(p.ok());
  ASSERT_NE(find_task(*p, "zapis_window_opens"), nullptr);
  EXPECT_EQ(find_task(*p, "zapis_window_opens")->due, ymd(2026, 4, 1));
  ASSERT_NE(find_task(*p, "deferral_papers"), nullptr);
  ASSERT_NE(find_date(*p, "zapis_window_to"), nullptr);
  EXPECT_NE(find_date(*p, "zapis_window_from")->basis_cs.find("§ 36 odst. 4"), std::string::npos);
  EXPECT_EQ(find_date(*p, "zs_start")->date, ymd(2026, 9, 1));
  EXPECT_EQ(find_date(*p, "compulsory_preschool_start")->date, ymd(2025, 9, 1));
  EXPECT_EQ(find_date(*p, "latest_deferred_start")->date, ymd(2027, 9, 1));
  in.application_date = ymd(2026, 4, 2);
  auto after = compute_pathway(in);
  EXPECT_EQ(find_task(*after, "zapis_window_opens"), nullptr);
}

TEST(Pathway, NonAdmissionGivesAnAppealDeadlineOnTheNextWorkingDay) {
  PathwayInput in = zs_case();
  in.application_date = ymd(2026, 4, 2);
  in.decision = "not_admitted";
  in.decision_date = ymd(2026, 4, 15);
  in.delivery_method = DeliveryMethod::in_person;
  in.delivery_date = ymd(2026, 4, 16);
  auto p = compute_pathway(in);
  ASSERT_TRUE(p.ok());
  // Day 15 is Fri 1 May (holiday), then the weekend: Mon 4 May.
  ASSERT_TRUE(p->appeal_deadline.has_value());
  EXPECT_EQ(p->appeal_deadline->last_day, ymd(2026, 5, 4));
  const ComputedDate* d = find_date(*p, "appeal_deadline");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->basis_cs.find("§ 83 odst. 1"), std::string::npos);
  EXPECT_NE(d->basis_en.find("Regional Authority"), std::string::npos);
  ASSERT_NE(find_task(*p, "appeal_deadline"), nullptr);
  EXPECT_EQ(find_task(*p, "appeal_deadline")->due, ymd(2026, 5, 4));

  in.appeal_filed = ymd(2026, 5, 4);
  auto in_time = compute_pathway(in);
  EXPECT_FALSE(in_time->appeal_late);
  EXPECT_EQ(find_task(*in_time, "appeal_deadline"), nullptr);
  in.appeal_filed = ymd(2026, 5, 5);
  EXPECT_TRUE(compute_pathway(in)->appeal_late);
}

TEST(Pathway, AdmissionHasNoAppealDeadline) {
  PathwayInput in = zs_case();
  in.decision = "admitted";
  in.decision_date = ymd(2026, 4, 15);
  in.delivery_method = DeliveryMethod::in_person;
  in.delivery_date = ymd(2026, 4, 16);
  auto p = compute_pathway(in);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->appeal_deadline.has_value());
  EXPECT_NE(find_date(*p, "delivered"), nullptr);
  EXPECT_EQ(find_date(*p, "appeal_deadline"), nullptr);
}

TEST(Pathway, AttendanceChecksAfterThreeAndTwelveMonths) {
  PathwayInput in = zs_case();
  in.decision = "admitted";
  in.decision_date = ymd(2026, 5, 20);
  in.started = ymd(2026, 9, 1);
  auto p = compute_pathway(in);
  ASSERT_NE(find_task(*p, "check_3_months"), nullptr);
  EXPECT_EQ(find_task(*p, "check_3_months")->due, ymd(2026, 12, 1));
  EXPECT_EQ(find_task(*p, "check_12_months"), nullptr);
  in.check_3_recorded = true;
  auto later = compute_pathway(in);
  EXPECT_EQ(find_task(*later, "check_3_months"), nullptr);
  ASSERT_NE(find_task(*later, "check_12_months"), nullptr);
  EXPECT_EQ(find_task(*later, "check_12_months")->due, ymd(2027, 9, 1));
  EXPECT_EQ(find_date(*later, "check_12_months")->date, ymd(2027, 9, 1));
}

TEST(StageDates, ADecisionBeforeTheApplicationIsRefused) {
  PathwayInput in = zs_case();
  in.application_date = ymd(2026, 4, 10);
  auto st = check_stage_dates(in, EnrollmentStage::decision, ymd(2026, 4, 9));
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().fields.at(0).field, "date");
  EXPECT_TRUE(check_stage_dates(in, EnrollmentStage::decision, ymd(2026, 4, 10)).ok());
}

TEST(StageDates, OrderOfTheLaterStages) {
  PathwayInput in = zs_case();
  EXPECT_EQ(check_stage_dates(in, EnrollmentStage::delivery, ymd(2026, 5, 1)).error().fields.at(0).field, "stage");
  EXPECT_EQ(check_stage_dates(in, EnrollmentStage::attending_3_months, ymd(2026, 12, 1)).error().fields.at(0).field,
            "stage");
  in.decision = "admitted";
  in.decision_date = ymd(2026, 5, 20);
  EXPECT_EQ(check_stage_dates(in, EnrollmentStage::delivery, ymd(2026, 5, 19)).error().fields.at(0).field, "date");
  in.delivery_date = ymd(2026, 5, 21);
  EXPECT_EQ(check_stage_dates(in, EnrollmentStage::appeal, ymd(2026, 6, 1)).error().fields.at(0).field, "stage");
  in.decision = "not_admitted";
  EXPECT_TRUE(check_stage_dates(in, EnrollmentStage::appeal, ymd(2026, 6, 1)).ok());
  EXPECT_EQ(check_stage_dates(in, EnrollmentStage::decision, ymd(1990, 1, 1)).error().fields.at(0).field, "date");
}

}  // namespace
}  // namespace kredo::rules
