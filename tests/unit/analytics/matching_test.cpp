// Matching mechanisms: a textbook example per mechanism, then properties checked by brute force on
// many random small instances (stability and student-optimality of DA, Pareto efficiency of TTC,
// stability and non-wastefulness of the reserve and soft-bound variants, Boston's round logic).
#include "analytics/matching.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace kredo::analytics {
namespace {

// prefix + n (spelled out: g++ 12 warns falsely on "literal" + std::to_string under -O3).
std::string numbered(const char* prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

MatchingSchoolInput strict_school(std::string id, int cap, std::vector<std::string> priority) {
  MatchingSchoolInput s;
  s.id = std::move(id);
  s.capacity = cap;
  for (auto& p : priority) s.priority_groups.push_back({std::move(p)});
  return s;
}

MatchingProblem build(const MatchingInput& input, std::uint64_t seed = 1) {
  auto p = build_problem(input, seed);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? std::move(p).value() : MatchingProblem{};
}

// Abdulkadiroglu-Sonmez style example where DA is not Pareto efficient and TTC is.
MatchingInput textbook() {
  MatchingInput in;
  in.schools = {strict_school("s1", 1, {"i1", "i3", "i2"}), strict_school("s2", 1, {"i2", "i1", "i3"}),
                strict_school("s3", 1, {"i3", "i1", "i2"})};
  in.students = {{"i1", {"s2", "s1", "s3"}, ""}, {"i2", {"s1", "s2", "s3"}, ""}, {"i3", {"s1", "s2", "s3"}, ""}};
  return in;
}

TEST(DeferredAcceptance, TextbookExample) {
  const auto m = deferred_acceptance(build(textbook()));
  EXPECT_EQ(m.school_of, (std::vector<std::int32_t>{0, 1, 2}));
  EXPECT_EQ(m.rounds, 5);
}

TEST(TopTradingCycles, TextbookExampleTradesPriorities) {
  const auto m = top_trading_cycles(build(textbook()));
  EXPECT_EQ(m.school_of, (std::vector<std::int32_t>{1, 0, 2}));
  EXPECT_EQ(m.rounds, 2);
}

TEST(Boston, TextbookExample) {
  const auto m = boston(build(textbook()));
  EXPECT_EQ(m.school_of, (std::vector<std::int32_t>{1, 2, 0}));
  EXPECT_EQ(m.rounds, 3);
}

TEST(MinorityReserves, ReservedSeatGoesToTheMinorityApplicant) {
  MatchingInput in;
  in.schools = {strict_school("good", 2, {"a", "b", "r"}), strict_school("other", 3, {"a", "b", "r"})};
  in.schools[0].reserve = 1;
  in.students = {{"a", {"good", "other"}, "majority"}, {"b", {"good", "other"}, "majority"}, {"r", {"good", "other"}, "minority"}};
  const auto p = build(in);
  EXPECT_EQ(deferred_acceptance(p).school_of, (std::vector<std::int32_t>{0, 0, 1}));
  EXPECT_EQ(da_minority_reserves(p).school_of, (std::vector<std::int32_t>{0, 1, 0}));
  // Without minority applicants the reserved seat is not wasted.
  in.students[2].group = "majority";
  EXPECT_EQ(da_minority_reserves(build(in)).school_of, (std::vector<std::int32_t>{0, 0, 1}));
  // The minority group's name is configurable.
  in.students[2].group = "roma";
  in.minority_group = "roma";
  EXPECT_EQ(da_minority_reserves(build(in)).school_of, (std::vector<std::int32_t>{0, 1, 0}));
}

TEST(SoftBounds, FloorsFirstThenCeilingsThenAnyone) {
  MatchingInput in;
  in.schools = {strict_school("s", 3, {"m1", "m2", "m3", "r1", "r2"})};
  in.schools[0].bounds = {{"roma", {1, 3}}, {"other", {0, 1}}};
  in.students = {{"m1", {"s"}, "other"}, {"m2", {"s"}, "other"}, {"m3", {"s"}, "other"},
                 {"r1", {"s"}, "roma"}, {"r2", {"s"}, "roma"}};
  // Floor: r1. Ceilings: m1 (other <= 1), r2 (roma <= 3). Full: m2, m3 rejected.
  EXPECT_EQ(da_soft_bounds(build(in)).school_of, (std::vector<std::int32_t>{0, -1, -1, 0, 0}));
  // Ceilings are soft: without enough roma applicants the seats go to others.
  in.students.resize(4);
  in.schools[0].priority_groups.resize(4);
  EXPECT_EQ(da_soft_bounds(build(in)).school_of, (std::vector<std::int32_t>{0, 0, -1, 0}));
}

TEST(Lottery, OneDrawBreaksTiesTheSameWayAtEverySchool) {
  MatchingInput in;
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(numbered("st", i));
  for (const char* s : {"x", "y"}) {
    MatchingSchoolInput school;
    school.id = s;
    school.capacity = 5;
    school.priority_groups = {ids};
    in.schools.push_back(school);
  }
  for (const auto& id : ids) in.students.push_back({id, {"x", "y"}, ""});
  const auto p = build(in, 11);
  for (std::uint32_t i = 0; i < p.n_students; ++i) {
    for (std::uint32_t j = 0; j < p.n_students; ++j) {
      const bool at_x = p.pref_rank[p.pref_offset[i]] < p.pref_rank[p.pref_offset[j]];
      const bool at_y = p.pref_rank[p.pref_offset[i] + 1] < p.pref_rank[p.pref_offset[j] + 1];
      ASSERT_EQ(at_x, at_y);
    }
  }
  const auto a = deferred_acceptance(p).school_of;
  EXPECT_EQ(a, deferred_acceptance(build(in, 11)).school_of);
  EXPECT_NE(a, deferred_acceptance(build(in, 12)).school_of);
  // Priority classes come before the lottery.
  in.schools[0].priority_groups = {{"st39"}, std::vector<std::string>(ids.begin(), ids.end() - 1)};
  EXPECT_EQ(deferred_acceptance(build(in, 11)).school_of[39], 0);
}

TEST(UniformBelow, StaysInRangeAndCoversIt) {
  std::mt19937_64 rng(3);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto x = uniform_below(rng, 7);
    ASSERT_LT(x, 7u);
    seen.insert(x);
  }
  EXPECT_EQ(seen.size(), 7u);
}

TEST(BuildProblem, RejectsBadInputNamingTheId) {
  auto expect_error = [](MatchingInput in, const std::string& needle) {
    auto p = build_problem(in, 1);
    ASSERT_FALSE(p.ok()) << needle;
    EXPECT_NE(p.error().message.find(needle), std::string::npos) << p.error().message;
  };
  auto in = textbook();
  in.students.push_back({"i1", {}, ""});
  expect_error(in, "duplicate student id 'i1'");
  in = textbook();
  in.schools.push_back(strict_school("s1", 1, {}));
  expect_error(in, "duplicate school id 's1'");
  in = textbook();
  in.schools[1].capacity = -1;
  expect_error(in, "school 's2': capacity");
  in = textbook();
  in.students[0].preferences.push_back("s9");
  expect_error(in, "unknown school 's9'");
  in = textbook();
  in.students[0].preferences.push_back("s2");
  expect_error(in, "'s2' is listed twice");
  in = textbook();
  in.schools[0].priority_groups.push_back({"ghost"});
  expect_error(in, "unknown student 'ghost'");
  in = textbook();
  in.schools[0].priority_groups.push_back({"i1"});
  expect_error(in, "appears twice");
  in = textbook();
  in.schools[0].reserve = 2;
  expect_error(in, "reserve");
  in = textbook();
  in.schools[0].bounds = {{"x", {2, 1}}};
  expect_error(in, "floor <= ceiling");
  in = textbook();
  in.schools[0].bounds = {{"x", {1, 1}}, {"y", {1, 1}}};
  expect_error(in, "floors add up");
}

TEST(Mechanism, NamesRoundTrip) {
  for (auto m : {Mechanism::deferred_acceptance, Mechanism::top_trading_cycles, Mechanism::boston, Mechanism::da_reserves,
                 Mechanism::da_soft_bounds}) {
    auto parsed = parse_mechanism(mechanism_name(m));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, m);
  }
  EXPECT_FALSE(parse_mechanism("serial_dictatorship").ok());
}

// ---- brute force on random small instances ----

MatchingInput random_instance(std::mt19937_64& rng) {
  auto below = [&](std::uint64_t n) { return static_cast<int>(uniform_below(rng, n)); };
  const int n = 2 + below(4);  // 2..5 students
  const int m = 1 + below(3);  // 1..3 schools
  MatchingInput in;
  std::vector<std::string> sids;
  for (int i = 0; i < n; ++i) sids.push_back(numbered("i", i));
  for (int s = 0; s < m; ++s) {
    MatchingSchoolInput school;
    school.id = numbered("s", s);
    school.capacity = below(3);
    std::vector<std::string> listed;
    for (const auto& id : sids) {
      if (below(5) > 0) listed.push_back(id);  // some students are unacceptable
    }
    for (std::size_t k = listed.size(); k > 1; --k) std::swap(listed[k - 1], listed[uniform_below(rng, k)]);
    // Random priority classes (ties) over the listed students.
    std::vector<std::string> klass;
    for (const auto& id : listed) {
      klass.push_back(id);
      if (below(2) == 0) {
        school.priority_groups.push_back(klass);
        klass.clear();
      }
    }
    if (!klass.empty()) school.priority_groups.push_back(klass);
    school.reserve = below(school.capacity + 1);
    const int f = below(school.capacity + 1);
    school.bounds["minority"] = {f, f + below(3)};
    const int g = below(school.capacity - f + 1);
    school.bounds["majority"] = {g, g + below(2)};
    in.schools.push_back(school);
  }
  for (const auto& id : sids) {
    MatchingStudentInput st;
    st.id = id;
    std::vector<std::string> prefs;
    for (int s = 0; s < m; ++s) prefs.push_back(numbered("s", s));
    for (std::size_t k = prefs.size(); k > 1; --k) std::swap(prefs[k - 1], prefs[uniform_below(rng, k)]);
    prefs.resize(static_cast<std::size_t>(below(m + 1)));
    st.preferences = prefs;
    const int g = below(3);
    st.group = g == 0 ? "minority" : g == 1 ? "majority" : "";
    in.students.push_back(st);
  }
  return in;
}

// Position of school s in student i's list (m = not listed); unassigned counts as the list's end.
struct Oracle {
  const MatchingProblem& p;
  int pos(std::uint32_t i, std::int32_t s) const {
    if (s == kUnassigned) return 1000;
    for (auto k = p.pref_offset[i]; k < p.pref_offset[i + 1]; ++k) {
      if (p.pref_school[k] == static_cast<std::uint32_t>(s)) return static_cast<int>(k - p.pref_offset[i]);
    }
    return 2000;
  }
  std::uint64_t rank(std::uint32_t i, std::uint32_t s) const {
    for (auto k = p.pref_offset[i]; k < p.pref_offset[i + 1]; ++k) {
      if (p.pref_school[k] == s) return p.pref_rank[k];
    }
    return kUnacceptable;
  }
  bool acceptable(std::uint32_t i, std::uint32_t s) const { return rank(i, s) != kUnacceptable; }
  bool feasible_ir(const std::vector<std::int32_t>& mu) const {
    std::vector<int> load(p.n_schools, 0);
    for (std::uint32_t i = 0; i < p.n_students; ++i) {
      if (mu[i] == kUnassigned) continue;
      if (!acceptable(i, static_cast<std::uint32_t>(mu[i]))) return false;  // listed by both sides
      if (++load[static_cast<std::size_t>(mu[i])] > p.capacity[static_cast<std::size_t>(mu[i])]) return false;
    }
    return true;
  }
  // Every feasible, individually rational matching.
  std::vector<std::vector<std::int32_t>> all_matchings() const {
    std::vector<std::vector<std::int32_t>> out;
    std::vector<std::int32_t> mu(p.n_students, kUnassigned);
    std::function<void(std::uint32_t)> rec = [&](std::uint32_t i) {
      if (i == p.n_students) {
        if (feasible_ir(mu)) out.push_back(mu);
        return;
      }
      mu[i] = kUnassigned;
      rec(i + 1);
      for (auto k = p.pref_offset[i]; k < p.pref_offset[i + 1]; ++k) {
        if (p.pref_rank[k] == kUnacceptable) continue;
        mu[i] = static_cast<std::int32_t>(p.pref_school[k]);
        rec(i + 1);
      }
      mu[i] = kUnassigned;
    };
    rec(0);
    return out;
  }
  // Test-side choice rule with floors and ceilings (independent of the engine's).
  std::vector<std::uint32_t> choose(std::uint32_t s, std::vector<std::uint32_t> applicants, const std::vector<int>& floor,
                                    const std::vector<int>& ceiling) const {
    std::sort(applicants.begin(), applicants.end(), [&](auto a, auto b) { return rank(a, s) < rank(b, s); });
    const auto nt = p.n_types();
    std::vector<int> count(nt, 0);
    std::vector<std::uint32_t> chosen;
    auto in_chosen = [&](std::uint32_t i) { return std::find(chosen.begin(), chosen.end(), i) != chosen.end(); };
    for (int stage = 0; stage < 3; ++stage) {
      for (auto i : applicants) {
        if (static_cast<int>(chosen.size()) >= p.capacity[s] || in_chosen(i)) continue;
        const auto t = p.student_type[i];
        const bool ok = stage == 0 ? count[t] < floor[s * nt + t] : stage == 1 ? count[t] < ceiling[s * nt + t] : true;
        if (ok) {
          chosen.push_back(i);
          ++count[t];
        }
      }
    }
    return chosen;
  }
  // Stability for choice rules: no school rejects one of its own, and no (i, s) where i prefers s and s
  // would choose i from its students plus i.
  bool stable(const std::vector<std::int32_t>& mu, const std::vector<int>& floor, const std::vector<int>& ceiling) const {
    if (!feasible_ir(mu)) return false;
    for (std::uint32_t s = 0; s < p.n_schools; ++s) {
      std::vector<std::uint32_t> at;
      for (std::uint32_t i = 0; i < p.n_students; ++i) {
        if (mu[i] == static_cast<std::int32_t>(s)) at.push_back(i);
      }
      if (choose(s, at, floor, ceiling).size() != at.size()) return false;
      for (std::uint32_t i = 0; i < p.n_students; ++i) {
        if (!acceptable(i, s) || pos(i, static_cast<std::int32_t>(s)) >= pos(i, mu[i])) continue;
        auto with = at;
        with.push_back(i);
        const auto c = choose(s, with, floor, ceiling);
        if (std::find(c.begin(), c.end(), i) != c.end()) return false;
      }
    }
    return true;
  }
  std::vector<int> no_floors() const { return std::vector<int>(static_cast<std::size_t>(p.n_schools) * p.n_types(), 0); }
  std::vector<int> capacity_ceilings() const {
    std::vector<int> c(static_cast<std::size_t>(p.n_schools) * p.n_types());
    for (std::uint32_t s = 0; s < p.n_schools; ++s) {
      for (std::uint32_t t = 0; t < p.n_types(); ++t) c[s * p.n_types() + t] = p.capacity[s];
    }
    return c;
  }
  // No school has an empty seat that an acceptable student prefers to her assignment.
  bool non_wasteful(const std::vector<std::int32_t>& mu) const {
    std::vector<int> load(p.n_schools, 0);
    for (auto s : mu) {
      if (s != kUnassigned) ++load[static_cast<std::size_t>(s)];
    }
    for (std::uint32_t s = 0; s < p.n_schools; ++s) {
      if (load[s] >= p.capacity[s]) continue;
      for (std::uint32_t i = 0; i < p.n_students; ++i) {
        if (acceptable(i, s) && pos(i, static_cast<std::int32_t>(s)) < pos(i, mu[i])) return false;
      }
    }
    return true;
  }
};

constexpr int kInstances = 400;

TEST(DeferredAcceptanceProperty, StableAndStudentOptimalByBruteForce) {
  std::mt19937_64 rng(2024);
  for (int t = 0; t < kInstances; ++t) {
    const auto in = random_instance(rng);
    const auto p = build(in, static_cast<std::uint64_t>(t));
    const Oracle o{p};
    const auto da = deferred_acceptance(p).school_of;
    const auto floors = o.no_floors();
    const auto ceilings = o.capacity_ceilings();
    ASSERT_TRUE(o.stable(da, floors, ceilings)) << "instance " << t;
    int stable_count = 0;
    for (const auto& mu : o.all_matchings()) {
      if (!o.stable(mu, floors, ceilings)) continue;
      ++stable_count;
      for (std::uint32_t i = 0; i < p.n_students; ++i) ASSERT_LE(o.pos(i, da[i]), o.pos(i, mu[i])) << "instance " << t;
    }
    ASSERT_GE(stable_count, 1);
    // The generic choice-rule DA with no bounds is the same mechanism.
    ASSERT_EQ(da_with_bounds(p, floors, ceilings).school_of, da) << "instance " << t;
  }
}

TEST(TopTradingCyclesProperty, ParetoEfficientByBruteForce) {
  std::mt19937_64 rng(7);
  for (int t = 0; t < kInstances; ++t) {
    const auto p = build(random_instance(rng), static_cast<std::uint64_t>(t));
    const Oracle o{p};
    const auto ttc = top_trading_cycles(p).school_of;
    ASSERT_TRUE(o.feasible_ir(ttc)) << "instance " << t;
    for (const auto& mu : o.all_matchings()) {
      bool weakly_better = true;
      bool strictly = false;
      for (std::uint32_t i = 0; i < p.n_students; ++i) {
        weakly_better = weakly_better && o.pos(i, mu[i]) <= o.pos(i, ttc[i]);
        strictly = strictly || o.pos(i, mu[i]) < o.pos(i, ttc[i]);
      }
      ASSERT_FALSE(weakly_better && strictly) << "instance " << t << " is Pareto-dominated";
    }
  }
}

TEST(ReservesAndSoftBoundsProperty, StableUnderTheirChoiceRuleAndNonWasteful) {
  std::mt19937_64 rng(99);
  for (int t = 0; t < kInstances; ++t) {
    const auto p = build(random_instance(rng), static_cast<std::uint64_t>(t));
    const Oracle o{p};
    // Reserves as floors for the minority type.
    auto floors = o.no_floors();
    const auto nt = p.n_types();
    for (std::uint32_t s = 0; s < p.n_schools; ++s) {
      if (p.minority_type < nt) floors[s * nt + p.minority_type] = p.reserve[s];
    }
    const auto reserves = da_minority_reserves(p).school_of;
    ASSERT_TRUE(o.stable(reserves, floors, o.capacity_ceilings())) << "instance " << t;
    ASSERT_TRUE(o.non_wasteful(reserves)) << "instance " << t;
    const auto soft = da_soft_bounds(p).school_of;
    ASSERT_TRUE(o.stable(soft, p.floor, p.ceiling)) << "instance " << t;
    ASSERT_TRUE(o.non_wasteful(soft)) << "instance " << t;
    // Student-optimal among the matchings stable under the soft-bound choice rule.
    for (const auto& mu : o.all_matchings()) {
      if (!o.stable(mu, p.floor, p.ceiling)) continue;
      for (std::uint32_t i = 0; i < p.n_students; ++i) ASSERT_LE(o.pos(i, soft[i]), o.pos(i, mu[i])) << "instance " << t;
    }
  }
}

TEST(BostonProperty, RoundsRespectPriorityAndMaximiseFirstChoices) {
  std::mt19937_64 rng(5);
  for (int t = 0; t < kInstances; ++t) {
    const auto p = build(random_instance(rng), static_cast<std::uint64_t>(t));
    const Oracle o{p};
    const auto b = boston(p).school_of;
    ASSERT_TRUE(o.feasible_ir(b)) << "instance " << t;
    // An unassigned student never listed a school that still has an acceptable empty seat.
    std::vector<int> load(p.n_schools, 0);
    for (auto s : b) {
      if (s != kUnassigned) ++load[static_cast<std::size_t>(s)];
    }
    for (std::uint32_t i = 0; i < p.n_students; ++i) {
      if (b[i] != kUnassigned) continue;
      for (auto k = p.pref_offset[i]; k < p.pref_offset[i + 1]; ++k) {
        ASSERT_FALSE(p.pref_rank[k] != kUnacceptable && load[p.pref_school[k]] < p.capacity[p.pref_school[k]]) << t;
      }
    }
    // Same school, same round: the higher-priority applicant is not passed over.
    for (std::uint32_t i = 0; i < p.n_students; ++i) {
      if (b[i] == kUnassigned) continue;
      const auto s = static_cast<std::uint32_t>(b[i]);
      const int k = o.pos(i, b[i]);
      for (std::uint32_t j = 0; j < p.n_students; ++j) {
        if (j == i || o.pos(j, b[i]) != k || o.pos(j, b[j]) < k || o.rank(j, s) > o.rank(i, s)) continue;
        ASSERT_EQ(b[j], b[i]) << "instance " << t;
      }
    }
    // Boston places as many students at their first choice as any mechanism can.
    auto first_choices = [&](const std::vector<std::int32_t>& mu) {
      int n = 0;
      for (std::uint32_t i = 0; i < p.n_students; ++i) n += (mu[i] != kUnassigned && o.pos(i, mu[i]) == 0);
      return n;
    };
    int best = 0;
    for (const auto& mu : o.all_matchings()) best = std::max(best, first_choices(mu));
    ASSERT_EQ(first_choices(b), best) << "instance " << t;
  }
}

}  // namespace
}  // namespace kredo::analytics
