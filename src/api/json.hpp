// JSON forms of the foundation's records (users, teams, audit entries).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "domain/users.hpp"
#include "security/audit.hpp"

namespace kredo::api {

nlohmann::json to_json(const domain::User& u);
nlohmann::json to_json(const domain::Team& t);
nlohmann::json to_json(const security::AuditRecord& a);

// An optional's JSON: null when empty.
template <typename T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// page/page_size query parameters with defaults and bounds.
struct Paging {
  int page = 1;
  int page_size = 50;
};
Result<Paging> parse_paging(const std::string& page, const std::string& page_size, int max_page_size = 200);

}  // namespace kredo::api
