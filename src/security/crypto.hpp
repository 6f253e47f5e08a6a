// Hashing, random tokens and password hashing (libsodium: SHA-256, randombytes, argon2id).
#pragma once

#include <string>
#include <string_view>

namespace kredo::security {

std::string sha256_hex(std::string_view data);
// n random bytes, hex-encoded (2n characters).
std::string random_hex(std::size_t n_bytes);
// n random bytes.
std::string random_bytes(std::size_t n_bytes);
// argon2id, libsodium's "interactive" cost; the result carries its own salt and parameters.
std::string hash_password(std::string_view password);
// For the C++ test suites only (called by tests/support, never by the kredo binary): new hashes use
// argon2id at libsodium's minimum cost — the same algorithm and format, verified the same way — so that
// suites logging in thousands of times spend their time on what they test (argon2 was 84 % of the API
// suite's CPU). The binary, the e2e, crash and soak tests keep the interactive cost.
void use_minimum_password_cost_for_tests();
bool verify_password(const std::string& hash, std::string_view password);
bool constant_time_equal(std::string_view a, std::string_view b);
// Initialises libsodium once; throws when it cannot.
void ensure_sodium();

}  // namespace kredo::security
