#include "domain/users.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "security/audit.hpp"
#include "security/crypto.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::DbError;
using storage::DbErrorKind;
using storage::TxMode;

namespace {

constexpr const char* kSelectUser =
    "SELECT u.id, u.username, u.role, u.team_id, COALESCE(t.name, ''), u.active, u.version, u.created_at, "
    "u.last_login_at, u.password_hash, u.special_category_access FROM users u LEFT JOIN teams t ON t.id = u.team_id";

User user_from_row(const storage::Row& r) {
  User u;
  u.id = r.i64(0);
  u.username = r.str(1);
  u.role = security::parse_role(r.str(2)).value_or(Role::analyst);
  u.team_id = r.opt_i64(3);
  u.team = r.str(4);
  u.active = r.boolean(5);
  u.version = r.i64(6);
  u.created_at = r.str(7);
  u.last_login_at = r.opt_str(8);
  u.password_hash = r.str(9);
  u.special_category_access = r.boolean(10);
  return u;
}

// A short list of passwords that appear at the top of every breach list (plus Czech favourites).
// The 24 picked by hand first, then the generated list (scripts/gen-common-passwords.py), sorted.
constexpr std::array<const char*, 24> kCommonPasswords = {
    "123456789012", "1234567890123", "password1234", "password12345", "qwertyuiop12", "qwertzuiop12",
    "heslo1234567", "heslohesloheslo", "administrator", "admin1234567", "iloveyou1234", "111111111111",
    "000000000000", "abcdefghijkl", "abc123456789", "passwordpassword", "qwertyqwerty", "welcome12345",
    "letmein12345", "monkey123456", "dragon123456", "football1234", "kredokredo12", "changeme1234"};
constexpr std::string_view kGeneratedCommonPasswords[] = {
#include "security/common_passwords.inc"
};

bool is_common_password(const std::string& lowered) {
  for (const char* common : kCommonPasswords)
    if (lowered == common) return true;
  return std::binary_search(std::begin(kGeneratedCommonPasswords), std::end(kGeneratedCommonPasswords),
                            std::string_view(lowered));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Status require_admin(const Actor& actor) {
  if (!actor.is(Role::admin)) return Error::forbidden("Only an administrator can manage users.");
  return {};
}

}  // namespace

std::optional<std::string> password_problem(const std::string& password, const std::string& username) {
  // Count characters, not bytes, so that Czech passwords are not penalised.
  std::size_t chars = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < 12) return "The password must have at least 12 characters.";
  if (password.size() > 256) return "The password must have at most 256 characters.";
  if (!username.empty() && lower(password).find(lower(username)) != std::string::npos)
    return "The password must not contain the username.";
  const std::string l = lower(password);
  if (is_common_password(l)) return "This password is too common; choose another.";
  return std::nullopt;
}

std::optional<std::string> username_problem(const std::string& username) {
  if (username.size() < 3 || username.size() > 64) return "The username must have 3 to 64 characters.";
  for (unsigned char c : username)
    if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-'))
      return "The username may contain only letters a–z, digits, '.', '_' and '-'.";
  return std::nullopt;
}

std::optional<User> find_user_by_username(storage::Transaction& tx, const std::string& username) {
  auto r = tx.query_one(std::string(kSelectUser) + " WHERE u.username = $1", {username});
  if (!r) return std::nullopt;
  return user_from_row(*r);
}

std::optional<User> find_user_by_id(storage::Transaction& tx, std::int64_t id) {
  auto r = tx.query_one(std::string(kSelectUser) + " WHERE u.id = $1", {id});
  if (!r) return std::nullopt;
  return user_from_row(*r);
}

std::optional<Team> find_team_by_name(storage::Transaction& tx, const std::string& name) {
  auto r = tx.query_one("SELECT id, name FROM teams WHERE name = $1", {name});
  if (!r) return std::nullopt;
  return Team{r->i64(0), r->str(1)};
}

Result<std::vector<User>> UserService::list(const Actor& actor) {
  // Coordinators read the list too: they assign keyworkers to families.
  if (!actor.is(Role::admin) && !actor.is(Role::coordinator))
    return Error::forbidden("Only an administrator or a coordinator can list users.");
  auto tx = db_.begin(TxMode::read);
  std::vector<User> out;
  for (const auto& r : tx->query(std::string(kSelectUser) + " ORDER BY u.username")) out.push_back(user_from_row(r));
  return out;
}

Result<std::vector<User>> UserService::colleagues(const Actor& actor) {
  if (actor.is(Role::analyst)) return Error::forbidden("Analysts work with aggregate figures only, not with personal data.");
  auto tx = db_.begin(TxMode::read);
  std::vector<User> out;
  for (const auto& r : tx->query(std::string(kSelectUser) + " ORDER BY u.username")) {
    User u = user_from_row(r);
    if (u.active && (u.role == Role::worker || u.role == Role::coordinator)) out.push_back(std::move(u));
  }
  return out;
}

Result<User> UserService::create(const Actor& actor, const NewUser& input, bool create_missing_team) {
  KREDO_TRY(require_admin(actor));
  std::vector<FieldError> errors;
  if (auto p = username_problem(input.username)) errors.push_back({"username", *p});
  if (auto p = password_problem(input.password, input.username)) errors.push_back({"password", *p});
  auto role = security::parse_role(input.role);
  if (!role) errors.push_back({"role", "Unknown role: use admin, coordinator, worker or analyst."});
  if (role == Role::worker && (!input.team || input.team->empty()))
    errors.push_back({"team", "A field worker must belong to a team."});
  if (!errors.empty()) return Error::validation(std::move(errors));

  std::string hash = security::hash_password(input.password);  // slow: outside the write lock
  auto tx = db_.begin(TxMode::write);
  const std::string now = format_utc(clock_.now());
  std::optional<std::int64_t> team_id;
  if (input.team && !input.team->empty()) {
    auto team = find_team_by_name(*tx, *input.team);
    if (!team && create_missing_team) {
      auto r = tx->query_one("INSERT INTO teams (name, created_at) VALUES ($1, $2) RETURNING id", {*input.team, now});
      team = Team{r->i64(0), *input.team};
    }
    if (!team) return Error::field("team", "There is no team called '" + *input.team + "'.");
    team_id = team->id;
  }
  std::int64_t id = 0;
  try {
    auto r = tx->query_one(
        "INSERT INTO users (username, password_hash, role, team_id, active, created_at, updated_at, "
        "password_changed_at, version) VALUES ($1, $2, $3, $4, 1, $5, $5, $5, 1) RETURNING id",
        {input.username, hash, security::role_name(*role), team_id, now});
    id = r->i64(0);
  } catch (const DbError& e) {
    if (e.kind() == DbErrorKind::unique_violation)
      return Error{ErrorCode::conflict, "The username '" + input.username + "' is already taken.",
                   {{"username", "This username is already taken."}}, {}};
    throw;
  }
  security::write_audit(*tx, actor,
                        {"create", "user", std::to_string(id),
                         nlohmann::json{{"username", input.username}, {"role", security::role_name(*role)}}.dump()},
                        clock_.now());
  auto user = find_user_by_id(*tx, id);
  tx->commit();
  return *user;
}

Result<User> UserService::update(const Actor& actor, std::int64_t id, const UserChanges& ch) {
  KREDO_TRY(require_admin(actor));
  std::vector<FieldError> errors;
  std::optional<Role> role;
  if (ch.role) {
    role = security::parse_role(*ch.role);
    if (!role) errors.push_back({"role", "Unknown role: use admin, coordinator, worker or analyst."});
  }
  std::optional<std::string> hash;
  if (!errors.empty()) return Error::validation(std::move(errors));

  // Validate the password against the username before hashing (hashing is slow).
  if (ch.password) {
    auto tx = db_.begin(TxMode::read);
    auto current = find_user_by_id(*tx, id);
    if (!current) return Error::not_found("No such user.");
    if (auto p = password_problem(*ch.password, current->username)) return Error::field("password", *p);
    hash = security::hash_password(*ch.password);
  }

  auto tx = db_.begin(TxMode::write);
  auto current = find_user_by_id(*tx, id);
  if (!current) return Error::not_found("No such user.");
  if (current->version != ch.version)
    return Error::conflict("This user was changed by someone else (version " + std::to_string(current->version) +
                           ", yours " + std::to_string(ch.version) + "). Reload and try again.");
  if (id == actor.user_id && ((ch.active && !*ch.active) || (role && *role != Role::admin)))
    return Error::field(ch.active ? "active" : "role", "You cannot demote or deactivate yourself.");

  User next = *current;
  if (role) next.role = *role;
  if (ch.active) next.active = *ch.active;
  if (ch.special_category_access) next.special_category_access = *ch.special_category_access;
  if (ch.team) {
    if (!*ch.team || (*ch.team)->empty()) {
      next.team_id.reset();
      next.team.clear();
    } else {
      auto team = find_team_by_name(*tx, **ch.team);
      if (!team) return Error::field("team", "There is no team called '" + **ch.team + "'.");
      next.team_id = team->id;
      next.team = team->name;
    }
  }
  if (next.role == Role::worker && !next.team_id) return Error::field("team", "A field worker must belong to a team.");

  const std::string now = format_utc(clock_.now());
  std::int64_t changed = tx->exec(
      "UPDATE users SET role = $1, team_id = $2, active = $3, updated_at = $4, version = version + 1, "
      "password_hash = COALESCE($5, password_hash), password_changed_at = CASE WHEN $5 IS NULL THEN "
      "password_changed_at ELSE $4 END, special_category_access = $8 WHERE id = $6 AND version = $7",
      {security::role_name(next.role), next.team_id, next.active ? 1 : 0, now, hash, id, ch.version,
       next.special_category_access ? 1 : 0});
  if (changed != 1) return Error::conflict("This user was changed by someone else. Reload and try again.");
  // A password reset or a deactivation ends the user's sessions at once.
  if (hash || !next.active) tx->exec("DELETE FROM sessions WHERE user_id = $1", {id});
  nlohmann::json detail = nlohmann::json::object();
  if (role) detail["role"] = security::role_name(next.role);
  if (ch.team) detail["team"] = next.team;
  if (ch.active) detail["active"] = next.active;
  if (ch.special_category_access) detail["special_category_access"] = next.special_category_access;
  if (hash) detail["password"] = "reset";
  security::write_audit(*tx, actor, {"update", "user", std::to_string(id), detail.dump()}, clock_.now());
  auto user = find_user_by_id(*tx, id);
  tx->commit();
  return *user;
}

Result<User> UserService::reset_password(const Actor& actor, const std::string& username, const std::string& password) {
  std::optional<User> u;
  {
    auto tx = db_.begin(TxMode::read);
    u = find_user_by_username(*tx, username);
  }
  if (!u) return Error::field("username", "There is no user called '" + username + "'.");
  UserChanges ch;
  ch.version = u->version;
  ch.password = password;
  return update(actor, u->id, ch);
}

Result<std::vector<Team>> UserService::teams(const Actor& /*actor*/) {
  auto tx = db_.begin(TxMode::read);
  std::vector<Team> out;
  for (const auto& r : tx->query("SELECT id, name FROM teams ORDER BY name")) out.push_back({r.i64(0), r.str(1)});
  return out;
}

Result<Team> UserService::create_team(const Actor& actor, const std::string& name) {
  KREDO_TRY(require_admin(actor));
  if (name.empty() || name.size() > 100) return Error::field("name", "A team name needs 1 to 100 characters.");
  auto tx = db_.begin(TxMode::write);
  try {
    auto r = tx->query_one("INSERT INTO teams (name, created_at) VALUES ($1, $2) RETURNING id",
                           {name, format_utc(clock_.now())});
    security::write_audit(*tx, actor, {"create", "team", std::to_string(r->i64(0)), ""}, clock_.now());
    Team t{r->i64(0), name};
    tx->commit();
    return t;
  } catch (const DbError& e) {
    if (e.kind() == DbErrorKind::unique_violation) return Error::conflict("A team called '" + name + "' exists already.");
    throw;
  }
}

}  // namespace kredo::domain
