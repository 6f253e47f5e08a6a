// Users, logins, lock-out and sessions against both databases.
#include <gtest/gtest.h>

#include <thread>

#include <set>

#include "support/test_db.hpp"

namespace kredo {
namespace {

using security::Role;

class Auth : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    admin_ = security::system_actor("test");
    auto u = users().create(admin_, {"alena", "Dlouhe-heslo-123", "worker", std::string("Sever")}, true);
    ASSERT_TRUE(u.ok()) << u.error().message;
  }
  domain::UserService& users() { return db_->app().services().users; }
  security::AuthService& auth() { return db_->app().services().auth; }

  ManualClock clock_{1'790'000'000};
  std::unique_ptr<testing::TestDatabase> db_;
  security::Actor admin_;
};

TEST_P(Auth, LoginOpensASessionThatAuthenticates) {
  auto r = auth().login("alena", "Dlouhe-heslo-123", {"127.0.0.1", "test", "rid1"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->session_token.size(), 64u);
  auto s = auth().authenticate(r->session_token, "rid2");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->actor.username, "alena");
  EXPECT_EQ(s->actor.role, Role::worker);
  EXPECT_EQ(s->actor.team, "Sever");
  EXPECT_EQ(s->csrf_token, r->csrf_token);
  // The token itself is never stored, only its hash.
  auto tx = db_->app().db().begin(storage::TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {r->session_token})->i64(0), 0);
}

TEST_P(Auth, WrongPasswordIsUnauthenticatedAndAudited) {
  auto r = auth().login("alena", "spatne-heslo-xx", {"127.0.0.1", "test", "rid"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::unauthenticated);
  auto tx = db_->app().db().begin(storage::TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND actor = 'alena'")->i64(0), 1);
}

TEST_P(Auth, FifthFailureLocksForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth().login("alena", "wrong-password-x", {});
    ASSERT_EQ(r.error().code, ErrorCode::unauthenticated) << i;
  }
  auto locked = auth().login("alena", "Dlouhe-heslo-123", {});
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::rate_limited);
  clock_.advance(14 * 60);
  EXPECT_EQ(auth().login("alena", "Dlouhe-heslo-123", {}).error().code, ErrorCode::rate_limited);
  clock_.advance(61);
  EXPECT_TRUE(auth().login("alena", "Dlouhe-heslo-123", {}).ok());
}

TEST_P(Auth, FailuresOutsideTheWindowDoNotLock) {
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(auth().login("alena", "wrong-password-x", {}).ok());
  clock_.advance(16 * 60);
  EXPECT_EQ(auth().login("alena", "wrong-password-x", {}).error().code, ErrorCode::unauthenticated);
  EXPECT_TRUE(auth().login("alena", "Dlouhe-heslo-123", {}).ok());
}

TEST_P(Auth, UnknownUserLooksLikeAWrongPassword) {
  auto r = auth().login("nikdo", "Dlouhe-heslo-123", {});
  EXPECT_EQ(r.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(r.error().message, auth().login("alena", "wrong-password-x", {}).error().message);
}

TEST_P(Auth, IdleAndAbsoluteTimeoutsEndSessions) {
  auto r = auth().login("alena", "Dlouhe-heslo-123", {});
  ASSERT_TRUE(r.ok());
  clock_.advance(59 * 60);
  ASSERT_TRUE(auth().authenticate(r->session_token, ""));  // activity refreshes the idle timer
  clock_.advance(59 * 60);
  ASSERT_TRUE(auth().authenticate(r->session_token, ""));
  clock_.advance(61 * 60);
  EXPECT_FALSE(auth().authenticate(r->session_token, "")) << "idle for over 60 minutes";

  auto r2 = auth().login("alena", "Dlouhe-heslo-123", {});
  for (int i = 0; i < 12; ++i) {  // 12 x 59 minutes = 11 h 48 min, active all along
    clock_.advance(59 * 60);
    ASSERT_TRUE(auth().authenticate(r2->session_token, "")) << i;
  }
  clock_.advance(59 * 60);
  EXPECT_FALSE(auth().authenticate(r2->session_token, "")) << "older than 12 hours";
}

TEST_P(Auth, DeactivatedUserCannotLogInAndLosesSessions) {
  auto s = auth().login("alena", "Dlouhe-heslo-123", {});
  ASSERT_TRUE(s.ok());
  domain::UserChanges ch;
  ch.version = 1;
  ch.active = false;
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto id = domain::find_user_by_username(*tx, "alena")->id;
  ch.version = domain::find_user_by_username(*tx, "alena")->version;
  tx.reset();
  ASSERT_TRUE(users().update(admin_, id, ch).ok());
  EXPECT_FALSE(auth().authenticate(s->session_token, ""));
  EXPECT_FALSE(auth().login("alena", "Dlouhe-heslo-123", {}).ok());
}

TEST_P(Auth, AKeptSessionEndsAtOnceWithALogoutHereAndSoonWithOneElsewhere) {
  auto a = auth().login("alena", "Dlouhe-heslo-123", {});
  auto b = auth().login("alena", "Dlouhe-heslo-123", {});
  ASSERT_TRUE(a.ok() && b.ok());
  auto sa = auth().authenticate(a->session_token, "r1");
  ASSERT_TRUE(sa);
  ASSERT_TRUE(auth().authenticate(a->session_token, "r2"));  // from memory now
  EXPECT_EQ(auth().authenticate(a->session_token, "r3")->actor.request_id, "r3");
  ASSERT_TRUE(auth().logout(*sa).ok());
  EXPECT_FALSE(auth().authenticate(a->session_token, "")) << "a logout through this process ends it at once";
  // Another process (the CLI, a second server) deletes b's session: seen within storage::kRevalidateAfter.
  ASSERT_TRUE(auth().authenticate(b->session_token, ""));
  auto other = storage::open_database(db_->url());
  {
    auto tx = other->begin(storage::TxMode::write);
    tx->exec("DELETE FROM sessions");
    tx->commit();
  }
  std::this_thread::sleep_for(storage::kRevalidateAfter + std::chrono::milliseconds(50));
  EXPECT_FALSE(auth().authenticate(b->session_token, ""));
}

TEST_P(Auth, PasswordChangeEndsOtherSessions) {
  auto a = auth().login("alena", "Dlouhe-heslo-123", {});
  auto b = auth().login("alena", "Dlouhe-heslo-123", {});
  auto sa = auth().authenticate(a->session_token, "");
  auto wrong = auth().change_password(*sa, "bad-current-pw", "Nove-dlouhe-heslo-1", {});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
  auto weak = auth().change_password(*sa, "Dlouhe-heslo-123", "kratke", {});
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().fields.at(0).field, "new_password");
  auto ok = auth().change_password(*sa, "Dlouhe-heslo-123", "Nove-dlouhe-heslo-1", {});
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(auth().authenticate(a->session_token, ""));
  EXPECT_FALSE(auth().authenticate(b->session_token, ""));
  EXPECT_TRUE(auth().authenticate(ok->session_token, ""));
  EXPECT_TRUE(auth().login("alena", "Nove-dlouhe-heslo-1", {}).ok());
}

TEST_P(Auth, DuplicateUsernameIsAConflict) {
  auto r = users().create(admin_, {"alena", "Jine-dlouhe-heslo", "analyst", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
}

TEST_P(Auth, StaleVersionIsAConflictAndChangesNothing) {
  auto tx = db_->app().db().begin(storage::TxMode::read);
  auto u = *domain::find_user_by_username(*tx, "alena");
  tx.reset();
  domain::UserChanges first;
  first.version = u.version;
  first.role = "coordinator";
  ASSERT_TRUE(users().update(admin_, u.id, first).ok());
  domain::UserChanges stale;
  stale.version = u.version;
  stale.role = "analyst";
  auto r = users().update(admin_, u.id, stale);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  auto tx2 = db_->app().db().begin(storage::TxMode::read);
  EXPECT_EQ(domain::find_user_by_username(*tx2, "alena")->role, Role::coordinator);
}

TEST_P(Auth, InvalidUserFieldsAreAllNamed) {
  auto r = users().create(admin_, {"x", "short", "boss", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::validation_failed);
  std::set<std::string> fields;
  for (const auto& f : r.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"username", "password", "role"}));
}

TEST_P(Auth, OnlyAdminsManageUsers) {
  security::Actor worker;
  worker.user_id = 99;
  worker.username = "w";
  worker.role = Role::worker;
  EXPECT_EQ(users().list(worker).error().code, ErrorCode::forbidden);
  EXPECT_EQ(users().create(worker, {"nova", "Dlouhe-heslo-123", "worker", std::string("Sever")}).error().code,
            ErrorCode::forbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, Auth, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kredo
