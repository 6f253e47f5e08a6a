// Specification of the supported-person rule: strictly more than a configurable threshold.
#include <gtest/gtest.h>

#include "rules/supported_person.hpp"

namespace kredo::rules {
namespace {

TEST(SupportedPerson, DefaultThresholdIsFortyHours) {
  EXPECT_EQ(SupportedPersonRule{}.threshold_minutes, 2400);
}

TEST(SupportedPerson, ExactlyFortyHoursIsNotYetSupported) {
  EXPECT_FALSE(is_supported_person(40 * 60));
  EXPECT_TRUE(is_supported_person(40 * 60 + 1));
  EXPECT_FALSE(is_supported_person(0));
  EXPECT_TRUE(is_supported_person(100 * 60));
}

TEST(SupportedPerson, ThresholdIsConfigurable) {
  const SupportedPersonRule twenty{20 * 60};
  EXPECT_TRUE(is_supported_person(20 * 60 + 30, twenty));
  EXPECT_FALSE(is_supported_person(20 * 60 + 30));
  const SupportedPersonRule any_support{0};
  EXPECT_TRUE(is_supported_person(1, any_support));
  EXPECT_FALSE(is_supported_person(0, any_support));
}

TEST(SupportedPerson, NegativeTotalsNeverCount) {
  EXPECT_FALSE(is_supported_person(-5000));
  EXPECT_FALSE(is_supported_person(-1, SupportedPersonRule{-10}));
}

TEST(SupportedPerson, MinutesUntilSupportedCountsDownToZero) {
  EXPECT_EQ(minutes_until_supported(0), 2401);
  EXPECT_EQ(minutes_until_supported(2400), 1);
  EXPECT_EQ(minutes_until_supported(2401), 0);
  EXPECT_EQ(minutes_until_supported(5000), 0);
  EXPECT_EQ(minutes_until_supported(-30), 2401);
  EXPECT_EQ(minutes_until_supported(600, SupportedPersonRule{900}), 301);
}

TEST(SupportedPerson, RuleValidationRejectsNegativeThreshold) {
  EXPECT_TRUE(validate_supported_person_rule({}).ok());
  EXPECT_TRUE(validate_supported_person_rule(SupportedPersonRule{0}).ok());
  const auto bad = validate_supported_person_rule(SupportedPersonRule{-1});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "threshold_minutes");
}

}  // namespace
}  // namespace kredo::rules
