// /api/v1/users and /api/v1/teams: user administration (admin only, except reading teams).
#include "api/json.hpp"
#include "api/routes.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;

void register_user_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/users", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto users = s.users.list(ctx.actor());
    if (!users) return std::move(users).error();
    auto items = nlohmann::json::array();
    for (const auto& u : *users) items.push_back(to_json(u));
    return Reply::json({{"items", items}, {"total", users->size()}});
  });

  // Who can be named as an activity's worker: id, username, role and team only.
  server.route(Method::get, "/api/v1/colleagues", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto users = s.users.colleagues(ctx.actor());
    if (!users) return std::move(users).error();
    auto items = nlohmann::json::array();
    for (const auto& u : *users)
      items.push_back({{"id", u.id},
                       {"username", u.username},
                       {"role", security::role_name(u.role)},
                       {"team", u.team.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.team)}});
    return Reply::json({{"items", items}});
  });

  server.route(Method::post, "/api/v1/users", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    if (!ctx.actor().is(security::Role::admin)) return Error::forbidden("Only an administrator can manage users.");
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    domain::NewUser n;
    auto username = f.string("username", true, 64);
    auto password = f.string("password", true, 256);
    auto role = f.string("role", true, 32);
    auto team = f.string("team", false, 100);
    if (!f.ok()) return f.error();
    n.username = *username;
    n.password = *password;
    n.role = *role;
    n.team = team;
    auto u = s.users.create(ctx.actor(), n);
    if (!u) return std::move(u).error();
    return Reply::json(to_json(*u), 201);
  });

  server.route(Method::patch, R"(/api/v1/users/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    if (!ctx.actor().is(security::Role::admin)) return Error::forbidden("Only an administrator can manage users.");
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    domain::UserChanges ch;
    auto version = f.integer("version", true);
    ch.role = f.string("role", false, 32);
    if (f.has("team")) ch.team = f.is_null("team") ? std::optional<std::string>{} : f.string("team", false, 100);
    ch.active = f.boolean("active", false);
    ch.special_category_access = f.boolean("special_category_access", false);
    ch.password = f.string("password", false, 256);
    if (!f.ok()) return f.error();
    ch.version = *version;
    auto u = s.users.update(ctx.actor(), std::stoll(ctx.path_param(1)), ch);
    if (!u) return std::move(u).error();
    return Reply::json(to_json(*u));
  });

  server.route(Method::get, "/api/v1/teams", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto teams = s.users.teams(ctx.actor());
    if (!teams) return std::move(teams).error();
    auto items = nlohmann::json::array();
    for (const auto& t : *teams) items.push_back(to_json(t));
    return Reply::json({{"items", items}});
  });

  server.route(Method::post, "/api/v1/teams", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto name = f.string("name", true, 100);
    if (!f.ok()) return f.error();
    auto t = s.users.create_team(ctx.actor(), *name);
    if (!t) return std::move(t).error();
    return Reply::json(to_json(*t), 201);
  });
}

}  // namespace kredo::api
