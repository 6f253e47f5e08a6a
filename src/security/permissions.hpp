// Roles and the acting user. Workers see their team's caseload; coordinators see all;
// analysts see aggregates only; admins manage users and settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kredo::security {

enum class Role { admin, coordinator, worker, analyst };

std::optional<Role> parse_role(std::string_view s);
const char* role_name(Role r);

// Who is acting, for permission checks and the audit log.
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::analyst;
  std::optional<std::int64_t> team_id;
  std::string team;
  std::string request_id;

  bool is(Role r) const { return role == r; }
  // May read and write personal data at all (analysts may not).
  bool handles_personal_data() const { return role == Role::coordinator || role == Role::worker || role == Role::admin; }
};

// The system itself (CLI commands, demo loader) as an actor in the audit log.
Actor system_actor(std::string what);

}  // namespace kredo::security
