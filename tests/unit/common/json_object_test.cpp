// append_unique_key builds the same ordered object operator[] would, in insertion order.
#include "common/json_object.hpp"

#include <gtest/gtest.h>

namespace kredo {
namespace {

TEST(AppendUniqueKey, KeepsInsertionOrderAndLookups) {
  nlohmann::ordered_json object;
  append_unique_key(object, "zs2", 1);
  append_unique_key(object, "zs1", nullptr);
  append_unique_key(object, "a", nlohmann::ordered_json{{"x", 1}});
  EXPECT_TRUE(object.is_object());
  EXPECT_EQ(object.dump(), R"({"zs2":1,"zs1":null,"a":{"x":1}})");
  EXPECT_EQ(object["a"]["x"], 1);
  EXPECT_EQ(object.size(), 3u);
}

}  // namespace
}  // namespace kredo
