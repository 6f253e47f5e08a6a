#include "app/restore.hpp"

#include "domain/blob_sql.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <stdexcept>

#include <stdlib.h>
#include <unistd.h>

#include "storage/migrate/migrator.hpp"

namespace kredo::app {

using storage::Database;
using storage::DbValue;
using storage::TxMode;

namespace {

struct TableInfo {
  std::string name;
  std::vector<std::string> columns;
  std::vector<bool> binary;           // BLOB columns (files), bound as bytes, not as text
  std::string pk;                     // single-column primary key, or empty
  std::set<std::string> parents;      // other tables it references
  std::vector<std::string> self_refs;  // its columns that reference itself
};

std::string quote(const std::string& id) { return "\"" + id + "\""; }

// Tables of a SQLite database (the backup) in an order where parents come before children.
std::vector<TableInfo> sqlite_tables(storage::Transaction& tx) {
  std::vector<TableInfo> tables;
  for (const auto& r : tx.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "AND name <> 'schema_migrations' ORDER BY name")) {
    TableInfo t;
    t.name = r.str(0);
    int pk_cols = 0;
    for (const auto& c : tx.query("PRAGMA table_info(" + quote(t.name) + ")")) {
      t.columns.push_back(c.str(1));
      t.binary.push_back(c.str(2) == "BLOB");
      if (c.i64(5) > 0) {
        ++pk_cols;
        t.pk = c.str(1);
      }
    }
    if (pk_cols != 1) t.pk.clear();
    for (const auto& f : tx.query("PRAGMA foreign_key_list(" + quote(t.name) + ")")) {
      if (f.str(2) == t.name) t.self_refs.push_back(f.str(3));
      else t.parents.insert(f.str(2));
    }
    tables.push_back(std::move(t));
  }
  std::vector<TableInfo> ordered;
  std::set<std::string> done, visiting;
  std::map<std::string, const TableInfo*> by_name;
  for (const auto& t : tables) by_name[t.name] = &t;
  std::function<void(const TableInfo&)> visit = [&](const TableInfo& t) {
    if (done.count(t.name) || visiting.count(t.name)) return;
    visiting.insert(t.name);
    for (const auto& p : t.parents)
      if (auto it = by_name.find(p); it != by_name.end()) visit(*it->second);
    visiting.erase(t.name);
    done.insert(t.name);
    ordered.push_back(t);
  };
  for (const auto& t : tables) visit(t);
  return ordered;
}

std::string temp_copy_path() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kredo-restore-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file");
  close(fd);
  return tmpl;
}

std::string sqlite_path(const std::string& url) {
  std::string p = url.substr(7);
  if (auto q = p.find('?'); q != std::string::npos) p = p.substr(0, q);
  return p;
}

Result<int> migrate(Database& db, const std::string& what) {
  storage::Migrator m(db, storage::load_migrations(storage::embedded_migrations()));
  auto st = m.status();
  if (!st.problems.empty()) return Error::invalid_request(what + ": " + st.problems.front());
  auto done = m.migrate();
  if (!done) return Error::invalid_request(what + ": " + done.error().message);
  return m.status().database_version;
}

}  // namespace

Result<RestoreResult> restore_database(const RestoreOptions& o) {
  if (!std::filesystem::is_regular_file(o.from))
    return Error::invalid_request("the backup file '" + o.from + "' does not exist");
  const bool target_sqlite = o.to_url.rfind("sqlite:", 0) == 0;
  if (target_sqlite && std::filesystem::exists(sqlite_path(o.to_url)) &&
      std::filesystem::equivalent(sqlite_path(o.to_url), o.from))
    return Error::invalid_request("the backup and the target are the same file");

  // The backup is never changed: a temporary copy is checked and migrated.
  const std::string copy = temp_copy_path();
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      std::error_code ec;
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
    }
  } cleanup{copy};
  std::filesystem::copy_file(o.from, copy, std::filesystem::copy_options::overwrite_existing);
  std::unique_ptr<Database> src;
  try {
    src = storage::open_database("sqlite:" + copy, {2, 10000});
    auto tx = src->begin(TxMode::read);
    auto ok = tx->query_one("PRAGMA integrity_check");
    if (!ok || ok->str(0) != "ok") return Error::invalid_request("the backup file fails SQLite's integrity check");
    if (!tx->query_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"))
      return Error::invalid_request("'" + o.from + "' is not a KREDO database backup");
  } catch (const storage::DbError& e) {
    return Error::invalid_request("'" + o.from + "' cannot be read as a SQLite database: " + e.what());
  }
  auto src_version = migrate(*src, "backup");
  if (!src_version) return std::move(src_version).error();

  // The target: checked for data, replaced only with --force.
  if (target_sqlite && o.force) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path(o.to_url) + suffix, ec);
  }
  auto dst = storage::open_database(o.to_url, {2, 10000});
  auto dst_version = migrate(*dst, "target");
  if (!dst_version) return std::move(dst_version).error();

  std::vector<TableInfo> tables;
  {
    auto tx = src->begin(TxMode::read);
    tables = sqlite_tables(*tx);
  }
  RestoreResult out;
  out.schema_version = *dst_version;
  auto tx = dst->begin(TxMode::write);
  const std::int64_t held = tx->query_one("SELECT COUNT(*) FROM users")->i64(0) +
                            tx->query_one("SELECT COUNT(*) FROM audit_log")->i64(0);
  if (held > 0) {
    if (!o.force)
      return Error::conflict("the target database holds data (" + std::to_string(held) +
                             " users and audit rows); use --force to replace it");
    // PostgreSQL (SQLite targets were recreated above). TRUNCATE skips the audit log's row triggers.
    std::string list;
    for (const auto& t : tables) list += (list.empty() ? "" : ", ") + quote(t.name);
    tx->exec("TRUNCATE " + list + " RESTART IDENTITY CASCADE");
  }
  // Rows that migrations seed are replaced by the backup's.
  for (auto it = tables.rbegin(); it != tables.rend(); ++it)
    if (it->name != "audit_log") tx->exec("DELETE FROM " + quote(it->name));

  auto stx = src->begin(TxMode::read);
  for (const auto& t : tables) {
    // Derived tables are not copied: the target's triggers rebuild them from the rows they derive
    // from (support_minutes_monthly from attendance, migration 0012); copying would count twice.
    if (t.name == "support_minutes_monthly") continue;
    std::string cols, params;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      cols += (i ? ", " : "") + quote(t.columns[i]);
      params += std::string(i ? ", " : "") +
                (t.binary[i] ? domain::blob_param_sql(dst->dialect(), static_cast<int>(i + 1)) : "$" + std::to_string(i + 1));
    }
    const std::string insert = "INSERT INTO " + quote(t.name) + " (" + cols + ") VALUES (" + params + ")";
    std::vector<std::size_t> self_idx;
    if (!t.pk.empty())
      for (const auto& c : t.self_refs)
        self_idx.push_back(static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), c) - t.columns.begin()));
    std::vector<std::pair<std::size_t, storage::Params>> later;  // self-references set after all rows exist
    const std::size_t pk_idx =
        t.pk.empty() ? 0 : static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), t.pk) - t.columns.begin());
    for (const auto& r : stx->query("SELECT " + cols + " FROM " + quote(t.name))) {
      storage::Params p;
      for (std::size_t i = 0; i < t.columns.size(); ++i)
        p.push_back(r.is_null(i) ? DbValue()
                    : t.binary[i] ? domain::blob_value(dst->dialect(), r.str(i))
                                  : DbValue(r.str(i)));
      for (std::size_t i : self_idx)
        if (!r.is_null(i)) {
          later.push_back({i, {DbValue(r.str(i)), DbValue(r.str(pk_idx))}});
          p[i] = DbValue();
        }
      tx->exec(insert, p);
      ++out.rows;
    }
    for (const auto& [i, p] : later)
      tx->exec("UPDATE " + quote(t.name) + " SET " + quote(t.columns[i]) + " = $1 WHERE " + quote(t.pk) + " = $2", p);
    if (dst->dialect() == storage::Dialect::postgresql && t.pk == "id")
      tx->query("SELECT setval(pg_get_serial_sequence('" + t.name + "', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) "
                "FROM " + quote(t.name));
    ++out.tables;
  }
  tx->commit();
  return out;
}

// One cell in a form both databases agree on: PostgreSQL answers bytea as "\x<hex>" and a whole REAL
// as "120" where SQLite says "120.0"; the bytes and the numbers are the same.
static std::string canonical_cell(std::string v, bool postgres) {
  if (postgres && v.size() >= 2 && v[0] == '\\' && v[1] == 'x' && v.size() % 2 == 0 &&
      v.find_first_not_of("0123456789abcdef", 2) == std::string::npos) {
    std::string bytes;
    for (std::size_t i = 2; i + 1 < v.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(v.substr(i, 2), nullptr, 16)));
    return bytes;
  }
  if (v.size() > 2 && v.compare(v.size() - 2, 2, ".0") == 0 &&
      v.find_first_not_of("-0123456789", 0) == v.size() - 2 && v.find_first_of("0123456789") != std::string::npos)
    v.resize(v.size() - 2);
  return v;
}

std::map<std::string, std::vector<std::string>> dump_tables(Database& db) {
  const bool postgres = db.dialect() != storage::Dialect::sqlite;
  std::map<std::string, std::vector<std::string>> out;
  auto tx = db.begin(TxMode::read);
  std::vector<std::string> names;
  if (db.dialect() == storage::Dialect::sqlite) {
    for (const auto& r : tx->query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                   "AND name NOT IN ('schema_migrations', 'registry_generation', 'data_generation', 'data_generation_marks')"))
      names.push_back(r.str(0));
  } else {
    for (const auto& r : tx->query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                   "current_schema() AND table_type = 'BASE TABLE' "
                                   "AND table_name NOT IN ('schema_migrations', 'registry_generation', 'data_generation', 'data_generation_marks')"))
      names.push_back(r.str(0));
  }
  for (const auto& n : names) {
    auto& rows = out[n];
    for (const auto& r : tx->query("SELECT * FROM " + quote(n))) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i)
        line += (i ? "|" : "") + (r.is_null(i) ? std::string("\\N") : canonical_cell(r.str(i), postgres));
      rows.push_back(std::move(line));
    }
    std::sort(rows.begin(), rows.end());
  }
  return out;
}

}  // namespace kredo::app
