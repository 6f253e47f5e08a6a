// Group commit for the audit rows of reads (list and search answers).
//
// A read runs in a read transaction (SQLite: a pooled reader, never behind the single writer); its audit row
// then goes through this writer: rows that arrive while one batch is being committed wait together and are
// committed in the next single transaction (one fsync for all of them). write() returns only when the
// caller's row is durable, and throws when its batch failed, so the answer is never sent unaudited
// ("every read of personal data is audited" stays true and nothing acknowledged is lost).
// No background thread: the first waiting caller commits the batch for everyone (leader/follower).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "security/audit.hpp"

namespace kredo::security {

class AuditWriter {
 public:
  explicit AuditWriter(storage::Database& db) : db_(db) {}
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Blocks until the row is committed; rethrows the database error if its batch failed.
  void write(const Actor& actor, const AuditEvent& event, std::int64_t now);

  // Batches committed so far (for tests and diagnostics).
  std::uint64_t batches() const;

 private:
  struct Item {
    Actor actor;
    AuditEvent event;
    std::int64_t now;
  };
  struct Batch {
    std::vector<Item> items;
    bool done = false;
    std::exception_ptr error;
  };

  storage::Database& db_;
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::shared_ptr<Batch> open_;  // collecting rows
  bool flushing_ = false;
  std::uint64_t batches_ = 0;
};

}  // namespace kredo::security
