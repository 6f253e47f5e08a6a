// Answers of registry lists (families, people), kept in the server under the registry generation they were
// computed at (migration 0013: every committed change of families, people, teams or users sets a new
// generation). A request takes a cached answer only if it was computed at the current generation. The
// current generation is read from the database again after any write through this process (so a request
// that follows a write sees it) and at least every storage::kRevalidateAfter (so a write by the CLI or by a
// second server is seen within that time); in between it is kept in memory (storage::Revalidated), and an
// answer from the cache costs no database read at all. Keys carry the scope (sees all, or the team) and every query parameter, so one user's answer never
// reaches another scope. The audit row of each request is written as before; only the computation is shared.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/db/db.hpp"
#include "storage/db/revalidated.hpp"

namespace kredo::domain {

// The registry generation as the transaction's snapshot sees it.
inline std::int64_t registry_generation(storage::Transaction& tx) {
  auto r = tx.query_one("SELECT gen FROM registry_generation WHERE id = 1");
  return r ? r->i64(0) : 0;
}

// A page's serialised form, made once and shared by every copy of the page (a cached page is answered
// many times: its JSON is built on the first answer only).
class RenderedOnce {
 public:
  template <class F>
  const std::string& get(F&& render) {
    std::call_once(once_, [&] { text_ = render(); });
    return text_;
  }

 private:
  std::once_flag once_;
  std::string text_;
};

// The audit detail of a list answer: {"ids":[…],"total":N}, the ids of the rows shown.
template <class Item>
std::string list_audit_detail(const std::vector<Item>& items, std::int64_t total) {
  std::string out = "{\"ids\":[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + std::to_string(items[i].id);
  return out + "],\"total\":" + std::to_string(total) + "}";
}

template <class Page>
class ListCache {
 public:
  explicit ListCache(std::size_t capacity = 128) : capacity_(capacity) {}

  // The registry generation, read again only when storage::Revalidated says so.
  std::int64_t current_generation(storage::Database& db) {
    return generation_.get(db, [&] {
      auto tx = db.begin(storage::TxMode::statement);
      return registry_generation(*tx);
    });
  }

  // The answer for key computed at generation gen, if kept.
  std::shared_ptr<const Page> find(const std::string& key, std::int64_t gen) {
    std::lock_guard<std::mutex> lk(m_);
    auto it = map_.find(key);
    if (it == map_.end() || it->second.gen != gen) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second.pos);
    ++hits_;
    return it->second.page;
  }

  void put(const std::string& key, std::int64_t gen, std::shared_ptr<const Page> shared) {
    std::lock_guard<std::mutex> lk(m_);
    auto it = map_.find(key);
    if (it != map_.end()) {
      it->second.gen = gen;
      it->second.page = std::move(shared);
      lru_.splice(lru_.begin(), lru_, it->second.pos);
      return;
    }
    lru_.push_front(key);
    map_.emplace(key, Entry{gen, std::move(shared), lru_.begin()});
    while (map_.size() > capacity_) {
      map_.erase(lru_.back());
      lru_.pop_back();
    }
  }

  std::uint64_t hits() const {
    std::lock_guard<std::mutex> lk(m_);
    return hits_;
  }

 private:
  struct Entry {
    std::int64_t gen;
    std::shared_ptr<const Page> page;
    std::list<std::string>::iterator pos;
  };
  const std::size_t capacity_;
  storage::Revalidated<std::int64_t> generation_;
  mutable std::mutex m_;
  std::list<std::string> lru_;
  std::unordered_map<std::string, Entry> map_;
  std::uint64_t hits_ = 0;
};

}  // namespace kredo::domain
