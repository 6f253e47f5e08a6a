// The storage adapter: one small interface over SQLite (sqlite3 C API) and PostgreSQL (libpqxx).
// SQL is written once with $1..$N placeholders; values come back as text cells with typed getters.
// Infrastructure failures and constraint violations throw DbError; repositories catch the kinds
// they expect (a unique violation, say) and turn them into domain errors.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kredo::storage {

enum class Dialect { sqlite, postgresql };
const char* dialect_name(Dialect d);

enum class DbErrorKind {
  unique_violation,
  foreign_key_violation,
  not_null_violation,
  check_violation,
  busy,
  serialization,
  connection,
  other,
};

class DbError : public std::runtime_error {
 public:
  DbError(DbErrorKind kind, std::string message, std::string constraint = {})
      : std::runtime_error(std::move(message)), kind_(kind), constraint_(std::move(constraint)) {}
  DbErrorKind kind() const { return kind_; }
  const std::string& constraint() const { return constraint_; }

 private:
  DbErrorKind kind_;
  std::string constraint_;
};

// One bound parameter: null, integer, real or text.
class DbValue {
 public:
  enum class Type { null, integer, real, text };
  DbValue() = default;
  DbValue(std::nullptr_t) {}                                        // NOLINT
  DbValue(int v) : type_(Type::integer), i_(v) {}                   // NOLINT
  DbValue(long v) : type_(Type::integer), i_(v) {}                  // NOLINT
  DbValue(long long v) : type_(Type::integer), i_(v) {}             // NOLINT
  DbValue(bool v) : type_(Type::integer), i_(v ? 1 : 0) {}          // NOLINT
  DbValue(double v) : type_(Type::real), d_(v) {}                   // NOLINT
  DbValue(std::string v) : type_(Type::text), s_(std::move(v)) {}   // NOLINT
  DbValue(std::string_view v) : type_(Type::text), s_(v) {}        // NOLINT
  DbValue(const char* v) : type_(v ? Type::text : Type::null), s_(v ? v : "") {}  // NOLINT
  template <typename T>
  DbValue(const std::optional<T>& v) {  // NOLINT
    if (v) *this = DbValue(*v);
  }

  Type type() const { return type_; }
  std::int64_t integer() const { return i_; }
  double real() const { return d_; }
  const std::string& text() const { return s_; }
  // The value as PostgreSQL's text format wants it (null has no text).
  std::string to_text() const;

 private:
  Type type_ = Type::null;
  std::int64_t i_ = 0;
  double d_ = 0;
  std::string s_;
};

using Params = std::vector<DbValue>;

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const { return !cells_.at(i).has_value(); }
  // Throws DbError(other) on null or a non-number where a number is required.
  std::int64_t i64(std::size_t i) const;
  double f64(std::size_t i) const;
  bool boolean(std::size_t i) const { return i64(i) != 0; }
  const std::string& str(std::size_t i) const;
  std::optional<std::string> opt_str(std::size_t i) const { return cells_.at(i); }
  std::optional<std::int64_t> opt_i64(std::size_t i) const;

 private:
  std::vector<std::optional<std::string>> cells_;
};

using Rows = std::vector<Row>;

// read: one snapshot for every statement; write: the single writer (SQLite) or a read-write transaction;
// statement: reads whose statements each see the latest committed data, without BEGIN and ROLLBACK (two
// round trips fewer on PostgreSQL) — for a read of one statement on a hot path; append_log: a write
// transaction that only appends rows no kept answer is made from (the audit log), so its commit leaves
// the write epoch where it was (see Database::write_epoch); on PostgreSQL each of its statements commits on
// its own (no BEGIN/COMMIT round trips), so write it as single atomic statements.
enum class TxMode { read, write, statement, append_log };

// A transaction on one pooled connection. Destroying it without commit() rolls back.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  virtual void commit() = 0;
  virtual Dialect dialect() const = 0;

  std::optional<Row> query_one(std::string_view sql, const Params& params = {}) {
    Rows rows = query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
};

class Database {
 public:
  virtual ~Database() = default;
  virtual std::unique_ptr<Transaction> begin(TxMode mode) = 0;
  virtual Dialect dialect() const = 0;
  // Online copy to a file and integrity check of the copy (SQLite); PostgreSQL throws with advice.
  virtual void backup_to(const std::string& path) = 0;

  // Moves forward on every commit of a TxMode::write transaction through this object (not of append_log
  // ones). A value read at epoch E is as current as the database while the epoch is still E — as far as
  // writes through this process go; storage::Revalidated bounds how long writes by another process (the
  // CLI, a second server on PostgreSQL) stay unseen.
  std::uint64_t write_epoch() const { return write_epoch_.load(std::memory_order_acquire); }
  // Called by the transactions after a write commit has succeeded, before the caller learns of it.
  void note_write_committed() { write_epoch_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  std::atomic<std::uint64_t> write_epoch_{0};
};

struct DbOptions {
  int max_connections = 16;     // readers (SQLite) or pool size (PostgreSQL)
  int busy_timeout_ms = 10000;  // SQLite
};

// Opens "sqlite:PATH" or "postgresql://..." (also "postgres://..."). Throws DbError(connection)
// with a message naming the path or server and the reason.
std::unique_ptr<Database> open_database(const std::string& url, const DbOptions& options = {});

// "$1 ... $2" -> "?1 ... ?2", leaving quoted text alone.
std::string rewrite_placeholders_for_sqlite(std::string_view sql);

}  // namespace kredo::storage
