// /api/v1/document-templates, a person's generated documents, stored PDFs, and the
// "Kam se obrátit" guide (PDF and its editable institutions).
#include <httplib.h>

#include "api/registry_fields.hpp"
#include "api/routes.hpp"
#include "domain/registry_access.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

namespace {

json to_json(const domain::DocumentTemplate& t) {
  return {{"id", t.id},       {"code", t.code},           {"language", t.language},   {"version", t.version},
          {"title", t.title}, {"addressee", t.addressee}, {"body", t.body},           {"placeholders", t.placeholders},
          {"created_at", t.created_at}, {"created_by", t.created_by}};
}

json to_json(const domain::StoredDocument& d) {
  return {{"id", d.id},
          {"person_id", d.person_id},
          {"template", d.template_code},
          {"template_language", d.template_language},
          {"template_version", d.template_version},
          {"title", d.title},
          {"school_id", d.school_id ? json(*d.school_id) : json(nullptr)},
          {"enrollment_case_id", d.enrollment_case_id ? json(*d.enrollment_case_id) : json(nullptr)},
          {"size_bytes", d.size_bytes},
          {"sha256", d.sha256},
          {"download_url", "/api/v1/documents/" + std::to_string(d.id) + ".pdf"},
          {"created_at", d.created_at},
          {"created_by", d.created_by}};
}

json to_json(const domain::GuideInstitution& g) {
  return {{"code", g.code},       {"language", g.language},         {"position", g.position},
          {"name", g.name},       {"address", g.address},           {"what_they_do", g.what_they_do},
          {"version", g.version}, {"updated_at", g.updated_at},     {"updated_by", g.updated_by}};
}

std::string lang_param(const RequestContext& ctx) {
  std::string l = ctx.query("lang");
  return l.empty() ? "cs" : l;
}

}  // namespace

void register_document_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/document-templates", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    const std::string language = ctx.query("language");
    if (!language.empty() && language != "cs" && language != "rom" && language != "en")
      return Error::field("language", "Use cs, rom or en.");
    auto r = s.documents.templates(ctx.actor(), language);
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& t : *r) items.push_back(to_json(t));
    return Reply::json({{"items", items}});
  });

  server.route(Method::get, R"(/api/v1/document-templates/([a-z0-9_]+)/versions)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto r = s.documents.template_versions(ctx.actor(), ctx.path_param(1));
                 if (!r) return std::move(r).error();
                 json items = json::array();
                 for (const auto& t : *r) items.push_back(to_json(t));
                 return Reply::json({{"items", items}});
               });

  server.route(Method::post, R"(/api/v1/document-templates/([a-z0-9_]+)/versions)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::NewTemplateVersion n;
                 auto language = f.string("language", false, 10);
                 auto title = f.string("title", true, 4000);
                 auto addressee = f.string("addressee", true, 8000);
                 auto text = f.string("body", true, 80000);
                 n.base_version = f.integer("base_version", false);
                 if (!f.ok()) return f.error();
                 if (language) n.language = *language;
                 n.title = *title;
                 n.addressee = *addressee;
                 n.body = *text;
                 auto r = s.documents.add_template_version(ctx.actor(), ctx.path_param(1), n);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });

  server.route(Method::post, R"(/api/v1/people/(\d+)/documents)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 KREDO_TRY(domain::require_personal_data(ctx.actor()));
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::GenerateDocument g;
                 auto tpl = f.string("template", true, 100);
                 auto language = f.string("language", false, 10);
                 g.school_id = f.integer("school_id", false);
                 g.parent_id = f.integer("parent_id", false);
                 g.enrollment_case_id = f.integer("enrollment_case_id", false);
                 if (body->contains("fields") && !(*body)["fields"].is_null()) {
                   const json& fields = (*body)["fields"];
                   if (!fields.is_object()) {
                     f.add("fields", "Must be an object of text values.");
                   } else {
                     for (const auto& [k, v] : fields.items()) {
                       if (!v.is_string()) f.add("fields." + k, "Must be a text string.");
                       else g.fields[k] = v.get<std::string>();
                     }
                   }
                 }
                 if (!f.ok()) return f.error();
                 g.template_code = *tpl;
                 if (language) g.language = *language;
                 auto r = s.documents.generate(ctx.actor(), *id, g);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });

  server.route(Method::get, R"(/api/v1/people/(\d+)/documents)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.documents.person_documents(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 json items = json::array();
                 for (const auto& d : *r) items.push_back(to_json(d));
                 return Reply::json({{"items", items}});
               });

  server.route(Method::get, R"(/api/v1/documents/(\d+)\.pdf)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.documents.document_pdf(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 Reply reply = Reply::bytes(std::move(r->second), "application/pdf");
                 reply.headers["Content-Disposition"] =
                     "attachment; filename=\"" + r->first.template_code + "-" + std::to_string(r->first.id) + ".pdf\"";
                 reply.headers["X-Content-SHA256"] = r->first.sha256;
                 return reply;
               });

  server.route(Method::get, R"(/api/v1/guides/where-to-turn\.pdf)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 const std::string lang = lang_param(ctx);
                 auto r = s.documents.where_to_turn_pdf(ctx.actor(), lang);
                 if (!r) return std::move(r).error();
                 Reply reply = Reply::bytes(std::move(*r), "application/pdf");
                 reply.headers["Content-Disposition"] = "inline; filename=\"kam-se-obratit-" + lang + ".pdf\"";
                 return reply;
               });

  server.route(Method::get, "/api/v1/guides/where-to-turn/institutions", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto r = s.documents.guide_institutions(ctx.actor(), lang_param(ctx));
                 if (!r) return std::move(r).error();
                 json items = json::array();
                 for (const auto& g : *r) items.push_back(to_json(g));
                 return Reply::json({{"items", items}});
               });

  server.route(Method::put, R"(/api/v1/guides/where-to-turn/institutions/([a-z0-9_]+)/([a-z]+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::GuideInstitutionInput in;
                 auto version = f.integer("version", true);
                 in.position = f.integer("position", false);
                 auto name = f.string("name", false, 2000);
                 auto address = f.string("address", false, 4000);
                 auto what = f.string("what_they_do", false, 16000);
                 if (!f.ok()) return f.error();
                 in.version = *version;
                 in.name = name.value_or("");
                 in.address = address.value_or("");
                 in.what_they_do = what.value_or("");
                 auto r = s.documents.update_guide_institution(ctx.actor(), ctx.path_param(1), ctx.path_param(2), in);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });
}

}  // namespace kredo::api
