// Costs of the analytics engines: segregation indices on schools00 beside the cost of only reading the
// CSV, the matching mechanisms on a synthetic national-scale instance (157,000 applicants, 1,500
// schools, up to 3 preferences each), and the admission simulation on the Brno-like city.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "analytics/frequency_reader.hpp"
#include "analytics/matching.hpp"
#include "analytics/segregation.hpp"
#include "analytics/segregation_report.hpp"
#include "analytics/simulation.hpp"
#include "common/csv.hpp"

namespace {

using namespace kredo::analytics;  // NOLINT: a benchmark file, not a header

std::string schools00_path() {
  const char* env = std::getenv("KREDO_SHARED_DIR");
  return (env ? std::string(env) : std::string(KREDO_SOURCE_DIR) + "/../shared") + "/data/segregation/schools00.csv";
}

const std::string& schools00_text() {
  static const std::string text = [] {
    std::ifstream in(schools00_path(), std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
  }();
  return text;
}

const FrequencyCsvSpec kSpec{{"state", "district", "school", "race"}, "n", ','};

const FrequencyTable& schools00() {
  static const FrequencyTable table = frequency_table_from_csv(schools00_text(), kSpec).value();
  return table;
}

void BM_ReadSchools00(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(read_frequency_csv(schools00_path(), kSpec));
}
BENCHMARK(BM_ReadSchools00)->Unit(benchmark::kMillisecond);

// Parsing alone, on text already in memory.
void BM_CsvParseOnly(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(kredo::csv::parse_csv_table(schools00_text()));
}
BENCHMARK(BM_CsvParseOnly)->Unit(benchmark::kMillisecond);

void BM_MutualTotal(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(mutual_total(schools00(), {"race"}, {"school"}));
}
BENCHMARK(BM_MutualTotal)->Unit(benchmark::kMillisecond);

void BM_Dissimilarity(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(dissimilarity(schools00(), {"race"}, {"school"}, "black", "white"));
}
BENCHMARK(BM_Dissimilarity)->Unit(benchmark::kMillisecond);

void BM_Exposure(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(exposure(schools00(), {"race"}, {"school"}));
}
BENCHMARK(BM_Exposure)->Unit(benchmark::kMillisecond);

void BM_NestedStateDistrictSchool(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(mutual_total_nested(schools00(), {"race"}, {"state", "district", "school"}));
  }
}
BENCHMARK(BM_NestedStateDistrictSchool)->Unit(benchmark::kMillisecond);

void BM_Local(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(mutual_local(schools00(), {"race"}, {"school"}));
}
BENCHMARK(BM_Local)->Unit(benchmark::kMillisecond);

// Everything `kredo segregation --groups black,white --nested state,district --local` computes.
void BM_FullReport(benchmark::State& state) {
  SegregationRequest rq;
  rq.group = "race";
  rq.unit = "school";
  rq.nested = {"state", "district"};
  rq.d_groups = std::pair<std::string, std::string>{"black", "white"};
  rq.local = true;
  for (auto _ : state) benchmark::DoNotOptimize(analyze_segregation(schools00(), rq));
}
BENCHMARK(BM_FullReport)->Unit(benchmark::kMillisecond);

void BM_Bootstrap100(benchmark::State& state) {
  Statistic stat = [](const FrequencyTable& t) -> kredo::Result<std::vector<double>> {
    auto r = mutual_total(t, {"race"}, {"school"});
    if (!r.ok()) return std::move(r).error();
    return std::vector<double>{r->m, r->h};
  };
  for (auto _ : state) benchmark::DoNotOptimize(bootstrap(schools00(), {"M", "H"}, stat, BootstrapOptions{100, 1, 0.95}));
}
BENCHMARK(BM_Bootstrap100)->Unit(benchmark::kMillisecond);

// National-scale instance: schools of varied size and popularity; each applicant lists up to 3 schools,
// mostly near home (schools are spread on a line of regions); priority classes are catchment first,
// then everyone else, ties by the lottery.
MatchingInput national_instance() {
  constexpr int kStudents = 157'000;
  constexpr int kSchools = 1'500;
  std::mt19937_64 rng(20240901);
  auto below = [&](std::uint64_t n) { return uniform_below(rng, n); };
  MatchingInput in;
  in.schools.resize(kSchools);
  std::vector<double> popularity(kSchools);
  for (int s = 0; s < kSchools; ++s) {
    in.schools[static_cast<std::size_t>(s)].id = "zs" + std::to_string(s);
    in.schools[static_cast<std::size_t>(s)].capacity = 40 + static_cast<int>(below(120));  // ~ 1.0x applicants
    in.schools[static_cast<std::size_t>(s)].priority_groups.resize(2);
    popularity[static_cast<std::size_t>(s)] = 1.0 + static_cast<double>(below(1000)) / 100.0;
  }
  in.students.resize(kStudents);
  for (int i = 0; i < kStudents; ++i) {
    auto& st = in.students[static_cast<std::size_t>(i)];
    st.id = "st" + std::to_string(i);
    st.group = below(100) < 4 ? "minority" : "majority";
    const int home = static_cast<int>(below(kSchools));
    const int n_prefs = 1 + static_cast<int>(below(3));
    while (static_cast<int>(st.preferences.size()) < n_prefs) {
      // A school within +-10 of home, weighted by popularity (rejection sampling).
      const int s = (home + static_cast<int>(below(21)) - 10 + kSchools) % kSchools;
      if (static_cast<double>(below(1100)) / 100.0 > popularity[static_cast<std::size_t>(s)]) continue;
      const std::string id = "zs" + std::to_string(s);
      if (std::find(st.preferences.begin(), st.preferences.end(), id) != st.preferences.end()) continue;
      st.preferences.push_back(id);
      in.schools[static_cast<std::size_t>(s)].priority_groups[s == home ? 0 : 1].push_back(st.id);
    }
  }
  for (auto& s : in.schools) s.reserve = std::min(s.capacity, 3);
  return in;
}

const MatchingInput& national_input() {
  static const MatchingInput in = national_instance();
  return in;
}

const MatchingProblem& national_problem() {
  static const MatchingProblem p = build_problem(national_input(), 1).value();
  return p;
}

void BM_BuildProblemNational(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(build_problem(national_input(), 1));
}
BENCHMARK(BM_BuildProblemNational)->Unit(benchmark::kMillisecond);

void BM_MechanismNational(benchmark::State& state) {
  const auto mechanism = static_cast<Mechanism>(state.range(0));
  const auto& p = national_problem();
  Matching m;
  for (auto _ : state) {
    m = run_mechanism(p, mechanism);
    benchmark::DoNotOptimize(m);
  }
  std::size_t assigned = 0;
  for (auto s : m.school_of) assigned += s != kUnassigned;
  state.counters["assigned"] = static_cast<double>(assigned);
  state.counters["rounds"] = m.rounds;
  state.SetLabel(mechanism_name(mechanism));
}
BENCHMARK(BM_MechanismNational)
    ->Arg(static_cast<int>(Mechanism::deferred_acceptance))
    ->Arg(static_cast<int>(Mechanism::top_trading_cycles))
    ->Arg(static_cast<int>(Mechanism::boston))
    ->Arg(static_cast<int>(Mechanism::da_reserves))
    ->Unit(benchmark::kMillisecond);

// kredo simulate on the Brno-like city: draws per second on 1 and 2 threads (the brief's target is
// 1,000 draws in under 30 s on 2 cores).
void BM_SimulateBrno100Draws(benchmark::State& state) {
  static const Scenario brno = generate_brno(1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(simulate(brno, SimulationOptions{100, 1, static_cast<int>(state.range(0)), nullptr}));
  }
  state.counters["draws_per_s"] = benchmark::Counter(100.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SimulateBrno100Draws)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
