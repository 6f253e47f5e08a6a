// Binary columns (BLOB on SQLite, BYTEA on PostgreSQL) through the text-cell storage adapter:
// SQLite gets the raw bytes cast to BLOB, PostgreSQL hex text decoded by the server.
#pragma once

#include <string>

#include "storage/db/db.hpp"

namespace kredo::domain {

// The SQL expression that binds parameter $n as bytes.
std::string blob_param_sql(storage::Dialect d, int n);
// The value to bind for that parameter.
storage::DbValue blob_value(storage::Dialect d, const std::string& bytes);
// The SQL expression that selects a binary column, and the bytes back from its cell.
std::string blob_column_sql(storage::Dialect d, const std::string& column);
std::string blob_from_cell(storage::Dialect d, const std::string& cell);

}  // namespace kredo::domain
