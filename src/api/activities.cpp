// /api/v1/activities and what grows from them: attendance (roll-call), attendance sheets (PDF),
// groups and their sessions, support hours, regularity, competence frameworks, assessments,
// observations.
#include "api/json.hpp"
#include "api/registry_fields.hpp"
#include "api/routes.hpp"
#include "domain/attendance_sheet.hpp"
#include "domain/registry_access.hpp"
#include "rules/support_hours.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

namespace {

json to_json(const domain::ActivityType& t) {
  return {{"code", t.code},
          {"name_cs", t.name_cs},
          {"name_en", t.name_en},
          {"audience", t.audience},
          {"counted_minutes", t.counted_minutes ? json(*t.counted_minutes) : json()},
          {"tracks_regularity", t.tracks_regularity}};
}


json people_json(const std::vector<domain::ActivityParticipant>& ps) {
  json out = json::array();
  for (const auto& p : ps)
    out.push_back({{"id", p.id}, {"given_names", p.given_names}, {"surname", p.surname}, {"role", p.role}});
  return out;
}

json to_json(const domain::Activity& a) {
  json ids = json::array();
  for (const auto& p : a.participants) ids.push_back(p.id);
  return {{"id", a.id},
          {"version", a.version},
          {"type", a.type},
          {"group_id", a.group_id ? json(*a.group_id) : json()},
          {"date", a.date},
          {"start", a.start},
          {"end", a.end},
          {"duration_minutes", a.duration_minutes},
          {"place", opt(a.place)},
          {"notes", opt(a.notes)},
          {"topics", a.topics},
          {"participant_ids", ids},
          {"participants", people_json(a.participants)},
          {"worker_ids", a.worker_ids},
          {"attendance_recorded", a.attendance_recorded},
          {"created_by", a.created_by},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

json to_json(const domain::Attendance& a) {
  json records = json::array();
  for (const auto& r : a.records)
    records.push_back({{"person_id", r.person_id}, {"status", r.status}, {"minutes", r.minutes ? json(*r.minutes) : json()}});
  return {{"activity_id", a.activity_id},
          {"records", records},
          {"present", a.present},
          {"excused", a.excused},
          {"absent", a.absent}};
}

json to_json(const domain::Group& g) {
  json ids = json::array();
  for (const auto& p : g.members) ids.push_back(p.id);
  return {{"id", g.id},
          {"version", g.version},
          {"name", g.name},
          {"type", g.type},
          {"place", opt(g.place)},
          {"weekday", g.weekday},
          {"start", g.start},
          {"end", g.end},
          {"valid_from", g.valid_from},
          {"valid_to", opt(g.valid_to)},
          {"topics", g.topics},
          {"member_ids", ids},
          {"members", people_json(g.members)},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at}};
}

// An array of strings (field errors "name[i]"); nullopt when absent.
std::optional<std::vector<std::string>> string_array(const json& body, http::FieldReader& f, const std::string& name,
                                                     std::size_t max_len) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_array()) {
    f.add(name, "Must be a list.");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < body[name].size(); ++i) {
    const auto& v = body[name][i];
    if (!v.is_string() || v.get<std::string>().size() > max_len) f.add(name + "[" + std::to_string(i) + "]", "Must be a short text.");
    else out.push_back(v.get<std::string>());
  }
  return out;
}

std::optional<std::vector<std::int64_t>> id_array(const json& body, http::FieldReader& f, const std::string& name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_array()) {
    f.add(name, "Must be a list of ids.");
    return std::nullopt;
  }
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < body[name].size(); ++i) {
    const auto& v = body[name][i];
    if (!v.is_number_integer()) f.add(name + "[" + std::to_string(i) + "]", "Must be a whole number.");
    else out.push_back(v.get<std::int64_t>());
  }
  return out;
}

domain::ActivityFields read_activity(const json& body, http::FieldReader& f) {
  domain::ActivityFields a;
  a.type = f.string("type", false, 50);
  a.date = f.string("date", false, 20);
  a.start = f.string("start", false, 10);
  a.end = f.string("end", false, 10);
  a.place = nullable_string(f, "place", 800);
  a.notes = nullable_string(f, "notes", 16000);
  a.topics = string_array(body, f, "topics", 50);
  a.participant_ids = id_array(body, f, "participant_ids");
  a.worker_ids = id_array(body, f, "worker_ids");
  return a;
}

domain::GroupFields read_group(const json& body, http::FieldReader& f) {
  domain::GroupFields g;
  g.name = f.string("name", false, 800);
  g.type = f.string("type", false, 50);
  g.place = nullable_string(f, "place", 800);
  g.weekday = f.integer("weekday", false);
  g.start = f.string("start", false, 10);
  g.end = f.string("end", false, 10);
  g.valid_from = f.string("valid_from", false, 20);
  g.valid_to = nullable_string(f, "valid_to", 20);
  g.topics = string_array(body, f, "topics", 50);
  g.member_ids = id_array(body, f, "member_ids");
  return g;
}

Result<domain::NewAssessment> read_assessment(const json& body, http::FieldReader& f, bool create) {
  domain::NewAssessment a;
  auto person = f.integer("person_id", create);
  a.framework_id = f.integer("framework_id", false);
  auto date = f.string("date", true, 20);
  a.note = f.string("note", false, 8000);
  if (!body.contains("levels") || !body["levels"].is_object()) {
    f.add("levels", "An object of indicator code → level.");
  } else {
    for (auto it = body["levels"].begin(); it != body["levels"].end(); ++it) {
      if (!it.value().is_number_integer()) f.add("levels." + it.key(), "Must be a whole number.");
      else a.levels.emplace_back(it.key(), it.value().get<std::int64_t>());
    }
  }
  if (!f.ok()) return f.error();
  a.person_id = person.value_or(0);
  a.date = *date;
  return a;
}

domain::ObservationFields read_observation(const json& body, http::FieldReader& f) {
  domain::ObservationFields o;
  o.date = f.string("date", false, 20);
  o.text = f.string("text", false, 16000);
  o.speaker_role = f.string("speaker_role", false, 30);
  o.person_ids = id_array(body, f, "person_ids");
  o.tags = string_array(body, f, "tags", 200);
  o.is_quote = f.boolean("is_quote", false);
  o.publishable = f.boolean("publishable", false);
  o.speaker_person_id = nullable_integer(f, "speaker_person_id");
  return o;
}

// The 409 answer carries the record as it is now.
template <typename T, typename Get>
Error with_current(Result<T>&& r, Get get) {
  Error e = std::move(r).error();
  if (e.code == ErrorCode::conflict)
    if (auto current = get()) e.detail_json = json{{"current", *current}}.dump();
  return e;
}

std::optional<std::int64_t> query_id(const RequestContext& ctx, const std::string& name) {
  const std::string v = ctx.query(name);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(v);
}

}  // namespace

void register_activity_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/activity-types", Access::login, [&s](RequestContext&) -> http::HandlerResult {
    json items = json::array();
    for (const auto& t : s.activities.types()) items.push_back(to_json(t));
    return Reply::json({{"items", items}});
  });

  server.route(Method::patch, R"(/api/v1/activity-types/([a-z_]{1,50}))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 if (!body->contains("counted_minutes")) f.add("counted_minutes", "This field is required (null for the duration).");
                 auto minutes = f.integer("counted_minutes", false);
                 if (!f.ok()) return f.error();
                 auto r = s.activities.set_type_rule(ctx.actor(), ctx.path_param(1), minutes);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });

  server.route(Method::get, "/api/v1/activity-topics", Access::login, [&s](RequestContext&) -> http::HandlerResult {
    json items = json::array();
    for (const auto& t : s.activities.topics())
      items.push_back({{"code", t.code}, {"name_cs", t.name_cs}, {"name_en", t.name_en}});
    return Reply::json({{"items", items}});
  });

  server.route(Method::post, "/api/v1/activities", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto a = read_activity(*body, f);
    if (!f.ok()) return f.error();
    auto r = s.activities.create(ctx.actor(), a);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r), 201);
  });

  server.route(Method::get, "/api/v1/activities", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    domain::ActivityQuery q;
    q.from = ctx.query("from");
    q.to = ctx.query("to");
    q.type = ctx.query("type");
    q.group_id = query_id(ctx, "group");
    q.person_id = query_id(ctx, "person");
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto r = s.activities.list(ctx.actor(), q);
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& a : r->items) items.push_back(to_json(a));
    return Reply::json({{"items", items}, {"total", r->total}, {"page", q.page}, {"page_size", q.page_size}});
  });

  server.route(Method::get, R"(/api/v1/activities/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.activities.get(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::patch, R"(/api/v1/activities/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto version = f.integer("version", true);
                 auto a = read_activity(*body, f);
                 if (!f.ok()) return f.error();
                 auto r = s.activities.update(ctx.actor(), *id, *version, a);
                 if (!r)
                   return with_current(std::move(r), [&]() -> std::optional<json> {
                     auto c = s.activities.get(ctx.actor(), *id);
                     return c ? std::optional<json>(to_json(*c)) : std::nullopt;
                   });
                 return Reply::json(to_json(*r));
               });

  server.route(Method::get, R"(/api/v1/activities/(\d+)/attendance)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.activities.attendance(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });

  server.route(Method::put, R"(/api/v1/activities/(\d+)/attendance)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 KREDO_TRY(domain::require_personal_data(ctx.actor()));
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 std::vector<domain::AttendanceRecord> records;
                 if (!body->contains("records") || !(*body)["records"].is_array()) {
                   f.add("records", "A list of {person_id, status, minutes?}.");
                 } else {
                   const json& rs = (*body)["records"];
                   for (std::size_t i = 0; i < rs.size(); ++i) {
                     const std::string at = "records[" + std::to_string(i) + "]";
                     if (!rs[i].is_object()) {
                       f.add(at, "Must be an object {person_id, status, minutes?}.");
                       continue;
                     }
                     http::FieldReader rf(rs[i]);
                     auto person = rf.integer("person_id", true);
                     auto status = rf.string("status", true, 20);
                     auto minutes = rf.integer("minutes", false);
                     if (!rf.ok()) {
                       for (const auto& e : rf.error().fields) f.add(at + "." + e.field, e.message);
                       continue;
                     }
                     records.push_back({*person, *status, minutes});
                   }
                 }
                 if (!f.ok()) return f.error();
                 auto r = s.activities.put_attendance(ctx.actor(), *id, records);
                 if (!r) return std::move(r).error();
                 return Reply::json(to_json(*r));
               });

  server.route(Method::get, R"(/api/v1/activities/(\d+)/attendance-sheet\.pdf)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.activities.activity_sheet(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 Reply reply = Reply::bytes(domain::render_attendance_sheet(*r), "application/pdf");
                 reply.headers["Content-Disposition"] =
                     "inline; filename=\"prezencni-listina-" + std::to_string(*id) + ".pdf\"";
                 return reply;
               });

  server.route(Method::post, "/api/v1/groups", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto g = read_group(*body, f);
    if (!f.ok()) return f.error();
    auto r = s.activities.create_group(ctx.actor(), g);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r), 201);
  });

  server.route(Method::get, "/api/v1/groups", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = s.activities.list_groups(ctx.actor());
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& g : *r) items.push_back(to_json(g));
    return Reply::json({{"items", items}, {"total", items.size()}});
  });

  server.route(Method::get, R"(/api/v1/groups/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.activities.get_group(ctx.actor(), *id);
    if (!r) return std::move(r).error();
    return Reply::json(to_json(*r));
  });

  server.route(Method::patch, R"(/api/v1/groups/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto version = f.integer("version", true);
    auto g = read_group(*body, f);
    if (!f.ok()) return f.error();
    auto r = s.activities.update_group(ctx.actor(), *id, *version, g);
    if (!r)
      return with_current(std::move(r), [&]() -> std::optional<json> {
        auto c = s.activities.get_group(ctx.actor(), *id);
        return c ? std::optional<json>(to_json(*c)) : std::nullopt;
      });
    return Reply::json(to_json(*r));
  });

  server.route(Method::post, R"(/api/v1/groups/(\d+)/sessions)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 KREDO_TRY(domain::require_personal_data(ctx.actor()));
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto from = f.string("from", true, 20);
                 auto to = f.string("to", true, 20);
                 if (!f.ok()) return f.error();
                 auto r = s.activities.generate_sessions(ctx.actor(), *id, *from, *to);
                 if (!r) return std::move(r).error();
                 return Reply::json({{"created", r->created},
                                     {"existing", r->existing},
                                     {"skipped_holidays", r->skipped_holidays}},
                                    r->created.empty() ? 200 : 201);
               });

  server.route(Method::get, R"(/api/v1/groups/(\d+)/attendance-sheet\.pdf)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.activities.group_month_sheet(ctx.actor(), *id, ctx.query("month"));
                 if (!r) return std::move(r).error();
                 Reply reply = Reply::bytes(domain::render_attendance_sheet(*r), "application/pdf");
                 reply.headers["Content-Disposition"] = "inline; filename=\"prezencni-listina-skupina-" +
                                                        std::to_string(*id) + "-" + r->month + ".pdf\"";
                 return reply;
               });

  server.route(Method::get, R"(/api/v1/people/(\d+)/support-hours)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.activities.support_hours(ctx.actor(), *id, ctx.query("from"), ctx.query("to"));
                 if (!r) return std::move(r).error();
                 json by_type = json::object();
                 for (const auto& [code, m] : r->minutes_by_type) by_type[code] = rules::minutes_to_hours(m);
                 return Reply::json({{"person_id", r->person_id},
                                     {"from", r->from.empty() ? json() : json(r->from)},
                                     {"to", r->to.empty() ? json() : json(r->to)},
                                     {"hours", rules::minutes_to_hours(r->minutes)},
                                     {"minutes", r->minutes},
                                     {"activities", r->activities},
                                     {"hours_by_type", by_type},
                                     {"threshold_hours", rules::minutes_to_hours(r->rule.threshold_minutes)},
                                     {"supported", rules::is_supported_person(r->minutes, r->rule)},
                                     {"minutes_until_supported", rules::minutes_until_supported(r->minutes, r->rule)}});
               });

  server.route(Method::get, R"(/api/v1/people/(\d+)/regularity)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.activities.regularity(ctx.actor(), *id, ctx.query("from"), ctx.query("to"));
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::get, "/api/v1/support-hours/summary", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto r = s.activities.support_summary(ctx.actor(), ctx.query("from"), ctx.query("to"));
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::get, "/api/v1/settings/supported-person", Access::login,
               [&s](RequestContext&) -> http::HandlerResult {
                 auto rule = s.activities.supported_rule();
                 return Reply::json({{"threshold_minutes", rule.threshold_minutes},
                                     {"threshold_hours", rules::minutes_to_hours(rule.threshold_minutes)}});
               });

  server.route(Method::put, "/api/v1/settings/supported-person", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto minutes = f.integer("threshold_minutes", true);
                 if (!f.ok()) return f.error();
                 auto r = s.activities.set_supported_rule(ctx.actor(), *minutes);
                 if (!r) return std::move(r).error();
                 return Reply::json({{"threshold_minutes", r->threshold_minutes},
                                     {"threshold_hours", rules::minutes_to_hours(r->threshold_minutes)}});
               });

  server.route(Method::get, "/api/v1/attendance/drifting", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto r = s.activities.drifting(ctx.actor(), ctx.query("type"));
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  // ---- competences and assessments ----
  server.route(Method::get, "/api/v1/competence-frameworks", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 return Reply::json(s.competences.frameworks(ctx.query("all") == "1" || ctx.query("all") == "true"));
               });

  server.route(Method::get, R"(/api/v1/competence-frameworks/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.competences.framework(*id);
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::post, "/api/v1/competence-frameworks", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 auto r = s.competences.create_version(ctx.actor(), *body);
                 if (!r) return std::move(r).error();
                 return Reply::json(*r, 201);
               });

  server.route(Method::post, "/api/v1/assessments", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto a = read_assessment(*body, f, true);
    if (!a) return std::move(a).error();
    auto r = s.competences.create_assessment(ctx.actor(), *a);
    if (!r) return std::move(r).error();
    return Reply::json(*r, 201);
  });

  server.route(Method::get, "/api/v1/assessments/cohort-progress", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 const std::string fw = ctx.query("framework").empty() ? "children" : ctx.query("framework");
                 auto r = s.competences.cohort_progress(ctx.actor(), fw, ctx.query("from"), ctx.query("to"));
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::get, R"(/api/v1/assessments/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.competences.get_assessment(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::patch, R"(/api/v1/assessments/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto version = f.integer("version", true);
                 auto a = read_assessment(*body, f, false);
                 if (!a) return std::move(a).error();
                 auto r = s.competences.update_assessment(ctx.actor(), *id, *version, *a);
                 if (!r)
                   return with_current(std::move(r), [&]() -> std::optional<json> {
                     auto c = s.competences.get_assessment(ctx.actor(), *id);
                     return c ? std::optional<json>(*c) : std::nullopt;
                   });
                 return Reply::json(*r);
               });

  server.route(Method::get, R"(/api/v1/people/(\d+)/assessments)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.competences.person_assessments(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::get, R"(/api/v1/people/(\d+)/competence-progress)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.competences.person_progress(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  // ---- observations ----
  server.route(Method::post, "/api/v1/observations", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto o = read_observation(*body, f);
    if (!f.ok()) return f.error();
    auto r = s.observations.create(ctx.actor(), o);
    if (!r) return std::move(r).error();
    return Reply::json(*r, 201);
  });

  server.route(Method::get, "/api/v1/observations", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    domain::ObservationQuery q;
    q.from = ctx.query("from");
    q.to = ctx.query("to");
    q.tag = ctx.query("tag");
    q.person_id = query_id(ctx, "person");
    q.quotes_only = ctx.query("quotes") == "1" || ctx.query("quotes") == "true";
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto r = s.observations.list(ctx.actor(), q);
    if (!r) return std::move(r).error();
    return Reply::json(*r);
  });

  server.route(Method::get, "/api/v1/observations/publishable-quotes", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto r = s.observations.publishable_quotes(ctx.actor(), ctx.query("from"), ctx.query("to"));
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::get, R"(/api/v1/observations/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.observations.get(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(*r);
               });

  server.route(Method::patch, R"(/api/v1/observations/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto version = f.integer("version", true);
                 auto o = read_observation(*body, f);
                 if (!f.ok()) return f.error();
                 auto r = s.observations.update(ctx.actor(), *id, *version, o);
                 if (!r)
                   return with_current(std::move(r), [&]() -> std::optional<json> {
                     auto c = s.observations.get(ctx.actor(), *id);
                     return c ? std::optional<json>(*c) : std::nullopt;
                   });
                 return Reply::json(*r);
               });
}

}  // namespace kredo::api
