#include "storage/db/postgres_database.hpp"

#include <pqxx/pqxx>

#include "storage/db/row_stream.hpp"

namespace kredo::storage {

struct PgConnection {
  explicit PgConnection(const std::string& url) : c(url) {}
  pqxx::connection c;
  bool is_open() { return c.is_open(); }
};

std::string redact_database_url(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

namespace {

[[noreturn]] void rethrow_pq(const std::string& context) {
  try {
    throw;
  } catch (const pqxx::unique_violation& e) {
    throw DbError(DbErrorKind::unique_violation, e.what());
  } catch (const pqxx::foreign_key_violation& e) {
    throw DbError(DbErrorKind::foreign_key_violation, e.what());
  } catch (const pqxx::not_null_violation& e) {
    throw DbError(DbErrorKind::not_null_violation, e.what());
  } catch (const pqxx::check_violation& e) {
    throw DbError(DbErrorKind::check_violation, e.what());
  } catch (const pqxx::serialization_failure& e) {
    throw DbError(DbErrorKind::serialization, e.what());
  } catch (const pqxx::deadlock_detected& e) {
    throw DbError(DbErrorKind::serialization, e.what());
  } catch (const pqxx::broken_connection& e) {
    throw DbError(DbErrorKind::connection, context + e.what());
  } catch (const DbError&) {
    throw;
  } catch (const std::exception& e) {
    throw DbError(DbErrorKind::other, e.what());
  }
}

Rows to_rows(const pqxx::result& r) {
  Rows rows;
  rows.reserve(r.size());
  const auto ncol = r.columns();
  for (const auto& row : r) {
    std::vector<std::optional<std::string>> cells;
    cells.reserve(ncol);
    for (pqxx::row::size_type c = 0; c < ncol; ++c) {
      const auto f = row[c];
      if (f.is_null()) {
        cells.emplace_back(std::nullopt);
      } else {
        cells.emplace_back(std::string(f.c_str(), f.size()));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

class PostgresTransaction final : public Transaction, public RowStreaming {
 public:
  PostgresTransaction(PostgresDatabase& db, TxMode mode) : db_(db), mode_(mode) {
    conn_ = db.acquire();
    try {
      if (mode == TxMode::write) {
        tx_ = std::make_unique<pqxx::work>(conn_->c);
      } else if (mode == TxMode::statement || mode == TxMode::append_log) {
        // append_log: each statement commits on its own (a multi-row INSERT is atomic), without the BEGIN
        // and COMMIT round trips — the audit group commit writes one statement per 200 rows.
        tx_ = std::make_unique<pqxx::nontransaction>(conn_->c);
      } else {
        tx_ = std::make_unique<pqxx::read_transaction>(conn_->c);
      }
    } catch (...) {
      db_.release(std::move(conn_));
      rethrow_pq("");
    }
  }
  ~PostgresTransaction() override {
    tx_.reset();  // aborts if not committed
    db_.release(std::move(conn_));
  }

  Rows query(std::string_view sql, const Params& params) override {
    try {
      return to_rows(run(sql, params));
    } catch (...) {
      rethrow_pq("");
    }
  }
  // The result is read in one round trip as for query(); its cells are handed out without copies.
  void stream_rows(std::string_view sql, const Params& params, const RowCallback& fn) override {
    pqxx::result r;
    try {
      r = run(sql, params);
    } catch (...) {
      rethrow_pq("");
    }
    const auto ncol = r.columns();
    RowView view;
    view.resize(static_cast<std::size_t>(ncol));
    for (const auto& row : r) {
      for (pqxx::row::size_type c = 0; c < ncol; ++c) {
        const auto f = row[c];
        const auto i = static_cast<std::size_t>(c);
        if (f.is_null()) view.set_null(i);
        else view.set_text(i, std::string_view(f.c_str(), f.size()));
      }
      fn(view);
    }
  }
  std::int64_t exec(std::string_view sql, const Params& params) override {
    try {
      return static_cast<std::int64_t>(run(sql, params).affected_rows());
    } catch (...) {
      rethrow_pq("");
    }
  }
  void exec_script(std::string_view sql) override {
    try {
      tx_->exec(std::string(sql));
    } catch (...) {
      rethrow_pq("");
    }
  }
  void commit() override {
    try {
      tx_->commit();
    } catch (...) {
      rethrow_pq("");
    }
    if (mode_ == TxMode::write) db_.note_write_committed();
  }
  Dialect dialect() const override { return Dialect::postgresql; }

 private:
  pqxx::result run(std::string_view sql, const Params& params) {
    std::vector<std::string> texts;
    texts.reserve(params.size());
    for (const auto& p : params) texts.push_back(p.to_text());
    std::vector<const char*> ptrs;
    ptrs.reserve(params.size());
    for (std::size_t i = 0; i < params.size(); ++i)
      ptrs.push_back(params[i].type() == DbValue::Type::null ? nullptr : texts[i].c_str());
    return tx_->exec_params(std::string(sql), pqxx::prepare::make_dynamic_params(ptrs));
  }

  PostgresDatabase& db_;
  TxMode mode_;
  std::unique_ptr<PgConnection> conn_;
  std::unique_ptr<pqxx::transaction_base> tx_;
};

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string& url, const DbOptions& options)
    : url_(url), safe_url_(redact_database_url(url)), options_(options) {
  // Connect once now so that a missing server is reported at start, not at the first request.
  idle_.push_back(connect());
  open_ = 1;
}

PostgresDatabase::~PostgresDatabase() = default;

std::unique_ptr<PgConnection> PostgresDatabase::connect() {
  try {
    auto c = std::make_unique<PgConnection>(url_);
    return c;
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw DbError(DbErrorKind::connection, "cannot connect to PostgreSQL at " + safe_url_ + ": " + why);
  }
}

std::unique_ptr<PgConnection> PostgresDatabase::acquire() {
  std::unique_lock<std::mutex> lk(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      if (c->is_open()) return c;
      --open_;
      continue;
    }
    if (open_ < options_.max_connections) {
      ++open_;
      lk.unlock();
      try {
        return connect();
      } catch (...) {
        lk.lock();
        --open_;
        cv_.notify_one();
        throw;
      }
    }
    cv_.wait(lk);
  }
}

void PostgresDatabase::release(std::unique_ptr<PgConnection> c) {
  if (!c) return;
  {
    std::lock_guard<std::mutex> lk(mutex_);
    if (c->is_open()) {
      idle_.push_back(std::move(c));
    } else {
      --open_;
    }
  }
  cv_.notify_one();
}

std::unique_ptr<Transaction> PostgresDatabase::begin(TxMode mode) {
  return std::make_unique<PostgresTransaction>(*this, mode);
}

void PostgresDatabase::backup_to(const std::string& path) {
  throw DbError(DbErrorKind::other,
                "PostgreSQL databases are backed up with pg_dump: pg_dump --format=custom --file='" + path +
                    "' '" + safe_url_ + "'");
}

}  // namespace kredo::storage
