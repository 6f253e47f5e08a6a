// PostgreSQL adapter over libpqxx 6.4: a pool of connections, one per open transaction.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/db/db.hpp"

namespace kredo::storage {

struct PgConnection;  // wraps pqxx::connection (a typedef that cannot be forward-declared)

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& url, const DbOptions& options);
  ~PostgresDatabase() override;

  std::unique_ptr<Transaction> begin(TxMode mode) override;
  Dialect dialect() const override { return Dialect::postgresql; }
  void backup_to(const std::string& path) override;

  std::unique_ptr<PgConnection> acquire();
  void release(std::unique_ptr<PgConnection> c);

 private:
  std::unique_ptr<PgConnection> connect();

  std::string url_;
  std::string safe_url_;  // without the password, for messages
  DbOptions options_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;
};

// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string redact_database_url(const std::string& url);

}  // namespace kredo::storage
