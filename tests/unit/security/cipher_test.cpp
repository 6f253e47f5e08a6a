// Encryption at rest: round trips, key ids, wrong keys and damage give clear errors, key files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "security/cipher.hpp"

namespace kredo::security {
namespace {

TEST(Cipher, RoundTripsTextAndBytes) {
  Cipher c({generate_data_key()});
  const std::string plain = "roma_minority: yes — poznámka s diakritikou";
  const std::string stored = c.encrypt_text(plain);
  EXPECT_TRUE(Cipher::is_encrypted_text(stored));
  EXPECT_EQ(stored.find("poznámka"), std::string::npos);
  EXPECT_EQ(*c.decrypt_text(stored), plain);
  EXPECT_EQ(c.open_text(stored), plain);
  std::string bytes("\x00\x01\xff binary", 10);
  EXPECT_EQ(*c.decrypt(c.encrypt(bytes)), bytes);
  EXPECT_EQ(*c.decrypt(c.encrypt("")), "");
  // A fresh nonce each time: equal plaintexts do not give equal ciphertexts.
  EXPECT_NE(c.encrypt_text("yes"), c.encrypt_text("yes"));
}

TEST(Cipher, CiphertextNamesItsKey) {
  auto k = generate_data_key();
  Cipher c({k});
  EXPECT_EQ(k.id.size(), 8u);
  EXPECT_EQ(Cipher::key_id_of(c.encrypt_text("x")), k.id);
  EXPECT_EQ(Cipher::key_id_of(c.encrypt("x")), k.id);
  EXPECT_FALSE(Cipher::key_id_of("plain text"));
}

TEST(Cipher, WrongKeyIsAClearError) {
  Cipher a({generate_data_key()}), b({generate_data_key()});
  auto r = b.decrypt_text(a.encrypt_text("yes"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("encrypted with data key " + a.key_id()), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find(b.key_id()), std::string::npos);
  EXPECT_THROW(b.open_text(a.encrypt_text("yes")), std::runtime_error);
}

TEST(Cipher, TamperedCiphertextIsRefused) {
  Cipher c({generate_data_key()});
  std::string blob = c.encrypt("secret");
  blob.back() = static_cast<char>(blob.back() ^ 1);
  auto r = c.decrypt(blob);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("damaged"), std::string::npos);
  EXPECT_FALSE(c.decrypt("KRD1short").ok());
}

TEST(Cipher, OlderKeysDecryptNewestEncrypts) {
  auto old_key = generate_data_key(), new_key = generate_data_key();
  Cipher old_only({old_key});
  Cipher both({new_key, old_key});
  const std::string before = old_only.encrypt_text("no");
  EXPECT_EQ(both.open_text(before), "no");
  EXPECT_EQ(Cipher::key_id_of(both.encrypt_text("no")), new_key.id);
}

TEST(Cipher, PlainValuesPassThroughOpenText) {
  Cipher c({generate_data_key()});
  EXPECT_EQ(c.open_text("refused"), "refused");
  EXPECT_EQ(c.open_opt(std::nullopt), std::nullopt);
}

TEST(DataKey, ParsesBase64OfThirtyTwoBytesOnly) {
  auto k = generate_data_key();
  auto again = parse_data_key(key_to_base64(k));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, k.id);
  EXPECT_EQ(again->bytes, k.bytes);
  EXPECT_FALSE(parse_data_key("not base64 !!").ok());
  auto short_key = parse_data_key("c2hvcnQ=");
  ASSERT_FALSE(short_key.ok());
  EXPECT_NE(short_key.error().message.find("32 bytes"), std::string::npos);
}

TEST(DataKey, KeyFilesAreOwnerOnlyAndNeverOverwritten) {
  const auto dir = std::filesystem::temp_directory_path() / ("kredo-key-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "sub" / "data.key").string();
  auto k = generate_data_key();
  ASSERT_TRUE(write_key_file(path, k).ok());
  struct stat st{};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_FALSE(write_key_file(path, generate_data_key()).ok());
  EXPECT_EQ(read_key_file(path)->id, k.id);
  EXPECT_FALSE(read_key_file((dir / "missing.key").string()).ok());

  // The development default: generated once, then read back.
  const std::string dev = (dir / "dev" / "kredo-data.key").string();
  Cipher first = load_cipher({"", "", dev});
  Cipher second = load_cipher({"", "", dev});
  EXPECT_EQ(first.key_id(), second.key_id());
  // A configured key wins; a configured missing file is an error, not a new key.
  EXPECT_EQ(load_cipher({key_to_base64(k), "", dev}).key_id(), k.id);
  EXPECT_THROW(load_cipher({"", (dir / "nope.key").string(), dev}), std::runtime_error);
  std::filesystem::remove_all(dir);
}

TEST(DataKey, DevelopmentKeyLivesNextToTheSqliteFile) {
  EXPECT_EQ(default_dev_key_file("sqlite:var/kredo.db"), "var/kredo-data.key");
  EXPECT_EQ(default_dev_key_file("sqlite:/srv/k/kredo.db"), "/srv/k/kredo-data.key");
  EXPECT_EQ(default_dev_key_file("sqlite:kredo.db"), "kredo-data.key");
  EXPECT_EQ(default_dev_key_file("postgresql://k@h/db"), "var/kredo-data.key");
}

}  // namespace
}  // namespace kredo::security
