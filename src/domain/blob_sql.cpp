#include "domain/blob_sql.hpp"

#include <stdexcept>

namespace kredo::domain {

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw storage::DbError(storage::DbErrorKind::other, "bad hex in a binary column");
}
}  // namespace

std::string blob_param_sql(storage::Dialect d, int n) {
  const std::string p = "$" + std::to_string(n);
  return d == storage::Dialect::sqlite ? "CAST(" + p + " AS BLOB)" : "decode(" + p + ", 'hex')";
}

storage::DbValue blob_value(storage::Dialect d, const std::string& bytes) {
  if (d == storage::Dialect::sqlite) return storage::DbValue(bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return storage::DbValue(std::move(hex));
}

std::string blob_column_sql(storage::Dialect d, const std::string& column) {
  return d == storage::Dialect::sqlite ? column : "encode(" + column + ", 'hex')";
}

std::string blob_from_cell(storage::Dialect d, const std::string& cell) {
  if (d == storage::Dialect::sqlite) return cell;
  if (cell.size() % 2 != 0) throw storage::DbError(storage::DbErrorKind::other, "bad hex in a binary column");
  std::string out;
  out.reserve(cell.size() / 2);
  for (std::size_t i = 0; i < cell.size(); i += 2)
    out.push_back(static_cast<char>(hex_digit(cell[i]) * 16 + hex_digit(cell[i + 1])));
  return out;
}

std::string seal_blob(const security::Cipher* cipher, const std::string& bytes) {
  return cipher ? cipher->encrypt(bytes) : bytes;
}

std::string open_blob(const security::Cipher* cipher, std::string bytes) {
  if (!security::Cipher::key_id_of(bytes)) return bytes;  // stored before encryption
  if (!cipher) throw std::runtime_error("an encrypted file was read without a data key");
  auto plain = cipher->decrypt(bytes);
  if (!plain) throw std::runtime_error("an encrypted file could not be decrypted: " + plain.error().message);
  return std::move(*plain);
}

std::string blob_unsealed_sql(storage::Dialect d, const std::string& column) {
  // "KRD1" is the header of Cipher::encrypt's binary form.
  return d == storage::Dialect::sqlite ? "substr(" + column + ", 1, 4) <> CAST('KRD1' AS BLOB)"
                                       : "substring(" + column + " from 1 for 4) <> '\\x4b524431'::bytea";
}

}  // namespace kredo::domain
