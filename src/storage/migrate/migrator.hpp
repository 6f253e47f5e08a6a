// Forward-only, checksummed migrations embedded in the binary (migrations/NNNN_name.sql).
// One file serves both databases: lines after "-- @sqlite" or "-- @postgresql" apply to that
// dialect only, until "-- @all"; the token {{pk}} becomes each dialect's auto-increment key.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "storage/db/db.hpp"
#include "storage/migrate/embedded.hpp"

namespace kredo::storage {

struct Migration {
  int version = 0;
  std::string name;
  std::string checksum;  // SHA-256 of the file's text, hex
  std::string sql;       // the file's text (both dialects)
};

struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
  std::string applied_at;
};

struct SchemaStatus {
  int database_version = 0;  // highest applied
  int binary_version = 0;    // highest known to this binary
  std::vector<Migration> pending;
  std::vector<std::string> problems;  // changed checksums, unknown versions
  bool up_to_date() const { return pending.empty() && problems.empty(); }
};

std::vector<Migration> load_migrations(const std::vector<EmbeddedMigration>& files);
// The SQL of one migration for one dialect.
std::string sql_for_dialect(const std::string& sql, Dialect dialect);

class Migrator {
 public:
  Migrator(Database& db, std::vector<Migration> migrations);
  SchemaStatus status();
  // Applies pending migrations, each in its own transaction; returns the versions applied.
  Result<std::vector<int>> migrate();
  // For `kredo serve`: an error saying what to run when the schema does not match.
  Status check_ready(const std::string& db_url_for_message);

 private:
  void ensure_table();
  std::vector<AppliedMigration> applied();

  Database& db_;
  std::vector<Migration> migrations_;
};

}  // namespace kredo::storage
