#include "security/permissions.hpp"

namespace kredo::security {

std::optional<Role> parse_role(std::string_view s) {
  if (s == "admin") return Role::admin;
  if (s == "coordinator") return Role::coordinator;
  if (s == "worker") return Role::worker;
  if (s == "analyst") return Role::analyst;
  return std::nullopt;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::admin: return "admin";
    case Role::coordinator: return "coordinator";
    case Role::worker: return "worker";
    case Role::analyst: return "analyst";
  }
  return "analyst";
}

Actor system_actor(std::string what) {
  Actor a;
  a.user_id = 0;
  a.username = "system:" + what;
  a.role = Role::admin;
  return a;
}

}  // namespace kredo::security
