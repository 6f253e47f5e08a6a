// Pure school rules: the segregation label on an estimated share, thresholds, identifiers.
#include <gtest/gtest.h>

#include "domain/schools.hpp"

namespace kredo::domain {
namespace {

TEST(SegregationStatus, UsesTheStatesThreeThresholdsByDefault) {
  const SegregationThresholds t;
  EXPECT_EQ(segregation_status(std::nullopt, t), "unknown");
  EXPECT_EQ(segregation_status(0.0, t), "below_thresholds");
  EXPECT_EQ(segregation_status(1.0 / 3.0, t), "below_thresholds") << "exactly a third is not more than a third";
  EXPECT_EQ(segregation_status(0.34, t), "more_than_third");
  EXPECT_EQ(segregation_status(0.5, t), "more_than_third") << "exactly half is not more than half";
  EXPECT_EQ(segregation_status(0.51, t), "more_than_half");
  EXPECT_EQ(segregation_status(0.8999, t), "more_than_half");
  EXPECT_EQ(segregation_status(0.9, t), "almost_all");
  EXPECT_EQ(segregation_status(1.0, t), "almost_all");
}

TEST(SegregationStatus, FollowsConfiguredThresholds) {
  const SegregationThresholds t{0.2, 0.4, 0.8};
  EXPECT_EQ(segregation_status(0.25, t), "more_than_third");
  EXPECT_EQ(segregation_status(0.45, t), "more_than_half");
  EXPECT_EQ(segregation_status(0.85, t), "almost_all");
}

TEST(SegregationThresholdsValidation, MustBeIncreasingFractions) {
  EXPECT_TRUE(validate_thresholds({}).ok());
  EXPECT_FALSE(validate_thresholds({0.5, 0.4, 0.9}).ok());
  EXPECT_FALSE(validate_thresholds({0.0, 0.4, 0.9}).ok());
  EXPECT_FALSE(validate_thresholds({0.3, 0.5, 1.1}).ok());
}

TEST(SchoolIdentifiers, IzoAndIco) {
  EXPECT_TRUE(is_valid_izo("900000001"));
  EXPECT_TRUE(is_valid_izo("102345"));
  EXPECT_FALSE(is_valid_izo("12345"));
  EXPECT_FALSE(is_valid_izo("1234567890"));
  EXPECT_FALSE(is_valid_izo("90000X005"));
  EXPECT_TRUE(is_valid_ico("44992785"));
  EXPECT_FALSE(is_valid_ico("4499278"));
}

TEST(SchoolTypes, LevelFollowsType) {
  EXPECT_TRUE(is_school_type("zs_16_9"));
  EXPECT_FALSE(is_school_type("gymnazium"));
  EXPECT_EQ(level_of_school_type("ms"), "ms");
  EXPECT_EQ(level_of_school_type("zs_16_9"), "zs");
  EXPECT_EQ(level_of_school_type("preparatory_class"), "zs");
}

}  // namespace
}  // namespace kredo::domain
