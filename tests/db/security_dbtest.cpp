// Issue 8 against both databases: second factor (TOTP) and its login flow, lock-out counting
// second-factor failures, the staff requirement, encryption at rest of special-category data,
// key rotation, wrong keys, and backup -> restore giving identical data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "app/restore.hpp"
#include "domain/blob_sql.hpp"
#include "security/crypto.hpp"
#include "security/data_protection.hpp"
#include "security/totp.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using security::Actor;

class Security : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    auto u = users().create(security::system_actor("test"), {"koord", "Dlouhe-heslo-123", "coordinator", std::nullopt},
                            true);
    ASSERT_TRUE(u.ok()) << u.error().message;
  }
  security::AuthService& auth() { return db_->app().services().auth; }
  domain::UserService& users() { return db_->app().services().users; }
  std::int64_t count(const std::string& sql, const storage::Params& p = {}) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql, p)->i64(0);
  }
  security::SessionInfo session_of(const security::LoginResult& r) {
    auto s = auth().authenticate(r.session_token, "rid");
    EXPECT_TRUE(s.has_value());
    return *s;
  }
  security::LoginResult login_ok() {
    auto r = auth().login("koord", "Dlouhe-heslo-123", client_);
    EXPECT_TRUE(r.ok());
    return *r;
  }
  // Enrols koord; returns the raw secret and the recovery codes.
  std::pair<std::string, std::vector<std::string>> enrol(const security::SessionInfo& s) {
    auto e = auth().totp_begin(s);
    EXPECT_TRUE(e.ok());
    EXPECT_EQ(e->otpauth_uri.rfind("otpauth://totp/KREDO:koord?secret=" + e->secret, 0), 0u);
    std::string key = *security::base32_decode(e->secret);
    auto codes = auth().totp_confirm(s, security::totp_at(key, clock_.now()));
    EXPECT_TRUE(codes.ok()) << codes.error().message;
    return {key, *codes};
  }

  ManualClock clock_{1'790'000'000};
  security::ClientInfo client_{"127.0.0.1", "test", "rid"};
  std::unique_ptr<testing::TestDatabase> db_;
};

TEST_P(Security, TotpEnrolmentNeedsAFirstCodeAndStoresTheSecretEncrypted) {
  auto s = session_of(login_ok());
  auto e = auth().totp_begin(s);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->secret.size(), 32u);  // 160 bits in base32
  EXPECT_TRUE(auth().totp_status(s)->pending);
  EXPECT_FALSE(auth().totp_status(s)->enabled);
  EXPECT_TRUE(auth().totp_confirm(s, "000000").error().fields.size() == 1);
  auto key = *security::base32_decode(e->secret);
  auto codes = auth().totp_confirm(s, security::totp_at(key, clock_.now()));
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ(codes->size(), 10u);
  EXPECT_EQ((*codes)[0].size(), 19u);  // XXXX-XXXX-XXXX-XXXX
  EXPECT_TRUE(auth().totp_status(s)->enabled);
  EXPECT_EQ(auth().totp_status(s)->recovery_codes_left, 10);
  // At rest: the secret is ciphertext, the recovery codes are hashes.
  auto tx = db_->app().db().begin(storage::TxMode::read);
  const std::string stored = tx->query_one("SELECT secret FROM user_totp")->str(0);
  EXPECT_EQ(stored.rfind("enc1:", 0), 0u);
  EXPECT_EQ(stored.find(e->secret), std::string::npos);
  std::string code = (*codes)[0];
  code.erase(std::remove(code.begin(), code.end(), '-'), code.end());
  EXPECT_EQ(tx->query("SELECT 1 FROM recovery_codes WHERE code_hash = $1", {code}).size(), 0u);
  tx.reset();
  for (const char* action : {"totp_enrol_begin", "totp_enrol_failed", "totp_enabled"})
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action}), 1) << action;
  EXPECT_EQ(auth().totp_begin(s).error().code, ErrorCode::conflict);
}

TEST_P(Security, LoginWithTotpNeedsTheSecondStepAndNoSessionBeforeIt) {
  auto [key, codes] = enrol(session_of(login_ok()));
  const auto sessions_before = count("SELECT COUNT(*) FROM sessions");
  auto first = auth().login("koord", "Dlouhe-heslo-123", client_);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->challenge.has_value());
  EXPECT_TRUE(first->session_token.empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), sessions_before);
  clock_.advance(30);
  auto done = auth().login_second_factor(*first->challenge, security::totp_at(key, clock_.now()), client_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->session_token.size(), 64u);
  EXPECT_TRUE(auth().authenticate(done->session_token, "r").has_value());
  // The challenge is spent; the same code again (replay) is refused even with a new challenge.
  EXPECT_EQ(auth().login_second_factor(*first->challenge, "123456", client_).error().code, ErrorCode::unauthenticated);
  auto again = auth().login("koord", "Dlouhe-heslo-123", client_);
  EXPECT_FALSE(auth().login_second_factor(*again->challenge, security::totp_at(key, clock_.now()), client_).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'login_second_factor_required'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'second_factor_failed'"), 1);
}

TEST_P(Security, RecoveryCodesWorkOnceEach) {
  auto [key, codes] = enrol(session_of(login_ok()));
  auto c1 = auth().login("koord", "Dlouhe-heslo-123", client_);
  std::string lower = codes[3];
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  auto ok = auth().login_second_factor(*c1->challenge, lower, client_);  // case and dashes do not matter
  ASSERT_TRUE(ok.ok());
  auto c2 = auth().login("koord", "Dlouhe-heslo-123", client_);
  EXPECT_FALSE(auth().login_second_factor(*c2->challenge, codes[3], client_).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'recovery_code_used'"), 1);
  EXPECT_EQ(auth().totp_status(session_of(*ok))->recovery_codes_left, 9);
}

TEST_P(Security, SecondFactorFailuresCountTowardLockOut) {
  auto [key, codes] = enrol(session_of(login_ok()));
  auto c = auth().login("koord", "Dlouhe-heslo-123", client_);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(auth().login_second_factor(*c->challenge, "000000", client_).ok());
  // One wrong password makes five failures: locked.
  EXPECT_EQ(auth().login("koord", "wrong-password!!", client_).error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(auth().login("koord", "Dlouhe-heslo-123", client_).error().code, ErrorCode::rate_limited);
  // Even the right code is refused while locked, and the pending challenge dies with the lock.
  EXPECT_EQ(auth().login_second_factor(*c->challenge, security::totp_at(key, clock_.now()), client_).error().code,
            ErrorCode::rate_limited);
  EXPECT_EQ(auth().login_second_factor(*c->challenge, security::totp_at(key, clock_.now()), client_).error().code,
            ErrorCode::unauthenticated);
}

TEST_P(Security, ChallengeAllowsFiveTriesWithinFiveMinutes) {
  auto [key, codes] = enrol(session_of(login_ok()));
  auto c = auth().login("koord", "Dlouhe-heslo-123", client_);
  clock_.advance(5 * 60 + 1);
  auto late = auth().login_second_factor(*c->challenge, security::totp_at(key, clock_.now()), client_);
  EXPECT_EQ(late.error().code, ErrorCode::unauthenticated);
  EXPECT_NE(late.error().message.find("expired"), std::string::npos);
}

TEST_P(Security, DisablingNeedsACode) {
  auto s = session_of(login_ok());
  auto [key, codes] = enrol(s);
  auto bad = auth().totp_disable(s, "111111");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM login_failures WHERE username = 'koord'"), 1);
  clock_.advance(30);
  ASSERT_TRUE(auth().totp_disable(s, security::totp_at(key, clock_.now())).ok());
  EXPECT_FALSE(auth().totp_status(s)->enabled);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recovery_codes"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'totp_disabled'"), 1);
  EXPECT_FALSE(auth().login("koord", "Dlouhe-heslo-123", client_)->challenge.has_value());
}

TEST_P(Security, StaffMustEnrolWhenTheSettingIsOn) {
  auto worker = users().create(security::system_actor("t"), {"alena", "Dlouhe-heslo-123", "worker", std::string("Sever")},
                               true);
  ASSERT_TRUE(worker.ok());
  auto s = session_of(login_ok());
  EXPECT_FALSE(s.totp_enrolment_required);
  Actor coordinator = s.actor;
  EXPECT_EQ(auth().set_require_totp_for_staff(coordinator, true).error().code, ErrorCode::forbidden);
  ASSERT_TRUE(auth().set_require_totp_for_staff(security::system_actor("t"), true).ok());
  // Existing sessions are restricted at once; workers are not concerned.
  auto again = auth().authenticate(login_ok().session_token, "r");
  EXPECT_TRUE(again->totp_enrolment_required);
  auto w = auth().login("alena", "Dlouhe-heslo-123", client_);
  EXPECT_FALSE(auth().authenticate(w->session_token, "r")->totp_enrolment_required);
  EXPECT_TRUE(auth().totp_status(*again)->required);
  enrol(*again);
  EXPECT_FALSE(auth().authenticate(login_ok().session_token, "r").has_value());  // now a challenge, not a session
}

TEST_P(Security, SpecialCategoryDataIsCiphertextAtRest) {
  ASSERT_TRUE(app::load_demo(db_->app(), "small").ok());
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto rows = tx->query("SELECT value, note, person_id FROM special_category");
  ASSERT_GT(rows.size(), 10u);
  for (const auto& r : rows) {
    EXPECT_EQ(r.str(0).rfind("enc1:", 0), 0u) << r.str(0);
    EXPECT_EQ(r.str(0).find("yes"), std::string::npos);
  }
  EXPECT_EQ(tx->query_one("SELECT COUNT(*) FROM special_category WHERE value IN ('yes', 'no', 'refused')")->i64(0), 0);
  const std::int64_t person = rows[0].i64(2);
  auto k = domain::find_user_by_username(*tx, "koordinator");
  tx.reset();
  Actor koordinator{k->id, k->username, k->role, k->team_id, k->team, "rid"};
  auto items = db_->app().services().people.special_category(koordinator, person);
  ASSERT_TRUE(items.ok()) << items.error().message;
  ASSERT_FALSE(items->empty());
  for (const auto& i : *items) EXPECT_TRUE(i.value == "yes" || i.value == "no" || i.value == "refused") << i.value;
  // A note is encrypted too.
  auto added = db_->app().services().people.add_special_item(koordinator, person,
                                                             {"health", "not_stated", std::string("Astma, inhalátor")});
  ASSERT_TRUE(added.ok()) << added.error().message;
  auto raw = db_->app().db().begin(storage::TxMode::read)->query_one("SELECT note FROM special_category WHERE id = $1",
                                                                      {added->id});
  EXPECT_EQ(raw->str(0).find("Astma"), std::string::npos);
  EXPECT_EQ(db_->app().services().people.special_category(koordinator, person)->back().note, "Astma, inhalátor");
}

TEST_P(Security, PlaintextLeftFromBeforeIsEncryptedAtStartAndTheKeyIsBound) {
  ASSERT_TRUE(app::load_demo(db_->app(), "small").ok());
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("UPDATE special_category SET value = 'yes', note = 'stará poznámka' WHERE id = (SELECT MIN(id) FROM "
             "special_category)");
    tx->commit();
  }
  auto n = security::prepare_encryption(db_->app().db(), db_->app().cipher());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM special_category WHERE value NOT LIKE 'enc1:%' OR note NOT LIKE 'enc1:%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM settings WHERE key = 'security.data_key_id' AND value = $1",
                  {db_->app().cipher().key_id()}),
            1);
  // Another key is refused with a message naming both keys.
  security::Cipher wrong({security::generate_data_key()});
  auto refused = security::prepare_encryption(db_->app().db(), wrong);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find(db_->app().cipher().key_id()), std::string::npos);
  EXPECT_NE(refused.error().message.find(wrong.key_id()), std::string::npos);
}

// Files stored before encryption (evidence, letters) are sealed at the next start and still open.
TEST_P(Security, FilesLeftFromBeforeAreSealedAtStartAndRotated) {
  ASSERT_TRUE(app::load_demo(db_->app(), "small").ok());
  const auto d = db_->app().db().dialect();
  std::int64_t incident = 0, evidence = 0;
  const std::string file = "Zápis proběhl bez tlumočníka.";
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    incident = tx->query_one("SELECT MIN(id) FROM incidents")->i64(0);
    evidence = tx->query_one("INSERT INTO incident_evidence (incident_id, filename, content_type, size_bytes, sha256, "
                             "note, created_at, created_by, data) VALUES ($1, 'stary.txt', 'text/plain', $2, $3, NULL, "
                             "'2025-01-01T00:00:00Z', 'test', " + domain::blob_param_sql(d, 4) + ") RETURNING id",
                             {incident, static_cast<long long>(file.size()), security::sha256_hex(file),
                              domain::blob_value(d, file)})
                   ->i64(0);
    tx->commit();
  }
  const auto stored = [&]() {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    auto r = tx->query_one("SELECT " + domain::blob_column_sql(d, "data") + " FROM incident_evidence WHERE id = $1",
                           {evidence});
    return domain::blob_from_cell(d, r->str(0));
  };
  EXPECT_EQ(stored(), file);
  auto n = security::prepare_encryption(db_->app().db(), db_->app().cipher());
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_GE(*n, 1);
  EXPECT_EQ(security::Cipher::key_id_of(stored()), db_->app().cipher().key_id());
  EXPECT_EQ(*db_->app().cipher().decrypt(stored()), file);
  // A second start has nothing left to seal among the files.
  EXPECT_EQ(*security::prepare_encryption(db_->app().db(), db_->app().cipher()), 0);
  // Rotation re-seals files with the new key.
  auto next = security::generate_data_key();
  ASSERT_TRUE(security::rotate_data_key(db_->app().db(), db_->app().cipher(), next).ok());
  security::Cipher only_new({next});
  EXPECT_EQ(security::Cipher::key_id_of(stored()), next.id);
  EXPECT_EQ(*only_new.decrypt(stored()), file);
}

TEST_P(Security, RotationReEncryptsEverythingInOneGo) {
  ASSERT_TRUE(app::load_demo(db_->app(), "small").ok());
  auto s = session_of(login_ok());
  enrol(s);
  ASSERT_TRUE(security::prepare_encryption(db_->app().db(), db_->app().cipher()).ok());
  const auto before = count("SELECT COUNT(*) FROM special_category");
  auto next = security::generate_data_key();
  auto r = security::rotate_data_key(db_->app().db(), db_->app().cipher(), next);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->new_key_id, next.id);
  EXPECT_GE(r->values, before + 1);
  security::Cipher only_new({next});
  auto tx = db_->app().db().begin(storage::TxMode::read);
  for (const auto& row : tx->query("SELECT value FROM special_category")) {
    EXPECT_EQ(security::Cipher::key_id_of(row.str(0)), next.id);
    auto v = only_new.decrypt_text(row.str(0));
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(*v == "yes" || *v == "no" || *v == "refused");
  }
  EXPECT_TRUE(only_new.decrypt_text(tx->query_one("SELECT secret FROM user_totp")->str(0)).ok());
  tx.reset();
  // The old key alone no longer opens the database; the new one does.
  EXPECT_FALSE(security::prepare_encryption(db_->app().db(), db_->app().cipher()).ok());
  EXPECT_TRUE(security::prepare_encryption(db_->app().db(), only_new).ok());
  EXPECT_FALSE(security::rotate_data_key(db_->app().db(), only_new, next).ok());  // same key
}

TEST_P(Security, BackupThenRestoreGivesIdenticalData) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "backups are taken from SQLite; the PostgreSQL target is below";
  ASSERT_TRUE(app::load_demo(db_->app(), "small").ok());
  auto dir = testing::make_temp_dir();
  const std::string backup = dir + "/backup.db";
  db_->app().db().backup_to(backup);
  const auto original = app::dump_tables(db_->app().db());
  ASSERT_GT(original.at("people").size(), 50u);

  std::vector<std::string> targets{"sqlite:" + dir + "/restored.db"};
  if (const char* pg = std::getenv("KREDO_TEST_PG"); pg && *pg) {
    auto d = storage::open_database(pg, {});
    auto tx = d->begin(storage::TxMode::write);
    tx->exec_script("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    tx->commit();
    targets.push_back(pg);
  }
  for (const auto& target : targets) {
    auto r = app::restore_database({backup, target, false});
    ASSERT_TRUE(r.ok()) << target << ": " << r.error().message;
    EXPECT_GT(r->rows, 500);
    auto restored = storage::open_database(target, {});
    auto copy = app::dump_tables(*restored);
    for (const auto& [table, rows] : original) {
      ASSERT_TRUE(copy.count(table)) << target << " lacks " << table;
      EXPECT_EQ(copy.at(table), rows) << target << ": table " << table << " differs";
    }
    // New rows after a restore get fresh ids (sequences moved past the restored rows).
    {
      auto tx = restored->begin(storage::TxMode::write);
      auto id = tx->query_one("INSERT INTO teams (name, created_at) VALUES ('Nový tým', '2026-01-01T00:00:00Z') "
                              "RETURNING id");
      EXPECT_GT(id->i64(0), 2);
    }
    restored.reset();
    // A target with data is refused without --force, replaced with it.
    auto again = app::restore_database({backup, target, false});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    EXPECT_NE(again.error().message.find("--force"), std::string::npos);
    auto forced = app::restore_database({backup, target, true});
    ASSERT_TRUE(forced.ok()) << forced.error().message;
    auto d = storage::open_database(target, {});
    EXPECT_EQ(app::dump_tables(*d).at("audit_log"), original.at("audit_log"));
  }
  EXPECT_FALSE(app::restore_database({dir + "/missing.db", targets[0], true}).ok());
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, Security, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kredo
