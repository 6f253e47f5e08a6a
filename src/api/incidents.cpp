// /api/v1/incidents: discrimination and barriers, their evidence files and actions, and the
// anonymous statistics by school and type.
#include <httplib.h>

#include "api/json.hpp"
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

json to_json(const domain::Evidence& e, std::int64_t incident_id) {
  return {{"id", e.id},
          {"filename", e.filename},
          {"content_type", e.content_type},
          {"size_bytes", e.size_bytes},
          {"sha256", e.sha256},
          {"note", opt(e.note)},
          {"download_url", "/api/v1/incidents/" + std::to_string(incident_id) + "/evidence/" + std::to_string(e.id)},
          {"created_at", e.created_at},
          {"created_by", e.created_by}};
}

json to_json(const domain::IncidentAction& a) {
  return {{"id", a.id},           {"version", a.version},         {"type", a.type},
          {"taken_on", opt(a.taken_on)}, {"deadline", opt(a.deadline)}, {"outcome", opt(a.outcome)},
          {"outcome_on", opt(a.outcome_on)}, {"note", opt(a.note)},   {"overdue", a.overdue},
          {"created_at", a.created_at}, {"created_by", a.created_by}, {"updated_at", a.updated_at}};
}

json to_json(const domain::Incident& i) {
  json people = json::array(), evidence = json::array(), actions = json::array();
  for (const auto& p : i.people) people.push_back({{"id", p.id}, {"name", p.name}});
  for (const auto& e : i.evidence) evidence.push_back(to_json(e, i.id));
  for (const auto& a : i.actions) actions.push_back(to_json(a));
  return {{"id", i.id},
          {"version", i.version},
          {"team", i.team},
          {"occurred_on", i.occurred_on},
          {"type", i.type},
          {"school", i.school_id ? json{{"id", *i.school_id}, {"name", i.school_name.value_or("")}} : json(nullptr)},
          {"institution", opt(i.institution)},
          {"description", i.description},
          {"status", i.status},
          {"people", people},
          {"evidence", evidence},
          {"actions", actions},
          {"created_at", i.created_at},
          {"created_by", i.created_by},
          {"updated_at", i.updated_at}};
}

json to_json(const domain::IncidentListItem& i) {
  return {{"id", i.id},
          {"occurred_on", i.occurred_on},
          {"type", i.type},
          {"status", i.status},
          {"team", i.team},
          {"school", i.school_id ? json{{"id", *i.school_id}, {"name", i.school_name.value_or("")}} : json(nullptr)},
          {"institution", opt(i.institution)},
          {"people_count", i.people_count},
          {"evidence_count", i.evidence_count},
          {"open_actions", i.open_actions},
          {"next_deadline", opt(i.next_deadline)},
          {"updated_at", i.updated_at}};
}

std::optional<std::vector<std::int64_t>> read_person_ids(const json& body, http::FieldReader& f, const std::string& name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  const json& ids = body[name];
  std::vector<std::int64_t> out;
  if (!ids.is_array()) {
    f.add(name, "Must be a list of person ids.");
    return std::nullopt;
  }
  for (const auto& v : ids) {
    if (!v.is_number_integer()) {
      f.add(name, "Must be a list of person ids.");
      return std::nullopt;
    }
    out.push_back(v.get<std::int64_t>());
  }
  return out;
}

domain::IncidentInput read_incident(const json& body, http::FieldReader& f, bool create) {
  domain::IncidentInput in;
  in.occurred_on = f.string("occurred_on", create, 10);
  in.type = f.string("type", create, 60);
  in.description = f.string("description", create, 80000);
  in.status = f.string("status", false, 10);
  in.team = f.string("team", false, 100);
  in.school_id = nullable_integer(f, "school_id");
  in.institution = nullable_string(f, "institution", 2000);
  in.person_ids = read_person_ids(body, f, "person_ids");
  return in;
}

domain::ActionInput read_action(http::FieldReader& f, bool create) {
  domain::ActionInput in;
  in.type = f.string("type", create, 40);
  in.taken_on = nullable_string(f, "taken_on", 10);
  in.deadline = nullable_string(f, "deadline", 10);
  in.outcome = nullable_string(f, "outcome", 8000);
  in.outcome_on = nullable_string(f, "outcome_on", 10);
  in.note = nullable_string(f, "note", 16000);
  in.delivered_on = f.string("delivered_on", false, 10);
  return in;
}

// RFC 5987 filename* for non-ASCII names.
std::string content_disposition(const std::string& filename) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    ascii.push_back(c < 0x80 && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 15]);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void register_incident_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/incidents/stats", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = s.incidents.stats(ctx.actor(), ctx.query("from"), ctx.query("to"));
    if (!r) return std::move(r).error();
    json rows = json::array(), by_type = json::array();
    for (const auto& row : r->rows)
      rows.push_back({{"school", row.school_id ? json{{"id", *row.school_id}, {"name", row.school_name}} : json(nullptr)},
                      {"type", row.type},
                      {"count", opt(row.count)}});
    for (const auto& [type, count] : r->by_type) by_type.push_back({{"type", type}, {"count", opt(count)}});
    return Reply::json({{"rows", rows},
                        {"by_type", by_type},
                        {"total", opt(r->total)},
                        {"suppressed", r->suppressed},
                        {"suppression_threshold", r->suppression_threshold}});
  });

  server.route(Method::get, "/api/v1/incidents", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    domain::IncidentQuery q;
    q.type = ctx.query("type");
    q.status = ctx.query("status");
    for (const char* name : {"school_id", "person_id"}) {
      const std::string v = ctx.query(name);
      if (v.empty()) continue;
      if (v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        return Error::field(name, "Must be a whole number.");
      (std::string(name) == "school_id" ? q.school_id : q.person_id) = std::stoll(v);
    }
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto r = s.incidents.list(ctx.actor(), q);
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& it : r->items) items.push_back(to_json(it));
    return Reply::json({{"items", items}, {"total", r->total}, {"page", q.page}, {"page_size", q.page_size}});
  });

  server.route(Method::post, "/api/v1/incidents", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto in = read_incident(*body, f, true);
    if (!f.ok()) return f.error();
    auto r = s.incidents.create(ctx.actor(), in);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r), 201);
  });

  server.route(Method::get, R"(/api/v1/incidents/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.incidents.get(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::patch, R"(/api/v1/incidents/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto version = f.integer("version", true);
    auto in = read_incident(*body, f, false);
    if (!f.ok()) return f.error();
    auto r = s.incidents.update(ctx.actor(), *id, *version, in);
    if (!r) {
      Error e = std::move(r).error();
      if (e.code == ErrorCode::conflict)
        if (auto current = s.incidents.get(ctx.actor(), *id)) e.detail_json = json{{"current", to_json(*current)}}.dump();
      return e;
    }
    return Reply::json(to_json(*r));
  });

  // Evidence: multipart/form-data with a "file" part (and an optional "note"), or the raw file as
  // the body with ?filename=…&note=…. The type is checked on the bytes, not on the declared type.
  server.route(
      Method::post, R"(/api/v1/incidents/(\d+)/evidence)", Access::login,
      [&s](RequestContext& ctx) -> http::HandlerResult {
        KREDO_TRY(domain::require_personal_data(ctx.actor()));
        auto id = path_id(ctx, 1);
        if (!id) return std::move(id).error();
        std::string filename, bytes;
        std::optional<std::string> note;
        if (ctx.req.is_multipart_form_data()) {
          if (!ctx.req.has_file("file")) return Error::field("file", "Attach the file in a part called \"file\".");
          auto file = ctx.req.get_file_value("file");
          filename = file.filename;
          bytes = std::move(file.content);
          if (ctx.req.has_file("note")) note = ctx.req.get_file_value("note").content;
        } else {
          filename = ctx.query("filename");
          bytes = ctx.req.body;
          if (!ctx.query("note").empty()) note = ctx.query("note");
        }
        if (note && note->empty()) note.reset();
        auto r = s.incidents.add_evidence(ctx.actor(), *id, filename, bytes, note);
        if (!r) return std::move(r).error();
        return Reply::json(to_json(*r, *id), 201);
      },
      http::Body::upload);

  server.route(Method::get, R"(/api/v1/incidents/(\d+)/evidence/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto eid = path_id(ctx, 2);
                 if (!eid) return std::move(eid).error();
                 auto r = s.incidents.evidence_file(ctx.actor(), *id, *eid);
                 if (!r) return std::move(r).error();
                 Reply reply = Reply::bytes(std::move(r->second), r->first.content_type);
                 reply.headers["Content-Disposition"] = content_disposition(r->first.filename);
                 reply.headers["X-Content-SHA256"] = r->first.sha256;
                 return reply;
               });

  server.route(Method::post, R"(/api/v1/incidents/(\d+)/actions)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 KREDO_TRY(domain::require_personal_data(ctx.actor()));
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto in = read_action(f, true);
                 if (!f.ok()) return f.error();
                 auto r = s.incidents.add_action(ctx.actor(), *id, in);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r), 201);
               });

  server.route(Method::patch, R"(/api/v1/incidents/(\d+)/actions/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 KREDO_TRY(domain::require_personal_data(ctx.actor()));
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto aid = path_id(ctx, 2);
                 if (!aid) return std::move(aid).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto version = f.integer("version", true);
                 auto in = read_action(f, false);
                 if (!f.ok()) return f.error();
                 auto r = s.incidents.update_action(ctx.actor(), *id, *aid, *version, in);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });
}

}  // namespace kredo::api
