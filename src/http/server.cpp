#include "http/server.hpp"

#include <httplib.h>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "security/crypto.hpp"
#include "storage/db/db.hpp"

namespace kredo::http {

namespace {

// Request ids tie log lines and audit rows together; they are not secrets, so a per-thread generator
// (seeded once from the system) makes them instead of a getrandom() call per request.
std::string new_request_id() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t v = gen();
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kHex[v & 0xF];
  return out;
}

}  // namespace

int http_status(ErrorCode code) {
  // The one table from error code to HTTP status.
  switch (code) {
    case ErrorCode::invalid_request: return 400;
    case ErrorCode::validation_failed: return 422;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

namespace {

ErrorCode code_for_status(int status) {
  switch (status) {
    case 400: return ErrorCode::invalid_request;
    case 401: return ErrorCode::unauthenticated;
    case 403: return ErrorCode::forbidden;
    case 404: return ErrorCode::not_found;
    case 409: return ErrorCode::conflict;
    case 413: return ErrorCode::payload_too_large;
    case 422: return ErrorCode::validation_failed;
    case 429: return ErrorCode::rate_limited;
    case 503: return ErrorCode::unavailable;
    default: return status < 500 ? ErrorCode::invalid_request : ErrorCode::internal;
  }
}

std::string default_message(int status) {
  switch (status) {
    case 404: return "There is nothing at this address.";
    case 405: return "This method is not allowed here.";
    case 413: return "The request body is too large.";
    case 400: return "The request could not be read.";
    default: return status < 500 ? "The request was not accepted." : "Something went wrong on the server.";
  }
}

bool valid_request_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
  return true;
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    auto eq = header.find('=', pos);
    if (eq == std::string::npos) break;
    auto end = header.find(';', eq);
    if (end == std::string::npos) end = header.size();
    if (header.compare(pos, eq - pos, name) == 0) return header.substr(eq + 1, end - eq - 1);
    pos = end + 1;
  }
  return {};
}

bool is_unsafe(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

constexpr const char* kRequestIdHeader = "X-Request-Id";

}  // namespace

void write_error(httplib::Response& res, const Error& error, const std::string& request_id, Language lang) {
  nlohmann::json e{{"code", wire_name(error.code)}, {"message", localize(error.message, lang)}, {"request_id", request_id}};
  if (!error.fields.empty()) {
    auto fields = nlohmann::json::array();
    for (const auto& f : error.fields) fields.push_back({{"field", f.field}, {"message", localize(f.message, lang)}});
    e["fields"] = fields;
  }
  if (!error.detail_json.empty()) {
    auto d = nlohmann::json::parse(error.detail_json, nullptr, false);
    if (!d.is_discarded() && d.is_object())
      for (auto& [k, v] : d.items()) e[k] = v;
    if (e.contains("retry_after_seconds") && e["retry_after_seconds"].is_number_integer())
      res.set_header("Retry-After", std::to_string(e["retry_after_seconds"].get<long long>()));
  }
  res.status = http_status(error.code);
  res.set_content(nlohmann::json{{"error", e}}.dump(), "application/json");
}

Language request_language(const httplib::Request& req) {
  return language_from_accept(req.get_header_value("Accept-Language"));
}

std::string session_cookie(const std::string& token, bool secure) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string clear_session_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure ? "; Secure" : "");
}

HttpServer::HttpServer(ServerOptions options, security::AuthService& auth)
    : options_(std::move(options)), auth_(auth), server_(std::make_unique<httplib::Server>()) {
  configure();
}

HttpServer::~HttpServer() = default;

void HttpServer::configure() {
  auto& s = *server_;
  const int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  s.set_tcp_nodelay(true);
  // Debian's libcpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into the
  // library): 64 clients connecting at once overflow it and the kernel drops their handshakes, which
  // come back only after a 1–3 s retransmission (measured: wrk timeouts at every start). The listening
  // socket is remembered here and listen() is called again with the system's maximum after the bind.
  s.set_socket_options([this](int sock) {
    httplib::default_socket_options(sock);
    listen_fd_ = sock;
  });
  s.set_keep_alive_max_count(100000);
  // Each kept-alive connection holds one of the pool's threads while it idles: a long timeout lets idle
  // connections (a browser's spare ones, a finished client's) keep threads from waiting clients — the soak
  // saw a request wait 30 s, the old timeout, behind one idle connection. Five seconds keeps the benefit.
  s.set_keep_alive_timeout(5);
  s.set_read_timeout(options_.read_timeout_s, 0);
  s.set_write_timeout(options_.write_timeout_s, 0);
  s.set_payload_max_length(std::max(options_.json_limit, options_.upload_limit));

  if (!options_.web_root.empty() && std::filesystem::is_directory(options_.web_root)) {
    s.set_mount_point("/", options_.web_root);
    s.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
      // Vite puts content hashes in asset names: they can be cached for good.
      if (req.path.rfind("/assets/", 0) == 0) res.set_header("Cache-Control", "public, max-age=31536000, immutable");
      else res.set_header("Cache-Control", "no-cache");
    });
  }

  const std::string index_path = options_.web_root.empty() ? std::string{} : options_.web_root + "/index.html";
  s.set_error_handler(httplib::Server::HandlerWithResponse([index_path](const httplib::Request& req, httplib::Response& res) {
    std::string rid = res.get_header_value(kRequestIdHeader);
    if (rid.empty()) {
      rid = new_request_id();
      res.set_header(kRequestIdHeader, rid);
    }
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
    // Client-side routes of the single-page app get index.html.
    if (!api && res.status == 404 && (req.method == "GET" || req.method == "HEAD") && !index_path.empty()) {
      std::ifstream in(index_path, std::ios::binary);
      if (in) {
        std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        res.status = 200;
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::move(html), "text/html; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    Error e{code_for_status(res.status), default_message(res.status), {}, {}};
    int status = res.status;
    write_error(res, e, rid, request_language(req));
    res.status = status;  // keep e.g. 405 as it was
    return httplib::Server::HandlerResponse::Handled;
  }));

  s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string rid = res.get_header_value(kRequestIdHeader);
    if (rid.empty()) rid = new_request_id();
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", rid, req.method, req.path, e.what());
    } catch (...) {
      spdlog::error("request {} {} {} failed with an unknown exception", rid, req.method, req.path);
    }
    res.headers.clear();
    res.set_header(kRequestIdHeader, rid);
    write_error(res, Error::internal("Something went wrong on the server. The error was logged."), rid, request_language(req));
  });

  s.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                   "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
  });

  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // Paths only: query strings may carry names that people searched for.
    spdlog::info("{} {} {} {} {} {}", req.remote_addr, req.method, req.path, res.status, res.body.size(),
                 res.get_header_value(kRequestIdHeader));
  });
}

void HttpServer::route(Method method, const std::string& pattern, Access access, Handler handler, Body body) {
  routes_.push_back({method, pattern, access});
  auto wrapped = [this, access, body, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    std::string rid = req.get_header_value(kRequestIdHeader);
    if (!valid_request_id(rid)) rid = new_request_id();
    res.set_header(kRequestIdHeader, rid);
    RequestContext ctx{req, res, rid, req.remote_addr, std::nullopt};

    const bool multipart = req.is_multipart_form_data();
    if (!multipart && body == Body::json && req.body.size() > options_.json_limit) {
      write_error(res, Error{ErrorCode::payload_too_large,
                             "The request body is larger than " + std::to_string(options_.json_limit / 1024) + " KiB.",
                             {}, {}},
                  rid, request_language(req));
      return;
    }
    if (access == Access::login) {
      std::string token = cookie_value(req, kSessionCookie);
      if (!token.empty()) ctx.session = auth_.authenticate(token, rid);
      if (!ctx.session) {
        write_error(res, Error::unauthenticated("Please log in."), rid, request_language(req));
        return;
      }
      if (is_unsafe(req.method) &&
          !security::constant_time_equal(req.get_header_value("X-CSRF-Token"), ctx.session->csrf_token)) {
        write_error(res, Error::forbidden("The request lacks a valid X-CSRF-Token header."), rid, request_language(req));
        return;
      }
      // Staff who must use a second factor and have none yet may only enrol (and log out).
      if (ctx.session->totp_enrolment_required && req.path.rfind("/api/v1/auth/", 0) != 0) {
        Error e = Error::forbidden("Set up the second factor (an authenticator app) before anything else.");
        e.detail_json = R"({"totp_enrolment_required":true})";
        write_error(res, e, rid);
        return;
      }
    }
    HandlerResult result = Error::internal("no answer");
    try {
      result = handler(ctx);
    } catch (const storage::DbError& e) {
      spdlog::error("request {} {} {} database error: {}", rid, req.method, req.path, e.what());
      if (e.kind() == storage::DbErrorKind::busy || e.kind() == storage::DbErrorKind::connection ||
          e.kind() == storage::DbErrorKind::serialization)
        result = Error::unavailable("The database is busy or unreachable. Try again in a moment.");
      else
        result = Error::internal("Something went wrong on the server. The error was logged.");
    }
    if (!result.ok()) {
      write_error(res, result.error(), rid, request_language(req));
      return;
    }
    Reply& reply = result.value();
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.status = reply.status;
    if (reply.raw_body) {
      if (reply.status != 204) res.set_content(std::move(*reply.raw_body), reply.content_type);
    } else {
      res.set_content(reply.body.dump(), reply.content_type);
    }
  };
  switch (method) {
    case Method::get: server_->Get(pattern, wrapped); break;
    case Method::post: server_->Post(pattern, wrapped); break;
    case Method::put: server_->Put(pattern, wrapped); break;
    case Method::patch: server_->Patch(pattern, wrapped); break;
    case Method::del: server_->Delete(pattern, wrapped); break;
  }
}

int HttpServer::bind() {
  if (options_.port == 0) {
    int port = server_->bind_to_any_port(options_.host);
    if (port < 0) throw std::runtime_error("cannot listen on " + options_.host + ": no free port");
    options_.port = port;
    widen_backlog();
    return port;
  }
  if (!server_->bind_to_port(options_.host, options_.port))
    throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                             " (is another server using that port?)");
  widen_backlog();
  return options_.port;
}

void HttpServer::widen_backlog() {
  if (listen_fd_ >= 0 && ::listen(listen_fd_, SOMAXCONN) != 0)
    spdlog::warn("could not widen the listen backlog: {}", std::strerror(errno));
}

bool HttpServer::listen() { return server_->listen_after_bind(); }

void HttpServer::stop() { server_->stop(); }

}  // namespace kredo::http
