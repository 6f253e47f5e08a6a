// Issue 8 through HTTP and the command line: the second factor's enrolment and login step, the
// staff requirement, security settings, data keys (generate, rotate, wrong key) and restore.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sstream>

#include "security/totp.hpp"
#include "support/api_server.hpp"
#include "support/run_kredo.hpp"

namespace kredo {
namespace {

using testing::ApiClient;
using testing::ApiServer;

std::string totp_now(const std::string& secret, std::int64_t offset = 0) {
  return security::totp_at(*security::base32_decode(secret), std::time(nullptr) + offset);
}

// Enrols the client's user; returns the base32 secret.
std::string enrol(ApiClient& c, std::vector<std::string>* codes = nullptr) {
  auto begin = c.post("/api/v1/auth/totp/enrol", nlohmann::json::object());
  EXPECT_EQ(begin.status, 201) << begin.body;
  const std::string secret = begin.json["secret"];
  EXPECT_EQ(begin.json["otpauth_uri"].get<std::string>().rfind("otpauth://totp/KREDO:", 0), 0u);
  auto confirm = c.post("/api/v1/auth/totp/confirm", {{"code", totp_now(secret)}});
  EXPECT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_EQ(confirm.json["recovery_codes"].size(), 10u);
  if (codes) *codes = confirm.json["recovery_codes"].get<std::vector<std::string>>();
  return secret;
}

class SecurityApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ApiServer* server_;
};
ApiServer* SecurityApi::server_ = nullptr;

TEST_F(SecurityApi, TotpLoginIsTwoStepsAndTheFirstGivesNoSession) {
  auto t = server_->as("terenni");
  std::vector<std::string> codes;
  const std::string secret = enrol(t, &codes);
  EXPECT_TRUE(t.get("/api/v1/auth/totp").json["enabled"].get<bool>());

  ApiClient c = server_->client();
  auto first = c.post("/api/v1/auth/login", {{"username", "terenni"}, {"password", app::kDemoPassword}});
  ASSERT_EQ(first.status, 202) << first.body;
  EXPECT_TRUE(first.json["second_factor_required"].get<bool>());
  EXPECT_TRUE(first.header("Set-Cookie").empty()) << "no session before the second factor";
  EXPECT_FALSE(first.json.contains("user"));
  const std::string challenge = first.json["challenge"];
  auto wrong = c.post("/api/v1/auth/login/second-factor", {{"challenge", challenge}, {"code", "000000"}});
  EXPECT_EQ(wrong.status, 401);
  auto done = c.post("/api/v1/auth/login/second-factor", {{"challenge", challenge}, {"code", totp_now(secret, 30)}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.header("Set-Cookie").find("HttpOnly"), std::string::npos);
  c.cookie = done.header("Set-Cookie").substr(0, done.header("Set-Cookie").find(';'));
  c.csrf = done.json["csrf_token"];
  EXPECT_EQ(c.get("/api/v1/auth/me").json["user"]["username"], "terenni");

  // A recovery code also completes a login, once.
  ApiClient r = server_->client();
  auto step = r.post("/api/v1/auth/login", {{"username", "terenni"}, {"password", app::kDemoPassword}});
  EXPECT_EQ(r.post("/api/v1/auth/login/second-factor", {{"challenge", step.json["challenge"]}, {"code", codes[0]}}).status,
            200);
  auto again = r.post("/api/v1/auth/login", {{"username", "terenni"}, {"password", app::kDemoPassword}});
  EXPECT_EQ(r.post("/api/v1/auth/login/second-factor", {{"challenge", again.json["challenge"]}, {"code", codes[0]}}).status,
            401);

  // Turning it off needs a code; new recovery codes too.
  EXPECT_EQ(c.post("/api/v1/auth/totp/disable", {{"code", "12345"}}).status, 422);
  EXPECT_EQ(c.post("/api/v1/auth/totp/recovery-codes", {{"code", codes[1]}}).json["recovery_codes"].size(), 10u);
  EXPECT_EQ(c.post("/api/v1/auth/totp/disable", {{"code", codes[2]}}).status, 422) << "old codes were replaced";
  auto fresh = c.post("/api/v1/auth/totp/recovery-codes", {{"code", codes[1]}});
  EXPECT_EQ(fresh.status, 422) << "a used recovery code is spent";
  auto all = server_->as("admin").get("/api/v1/audit?actor=terenni&page_size=100");
  std::string actions;
  for (const auto& i : all.json["items"]) actions += i["action"].get<std::string>() + " ";
  for (const char* a : {"totp_enrol_begin", "totp_enabled", "login_second_factor_required", "second_factor_failed",
                        "recovery_code_used", "recovery_codes_regenerated", "totp_disable_failed"})
    EXPECT_NE(actions.find(a), std::string::npos) << a << " not audited: " << actions;
}

TEST_F(SecurityApi, StaffMustEnrolBeforeAnythingElseWhenRequired) {
  auto admin = server_->as("admin");
  auto worker = server_->as("terenni2");
  EXPECT_EQ(worker.send("PUT", "/api/v1/settings/security", R"({"require_totp_for_staff":true})").status, 403);
  admin.send_csrf = false;
  EXPECT_EQ(admin.send("PUT", "/api/v1/settings/security", R"({"require_totp_for_staff":true})").status, 403)
      << "CSRF token required";
  admin.send_csrf = true;
  auto on = admin.send("PUT", "/api/v1/settings/security", R"({"require_totp_for_staff":true})");
  ASSERT_EQ(on.status, 200) << on.body;

  auto k = server_->as("koordinator");
  auto blocked = k.get("/api/v1/families");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_TRUE(blocked.json["error"]["totp_enrolment_required"].get<bool>()) << blocked.body;
  EXPECT_TRUE(k.get("/api/v1/auth/me").json["totp_enrolment_required"].get<bool>());
  EXPECT_TRUE(k.get("/api/v1/auth/totp").json["required"].get<bool>());
  EXPECT_EQ(worker.get("/api/v1/families").status, 200) << "workers are not concerned";
  enrol(k);
  EXPECT_EQ(k.get("/api/v1/families").status, 200);
  EXPECT_FALSE(k.get("/api/v1/auth/me").json["totp_enrolment_required"].get<bool>());

  // The admin session itself is now restricted too, until the admin enrols.
  EXPECT_EQ(admin.get("/api/v1/users").status, 403);
  enrol(admin);
  auto off = admin.send("PUT", "/api/v1/settings/security", R"({"require_totp_for_staff":false})");
  EXPECT_EQ(off.status, 200);
  EXPECT_FALSE(admin.get("/api/v1/settings/security").json["require_totp_for_staff"].get<bool>());
}

// --- command line ---

using testing::run_kredo;

class SecurityCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    db_ = "sqlite:" + dir_ + "/k.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_, db_;
};

TEST_F(SecurityCli, KeysGenerateRotateAndAWrongKeyIsRefused) {
  auto gen = run_kredo("keys generate --out " + dir_ + "/a.key");
  ASSERT_EQ(gen.code, 0) << gen.out;
  struct stat st{};
  ASSERT_EQ(::stat((dir_ + "/a.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(run_kredo("keys generate --out " + dir_ + "/a.key").code, 1) << "never overwritten";
  ASSERT_EQ(run_kredo("demo --db " + db_ + " --key-file " + dir_ + "/a.key").code, 0);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/kredo-data.key")) << "a configured key needs no development key";
  {
    auto db = storage::open_database(db_, {});
    auto tx = db->begin(storage::TxMode::read);
    EXPECT_EQ(tx->query_one("SELECT COUNT(*) FROM special_category WHERE value NOT LIKE 'enc1:%'")->i64(0), 0);
    EXPECT_GT(tx->query_one("SELECT COUNT(*) FROM special_category")->i64(0), 0);
  }
  ASSERT_EQ(run_kredo("keys generate --out " + dir_ + "/b.key").code, 0);
  auto rot = run_kredo("keys rotate --db " + db_ + " --key-file " + dir_ + "/a.key --new-key-file " + dir_ + "/b.key");
  ASSERT_EQ(rot.code, 0) << rot.out;
  EXPECT_NE(rot.out.find("re-encrypted"), std::string::npos);
  // The old key is now the wrong key: the server refuses to start, naming both keys.
  auto wrong = run_kredo("serve --db " + db_ + " --key-file " + dir_ + "/a.key --listen 127.0.0.1:0 --web-root " + dir_);
  EXPECT_EQ(wrong.code, 1);
  EXPECT_NE(wrong.out.find("encrypted with data key"), std::string::npos) << wrong.out;
  auto missing = run_kredo("serve --db " + db_ + " --key-file " + dir_ + "/none.key --listen 127.0.0.1:0");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("none.key"), std::string::npos) << missing.out;
}

TEST_F(SecurityCli, RestoreRefusesADatabaseWithDataUnlessForced) {
  ASSERT_EQ(run_kredo("demo --db " + db_).code, 0);
  ASSERT_EQ(run_kredo("backup --db " + db_ + " --to " + dir_ + "/b.db").code, 0);
  auto r = run_kredo("restore --from " + dir_ + "/b.db --db sqlite:" + dir_ + "/r.db");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("restored"), std::string::npos);
  auto again = run_kredo("restore --from " + dir_ + "/b.db --db sqlite:" + dir_ + "/r.db");
  EXPECT_EQ(again.code, 3);
  EXPECT_NE(again.out.find("--force"), std::string::npos) << again.out;
  EXPECT_EQ(run_kredo("restore --from " + dir_ + "/b.db --db sqlite:" + dir_ + "/r.db --force").code, 0);
  EXPECT_EQ(run_kredo("restore --from " + dir_ + "/nothing.db --db sqlite:" + dir_ + "/x.db").code, 1);
}

}  // namespace
}  // namespace kredo
