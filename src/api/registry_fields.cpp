#include "api/registry_fields.hpp"

#include <httplib.h>

#include <charconv>

namespace kredo::api {

using nlohmann::json;

std::optional<std::optional<std::string>> nullable_string(http::FieldReader& f, const std::string& name,
                                                          std::size_t max_len) {
  if (!f.has(name)) return std::nullopt;
  if (f.is_null(name)) return std::optional<std::string>{};
  auto v = f.string(name, false, max_len);
  if (!v) return std::nullopt;  // the reader has recorded why
  return std::optional<std::string>(*v);
}

std::optional<std::optional<std::int64_t>> nullable_integer(http::FieldReader& f, const std::string& name) {
  if (!f.has(name)) return std::nullopt;
  if (f.is_null(name)) return std::optional<std::int64_t>{};
  auto v = f.integer(name, false);
  if (!v) return std::nullopt;
  return std::optional<std::int64_t>(*v);
}

std::optional<domain::Address> read_address(const json& body, http::FieldReader& f, bool required) {
  if (!body.contains("address") || body["address"].is_null()) {
    if (required) f.add("address", "This field is required.");
    return std::nullopt;
  }
  const json& a = body["address"];
  if (!a.is_object()) {
    f.add("address", "Must be an object.");
    return std::nullopt;
  }
  http::FieldReader inner(a);
  domain::Address out;
  auto street = inner.string("street", false, 200);
  auto house = inner.string("house_number", false, 20);
  auto district = inner.string("district", true, 100);
  auto postal = inner.string("postal_code", false, 10);
  auto kod = inner.integer("kod_adm", false);
  bool ok = inner.ok();
  if (!ok)
    for (const auto& e : inner.error().fields) f.add("address." + e.field, e.message);
  if (!ok) return std::nullopt;
  out.street = street.value_or("");
  out.house_number = house.value_or("");
  out.district = district.value_or("");
  out.postal_code = postal.value_or("");
  out.kod_adm = kod;
  return out;
}

std::optional<domain::PersonContact> read_contact(const json& body, http::FieldReader& f) {
  if (!body.contains("contact") || body["contact"].is_null()) return std::nullopt;
  const json& c = body["contact"];
  if (!c.is_object()) {
    f.add("contact", "Must be an object.");
    return std::nullopt;
  }
  http::FieldReader inner(c);
  domain::PersonContact out;
  if (c.contains("phones") && !c["phones"].is_null()) {
    if (!c["phones"].is_array()) inner.add("phones", "Must be a list of phone numbers.");
    else
      for (const auto& p : c["phones"]) {
        if (!p.is_string()) {
          inner.add("phones", "Must be a list of phone numbers.");
          break;
        }
        out.phones.push_back(p.get<std::string>());
      }
  }
  auto email = inner.string("email", false, 254);
  auto lang = inner.string("preferred_language", false, 10);
  auto interp = inner.boolean("interpreter_needed", false);
  if (!inner.ok()) {
    for (const auto& e : inner.error().fields) f.add("contact." + e.field, e.message);
    return std::nullopt;
  }
  out.email = email;
  out.preferred_language = lang.value_or("cs");
  out.interpreter_needed = interp.value_or(false);
  return out;
}

Result<std::int64_t> path_id(const http::RequestContext& ctx, std::size_t index) {
  const std::string s = ctx.path_param(index);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return Error::not_found();
  return v;
}

bool has_body(const http::RequestContext& ctx) { return !ctx.req.body.empty(); }

}  // namespace kredo::api
