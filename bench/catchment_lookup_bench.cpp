// Catchment lookup latency on an imported database (run by bench/import_bench.sh):
// catchment_lookup_bench DB_URL [LOOKUPS] prints p50 / p99 / max of SchoolService::catchment,
// each a read transaction plus one indexed join, over random address places that have a catchment.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "app/application.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB_URL [LOOKUPS]\n", argv[0]);
    return 2;
  }
  const int lookups = argc > 2 ? std::atoi(argv[2]) : 100000;
  kredo::app::Application app(argv[1], nullptr, 2);
  std::vector<std::pair<std::int64_t, std::string>> keys;
  {
    auto tx = app.db().begin(kredo::storage::TxMode::read);
    for (const auto& r : tx->query("SELECT kod_adm, level FROM catchments")) keys.emplace_back(r.i64(0), r.str(1));
  }
  if (keys.empty()) {
    std::fprintf(stderr, "no catchments in %s\n", argv[1]);
    return 1;
  }
  auto actor = kredo::security::system_actor("bench");
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::size_t> pick(0, keys.size() - 1);
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(lookups));
  int found = 0;
  for (int i = 0; i < lookups; ++i) {
    const auto& [kod, level] = keys[pick(rng)];
    const auto t0 = std::chrono::steady_clock::now();
    auto s = app.services().schools.catchment(actor, kod, level);
    const auto t1 = std::chrono::steady_clock::now();
    found += s.ok() ? 1 : 0;
    micros.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&micros](double q) { return micros[static_cast<std::size_t>(q * static_cast<double>(micros.size() - 1))]; };
  std::printf("catchment lookups: %d over %zu catchment rows, found %d; p50 %.1f us, p99 %.1f us, max %.1f us\n",
              lookups, keys.size(), found, at(0.5), at(0.99), micros.back());
  return found == lookups ? 0 : 1;
}
