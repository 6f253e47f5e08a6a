// Activities benchmarks (issue 4), in-process against the service layer:
//  - RollCallSave20: PUT-attendance of a 20-child session through ActivityService (replace, audit,
//    one transaction), with p50/p99 of the single saves as counters;
//  - SupportHoursAll: support minutes of every participant (one aggregate over attendance).
// KREDO_BENCH_DB=sqlite:/path (e.g. a `kredo demo --scale national` database) runs them over that
// data; without it a temporary database with the small demo is used. bench/activities_bench.sh
// compares SupportHoursAll with the same SQL run in the sqlite3 shell and prints the ratio.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include "app/application.hpp"
#include "security/permissions.hpp"

namespace {

using namespace kredo;

struct Fixture {
  std::string dir;
  std::unique_ptr<app::Application> app;
  std::int64_t activity = 0;
  std::vector<std::int64_t> children;
  security::Actor actor;

  Fixture() {
    std::string url;
    if (const char* env = std::getenv("KREDO_BENCH_DB")) {
      url = env;
    } else {
      dir = std::filesystem::temp_directory_path() / ("kredo-activities-bench-" + std::to_string(::getpid()));
      std::filesystem::create_directories(dir);
      url = "sqlite:" + dir + "/bench.db";
    }
    app = std::make_unique<app::Application>(url);
    (void)app->migrator().migrate();
    if (!std::getenv("KREDO_BENCH_DB")) (void)app::load_demo(*app, "small");
    {
      auto tx = app->db().begin(storage::TxMode::read);
      auto u = tx->query_one("SELECT id FROM users WHERE username = 'koordinator'");
      actor.user_id = u ? u->i64(0) : 0;
      for (const auto& r : tx->query("SELECT id FROM people WHERE role = 'child' AND merged_into IS NULL ORDER BY id LIMIT 20"))
        children.push_back(r.i64(0));
    }
    actor.username = "koordinator";
    actor.role = security::Role::coordinator;
    domain::ActivityFields a;
    a.type = "child_group";
    a.date = "2025-03-04";
    a.start = "16:00";
    a.end = "17:30";
    a.participant_ids = children;
    a.worker_ids = std::vector<std::int64_t>{};
    auto r = app->services().activities.create(actor, a);
    if (r) activity = r->id;
  }
  ~Fixture() {
    app.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void RollCallSave20(benchmark::State& state) {
  auto& f = fixture();
  std::vector<double> ms;
  int round = 0;
  for (auto _ : state) {
    std::vector<domain::AttendanceRecord> records;
    for (std::size_t i = 0; i < f.children.size(); ++i)
      records.push_back({f.children[i], (i + static_cast<std::size_t>(round)) % 5 == 0 ? "absent" : "present",
                         i % 7 == 0 ? std::optional<std::int64_t>(45) : std::nullopt});
    ++round;
    const auto t0 = std::chrono::steady_clock::now();
    auto r = f.app->services().activities.put_attendance(f.actor, f.activity, records);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!r) state.SkipWithError(r.error().message.c_str());
  }
  std::sort(ms.begin(), ms.end());
  if (!ms.empty()) {
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  }
  state.counters["children"] = static_cast<double>(f.children.size());
}
BENCHMARK(RollCallSave20)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void SupportHoursAll(benchmark::State& state) {
  auto& f = fixture();
  std::size_t people = 0;
  for (auto _ : state) {
    auto all = f.app->services().activities.support_minutes_all("", "");
    people = all.size();
    benchmark::DoNotOptimize(all.data());
  }
  state.counters["participants"] = static_cast<double>(people);
}
BENCHMARK(SupportHoursAll)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
