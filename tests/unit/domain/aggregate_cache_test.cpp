// domain::AggregateCache: kept answers per generation, one computation per key at a time, the process-wide
// limit on concurrent computations (503 with Retry-After beyond the wait), re-entry without a second permit.
#include "domain/aggregate_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace kredo::domain {
namespace {

using nlohmann::json;

struct PermitsGuard {
  int saved = HeavyGate::instance().permits();
  std::chrono::milliseconds wait = AggregateCache::permit_wait, min_cost = AggregateCache::stale_min_cost,
                            rmin = AggregateCache::refresh_min, rmax = AggregateCache::refresh_max,
                            smax = AggregateCache::stale_max;
  ~PermitsGuard() {
    HeavyGate::instance().set_permits(saved);
    AggregateCache::permit_wait = wait;
    AggregateCache::stale_min_cost = min_cost;
    AggregateCache::refresh_min = rmin;
    AggregateCache::refresh_max = rmax;
    AggregateCache::stale_max = smax;
  }
};

TEST(AggregateCache, KeepsAnAnswerWhileTheGenerationStands) {
  AggregateCache cache;
  int runs = 0;
  auto compute = [&]() -> Result<json> { return json{{"run", ++runs}}; };
  auto a = cache.get("k", 7, compute);
  auto b = cache.get("k", 7, compute);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->get(), b->get());
  EXPECT_EQ(runs, 1);
  auto c = cache.get("k", 8, compute);
  EXPECT_EQ((**c)["run"], 2);
  EXPECT_EQ((**cache.get("other", 8, compute))["run"], 3);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.computations(), 3u);
}

TEST(AggregateCache, AnExpensiveAnswerIsKeptForItsRefreshIntervalThenRecomputed) {
  PermitsGuard guard;
  using std::chrono::milliseconds;
  AggregateCache::stale_min_cost = milliseconds(0);  // every answer counts as expensive
  AggregateCache::refresh_min = AggregateCache::refresh_max = milliseconds(3600000);
  AggregateCache cache;
  int runs = 0;
  auto compute = [&]() -> Result<json> { return json{{"run", ++runs}}; };
  auto a = cache.get("k", 1, compute);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE((**a).contains("as_of"));
  auto b = cache.get("k", 2, compute);  // the data changed, but within the refresh interval
  EXPECT_EQ(b->get(), a->get());
  EXPECT_EQ(cache.stale_hits(), 1u);
  AggregateCache::refresh_min = AggregateCache::refresh_max = milliseconds(0);  // the interval is over
  auto c = cache.get("k", 2, compute);
  EXPECT_EQ((**c)["run"], 2);
  EXPECT_EQ(cache.get("k", 2, compute)->get(), c->get()) << "exact again";
  AggregateCache::refresh_min = AggregateCache::refresh_max = milliseconds(3600000);
  AggregateCache::stale_max = milliseconds(0);  // never older than this
  EXPECT_EQ((**cache.get("k", 3, compute))["run"], 3);
  // A cheap answer is never stale.
  AggregateCache::stale_max = milliseconds(3600000);
  AggregateCache::stale_min_cost = milliseconds(3600000);
  EXPECT_EQ((**cache.get("k", 4, compute))["run"], 4);
}

TEST(AggregateCache, ErrorsAreAnsweredButNotKept) {
  AggregateCache cache;
  int runs = 0;
  auto failing = [&]() -> Result<json> {
    ++runs;
    return Error::field("from", "bad");
  };
  EXPECT_FALSE(cache.get("k", 1, failing).ok());
  EXPECT_FALSE(cache.get("k", 1, failing).ok());
  EXPECT_EQ(runs, 2);
}

TEST(AggregateCache, ConcurrentRequestsForOneKeyShareOneComputation) {
  PermitsGuard guard;
  HeavyGate::instance().set_permits(4);
  AggregateCache cache;
  std::atomic<int> runs{0};
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  auto compute = [&]() -> Result<json> {
    ++runs;
    released.wait();
    return json{{"v", 42}};
  };
  std::vector<std::future<Result<AggregateCache::Answer>>> answers;
  for (int i = 0; i < 8; ++i)
    answers.push_back(std::async(std::launch::async, [&] {
      ++started;
      return cache.get("same", 1, compute);
    }));
  while (started < 8) std::this_thread::yield();
  // Give the threads time to reach the cache; correctness does not depend on it (a late one hits the kept answer).
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release.set_value();
  const json* first = nullptr;
  for (auto& f : answers) {
    auto r = f.get();
    ASSERT_TRUE(r.ok());
    if (!first) first = r->get();
    EXPECT_EQ(r->get(), first);
  }
  EXPECT_EQ(runs, 1);
}

TEST(AggregateCache, BeyondThePermitsARequestWaitsThenAnswers503) {
  PermitsGuard guard;
  HeavyGate::instance().set_permits(1);
  AggregateCache::permit_wait = std::chrono::milliseconds(100);
  AggregateCache cache;
  std::promise<void> release, running;
  auto slow = [&]() -> Result<json> {
    running.set_value();
    release.get_future().wait();
    return json{{"slow", true}};
  };
  auto busy = std::async(std::launch::async, [&] { return cache.get("slow", 1, slow); });
  running.get_future().wait();
  auto other = cache.get("other", 1, [] { return Result<json>(json{{"other", true}}); });
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::unavailable);
  EXPECT_EQ(json::parse(other.error().detail_json)["retry_after_seconds"], AggregateCache::kRetryAfterSeconds);
  release.set_value();
  ASSERT_TRUE(busy.get().ok());
  // The permit is back: the next computation runs.
  EXPECT_TRUE(cache.get("other", 1, [] { return Result<json>(json{{"other", true}}); }).ok());
}

TEST(AggregateCache, AComputationThatComputesAnotherTakesNoSecondPermit) {
  PermitsGuard guard;
  HeavyGate::instance().set_permits(1);
  AggregateCache::permit_wait = std::chrono::milliseconds(100);
  AggregateCache outer, inner;
  auto r = outer.get("dashboard", 1, [&]() -> Result<json> {
    auto i = inner.get("indicators", 1, [] { return Result<json>(json{{"n", 1}}); });
    if (!i) return std::move(i).error();
    return json{{"inner", **i}};
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((**r)["inner"]["n"], 1);
}

// The deadlock seen in CI: the dashboard's computation (holding the only permit) needed the indicators while
// another request for the indicators had registered their computation and waited for a permit.
TEST(AggregateCache, WaitingForAComputationNeverWaitsOnThePermitLimit) {
  PermitsGuard guard;
  HeavyGate::instance().set_permits(1);
  AggregateCache::permit_wait = std::chrono::milliseconds(10000);  // far above anything a loaded machine adds
  AggregateCache dashboards, indicators;
  std::promise<void> holding;
  std::atomic<bool> other_started{false};
  auto ind = [] { return Result<json>(json{{"n", 1}}); };
  auto dash = std::async(std::launch::async, [&] {
    return dashboards.get("dashboard", 1, [&]() -> Result<json> {
      holding.set_value();
      while (!other_started) std::this_thread::yield();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the other request reaches the cache first
      auto i = indicators.get("indicators", 1, ind);
      if (!i) return std::move(i).error();
      return json{{"inner", **i}};
    });
  });
  holding.get_future().wait();
  auto other = std::async(std::launch::async, [&] {
    other_started = true;
    return indicators.get("indicators", 1, ind);
  });
  const auto t0 = std::chrono::steady_clock::now();
  auto d = dash.get();
  auto o = other.get();
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(8000)) << "nobody waited out the permit";
}

TEST(AggregateCache, AThrowingComputationReleasesItsWaitersAndThePermit) {
  PermitsGuard guard;
  HeavyGate::instance().set_permits(1);
  AggregateCache::permit_wait = std::chrono::milliseconds(100);
  AggregateCache cache;
  EXPECT_THROW((void)cache.get("k", 1, []() -> Result<json> { throw std::runtime_error("boom"); }), std::runtime_error);
  EXPECT_TRUE(cache.get("k", 1, [] { return Result<json>(json{{"ok", 1}}); }).ok());
}

}  // namespace
}  // namespace kredo::domain
