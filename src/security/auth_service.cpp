#include "security/auth_service.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "security/audit.hpp"
#include "security/crypto.hpp"
#include "security/totp.hpp"

namespace kredo::security {

using storage::TxMode;

AuthService::AuthService(storage::Database& db, const Clock& clock, const Cipher& cipher, SessionPolicy policy)
    : db_(db), clock_(clock), cipher_(cipher), policy_(policy) {}

namespace {

Actor actor_of(const domain::User& user, const std::string& request_id) {
  return Actor{user.id, user.username, user.role, user.team_id, user.team, request_id};
}

bool is_staff(Role role) { return role == Role::admin || role == Role::coordinator; }

// Recovery codes: 16 base32 characters (80 random bits) shown as four groups of four.
std::string normalise_recovery_code(const std::string& code) {
  std::string out;
  for (unsigned char c : code)
    if (std::isalnum(c)) out += static_cast<char>(std::toupper(c));
  return out;
}

Error locked_error(std::int64_t until, std::int64_t now) {
  Error e = Error::rate_limited("Too many failed logins. Try again in " + std::to_string((until - now + 59) / 60) +
                                " minutes.");
  e.detail_json = nlohmann::json{{"retry_after_seconds", until - now}}.dump();
  return e;
}

}  // namespace

bool AuthService::record_failure(storage::Transaction& tx, const std::string& username, std::int64_t now) {
  tx.exec("INSERT INTO login_failures (username, at) VALUES ($1, $2)", {username, now});
  auto n = tx.query_one("SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at > $2",
                        {username, now - policy_.lockout_window_s})->i64(0);
  if (n < policy_.lockout_failures) return false;
  tx.exec("DELETE FROM login_locks WHERE username = $1", {username});
  tx.exec("INSERT INTO login_locks (username, locked_until) VALUES ($1, $2)", {username, now + policy_.lockout_duration_s});
  tx.exec("DELETE FROM login_failures WHERE username = $1", {username});
  return true;
}

std::optional<std::int64_t> AuthService::locked_until(storage::Transaction& tx, const std::string& username,
                                                      std::int64_t now) {
  auto lock = tx.query_one("SELECT locked_until FROM login_locks WHERE username = $1", {username});
  if (lock && lock->i64(0) > now) return lock->i64(0);
  return std::nullopt;
}

const std::string& AuthService::dummy_hash() {
  // Made on first need, not at start-up: argon2id is slow on purpose.
  std::call_once(dummy_once_, [this] { dummy_hash_ = hash_password(random_hex(16)); });
  return dummy_hash_;
}

LoginResult AuthService::open_session(storage::Transaction& tx, const domain::User& user, const ClientInfo& client) {
  const std::int64_t now = clock_.now();
  LoginResult out{user, random_hex(32), random_hex(32), std::nullopt};
  tx.exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent) "
      "VALUES ($1, $2, $3, $4, $4, $5, $6)",
      {sha256_hex(out.session_token), user.id, out.csrf_token, now, client.ip, client.user_agent.substr(0, 300)});
  return out;
}

Result<LoginResult> AuthService::login(const std::string& username_in, const std::string& password,
                                       const ClientInfo& client) {
  const std::string username = username_in.substr(0, 64);
  const std::int64_t now = clock_.now();
  Actor anonymous;
  anonymous.username = username.empty() ? "anonymous" : username;
  anonymous.request_id = client.request_id;

  std::optional<domain::User> user;
  {
    auto tx = db_.begin(TxMode::read);
    auto lock = tx->query_one("SELECT locked_until FROM login_locks WHERE username = $1", {username});
    if (lock && lock->i64(0) > now) {
      tx.reset();
      auto wtx = db_.begin(TxMode::write);
      write_audit(*wtx, anonymous, {"login_locked", "session", "", ""}, now);
      wtx->commit();
      Error e = Error::rate_limited("Too many failed logins. Try again in " +
                                    std::to_string((lock->i64(0) - now + 59) / 60) + " minutes.");
      e.detail_json = nlohmann::json{{"retry_after_seconds", lock->i64(0) - now}}.dump();
      return e;
    }
    user = domain::find_user_by_username(*tx, username);
  }
  // Verify outside any transaction: argon2id takes tens of milliseconds by design.
  bool ok = user ? verify_password(user->password_hash, password) : (verify_password(dummy_hash(), password), false);
  if (ok && !user->active) ok = false;

  auto tx = db_.begin(TxMode::write);
  if (!ok) {
    const bool locked = record_failure(*tx, username, now);
    write_audit(*tx, anonymous,
                {"login_failed", "session", "", nlohmann::json{{"locked", locked}}.dump()}, now);
    tx->commit();
    return Error::unauthenticated("Wrong username or password.");
  }
  Actor actor = actor_of(*user, client.request_id);
  auto totp = tx->query_one("SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL", {user->id});
  if (totp) {
    // The password is right; the session waits for the second factor.
    LoginResult pending{*user, "", "", random_hex(32)};
    tx->exec("DELETE FROM login_challenges WHERE user_id = $1 AND created_at < $2",
             {user->id, now - policy_.challenge_ttl_s});
    tx->exec("INSERT INTO login_challenges (token_hash, user_id, created_at, attempts) VALUES ($1, $2, $3, 0)",
             {sha256_hex(*pending.challenge), user->id, now});
    write_audit(*tx, actor, {"login_second_factor_required", "session", "", ""}, now);
    tx->commit();
    return pending;
  }
  tx->exec("DELETE FROM login_failures WHERE username = $1", {username});
  tx->exec("UPDATE users SET last_login_at = $1 WHERE id = $2", {format_utc(now), user->id});
  // Old, expired sessions of this user are cleaned up at each login.
  tx->exec("DELETE FROM sessions WHERE user_id = $1 AND (last_seen_at < $2 OR created_at < $3)",
           {user->id, now - policy_.idle_timeout_s, now - policy_.absolute_timeout_s});
  LoginResult result = open_session(*tx, *user, client);
  result.user.last_login_at = format_utc(now);
  write_audit(*tx, actor, {"login", "session", "", ""}, now);
  tx->commit();
  return result;
}

std::optional<std::string> AuthService::check_second_factor(storage::Transaction& tx, std::int64_t user_id,
                                                            const std::string& code, std::int64_t now) {
  auto t = tx.query_one("SELECT secret, last_step FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL",
                        {user_id});
  if (!t) return std::nullopt;
  std::string digits;
  for (char c : code)
    if (c != ' ') digits += c;
  if (digits.size() == 6) {
    auto key = base32_decode(cipher_.open_text(t->str(0)));
    if (!key) return std::nullopt;
    auto step = totp_match(*key, digits, now);
    // A code is good once: its time step must be later than the last one accepted.
    if (step && *step > t->i64(1)) {
      tx.exec("UPDATE user_totp SET last_step = $1 WHERE user_id = $2", {*step, user_id});
      return "totp";
    }
    return std::nullopt;
  }
  const std::string norm = normalise_recovery_code(code);
  if (norm.size() != 16) return std::nullopt;
  auto r = tx.query_one("SELECT id FROM recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
                        {user_id, sha256_hex(norm)});
  if (!r) return std::nullopt;
  tx.exec("UPDATE recovery_codes SET used_at = $1 WHERE id = $2", {format_utc(now), r->i64(0)});
  return "recovery_code";
}

Result<LoginResult> AuthService::login_second_factor(const std::string& challenge, const std::string& code,
                                                     const ClientInfo& client) {
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  auto c = tx->query_one("SELECT id, user_id, created_at, attempts FROM login_challenges WHERE token_hash = $1",
                         {sha256_hex(challenge)});
  if (!c || now - c->i64(2) > policy_.challenge_ttl_s || c->i64(3) >= policy_.challenge_attempts) {
    if (c) tx->exec("DELETE FROM login_challenges WHERE id = $1", {c->i64(0)});
    tx->commit();
    return Error::unauthenticated("The login has expired. Please enter your username and password again.");
  }
  auto user = domain::find_user_by_id(*tx, c->i64(1));
  if (!user || !user->active) {
    tx->exec("DELETE FROM login_challenges WHERE id = $1", {c->i64(0)});
    tx->commit();
    return Error::unauthenticated("The login has expired. Please enter your username and password again.");
  }
  Actor actor = actor_of(*user, client.request_id);
  if (auto until = locked_until(*tx, user->username, now)) {
    tx->exec("DELETE FROM login_challenges WHERE user_id = $1", {user->id});
    write_audit(*tx, actor, {"login_locked", "session", "", ""}, now);
    tx->commit();
    return locked_error(*until, now);
  }
  auto method = check_second_factor(*tx, user->id, code, now);
  if (!method) {
    tx->exec("UPDATE login_challenges SET attempts = attempts + 1 WHERE id = $1", {c->i64(0)});
    const bool locked = record_failure(*tx, user->username, now);
    if (locked) tx->exec("DELETE FROM login_challenges WHERE user_id = $1", {user->id});
    write_audit(*tx, actor, {"second_factor_failed", "session", "", nlohmann::json{{"locked", locked}}.dump()}, now);
    tx->commit();
    Error e = Error::field("code", "The code is not right. Use the current code from your authenticator app or an "
                                   "unused recovery code.");
    e.code = ErrorCode::unauthenticated;
    return e;
  }
  tx->exec("DELETE FROM login_challenges WHERE id = $1", {c->i64(0)});
  tx->exec("DELETE FROM login_failures WHERE username = $1", {user->username});
  tx->exec("UPDATE users SET last_login_at = $1 WHERE id = $2", {format_utc(now), user->id});
  tx->exec("DELETE FROM sessions WHERE user_id = $1 AND (last_seen_at < $2 OR created_at < $3)",
           {user->id, now - policy_.idle_timeout_s, now - policy_.absolute_timeout_s});
  LoginResult result = open_session(*tx, *user, client);
  result.user.last_login_at = format_utc(now);
  if (*method == "recovery_code") {
    auto left = tx->query_one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", {user->id});
    write_audit(*tx, actor, {"recovery_code_used", "user", std::to_string(user->id),
                             nlohmann::json{{"left", left->i64(0)}}.dump()}, now);
  }
  write_audit(*tx, actor, {"login", "session", "", nlohmann::json{{"second_factor", *method}}.dump()}, now);
  tx->commit();
  return result;
}

std::optional<SessionInfo> AuthService::authenticate(const std::string& token, const std::string& request_id) {
  if (token.size() != 64) return std::nullopt;
  const std::int64_t now = clock_.now();
  const std::string hash = sha256_hex(token);
  const auto fresh = [&](std::int64_t created, std::int64_t last_seen) {
    return now - last_seen <= policy_.idle_timeout_s && now - created <= policy_.absolute_timeout_s;
  };
  {
    std::lock_guard<std::mutex> lk(kept_mutex_);
    auto it = kept_.find(hash);
    if (it != kept_.end()) {
      const KeptSession& k = it->second;
      if (k.stamp.current(db_) && fresh(k.created, k.last_seen) && now - k.last_seen < policy_.touch_interval_s) {
        SessionInfo s = k.info;
        s.actor.request_id = request_id;
        return s;
      }
      kept_.erase(it);
    }
  }
  // Taken before the read: a write that commits after it makes the entry kept below stale at once.
  const storage::ReadStamp stamp = storage::ReadStamp::now(db_);
  std::optional<storage::Row> r;
  {
    auto tx = db_.begin(TxMode::statement);
    r = tx->query_one(
        "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.username, u.role, u.team_id, "
        "COALESCE(t.name, ''), u.active, "
        "(SELECT COUNT(*) FROM user_totp ut WHERE ut.user_id = u.id AND ut.confirmed_at IS NOT NULL), "
        "(SELECT st.value FROM settings st WHERE st.key = 'security.require_totp_for_staff') "
        "FROM sessions s JOIN users u ON u.id = s.user_id "
        "LEFT JOIN teams t ON t.id = u.team_id WHERE s.token_hash = $1",
        {hash});
  }
  if (!r) return std::nullopt;
  const std::int64_t created = r->i64(2), last_seen = r->i64(3);
  if (!r->boolean(9) || !fresh(created, last_seen)) {
    auto tx = db_.begin(TxMode::write);
    tx->exec("DELETE FROM sessions WHERE id = $1", {r->i64(0)});
    tx->commit();
    return std::nullopt;
  }
  if (now - last_seen >= policy_.touch_interval_s && claim_touch(r->i64(0), now)) {
    auto tx = db_.begin(TxMode::write);
    tx->exec("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1", {now, r->i64(0)});
    tx->commit();
  }
  SessionInfo s;
  s.session_id = r->i64(0);
  s.csrf_token = r->str(1);
  s.actor.user_id = r->i64(4);
  s.actor.username = r->str(5);
  s.actor.role = parse_role(r->str(6)).value_or(Role::analyst);
  s.actor.team_id = r->opt_i64(7);
  s.actor.team = r->str(8);
  s.totp_enrolment_required = is_staff(s.actor.role) && r->i64(10) == 0 && r->opt_str(11).value_or("0") == "1";
  {
    std::lock_guard<std::mutex> lk(kept_mutex_);
    if (kept_.size() >= 4096) kept_.clear();  // a bound; the sessions in use come back with their next request
    kept_[hash] = KeptSession{s, created, last_seen, stamp};
  }
  s.actor.request_id = request_id;
  return s;
}

bool AuthService::claim_touch(std::int64_t session_id, std::int64_t now) {
  std::lock_guard<std::mutex> lk(touch_mutex_);
  auto& slot = touched_[static_cast<std::size_t>(session_id) % touched_.size()];
  if (slot.first == session_id && now - slot.second < policy_.touch_interval_s) return false;
  slot = {session_id, now};
  return true;
}

Status AuthService::logout(const SessionInfo& session) {
  auto tx = db_.begin(TxMode::write);
  tx->exec("DELETE FROM sessions WHERE id = $1", {session.session_id});
  write_audit(*tx, session.actor, {"logout", "session", "", ""}, clock_.now());
  tx->commit();
  return {};
}

Result<LoginResult> AuthService::change_password(const SessionInfo& session, const std::string& current,
                                                 const std::string& new_password, const ClientInfo& client) {
  std::optional<domain::User> user;
  {
    auto tx = db_.begin(TxMode::read);
    user = domain::find_user_by_id(*tx, session.actor.user_id);
  }
  if (!user) return Error::unauthenticated();
  if (!verify_password(user->password_hash, current))
    return Error::field("current_password", "The current password is not right.");
  if (auto p = domain::password_problem(new_password, user->username)) return Error::field("new_password", *p);
  if (new_password == current) return Error::field("new_password", "The new password must differ from the current one.");
  std::string hash = hash_password(new_password);
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  tx->exec(
      "UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2, version = version + 1 "
      "WHERE id = $3",
      {hash, format_utc(now), user->id});
  // Every session of the user ends (other devices included); this client gets a fresh one.
  tx->exec("DELETE FROM sessions WHERE user_id = $1", {user->id});
  auto fresh = domain::find_user_by_id(*tx, user->id);
  LoginResult result = open_session(*tx, *fresh, client);
  write_audit(*tx, session.actor, {"password_change", "user", std::to_string(user->id), ""}, now);
  tx->commit();
  return result;
}

// --- second factor ---

bool AuthService::require_totp_for_staff() {
  auto tx = db_.begin(TxMode::read);
  auto r = tx->query_one("SELECT value FROM settings WHERE key = $1", {kRequireTotpSetting});
  return r && r->str(0) == "1";
}

Status AuthService::set_require_totp_for_staff(const Actor& actor, bool on) {
  if (!actor.is(Role::admin)) return Error::forbidden("Only an administrator can change security settings.");
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  const std::string value = on ? "1" : "0";
  if (tx->query_one("SELECT value FROM settings WHERE key = $1", {kRequireTotpSetting}))
    tx->exec("UPDATE settings SET value = $1, updated_at = $2, version = version + 1 WHERE key = $3",
             {value, format_utc(now), kRequireTotpSetting});
  else
    tx->exec("INSERT INTO settings (key, value, updated_at, version) VALUES ($1, $2, $3, 1)",
             {kRequireTotpSetting, value, format_utc(now)});
  write_audit(*tx, actor, {"update", "setting", kRequireTotpSetting, nlohmann::json{{"value", on}}.dump()}, now);
  tx->commit();
  return {};
}

Result<TotpStatus> AuthService::totp_status(const SessionInfo& session) {
  auto tx = db_.begin(TxMode::read);
  TotpStatus st;
  auto t = tx->query_one("SELECT confirmed_at FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  st.enabled = t && !t->is_null(0);
  st.pending = t && t->is_null(0);
  st.recovery_codes_left = static_cast<int>(
      tx->query_one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                    {session.actor.user_id})->i64(0));
  auto req = tx->query_one("SELECT value FROM settings WHERE key = $1", {kRequireTotpSetting});
  st.required = is_staff(session.actor.role) && req && req->str(0) == "1";
  return st;
}

Result<TotpEnrolment> AuthService::totp_begin(const SessionInfo& session) {
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  auto t = tx->query_one("SELECT confirmed_at FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  if (t && !t->is_null(0))
    return Error::conflict("The second factor is on already. Turn it off first to enrol a new authenticator.");
  TotpEnrolment out{base32_encode(random_bytes(20)), ""};
  out.otpauth_uri = otpauth_uri("KREDO", session.actor.username, out.secret);
  tx->exec("DELETE FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  tx->exec("INSERT INTO user_totp (user_id, secret, confirmed_at, last_step, created_at) VALUES ($1, $2, NULL, 0, $3)",
           {session.actor.user_id, cipher_.encrypt_text(out.secret), format_utc(now)});
  write_audit(*tx, session.actor, {"totp_enrol_begin", "user", std::to_string(session.actor.user_id), ""}, now);
  tx->commit();
  return out;
}

std::vector<std::string> AuthService::new_recovery_codes(storage::Transaction& tx, std::int64_t user_id) {
  tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", {user_id});
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    const std::string code = base32_encode(random_bytes(10));  // 16 characters
    tx.exec("INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)", {user_id, sha256_hex(code)});
    codes.push_back(code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8, 4) + "-" + code.substr(12, 4));
  }
  return codes;
}

Result<std::vector<std::string>> AuthService::totp_confirm(const SessionInfo& session, const std::string& code) {
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  auto t = tx->query_one("SELECT secret, confirmed_at FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  if (!t) return Error::conflict("Begin the enrolment first.");
  if (!t->is_null(1)) return Error::conflict("The second factor is on already.");
  auto key = base32_decode(cipher_.open_text(t->str(0)));
  auto step = key ? totp_match(*key, code, now) : std::nullopt;
  if (!step) {
    write_audit(*tx, session.actor, {"totp_enrol_failed", "user", std::to_string(session.actor.user_id), ""}, now);
    tx->commit();
    return Error::field("code", "The code is not right. Check the time on your phone and type the current code.");
  }
  tx->exec("UPDATE user_totp SET confirmed_at = $1, last_step = $2 WHERE user_id = $3",
           {format_utc(now), *step, session.actor.user_id});
  auto codes = new_recovery_codes(*tx, session.actor.user_id);
  write_audit(*tx, session.actor, {"totp_enabled", "user", std::to_string(session.actor.user_id), ""}, now);
  tx->commit();
  return codes;
}

Status AuthService::totp_disable(const SessionInfo& session, const std::string& code) {
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  auto t = tx->query_one("SELECT confirmed_at FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  if (!t || t->is_null(0)) {
    // A pending enrolment is simply dropped.
    tx->exec("DELETE FROM user_totp WHERE user_id = $1", {session.actor.user_id});
    tx->commit();
    return {};
  }
  if (auto until = locked_until(*tx, session.actor.username, now)) return locked_error(*until, now);
  auto method = check_second_factor(*tx, session.actor.user_id, code, now);
  if (!method) {
    const bool locked = record_failure(*tx, session.actor.username, now);
    write_audit(*tx, session.actor, {"totp_disable_failed", "user", std::to_string(session.actor.user_id),
                                     nlohmann::json{{"locked", locked}}.dump()}, now);
    tx->commit();
    return Error::field("code", "The code is not right.");
  }
  tx->exec("DELETE FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  tx->exec("DELETE FROM recovery_codes WHERE user_id = $1", {session.actor.user_id});
  write_audit(*tx, session.actor, {"totp_disabled", "user", std::to_string(session.actor.user_id),
                                   nlohmann::json{{"with", *method}}.dump()}, now);
  tx->commit();
  return {};
}

Result<std::vector<std::string>> AuthService::regenerate_recovery_codes(const SessionInfo& session,
                                                                        const std::string& code) {
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  auto t = tx->query_one("SELECT confirmed_at FROM user_totp WHERE user_id = $1", {session.actor.user_id});
  if (!t || t->is_null(0)) return Error::conflict("The second factor is not on.");
  if (auto until = locked_until(*tx, session.actor.username, now)) return locked_error(*until, now);
  if (!check_second_factor(*tx, session.actor.user_id, code, now)) {
    const bool locked = record_failure(*tx, session.actor.username, now);
    write_audit(*tx, session.actor, {"recovery_codes_failed", "user", std::to_string(session.actor.user_id),
                                     nlohmann::json{{"locked", locked}}.dump()}, now);
    tx->commit();
    return Error::field("code", "The code is not right.");
  }
  auto codes = new_recovery_codes(*tx, session.actor.user_id);
  write_audit(*tx, session.actor, {"recovery_codes_regenerated", "user", std::to_string(session.actor.user_id), ""}, now);
  tx->commit();
  return codes;
}

Status AuthService::reset_totp(const Actor& actor, const std::string& username) {
  const std::int64_t now = clock_.now();
  auto tx = db_.begin(TxMode::write);
  auto user = domain::find_user_by_username(*tx, username);
  if (!user) return Error::not_found("There is no user called '" + username + "'.");
  tx->exec("DELETE FROM user_totp WHERE user_id = $1", {user->id});
  tx->exec("DELETE FROM recovery_codes WHERE user_id = $1", {user->id});
  tx->exec("DELETE FROM login_challenges WHERE user_id = $1", {user->id});
  tx->exec("DELETE FROM sessions WHERE user_id = $1", {user->id});
  write_audit(*tx, actor, {"totp_reset", "user", std::to_string(user->id), ""}, now);
  tx->commit();
  return {};
}

}  // namespace kredo::security
