// The whole app on 127.0.0.1 port 0 over a temporary SQLite database with the demo users,
// and a small client that logs in and carries the session cookie and CSRF token.
#pragma once

#include <gtest/gtest.h>

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "support/test_db.hpp"

namespace kredo::testing {

struct ApiResponse {
  int status = 0;
  nlohmann::json json;  // null when the body is not JSON
  std::string body;
  httplib::Headers headers;
  std::string header(const std::string& name) const;
};

class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}
  ApiResponse get(const std::string& path);
  ApiResponse post(const std::string& path, const nlohmann::json& body);
  ApiResponse post_raw(const std::string& path, const std::string& body, const std::string& content_type = "application/json");
  ApiResponse patch(const std::string& path, const nlohmann::json& body);
  ApiResponse send(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& content_type = "application/json");
  // Logs in; keeps the cookie and CSRF token for the next requests.
  ApiResponse login(const std::string& username, const std::string& password);
  std::string cookie;
  std::string csrf;
  bool send_csrf = true;

 private:
  int port_;
};

class ApiServer {
 public:
  ApiServer();
  ~ApiServer();
  int port() const { return port_; }
  ApiClient client() const { return ApiClient(port_); }
  // A client already logged in as one of the demo users.
  ApiClient as(const std::string& username) const;
  app::Application& app() { return db_->app(); }
  const http::HttpServer& http() const { return *server_; }

 private:
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<http::HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// Whether a response's validation error names `field`.
inline bool names_field(const ApiResponse& r, const std::string& field) {
  if (!r.json.is_object() || !r.json["error"].contains("fields")) return false;
  for (const auto& f : r.json["error"]["fields"])
    if (f["field"] == field) return true;
  return false;
}

// How many audit rows match, as the admin's audit viewer finds them (an empty entity_id matches any).
inline int audit_total(ApiClient& admin, const std::string& entity, const std::string& entity_id,
                       const std::string& action, const std::string& actor) {
  auto r = admin.get("/api/v1/audit?entity=" + entity + "&entity_id=" + entity_id + "&action=" + action + "&actor=" + actor);
  if (r.status != 200 || !r.json.is_object()) ADD_FAILURE() << "audit query: " << r.status << " " << r.body;
  return r.status == 200 && r.json.is_object() ? r.json["total"].get<int>() : -1;
}

}  // namespace kredo::testing
