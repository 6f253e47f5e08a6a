#include "storage/db/db.hpp"

#include <charconv>
#include <cstdio>

#include "storage/db/postgres_database.hpp"
#include "storage/db/sqlite_database.hpp"

namespace kredo::storage {

const char* dialect_name(Dialect d) { return d == Dialect::sqlite ? "sqlite" : "postgresql"; }

std::string DbValue::to_text() const {
  switch (type_) {
    case Type::null: return {};
    case Type::integer: return std::to_string(i_);
    case Type::real: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", d_);
      return buf;
    }
    case Type::text: return s_;
  }
  return {};
}

std::int64_t Row::i64(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is null");
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
  if (ec != std::errc() || p != c->data() + c->size()) {
    // SQLite may hand back a real for an integer expression (e.g. SUM over reals).
    try {
      return static_cast<std::int64_t>(std::stod(*c));
    } catch (...) {
      throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is not a number");
    }
  }
  return v;
}

std::optional<std::int64_t> Row::opt_i64(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}

double Row::f64(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is null");
  try {
    return std::stod(*c);
  } catch (...) {
    throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is not a number");
  }
}

const std::string& Row::str(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is null");
  return *c;
}

std::string rewrite_placeholders_for_sqlite(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

std::unique_ptr<Database> open_database(const std::string& url, const DbOptions& options) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.empty()) throw DbError(DbErrorKind::connection, "sqlite: URL names no file (use sqlite:PATH)");
    return std::make_unique<SqliteDatabase>(path, options);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return std::make_unique<PostgresDatabase>(url, options);
  }
  throw DbError(DbErrorKind::connection,
                "unknown database URL '" + url + "': use sqlite:PATH or postgresql://user@host/db");
}

}  // namespace kredo::storage
