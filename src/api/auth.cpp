// /api/v1/auth: login, logout, the current user, password change.
#include "api/json.hpp"
#include "api/routes.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;

namespace {

Reply session_reply(const security::LoginResult& r, bool secure, int status = 200) {
  Reply reply = Reply::json({{"user", to_json(r.user)}, {"csrf_token", r.csrf_token}}, status);
  reply.headers["Set-Cookie"] = http::session_cookie(r.session_token, secure);
  return reply;
}

}  // namespace

void register_auth_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::post, "/api/v1/auth/login", Access::open, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto username = f.string("username", true, 200);
    auto password = f.string("password", true, 1000);
    if (!f.ok()) return f.error();
    auto r = s.auth.login(*username, *password, ctx.client());
    if (!r) return std::move(r).error();
    return session_reply(*r, s.secure_cookies);
  });

  server.route(Method::post, "/api/v1/auth/logout", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(s.auth.logout(*ctx.session));
    Reply r = Reply::no_content();
    r.headers["Set-Cookie"] = http::clear_session_cookie(s.secure_cookies);
    return r;
  });

  server.route(Method::get, "/api/v1/auth/me", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto tx = s.db.begin(storage::TxMode::read);
    auto user = domain::find_user_by_id(*tx, ctx.actor().user_id);
    if (!user) return Error::unauthenticated();
    return Reply::json({{"user", to_json(*user)}, {"csrf_token", ctx.session->csrf_token}});
  });

  server.route(Method::post, "/api/v1/auth/password", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto current = f.string("current_password", true);
    auto next = f.string("new_password", true);
    if (!f.ok()) return f.error();
    auto r = s.auth.change_password(*ctx.session, *current, *next, ctx.client());
    if (!r) return std::move(r).error();
    return session_reply(*r, s.secure_cookies);
  });
}

}  // namespace kredo::api
