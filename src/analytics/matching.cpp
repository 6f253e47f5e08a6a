// The mechanisms run on flat arrays: preferences carry the student's rank at each school, so DA never
// looks a priority up, and schools keep their tentative admits in a heap keyed by that rank.
#include "analytics/matching.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace kredo::analytics {

namespace {

template <typename Map>
Result<std::uint32_t> index_ids(const std::vector<std::string>& ids, Map& out, const char* what) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) return Error::invalid_request(std::string(what) + " #" + std::to_string(i + 1) + " has an empty id");
    if (!out.try_emplace(ids[i], static_cast<std::uint32_t>(i)).second) {
      return Error::invalid_request(std::string("duplicate ") + what + " id '" + ids[i] + "'");
    }
  }
  return static_cast<std::uint32_t>(ids.size());
}

}  // namespace

const char* mechanism_name(Mechanism m) {
  switch (m) {
    case Mechanism::deferred_acceptance: return "da";
    case Mechanism::top_trading_cycles: return "ttc";
    case Mechanism::boston: return "boston";
    case Mechanism::da_reserves: return "da_reserves";
    case Mechanism::da_soft_bounds: return "da_soft_bounds";
  }
  return "da";
}

Result<Mechanism> parse_mechanism(std::string_view name) {
  for (auto m : {Mechanism::deferred_acceptance, Mechanism::top_trading_cycles, Mechanism::boston, Mechanism::da_reserves,
                 Mechanism::da_soft_bounds}) {
    if (name == mechanism_name(m)) return m;
  }
  return Error::invalid_request("unknown mechanism '" + std::string(name) + "' (da, ttc, boston, da_reserves, da_soft_bounds)");
}

std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t n) {
  // Rejects the top partial block of 2^64 so every residue is equally likely.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return x % n;
}

Result<MatchingProblem> build_problem(const MatchingInput& input, std::uint64_t seed) {
  MatchingProblem p;
  std::unordered_map<std::string, std::uint32_t> student_index;
  std::unordered_map<std::string, std::uint32_t> school_index;
  {
    std::vector<std::string> ids;
    ids.reserve(input.students.size());
    for (const auto& s : input.students) ids.push_back(s.id);
    auto n = index_ids(ids, student_index, "student");
    if (!n.ok()) return std::move(n).error();
    p.n_students = *n;
    ids.clear();
    for (const auto& s : input.schools) ids.push_back(s.id);
    auto m = index_ids(ids, school_index, "school");
    if (!m.ok()) return std::move(m).error();
    p.n_schools = *m;
  }

  // Student types, 0 = no group.
  p.type_names = {""};
  std::unordered_map<std::string, std::uint32_t> type_index{{"", 0}};
  p.student_type.reserve(p.n_students);
  for (const auto& s : input.students) {
    auto [it, inserted] = type_index.try_emplace(s.group, static_cast<std::uint32_t>(p.type_names.size()));
    if (inserted) p.type_names.push_back(s.group);
    p.student_type.push_back(it->second);
  }
  auto minority = type_index.find(input.minority_group);
  p.minority_type = (minority == type_index.end() || input.minority_group.empty()) ? std::numeric_limits<std::uint32_t>::max()
                                                                                  : minority->second;

  // One lottery over all students breaks every tie at every school.
  std::vector<std::uint32_t> lottery(p.n_students);
  {
    std::vector<std::uint32_t> order(p.n_students);
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937_64 rng(seed);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[uniform_below(rng, i)]);
    for (std::uint32_t pos = 0; pos < order.size(); ++pos) lottery[order[pos]] = pos;
  }

  const std::uint32_t nt = p.n_types();
  p.capacity.resize(p.n_schools);
  p.reserve.resize(p.n_schools);
  p.floor.assign(static_cast<std::size_t>(p.n_schools) * nt, 0);
  p.ceiling.assign(static_cast<std::size_t>(p.n_schools) * nt, 0);
  p.prio_offset.assign(p.n_schools + 1, 0);
  std::vector<std::uint64_t> rank_tmp(p.n_students, kUnacceptable);
  std::vector<std::vector<std::uint64_t>> school_ranks(p.n_schools);  // rank per listed student, for pref_rank
  std::vector<std::vector<std::uint32_t>> school_listed(p.n_schools);
  for (std::uint32_t s = 0; s < p.n_schools; ++s) {
    const auto& in = input.schools[s];
    const std::string where = "school '" + in.id + "'";
    if (in.capacity < 0) return Error::invalid_request(where + ": capacity must be >= 0, got " + std::to_string(in.capacity));
    p.capacity[s] = in.capacity;
    if (in.reserve < 0 || in.reserve > in.capacity) {
      return Error::invalid_request(where + ": reserve must be between 0 and the capacity, got " + std::to_string(in.reserve));
    }
    p.reserve[s] = in.reserve;
    int floors = 0;
    for (std::uint32_t t = 0; t < nt; ++t) p.ceiling[s * nt + t] = in.capacity;
    for (const auto& [group, fc] : in.bounds) {
      const auto [lo, hi] = fc;
      if (lo < 0 || hi < lo) {
        return Error::invalid_request(where + ": bounds of group '" + group + "' need 0 <= floor <= ceiling");
      }
      floors += lo;
      auto t = type_index.find(group);
      if (t == type_index.end()) continue;  // no student of that group: the bound binds nobody
      p.floor[s * nt + t->second] = lo;
      p.ceiling[s * nt + t->second] = hi;
    }
    if (floors > in.capacity) return Error::invalid_request(where + ": the floors add up to more than the capacity");

    std::uint64_t klass = 0;
    for (const auto& group : in.priority_groups) {
      for (const auto& id : group) {
        auto it = student_index.find(id);
        if (it == student_index.end()) return Error::invalid_request(where + ": priority names unknown student '" + id + "'");
        if (rank_tmp[it->second] != kUnacceptable) {
          return Error::invalid_request(where + ": student '" + id + "' appears twice in the priority");
        }
        const std::uint64_t rank = (klass << 32) | lottery[it->second];
        rank_tmp[it->second] = rank;
        school_listed[s].push_back(it->second);
        school_ranks[s].push_back(rank);
      }
      ++klass;
    }
    for (auto st : school_listed[s]) rank_tmp[st] = kUnacceptable;
  }
  // Schools' acceptable students in priority order (TTC walks them).
  for (std::uint32_t s = 0; s < p.n_schools; ++s) {
    std::vector<std::uint32_t> idx(school_listed[s].size());
    std::iota(idx.begin(), idx.end(), 0u);
    std::sort(idx.begin(), idx.end(), [&](auto a, auto b) { return school_ranks[s][a] < school_ranks[s][b]; });
    p.prio_offset[s + 1] = p.prio_offset[s] + static_cast<std::uint32_t>(idx.size());
    for (auto i : idx) p.prio_student.push_back(school_listed[s][i]);
  }

  // Preferences, then each preference's rank via the schools' lists.
  p.pref_offset.assign(p.n_students + 1, 0);
  std::vector<std::uint8_t> seen(p.n_schools, 0);
  for (std::uint32_t i = 0; i < p.n_students; ++i) {
    const auto& in = input.students[i];
    for (const auto& id : in.preferences) {
      auto it = school_index.find(id);
      if (it == school_index.end()) {
        return Error::invalid_request("student '" + in.id + "': preferences name unknown school '" + id + "'");
      }
      if (seen[it->second]) return Error::invalid_request("student '" + in.id + "': school '" + id + "' is listed twice");
      seen[it->second] = 1;
      p.pref_school.push_back(it->second);
    }
    for (auto s = p.pref_offset[i]; s < p.pref_school.size(); ++s) seen[p.pref_school[s]] = 0;
    p.pref_offset[i + 1] = static_cast<std::uint32_t>(p.pref_school.size());
  }
  p.pref_rank.assign(p.pref_school.size(), kUnacceptable);
  std::vector<std::vector<std::uint32_t>> applications(p.n_schools);  // indices into pref arrays
  for (std::uint32_t k = 0; k < p.pref_school.size(); ++k) applications[p.pref_school[k]].push_back(k);
  std::vector<std::uint32_t> student_of_pref(p.pref_school.size());
  for (std::uint32_t i = 0; i < p.n_students; ++i) {
    for (auto k = p.pref_offset[i]; k < p.pref_offset[i + 1]; ++k) student_of_pref[k] = i;
  }
  for (std::uint32_t s = 0; s < p.n_schools; ++s) {
    for (std::size_t j = 0; j < school_listed[s].size(); ++j) rank_tmp[school_listed[s][j]] = school_ranks[s][j];
    for (auto k : applications[s]) p.pref_rank[k] = rank_tmp[student_of_pref[k]];
    for (auto st : school_listed[s]) rank_tmp[st] = kUnacceptable;
  }
  return p;
}

Matching deferred_acceptance(const MatchingProblem& p) {
  using Held = std::pair<std::uint64_t, std::uint32_t>;  // (rank, student); max-heap: worst on top
  std::vector<std::vector<Held>> held(p.n_schools);
  std::vector<std::uint32_t> next(p.pref_offset.begin(), p.pref_offset.end() - 1);
  std::vector<std::uint32_t> free(p.n_students);
  std::iota(free.begin(), free.end(), 0u);
  std::vector<std::uint32_t> rejected;
  Matching out;
  while (!free.empty()) {
    rejected.clear();
    bool proposed = false;
    for (auto i : free) {
      const auto end = p.pref_offset[i + 1];
      auto& k = next[i];
      while (k < end && p.pref_rank[k] == kUnacceptable) ++k;
      if (k == end) continue;  // list exhausted: stays unassigned
      const auto school = p.pref_school[k];
      const auto rank = p.pref_rank[k];
      ++k;
      proposed = true;
      auto& h = held[school];
      const auto cap = static_cast<std::size_t>(p.capacity[school]);
      if (h.size() < cap) {
        h.emplace_back(rank, i);
        std::push_heap(h.begin(), h.end());
      } else if (cap > 0 && rank < h.front().first) {
        rejected.push_back(h.front().second);
        std::pop_heap(h.begin(), h.end());
        h.back() = {rank, i};
        std::push_heap(h.begin(), h.end());
      } else {
        rejected.push_back(i);
      }
    }
    if (proposed) ++out.rounds;
    free.swap(rejected);
  }
  out.school_of.assign(p.n_students, kUnassigned);
  for (std::uint32_t s = 0; s < p.n_schools; ++s) {
    for (const auto& [rank, i] : held[s]) out.school_of[i] = static_cast<std::int32_t>(s);
  }
  return out;
}

Matching da_with_bounds(const MatchingProblem& p, const std::vector<int>& floor, const std::vector<int>& ceiling) {
  using Held = std::pair<std::uint64_t, std::uint32_t>;
  const std::uint32_t nt = p.n_types();
  std::vector<std::vector<Held>> held(p.n_schools);
  std::vector<std::vector<Held>> incoming(p.n_schools);
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> next(p.pref_offset.begin(), p.pref_offset.end() - 1);
  std::vector<std::uint32_t> free(p.n_students);
  std::iota(free.begin(), free.end(), 0u);
  std::vector<std::uint32_t> rejected;
  std::vector<Held> pool;
  std::vector<std::uint8_t> taken;
  std::vector<int> count(nt);
  Matching out;
  while (!free.empty()) {
    rejected.clear();
    touched.clear();
    for (auto i : free) {
      const auto end = p.pref_offset[i + 1];
      auto& k = next[i];
      while (k < end && p.pref_rank[k] == kUnacceptable) ++k;
      if (k == end) continue;
      const auto school = p.pref_school[k];
      if (incoming[school].empty()) touched.push_back(school);
      incoming[school].emplace_back(p.pref_rank[k], i);
      ++k;
    }
    if (touched.empty()) break;
    ++out.rounds;
    for (auto s : touched) {
      // The school's choice from everyone it holds or is offered, in priority order.
      pool = held[s];
      pool.insert(pool.end(), incoming[s].begin(), incoming[s].end());
      incoming[s].clear();
      std::sort(pool.begin(), pool.end());
      taken.assign(pool.size(), 0);
      std::fill(count.begin(), count.end(), 0);
      const int cap = p.capacity[s];
      int chosen = 0;
      const int* lo = floor.data() + static_cast<std::size_t>(s) * nt;
      const int* hi = ceiling.data() + static_cast<std::size_t>(s) * nt;
      auto pass = [&](auto admits) {
        for (std::size_t j = 0; j < pool.size() && chosen < cap; ++j) {
          const auto t = p.student_type[pool[j].second];
          if (!taken[j] && admits(t)) {
            taken[j] = 1;
            ++count[t];
            ++chosen;
          }
        }
      };
      pass([&](std::uint32_t t) { return count[t] < lo[t]; });
      pass([&](std::uint32_t t) { return count[t] < hi[t]; });
      pass([](std::uint32_t) { return true; });  // soft ceilings: fill what is left
      held[s].clear();
      for (std::size_t j = 0; j < pool.size(); ++j) {
        if (taken[j]) {
          held[s].push_back(pool[j]);
        } else {
          rejected.push_back(pool[j].second);
        }
      }
    }
    free.swap(rejected);
  }
  out.school_of.assign(p.n_students, kUnassigned);
  for (std::uint32_t s = 0; s < p.n_schools; ++s) {
    for (const auto& [rank, i] : held[s]) out.school_of[i] = static_cast<std::int32_t>(s);
  }
  return out;
}

Matching da_minority_reserves(const MatchingProblem& p) {
  const std::uint32_t nt = p.n_types();
  std::vector<int> floor(static_cast<std::size_t>(p.n_schools) * nt, 0);
  std::vector<int> ceiling(floor.size(), 0);
  for (std::uint32_t s = 0; s < p.n_schools; ++s) {
    for (std::uint32_t t = 0; t < nt; ++t) ceiling[s * nt + t] = p.capacity[s];
    if (p.minority_type < nt) floor[s * nt + p.minority_type] = p.reserve[s];
  }
  return da_with_bounds(p, floor, ceiling);
}

Matching da_soft_bounds(const MatchingProblem& p) { return da_with_bounds(p, p.floor, p.ceiling); }

Matching top_trading_cycles(const MatchingProblem& p) {
  const std::uint32_t n = p.n_students;
  const std::uint32_t m = p.n_schools;
  std::vector<std::uint8_t> student_alive(n, 1);
  std::vector<std::uint8_t> school_alive(m);
  std::vector<int> seats(p.capacity);
  for (std::uint32_t s = 0; s < m; ++s) school_alive[s] = seats[s] > 0;
  std::vector<std::uint32_t> sp(p.pref_offset.begin(), p.pref_offset.end() - 1);
  std::vector<std::uint32_t> pp(p.prio_offset.begin(), p.prio_offset.end() - 1);
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  // Nodes: students 0..n-1, schools n..n+m-1. Pointers skip removed nodes lazily (removal is final).
  auto target = [&](std::uint32_t u) -> std::uint32_t {
    if (u < n) {
      auto& k = sp[u];
      while (k < p.pref_offset[u + 1] && (p.pref_rank[k] == kUnacceptable || !school_alive[p.pref_school[k]])) ++k;
      return k < p.pref_offset[u + 1] ? n + p.pref_school[k] : kNone;
    }
    const auto s = u - n;
    auto& k = pp[s];
    while (k < p.prio_offset[s + 1] && !student_alive[p.prio_student[k]]) ++k;
    return k < p.prio_offset[s + 1] ? p.prio_student[k] : kNone;
  };
  auto kill = [&](std::uint32_t u) { (u < n ? student_alive[u] : school_alive[u - n]) = 0; };

  Matching out;
  out.school_of.assign(n, kUnassigned);
  std::vector<std::uint8_t> state(n + m);  // 0 unseen, 1 on the current path, 2 settled this round
  std::vector<std::uint32_t> pos(n + m);
  std::vector<std::uint32_t> path;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> trades;  // (student, school)
  while (true) {
    std::fill(state.begin(), state.end(), 0);
    trades.clear();
    for (std::uint32_t start = 0; start < n; ++start) {
      if (!student_alive[start] || state[start] != 0) continue;
      path.assign(1, start);
      state[start] = 1;
      pos[start] = 0;
      while (!path.empty()) {
        const auto u = path.back();
        const auto t = target(u);
        if (t == kNone) {  // nothing left to point at: leaves the market
          kill(u);
          state[u] = 2;
          path.pop_back();
          continue;
        }
        if (state[t] == 1) {
          for (auto k = pos[t]; k < path.size(); ++k) {
            if (path[k] < n) trades.emplace_back(path[k], target(path[k]) - n);
          }
        }
        if (state[t] != 0) {
          for (auto v : path) state[v] = 2;
          path.clear();
          break;
        }
        state[t] = 1;
        pos[t] = static_cast<std::uint32_t>(path.size());
        path.push_back(t);
      }
    }
    if (trades.empty()) break;
    ++out.rounds;
    for (const auto& [i, s] : trades) {
      out.school_of[i] = static_cast<std::int32_t>(s);
      student_alive[i] = 0;
      if (--seats[s] == 0) school_alive[s] = 0;
    }
  }
  return out;
}

Matching boston(const MatchingProblem& p) {
  Matching out;
  out.school_of.assign(p.n_students, kUnassigned);
  std::vector<int> seats(p.capacity);
  std::uint32_t longest = 0;
  for (std::uint32_t i = 0; i < p.n_students; ++i) longest = std::max(longest, p.pref_offset[i + 1] - p.pref_offset[i]);
  std::vector<std::vector<std::pair<std::uint64_t, std::uint32_t>>> applicants(p.n_schools);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t round = 0; round < longest; ++round) {
    touched.clear();
    for (std::uint32_t i = 0; i < p.n_students; ++i) {
      if (out.school_of[i] != kUnassigned) continue;
      const auto k = p.pref_offset[i] + round;
      if (k >= p.pref_offset[i + 1]) continue;
      const auto s = p.pref_school[k];
      if (applicants[s].empty()) touched.push_back(s);
      // An application to a school that does not list the student is rejected, and the round is spent.
      applicants[s].emplace_back(p.pref_rank[k], i);
    }
    if (touched.empty()) continue;
    out.rounds = static_cast<int>(round) + 1;
    for (auto s : touched) {
      auto& a = applicants[s];
      std::sort(a.begin(), a.end());
      for (const auto& [rank, i] : a) {
        if (seats[s] == 0 || rank == kUnacceptable) break;
        out.school_of[i] = static_cast<std::int32_t>(s);
        --seats[s];
      }
      a.clear();
    }
  }
  return out;
}

Matching run_mechanism(const MatchingProblem& problem, Mechanism mechanism) {
  switch (mechanism) {
    case Mechanism::deferred_acceptance: return deferred_acceptance(problem);
    case Mechanism::top_trading_cycles: return top_trading_cycles(problem);
    case Mechanism::boston: return boston(problem);
    case Mechanism::da_reserves: return da_minority_reserves(problem);
    case Mechanism::da_soft_bounds: return da_soft_bounds(problem);
  }
  return deferred_acceptance(problem);
}

}  // namespace kredo::analytics
