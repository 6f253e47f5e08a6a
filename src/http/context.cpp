#include "http/context.hpp"

#include <httplib.h>

namespace kredo::http {

std::string RequestContext::path_param(std::size_t i) const {
  return i < req.matches.size() ? std::string(req.matches[static_cast<int>(i)]) : std::string{};
}

std::string RequestContext::query(const std::string& name) const {
  return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : std::string{};
}

security::ClientInfo RequestContext::client() const {
  return {client_ip, req.get_header_value("User-Agent"), request_id};
}

Result<nlohmann::json> json_body(const RequestContext& ctx) {
  if (ctx.req.body.empty()) return Error::invalid_request("The request needs a JSON body.");
  auto j = nlohmann::json::parse(ctx.req.body, nullptr, false);
  if (j.is_discarded()) return Error::invalid_request("The request body is not valid JSON.");
  if (!j.is_object()) return Error::invalid_request("The request body must be a JSON object.");
  return j;
}

std::optional<std::string> FieldReader::string(const std::string& name, bool required, std::size_t max_len) {
  if (!obj_.contains(name) || obj_.at(name).is_null()) {
    if (required) add(name, "This field is required.");
    return std::nullopt;
  }
  const auto& v = obj_.at(name);
  if (!v.is_string()) {
    add(name, "Must be a text string.");
    return std::nullopt;
  }
  std::string s = v.get<std::string>();
  if (required && s.empty()) {
    add(name, "This field is required.");
    return std::nullopt;
  }
  if (s.size() > max_len) {
    add(name, "Too long (at most " + std::to_string(max_len) + " characters).");
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> FieldReader::integer(const std::string& name, bool required) {
  if (!obj_.contains(name) || obj_.at(name).is_null()) {
    if (required) add(name, "This field is required.");
    return std::nullopt;
  }
  const auto& v = obj_.at(name);
  if (!v.is_number_integer()) {
    add(name, "Must be a whole number.");
    return std::nullopt;
  }
  return v.get<std::int64_t>();
}

std::optional<bool> FieldReader::boolean(const std::string& name, bool required) {
  if (!obj_.contains(name) || obj_.at(name).is_null()) {
    if (required) add(name, "This field is required.");
    return std::nullopt;
  }
  const auto& v = obj_.at(name);
  if (!v.is_boolean()) {
    add(name, "Must be true or false.");
    return std::nullopt;
  }
  return v.get<bool>();
}

}  // namespace kredo::http
