#include "security/audit_writer.hpp"

#include <map>

namespace kredo::security {

void group_commit_audit(storage::Database& db, const Actor& actor, const AuditEvent& event, std::int64_t now) {
  // Keyed by address only: a writer holds no reference to its database (callers pass it), so an entry
  // left by a destroyed database is an empty queue, harmless if the address is reused.
  static std::mutex registry_mutex;
  static std::map<const storage::Database*, std::unique_ptr<AuditWriter>> writers;
  AuditWriter* writer = nullptr;
  {
    std::lock_guard<std::mutex> lk(registry_mutex);
    auto& w = writers[&db];
    if (!w) w = std::make_unique<AuditWriter>();
    writer = w.get();
  }
  writer->write(db, actor, event, now);
}

void AuditWriter::write(storage::Database& db, const Actor& actor, const AuditEvent& event, std::int64_t now) {
  std::unique_lock<std::mutex> lk(m_);
  if (!open_) open_ = std::make_shared<Batch>();
  std::shared_ptr<Batch> mine = open_;
  mine->items.push_back({actor, event, now});
  for (;;) {
    if (mine->done.load(std::memory_order_acquire)) break;
    if (!flushing_) {
      // No batch in flight and ours is not done: ours is the open one. Commit it for everyone in it.
      flushing_ = true;
      std::shared_ptr<Batch> batch = std::move(open_);
      open_.reset();
      lk.unlock();
      std::exception_ptr error;
      try {
        // append_log: the audit rows leave every value kept in memory current (storage::Revalidated).
        auto tx = db.begin(storage::TxMode::append_log);
        write_audit_rows(*tx, batch->items);
        tx->commit();
      } catch (...) {
        error = std::current_exception();
      }
      lk.lock();
      batch->error = error;
      batch->done.store(true, std::memory_order_release);
      flushing_ = false;
      ++batches_;
      std::shared_ptr<Batch> next = open_;
      lk.unlock();
      batch->signal.fetch_add(1, std::memory_order_release);
      batch->signal.notify_all();
      // Rows that arrived meanwhile wait in the open batch: one of their callers leads it.
      if (next) {
        next->signal.fetch_add(1, std::memory_order_release);
        next->signal.notify_one();
      }
      break;
    }
    const std::uint32_t seen = mine->signal.load(std::memory_order_acquire);
    lk.unlock();
    mine->signal.wait(seen, std::memory_order_acquire);
    if (mine->done.load(std::memory_order_acquire)) break;
    lk.lock();
  }
  if (mine->error) std::rethrow_exception(mine->error);
}

std::uint64_t AuditWriter::batches() const {
  std::lock_guard<std::mutex> lk(m_);
  return batches_;
}

}  // namespace kredo::security
