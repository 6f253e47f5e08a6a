#include "security/totp.hpp"

#include <array>
#include <cctype>
#include <cstring>

#include "security/crypto.hpp"

namespace kredo::security {

namespace {

std::uint32_t rol(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string sha1(std::string_view data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string msg(data);
  const std::uint64_t bit_len = static_cast<std::uint64_t>(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bit_len >> (i * 8)) & 0xff);
  for (std::size_t off = 0; off < msg.size(); off += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + off + i * 4);
      w[i] = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
    }
    for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
      else { f = b ^ c ^ d; k = 0xCA62C1D6; }
      std::uint32_t t = rol(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rol(b, 30);
      b = a;
      a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
  }
  std::string out(20, '\0');
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 4; ++j) out[i * 4 + j] = static_cast<char>((h[i] >> (24 - j * 8)) & 0xff);
  return out;
}

std::string hmac_sha1(std::string_view key_in, std::string_view message) {
  std::string key = key_in.size() > 64 ? sha1(key_in) : std::string(key_in);
  key.resize(64, '\0');
  std::string ipad(64, '\0'), opad(64, '\0');
  for (int i = 0; i < 64; ++i) {
    ipad[i] = static_cast<char>(key[i] ^ 0x36);
    opad[i] = static_cast<char>(key[i] ^ 0x5c);
  }
  return sha1(opad + sha1(ipad + std::string(message)));
}

std::string base32_encode(std::string_view bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    if (c == ' ' || c == '-' || c == '=') continue;
    int v;
    if (c >= 'a' && c <= 'z') v = c - 'a';
    else if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= '2' && c <= '7') v = c - '2' + 26;
    else return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  std::string msg(8, '\0');
  for (int i = 7; i >= 0; --i) {
    msg[i] = static_cast<char>(counter & 0xff);
    counter >>= 8;
  }
  const std::string h = hmac_sha1(key, msg);
  const int off = static_cast<unsigned char>(h[19]) & 0x0f;
  const std::uint32_t bin = ((static_cast<unsigned char>(h[off]) & 0x7f) << 24) |
                            (static_cast<unsigned char>(h[off + 1]) << 16) |
                            (static_cast<unsigned char>(h[off + 2]) << 8) | static_cast<unsigned char>(h[off + 3]);
  std::uint64_t mod = 1;
  for (int i = 0; i < digits; ++i) mod *= 10;
  std::string code = std::to_string(bin % mod);
  while (static_cast<int>(code.size()) < digits) code.insert(code.begin(), '0');
  return code;
}

std::string totp_at(std::string_view key, std::int64_t unix_time, const TotpParams& p) {
  return hotp(key, static_cast<std::uint64_t>(unix_time / p.step_s), p.digits);
}

std::optional<std::int64_t> totp_match(std::string_view key, std::string_view code_in, std::int64_t unix_time,
                                       const TotpParams& p) {
  std::string code;
  for (char c : code_in)
    if (c != ' ') code += c;
  if (static_cast<int>(code.size()) != p.digits) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  const std::int64_t now_step = unix_time / p.step_s;
  // The current step first, then the neighbours; every candidate is compared in constant time.
  std::optional<std::int64_t> found;
  for (int d : {0, -1, 1, -2, 2, -3, 3}) {
    if (d < -p.window || d > p.window) continue;
    const std::int64_t step = now_step + d;
    if (step < 0) continue;
    if (constant_time_equal(hotp(key, static_cast<std::uint64_t>(step), p.digits), code) && !found) found = step;
  }
  return found;
}

std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret_base32) {
  return "otpauth://totp/" + url_encode(issuer) + ":" + url_encode(account) + "?secret=" + secret_base32 +
         "&issuer=" + url_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace kredo::security
