// /api/v1/people and what hangs off a person: relationships, participation, consents,
// special-category data.
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

namespace {

// The person fields shared by POST and PATCH.
domain::PersonFields read_person_fields(const json& body, http::FieldReader& f) {
  domain::PersonFields p;
  p.role = f.string("role", false, 10);
  p.given_names = f.string("given_names", false, 400);
  p.surname = f.string("surname", false, 400);
  p.preferred_name = nullable_string(f, "preferred_name", 400);
  p.birth_date = f.string("birth_date", false, 20);
  p.gender = f.string("gender", false, 20);
  p.rodne_cislo = nullable_string(f, "rodne_cislo", 20);
  p.nationality = nullable_string(f, "nationality", 2);
  p.education_isced = nullable_integer(f, "education_isced");
  p.labour_status = nullable_string(f, "labour_status", 30);
  p.contact = read_contact(body, f);
  return p;
}

domain::ParticipationFields read_participation(http::FieldReader& f) {
  domain::ParticipationFields p;
  p.entry_date = f.string("entry_date", false, 10);
  p.exit_date = nullable_string(f, "exit_date", 10);
  p.exit_reason = nullable_string(f, "exit_reason", 500);
  p.third_country_national = f.string("third_country_national", false, 20);
  p.foreign_background = f.string("foreign_background", false, 20);
  p.housing_exclusion = f.string("housing_exclusion", false, 20);
  p.rural = f.string("rural", false, 20);
  return p;
}

}  // namespace

void register_people_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::post, "/api/v1/people", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    domain::NewPerson n;
    auto family_id = f.integer("family_id", true);
    n.fields = read_person_fields(*body, f);
    n.confirm_not_duplicate = f.boolean("confirm_not_duplicate", false).value_or(false);
    if (!f.ok()) return f.error();
    n.family_id = *family_id;
    auto r = s.people.create(ctx.actor(), n);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r), 201);
  });

  server.route(Method::get, "/api/v1/people", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    domain::PersonQuery q;
    q.q = ctx.query("q");
    if (!ctx.query("sort").empty()) q.sort = ctx.query("sort");
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto shared = s.people.list_shared(ctx.actor(), q);
    if (!shared) return std::move(shared).error();
    return list_page_reply(**shared, q.page, q.page_size);
  });

  server.route(Method::get, R"(/api/v1/people/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.people.get(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::patch, R"(/api/v1/people/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto version = f.integer("version", true);
    auto fields = read_person_fields(*body, f);
    fields.legal_hold = f.boolean("legal_hold", false);
    if (!f.ok()) return f.error();
    auto r = s.people.update(ctx.actor(), *id, *version, fields);
    if (!r) {
      Error e = std::move(r).error();
      if (e.code == ErrorCode::conflict)
        if (auto current = s.people.get(ctx.actor(), *id)) e.detail_json = json{{"current", to_json(*current)}}.dump();
      return e;
    }
    return Reply::json(to_json(*r));
  });

  server.route(Method::post, R"(/api/v1/people/(\d+)/relationships)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto other = f.integer("other_person_id", true);
                 auto type = f.string("type", true, 30);
                 auto legal = f.boolean("legal_representative", false);
                 if (!f.ok()) return f.error();
                 auto r = s.people.add_relationship(ctx.actor(), *id, {*other, *type, legal.value_or(false)});
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });

  server.route(Method::del, R"(/api/v1/relationships/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 KREDO_TRY(s.people.delete_relationship(ctx.actor(), *id));
                 return Reply::no_content();
               });

  server.route(Method::post, R"(/api/v1/people/(\d+)/participation)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto p = read_participation(f);
                 if (!f.ok()) return f.error();
                 auto r = s.people.add_participation(ctx.actor(), *id, p);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });

  server.route(Method::patch, R"(/api/v1/participation/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto version = f.integer("version", true);
                 auto p = read_participation(f);
                 if (!f.ok()) return f.error();
                 auto r = s.people.update_participation(ctx.actor(), *id, *version, p);
                 if (!r) {
                   Error e = std::move(r).error();
                   if (e.code == ErrorCode::conflict)
                     if (auto current = s.people.get_participation(ctx.actor(), *id))
                       e.detail_json = json{{"current", to_json(*current)}}.dump();
                   return e;
                 }
                 return Reply::json(to_json(*r));
               });

  server.route(Method::post, R"(/api/v1/people/(\d+)/consents)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::NewConsent n;
                 auto purpose = f.string("purpose", true, 30);
                 n.school = f.string("school", false, 300);
                 auto given_by = f.string("given_by", true, 30);
                 n.representative_id = f.integer("representative_id", false);
                 auto given_on = f.string("given_on", true, 10);
                 auto form = f.string("form", true, 30);
                 n.expires_on = f.string("expires_on", false, 10);
                 if (!f.ok()) return f.error();
                 n.purpose = *purpose;
                 n.given_by = *given_by;
                 n.given_on = *given_on;
                 n.form = *form;
                 auto r = s.people.add_consent(ctx.actor(), *id, n);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });

  server.route(Method::post, R"(/api/v1/consents/(\d+)/withdraw)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 std::string reason;
                 if (has_body(ctx)) {
                   auto body = http::json_body(ctx);
                   if (!body) return std::move(body).error();
                   http::FieldReader f(*body);
                   reason = f.string("reason", false, 1000).value_or("");
                   if (!f.ok()) return f.error();
                 }
                 auto r = s.people.withdraw_consent(ctx.actor(), *id, reason);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });

  server.route(Method::get, R"(/api/v1/people/(\d+)/special-category)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.people.special_category(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 json items = json::array();
                 for (const auto& it : *r) items.push_back(to_json(it));
                 return Reply::json({{"items", items}});
               });

  server.route(Method::post, R"(/api/v1/people/(\d+)/special-category)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto category = f.string("category", true, 30);
                 auto value = f.string("value", true, 20);
                 auto note = f.string("note", false, 4000);
                 if (!f.ok()) return f.error();
                 auto r = s.people.add_special_item(ctx.actor(), *id, {*category, *value, note});
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });
}

}  // namespace kredo::api
