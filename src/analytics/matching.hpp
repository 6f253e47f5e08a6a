// School-choice matching mechanisms on an integer-coded problem: student-proposing deferred
// acceptance (plain, with minority reserves, with soft bounds), top trading cycles, Boston.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace kredo::analytics {

// The problem as the input file states it (string ids).
struct MatchingSchoolInput {
  std::string id;
  int capacity = 0;
  // Priority classes, highest first; a strict list is classes of one. Students in none are unacceptable.
  std::vector<std::vector<std::string>> priority_groups;
  int reserve = 0;  // seats reserved for the minority group (da_reserves)
  std::map<std::string, std::pair<int, int>> bounds;  // group -> [floor, ceiling] (da_soft_bounds)
};
struct MatchingStudentInput {
  std::string id;
  std::vector<std::string> preferences;  // school ids, best first
  std::string group;                     // "" when not given
};
struct MatchingInput {
  std::vector<MatchingSchoolInput> schools;
  std::vector<MatchingStudentInput> students;
  std::string minority_group = "minority";
};

enum class Mechanism { deferred_acceptance, top_trading_cycles, boston, da_reserves, da_soft_bounds };
const char* mechanism_name(Mechanism m);
Result<Mechanism> parse_mechanism(std::string_view name);

inline constexpr std::uint64_t kUnacceptable = std::numeric_limits<std::uint64_t>::max();
inline constexpr std::int32_t kUnassigned = -1;

// Integer ids (input order). Lower rank = higher priority; ties in priority classes are broken by one
// lottery over all students (single tie-breaking), so ranks are strict within a school.
struct MatchingProblem {
  std::uint32_t n_students = 0;
  std::uint32_t n_schools = 0;
  std::vector<int> capacity;
  // Student i's preferences are pref_school[pref_offset[i] .. pref_offset[i+1]); pref_rank holds
  // her rank at that school, kUnacceptable if the school does not list her.
  std::vector<std::uint32_t> pref_offset;
  std::vector<std::uint32_t> pref_school;
  std::vector<std::uint64_t> pref_rank;
  // School s's acceptable students, best first: prio_student[prio_offset[s] .. prio_offset[s+1]).
  std::vector<std::uint32_t> prio_offset;
  std::vector<std::uint32_t> prio_student;
  // Student types for reserves and bounds: type 0 is "no group"; type_names[0] = "".
  std::vector<std::uint32_t> student_type;
  std::vector<std::string> type_names;
  // Per school x type (row-major, n_types wide): soft floor and ceiling; reserve per school.
  std::vector<int> floor;
  std::vector<int> ceiling;
  std::vector<int> reserve;
  std::uint32_t minority_type = 0;  // 0 when nobody is in the minority group

  std::uint32_t n_types() const { return static_cast<std::uint32_t>(type_names.size()); }
};

// Validates ids (unknown, duplicate), capacities, reserves and bounds; draws the lottery from seed.
Result<MatchingProblem> build_problem(const MatchingInput& input, std::uint64_t seed);

struct Matching {
  std::vector<std::int32_t> school_of;  // per student, kUnassigned if none
  int rounds = 0;
};

// Student-proposing DA in rounds (all free students propose at once); each school keeps its best
// `capacity` proposers. The student-optimal stable matching.
Matching deferred_acceptance(const MatchingProblem& problem);
// Abdulkadiroglu-Sonmez TTC: students point to their best remaining school that accepts them, schools
// to their best remaining acceptable student; every cycle trades; a round clears all current cycles.
Matching top_trading_cycles(const MatchingProblem& problem);
// Immediate acceptance: in round k every unassigned student applies to her k-th choice and schools
// accept by priority into their remaining seats, for good.
Matching boston(const MatchingProblem& problem);
// DA where school s chooses from its proposers: first minority students by priority up to reserve[s],
// then anyone by priority (Hafalir-Yenmez-Yildirim 2013).
Matching da_minority_reserves(const MatchingProblem& problem);
// DA with soft bounds (Ehlers-Hafalir-Yenmez-Yildirim 2014): school s chooses by priority, first those
// whose type is below its floor, then those whose type is below its ceiling, then anyone, to capacity.
Matching da_soft_bounds(const MatchingProblem& problem);
// DA with an explicit floors/ceilings choice rule (n_schools x n_types each); the two above use it.
Matching da_with_bounds(const MatchingProblem& problem, const std::vector<int>& floor, const std::vector<int>& ceiling);

Matching run_mechanism(const MatchingProblem& problem, Mechanism mechanism);

// A uniform integer in [0, n) from the generator, identical on every platform (rejection sampling).
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t n);

}  // namespace kredo::analytics
