// What a handler sees of a request, and what it answers.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "security/auth_service.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace kredo::http {

struct RequestContext {
  const httplib::Request& req;
  httplib::Response& res;
  std::string request_id;
  std::string client_ip;
  std::optional<security::SessionInfo> session;  // set on routes that need a login

  const security::Actor& actor() const { return session->actor; }
  std::string path_param(std::size_t i) const;
  // A query parameter, or "" when absent.
  std::string query(const std::string& name) const;
  security::ClientInfo client() const;
};

struct Reply {
  int status = 200;
  nlohmann::json body;              // sent as JSON unless raw_body is set
  std::optional<std::string> raw_body;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;

  static Reply json(nlohmann::json body, int status = 200) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Reply no_content() {
    Reply r;
    r.status = 204;
    r.raw_body = "";
    return r;
  }
  static Reply bytes(std::string data, std::string content_type) {
    Reply r;
    r.raw_body = std::move(data);
    r.content_type = std::move(content_type);
    return r;
  }
};

using HandlerResult = Result<Reply>;

// The JSON body of a request: 400 invalid_request when malformed or not an object.
Result<nlohmann::json> json_body(const RequestContext& ctx);

// Collects field errors while reading a JSON object, so one 422 names every bad field.
class FieldReader {
 public:
  explicit FieldReader(const nlohmann::json& obj) : obj_(obj) {}

  std::optional<std::string> string(const std::string& name, bool required, std::size_t max_len = 1000);
  std::optional<std::int64_t> integer(const std::string& name, bool required);
  std::optional<bool> boolean(const std::string& name, bool required);
  bool has(const std::string& name) const { return obj_.contains(name); }
  bool is_null(const std::string& name) const { return obj_.contains(name) && obj_.at(name).is_null(); }
  void add(std::string field, std::string message) { errors_.push_back({std::move(field), std::move(message)}); }
  bool ok() const { return errors_.empty(); }
  Error error() const { return Error::validation(errors_); }

 private:
  const nlohmann::json& obj_;
  std::vector<FieldError> errors_;
};

}  // namespace kredo::http
