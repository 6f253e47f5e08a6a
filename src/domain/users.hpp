// Users and teams: who works in KREDO, in which role and team. Admins manage them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct User {
  std::int64_t id = 0;
  std::string username;
  security::Role role = security::Role::worker;
  std::optional<std::int64_t> team_id;
  std::string team;  // empty when none
  bool active = true;
  // May read and record special-category data (GDPR art. 9): ethnicity, disability, health.
  bool special_category_access = false;
  std::int64_t version = 1;
  std::string created_at;
  std::optional<std::string> last_login_at;
  std::string password_hash;  // never serialised
};

struct Team {
  std::int64_t id = 0;
  std::string name;
};

struct NewUser {
  std::string username;
  std::string password;
  std::string role;
  std::optional<std::string> team;
};

struct UserChanges {
  std::int64_t version = 0;
  std::optional<std::string> role;
  std::optional<std::optional<std::string>> team;  // set to a name, or to null (no team)
  std::optional<bool> active;
  std::optional<bool> special_category_access;
  std::optional<std::string> password;
};

// Password policy: at least 12 characters, not the username, not a well-known password.
std::optional<std::string> password_problem(const std::string& password, const std::string& username);
std::optional<std::string> username_problem(const std::string& username);

// Repository functions (SQL lives here, used inside a caller's transaction).
std::optional<User> find_user_by_username(storage::Transaction& tx, const std::string& username);
std::optional<User> find_user_by_id(storage::Transaction& tx, std::int64_t id);
std::optional<Team> find_team_by_name(storage::Transaction& tx, const std::string& name);

class UserService {
 public:
  UserService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<std::vector<User>> list(const security::Actor& actor);
  // The staff who run activities (active workers and coordinators), for choosing an activity's workers:
  // any logged-in user but an analyst.
  Result<std::vector<User>> colleagues(const security::Actor& actor);
  Result<User> create(const security::Actor& actor, const NewUser& input, bool create_missing_team = false);
  Result<User> update(const security::Actor& actor, std::int64_t id, const UserChanges& changes);
  // For the CLI: set a password by username.
  Result<User> reset_password(const security::Actor& actor, const std::string& username, const std::string& password);

  Result<std::vector<Team>> teams(const security::Actor& actor);
  Result<Team> create_team(const security::Actor& actor, const std::string& name);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace kredo::domain
