// Admission simulation: children with a location, a group and a random-utility choice model apply to
// schools; each lottery draw is assigned by several mechanisms and scored (M, H, D, first choices,
// distance, composition), and the spread over draws is reported.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace kredo::analytics {

struct SimSchool {
  std::string id;
  double x = 0;  // km
  double y = 0;  // km
  int capacity = 0;
  double quality = 0;         // reputation, in utility units
  double minority_share = 0;  // share families believe the school has (drives composition preferences)
};

struct SimChild {
  double x = 0;
  double y = 0;
  std::uint32_t group = 0;      // index into Scenario::groups
  std::uint32_t catchment = 0;  // index into Scenario::schools (spádová škola: guaranteed priority)
};

// Utility of school s for a child of this group: -distance_decay * km + quality_weight * quality
// + composition_weight * minority_share + Gumbel(noise) noise.
struct GroupChoiceModel {
  std::string name;
  double distance_decay = 1.0;
  double quality_weight = 1.0;
  double composition_weight = 0.0;
};

enum class SimMechanism { catchment, boston, da, da_reserves, controlled_choice };
const char* sim_mechanism_name(SimMechanism m);

struct Scenario {
  std::string name;
  std::vector<SimSchool> schools;
  std::vector<SimChild> children;
  std::vector<GroupChoiceModel> groups;
  std::uint32_t minority = 1;  // index into groups
  int list_length = 3;         // schools a family ranks
  bool catchment_fallback = true;  // the catchment school is appended to every list that lacks it
  double noise = 1.0;              // Gumbel scale
  double reserve_share = 0.05;     // da_reserves: ceil(share * capacity) seats reserved for the minority
  double floor_share = 0.02;       // controlled_choice: minority floor = floor(share * capacity)
  double ceiling_share = 0.15;     // controlled_choice: minority ceiling = ceil(share * capacity)
  std::vector<SimMechanism> mechanisms{SimMechanism::catchment, SimMechanism::boston, SimMechanism::da,
                                       SimMechanism::da_reserves, SimMechanism::controlled_choice};
};

// Scenario file <-> Scenario. Errors name the field (and the school or child index).
Result<Scenario> parse_scenario(std::string_view json_text);
nlohmann::ordered_json scenario_to_json(const Scenario& scenario);

// A Brno-like city: about 4,300 first-graders, 80 schools on a 16 x 14 km area, a minority of 3-5 %
// living in a few clusters near the centre (as Zábrdovice / Husovice), catchments = nearest school,
// capacities in classes of 25 with some slack, weaker reputation where the catchment is segregated.
Scenario generate_brno(std::uint64_t seed);

struct Spread {
  double mean = 0;
  double sd = 0;
  double p5 = 0;
  double p50 = 0;
  double p95 = 0;
};

struct SchoolOutcome {
  std::string id;
  int capacity = 0;
  Spread enrolled;
  Spread minority_share;  // over draws in which the school enrolled anyone
};

struct MechanismOutcome {
  SimMechanism mechanism = SimMechanism::da;
  Spread m;
  Spread h;
  Spread d;
  Spread first_choice_share;  // of all children
  Spread unassigned;
  Spread mean_distance_km;
  Spread p90_distance_km;
  Spread schools_over_third;  // schools whose minority share exceeds 1/3 (the state's threshold)
  std::vector<SchoolOutcome> schools;
};

struct SimulationResult {
  int draws = 0;
  std::uint64_t seed = 0;
  std::vector<MechanismOutcome> mechanisms;
};

struct SimulationOptions {
  int draws = 100;
  std::uint64_t seed = 1;
  int threads = 1;
  // Called after each finished draw with the number finished so far, from worker threads.
  std::function<void(int)> progress;
};

// Draw d uses its own generator seeded from (seed, d): results do not depend on the thread count.
Result<SimulationResult> simulate(const Scenario& scenario, const SimulationOptions& options);

nlohmann::ordered_json simulation_to_json(const Scenario& scenario, const SimulationResult& result);

}  // namespace kredo::analytics
