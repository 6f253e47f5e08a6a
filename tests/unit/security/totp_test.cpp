// TOTP (RFC 6238) with its building blocks, proven on the RFCs' own test vectors.
#include <gtest/gtest.h>

#include "security/totp.hpp"

namespace kredo::security {
namespace {

std::string hex(const std::string& bytes) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

TEST(Sha1, Rfc3174Vectors) {
  EXPECT_EQ(hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hex(sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(HmacSha1, Rfc2202Vectors) {
  EXPECT_EQ(hex(hmac_sha1(std::string(20, '\x0b'), "Hi There")), "b617318655057264e28bc0b6fb378c8ef146be00");
  EXPECT_EQ(hex(hmac_sha1("Jefe", "what do ya want for nothing?")), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  EXPECT_EQ(hex(hmac_sha1(std::string(80, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
            "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

TEST(Base32, Rfc4648VectorsAndLenientDecoding) {
  EXPECT_EQ(base32_encode("f"), "MY");
  EXPECT_EQ(base32_encode("fo"), "MZXQ");
  EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(*base32_decode("MZXW6YTBOI"), "foobar");
  EXPECT_EQ(*base32_decode("mzxw 6ytb-oi======"), "foobar");
  EXPECT_FALSE(base32_decode("MZXW1"));  // 1 is not in the alphabet
  const std::string key = "12345678901234567890";
  EXPECT_EQ(*base32_decode(base32_encode(key)), key);
}

TEST(Hotp, Rfc4226Vectors) {
  const std::string key = "12345678901234567890";
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (int i = 0; i < 10; ++i) EXPECT_EQ(hotp(key, static_cast<std::uint64_t>(i)), expected[i]) << i;
}

TEST(Totp, Rfc6238Sha1Vectors) {
  const std::string key = "12345678901234567890";
  TotpParams eight;
  eight.digits = 8;
  EXPECT_EQ(totp_at(key, 59, eight), "94287082");
  EXPECT_EQ(totp_at(key, 1111111109, eight), "07081804");
  EXPECT_EQ(totp_at(key, 1111111111, eight), "14050471");
  EXPECT_EQ(totp_at(key, 1234567890, eight), "89005924");
  EXPECT_EQ(totp_at(key, 2000000000, eight), "69279037");
  EXPECT_EQ(totp_at(key, 20000000000, eight), "65353130");
  // Six digits are the last six of the same value.
  EXPECT_EQ(totp_at(key, 59), "287082");
}

TEST(Totp, MatchAcceptsOneStepEitherSideOnly) {
  const std::string key = "12345678901234567890";
  const std::int64_t t = 1234567890;  // step 41152263
  const std::string now = totp_at(key, t), before = totp_at(key, t - 30), after = totp_at(key, t + 30);
  EXPECT_EQ(totp_match(key, now, t), t / 30);
  EXPECT_EQ(totp_match(key, before, t), t / 30 - 1);
  EXPECT_EQ(totp_match(key, after, t), t / 30 + 1);
  EXPECT_FALSE(totp_match(key, totp_at(key, t - 60), t));
  EXPECT_FALSE(totp_match(key, totp_at(key, t + 60), t));
  EXPECT_EQ(totp_match(key, now.substr(0, 3) + " " + now.substr(3), t), t / 30);  // "123 456" as apps show it
  EXPECT_FALSE(totp_match(key, "", t));
  EXPECT_FALSE(totp_match(key, "12345a", t));
  EXPECT_FALSE(totp_match(key, now + "0", t));
}

TEST(Totp, OtpauthUriNamesIssuerAccountAndParameters) {
  EXPECT_EQ(otpauth_uri("KREDO", "jana.novakova", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/KREDO:jana.novakova?secret=JBSWY3DPEHPK3PXP&issuer=KREDO&algorithm=SHA1&digits=6&period=30");
  EXPECT_NE(otpauth_uri("KREDO", "a b&c", "X").find("a%20b%26c"), std::string::npos);
}

}  // namespace
}  // namespace kredo::security
