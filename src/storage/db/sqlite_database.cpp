#include "storage/db/sqlite_database.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>

namespace kredo::storage {

namespace {

DbErrorKind kind_of(int extended) {
  switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return DbErrorKind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return DbErrorKind::foreign_key_violation;
    case SQLITE_CONSTRAINT_NOTNULL: return DbErrorKind::not_null_violation;
    case SQLITE_CONSTRAINT_CHECK: return DbErrorKind::check_violation;
    default: break;
  }
  switch (extended & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DbErrorKind::busy;
    case SQLITE_CANTOPEN: return DbErrorKind::connection;
    default: return DbErrorKind::other;
  }
}

// "UNIQUE constraint failed: users.username" -> "users.username"
std::string constraint_of(const std::string& msg) {
  auto p = msg.find("failed: ");
  return p == std::string::npos ? std::string{} : msg.substr(p + 8);
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool read_only, int busy_timeout_ms) : path_(path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (read_only ? 0 : SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent))
      reason = "directory '" + parent.string() + "' does not exist";
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(DbErrorKind::connection, "cannot open SQLite database '" + path + "': " + reason);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  try {
    if (!read_only) {
      exec_script("PRAGMA journal_mode=WAL;");
    }
    exec_script("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
    // A reader's page cache is emptied by every commit of another connection (WAL), so a large one buys
    // little and costs memory in each of the pool's readers: 512 KiB each (the writer keeps 2 MiB).
    if (read_only) exec_script("PRAGMA query_only=1; PRAGMA cache_size=-512;");
  } catch (const DbError& e) {
    for (auto& [k, s] : statements_) sqlite3_finalize(s);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(DbErrorKind::connection, "cannot use SQLite database '" + path + "': " + e.what());
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [k, s] : statements_) sqlite3_finalize(s);
  if (db_) sqlite3_close(db_);
}

void SqliteConnection::fail(int rc, const std::string& context) {
  std::string msg = sqlite3_errmsg(db_);
  int ext = sqlite3_extended_errcode(db_);
  if (ext == 0) ext = rc;
  throw DbError(kind_of(ext), context.empty() ? msg : context + ": " + msg, constraint_of(msg));
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  std::string key(sql);
  auto it = statements_.find(key);
  if (it != statements_.end()) return it->second;
  std::string rewritten = rewrite_placeholders_for_sqlite(sql);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

namespace {

struct StmtReset {
  sqlite3_stmt* s;
  ~StmtReset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

void bind_all(sqlite3_stmt* s, const Params& params) {
  int n = sqlite3_bind_parameter_count(s);
  for (int i = 0; i < n && i < static_cast<int>(params.size()); ++i) {
    const DbValue& v = params[static_cast<std::size_t>(i)];
    switch (v.type()) {
      case DbValue::Type::null: sqlite3_bind_null(s, i + 1); break;
      case DbValue::Type::integer: sqlite3_bind_int64(s, i + 1, v.integer()); break;
      case DbValue::Type::real: sqlite3_bind_double(s, i + 1, v.real()); break;
      case DbValue::Type::text:
        sqlite3_bind_text(s, i + 1, v.text().data(), static_cast<int>(v.text().size()), SQLITE_STATIC);
        break;
    }
  }
}

}  // namespace

Rows SqliteConnection::query(std::string_view sql, const Params& params) {
  sqlite3_stmt* s = prepare(sql);
  StmtReset reset{s};
  bind_all(s, params);
  Rows rows;
  int ncol = sqlite3_column_count(s);
  for (;;) {
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(rc, "");
    std::vector<std::optional<std::string>> cells;
    cells.reserve(static_cast<std::size_t>(ncol));
    for (int c = 0; c < ncol; ++c) {
      switch (sqlite3_column_type(s, c)) {
        case SQLITE_NULL: cells.emplace_back(std::nullopt); break;
        case SQLITE_INTEGER: cells.emplace_back(std::to_string(sqlite3_column_int64(s, c))); break;
        default: {
          const unsigned char* t = sqlite3_column_text(s, c);
          int len = sqlite3_column_bytes(s, c);
          cells.emplace_back(std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(len)));
        }
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

void SqliteConnection::stream(std::string_view sql, const Params& params, const RowCallback& fn) {
  sqlite3_stmt* s = prepare(sql);
  StmtReset reset{s};
  bind_all(s, params);
  const int ncol = sqlite3_column_count(s);
  RowView view;
  view.resize(static_cast<std::size_t>(ncol));
  for (;;) {
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(rc, "");
    for (int c = 0; c < ncol; ++c) {
      const auto i = static_cast<std::size_t>(c);
      switch (sqlite3_column_type(s, c)) {
        case SQLITE_NULL: view.set_null(i); break;
        case SQLITE_INTEGER: view.set_integer(i, sqlite3_column_int64(s, c)); break;
        default: {  // as query(): text, and reals as SQLite writes them
          const unsigned char* t = sqlite3_column_text(s, c);
          int len = sqlite3_column_bytes(s, c);
          view.set_text(i, std::string_view(reinterpret_cast<const char*>(t), static_cast<std::size_t>(len)));
        }
      }
    }
    fn(view);
  }
}

std::int64_t SqliteConnection::exec(std::string_view sql, const Params& params) {
  sqlite3_stmt* s = prepare(sql);
  StmtReset reset{s};
  bind_all(s, params);
  for (;;) {
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(rc, "");
  }
  return sqlite3_changes64(db_);
}

void SqliteConnection::exec_script(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "error";
    sqlite3_free(err);
    int ext = sqlite3_extended_errcode(db_);
    throw DbError(kind_of(ext ? ext : rc), msg, constraint_of(msg));
  }
}

// ---------------------------------------------------------------------------------------------

class SqliteTransaction final : public Transaction, public RowStreaming {
 public:
  // Write: holds the writer lock for its lifetime. Read: holds one pooled reader.
  SqliteTransaction(SqliteDatabase& db, TxMode mode) : db_(db), mode_(mode) {
    if (is_write()) {
      lock_ = std::unique_lock<std::mutex>(db.writer_mutex_);
      conn_ = db.writer_.get();
      conn_->exec("BEGIN IMMEDIATE", {});
    } else {
      std::unique_lock<std::mutex> lk(db.readers_mutex_);
      if (db.free_readers_.empty() &&
          static_cast<int>(db.all_readers_.size()) < db.options_.max_connections) {
        lk.unlock();
        auto c = std::make_unique<SqliteConnection>(db.path_, true, db.options_.busy_timeout_ms);
        lk.lock();
        conn_ = c.get();
        db.all_readers_.push_back(std::move(c));
      } else {
        db.readers_cv_.wait(lk, [&] { return !db.free_readers_.empty(); });
        conn_ = db.free_readers_.back();
        db.free_readers_.pop_back();
      }
      lk.unlock();
      if (mode == TxMode::statement) {
        done_ = true;  // autocommit: nothing to roll back
        return;
      }
      try {
        conn_->exec("BEGIN", {});
      } catch (...) {
        db_.release_reader(conn_);
        throw;
      }
    }
  }

  ~SqliteTransaction() override {
    if (!done_) {
      try {
        conn_->exec("ROLLBACK", {});
      } catch (...) {
        // The connection rolled back on its own (e.g. after a failed COMMIT).
      }
    }
    if (!is_write()) db_.release_reader(conn_);
  }

  Rows query(std::string_view sql, const Params& params) override { return live().query(sql, params); }
  void stream_rows(std::string_view sql, const Params& params, const RowCallback& fn) override {
    live().stream(sql, params, fn);
  }
  std::int64_t exec(std::string_view sql, const Params& params) override { return live().exec(sql, params); }
  void exec_script(std::string_view sql) override { live().exec_script(sql); }
  void commit() override {
    if (mode_ == TxMode::statement) return;
    conn_->exec("COMMIT", {});
    done_ = true;
    if (mode_ == TxMode::write) db_.note_write_committed();
    // The writer is free for others as soon as this transaction is over, not when it is destroyed.
    if (lock_.owns_lock()) lock_.unlock();
  }
  Dialect dialect() const override { return Dialect::sqlite; }

 private:
  bool is_write() const { return mode_ == TxMode::write || mode_ == TxMode::append_log; }
  SqliteConnection& live() {
    if (done_ && mode_ != TxMode::statement) throw std::logic_error("transaction used after commit");
    return *conn_;
  }

  SqliteDatabase& db_;
  TxMode mode_;
  std::unique_lock<std::mutex> lock_;
  SqliteConnection* conn_ = nullptr;
  bool done_ = false;
};

SqliteDatabase::SqliteDatabase(const std::string& path, const DbOptions& options)
    : path_(path), options_(options) {
  writer_ = std::make_unique<SqliteConnection>(path, false, options.busy_timeout_ms);
}

SqliteDatabase::~SqliteDatabase() = default;

std::unique_ptr<Transaction> SqliteDatabase::begin(TxMode mode) {
  return std::make_unique<SqliteTransaction>(*this, mode);
}

void SqliteDatabase::release_reader(SqliteConnection* c) {
  {
    std::lock_guard<std::mutex> lk(readers_mutex_);
    free_readers_.push_back(c);
  }
  readers_cv_.notify_one();
}

void SqliteDatabase::backup_to(const std::string& path) {
  sqlite3* dest = nullptr;
  if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string msg = dest ? sqlite3_errmsg(dest) : "out of memory";
    if (dest) sqlite3_close(dest);
    throw DbError(DbErrorKind::connection, "cannot create backup file '" + path + "': " + msg);
  }
  {
    // The backup reads through the writer connection so that it sees every committed write.
    std::lock_guard<std::mutex> lk(writer_mutex_);
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", writer_->handle(), "main");
    if (!b) {
      std::string msg = sqlite3_errmsg(dest);
      sqlite3_close(dest);
      throw DbError(DbErrorKind::other, "backup failed: " + msg);
    }
    int rc;
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
      std::string msg = sqlite3_errmsg(dest);
      sqlite3_close(dest);
      throw DbError(DbErrorKind::other, "backup failed: " + msg);
    }
  }
  sqlite3_close(dest);
  // Re-open the copy and check it.
  SqliteConnection check(path, true, options_.busy_timeout_ms);
  Rows r = check.query("PRAGMA integrity_check", {});
  if (r.empty() || r[0].str(0) != "ok")
    throw DbError(DbErrorKind::other, "backup copy '" + path + "' failed its integrity check");
}

}  // namespace kredo::storage
