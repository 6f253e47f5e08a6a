// The HTTP server: cpp-httplib tuned (thread pool, TCP_NODELAY, keep-alive, limits, timeouts),
// routes with request ids, sessions, CSRF, the JSON error envelope, security headers,
// an access log without query strings, and the single-page app with index.html fallback.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/messages.hpp"
#include "http/context.hpp"
#include "security/auth_service.hpp"

namespace httplib {
class Server;
}

namespace kredo::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  int threads = 64;
  std::string web_root;                       // built web app (web/dist); empty = none
  std::size_t json_limit = 1 << 20;           // 1 MiB for JSON bodies
  std::size_t upload_limit = 20 << 20;        // 20 MiB for file uploads (multipart)
  int read_timeout_s = 15;
  int write_timeout_s = 15;
  bool secure_cookies = false;                // set when served behind TLS
};

enum class Method { get, post, put, patch, del };
enum class Access { open, login };
// json: a non-multipart body is limited to json_limit; upload: a raw body (a file) may reach upload_limit.
enum class Body { json, upload };

using Handler = std::function<HandlerResult(RequestContext&)>;

// A registered route, for tests that must cover every route (CSRF, access across teams).
struct RouteInfo {
  Method method;
  std::string pattern;
  Access access;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, security::AuthService& auth);
  ~HttpServer();

  void route(Method method, const std::string& pattern, Access access, Handler handler, Body body = Body::json);
  // Binds and returns the port (useful with port 0); throws with a clear message on failure.
  int bind();
  // Serves until stop(); returns false if the server could not listen.
  bool listen();
  void stop();
  const ServerOptions& options() const { return options_; }
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  void configure();

  ServerOptions options_;
  security::AuthService& auth_;
  std::unique_ptr<httplib::Server> server_;
  int listen_fd_ = -1;  // the listening socket, once bound
  void widen_backlog();
  std::vector<RouteInfo> routes_;
};

// Writes the error envelope with the status that the code maps to.
// Messages are localised to `lang` (the request's Accept-Language; see common/messages.hpp).
void write_error(httplib::Response& res, const Error& error, const std::string& request_id,
                 Language lang = Language::en);
int http_status(ErrorCode code);

// The session cookie's name and header values.
inline constexpr const char* kSessionCookie = "kredo_session";
std::string session_cookie(const std::string& token, bool secure);
std::string clear_session_cookie(bool secure);

}  // namespace kredo::http
