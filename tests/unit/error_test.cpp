#include <gtest/gtest.h>

#include "common/error.hpp"

namespace kredo {

TEST(ErrorCode, WireNamesAreStable) {
  EXPECT_STREQ(wire_name(ErrorCode::validation_failed), "validation_failed");
  EXPECT_STREQ(wire_name(ErrorCode::payload_too_large), "payload_too_large");
}

TEST(Result, CarriesValueOrError) {
  Result<int> ok = 5;
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 5);
  Result<int> bad = Error::field("birth_date", "in the future");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "birth_date");
}

}  // namespace kredo
