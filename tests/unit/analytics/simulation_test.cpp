// The admission simulation: the Brno generator, the scenario format, determinism across threads,
// and hand-checkable toy cities where each mechanism's outcome is known.
#include "analytics/simulation.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kredo::analytics {
namespace {

TEST(GenerateBrno, MatchesTheBriefAndIsReproducible) {
  const auto sc = generate_brno(7);
  EXPECT_EQ(sc.schools.size(), 80u);
  EXPECT_EQ(sc.children.size(), 4300u);
  std::size_t minority = 0;
  std::vector<int> in_catchment(sc.schools.size(), 0);
  for (const auto& c : sc.children) {
    minority += c.group == sc.minority;
    ++in_catchment[c.catchment];
    // Catchment is the nearest school.
    const double d = std::hypot(c.x - sc.schools[c.catchment].x, c.y - sc.schools[c.catchment].y);
    for (const auto& s : sc.schools) ASSERT_LE(d, std::hypot(c.x - s.x, c.y - s.y) + 1e-12);
  }
  const double share = static_cast<double>(minority) / static_cast<double>(sc.children.size());
  EXPECT_GE(share, 0.03 - 1e-3);
  EXPECT_LE(share, 0.05 + 1e-3);
  for (std::size_t s = 0; s < sc.schools.size(); ++s) {
    EXPECT_GE(sc.schools[s].capacity, in_catchment[s]);
    EXPECT_EQ(sc.schools[s].capacity % 25, 0);
  }
  EXPECT_EQ(scenario_to_json(generate_brno(7)).dump(), scenario_to_json(sc).dump());
  EXPECT_NE(scenario_to_json(generate_brno(8)).dump(), scenario_to_json(sc).dump());
}

TEST(GenerateBrno, MinorityIsClustered) {
  // Clustered: the minority's catchments are few; H of group x catchment is far above 0.
  const auto sc = generate_brno(3);
  std::vector<int> minority_per_school(sc.schools.size(), 0);
  for (const auto& c : sc.children) {
    if (c.group == sc.minority) ++minority_per_school[c.catchment];
  }
  int schools_with_minority = 0;
  for (int n : minority_per_school) schools_with_minority += n > 0;
  EXPECT_LT(schools_with_minority, 20);
}

TEST(Scenario, RoundTripsThroughJson) {
  const auto sc = generate_brno(11);
  auto back = parse_scenario(scenario_to_json(sc).dump());
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->children.size(), sc.children.size());
  ASSERT_EQ(back->schools.size(), sc.schools.size());
  EXPECT_EQ(back->groups[back->minority].name, "roma");
  for (std::size_t i = 0; i < sc.children.size(); ++i) {
    EXPECT_EQ(back->children[i].group, sc.children[i].group);
    EXPECT_EQ(back->children[i].catchment, sc.children[i].catchment);
  }
  EXPECT_EQ(back->mechanisms, sc.mechanisms);
  EXPECT_EQ(scenario_to_json(*back).dump(), scenario_to_json(sc).dump());
}

std::string toy_json(const std::string& extra = "") {
  // School A at 0, B at 10 km. Two majority children live at B, two minority children at A.
  return R"({"name": "toy", "minority_group": "roma",
    "groups": [{"name": "majority", "distance_decay": 0.1, "quality_weight": 0, "composition_weight": -100},
               {"name": "roma", "distance_decay": 1, "quality_weight": 0, "composition_weight": 0}],
    "noise": 0, "list_length": 2, "reserve_share": 0, "floor_share": 0, "ceiling_share": 0.5,)" +
         extra + R"(
    "schools": [{"id": "A", "x": 0, "y": 0, "capacity": 2, "minority_share": 0},
                {"id": "B", "x": 10, "y": 0, "capacity": 2, "minority_share": 1}],
    "children": [{"x": 10, "y": 0, "group": "majority"}, {"x": 10, "y": 0, "group": "majority"},
                 {"x": 0, "y": 0, "group": "roma"}, {"x": 0, "y": 0, "group": "roma"}]})";
}

const MechanismOutcome& outcome(const SimulationResult& r, SimMechanism m) {
  for (const auto& o : r.mechanisms) {
    if (o.mechanism == m) return o;
  }
  ADD_FAILURE() << "mechanism missing";
  return r.mechanisms.front();
}

TEST(Simulate, ToyCityOutcomesByHand) {
  auto sc = parse_scenario(toy_json());
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  EXPECT_EQ(sc->children[0].catchment, 1u);  // nearest school
  auto r = simulate(*sc, SimulationOptions{20, 5, 1, nullptr});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->mechanisms.size(), 5u);
  // Everybody wants A; catchment priority keeps the roma children there: complete segregation.
  for (auto m : {SimMechanism::catchment, SimMechanism::boston, SimMechanism::da, SimMechanism::da_reserves}) {
    const auto& o = outcome(*r, m);
    EXPECT_NEAR(o.m.mean, std::log(2.0), 1e-12) << sim_mechanism_name(m);
    EXPECT_NEAR(o.h.mean, 1.0, 1e-12);
    EXPECT_NEAR(o.d.mean, 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(o.m.sd, 0.0);
    EXPECT_DOUBLE_EQ(o.unassigned.mean, 0.0);
    EXPECT_DOUBLE_EQ(o.first_choice_share.mean, 0.5);  // the roma children get A, the others B
    EXPECT_DOUBLE_EQ(o.mean_distance_km.mean, 0.0);
    EXPECT_DOUBLE_EQ(o.schools_over_third.mean, 1.0);  // A is all roma, B has none
  }
  // Controlled choice caps roma at 1 of A's 2 seats: one child of each group in each school.
  const auto& cc = outcome(*r, SimMechanism::controlled_choice);
  EXPECT_NEAR(cc.m.mean, 0.0, 1e-12);
  EXPECT_NEAR(cc.d.mean, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(cc.unassigned.mean, 0.0);
  EXPECT_DOUBLE_EQ(cc.mean_distance_km.mean, 5.0);
  EXPECT_DOUBLE_EQ(cc.first_choice_share.mean, 0.5);
  ASSERT_EQ(cc.schools.size(), 2u);
  EXPECT_DOUBLE_EQ(cc.schools[0].minority_share.mean, 0.5);
  EXPECT_DOUBLE_EQ(cc.schools[1].enrolled.mean, 2.0);
}

TEST(Simulate, UnassignedChildrenAreCountedAndLeftOutOfTheIndices) {
  // B has one seat: one majority child cannot be placed anywhere (A is full of its catchment).
  auto text = toy_json();
  text.replace(text.find(R"("capacity": 2, "minority_share": 1)"), 34, R"("capacity": 1, "minority_share": 1)");
  auto sc = parse_scenario(text);
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  sc->mechanisms = {SimMechanism::catchment, SimMechanism::da};
  auto r = simulate(*sc, SimulationOptions{10, 1, 1, nullptr});
  ASSERT_TRUE(r.ok());
  for (const auto& o : r->mechanisms) {
    EXPECT_DOUBLE_EQ(o.unassigned.mean, 1.0);
    EXPECT_NEAR(o.d.mean, 1.0, 1e-12);  // 2 roma in A, 1 majority in B
    EXPECT_NEAR(o.m.mean, -(2.0 / 3) * std::log(2.0 / 3) - (1.0 / 3) * std::log(1.0 / 3), 1e-12);
  }
}

TEST(Simulate, ResultsDoNotDependOnThreadsAndFollowTheSeed) {
  const auto sc = generate_brno(2);
  auto one = simulate(sc, SimulationOptions{12, 9, 1, nullptr});
  auto two = simulate(sc, SimulationOptions{12, 9, 2, nullptr});
  auto other = simulate(sc, SimulationOptions{12, 10, 2, nullptr});
  ASSERT_TRUE(one.ok() && two.ok() && other.ok());
  EXPECT_EQ(simulation_to_json(sc, *one).dump(), simulation_to_json(sc, *two).dump());
  EXPECT_NE(simulation_to_json(sc, *one).dump(), simulation_to_json(sc, *other).dump());
}

TEST(Simulate, ReportsProgressForEveryDraw) {
  const auto sc = generate_brno(2);
  std::atomic<int> calls{0};
  std::atomic<int> max_done{0};
  SimulationOptions options{8, 1, 2, [&](int done) {
                              ++calls;
                              int seen = max_done.load();
                              while (done > seen && !max_done.compare_exchange_weak(seen, done)) {
                              }
                            }};
  ASSERT_TRUE(simulate(sc, options).ok());
  EXPECT_EQ(calls.load(), 8);
  EXPECT_EQ(max_done.load(), 8);
}

TEST(Simulate, ChoiceProbabilitiesFollowTheLogitModel) {
  // 200 identical children at equal distance; quality log 3 vs 0 with noise 1: P(first = A) = 3/4.
  std::string children;
  for (int i = 0; i < 200; ++i) children += std::string(i ? "," : "") + R"({"x": 5, "y": 0, "group": "majority"})";
  const std::string text = R"({"groups": [{"name": "majority", "distance_decay": 1, "quality_weight": 1},
    {"name": "minority"}], "noise": 1, "list_length": 1, "mechanisms": ["catchment"],
    "schools": [{"id": "A", "x": 0, "y": 0, "capacity": 200, "quality": )" +
                           std::to_string(std::log(3.0)) + R"(}, {"id": "B", "x": 10, "y": 0, "capacity": 200}],
    "children": [)" + children + "]}";
  auto sc = parse_scenario(text);
  ASSERT_TRUE(sc.ok()) << sc.error().message;
  auto r = simulate(*sc, SimulationOptions{200, 4, 2, nullptr});
  ASSERT_TRUE(r.ok());
  // Catchment (tie -> A) puts everyone in A, so the first-choice share is the share ranking A first.
  EXPECT_NEAR(r->mechanisms[0].first_choice_share.mean, 0.75, 0.01);
  EXPECT_TRUE(std::isnan(r->mechanisms[0].m.mean));  // one group only: M is undefined, reported as null
  const auto j = simulation_to_json(*sc, *r);
  EXPECT_TRUE(j["mechanisms"][0]["M"]["mean"].is_null());
}

TEST(Scenario, BadInputNamesTheField) {
  auto error_of = [](const std::string& text) {
    auto r = parse_scenario(text);
    return r.ok() ? std::string("accepted") : r.error().message;
  };
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of("{").find("malformed JSON"), std::string::npos);
  EXPECT_NE(error_of(R"({"groups": [], "schools": [], "children": [], "noise": -1e400})").find("malformed JSON"),
            std::string::npos);  // out_of_range, not parse_error (as match_input_fuzz found for the match reader)
  EXPECT_NE(error_of(R"({"groups": [], "schools": []})").find("'children'"), std::string::npos);
  auto base = toy_json();
  auto with = [&](const std::string& from, const std::string& to) {
    auto t = base;
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    return error_of(t);
  };
  EXPECT_NE(with(R"("minority_group": "roma")", R"("minority_group": "sinti")").find("'sinti'"), std::string::npos);
  EXPECT_NE(with(R"("group": "roma"})", R"("group": "martian"})").find("unknown group 'martian'"), std::string::npos);
  EXPECT_NE(with(R"("id": "B", "x": 10,)", R"("id": "A", "x": 10,)").find("duplicate school id 'A'"), std::string::npos);
  EXPECT_NE(with(R"("capacity": 2, "minority_share": 0})", R"("capacity": -2, "minority_share": 0})").find("school 'A': capacity"),
            std::string::npos);
  EXPECT_NE(with(R"("ceiling_share": 0.5,)", R"("ceiling_share": 1.5,)").find("ceiling_share"), std::string::npos);
  EXPECT_NE(with(R"("list_length": 2,)", R"("list_length": 0,)").find("list_length"), std::string::npos);
  EXPECT_NE(with(R"("noise": 0,)", R"("noise": "loud",)").find("'noise'"), std::string::npos);
  EXPECT_NE(with(R"({"x": 10, "y": 0, "group": "majority"},)", R"({"y": 0, "group": "majority"},)").find("children[0]: missing field 'x'"),
            std::string::npos);
  EXPECT_NE(with(R"("toy",)", R"("toy", "mechanisms": ["lottery"],)").find("unknown mechanism 'lottery'"), std::string::npos);
  EXPECT_NE(with(R"({"x": 10, "y": 0, "group": "majority"},)", R"({"x": 10, "y": 0, "group": "majority", "catchment": "Z"},)")
                .find("unknown catchment school 'Z'"),
            std::string::npos);
}

TEST(Simulate, RejectsBadOptions) {
  const auto sc = generate_brno(1);
  EXPECT_FALSE(simulate(sc, SimulationOptions{0, 1, 1, nullptr}).ok());
  EXPECT_FALSE(simulate(sc, SimulationOptions{1, 1, 0, nullptr}).ok());
}

}  // namespace
}  // namespace kredo::analytics
