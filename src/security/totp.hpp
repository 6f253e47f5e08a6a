// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps) and the
// base32 secrets that authenticator apps read. SHA-1 is implemented here (RFC 3174) because
// libsodium has no SHA-1; the RFC 2202 and RFC 6238 test vectors prove it (tests/unit/security).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kredo::security {

std::string sha1(std::string_view data);  // 20 raw bytes
std::string hmac_sha1(std::string_view key, std::string_view message);  // 20 raw bytes

// RFC 4648 base32 without padding (upper case); decoding ignores spaces, dashes, case and padding.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

struct TotpParams {
  int digits = 6;
  std::int64_t step_s = 30;
  int window = 1;  // accepted steps before and after the current one
};

// RFC 4226 HOTP value for a counter, zero-padded to `digits`.
std::string hotp(std::string_view key, std::uint64_t counter, int digits = 6);
// The TOTP code at a Unix time.
std::string totp_at(std::string_view key, std::int64_t unix_time, const TotpParams& p = {});
// The time step whose code matches within the window (the current step first), or nullopt.
// Non-digit input and wrong lengths never match.
std::optional<std::int64_t> totp_match(std::string_view key, std::string_view code, std::int64_t unix_time,
                                       const TotpParams& p = {});

// otpauth://totp/KREDO:user?secret=...&issuer=KREDO&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret_base32);

}  // namespace kredo::security
