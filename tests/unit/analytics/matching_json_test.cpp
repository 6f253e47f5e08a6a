// Parsing `kredo match` input and rendering its answer.
#include "analytics/matching_json.hpp"

#include <gtest/gtest.h>

namespace kredo::analytics {
namespace {

std::string matching_error_of(std::string_view text) {
  auto r = parse_matching_input(text);
  if (r.ok()) {
    auto p = build_problem(*r, 1);
    if (p.ok()) {
      ADD_FAILURE() << "accepted: " << text;
      return "";
    }
    return p.error().message;
  }
  return r.error().message;
}

TEST(MatchingJson, ParsesBothPriorityFormsGroupsReservesAndBounds) {
  auto in = parse_matching_input(R"({
    "minority_group": "roma",
    "schools": [
      {"id": "zs1", "capacity": 2, "priority": ["a", "b"], "reserve": 1},
      {"id": 7, "capacity": 1, "priority_groups": [["b"], ["a", "c"]], "bounds": {"roma": [0, 1]}}],
    "students": [
      {"id": "a", "preferences": ["zs1", 7], "group": "roma"},
      {"id": "b", "preferences": [7]},
      {"id": "c", "preferences": [], "group": null}]})");
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->minority_group, "roma");
  ASSERT_EQ(in->schools.size(), 2u);
  EXPECT_EQ(in->schools[0].priority_groups, (std::vector<std::vector<std::string>>{{"a"}, {"b"}}));
  EXPECT_EQ(in->schools[0].reserve, 1);
  EXPECT_EQ(in->schools[1].id, "7");
  EXPECT_EQ(in->schools[1].priority_groups, (std::vector<std::vector<std::string>>{{"b"}, {"a", "c"}}));
  EXPECT_EQ(in->schools[1].bounds.at("roma"), (std::pair<int, int>{0, 1}));
  EXPECT_EQ(in->students[0].preferences, (std::vector<std::string>{"zs1", "7"}));
  EXPECT_EQ(in->students[0].group, "roma");
  EXPECT_EQ(in->students[2].group, "");
  auto p = build_problem(*in, 3);
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto m = deferred_acceptance(*p);
  const auto j = matching_to_json(*in, m, Mechanism::deferred_acceptance);
  EXPECT_EQ(j["mechanism"], "da");
  EXPECT_EQ(j["assignment"]["a"], "zs1");
  EXPECT_EQ(j["assignment"]["b"], "7");
  EXPECT_TRUE(j["assignment"]["c"].is_null());
  EXPECT_EQ(j["unassigned"], nlohmann::ordered_json::array({"c"}));
  EXPECT_EQ(j["rounds"], 1);
}

TEST(MatchingJson, BadInputNamesTheProblem) {
  EXPECT_NE(matching_error_of("").find("empty"), std::string::npos);
  EXPECT_NE(matching_error_of("  \n").find("empty"), std::string::npos);
  EXPECT_NE(matching_error_of("{\"schools\": [").find("malformed JSON"), std::string::npos);
  // Found by match_input_fuzz: nlohmann throws out_of_range (not parse_error) for a number beyond a double.
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": 1e999, "priority": []}], "students": []})").find("malformed JSON"),
            std::string::npos);
  EXPECT_NE(matching_error_of("[]").find("JSON object"), std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": []})").find("'students'"), std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"capacity": 1, "priority": []}], "students": []})").find("schools[0]: missing field 'id'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "priority": []}], "students": []})").find("school 's': missing field 'capacity'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": -2, "priority": []}], "students": []})").find("school 's': capacity"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": 1.5, "priority": []}], "students": []})").find("integer"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": 1}], "students": []})").find("exactly one of"), std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": 1, "priority": ["x"]}], "students": []})").find("unknown student 'x'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": 1, "priority": []}, {"id": "s", "capacity": 1, "priority": []}],
                         "students": []})")
                .find("duplicate school id 's'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [], "students": [{"id": "a", "preferences": []}, {"id": "a", "preferences": []}]})")
                .find("duplicate student id 'a'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [], "students": [{"id": "a", "preferences": ["nowhere"]}]})").find("unknown school 'nowhere'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [], "students": [{"id": "a"}]})").find("student 'a': missing field 'preferences'"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [], "students": [{"id": ""}]})").find("id is empty"), std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [], "students": [{"id": true, "preferences": []}]})").find("string or an integer"),
            std::string::npos);
  EXPECT_NE(matching_error_of(R"({"schools": [{"id": "s", "capacity": 1, "priority": [], "bounds": {"r": [1]}}], "students": []})")
                .find("[floor, ceiling]"),
            std::string::npos);
}

}  // namespace
}  // namespace kredo::analytics
