// Injectable time: services take a Clock so tests can move time (lock-outs, session timeouts).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace kredo {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t t) : t_(t) {}
  std::int64_t now() const override { return t_.load(); }
  void advance(std::int64_t seconds) { t_ += seconds; }

 private:
  std::atomic<std::int64_t> t_;
};

// "2026-11-28T20:25:00Z" from epoch seconds, and back (nullopt-free: returns -1 on bad input).
std::string format_utc(std::int64_t epoch_seconds);
std::int64_t parse_utc(const std::string& text);

}  // namespace kredo
