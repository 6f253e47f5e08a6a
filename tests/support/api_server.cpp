#include "support/api_server.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace kredo::testing {

std::string ApiResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string{} : it->second;
}

ApiResponse ApiClient::send(const std::string& method, const std::string& path, const std::string& body,
                            const std::string& content_type) {
  httplib::Client cli("127.0.0.1", port_);
  cli.set_read_timeout(30, 0);
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  if (send_csrf && !csrf.empty()) h.emplace("X-CSRF-Token", csrf);
  httplib::Result r{nullptr, httplib::Error::Unknown};
  if (method == "GET") r = cli.Get(path, h);
  else if (method == "POST") r = cli.Post(path, h, body, content_type);
  else if (method == "PATCH") r = cli.Patch(path, h, body, content_type);
  else if (method == "PUT") r = cli.Put(path, h, body, content_type);
  else if (method == "DELETE") r = cli.Delete(path, h, body, content_type);
  if (!r) throw std::runtime_error("request failed: " + httplib::to_string(r.error()));
  ApiResponse out;
  out.status = r->status;
  out.body = r->body;
  out.headers = r->headers;
  out.json = nlohmann::json::parse(r->body, nullptr, false);
  if (out.json.is_discarded()) out.json = nullptr;
  return out;
}

ApiResponse ApiClient::get(const std::string& path) { return send("GET", path, ""); }
ApiResponse ApiClient::post(const std::string& path, const nlohmann::json& body) { return send("POST", path, body.dump()); }
ApiResponse ApiClient::post_raw(const std::string& path, const std::string& body, const std::string& content_type) {
  return send("POST", path, body, content_type);
}
ApiResponse ApiClient::patch(const std::string& path, const nlohmann::json& body) { return send("PATCH", path, body.dump()); }

ApiResponse ApiClient::login(const std::string& username, const std::string& password) {
  auto r = post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (r.status == 200) {
    std::string set = r.header("Set-Cookie");
    cookie = set.substr(0, set.find(';'));
    csrf = r.json["csrf_token"].get<std::string>();
  }
  return r;
}

ApiServer::ApiServer() {
  spdlog::set_level(spdlog::level::warn);  // the access log would drown the test output
  db_ = std::make_unique<TestDatabase>("sqlite");
  auto demo = app::load_demo(db_->app(), "small");
  if (!demo) throw std::runtime_error("demo failed: " + demo.error().message);
  http::ServerOptions opts;
  opts.host = "127.0.0.1";
  opts.port = 0;
  opts.threads = 8;
  server_ = db_->app().make_server(opts);
  port_ = server_->bind();
  thread_ = std::thread([this] { server_->listen(); });
}

ApiServer::~ApiServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

ApiClient ApiServer::as(const std::string& username) const {
  ApiClient c(port_);
  auto r = c.login(username, app::kDemoPassword);
  if (r.status != 200) throw std::runtime_error("login as " + username + " failed: " + r.body);
  return c;
}

}  // namespace kredo::testing
