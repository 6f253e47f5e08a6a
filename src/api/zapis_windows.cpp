// /api/v1/zapis-windows: the zápis (enrollment round) windows per level and school year.
// Any logged-in role reads; coordinators and admins change one window at a time with its version.
#include <charconv>

#include "api/routes.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;

namespace {

nlohmann::json to_json(const domain::StoredZapisWindow& w) {
  return {{"level", rules::wire_name(w.window.level)},
          {"school_year", w.window.school_year.start_year},
          {"school_year_label", w.window.school_year.label()},
          {"from", w.window.from.iso()},
          {"to", w.window.to.iso()},
          {"version", w.version},
          {"updated_at", w.updated_at},
          {"updated_by", w.updated_by}};
}

}  // namespace

void register_zapis_window_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/zapis-windows", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto windows = s.zapis_windows.list(ctx.actor());
    if (!windows) return std::move(windows).error();
    auto items = nlohmann::json::array();
    for (const auto& w : *windows) items.push_back(to_json(w));
    return Reply::json({{"items", items}});
  });

  server.route(Method::put, R"(/api/v1/zapis-windows/(ms|zs)/(\d{4}))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::ZapisWindowChange ch;
                 auto from = f.string("from", true, 10);
                 auto to = f.string("to", true, 10);
                 ch.version = f.integer("version", false);
                 if (!f.ok()) return f.error();
                 ch.level = ctx.path_param(1);
                 ch.school_year = std::stoi(ctx.path_param(2));
                 ch.from = *from;
                 ch.to = *to;
                 auto w = s.zapis_windows.put(ctx.actor(), ch);
                 if (!w) return std::move(w).error();
                 return Reply::json(to_json(*w));
               });
}

}  // namespace kredo::api
