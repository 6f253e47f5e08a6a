#include "security/auth_service.hpp"

#include <nlohmann/json.hpp>

#include "security/audit.hpp"
#include "security/crypto.hpp"

namespace kredo::security {

using storage::TxMode;

AuthService::AuthService(storage::Database& db, const Clock& clock, SessionPolicy policy)
    : db_(db), clock_(clock), policy_(policy) {}

const std::string& AuthService::dummy_hash() {
  // Made on first need, not at start-up: argon2id is slow on purpose.
  std::call_once(dummy_once_, [this] { dummy_hash_ = hash_password(random_hex(16)); });
  return dummy_hash_;
}

LoginResult AuthService::open_session(storage::Transaction& tx, const domain::User& user, const ClientInfo& client) {
  const std::int64_t now = clock_.now();
  LoginResult out{user, random_hex(32), random_hex(32)};
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
    tx->exec("INSERT INTO login_failures (username, at) VALUES ($1, $2)", {username, now});
    auto n = tx->query_one("SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at > $2",
                           {username, now - policy_.lockout_window_s})->i64(0);
    if (n >= policy_.lockout_failures) {
      tx->exec("DELETE FROM login_locks WHERE username = $1", {username});
      tx->exec("INSERT INTO login_locks (username, locked_until) VALUES ($1, $2)",
               {username, now + policy_.lockout_duration_s});
      tx->exec("DELETE FROM login_failures WHERE username = $1", {username});
    }
    write_audit(*tx, anonymous,
                {"login_failed", "session", "", nlohmann::json{{"locked", n >= policy_.lockout_failures}}.dump()}, now);
    tx->commit();
    return Error::unauthenticated("Wrong username or password.");
  }
  tx->exec("DELETE FROM login_failures WHERE username = $1", {username});
  tx->exec("UPDATE users SET last_login_at = $1 WHERE id = $2", {format_utc(now), user->id});
  // Old, expired sessions of this user are cleaned up at each login.
  tx->exec("DELETE FROM sessions WHERE user_id = $1 AND (last_seen_at < $2 OR created_at < $3)",
           {user->id, now - policy_.idle_timeout_s, now - policy_.absolute_timeout_s});
  LoginResult result = open_session(*tx, *user, client);
  result.user.last_login_at = format_utc(now);
  Actor actor{user->id, user->username, user->role, user->team_id, user->team, client.request_id};
  write_audit(*tx, actor, {"login", "session", "", ""}, now);
  tx->commit();
  return result;
}

std::optional<SessionInfo> AuthService::authenticate(const std::string& token, const std::string& request_id) {
  if (token.size() != 64) return std::nullopt;
  const std::int64_t now = clock_.now();
  const std::string hash = sha256_hex(token);
  std::optional<storage::Row> r;
  {
    auto tx = db_.begin(TxMode::read);
    r = tx->query_one(
        "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.username, u.role, u.team_id, "
        "COALESCE(t.name, ''), u.active FROM sessions s JOIN users u ON u.id = s.user_id "
        "LEFT JOIN teams t ON t.id = u.team_id WHERE s.token_hash = $1",
        {hash});
  }
  if (!r) return std::nullopt;
  const std::int64_t created = r->i64(2), last_seen = r->i64(3);
  if (!r->boolean(9) || now - last_seen > policy_.idle_timeout_s || now - created > policy_.absolute_timeout_s) {
    auto tx = db_.begin(TxMode::write);
    tx->exec("DELETE FROM sessions WHERE id = $1", {r->i64(0)});
    tx->commit();
    return std::nullopt;
  }
  if (now - last_seen >= policy_.touch_interval_s) {
    auto tx = db_.begin(TxMode::write);
    tx->exec("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {now, r->i64(0)});
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
  s.actor.request_id = request_id;
  return s;
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

}  // namespace kredo::security
