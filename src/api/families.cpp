// /api/v1/families, /api/v1/districts and a family's contact timeline.
#include "api/json.hpp"
#include "api/registry_fields.hpp"
#include "api/registry_json.hpp"
#include "api/routes.hpp"
#include "domain/registry_access.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

void register_family_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/districts", Access::login, [](RequestContext&) -> http::HandlerResult {
    json items = json::array();
    for (const auto& d : domain::brno_districts()) items.push_back(to_json(d));
    return Reply::json({{"items", items}});
  });

  server.route(Method::post, "/api/v1/families", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    domain::NewFamily n;
    auto name = f.string("name", true, 800);
    auto team = f.string("team", true, 100);
    auto address = read_address(*body, f, true);
    n.keyworker_id = f.integer("keyworker_id", false);
    n.status = f.string("status", false, 20);
    if (!f.ok()) return f.error();
    n.name = *name;
    n.team = *team;
    n.address = *address;
    auto r = s.families.create(ctx.actor(), n);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r), 201);
  });

  server.route(Method::get, "/api/v1/families", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    domain::FamilyQuery q;
    q.q = ctx.query("q");
    q.district = ctx.query("district");
    q.worker = ctx.query("worker");
    q.status = ctx.query("status");
    if (!ctx.query("sort").empty()) q.sort = ctx.query("sort");
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto shared = s.families.list_shared(ctx.actor(), q);
    if (!shared) return std::move(shared).error();
    return list_page_reply(**shared, q.page, q.page_size);
  });

  server.route(Method::get, R"(/api/v1/families/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.families.get(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::patch, R"(/api/v1/families/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    domain::FamilyChanges ch;
    auto version = f.integer("version", true);
    ch.name = f.string("name", false, 800);
    ch.team = f.string("team", false, 100);
    ch.address = read_address(*body, f, false);
    ch.keyworker_id = nullable_integer(f, "keyworker_id");
    ch.status = f.string("status", false, 20);
    ch.closed_reason = nullable_string(f, "closed_reason", 1000);
    ch.legal_hold = f.boolean("legal_hold", false);
    if (!f.ok()) return f.error();
    ch.version = *version;
    auto r = s.families.update(ctx.actor(), *id, ch);
    if (!r) {
      Error e = std::move(r).error();
      // A stale version: show the record as stored now so the UI can offer both.
      if (e.code == ErrorCode::conflict)
        if (auto current = s.families.get(ctx.actor(), *id)) e.detail_json = json{{"current", to_json(*current)}}.dump();
      return e;
    }
    return Reply::json(to_json(*r));
  });

  server.route(Method::get, R"(/api/v1/families/(\d+)/timeline)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.families.timeline(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 json items = json::array();
                 for (const auto& c : *r) items.push_back(to_json(c));
                 return Reply::json({{"items", items}});
               });

  server.route(Method::post, R"(/api/v1/families/(\d+)/contacts)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::NewContact n;
                 auto date = f.string("date", true, 10);
                 auto type = f.string("type", true, 20);
                 auto summary = f.string("summary", true, 16000);
                 if (body->contains("person_ids") && !(*body)["person_ids"].is_null()) {
                   const auto& ids = (*body)["person_ids"];
                   if (!ids.is_array()) f.add("person_ids", "Must be a list of person ids.");
                   else
                     for (const auto& v : ids) {
                       if (!v.is_number_integer()) {
                         f.add("person_ids", "Must be a list of person ids.");
                         break;
                       }
                       n.person_ids.push_back(v.get<std::int64_t>());
                     }
                 }
                 if (!f.ok()) return f.error();
                 n.date = *date;
                 n.type = *type;
                 n.summary = *summary;
                 auto r = s.families.add_contact(ctx.actor(), *id, n);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });
}

}  // namespace kredo::api
