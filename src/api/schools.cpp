// /api/v1/schools and /api/v1/catchment: schools with composition estimates, leadership openness and
// contacts. Reads for any logged-in role (schools are not personal data); the service checks writes.
#include <algorithm>

#include "api/json.hpp"
#include "api/routes.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

namespace {

json to_json(const domain::School& s) {
  return {{"id", s.id},
          {"izo", s.izo},
          {"red_izo", opt(s.red_izo)},
          {"name", s.name},
          {"type", s.type},
          {"founder", {{"name", opt(s.founder_name)}, {"ico", opt(s.founder_ico)}}},
          {"address", opt(s.address)},
          {"ruian_code", opt(s.ruian_code)},
          {"district", opt(s.district)},
          {"capacity", opt(s.capacity)},
          {"coordinates",
           {{"sjtsk_y", opt(s.sjtsk_y)}, {"sjtsk_x", opt(s.sjtsk_x)}, {"latitude", opt(s.latitude)},
            {"longitude", opt(s.longitude)}}},
          {"source", s.source},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at},
          {"version", s.version}};
}

json to_json(const domain::CompositionEstimate& c) {
  return {{"id", c.id},
          {"school_id", c.school_id},
          {"school_year", c.school_year},
          {"roma_share", opt(c.roma_share)},
          {"disadvantaged_share", opt(c.disadvantaged_share)},
          {"source", c.source},
          {"estimated_on", c.estimated_on},
          {"confidence", c.confidence},
          {"segregation_status", c.status},
          {"created_at", c.created_at},
          {"created_by", c.created_by}};
}

json to_json(const domain::OpennessAssessment& a) {
  return {{"id", a.id},           {"school_id", a.school_id},     {"stance", a.stance},
          {"assessed_on", a.assessed_on}, {"evidence", a.evidence}, {"assessed_by", a.assessed_by},
          {"created_at", a.created_at}};
}

json to_json(const domain::Interaction& i) {
  return {{"id", i.id},     {"school_id", i.school_id}, {"occurred_on", i.occurred_on}, {"type", i.type},
          {"worker", i.worker}, {"summary", i.summary},   {"created_at", i.created_at}};
}

json to_json(const domain::SchoolDetail& d) {
  json j = to_json(d.school);
  j["composition"] = json::array();
  for (const auto& c : d.composition) j["composition"].push_back(to_json(c));
  j["segregation_status"] = d.composition.empty() ? "unknown" : d.composition.front().status;
  j["openness"] = json::array();
  for (const auto& a : d.openness) j["openness"].push_back(to_json(a));
  j["interactions"] = json::array();
  for (const auto& i : d.interactions) j["interactions"].push_back(to_json(i));
  return j;
}

json to_json(const domain::SegregationThresholds& t) {
  return {{"more_than_third", t.more_than_third}, {"more_than_half", t.more_than_half}, {"almost_all", t.almost_all}};
}

std::optional<double> number(http::FieldReader& f, const json& body, const std::string& name, bool required) {
  if (!body.contains(name) || body.at(name).is_null()) {
    if (required) f.add(name, "This field is required.");
    return std::nullopt;
  }
  if (!body.at(name).is_number()) {
    f.add(name, "Must be a number.");
    return std::nullopt;
  }
  return body.at(name).get<double>();
}

// Reads the editable school fields; explicit nulls in a PATCH clear the optional ones.
domain::SchoolInput read_school(http::FieldReader& f, const json& body, bool creating) {
  domain::SchoolInput in;
  in.izo = f.string("izo", creating, 9);
  in.name = f.string("name", creating, 300);
  in.type = f.string("type", creating, 32);
  in.red_izo = f.string("red_izo", false, 9);
  in.address = f.string("address", false, 500);
  in.district = f.string("district", false, 100);
  in.ruian_code = f.integer("ruian_code", false);
  in.capacity = f.integer("capacity", false);
  if (body.contains("founder")) {
    const json& founder = body.at("founder");
    if (founder.is_object()) {
      http::FieldReader ff(founder);
      in.founder_name = ff.string("name", false, 300);
      in.founder_ico = ff.string("ico", false, 8);
      if (!ff.ok())
        for (const auto& e : ff.error().fields) f.add("founder." + e.field, e.message);
      if (founder.contains("name") && founder.at("name").is_null()) in.cleared.push_back("founder_name");
      if (founder.contains("ico") && founder.at("ico").is_null()) in.cleared.push_back("founder_ico");
    } else if (founder.is_null()) {
      in.cleared.push_back("founder_name");
      in.cleared.push_back("founder_ico");
    } else {
      f.add("founder", "Must be an object with name and ico.");
    }
  }
  if (body.contains("coordinates")) {
    const json& c = body.at("coordinates");
    if (c.is_object()) {
      http::FieldReader cf(c);
      in.sjtsk_y = number(cf, c, "sjtsk_y", false);
      in.sjtsk_x = number(cf, c, "sjtsk_x", false);
      in.latitude = number(cf, c, "latitude", false);
      in.longitude = number(cf, c, "longitude", false);
      if (!cf.ok())
        for (const auto& e : cf.error().fields) f.add("coordinates." + e.field, e.message);
      for (const char* k : {"sjtsk_y", "sjtsk_x", "latitude", "longitude"})
        if (c.contains(k) && c.at(k).is_null()) in.cleared.push_back(k);
    } else if (c.is_null()) {
      in.cleared.insert(in.cleared.end(), {"sjtsk_y", "sjtsk_x", "latitude", "longitude"});
    } else {
      f.add("coordinates", "Must be an object.");
    }
  }
  for (const char* k : {"red_izo", "address", "district", "ruian_code", "capacity"})
    if (f.is_null(k)) in.cleared.push_back(k);
  return in;
}

Result<std::int64_t> id_param(const RequestContext& ctx) {
  try {
    return std::stoll(ctx.path_param(1));
  } catch (const std::exception&) {
    return Error::not_found("No such school.");
  }
}

}  // namespace

void register_school_routes(http::HttpServer& server, app::Services& s) {
  server.route(Method::get, "/api/v1/schools", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    domain::SchoolQuery q;
    q.q = ctx.query("q");
    q.type = ctx.query("type");
    q.district = ctx.query("district");
    q.status = ctx.query("status");
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto page = s.schools.list(ctx.actor(), q);
    if (!page) return std::move(page).error();
    auto items = json::array();
    for (const auto& item : page->items) {
      json j = to_json(item.school);
      j["segregation_status"] = item.status;
      j["roma_share"] = opt(item.roma_share);
      j["composition_school_year"] = opt(item.school_year);
      items.push_back(std::move(j));
    }
    return Reply::json({{"items", items}, {"total", page->total}, {"page", q.page}, {"page_size", q.page_size}});
  });

  server.route(Method::post, "/api/v1/schools", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto in = read_school(f, *body, true);
    if (!f.ok()) return f.error();
    auto d = s.schools.create(ctx.actor(), in);
    if (!d) return std::move(d).error();
    return Reply::json(to_json(*d), 201);
  });

  server.route(Method::get, R"(/api/v1/schools/(\d+))", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    auto id = id_param(ctx);
    if (!id) return std::move(id).error();
    auto d = s.schools.get(ctx.actor(), *id);
    if (!d) return std::move(d).error();
    return Reply::json(to_json(*d));
  });

  server.route(Method::patch, R"(/api/v1/schools/(\d+))", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = id_param(ctx);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto version = f.integer("version", true);
                 auto in = read_school(f, *body, false);
                 if (!f.ok()) return f.error();
                 auto d = s.schools.update(ctx.actor(), *id, *version, in);
                 if (!d) return std::move(d).error();
                 return Reply::json(to_json(*d));
               });

  server.route(Method::post, R"(/api/v1/schools/(\d+)/composition)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = id_param(ctx);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::NewComposition in;
                 auto year = f.integer("school_year", true);
                 in.roma_share = number(f, *body, "roma_share", false);
                 in.disadvantaged_share = number(f, *body, "disadvantaged_share", false);
                 auto source = f.string("source", true, 500);
                 auto on = f.string("estimated_on", true, 10);
                 auto confidence = f.string("confidence", true, 10);
                 if (!f.ok()) return f.error();
                 in.school_year = static_cast<int>(std::clamp<std::int64_t>(*year, -1, 100000));
                 in.source = *source;
                 in.estimated_on = *on;
                 in.confidence = *confidence;
                 auto c = s.schools.add_composition(ctx.actor(), *id, in);
                 if (!c) return std::move(c).error();
                 return Reply::json(to_json(*c), 201);
               });

  server.route(Method::post, R"(/api/v1/schools/(\d+)/openness)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = id_param(ctx);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::NewOpenness in;
                 auto stance = f.string("stance", true, 10);
                 auto on = f.string("assessed_on", true, 10);
                 auto evidence = f.string("evidence", true, 5000);
                 in.assessed_by = f.string("assessed_by", false, 100);
                 if (!f.ok()) return f.error();
                 in.stance = *stance;
                 in.assessed_on = *on;
                 in.evidence = *evidence;
                 auto a = s.schools.add_openness(ctx.actor(), *id, in);
                 if (!a) return std::move(a).error();
                 return Reply::json(to_json(*a), 201);
               });

  server.route(Method::post, R"(/api/v1/schools/(\d+)/interactions)", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto id = id_param(ctx);
                 if (!id) return std::move(id).error();
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 domain::NewInteraction in;
                 auto on = f.string("occurred_on", true, 10);
                 auto type = f.string("type", true, 20);
                 auto summary = f.string("summary", true, 5000);
                 if (!f.ok()) return f.error();
                 in.occurred_on = *on;
                 in.type = *type;
                 in.summary = *summary;
                 auto i = s.schools.add_interaction(ctx.actor(), *id, in);
                 if (!i) return std::move(i).error();
                 return Reply::json(to_json(*i), 201);
               });

  server.route(Method::get, "/api/v1/settings/segregation-thresholds", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto t = s.schools.thresholds(ctx.actor());
                 if (!t) return std::move(t).error();
                 return Reply::json(to_json(*t));
               });

  server.route(Method::put, "/api/v1/settings/segregation-thresholds", Access::login,
               [&s](RequestContext& ctx) -> http::HandlerResult {
                 auto body = http::json_body(ctx);
                 if (!body) return std::move(body).error();
                 http::FieldReader f(*body);
                 auto third = number(f, *body, "more_than_third", true);
                 auto half = number(f, *body, "more_than_half", true);
                 auto all = number(f, *body, "almost_all", true);
                 if (!f.ok()) return f.error();
                 auto t = s.schools.set_thresholds(ctx.actor(), {*third, *half, *all});
                 if (!t) return std::move(t).error();
                 return Reply::json(to_json(*t));
               });

  server.route(Method::get, "/api/v1/catchment", Access::login, [&s](RequestContext& ctx) -> http::HandlerResult {
    const std::string kod = ctx.query("kod_adm");
    const std::string level = ctx.query("level");
    std::int64_t kod_adm = 0;
    try {
      std::size_t used = 0;
      kod_adm = std::stoll(kod, &used);
      if (used != kod.size()) kod_adm = 0;
    } catch (const std::exception&) {
      kod_adm = 0;
    }
    if (kod_adm <= 0) return Error::field("kod_adm", "Give a RÚIAN address code (Kód ADM).");
    auto school = s.schools.catchment(ctx.actor(), kod_adm, level);
    if (!school) return std::move(school).error();
    return Reply::json({{"kod_adm", kod_adm}, {"level", level}, {"school", to_json(*school)}});
  });
}

}  // namespace kredo::api
