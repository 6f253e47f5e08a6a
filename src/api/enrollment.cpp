// /api/v1/enrollment-cases (cases, stage events, pathway), /api/v1/enrollment/funnel,
// /api/v1/tasks and /api/v1/calendar/feed (a worker's secret iCalendar URL).
#include "api/json.hpp"
#include "api/registry_fields.hpp"
#include "api/routes.hpp"
#include "domain/enrollment.hpp"
#include "domain/registry_access.hpp"
#include "domain/tasks.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

namespace {


json school_json(const std::optional<domain::SchoolRef>& s) {
  if (!s) return nullptr;
  return {{"id", s->id}, {"izo", s->izo}, {"name", s->name}, {"type", s->type}};
}

json child_json(std::int64_t person_id, const std::string& given, const std::string& surname,
                const std::string& birth_date) {
  return {{"person_id", person_id},
          {"given_names", given},
          {"surname", surname},
          {"initials", domain::initials(given, surname)},
          {"birth_date", birth_date}};
}

json case_json(const domain::EnrollmentCase& c) {
  json targets = json::array();
  for (const auto& t : c.targets) targets.push_back(school_json(t));
  json events = json::array();
  for (const auto& e : c.events) {
    json data = json::parse(e.data, nullptr, false);
    events.push_back({{"id", e.id},
                      {"stage", e.stage},
                      {"date", e.date},
                      {"data", data.is_discarded() ? json::object() : data},
                      {"note", opt(e.note)},
                      {"recorded_at", e.recorded_at},
                      {"recorded_by", e.recorded_by}});
  }
  return {
      {"id", c.id},
      {"version", c.version},
      {"child", child_json(c.person_id, c.child_given_names, c.child_surname, c.child_birth_date)},
      {"family_id", c.family_id},
      {"team", c.team},
      {"keyworker", c.keyworker ? json{{"id", c.keyworker->id}, {"username", c.keyworker->username}} : json()},
      {"school_year", c.school_year},
      {"school_year_label", rules::SchoolYear{c.school_year}.label()},
      {"level", c.level},
      {"stage", c.stage},
      {"notes", opt(c.notes)},
      {"deferral_considered", c.deferral_considered},
      {"catchment_school", school_json(c.catchment)},
      {"target_schools", targets},
      {"application",
       {{"date", opt(c.application_date)},
        {"number", opt(c.application_number)},
        {"channel", opt(c.application_channel)},
        {"school", school_json(c.application_school)}}},
      {"zapis_date", opt(c.zapis_date)},
      {"decision",
       {{"decision", opt(c.decision)}, {"date", opt(c.decision_date)}, {"school", school_json(c.decision_school)}}},
      {"delivery",
       {{"method", opt(c.delivery_method)},
        {"date", opt(c.delivery_date)},
        {"collected_date", opt(c.collected_date)},
        {"delivered_on", opt(c.delivered_on)}}},
      {"appeal",
       {{"deadline", opt(c.appeal_deadline)},
        {"filed_date", opt(c.appeal_filed_date)},
        {"late", c.appeal_late},
        {"outcome", opt(c.appeal_outcome)},
        {"outcome_date", opt(c.appeal_outcome_date)}}},
      {"attendance",
       {{"started_date", opt(c.started_date)},
        {"school", school_json(c.started_school)},
        {"check_3_date", opt(c.check_3_date)},
        {"check_3_attending", opt(c.check_3_attending)},
        {"check_12_date", opt(c.check_12_date)},
        {"check_12_attending", opt(c.check_12_attending)}}},
      {"outcome",
       {{"enrolled_school", school_json(c.enrolled_school)},
        {"segregation_status", opt(c.enrolled_school_status)},
        {"enrolled_non_segregated", opt(c.enrolled_non_segregated)}}},
      {"events", events},
      {"created_at", c.created_at},
      {"updated_at", c.updated_at},
  };
}

json list_item_json(const domain::EnrollmentListItem& it) {
  return {{"id", it.id},
          {"version", it.version},
          {"child", child_json(it.person_id, it.child_given_names, it.child_surname, it.child_birth_date)},
          {"family_id", it.family_id},
          {"school_year", it.school_year},
          {"level", it.level},
          {"stage", it.stage},
          {"decision", opt(it.decision)},
          {"appeal_deadline", opt(it.appeal_deadline)},
          {"appeal_late", it.appeal_late},
          {"first_target", school_json(it.first_target)},
          {"catchment_school", school_json(it.catchment)},
          {"updated_at", it.updated_at}};
}

json task_json(const domain::Task& t) {
  return {{"id", t.id},
          {"version", t.version},
          {"case_id", t.case_id},
          {"kind", t.kind},
          {"title", t.title_cs},
          {"title_en", t.title_en},
          {"due_date", t.due_date},
          {"status", t.status},
          {"assignee", t.assignee_id ? json{{"id", *t.assignee_id}, {"username", t.assignee}} : json()},
          {"child", {{"person_id", t.person_id}, {"name", t.child_name}, {"initials", t.child_initials}}},
          {"school_year", t.school_year},
          {"level", t.level},
          {"done_at", opt(t.done_at)},
          {"done_by", opt(t.done_by)}};
}

// A list of integer ids under `name`; field errors name it.
std::optional<std::vector<std::int64_t>> read_school_ids(const json& body, http::FieldReader& f, const std::string& name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  const auto& v = body[name];
  if (!v.is_array()) {
    f.add(name, "Must be a list of school ids.");
    return std::nullopt;
  }
  std::vector<std::int64_t> out;
  for (const auto& x : v) {
    if (!x.is_number_integer()) {
      f.add(name, "Must be a list of school ids.");
      return std::nullopt;
    }
    out.push_back(x.get<std::int64_t>());
  }
  return out;
}

Result<int> int_query(const RequestContext& ctx, const std::string& name, int fallback) {
  const std::string v = ctx.query(name);
  if (v.empty()) return fallback;
  if (v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
    return Error::field(name, "Must be a whole number.");
  return std::stoi(v);
}

json funnel_json(const domain::Funnel& f) {
  json counts = json::object();
  json suppressed = json::array();
  for (const auto& c : f.cells) {
    counts[c.key] = c.suppressed ? json() : json(c.count);
    if (c.suppressed) suppressed.push_back(c.key);
  }
  return {{"school_year", f.school_year},
          {"school_year_label", rules::SchoolYear{f.school_year}.label()},
          {"level", f.level.empty() ? json() : json(f.level)},
          {"counts", counts},
          {"suppressed", suppressed},
          {"suppression_threshold", f.suppression_threshold}};
}

}  // namespace

void register_enrollment_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::post, "/api/v1/enrollment-cases", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    KREDO_TRY(domain::require_personal_data(ctx.actor()));
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    domain::NewEnrollmentCase n;
    auto person = f.integer("person_id", true);
    auto year = f.integer("school_year", true);
    auto level = f.string("level", true, 40);
    auto targets = read_school_ids(*body, f, "target_school_ids");
    auto notes = f.string("notes", false, 16000);
    auto deferral = f.boolean("deferral_considered", false);
    if (!f.ok()) return f.error();
    n.person_id = *person;
    n.school_year = static_cast<int>(std::clamp<std::int64_t>(*year, -1, 100000));
    n.level = *level;
    if (targets) n.target_school_ids = *targets;
    n.notes = notes;
    n.deferral_considered = deferral.value_or(false);
    auto r = s.enrollment.create(ctx.actor(), n);
    if (!r) return std::move(r).error();
    return Reply::json(case_json(*r), 201);
  });

  server.route(Method::get, "/api/v1/enrollment-cases", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"), 500);
    if (!paging) return std::move(paging).error();
    domain::EnrollmentQuery q;
    auto year = int_query(ctx, "school_year", 0);
    if (!year) return std::move(year).error();
    auto school = int_query(ctx, "school", 0);
    if (!school) return std::move(school).error();
    auto person = int_query(ctx, "person_id", 0);
    if (!person) return std::move(person).error();
    q.school_year = *year;
    q.school_id = *school;
    q.person_id = *person;
    q.stage = ctx.query("stage");
    q.level = ctx.query("level");
    q.page = paging->page;
    q.page_size = ctx.query("page_size").empty() ? 100 : paging->page_size;
    auto r = s.enrollment.list(ctx.actor(), q);
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& it : r->items) items.push_back(list_item_json(it));
    return Reply::json({{"items", items}, {"total", r->total}, {"page", q.page}, {"page_size", q.page_size}});
  });

  server.route(Method::get, R"(/api/v1/enrollment-cases/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.enrollment.get(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return Reply::json(case_json(*r));
               });

  server.route(Method::patch, R"(/api/v1/enrollment-cases/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::EnrollmentChanges ch;
                 auto version = f.integer("version", true);
                 ch.target_school_ids = read_school_ids(*body, f, "target_school_ids");
                 ch.notes = nullable_string(f, "notes", 16000);
                 ch.deferral_considered = f.boolean("deferral_considered", false);
                 ch.refresh_catchment = f.boolean("refresh_catchment", false).value_or(false);
                 if (!f.ok()) return f.error();
                 ch.version = *version;
                 auto r = s.enrollment.update(ctx.actor(), *id, ch);
                 if (!r) {
                   Error e = std::move(r).error();
                   if (e.code == ErrorCode::conflict)
                     if (auto current = s.enrollment.get(ctx.actor(), *id))
                       e.detail_json = json{{"current", case_json(*current)}}.dump();
                   return e;
                 }
                 return Reply::json(case_json(*r));
               });

  server.route(Method::post, R"(/api/v1/enrollment-cases/(\d+)/stages)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::StageInput in;
                 auto version = f.integer("version", true);
                 auto stage = f.string("stage", true, 40);
                 auto date = f.string("date", true, 10);
                 in.note = f.string("note", false, 16000);
                 in.number = f.string("number", false, 100);
                 in.channel = f.string("channel", false, 40);
                 in.school_id = f.integer("school_id", false);
                 in.decision = f.string("decision", false, 40);
                 in.method = f.string("method", false, 40);
                 in.collected_date = f.string("collected_date", false, 10);
                 in.outcome = f.string("outcome", false, 40);
                 in.outcome_date = f.string("outcome_date", false, 10);
                 in.attending = f.boolean("attending", false);
                 if (!f.ok()) return f.error();
                 in.version = *version;
                 in.stage = *stage;
                 in.date = *date;
                 auto r = s.enrollment.record_stage(ctx.actor(), *id, in);
                 if (!r) return std::move(r).error();
                 json out = case_json(r->enrollment);
                 json warnings = json::array();
                 for (const auto& w : r->warnings)
                   warnings.push_back({{"code", w.code}, {"message", w.message}, {"deadline", opt(w.deadline)}});
                 out["warnings"] = warnings;
                 return Reply::json(out, 201);
               });

  server.route(Method::get, R"(/api/v1/enrollment-cases/(\d+)/pathway)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.enrollment.pathway(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 const auto& p = r->pathway;
                 json dates = json::array();
                 for (const auto& d : p.dates) {
                   json j = {{"key", d.key},
                             {"date", d.date.iso()},
                             {"basis", d.basis_cs},
                             {"basis_en", d.basis_en},
                             {"disputed", d.disputed}};
                   if (d.alternative) j["alternative"] = d.alternative->iso();
                   dates.push_back(j);
                 }
                 json stages = json::array();
                 const auto& c = r->enrollment;
                 for (auto name : rules::kEnrollmentStageNames) {
                   std::optional<std::string> date;
                   for (const auto& e : c.events)
                     if (e.stage == name) date = e.date;  // the latest record of the stage
                   stages.push_back({{"stage", name}, {"reached", date.has_value()}, {"date", opt(date)}});
                 }
                 json appeal = nullptr;
                 if (p.appeal_deadline) {
                   json skipped = json::array();
                   for (const auto& sd : p.appeal_deadline->skipped)
                     skipped.push_back({{"date", sd.date.iso()}, {"reason", sd.reason_cs}, {"reason_en", sd.reason_en}});
                   appeal = {{"deadline", p.appeal_deadline->last_day.iso()},
                             {"nominal_last_day", p.appeal_deadline->nominal_last_day.iso()},
                             {"skipped", skipped},
                             {"late", p.appeal_late},
                             {"basis", p.appeal_deadline->basis_cs},
                             {"basis_en", p.appeal_deadline->basis_en}};
                 }
                 json delivery = nullptr;
                 if (p.delivery)
                   delivery = {{"method", rules::wire_name(p.delivery->method)},
                               {"date", p.delivery->date.iso()},
                               {"delivered", p.delivery->delivered.iso()},
                               {"by_fiction", p.delivery->by_fiction},
                               {"disputed", p.delivery->disputed},
                               {"alternative", p.delivery->alternative ? json(p.delivery->alternative->iso()) : json()},
                               {"basis", p.delivery->basis_cs},
                               {"basis_en", p.delivery->basis_en}};
                 json tasks = json::array();
                 for (const auto& t : p.tasks)
                   tasks.push_back({{"kind", t.kind},
                                    {"due_date", t.due.iso()},
                                    {"title", domain::task_title_cs(t.kind)},
                                    {"title_en", domain::task_title_en(t.kind)}});
                 json window = nullptr;
                 if (r->zapis_window)
                   window = {{"level", rules::wire_name(r->zapis_window->level)},
                             {"from", r->zapis_window->from.iso()},
                             {"to", r->zapis_window->to.iso()},
                             {"is_default", r->zapis_window_is_default}};
                 return Reply::json({{"case", case_json(c)},
                                     {"zapis_window", window},
                                     {"stages", stages},
                                     {"dates", dates},
                                     {"delivery", delivery},
                                     {"appeal", appeal},
                                     {"tasks", tasks}});
               });

  server.route(Method::get, "/api/v1/enrollment/funnel", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    if (ctx.query("school_year").empty()) return Error::field("school_year", "This parameter is required.");
    auto year = int_query(ctx, "school_year", 0);
    if (!year) return std::move(year).error();
    auto r = s.enrollment.funnel(ctx.actor(), *year, ctx.query("level"));
    if (!r) return std::move(r).error();
    return Reply::json(funnel_json(*r));
  });

  server.route(Method::get, "/api/v1/tasks", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    domain::TaskQuery q;
    if (!ctx.query("scope").empty()) q.scope = ctx.query("scope");
    auto r = s.tasks.list(ctx.actor(), q);
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& t : *r) items.push_back(task_json(t));
    return Reply::json({{"scope", q.scope}, {"items", items}});
  });

  server.route(Method::patch, R"(/api/v1/tasks/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto version = f.integer("version", true);
    auto status = f.string("status", true, 10);
    if (!f.ok()) return f.error();
    auto r = s.tasks.set_status(ctx.actor(), *id, *version, *status);
    if (!r) return std::move(r).error();
    return Reply::json(task_json(*r));
  });

  server.route(Method::get, "/api/v1/calendar/feed", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = s.tasks.feed_status(ctx.actor());
    if (!r) return std::move(r).error();
    return Reply::json({{"active", r->active}, {"created_at", opt(r->created_at)}});
  });

  server.route(Method::post, "/api/v1/calendar/feed", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = s.tasks.rotate_feed(ctx.actor());
    if (!r) return std::move(r).error();
    // The token is shown once; only its hash is stored.
    return Reply::json({{"active", true},
                        {"created_at", opt(r->created_at)},
                        {"token", *r->token},
                        {"path", "/api/v1/calendar/feed/" + *r->token + ".ics"}},
                       201);
  });

  server.route(Method::del, "/api/v1/calendar/feed", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = s.tasks.revoke_feed(ctx.actor());
    if (!r) return std::move(r).error();
    return Reply::no_content();
  });

  // Calendar apps cannot log in: the secret in the URL is the credential.
  server.route(Method::get, R"(/api/v1/calendar/feed/([0-9a-f]{64})\.ics)", Access::open,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto r = s.tasks.feed_ics(ctx.path_param(1));
                 if (!r) return std::move(r).error();
                 return Reply::bytes(std::move(*r), "text/calendar; charset=utf-8");
               });
}

}  // namespace kredo::api
