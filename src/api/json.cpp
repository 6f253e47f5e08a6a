#include "api/json.hpp"

#include <charconv>

namespace kredo::api {

nlohmann::json to_json(const domain::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", security::role_name(u.role)},
          {"team", u.team.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.team)},
          {"active", u.active},
          {"special_category_access", u.special_category_access},
          {"version", u.version},
          {"created_at", u.created_at},
          {"last_login_at", u.last_login_at ? nlohmann::json(*u.last_login_at) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const domain::Team& t) { return {{"id", t.id}, {"name", t.name}}; }

nlohmann::json to_json(const security::AuditRecord& a) {
  nlohmann::json detail = nullptr;
  if (!a.detail.empty()) {
    detail = nlohmann::json::parse(a.detail, nullptr, false);
    if (detail.is_discarded()) detail = a.detail;
  }
  return {{"id", a.id},
          {"at", a.at},
          {"actor", a.actor},
          {"action", a.action},
          {"entity", a.entity},
          {"entity_id", a.entity_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.entity_id)},
          {"request_id", a.request_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.request_id)},
          {"detail", detail}};
}

namespace {
bool parse_int(const std::string& s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

Result<Paging> parse_paging(const std::string& page, const std::string& page_size, int max_page_size) {
  Paging p;
  std::vector<FieldError> errors;
  if (!page.empty() && (!parse_int(page, p.page) || p.page < 1)) errors.push_back({"page", "Must be a whole number from 1."});
  if (!page_size.empty() && (!parse_int(page_size, p.page_size) || p.page_size < 1 || p.page_size > max_page_size))
    errors.push_back({"page_size", "Must be a whole number from 1 to " + std::to_string(max_page_size) + "."});
  if (!errors.empty()) return Error::validation(std::move(errors));
  return p;
}

}  // namespace kredo::api
