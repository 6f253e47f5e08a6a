#include "security/cipher.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "security/crypto.hpp"

namespace kredo::security {

namespace {

constexpr std::string_view kMagic = "KRD1";
constexpr std::string_view kTextPrefix = "enc1:";
constexpr std::size_t kIdLen = 8;
constexpr std::size_t kHeader = 4 + kIdLen + crypto_secretbox_NONCEBYTES;

std::string key_id_for(const std::array<unsigned char, 32>& bytes) {
  std::string material = "kredo-data-key:";
  material.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return sha256_hex(material).substr(0, kIdLen);
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  return s.substr(b);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  ensure_sodium();
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  ensure_sodium();
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \r\n",
                        &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  if (end != text.data() + text.size()) return std::nullopt;
  out.resize(len);
  return out;
}

DataKey generate_data_key() {
  ensure_sodium();
  DataKey k;
  crypto_secretbox_keygen(k.bytes.data());
  k.id = key_id_for(k.bytes);
  return k;
}

Result<DataKey> parse_data_key(std::string_view base64) {
  auto raw = base64_decode(trim(std::string(base64)));
  if (!raw) return Error::invalid_request("the data key is not valid base64");
  if (raw->size() != 32)
    return Error::invalid_request("the data key must be 32 bytes (base64 of 32 random bytes, e.g. from `kredo keys "
                                  "generate`), not " + std::to_string(raw->size()));
  DataKey k;
  std::memcpy(k.bytes.data(), raw->data(), 32);
  sodium_memzero(raw->data(), raw->size());
  k.id = key_id_for(k.bytes);
  return k;
}

Result<DataKey> read_key_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::invalid_request("cannot read the data key file '" + path + "'");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    spdlog::warn("the data key file '{}' can be read by other users: chmod 600 it", path);
  auto k = parse_data_key(text);
  sodium_memzero(text.data(), text.size());
  if (!k) return Error::invalid_request("data key file '" + path + "': " + k.error().message);
  return k;
}

std::string key_to_base64(const DataKey& key) {
  return base64_encode(std::string_view(reinterpret_cast<const char*>(key.bytes.data()), key.bytes.size()));
}

Status write_key_file(const std::string& path, const DataKey& key) {
  if (std::filesystem::exists(path)) return Error::invalid_request("'" + path + "' exists already; not overwritten");
  auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  const mode_t old = ::umask(077);
  std::ofstream out(path, std::ios::out | std::ios::trunc);
  ::umask(old);
  if (!out) return Error::invalid_request("cannot create the data key file '" + path + "'");
  out << key_to_base64(key) << "\n";
  out.close();
  ::chmod(path.c_str(), 0600);
  if (!out) return Error::invalid_request("cannot write the data key file '" + path + "'");
  return {};
}

Cipher::Cipher(std::vector<DataKey> keys) : keys_(std::move(keys)) {
  ensure_sodium();
  if (keys_.empty()) throw std::invalid_argument("Cipher needs at least one key");
}

bool Cipher::knows_key(const std::string& id) const { return find(id) != nullptr; }

const DataKey* Cipher::find(const std::string& id) const {
  for (const auto& k : keys_)
    if (k.id == id) return &k;
  return nullptr;
}

std::string Cipher::encrypt(std::string_view plaintext) const {
  const DataKey& k = keys_.front();
  std::string out(kHeader + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  std::memcpy(out.data(), kMagic.data(), 4);
  std::memcpy(out.data() + 4, k.id.data(), kIdLen);
  auto* nonce = reinterpret_cast<unsigned char*>(out.data() + 4 + kIdLen);
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(reinterpret_cast<unsigned char*>(out.data() + kHeader),
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), nonce,
                        k.bytes.data());
  return out;
}

std::optional<std::string> Cipher::key_id_of(std::string_view c) {
  if (c.substr(0, kTextPrefix.size()) == kTextPrefix) {
    auto raw = base64_decode(c.substr(kTextPrefix.size()));
    if (!raw) return std::nullopt;
    return key_id_of(*raw);
  }
  if (c.size() < kHeader + crypto_secretbox_MACBYTES || c.substr(0, 4) != kMagic) return std::nullopt;
  return std::string(c.substr(4, kIdLen));
}

Result<std::string> Cipher::decrypt(std::string_view c) const {
  auto id = key_id_of(c);
  if (!id || c.substr(0, 4) != kMagic) return Error::invalid_request("the value is not KREDO ciphertext");
  const DataKey* k = find(*id);
  if (!k)
    return Error::invalid_request("the value was encrypted with data key " + *id +
                                  ", but the configured data key is " + key_id() +
                                  " (wrong --key-file / KREDO_DATA_KEY, or a rotation not finished)");
  std::string out(c.size() - kHeader - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                 reinterpret_cast<const unsigned char*>(c.data() + kHeader), c.size() - kHeader,
                                 reinterpret_cast<const unsigned char*>(c.data() + 4 + kIdLen), k->bytes.data()) != 0)
    return Error::invalid_request("the value could not be decrypted with data key " + *id + " (damaged)");
  return out;
}

std::string Cipher::encrypt_text(std::string_view plaintext) const {
  return std::string(kTextPrefix) + base64_encode(encrypt(plaintext));
}

bool Cipher::is_encrypted_text(std::string_view stored) { return stored.substr(0, kTextPrefix.size()) == kTextPrefix; }

Result<std::string> Cipher::decrypt_text(std::string_view stored) const {
  if (!is_encrypted_text(stored)) return Error::invalid_request("the value is not encrypted text");
  auto raw = base64_decode(stored.substr(kTextPrefix.size()));
  if (!raw) return Error::invalid_request("the encrypted value is damaged (not base64)");
  return decrypt(*raw);
}

std::string Cipher::open_text(std::string_view stored) const {
  if (!is_encrypted_text(stored)) return std::string(stored);
  auto r = decrypt_text(stored);
  if (!r) throw std::runtime_error("cannot decrypt stored data: " + r.error().message);
  return std::move(*r);
}

Cipher load_cipher(const KeyConfig& config) {
  if (!config.key_base64.empty()) {
    auto k = parse_data_key(config.key_base64);
    if (!k) throw std::runtime_error("KREDO_DATA_KEY: " + k.error().message);
    return Cipher({*k});
  }
  if (!config.key_file.empty()) {
    auto k = read_key_file(config.key_file);
    if (!k) throw std::runtime_error(k.error().message);
    return Cipher({*k});
  }
  if (config.dev_key_file.empty())
    throw std::runtime_error("no data key configured: set --key-file, KREDO_DATA_KEY_FILE or KREDO_DATA_KEY");
  if (!std::filesystem::exists(config.dev_key_file)) {
    auto k = generate_data_key();
    if (auto st = write_key_file(config.dev_key_file, k); !st) throw std::runtime_error(st.error().message);
    spdlog::warn("no data key configured: generated the development key file '{}' (key {}). In production, set "
                 "data_key_file and keep the key apart from the database and its backups.",
                 config.dev_key_file, k.id);
    return Cipher({k});
  }
  auto k = read_key_file(config.dev_key_file);
  if (!k) throw std::runtime_error(k.error().message);
  return Cipher({*k});
}

std::string default_dev_key_file(const std::string& db_url) {
  if (db_url.rfind("sqlite:", 0) == 0) {
    std::string path = db_url.substr(7);
    if (auto q = path.find('?'); q != std::string::npos) path = path.substr(0, q);
    if (!path.empty() && path != ":memory:") {
      auto parent = std::filesystem::path(path).parent_path();
      return (parent.empty() ? std::filesystem::path("kredo-data.key") : parent / "kredo-data.key").string();
    }
  }
  return "var/kredo-data.key";
}

}  // namespace kredo::security
