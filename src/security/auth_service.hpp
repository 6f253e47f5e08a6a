// Logins, sessions and passwords: argon2id, 256-bit session tokens stored only as SHA-256,
// idle and absolute timeouts, CSRF tokens, and lock-out after repeated failures.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <optional>
#include <string>
#include <utility>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/users.hpp"
#include "security/cipher.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"
#include "storage/db/revalidated.hpp"

namespace kredo::security {

struct SessionPolicy {
  std::int64_t idle_timeout_s = 60 * 60;
  std::int64_t absolute_timeout_s = 12 * 60 * 60;
  int lockout_failures = 5;
  std::int64_t lockout_window_s = 15 * 60;
  std::int64_t lockout_duration_s = 15 * 60;
  // last_seen_at is refreshed at most this often, so that reads don't each cost a write.
  std::int64_t touch_interval_s = 60;
  // A password accepted, the second factor awaited: how long and how many tries.
  std::int64_t challenge_ttl_s = 5 * 60;
  int challenge_attempts = 5;
};

struct LoginResult {
  domain::User user;
  std::string session_token;  // goes to the cookie only
  std::string csrf_token;
  // Set instead of a session when the user has a second factor: the token for the second step.
  std::optional<std::string> challenge;
};

struct SessionInfo {
  Actor actor;
  std::int64_t session_id = 0;
  std::string csrf_token;
  // An admin or coordinator without a second factor while security.require_totp_for_staff is on:
  // only /api/v1/auth/* answers until they enrol.
  bool totp_enrolment_required = false;
};

struct TotpStatus {
  bool enabled = false;
  bool pending = false;  // enrolment begun, not confirmed
  int recovery_codes_left = 0;
  bool required = false;  // the setting is on and the user is staff (admin, coordinator)
};

struct TotpEnrolment {
  std::string secret;  // base32
  std::string otpauth_uri;
};

inline constexpr const char* kRequireTotpSetting = "security.require_totp_for_staff";
inline constexpr int kRecoveryCodeCount = 10;

struct ClientInfo {
  std::string ip;
  std::string user_agent;
  std::string request_id;
};

class AuthService {
 public:
  AuthService(storage::Database& db, const Clock& clock, const Cipher& cipher, SessionPolicy policy = {});

  // A user with a second factor gets a challenge (LoginResult::challenge) instead of a session.
  Result<LoginResult> login(const std::string& username, const std::string& password, const ClientInfo& client);
  // The second step: a current TOTP code or an unused recovery code. Failures count toward lock-out.
  Result<LoginResult> login_second_factor(const std::string& challenge, const std::string& code,
                                          const ClientInfo& client);
  // The session for a cookie token, or nullopt when unknown, expired or the user is inactive.
  std::optional<SessionInfo> authenticate(const std::string& token, const std::string& request_id);
  Status logout(const SessionInfo& session);
  // Checks the current password, stores the new one, ends every session of the user and opens a new one.
  Result<LoginResult> change_password(const SessionInfo& session, const std::string& current,
                                      const std::string& new_password, const ClientInfo& client);

  // Second factor (TOTP, RFC 6238) of the session's user.
  Result<TotpStatus> totp_status(const SessionInfo& session);
  Result<TotpEnrolment> totp_begin(const SessionInfo& session);
  // Confirms the enrolment with a first code; answers the recovery codes (shown once).
  Result<std::vector<std::string>> totp_confirm(const SessionInfo& session, const std::string& code);
  // Needs a current code or a recovery code.
  Status totp_disable(const SessionInfo& session, const std::string& code);
  Result<std::vector<std::string>> regenerate_recovery_codes(const SessionInfo& session, const std::string& code);
  // For administrators (CLI): removes a user's second factor when phone and codes are lost.
  Status reset_totp(const Actor& actor, const std::string& username);

  bool require_totp_for_staff();
  Status set_require_totp_for_staff(const Actor& actor, bool on);

 private:
  LoginResult open_session(storage::Transaction& tx, const domain::User& user, const ClientInfo& client);
  // Records a failure for the username; true when it now is locked.
  bool record_failure(storage::Transaction& tx, const std::string& username, std::int64_t now);
  std::optional<std::int64_t> locked_until(storage::Transaction& tx, const std::string& username, std::int64_t now);
  // Checks a TOTP code (replay-proof: a step is used once) or a recovery code (used up) of a user
  // inside tx; answers "totp", "recovery_code" or nullopt.
  std::optional<std::string> check_second_factor(storage::Transaction& tx, std::int64_t user_id,
                                                 const std::string& code, std::int64_t now);
  std::vector<std::string> new_recovery_codes(storage::Transaction& tx, std::int64_t user_id);

  storage::Database& db_;
  const Clock& clock_;
  const Cipher& cipher_;
  SessionPolicy policy_;
  const std::string& dummy_hash();

  // Whether this process has just refreshed a session's last_seen_at: the concurrent requests of one
  // session that all find it due leave the write to the first (one slot per session id modulo the size).
  bool claim_touch(std::int64_t session_id, std::int64_t now);
  std::mutex touch_mutex_;
  std::array<std::pair<std::int64_t, std::int64_t>, 1024> touched_{};  // (session id, when)

  // Sessions found valid a moment ago, by token hash, so that a request need not read its session: an
  // entry is used while storage::ReadStamp says it is current (no write has committed through this process
  // since — a logout, a password change, a deactivation each commit one — and it is younger than
  // storage::kRevalidateAfter, within which such changes made by another process are seen) and the session
  // needs no touch yet.
  struct KeptSession {
    SessionInfo info;
    std::int64_t created = 0, last_seen = 0;
    storage::ReadStamp stamp;
  };
  std::mutex kept_mutex_;
  std::unordered_map<std::string, KeptSession> kept_;

  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against for unknown users so timing does not reveal them
};

}  // namespace kredo::security
