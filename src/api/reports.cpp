// /api/v1/project, /api/v1/indicators, /api/v1/reports (+ exports and drill-down), /api/v1/dashboard,
// /api/v1/impact-summary (JSON, .html, .pdf): funder monitoring (issue 6).
#include "api/registry_fields.hpp"
#include "api/routes.hpp"
#include "reports/report_service.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

namespace {

json project_json(const reports::Project& p) {
  json periods = json::array();
  for (const auto& per : p.periods) periods.push_back({{"label", per.label}, {"from", per.from}, {"to", per.to}});
  json targets = json::object();
  for (const auto& [k, v] : p.targets) targets[k] = v;
  return {{"id", p.id},
          {"version", p.version},
          {"code", p.code},
          {"name", p.name},
          {"funder", p.funder},
          {"call", p.call_name},
          {"registration_number", p.registration_number ? json(*p.registration_number) : json(nullptr)},
          {"period_from", p.period_from},
          {"period_to", p.period_to},
          {"suppression_threshold", p.settings.suppression_threshold},
          {"supported_threshold_minutes", p.settings.supported_threshold_minutes},
          {"minority_target_group", p.settings.minority_target_group},
          {"non_segregated_max_roma_share", p.settings.non_segregated_max_roma_share},
          {"periods", periods},
          {"targets", targets},
          {"updated_at", p.updated_at},
          {"updated_by", p.updated_by}};
}

json summary_json(const reports::ReportSummary& s) {
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  return {{"id", s.id},
          {"version", s.version},
          {"status", s.status},
          {"from", s.from},
          {"to", s.to},
          {"created_at", s.created_at},
          {"created_by", s.created_by},
          {"submitted_at", opt(s.submitted_at)},
          {"submitted_by", opt(s.submitted_by)},
          {"sha256", opt(s.sha256)}};
}

json view_json(const reports::ReportView& v) {
  json j = summary_json(v.summary);
  j["sha256_valid"] = v.sha256_valid;
  j["suppressed"] = v.suppressed;
  j["project"] = v.document["project"];
  j["settings"] = v.document["settings"];
  j["computed_at"] = v.document["computed_at"];
  j["indicators"] = v.document["indicators"];
  if (v.compared_to_now) j["compared_to_now"] = *v.compared_to_now;
  return j;
}

Reply file_reply(const reports::FileOut& f) {
  Reply r = Reply::bytes(f.bytes, f.content_type);
  r.headers["Content-Disposition"] = "attachment; filename=\"" + f.filename + "\"";
  r.headers["Cache-Control"] = "no-store";
  return r;
}

// from/to query parameters, defaulting to the project's whole period.
std::pair<std::string, std::string> period_query(const RequestContext& ctx, app::Services& s) {
  std::string from = ctx.query("from"), to = ctx.query("to");
  if (from.empty() || to.empty()) {
    auto p = s.reports.project(ctx.actor());
    if (p) {
      if (from.empty()) from = p->period_from;
      if (to.empty()) to = p->period_to;
    }
  }
  return {from, to};
}

}  // namespace

void register_report_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/project", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto p = s.reports.project(ctx.actor());
    if (!p) return std::move(p).error();
    return Reply::json(project_json(*p));
  });

  server.route(Method::put, "/api/v1/project", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    reports::ProjectChange ch;
    auto version = f.integer("version", true);
    ch.name = f.string("name", false, 200);
    ch.funder = f.string("funder", false, 200);
    ch.call_name = f.string("call", false, 200);
    if (f.is_null("registration_number")) ch.registration_number = std::optional<std::string>();
    else if (auto rn = f.string("registration_number", false, 100)) ch.registration_number = rn;
    ch.period_from = f.string("period_from", false, 10);
    ch.period_to = f.string("period_to", false, 10);
    ch.suppression_threshold = f.integer("suppression_threshold", false);
    ch.supported_threshold_minutes = f.integer("supported_threshold_minutes", false);
    ch.minority_target_group = f.boolean("minority_target_group", false);
    if (body->contains("non_segregated_max_roma_share")) {
      const auto& share = (*body)["non_segregated_max_roma_share"];
      if (share.is_number()) ch.non_segregated_max_roma_share = share.get<double>();
      else f.add("non_segregated_max_roma_share", "A share between 0 and 1 (0.5 is one half).");
    }
    if (body->contains("periods")) {
      const auto& ps = (*body)["periods"];
      if (!ps.is_array()) {
        f.add("periods", "A list of {label, from, to}.");
      } else {
        std::vector<reports::ProjectPeriod> list;
        for (std::size_t i = 0; i < ps.size(); ++i) {
          const auto& p = ps[i];
          if (!p.is_object() || !p.value("label", json()).is_string() || !p.value("from", json()).is_string() ||
              !p.value("to", json()).is_string()) {
            f.add("periods[" + std::to_string(i) + "]", "Each period needs label, from and to.");
            continue;
          }
          list.push_back({p["label"], p["from"], p["to"]});
        }
        ch.periods = list;
      }
    }
    if (body->contains("targets")) {
      const auto& ts = (*body)["targets"];
      if (!ts.is_object()) {
        f.add("targets", "An object of indicator code -> target number.");
      } else {
        std::map<std::string, double> m;
        for (auto it = ts.begin(); it != ts.end(); ++it) {
          if (!it.value().is_number()) f.add("targets." + it.key(), "A number.");
          else m[it.key()] = it.value().get<double>();
        }
        ch.targets = m;
      }
    }
    if (!f.ok()) return f.error();
    ch.version = *version;
    auto p = s.reports.update_project(ctx.actor(), ch);
    if (!p) return std::move(p).error();
    return Reply::json(project_json(*p));
  });

  server.route(Method::get, "/api/v1/indicators/definitions", Access::login,
               [](RequestContext&) -> http::HandlerResult {
                 json items = json::array();
                 for (const auto& d : reports::indicator_catalog())
                   items.push_back({{"code", d.code}, {"version", d.version}, {"section", d.section},
                                    {"name_cs", d.name_cs}, {"name_en", d.name_en}, {"unit", d.unit},
                                    {"method", d.method}, {"entity", d.entity}, {"sensitive", d.sensitive}});
                 return Reply::json({{"items", items}});
               });

  server.route(Method::get, "/api/v1/indicators", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto [from, to] = period_query(ctx, s);
    auto r = s.reports.live_indicators(ctx.actor(), from, to);
    if (!r) return std::move(r).error();
    return Reply::json(**r);
  });

  server.route(Method::get, "/api/v1/reports", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto r = s.reports.list(ctx.actor());
    if (!r) return std::move(r).error();
    json items = json::array();
    for (const auto& rep : *r) items.push_back(summary_json(rep));
    return Reply::json({{"items", items}});
  });

  server.route(Method::post, "/api/v1/reports", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto from = f.string("from", true, 10);
    auto to = f.string("to", true, 10);
    if (!f.ok()) return f.error();
    auto r = s.reports.create(ctx.actor(), *from, *to);
    if (!r) return std::move(r).error();
    return Reply::json(view_json(*r), 201);
  });

  server.route(Method::get, R"(/api/v1/reports/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = path_id(ctx, 1);
    if (!id) return std::move(id).error();
    auto r = s.reports.get(ctx.actor(), *id, ctx.query("compare") == "now");
    if (!r) return std::move(r).error();
    return Reply::json(view_json(*r));
  });

  server.route(Method::post, R"(/api/v1/reports/(\d+)/submit)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 std::optional<std::int64_t> version;
                 if (has_body(ctx)) {
                   auto body = http::json_body(ctx);
                   if (!body) return std::move(body).error();
                   http::FieldReader f(*body);
                   version = f.integer("version", false);
                   if (!f.ok()) return f.error();
                 }
                 auto r = s.reports.submit(ctx.actor(), *id, version);
                 if (!r) return std::move(r).error();
                 return Reply::json(view_json(*r));
               });

  server.route(Method::get, R"(/api/v1/reports/(\d+)\.xlsx)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.reports.xlsx(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return file_reply(*r);
               });

  server.route(Method::get, R"(/api/v1/reports/(\d+)\.csv)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.reports.csv(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return file_reply(*r);
               });

  server.route(Method::get, R"(/api/v1/reports/(\d+)/participants\.csv)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.reports.participants_csv(ctx.actor(), *id);
                 if (!r) return std::move(r).error();
                 return file_reply(*r);
               });

  server.route(Method::get, R"(/api/v1/reports/(\d+)/indicators/([A-Z0-9_]+)/records)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = path_id(ctx, 1);
                 if (!id) return std::move(id).error();
                 auto r = s.reports.records(ctx.actor(), *id, ctx.path_param(2));
                 if (!r) return std::move(r).error();
                 return Reply::json({{"code", r->code},
                                     {"entity", r->entity},
                                     {"counted", r->counted},
                                     {"not_shown", r->not_shown},
                                     {"items", r->items}});
               });

  server.route(Method::get, "/api/v1/dashboard", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto [from, to] = period_query(ctx, s);
    auto r = s.reports.dashboard(ctx.actor(), from, to);
    if (!r) return std::move(r).error();
    return Reply::json(**r);
  });

  server.route(Method::get, "/api/v1/impact-summary", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto [from, to] = period_query(ctx, s);
    auto r = s.reports.impact_summary(ctx.actor(), from, to);
    if (!r) return std::move(r).error();
    return Reply::json(**r);
  });

  server.route(Method::get, R"(/api/v1/impact-summary\.html)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto [from, to] = period_query(ctx, s);
                 auto r = s.reports.impact_summary_html(ctx.actor(), from, to);
                 if (!r) return std::move(r).error();
                 return Reply::bytes(r->bytes, r->content_type);
               });

  server.route(Method::get, R"(/api/v1/impact-summary\.pdf)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto [from, to] = period_query(ctx, s);
                 auto r = s.reports.impact_summary_pdf(ctx.actor(), from, to);
                 if (!r) return std::move(r).error();
                 return file_reply(*r);
               });
}

}  // namespace kredo::api
