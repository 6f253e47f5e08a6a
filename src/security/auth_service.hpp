// Logins, sessions and passwords: argon2id, 256-bit session tokens stored only as SHA-256,
// idle and absolute timeouts, CSRF tokens, and lock-out after repeated failures.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/users.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::security {

struct SessionPolicy {
  std::int64_t idle_timeout_s = 60 * 60;
  std::int64_t absolute_timeout_s = 12 * 60 * 60;
  int lockout_failures = 5;
  std::int64_t lockout_window_s = 15 * 60;
  std::int64_t lockout_duration_s = 15 * 60;
  // last_seen_at is refreshed at most this often, so that reads don't each cost a write.
  std::int64_t touch_interval_s = 60;
};

struct LoginResult {
  domain::User user;
  std::string session_token;  // goes to the cookie only
  std::string csrf_token;
};

struct SessionInfo {
  Actor actor;
  std::int64_t session_id = 0;
  std::string csrf_token;
};

struct ClientInfo {
  std::string ip;
  std::string user_agent;
  std::string request_id;
};

class AuthService {
 public:
  AuthService(storage::Database& db, const Clock& clock, SessionPolicy policy = {});

  Result<LoginResult> login(const std::string& username, const std::string& password, const ClientInfo& client);
  // The session for a cookie token, or nullopt when unknown, expired or the user is inactive.
  std::optional<SessionInfo> authenticate(const std::string& token, const std::string& request_id);
  Status logout(const SessionInfo& session);
  // Checks the current password, stores the new one, ends every session of the user and opens a new one.
  Result<LoginResult> change_password(const SessionInfo& session, const std::string& current,
                                      const std::string& new_password, const ClientInfo& client);

 private:
  LoginResult open_session(storage::Transaction& tx, const domain::User& user, const ClientInfo& client);

  storage::Database& db_;
  const Clock& clock_;
  SessionPolicy policy_;
  const std::string& dummy_hash();

  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against for unknown users so timing does not reveal them
};

}  // namespace kredo::security
