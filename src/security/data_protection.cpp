#include "security/data_protection.hpp"

#include "common/clock.hpp"
#include "domain/blob_sql.hpp"

#include <optional>

namespace kredo::security {

using storage::TxMode;

const std::vector<EncryptedColumn>& encrypted_columns() {
  static const std::vector<EncryptedColumn> cols = {
      {"special_category", "id", "value"},
      {"special_category", "id", "note"},
      {"user_totp", "user_id", "secret"},
  };
  return cols;
}

const std::vector<EncryptedColumn>& encrypted_blob_columns() {
  static const std::vector<EncryptedColumn> cols = {
      {"incident_evidence", "id", "data"},
      {"documents", "id", "pdf"},
  };
  return cols;
}

namespace {

// Re-seals every file of one binary column: `rows` selects key and file (hex on PostgreSQL);
// `reseal` gets the stored bytes and returns the new ones. One row in memory at a time.
template <typename Reseal>
std::int64_t reseal_files(storage::Transaction& tx, const EncryptedColumn& c, const std::string& where,
                          Reseal&& reseal) {
  const auto d = tx.dialect();
  std::int64_t n = 0;
  auto keys = tx.query("SELECT " + c.key_column + " FROM " + c.table + " WHERE " + c.column + " IS NOT NULL" + where);
  for (const auto& k : keys) {
    auto r = tx.query_one("SELECT " + domain::blob_column_sql(d, c.column) + " FROM " + c.table + " WHERE " +
                              c.key_column + " = $1",
                          {k.str(0)});
    const std::string sealed = reseal(domain::blob_from_cell(d, r->str(0)));
    tx.exec("UPDATE " + c.table + " SET " + c.column + " = " + domain::blob_param_sql(d, 1) + " WHERE " +
                c.key_column + " = $2",
            {domain::blob_value(d, sealed), k.str(0)});
    ++n;
  }
  return n;
}

void record_key(storage::Transaction& tx, const std::string& id) {
  const std::string now = format_utc(std::time(nullptr));
  if (tx.query_one("SELECT value FROM settings WHERE key = $1", {kDataKeySetting}))
    tx.exec("UPDATE settings SET value = $1, updated_at = $2, version = version + 1 WHERE key = $3",
            {id, now, kDataKeySetting});
  else
    tx.exec("INSERT INTO settings (key, value, updated_at, version) VALUES ($1, $2, $3, 1)", {kDataKeySetting, id, now});
}

}  // namespace

Result<std::int64_t> prepare_encryption(storage::Database& db, const Cipher& cipher) {
  auto tx = db.begin(TxMode::write);
  auto bound = tx->query_one("SELECT value FROM settings WHERE key = $1", {kDataKeySetting});
  if (bound && !cipher.knows_key(bound->str(0)))
    return Error::invalid_request("the database's data is encrypted with data key " + bound->str(0) +
                                  ", but the configured data key is " + cipher.key_id() +
                                  ". Configure the right key (--key-file, KREDO_DATA_KEY_FILE or KREDO_DATA_KEY); "
                                  "if this is the generated development key, the file was replaced.");
  std::int64_t n = 0;
  for (const auto& c : encrypted_columns()) {
    auto rows = tx->query("SELECT " + c.key_column + ", " + c.column + " FROM " + c.table + " WHERE " + c.column +
                          " IS NOT NULL AND " + c.column + " NOT LIKE 'enc1:%'");
    for (const auto& r : rows) {
      tx->exec("UPDATE " + c.table + " SET " + c.column + " = $1 WHERE " + c.key_column + " = $2",
               {cipher.encrypt_text(r.str(1)), r.str(0)});
      ++n;
    }
  }
  for (const auto& c : encrypted_blob_columns())
    n += reseal_files(*tx, c, " AND " + domain::blob_unsealed_sql(tx->dialect(), c.column),
                      [&](const std::string& plain) { return cipher.encrypt(plain); });
  if (!bound || bound->str(0) != cipher.key_id()) record_key(*tx, cipher.key_id());
  tx->commit();
  return n;
}

Result<RotationResult> rotate_data_key(storage::Database& db, const Cipher& current, const DataKey& new_key) {
  if (new_key.id == current.key_id()) return Error::invalid_request("the new key is the current key");
  RotationResult out{current.key_id(), new_key.id, 0};
  Cipher next({new_key});
  auto tx = db.begin(TxMode::write);
  auto bound = tx->query_one("SELECT value FROM settings WHERE key = $1", {kDataKeySetting});
  if (bound && !current.knows_key(bound->str(0)))
    return Error::invalid_request("the database is encrypted with data key " + bound->str(0) +
                                  ", not with the configured current key " + current.key_id());
  for (const auto& c : encrypted_columns()) {
    auto rows = tx->query("SELECT " + c.key_column + ", " + c.column + " FROM " + c.table + " WHERE " + c.column +
                          " IS NOT NULL");
    for (const auto& r : rows) {
      std::string plain;
      if (Cipher::is_encrypted_text(r.str(1))) {
        auto p = current.decrypt_text(r.str(1));
        if (!p) return Error::invalid_request(c.table + "." + c.column + " " + r.str(0) + ": " + p.error().message);
        plain = std::move(*p);
      } else {
        plain = r.str(1);
      }
      tx->exec("UPDATE " + c.table + " SET " + c.column + " = $1 WHERE " + c.key_column + " = $2",
               {next.encrypt_text(plain), r.str(0)});
      ++out.values;
    }
  }
  std::optional<Error> failed;
  for (const auto& c : encrypted_blob_columns()) {
    out.values += reseal_files(*tx, c, "", [&](const std::string& stored) {
      if (!Cipher::key_id_of(stored)) return next.encrypt(stored);  // a file from before encryption
      auto plain = current.decrypt(stored);
      if (!plain) {
        if (!failed) failed = Error::invalid_request(c.table + "." + c.column + ": " + plain.error().message);
        return stored;
      }
      return next.encrypt(*plain);
    });
    if (failed) return *failed;
  }
  record_key(*tx, new_key.id);
  tx->commit();
  return out;
}

}  // namespace kredo::security
