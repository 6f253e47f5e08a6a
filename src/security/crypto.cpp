#include "security/crypto.hpp"

#include <atomic>
#include <sodium.h>

#include <stdexcept>

namespace kredo::security {

namespace {

std::string to_hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

}  // namespace

void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium could not be initialised");
}

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(h, sizeof h);
}

std::string random_hex(std::size_t n_bytes) {
  ensure_sodium();
  std::string buf(n_bytes, '\0');
  randombytes_buf(buf.data(), n_bytes);
  return to_hex(reinterpret_cast<const unsigned char*>(buf.data()), n_bytes);
}

std::string random_bytes(std::size_t n_bytes) {
  ensure_sodium();
  std::string buf(n_bytes, '\0');
  randombytes_buf(buf.data(), n_bytes);
  return buf;
}

namespace {
std::atomic<bool> g_minimum_cost{false};
}  // namespace

void use_minimum_password_cost_for_tests() { g_minimum_cost = true; }

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  const bool minimum = g_minimum_cost.load();
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kredo::security
