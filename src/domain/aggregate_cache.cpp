#include "domain/aggregate_cache.hpp"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include "common/clock.hpp"

namespace kredo::domain {

std::int64_t data_generation(storage::Database& db) {
  auto tx = db.begin(storage::TxMode::statement);
  auto r = tx->query_one("SELECT gen FROM data_generation WHERE id = 1");
  return r ? r->i64(0) : 0;
}

namespace {
thread_local int gate_depth = 0;  // permits this thread holds (re-entry takes none)
}

HeavyGate::HeavyGate() : permits_(std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 2)) {}

HeavyGate& HeavyGate::instance() {
  static HeavyGate gate;
  return gate;
}

void HeavyGate::set_permits(int n) {
  std::lock_guard<std::mutex> lk(m_);
  permits_ = std::max(1, n);
  cv_.notify_all();
}

bool HeavyGate::acquire(std::chrono::milliseconds wait) {
  if (gate_depth > 0) {
    ++gate_depth;
    return true;
  }
  std::unique_lock<std::mutex> lk(m_);
  if (!cv_.wait_for(lk, wait, [&] { return in_use_ < permits_; })) return false;
  ++in_use_;
  gate_depth = 1;
  return true;
}

void HeavyGate::release() {
  if (--gate_depth > 0) return;
  {
    std::lock_guard<std::mutex> lk(m_);
    --in_use_;
  }
  cv_.notify_one();
}

Result<AggregateCache::Answer> AggregateCache::run(const Compute& compute, Clock::duration& cost) {
  const auto started = Clock::now();
  auto r = compute();
  cost = Clock::now() - started;
  if (!r) return std::move(r).error();
  nlohmann::json doc = std::move(r).value();
  if (doc.is_object()) doc["as_of"] = format_utc(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  return Answer(std::make_shared<const nlohmann::json>(std::move(doc)));
}

bool AggregateCache::may_answer_stale(const Entry& e, Clock::time_point now, bool refreshing) {
  if (e.cost < stale_min_cost) return false;
  const auto age = now - e.computed_at;
  if (age >= stale_max) return false;
  if (refreshing) return true;
  const auto refresh = std::clamp<Clock::duration>(e.cost * 10, refresh_min, refresh_max);
  return age < refresh;
}

AggregateCache::Found AggregateCache::find(const std::string& key, std::int64_t gen, bool lead, Answer& answer,
                                           std::shared_ptr<Flight>& flight) {
  std::lock_guard<std::mutex> lk(m_);
  auto it = entries_.find(key);
  auto f = flights_.find(key);
  if (it != entries_.end() &&
      (it->second.gen == gen || may_answer_stale(it->second, Clock::now(), f != flights_.end()))) {
    lru_.splice(lru_.begin(), lru_, it->second.pos);
    ++hits_;
    if (it->second.gen != gen) ++stale_hits_;
    answer = it->second.value;
    return Found::answer;
  }
  if (f != flights_.end()) {
    flight = f->second;
    return Found::flight;
  }
  if (!lead) return Found::none;
  flight = std::make_shared<Flight>();
  flights_.emplace(key, flight);
  ++computations_;
  return Found::lead;
}

Result<AggregateCache::Answer> AggregateCache::wait(Flight& flight) {
  std::unique_lock<std::mutex> lk(flight.m);
  flight.cv.wait(lk, [&] { return flight.done; });
  return *flight.result;
}

Result<AggregateCache::Answer> AggregateCache::get(const std::string& key, std::int64_t gen, const Compute& compute) {
  Answer answer;
  std::shared_ptr<Flight> flight;
  Found found = find(key, gen, false, answer, flight);
  if (found == Found::answer) return answer;
  if (found == Found::flight) return wait(*flight);
  // A computation is registered only by a request that holds a permit (or runs inside one that does), so a
  // request waiting for a registered computation never waits on the permit limit: no deadlock when the
  // dashboard's computation waits for the indicators' while the indicators' request waits for a permit.
  auto& gate = HeavyGate::instance();
  if (!gate.acquire(permit_wait)) {
    Error e = Error::unavailable("The server is busy computing other summaries. Try again in a moment.");
    e.detail_json = nlohmann::json{{"retry_after_seconds", kRetryAfterSeconds}}.dump();
    return e;
  }
  found = find(key, gen, true, answer, flight);  // another request may have computed or started it meanwhile
  if (found != Found::lead) {
    gate.release();
    if (found == Found::answer) return answer;
    return wait(*flight);
  }

  auto finish = [&](const Result<Answer>& r) {
    {
      std::lock_guard<std::mutex> lk(flight->m);
      flight->result = std::make_unique<Result<Answer>>(r);
      flight->done = true;
    }
    flight->cv.notify_all();
  };
  Result<Answer> r = Error::internal("The computation did not finish.");
  Clock::duration cost{};
  try {
    r = run(compute, cost);
  } catch (...) {
    // Waiters must never hang on a computation that threw; the exception goes on to this request.
    gate.release();
    {
      std::lock_guard<std::mutex> lk(m_);
      flights_.erase(key);
    }
    finish(Error::internal("The computation failed."));
    throw;
  }
  gate.release();
  {
    std::lock_guard<std::mutex> lk(m_);
    flights_.erase(key);
    if (r) {
      auto it = entries_.find(key);
      const auto now = Clock::now();
      if (it != entries_.end()) {
        it->second.gen = gen;
        it->second.value = *r;
        it->second.computed_at = now;
        it->second.cost = cost;
        lru_.splice(lru_.begin(), lru_, it->second.pos);
      } else {
        lru_.push_front(key);
        entries_.emplace(key, Entry{gen, *r, lru_.begin(), now, cost});
        while (entries_.size() > capacity_) {
          entries_.erase(lru_.back());
          lru_.pop_back();
        }
      }
    }
  }
  finish(r);
  return r;
}

std::uint64_t AggregateCache::hits() const {
  std::lock_guard<std::mutex> lk(m_);
  return hits_;
}

std::uint64_t AggregateCache::stale_hits() const {
  std::lock_guard<std::mutex> lk(m_);
  return stale_hits_;
}

std::uint64_t AggregateCache::computations() const {
  std::lock_guard<std::mutex> lk(m_);
  return computations_;
}

}  // namespace kredo::domain
