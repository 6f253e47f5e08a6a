// Specification of school-entry milestones (boundary birthdays 31 Aug / 1 Sep) and zápis windows.
#include <gtest/gtest.h>

#include <vector>

#include "rules/school_age.hpp"

namespace kredo::rules {
namespace {

TEST(SchoolYear, RunsFromSeptemberToAugust) {
  const SchoolYear y{2025};
  EXPECT_EQ(y.first_day(), ymd(2025, 9, 1));
  EXPECT_EQ(y.last_day(), ymd(2026, 8, 31));
  EXPECT_EQ(y.label(), "2025/26");
  EXPECT_EQ(SchoolYear{2099}.label(), "2099/00");
  EXPECT_EQ(school_year_of(ymd(2025, 8, 31)), SchoolYear{2024});
  EXPECT_EQ(school_year_of(ymd(2025, 9, 1)), SchoolYear{2025});
  EXPECT_EQ(school_year_of(ymd(2026, 1, 15)), SchoolYear{2025});
  EXPECT_LT(SchoolYear{2024}, SchoolYear{2025});
}

TEST(AgeOn, CountsCompletedYears) {
  EXPECT_EQ(age_on(ymd(2019, 5, 10), ymd(2025, 5, 9)), 5);
  EXPECT_EQ(age_on(ymd(2019, 5, 10), ymd(2025, 5, 10)), 6);
  EXPECT_EQ(age_on(ymd(2019, 5, 10), ymd(2019, 5, 10)), 0);
}

TEST(AgeOn, LeapDayChildAgesOnFirstMarchInCommonYears) {
  EXPECT_EQ(age_on(ymd(2020, 2, 29), ymd(2021, 2, 28)), 0);
  EXPECT_EQ(age_on(ymd(2020, 2, 29), ymd(2021, 3, 1)), 1);
  EXPECT_EQ(age_on(ymd(2020, 2, 29), ymd(2024, 2, 29)), 4);
}

TEST(CompulsoryPreschool, ChildFiveBy31AugustStartsThatSeptember) {
  EXPECT_EQ(compulsory_preschool_start(ymd(2020, 8, 31)), ymd(2025, 9, 1));
  EXPECT_EQ(compulsory_preschool_start(ymd(2020, 1, 1)), ymd(2025, 9, 1));
}

TEST(CompulsoryPreschool, ChildBornFirstSeptemberStartsAYearLater) {
  EXPECT_EQ(compulsory_preschool_start(ymd(2020, 9, 1)), ymd(2026, 9, 1));
  EXPECT_EQ(compulsory_preschool_start(ymd(2020, 12, 31)), ymd(2026, 9, 1));
}

TEST(ZsStart, ChildSixBy31AugustStartsThatSeptember) {
  EXPECT_EQ(zs_start(ymd(2019, 8, 31)), ymd(2025, 9, 1));
  EXPECT_EQ(zs_zapis_year(ymd(2019, 8, 31)), 2025);
  EXPECT_EQ(zs_school_year(ymd(2019, 8, 31)), SchoolYear{2025});
  EXPECT_EQ(zs_start(ymd(2019, 1, 1)), ymd(2025, 9, 1));
}

TEST(ZsStart, ChildBornFirstSeptemberStartsAYearLater) {
  EXPECT_EQ(zs_start(ymd(2019, 9, 1)), ymd(2026, 9, 1));
  EXPECT_EQ(zs_zapis_year(ymd(2019, 9, 1)), 2026);
}

TEST(ZsStart, ChildIsSixOnTheDayBeforeAndFiveAYearEarlier) {
  for (Date birth = ymd(2015, 1, 1); birth <= ymd(2022, 12, 31); birth = birth.add_days(1)) {
    const Date start = zs_start(birth);
    ASSERT_EQ(start.month(), 9);
    ASSERT_EQ(start.day(), 1);
    ASSERT_GE(age_on(birth, start.add_days(-1)), 6) << birth.iso();
    ASSERT_LT(age_on(birth, ymd(start.year() - 1, 8, 31)), 6) << birth.iso();
    const Date pre = compulsory_preschool_start(birth);
    ASSERT_EQ(pre, ymd(start.year() - 1, 9, 1)) << birth.iso();
  }
}

TEST(Odklad, LatestStartIsTheSchoolYearOfTheEighthBirthday) {
  EXPECT_EQ(latest_zs_start_with_odklad(ymd(2019, 8, 31)), ymd(2026, 9, 1));
  EXPECT_EQ(latest_zs_start_with_odklad(ymd(2019, 9, 1)), ymd(2027, 9, 1));
  EXPECT_EQ(latest_zs_start_with_odklad(ymd(2019, 3, 15)), ymd(2026, 9, 1));
  EXPECT_EQ(latest_zs_start_with_odklad(ymd(2019, 12, 31)), ymd(2027, 9, 1));
}

TEST(Odklad, IsAlwaysExactlyOneSchoolYearAndContainsTheEighthBirthday) {
  for (Date birth = ymd(2015, 1, 1); birth <= ymd(2022, 12, 31); birth = birth.add_days(1)) {
    const Date latest = latest_zs_start_with_odklad(birth);
    const SchoolYear sy = school_year_of(latest);
    ASSERT_EQ(latest, sy.first_day());
    ASSERT_EQ(sy.start_year, zs_school_year(birth).start_year + 1) << birth.iso();
    ASSERT_LT(age_on(birth, sy.first_day().add_days(-1)), 8) << birth.iso();
    ASSERT_GE(age_on(birth, sy.last_day()), 8) << birth.iso();
  }
}

TEST(EarlyEntry, AutumnBirthdayNeedsCounsellingOnly) {
  const auto e = early_entry(ymd(2019, 9, 1));
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->school_year, SchoolYear{2025});
  EXPECT_TRUE(e->needs_counselling_recommendation);
  EXPECT_FALSE(e->needs_specialist_doctor);
  EXPECT_EQ(early_entry(ymd(2019, 12, 31))->school_year, SchoolYear{2025});
}

TEST(EarlyEntry, JanuaryToJuneBirthdayAlsoNeedsASpecialistDoctor) {
  for (const Date birth : {ymd(2020, 1, 1), ymd(2020, 6, 30)}) {
    const auto e = early_entry(birth);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->school_year, SchoolYear{2025});
    EXPECT_TRUE(e->needs_counselling_recommendation);
    EXPECT_TRUE(e->needs_specialist_doctor);
  }
}

TEST(EarlyEntry, FirstSeptemberChildMayStartOnItsSixthBirthday) {
  // Turns 6 on 1 Sep 2025: in September of school year 2025/26, but not before it started.
  EXPECT_EQ(zs_start(ymd(2019, 9, 1)), ymd(2026, 9, 1));
  EXPECT_EQ(early_entry(ymd(2019, 9, 1))->school_year.first_day(), ymd(2025, 9, 1));
  EXPECT_FALSE(early_entry(ymd(2019, 9, 1))->needs_specialist_doctor);
}

TEST(EarlyEntry, JulyAndAugustBirthdaysHaveNone) {
  EXPECT_FALSE(early_entry(ymd(2020, 7, 1)).has_value());
  EXPECT_FALSE(early_entry(ymd(2019, 8, 31)).has_value());
}

TEST(EarlyEntry, IsOneYearBeforeTheRegularStartAndBeforeTheSixthBirthday) {
  for (Date birth = ymd(2018, 1, 1); birth <= ymd(2020, 12, 31); birth = birth.add_days(1)) {
    const auto e = early_entry(birth);
    if (!e) continue;
    ASSERT_EQ(e->school_year.start_year, zs_school_year(birth).start_year - 1) << birth.iso();
    // Not yet 6 on 31 August: a 1 September child is exactly 6 on the first school day.
    ASSERT_LT(age_on(birth, e->school_year.first_day().add_days(-1)), 6) << birth.iso();
    // The child reaches 6 by the end of June of that school year (§36(3)).
    ASSERT_GE(age_on(birth, ymd(e->school_year.start_year + 1, 6, 30)), 6) << birth.iso();
  }
}

TEST(CatchmentMs, RightFromTheSchoolYearAfterTheThirdBirthday) {
  EXPECT_EQ(catchment_ms_right_from(ymd(2022, 8, 31)), SchoolYear{2025});
  EXPECT_EQ(catchment_ms_right_from(ymd(2022, 9, 1)), SchoolYear{2026});
  EXPECT_TRUE(has_catchment_ms_right(ymd(2022, 8, 31), SchoolYear{2025}));
  EXPECT_FALSE(has_catchment_ms_right(ymd(2022, 9, 1), SchoolYear{2025}));
  EXPECT_TRUE(has_catchment_ms_right(ymd(2022, 9, 1), SchoolYear{2026}));
  EXPECT_TRUE(has_catchment_ms_right(ymd(2019, 1, 1), SchoolYear{2025}));
}

TEST(SchoolMilestones, CollectsEveryMilestone) {
  const auto m = school_milestones(ymd(2020, 3, 10));
  EXPECT_EQ(m.birth, ymd(2020, 3, 10));
  EXPECT_EQ(m.catchment_ms_right_from, SchoolYear{2023});
  EXPECT_EQ(m.compulsory_preschool_start, ymd(2025, 9, 1));
  EXPECT_EQ(m.zs_zapis_year, 2026);
  EXPECT_EQ(m.zs_start, ymd(2026, 9, 1));
  EXPECT_EQ(m.latest_zs_start_with_odklad, ymd(2027, 9, 1));
  ASSERT_TRUE(m.early_entry.has_value());
  EXPECT_EQ(m.early_entry->school_year, SchoolYear{2025});
  EXPECT_TRUE(m.early_entry->needs_specialist_doctor);
}

TEST(ZapisWindows, DefaultMsWindowIsMayUntil2025) {
  const auto table = default_zapis_windows();
  const auto w = find_zapis_window(table, SchoolLevel::ms, SchoolYear{2025});
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->from, ymd(2025, 5, 2));
  EXPECT_EQ(w->to, ymd(2025, 5, 16));
  EXPECT_EQ(find_zapis_window(table, SchoolLevel::ms, SchoolYear{2017})->from, ymd(2017, 5, 2));
}

TEST(ZapisWindows, DefaultMsWindowIsMarchToAprilFrom2026) {
  const auto table = default_zapis_windows();
  for (int year : {2026, 2027, kLastDefaultZapisYear}) {
    const auto w = find_zapis_window(table, SchoolLevel::ms, SchoolYear{year});
    ASSERT_TRUE(w.has_value()) << year;
    EXPECT_EQ(w->from, ymd(year, 3, 15));
    EXPECT_EQ(w->to, ymd(year, 4, 15));
  }
}

TEST(ZapisWindows, DefaultZsWindowIsAprilEveryYear) {
  const auto table = default_zapis_windows();
  for (int year = kFirstDefaultZapisYear; year <= kLastDefaultZapisYear; ++year) {
    const auto w = find_zapis_window(table, SchoolLevel::zs, SchoolYear{year});
    ASSERT_TRUE(w.has_value()) << year;
    EXPECT_EQ(w->level, SchoolLevel::zs);
    EXPECT_EQ(w->from, ymd(year, 4, 1));
    EXPECT_EQ(w->to, ymd(year, 4, 30));
  }
  EXPECT_EQ(table.size(), static_cast<std::size_t>(2 * (kLastDefaultZapisYear - kFirstDefaultZapisYear + 1)));
}

TEST(ZapisWindows, UnknownYearsHaveNoWindow) {
  const auto table = default_zapis_windows();
  EXPECT_FALSE(find_zapis_window(table, SchoolLevel::zs, SchoolYear{2016}).has_value());
  EXPECT_FALSE(find_zapis_window(table, SchoolLevel::ms, SchoolYear{kLastDefaultZapisYear + 1}).has_value());
  EXPECT_FALSE(find_zapis_window({}, SchoolLevel::ms, SchoolYear{2025}).has_value());
}

TEST(ZapisWindows, LookupUsesTheTableItIsGiven) {
  // A coordinator's edit (e.g. a city that runs ZŠ zápis on two April days) wins over the defaults.
  const std::vector<ZapisWindow> edited = {
      {SchoolLevel::zs, SchoolYear{2026}, ymd(2026, 4, 14), ymd(2026, 4, 15)},
      {SchoolLevel::ms, SchoolYear{2026}, ymd(2026, 3, 15), ymd(2026, 4, 15)},
  };
  const auto w = find_zapis_window(edited, SchoolLevel::zs, SchoolYear{2026});
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->from, ymd(2026, 4, 14));
  EXPECT_TRUE(w->contains(ymd(2026, 4, 15)));
  EXPECT_FALSE(w->contains(ymd(2026, 4, 13)));
  EXPECT_FALSE(w->contains(ymd(2026, 4, 16)));
}

TEST(ZapisWindows, ChildsZsWindowFollowsFromTheBirthDate) {
  const auto table = default_zapis_windows();
  const auto w = find_zapis_window(table, SchoolLevel::zs, zs_school_year(ymd(2019, 9, 1)));
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->from, ymd(2026, 4, 1));
}

TEST(ZapisWindows, DefaultTableIsValid) { EXPECT_TRUE(validate_zapis_table(default_zapis_windows()).ok()); }

TEST(ZapisWindows, ValidationRejectsBackwardsAndMisplacedWindows) {
  const auto backwards = validate_zapis_window({SchoolLevel::ms, SchoolYear{2026}, ymd(2026, 4, 15), ymd(2026, 3, 15)});
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().fields.at(0).field, "to");

  const auto after_start = validate_zapis_window({SchoolLevel::zs, SchoolYear{2026}, ymd(2026, 8, 20), ymd(2026, 9, 1)});
  ASSERT_FALSE(after_start.ok());
  EXPECT_EQ(after_start.error().fields.at(0).field, "to");

  const auto previous_year = validate_zapis_window({SchoolLevel::zs, SchoolYear{2026}, ymd(2025, 4, 1), ymd(2025, 4, 30)});
  ASSERT_FALSE(previous_year.ok());
  EXPECT_EQ(previous_year.error().fields.size(), 2u);

  EXPECT_TRUE(validate_zapis_window({SchoolLevel::zs, SchoolYear{2026}, ymd(2026, 4, 1), ymd(2026, 4, 1)}).ok());
}

TEST(ZapisWindows, TableValidationRejectsDuplicates) {
  const std::vector<ZapisWindow> table = {
      {SchoolLevel::zs, SchoolYear{2026}, ymd(2026, 4, 1), ymd(2026, 4, 30)},
      {SchoolLevel::ms, SchoolYear{2026}, ymd(2026, 3, 15), ymd(2026, 4, 15)},
      {SchoolLevel::zs, SchoolYear{2026}, ymd(2026, 4, 10), ymd(2026, 4, 11)},
  };
  const auto r = validate_zapis_table(table);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "school_year");
}

TEST(SchoolLevel, HasStableWireNames) {
  EXPECT_EQ(wire_name(SchoolLevel::ms), "ms");
  EXPECT_EQ(wire_name(SchoolLevel::zs), "zs");
}

}  // namespace
}  // namespace kredo::rules
