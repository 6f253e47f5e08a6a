// `kredo restore`: a SQLite backup file (from `kredo backup`) into a SQLite or PostgreSQL database.
// The backup is copied to a temporary file and migrated to this binary's schema first, so an older
// backup restores into a current database. Rows are copied table by table in foreign-key order in
// one transaction on the target; ciphertexts are copied as they are (keep the data key with the
// restore, apart from the backup).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "storage/db/db.hpp"

namespace kredo::app {

struct RestoreOptions {
  std::string from;    // SQLite backup file
  std::string to_url;  // sqlite:PATH or postgresql://...
  bool force = false;  // replace a target that holds data
};

struct RestoreResult {
  int tables = 0;
  std::int64_t rows = 0;
  int schema_version = 0;
};

// Refuses a target that holds data (users or audit rows) unless force.
Result<RestoreResult> restore_database(const RestoreOptions& options);

// Every table but schema_migrations and the generation counters (registry_generation, data_generation and its
// marks: cache validation, not data), each as its rows (cells joined by '|', NULL as \N) sorted:
// two databases with equal dumps hold the same data.
std::map<std::string, std::vector<std::string>> dump_tables(storage::Database& db);

}  // namespace kredo::app
