// Group commit for the audit rows of reads (list and search answers).
//
// A list read runs in a read transaction (SQLite: a pooled reader, never behind the single writer); its
// audit row then goes through a group commit: rows that arrive while one batch is being committed wait
// together and are committed in the next single transaction (one fsync for all of them). The call returns
// only when the caller's row is durable, and throws when its batch failed, so the answer is never sent
// unaudited ("every read of personal data is audited" stays true, and nothing acknowledged is lost).
// No background thread: the first waiting caller commits the batch for everyone (leader/follower). Callers
// wait on their own batch's atomic signal, not under the queue's mutex: a commit wakes only the callers whose
// rows it held, which return without taking the mutex again, and one caller of the next batch to lead it.
// (One condition variable for all, woken at every commit, made every waiter fight for the mutex: that cost
// more than the commit itself at 64 concurrent readers.)
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "security/audit.hpp"

namespace kredo::security {

// One queue per database object (the process-wide writer of that database).
void group_commit_audit(storage::Database& db, const Actor& actor, const AuditEvent& event, std::int64_t now);

// The queue itself; every caller of one AuditWriter passes the same database.
class AuditWriter {
 public:
  AuditWriter() = default;
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Blocks until the row is committed; rethrows the database error if its batch failed.
  void write(storage::Database& db, const Actor& actor, const AuditEvent& event, std::int64_t now);

  // Batches committed so far (for tests and diagnostics).
  std::uint64_t batches() const;

 private:
  struct Batch {
    std::vector<AuditRow> items;   // under m_
    std::exception_ptr error;      // written before done
    std::atomic<bool> done{false}; // set under m_
    std::atomic<std::uint32_t> signal{0};  // moves when the batch is done or may be led
  };

  mutable std::mutex m_;
  std::shared_ptr<Batch> open_;  // collecting rows
  bool flushing_ = false;
  std::uint64_t batches_ = 0;
};

}  // namespace kredo::security
