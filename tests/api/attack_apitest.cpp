// The attack suite through HTTP (issue 8): access across teams on every registry route with an id
// (answers indistinguishable from a record that does not exist, never data), CSRF on every unsafe
// route (enumerated from the server's route table), a new session id at login (no fixation),
// logout and password change ending sessions, cookie flags, SQL injection and XSS payloads stored
// and returned inert, path traversal against static file serving, security headers on every answer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "support/api_server.hpp"

namespace kredo {
namespace {

using testing::ApiClient;
using testing::ApiResponse;
using testing::ApiServer;

const char* method_name(http::Method m) {
  switch (m) {
    case http::Method::get: return "GET";
    case http::Method::post: return "POST";
    case http::Method::put: return "PUT";
    case http::Method::patch: return "PATCH";
    case http::Method::del: return "DELETE";
  }
  return "GET";
}

// A concrete path for a route pattern: (\d+) -> id, the other groups -> a valid value.
std::string path_for(const std::string& pattern, const std::string& id) {
  std::string p = std::regex_replace(pattern, std::regex(R"(\(ms\|zs\))"), "ms");
  p = std::regex_replace(p, std::regex(R"(\(\\d\{4\}\))"), "2026");
  p = std::regex_replace(p, std::regex(R"(\(\\d\+\))"), id);
  p = std::regex_replace(p, std::regex(R"(\\\.)"), ".");
  // Any other group (codes, languages, tokens): a plain lower-case word the group accepts.
  p = std::regex_replace(p, std::regex(R"(\([^()]*\))"), "x");
  return p;
}

void expect_security_headers(const ApiResponse& r, const std::string& what) {
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << what;
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY") << what;
  EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer") << what;
  EXPECT_NE(r.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos) << what;
  EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos) << what;
  EXPECT_FALSE(r.header("X-Request-Id").empty()) << what;
}

class Attack : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::int64_t scalar(const std::string& sql) {
    auto tx = server_->app().db().begin(storage::TxMode::read);
    auto r = tx->query_one(sql);
    return r ? r->i64(0) : 0;
  }
  static std::string text(const std::string& sql) {
    auto tx = server_->app().db().begin(storage::TxMode::read);
    auto r = tx->query_one(sql);
    return r ? r->str(0) : "";
  }
  static ApiServer* server_;
};
ApiServer* Attack::server_ = nullptr;

TEST_F(Attack, AnotherTeamsRecordsAnswerLikeRecordsThatDoNotExist) {
  // A Sever family with its people, consents, participation and relationships; terenni2 works in Střed.
  const std::string sever = "(SELECT f.id FROM families f JOIN teams t ON t.id = f.team_id WHERE t.name = 'Sever')";
  const std::int64_t family = scalar("SELECT MIN(id) FROM families WHERE id IN " + sever);
  const std::int64_t person = scalar("SELECT MIN(id) FROM people WHERE family_id = " + std::to_string(family));
  const std::string surname = text("SELECT surname FROM people WHERE id = " + std::to_string(person));
  const std::int64_t consent = scalar("SELECT MIN(c.id) FROM consents c JOIN people p ON p.id = c.person_id WHERE "
                                      "p.family_id IN " + sever);
  const std::int64_t participation = scalar("SELECT MIN(x.id) FROM participations x JOIN people p ON p.id = "
                                            "x.person_id WHERE p.family_id IN " + sever);
  const std::int64_t relationship = scalar("SELECT MIN(r.id) FROM relationships r JOIN people p ON p.id = "
                                           "r.person_id WHERE p.family_id IN " + sever);
  ASSERT_GT(family, 0);
  ASSERT_GT(consent, 0);
  ASSERT_GT(participation, 0);
  ASSERT_GT(relationship, 0);
  ASSERT_FALSE(surname.empty());
  // The owner's team sees them (so the ids are real).
  EXPECT_EQ(server_->as("terenni").get("/api/v1/families/" + std::to_string(family)).status, 200);

  auto outsider = server_->as("terenni2");
  int checked = 0;
  for (const auto& r : server_->http().routes()) {
    if (r.access != http::Access::login || r.pattern.find("(\\d+)") == std::string::npos) continue;
    std::string id;
    if (r.pattern.rfind("/api/v1/families/", 0) == 0) id = std::to_string(family);
    else if (r.pattern.rfind("/api/v1/people/", 0) == 0) id = std::to_string(person);
    else if (r.pattern.rfind("/api/v1/consents/", 0) == 0) id = std::to_string(consent);
    else if (r.pattern.rfind("/api/v1/participation/", 0) == 0) id = std::to_string(participation);
    else if (r.pattern.rfind("/api/v1/relationships/", 0) == 0) id = std::to_string(relationship);
    else continue;  // schools, users (admin only), zapis windows, merges: not team records
    const std::string method = method_name(r.method);
    const std::string body = method == "GET" ? "" : R"({"version":1,"reason":"x","name":"x"})";
    auto real = outsider.send(method, path_for(r.pattern, id), body);
    auto missing = outsider.send(method, path_for(r.pattern, "987654321"), body);
    const std::string what = method + " " + r.pattern;
    EXPECT_FALSE(real.status >= 200 && real.status < 300) << what << " answered " << real.status;
    EXPECT_EQ(real.status, missing.status) << what << ": " << real.body << " vs " << missing.body;
    if (real.json.is_object() && missing.json.is_object()) {
      EXPECT_EQ(real.json["error"]["code"], missing.json["error"]["code"]) << what;
    }
    EXPECT_EQ(real.body.find(surname), std::string::npos) << what << " leaked data: " << real.body;
    ++checked;
  }
  EXPECT_GE(checked, 15) << "every family/person/consent/participation/relationship route";
  // Lists and searches never show the other team's families either.
  auto list = outsider.get("/api/v1/families?page_size=200");
  for (const auto& f : list.json["items"]) EXPECT_NE(f["id"].get<std::int64_t>(), family);
}

TEST_F(Attack, EveryUnsafeRouteNeedsTheCsrfToken) {
  auto admin = server_->as("admin");
  auto other = server_->as("koordinator");
  int checked = 0;
  for (const auto& r : server_->http().routes()) {
    if (r.access != http::Access::login || r.method == http::Method::get) continue;
    const std::string path = path_for(r.pattern, "1");
    const std::string method = method_name(r.method);
    admin.send_csrf = false;
    auto none = admin.send(method, path, "{}");
    EXPECT_EQ(none.status, 403) << method << " " << path << ": " << none.body;
    EXPECT_NE(none.body.find("X-CSRF-Token"), std::string::npos) << method << " " << path;
    admin.send_csrf = true;
    const std::string own = admin.csrf;
    admin.csrf = other.csrf;  // another session's token is no better
    EXPECT_EQ(admin.send(method, path, "{}").status, 403) << method << " " << path;
    admin.csrf = own;
    ++checked;
  }
  EXPECT_GE(checked, 25);
  EXPECT_EQ(admin.get("/api/v1/auth/me").status, 200) << "the session survived all of that";
}

TEST_F(Attack, LoginGivesANewSessionIdAndIgnoresAPlantedOne) {
  ApiClient c = server_->client();
  const std::string planted(64, 'a');
  c.cookie = std::string(http::kSessionCookie) + "=" + planted;
  auto r = c.post("/api/v1/auth/login", {{"username", "analytik"}, {"password", app::kDemoPassword}});
  ASSERT_EQ(r.status, 200);
  const std::string set = r.header("Set-Cookie");
  EXPECT_EQ(set.find(planted), std::string::npos);
  auto first = server_->as("analytik"), second = server_->as("analytik");
  EXPECT_NE(first.cookie, second.cookie);
  EXPECT_NE(first.csrf, second.csrf);
  ApiClient attacker = server_->client();
  attacker.cookie = std::string(http::kSessionCookie) + "=" + planted;
  EXPECT_EQ(attacker.get("/api/v1/auth/me").status, 401);
}

TEST_F(Attack, CookieFlags) {
  ApiClient c = server_->client();
  auto r = c.post("/api/v1/auth/login", {{"username", "analytik"}, {"password", app::kDemoPassword}});
  const std::string set = r.header("Set-Cookie");
  EXPECT_NE(set.find("HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos) << set;
  EXPECT_NE(set.find("Path=/"), std::string::npos) << set;
  EXPECT_EQ(set.find("Expires"), std::string::npos) << "a session cookie, not a persistent one: " << set;
  EXPECT_NE(http::session_cookie("t", true).find("; Secure"), std::string::npos);
  EXPECT_NE(http::clear_session_cookie(true).find("Max-Age=0"), std::string::npos);
}

TEST_F(Attack, LogoutAndPasswordChangeEndSessions) {
  auto admin = server_->as("admin");
  ASSERT_EQ(admin.post("/api/v1/users", {{"username", "utok.test"}, {"password", "Puvodni-heslo-2026"}, {"role", "worker"},
                                         {"team", "Sever"}})
                .status,
            201);
  ApiClient a = server_->client(), b = server_->client(), c = server_->client();
  ASSERT_EQ(a.login("utok.test", "Puvodni-heslo-2026").status, 200);
  ASSERT_EQ(b.login("utok.test", "Puvodni-heslo-2026").status, 200);
  ASSERT_EQ(c.login("utok.test", "Puvodni-heslo-2026").status, 200);
  // Logout ends that session on the server, not only the cookie.
  const std::string c_cookie = c.cookie;
  EXPECT_EQ(c.post("/api/v1/auth/logout", nlohmann::json::object()).status, 204);
  c.cookie = c_cookie;
  EXPECT_EQ(c.get("/api/v1/auth/me").status, 401);
  // A password change ends every session of the user and opens a fresh one for this client.
  const std::string a_old = a.cookie;
  auto changed = a.post("/api/v1/auth/password",
                        {{"current_password", "Puvodni-heslo-2026"}, {"new_password", "Nove-heslo-po-utoku-77"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(b.get("/api/v1/auth/me").status, 401);
  a.cookie = a_old;
  EXPECT_EQ(a.get("/api/v1/auth/me").status, 401);
  const std::string fresh = changed.header("Set-Cookie");
  a.cookie = fresh.substr(0, fresh.find(';'));
  a.csrf = changed.json["csrf_token"].get<std::string>();
  EXPECT_EQ(a.get("/api/v1/auth/me").status, 200);
  // The password policy: short, common, username-like passwords are refused by name.
  for (const char* weak : {"Kratke-1", "Password2024", "utok.test-heslo-1"}) {
    auto r = a.post("/api/v1/auth/password", {{"current_password", "Nove-heslo-po-utoku-77"}, {"new_password", weak}});
    EXPECT_EQ(r.status, 422) << weak;
  }
}

TEST_F(Attack, InjectionPayloadsAreStoredAsTextAndReturnedInert) {
  auto k = server_->as("koordinator");
  const std::vector<std::string> payloads = {
      "Robert'); DROP TABLE families;--", "<script>alert('xss')</script>", "\" OR \"1\"=\"1", "<img src=x onerror=alert(1)>",
      "x' UNION SELECT password_hash FROM users --"};
  const auto families_before = scalar("SELECT COUNT(*) FROM families");
  for (const auto& p : payloads) {
    auto r = k.post("/api/v1/families", {{"name", p}, {"team", "Sever"}, {"address", {{"district", "brno-sever"}}}});
    ASSERT_EQ(r.status, 201) << p << ": " << r.body;
    EXPECT_EQ(r.header("Content-Type").rfind("application/json", 0), 0u);
    auto back = k.get("/api/v1/families/" + std::to_string(r.json["id"].get<std::int64_t>()));
    EXPECT_EQ(back.json["name"], p) << "stored and returned exactly, as JSON text";
    // JSON with nosniff: a browser never runs it as HTML (the web app renders text, never markup).
    EXPECT_EQ(back.header("Content-Type").rfind("application/json", 0), 0u);
    EXPECT_EQ(back.header("X-Content-Type-Options"), "nosniff");
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM families"), families_before + static_cast<std::int64_t>(payloads.size()));
  // Searches treat quotes and wildcards as text.
  auto all = k.get("/api/v1/families?page_size=1");
  auto injected = k.get("/api/v1/families?q=%27%20OR%201%3D1%20--");
  EXPECT_EQ(injected.status, 200);
  EXPECT_LT(injected.json["total"].get<std::int64_t>(), all.json["total"].get<std::int64_t>());
  auto percent = k.get("/api/v1/families?q=%25");
  EXPECT_LT(percent.json["total"].get<std::int64_t>(), all.json["total"].get<std::int64_t>());
  EXPECT_GT(scalar("SELECT COUNT(*) FROM users"), 0) << "the users table is still there";
  // The HTML export escapes what it prints.
  const auto person = scalar("SELECT MIN(id) FROM people");
  auto html = k.get("/api/v1/people/" + std::to_string(person) + "/export.html");
  if (html.status == 200) {
    EXPECT_EQ(html.body.find("<script>alert"), std::string::npos);
  }
}

TEST_F(Attack, SecurityHeadersOnEveryAnswer) {
  auto admin = server_->as("admin");
  ApiClient anonymous = server_->client();
  int checked = 0;
  for (const auto& r : server_->http().routes()) {
    if (r.method != http::Method::get) continue;
    const std::string path = path_for(r.pattern, "1");
    auto a = admin.get(path);
    expect_security_headers(a, "GET " + path + " (admin)");
    if (path.rfind("/api/", 0) == 0) {
      EXPECT_EQ(a.header("Cache-Control"), "no-store") << path;
    }
    expect_security_headers(anonymous.get(path), "GET " + path + " (anonymous)");
    ++checked;
  }
  EXPECT_GE(checked, 20);
  expect_security_headers(anonymous.get("/api/v1/no-such-thing"), "404");
  expect_security_headers(anonymous.send("DELETE", "/api/v1/health", ""), "405");
  expect_security_headers(anonymous.post_raw("/api/v1/auth/login", "{not json"), "400");
  expect_security_headers(anonymous.post_raw("/api/v1/auth/login", std::string(2 << 20, 'x')), "413");
}

// Static files: a web root with the app, and a secret beside it that no path may reach.
TEST(AttackStatic, PathTraversalNeverLeavesTheWebRoot) {
  const std::string dir = testing::make_temp_dir();
  std::filesystem::create_directories(dir + "/web/assets");
  std::ofstream(dir + "/web/index.html") << "<!doctype html><title>KREDO</title>";
  std::ofstream(dir + "/web/assets/app.js") << "console.log('app')";
  std::ofstream(dir + "/secret.txt") << "TOPSECRET";
  {
    testing::TestDatabase db("sqlite");
    http::ServerOptions opts;
    opts.host = "127.0.0.1";
    opts.port = 0;
    opts.threads = 4;
    opts.web_root = dir + "/web";
    auto server = db.app().make_server(opts);
    const int port = server->bind();
    std::thread t([&] { server->listen(); });
    httplib::Client c("127.0.0.1", port);
    auto ok = c.Get("/assets/app.js");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
    EXPECT_EQ(ok->get_header_value("X-Content-Type-Options"), "nosniff");
    for (const char* p : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                          "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
                          "/....//secret.txt", "/assets/..\\..\\secret.txt", "/%252e%252e/secret.txt",
                          "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"}) {
      auto r = c.Get(p);
      if (!r) continue;  // refused at the socket: nothing leaked
      EXPECT_EQ(r->body.find("TOPSECRET"), std::string::npos) << p;
      EXPECT_EQ(r->body.find("root:x:0:0"), std::string::npos) << p;
    }
    server->stop();
    t.join();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kredo
