// The foundation's API contract, black-box over HTTP: health, auth, CSRF, users, audit, errors.
#include <gtest/gtest.h>

#include <set>

#include "support/api_server.hpp"

namespace kredo {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;
};
ApiServer* Api::server_ = nullptr;

void expect_envelope(const testing::ApiResponse& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.json["error"]["code"], code) << r.body;
  EXPECT_FALSE(r.json["error"]["message"].get<std::string>().empty());
  EXPECT_FALSE(r.json["error"]["request_id"].get<std::string>().empty());
  EXPECT_EQ(r.json["error"]["request_id"], r.header("X-Request-Id"));
}

TEST_F(Api, HealthNeedsNoLogin) {
  auto r = server_->client().get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json["status"], "ok");
  EXPECT_EQ(r.json["db"], "sqlite");
  EXPECT_GE(r.json["schema_version"].get<int>(), 1);
  EXPECT_EQ(r.json["version"], KREDO_VERSION);
}

TEST_F(Api, SecurityHeadersOnEveryAnswer) {
  for (const auto& r : {server_->client().get("/api/v1/health"), server_->client().get("/api/v1/nothing-here"),
                        server_->client().get("/api/v1/users")}) {
    EXPECT_NE(r.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
    EXPECT_FALSE(r.header("X-Request-Id").empty());
  }
}

TEST_F(Api, LoginSetsAStrictHttpOnlyCookie) {
  ApiClient c = server_->client();
  auto r = c.login("koordinator", app::kDemoPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["user"]["username"], "koordinator");
  EXPECT_EQ(r.json["user"]["role"], "coordinator");
  EXPECT_FALSE(r.json["user"].contains("password_hash"));
  EXPECT_EQ(r.json["csrf_token"].get<std::string>().size(), 64u);
  std::string cookie = r.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "no TLS here";
  auto me = c.get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json["user"]["username"], "koordinator");
  EXPECT_EQ(me.json["csrf_token"], c.csrf);
}

TEST_F(Api, EachLoginGetsANewSessionId) {
  ApiClient a = server_->as("terenni");
  ApiClient b = server_->as("terenni");
  EXPECT_NE(a.cookie, b.cookie);
}

TEST_F(Api, WrongPasswordIs401WithEnvelope) {
  auto r = server_->client().login("terenni2", "not-the-password");
  expect_envelope(r, 401, "unauthenticated");
}

TEST_F(Api, FifthFailureLocksTheUsername) {
  ApiClient c = server_->client();
  ASSERT_EQ(server_->as("analytik").get("/api/v1/auth/me").status, 200);
  // A separate user so other tests keep working.
  ApiClient admin = server_->as("admin");
  ASSERT_EQ(admin.post("/api/v1/users", {{"username", "zamek"}, {"password", "Tajne-heslo-2026"}, {"role", "analyst"}}).status, 201);
  for (int i = 0; i < 5; ++i) expect_envelope(c.login("zamek", "wrong-password-1"), 401, "unauthenticated");
  auto locked = c.login("zamek", "Tajne-heslo-2026");
  expect_envelope(locked, 429, "rate_limited");
  EXPECT_GT(std::stoi(locked.header("Retry-After")), 800);
  expect_envelope(c.login("zamek", "wrong-password-1"), 429, "rate_limited");
  EXPECT_EQ(server_->client().login("analytik", app::kDemoPassword).status, 200) << "others are not locked";
}

TEST_F(Api, UnauthenticatedRequestsAre401) {
  expect_envelope(server_->client().get("/api/v1/auth/me"), 401, "unauthenticated");
  expect_envelope(server_->client().get("/api/v1/users"), 401, "unauthenticated");
  ApiClient forged = server_->client();
  forged.cookie = std::string("kredo_session=") + std::string(64, 'a');
  expect_envelope(forged.get("/api/v1/auth/me"), 401, "unauthenticated");
}

TEST_F(Api, UnsafeMethodsNeedTheCsrfToken) {
  ApiClient c = server_->as("admin");
  c.send_csrf = false;
  expect_envelope(c.post("/api/v1/users", {{"username", "bezcsrf"}, {"password", "Dlouhe-heslo-123"}, {"role", "analyst"}}),
                  403, "forbidden");
  expect_envelope(c.post("/api/v1/auth/logout", json::object()), 403, "forbidden");
  c.send_csrf = true;
  std::string good = c.csrf;
  c.csrf = std::string(64, '0');
  expect_envelope(c.post("/api/v1/auth/logout", json::object()), 403, "forbidden");
  c.csrf = good;
  EXPECT_EQ(c.get("/api/v1/auth/me").status, 200) << "the failed attempts changed nothing";
}

TEST_F(Api, LogoutEndsTheSession) {
  ApiClient c = server_->as("terenni");
  auto r = c.post("/api/v1/auth/logout", json::object());
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(r.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  expect_envelope(c.get("/api/v1/auth/me"), 401, "unauthenticated");
}

TEST_F(Api, MalformedJsonIs400) {
  ApiClient c = server_->client();
  expect_envelope(c.post_raw("/api/v1/auth/login", "{\"username\": "), 400, "invalid_request");
  expect_envelope(c.post_raw("/api/v1/auth/login", "[1,2]"), 400, "invalid_request");
  expect_envelope(c.post_raw("/api/v1/auth/login", ""), 400, "invalid_request");
}

TEST_F(Api, MissingAndWrongTypedFieldsAre422Named) {
  auto r = server_->client().post("/api/v1/auth/login", {{"username", 5}});
  expect_envelope(r, 422, "validation_failed");
  std::set<std::string> fields;
  for (const auto& f : r.json["error"]["fields"]) fields.insert(f["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"username", "password"}));
}

TEST_F(Api, UnknownRouteIs404Envelope) {
  expect_envelope(server_->client().get("/api/v1/does-not-exist"), 404, "not_found");
  expect_envelope(server_->client().post("/api/v1/does-not-exist", json::object()), 404, "not_found");
}

TEST_F(Api, OversizedBodyIs413) {
  std::string big = "{\"username\":\"" + std::string(1100 * 1024, 'x') + "\",\"password\":\"y\"}";
  expect_envelope(server_->client().post_raw("/api/v1/auth/login", big), 413, "payload_too_large");
  std::string huge(25 * 1024 * 1024, 'x');
  auto r = server_->client().post_raw("/api/v1/auth/login", huge);
  EXPECT_EQ(r.status, 413);
}

TEST_F(Api, AdminManagesUsers) {
  ApiClient c = server_->as("admin");
  auto created = c.post("/api/v1/users", {{"username", "nova.pracovnice"}, {"password", "Nove-heslo-2026!"},
                                          {"role", "worker"}, {"team", "Sever"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["team"], "Sever");
  EXPECT_EQ(created.json["version"], 1);
  auto id = created.json["id"].get<std::int64_t>();

  auto list = c.get("/api/v1/users");
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.json["total"].get<int>(), 6);

  auto dup = c.post("/api/v1/users", {{"username", "nova.pracovnice"}, {"password", "Nove-heslo-2026!"}, {"role", "analyst"}});
  expect_envelope(dup, 409, "conflict");

  auto bad = c.post("/api/v1/users", {{"username", "x y"}, {"password", "short"}, {"role", "boss"}});
  expect_envelope(bad, 422, "validation_failed");
  EXPECT_EQ(bad.json["error"]["fields"].size(), 3u);

  auto patched = c.patch("/api/v1/users/" + std::to_string(id), {{"version", 1}, {"role", "coordinator"}, {"team", nullptr}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json["role"], "coordinator");
  EXPECT_TRUE(patched.json["team"].is_null());
  EXPECT_EQ(patched.json["version"], 2);

  expect_envelope(c.patch("/api/v1/users/" + std::to_string(id), {{"version", 1}, {"role", "analyst"}}), 409, "conflict");
  EXPECT_EQ(c.get("/api/v1/users").json["items"].dump().find("\"analyst\",\"team\":null,\"username\":\"nova"),
            std::string::npos);
  expect_envelope(c.patch("/api/v1/users/999999", {{"version", 1}, {"role", "analyst"}}), 404, "not_found");
  expect_envelope(c.patch("/api/v1/users/" + std::to_string(id), {{"role", "analyst"}}), 422, "validation_failed");
}

TEST_F(Api, PasswordResetByAdminEndsTheUsersSessions) {
  ApiClient admin = server_->as("admin");
  auto created = admin.post("/api/v1/users", {{"username", "reset.me"}, {"password", "Prvni-heslo-2026"}, {"role", "analyst"}});
  ASSERT_EQ(created.status, 201);
  ApiClient user = server_->client();
  ASSERT_EQ(user.login("reset.me", "Prvni-heslo-2026").status, 200);
  auto r = admin.patch("/api/v1/users/" + std::to_string(created.json["id"].get<int>()),
                       {{"version", 1}, {"password", "Druhe-heslo-2026"}});
  ASSERT_EQ(r.status, 200) << r.body;
  expect_envelope(user.get("/api/v1/auth/me"), 401, "unauthenticated");
  EXPECT_EQ(server_->client().login("reset.me", "Druhe-heslo-2026").status, 200);
}

TEST_F(Api, OwnPasswordChange) {
  ApiClient admin = server_->as("admin");
  ASSERT_EQ(admin.post("/api/v1/users", {{"username", "zmena"}, {"password", "Puvodni-heslo-1"}, {"role", "analyst"}}).status, 201);
  ApiClient a = server_->client();
  ASSERT_EQ(a.login("zmena", "Puvodni-heslo-1").status, 200);
  ApiClient b = server_->client();
  ASSERT_EQ(b.login("zmena", "Puvodni-heslo-1").status, 200);
  auto wrong = a.post("/api/v1/auth/password", {{"current_password", "nope-nope-nope"}, {"new_password", "Nove-heslo-12345"}});
  expect_envelope(wrong, 422, "validation_failed");
  EXPECT_EQ(wrong.json["error"]["fields"][0]["field"], "current_password");
  auto old_cookie = a.cookie;
  auto ok = a.post("/api/v1/auth/password", {{"current_password", "Puvodni-heslo-1"}, {"new_password", "Nove-heslo-12345"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  std::string set = ok.header("Set-Cookie");
  a.cookie = set.substr(0, set.find(';'));
  a.csrf = ok.json["csrf_token"];
  EXPECT_NE(a.cookie, old_cookie) << "a new session id after a password change";
  EXPECT_EQ(a.get("/api/v1/auth/me").status, 200);
  expect_envelope(b.get("/api/v1/auth/me"), 401, "unauthenticated");
}

TEST_F(Api, NonAdminsCannotManageUsersOrReadAudit) {
  EXPECT_EQ(server_->as("koordinator").get("/api/v1/users").status, 200) << "coordinators pick keyworkers";
  for (const char* who : {"terenni", "analytik"}) expect_envelope(server_->as(who).get("/api/v1/users"), 403, "forbidden");
  for (const char* who : {"koordinator", "terenni", "analytik"}) {
    ApiClient c = server_->as(who);
    expect_envelope(c.post("/api/v1/users", {{"username", "x.y.z"}, {"password", "Dlouhe-heslo-123"}, {"role", "admin"}}), 403,
                    "forbidden");
    expect_envelope(c.patch("/api/v1/users/1", {{"version", 1}, {"role", "worker"}}), 403, "forbidden");
    expect_envelope(c.get("/api/v1/audit"), 403, "forbidden");
  }
}

TEST_F(Api, AuditRecordsLoginsAndUserChangesWithFilters) {
  ApiClient c = server_->as("admin");
  server_->client().login("terenni", "wrong-password-2");
  auto r = c.get("/api/v1/audit?action=login_failed&actor=terenni");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GE(r.json["total"].get<int>(), 1);
  EXPECT_EQ(r.json["items"][0]["actor"], "terenni");
  EXPECT_FALSE(r.json["items"][0]["request_id"].is_null());
  auto users = c.get("/api/v1/audit?entity=user&page_size=2");
  EXPECT_EQ(users.json["items"].size(), 2u);
  EXPECT_GE(users.json["total"].get<int>(), 5);
  for (const auto& item : users.json["items"]) EXPECT_EQ(item["entity"], "user");
  auto today = c.get("/api/v1/audit?from=2000-01-01&to=2100-12-31&entity=session");
  EXPECT_GE(today.json["total"].get<int>(), 1);
  auto none = c.get("/api/v1/audit?to=2000-01-01");
  EXPECT_EQ(none.json["total"], 0);
  expect_envelope(c.get("/api/v1/audit?from=yesterday"), 422, "validation_failed");
  expect_envelope(c.get("/api/v1/audit?page=0"), 422, "validation_failed");
  // No secret ever reaches the audit log.
  auto all = c.get("/api/v1/audit?page_size=200");
  EXPECT_EQ(all.body.find(app::kDemoPassword), std::string::npos);
  EXPECT_EQ(all.body.find("wrong-password"), std::string::npos);
}

TEST_F(Api, TeamsAreListed) {
  auto r = server_->as("terenni").get("/api/v1/teams");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["items"].size(), 2u);
}

}  // namespace
}  // namespace kredo
