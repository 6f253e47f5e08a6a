// /api/v1/auth: login (with a second step when the user has TOTP), logout, the current user, password
// change, the second factor's enrolment; /api/v1/settings/security.
#include "api/json.hpp"
#include "api/routes.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;

namespace {

Reply session_reply(const security::LoginResult& r, bool secure, int status = 200) {
  Reply reply = Reply::json({{"user", api::to_json(r.user)}, {"csrf_token", r.csrf_token}}, status);
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
    if (r->challenge)  // no session yet: the second step completes the login
      return Reply::json({{"second_factor_required", true},
                          {"challenge", *r->challenge},
                          {"methods", {"totp", "recovery_code"}}},
                         202);
    return session_reply(*r, s.secure_cookies);
  });

  server.route(Method::post, "/api/v1/auth/login/second-factor", Access::open,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto challenge = f.string("challenge", true, 200);
                 auto code = f.string("code", true, 100);
                 if (!f.ok()) return f.error();
                 auto r = s.auth.login_second_factor(*challenge, *code, ctx.client());
                 if (!r) return std::move(r).error();
                 return session_reply(*r, s.secure_cookies);
               });

  server.route(Method::get, "/api/v1/auth/totp", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto st = s.auth.totp_status(*ctx.session);
    if (!st) return std::move(st).error();
    return Reply::json({{"enabled", st->enabled},
                        {"pending", st->pending},
                        {"recovery_codes_left", st->recovery_codes_left},
                        {"required", st->required}});
  });

  server.route(Method::post, "/api/v1/auth/totp/enrol", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto e = s.auth.totp_begin(*ctx.session);
    if (!e) return std::move(e).error();
    return Reply::json({{"secret", e->secret}, {"otpauth_uri", e->otpauth_uri}}, 201);
  });

  server.route(Method::post, "/api/v1/auth/totp/confirm", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto code = f.string("code", true, 100);
    if (!f.ok()) return f.error();
    auto codes = s.auth.totp_confirm(*ctx.session, *code);
    if (!codes) return std::move(codes).error();
    return Reply::json({{"recovery_codes", *codes}});
  });

  server.route(Method::post, "/api/v1/auth/totp/disable", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto code = f.string("code", true, 100);
    if (!f.ok()) return f.error();
    KREDO_TRY(s.auth.totp_disable(*ctx.session, *code));
    return Reply::no_content();
  });

  server.route(Method::post, "/api/v1/auth/totp/recovery-codes", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto code = f.string("code", true, 100);
                 if (!f.ok()) return f.error();
                 auto codes = s.auth.regenerate_recovery_codes(*ctx.session, *code);
                 if (!codes) return std::move(codes).error();
                 return Reply::json({{"recovery_codes", *codes}});
               });

  server.route(Method::get, "/api/v1/settings/security", Access::login, [&s](RequestContext&) -> http::HandlerResult {
    return Reply::json({{"require_totp_for_staff", s.auth.require_totp_for_staff()}});
  });

  server.route(Method::put, "/api/v1/settings/security", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto on = f.boolean("require_totp_for_staff", true);
    if (!f.ok()) return f.error();
    KREDO_TRY(s.auth.set_require_totp_for_staff(ctx.actor(), *on));
    return Reply::json({{"require_totp_for_staff", *on}});
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
    return Reply::json({{"user", to_json(*user)},
                        {"csrf_token", ctx.session->csrf_token},
                        {"totp_enrolment_required", ctx.session->totp_enrolment_required}});
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
