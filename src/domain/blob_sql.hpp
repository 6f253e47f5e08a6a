// Binary columns (BLOB on SQLite, BYTEA on PostgreSQL) through the text-cell storage adapter:
// SQLite gets the raw bytes cast to BLOB, PostgreSQL hex text decoded by the server.
#pragma once

#include <string>

#include "security/cipher.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

// The SQL expression that binds parameter $n as bytes.
std::string blob_param_sql(storage::Dialect d, int n);
// The value to bind for that parameter.
storage::DbValue blob_value(storage::Dialect d, const std::string& bytes);
// The SQL expression that selects a binary column, and the bytes back from its cell.
std::string blob_column_sql(storage::Dialect d, const std::string& column);
std::string blob_from_cell(storage::Dialect d, const std::string& cell);

// Files at rest (evidence, generated letters) are sealed with the data key when the application
// has one (always, outside a few unit tests). open_blob accepts a file stored before encryption
// (it has no KREDO header) as it is; prepare_encryption seals those at the next start.
std::string seal_blob(const security::Cipher* cipher, const std::string& bytes);
std::string open_blob(const security::Cipher* cipher, std::string bytes);
// A SQL condition true when the binary column holds a file not yet sealed (no KREDO header).
std::string blob_unsealed_sql(storage::Dialect d, const std::string& column);

}  // namespace kredo::domain
