// Encryption at rest across the database: which columns hold ciphertext, encrypting rows written
// before encryption was on, binding the database to its key, and key rotation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "security/cipher.hpp"
#include "storage/db/db.hpp"

namespace kredo::security {

// A TEXT column holding Cipher::encrypt_text values (NULL allowed). Add a line to
// encrypted_columns() for every new encrypted column, so that rotation re-encrypts it.
struct EncryptedColumn {
  std::string table;
  std::string key_column;  // a unique key (usually id)
  std::string column;
};
const std::vector<EncryptedColumn>& encrypted_columns();
// Binary columns holding Cipher::encrypt values (files: evidence, generated letters).
const std::vector<EncryptedColumn>& encrypted_blob_columns();

// The settings key that records which data key the database's ciphertexts use (its id only).
inline constexpr const char* kDataKeySetting = "security.data_key_id";

// At start-up: refuses (with a clear message) a key other than the one the database was
// encrypted with, records the key id on first use, and encrypts plaintext values left from
// before encryption, text values and files alike (one transaction). Returns the number of values
// encrypted.
Result<std::int64_t> prepare_encryption(storage::Database& db, const Cipher& cipher);

struct RotationResult {
  std::string old_key_id, new_key_id;
  std::int64_t values = 0;
};
// Re-encrypts every encrypted value with new_key in one transaction (current decrypts).
// Afterwards configure the new key; the old one can be destroyed.
Result<RotationResult> rotate_data_key(storage::Database& db, const Cipher& current, const DataKey& new_key);

}  // namespace kredo::security
