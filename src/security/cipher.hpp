// Encryption at rest (libsodium crypto_secretbox: XSalsa20-Poly1305) for special-category data,
// second-factor secrets and evidence files. The key lives in a file or the environment, never in
// the database. Every ciphertext names the key that made it (an 8-hex-digit id derived from the
// key), so that `kredo keys rotate` can re-encrypt and a wrong key gives a clear error.
//
//   binary form (files, BLOBs): "KRD1" | key id (8 ASCII hex) | nonce (24) | MAC (16) | ciphertext
//   text form (TEXT columns):   "enc1:" + base64 of the binary form
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace kredo::security {

struct DataKey {
  std::string id;                      // 8 hex digits
  std::array<unsigned char, 32> bytes{};
};

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

DataKey generate_data_key();
// A key from its base64 text (32 bytes); the error names what is wrong.
Result<DataKey> parse_data_key(std::string_view base64);
Result<DataKey> read_key_file(const std::string& path);
// Writes the key (base64, one line) to a new file with mode 0600; refuses to overwrite.
Status write_key_file(const std::string& path, const DataKey& key);
std::string key_to_base64(const DataKey& key);

class Cipher {
 public:
  // The first key encrypts; all of them decrypt (older keys during a rotation).
  explicit Cipher(std::vector<DataKey> keys);

  const std::string& key_id() const { return keys_.front().id; }
  bool knows_key(const std::string& id) const;

  std::string encrypt(std::string_view plaintext) const;           // binary form
  Result<std::string> decrypt(std::string_view ciphertext) const;  // binary form
  std::string encrypt_text(std::string_view plaintext) const;      // "enc1:..."
  Result<std::string> decrypt_text(std::string_view stored) const;
  std::optional<std::string> encrypt_opt(const std::optional<std::string>& v) const {
    if (!v) return std::nullopt;
    return encrypt_text(*v);
  }
  // Decrypts a stored text value; a value without the "enc1:" prefix is returned as it is (rows
  // written before encryption was switched on are encrypted at start-up; see encrypt_pending).
  // Throws std::runtime_error with a clear message when the key is wrong or the value damaged:
  // that is broken infrastructure, not a user error.
  std::string open_text(std::string_view stored) const;
  std::optional<std::string> open_opt(const std::optional<std::string>& v) const {
    if (!v) return std::nullopt;
    return open_text(*v);
  }

  static bool is_encrypted_text(std::string_view stored);
  // The key id inside a ciphertext (binary or text form), or nullopt when it is not one.
  static std::optional<std::string> key_id_of(std::string_view ciphertext);

 private:
  const DataKey* find(const std::string& id) const;
  std::vector<DataKey> keys_;
};

// Where the data key comes from: a base64 key (KREDO_DATA_KEY), a key file (--key-file,
// `data_key_file` in kredo.conf, KREDO_DATA_KEY_FILE), or, for development only, a key file that
// is generated with mode 0600 on first use (next to the SQLite database).
struct KeyConfig {
  std::string key_base64;
  std::string key_file;
  std::string dev_key_file;
};

// Throws std::runtime_error with a clear message when the configured key cannot be read.
Cipher load_cipher(const KeyConfig& config);
// The development key file for a database URL: <dir of the SQLite file>/kredo-data.key, or
// var/kredo-data.key for PostgreSQL and in-memory databases.
std::string default_dev_key_file(const std::string& db_url);

}  // namespace kredo::security
