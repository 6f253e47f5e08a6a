// Aggregate answers (the live indicators, the dashboard, the impact summary, the support-hours summary):
// each takes seconds over a national dataset, and without care 64 clients asking at once each start their
// own computation, saturate the cores and starve every other request (issue 8 soak). Three rules:
//   * a kept answer is reused while the data generation it was computed at stands (migration 0014: every
//     committed change of reportable data sets a new generation), exactly like the registry lists;
//   * one computation per key at a time: a request for a key whose computation is running waits for it
//     and takes its answer (under concurrent writes that answer may miss a change committed during the
//     computation: it is at most one computation old);
//   * at most `permits` computations run in the whole process at once (half the cores, at least one); a
//     request that cannot start within the wait answers 503 with Retry-After instead of queueing forever;
//   * an EXPENSIVE answer (its computation itself took at least `stale_min_cost`, 1 s) is not recomputed on every change:
//     after the data changed it is still answered for a refresh interval of ten times its cost (between
//     `refresh_min` and `refresh_max`); then the next request recomputes it while the others keep getting
//     the kept answer, never older than `stale_max`. Each answer says when it was computed (`as_of`). On the
//     national dataset under a steady stream of writes the summaries thus cost a tenth of the CPU instead of
//     all of it; small datasets (milliseconds per computation) are always answered exactly.
// Keys carry everything an answer depends on besides the data (period, role view, the civil date).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

// The data generation as one statement sees it.
std::int64_t data_generation(storage::Database& db);

// The process-wide limit on concurrent heavy computations. Re-entrant per thread: a computation that
// computes another (the dashboard reads the indicators) does not take a second permit.
class HeavyGate {
 public:
  static HeavyGate& instance();
  // Takes a permit within `wait` (true), or gives up (false).
  bool acquire(std::chrono::milliseconds wait);
  void release();
  int permits() const { return permits_; }
  void set_permits(int n);  // tests

 private:
  HeavyGate();
  std::mutex m_;
  std::condition_variable cv_;
  int permits_;
  int in_use_ = 0;
};

class AggregateCache {
 public:
  using Answer = std::shared_ptr<const nlohmann::json>;
  using Compute = std::function<Result<nlohmann::json>()>;

  explicit AggregateCache(std::size_t capacity = 64) : capacity_(capacity) {}

  // The answer for `key` at generation `gen`: kept, shared with a running computation, or computed now.
  Result<Answer> get(const std::string& key, std::int64_t gen, const Compute& compute);

  std::uint64_t hits() const;  // kept answers given, exact or stale
  std::uint64_t stale_hits() const;
  std::uint64_t computations() const;

  // How long a request waits for a permit before it answers 503 (tests shorten it).
  static inline std::chrono::milliseconds permit_wait{30000};
  // The staleness rule for expensive answers (see above; tests change them).
  static inline std::chrono::milliseconds stale_min_cost{1000};
  static inline std::chrono::milliseconds refresh_min{5000};
  static inline std::chrono::milliseconds refresh_max{60000};
  static inline std::chrono::milliseconds stale_max{600000};
  static constexpr int kRetryAfterSeconds = 10;

 private:
  struct Flight {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::unique_ptr<Result<Answer>> result;
  };
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::int64_t gen;
    Answer value;
    std::list<std::string>::iterator pos;
    Clock::time_point computed_at;
    Clock::duration cost;
  };
  enum class Found { answer, flight, lead, none };
  // Under the mutex: a kept answer, a running computation, or (when `lead`) a new computation registered.
  Found find(const std::string& key, std::int64_t gen, bool lead, Answer& answer, std::shared_ptr<Flight>& flight);
  static Result<Answer> wait(Flight& flight);
  static Result<Answer> run(const Compute& compute, Clock::duration& cost);
  // Whether an entry computed at another generation may still be answered (mutex held).
  static bool may_answer_stale(const Entry& e, Clock::time_point now, bool refreshing);

  const std::size_t capacity_;
  mutable std::mutex m_;
  std::list<std::string> lru_;
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
  std::uint64_t hits_ = 0, stale_hits_ = 0, computations_ = 0;
};

}  // namespace kredo::domain
