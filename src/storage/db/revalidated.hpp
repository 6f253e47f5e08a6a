// A small value read from the database and kept in memory so that a hot path need not read it again:
// it is current while no write has committed through this process since it was read
// (Database::write_epoch) — a request that follows a write always reads it again — and for at most
// max_age, within which writes by another process (the CLI, a second server on PostgreSQL) are seen.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>

#include "storage/db/db.hpp"

namespace kredo::storage {

// Writes by another process are seen within this time by every kept value.
inline constexpr std::chrono::milliseconds kRevalidateAfter{250};

// When a kept value was read: the write epoch just before the read, and the (steady) time of it.
struct ReadStamp {
  std::uint64_t epoch = 0;
  std::chrono::steady_clock::time_point at{};

  static ReadStamp now(const Database& db) { return {db.write_epoch(), std::chrono::steady_clock::now()}; }
  bool current(const Database& db, std::chrono::milliseconds max_age = kRevalidateAfter) const {
    return epoch == db.write_epoch() && std::chrono::steady_clock::now() - at < max_age;
  }
};

template <class T>
class Revalidated {
 public:
  explicit Revalidated(std::chrono::milliseconds max_age = kRevalidateAfter) : max_age_(max_age) {}

  // The kept value if it is current, else load()'s (which reads the database), kept from now on.
  template <class Load>
  T get(Database& db, Load&& load) {
    {
      std::lock_guard<std::mutex> lk(m_);
      if (value_ && stamp_.current(db, max_age_)) return *value_;
    }
    // The stamp is taken before the read: a write committing during the read moves the epoch past it,
    // so the value read is never kept as current after that write.
    const ReadStamp stamp = ReadStamp::now(db);
    T v = load();
    std::lock_guard<std::mutex> lk(m_);
    if (!value_ || stamp.at >= stamp_.at) {
      value_ = v;
      stamp_ = stamp;
    }
    return v;
  }

  void forget() {
    std::lock_guard<std::mutex> lk(m_);
    value_.reset();
  }

 private:
  std::chrono::milliseconds max_age_;
  std::mutex m_;
  std::optional<T> value_;
  ReadStamp stamp_;
};

}  // namespace kredo::storage
