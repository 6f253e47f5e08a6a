// SQLite adapter: WAL, foreign keys, synchronous=FULL, busy timeout; one writer connection
// (write transactions are serialised, BEGIN IMMEDIATE) and a pool of read-only readers.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/db/db.hpp"
#include "storage/db/row_stream.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kredo::storage {

class SqliteConnection {
 public:
  SqliteConnection(const std::string& path, bool read_only, int busy_timeout_ms);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Rows query(std::string_view sql, const Params& params);
  // The same rows one at a time, without copying them (row_stream.hpp).
  void stream(std::string_view sql, const Params& params, const RowCallback& fn);
  std::int64_t exec(std::string_view sql, const Params& params);
  void exec_script(std::string_view sql);
  sqlite3* handle() { return db_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql);
  [[noreturn]] void fail(int rc, const std::string& context);

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, const DbOptions& options);
  ~SqliteDatabase() override;

  std::unique_ptr<Transaction> begin(TxMode mode) override;
  Dialect dialect() const override { return Dialect::sqlite; }
  void backup_to(const std::string& path) override;

  // Used by transactions to hand their connection back.
  void release_reader(SqliteConnection* c);

 private:
  friend class SqliteTransaction;
  std::string path_;
  DbOptions options_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex writer_mutex_;

  std::mutex readers_mutex_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> all_readers_;
  std::vector<SqliteConnection*> free_readers_;
};

}  // namespace kredo::storage
