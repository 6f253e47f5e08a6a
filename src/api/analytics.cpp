// /api/v1/analytics: segregation indices on a posted table, the Brno-like scenario and the
// admission-policy simulator. Aggregates only, no personal data: every logged-in role may use them.
#include <thread>

#include "analytics/segregation.hpp"
#include "analytics/segregation_report.hpp"
#include "analytics/simulation.hpp"
#include "api/routes.hpp"
#include "domain/school_segregation.hpp"

namespace kredo::api {

namespace {

// Draws the API runs in one request; more belong to `kredo simulate` on the command line.
constexpr int kMaxApiDraws = 500;

Result<analytics::FrequencyTable> table_from_rows(const nlohmann::json& rows) {
  if (!rows.is_array() || rows.empty()) return Error::field("rows", "Give at least one row {group, unit, weight}.");
  std::vector<std::string> groups, units;
  std::vector<double> weights;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string at = "rows[" + std::to_string(i) + "]";
    if (!r.is_object() || !r.contains("group") || !r.contains("unit") || !r["group"].is_string() || !r["unit"].is_string())
      return Error::field(at, "Each row needs text fields group and unit.");
    double w = 1;
    if (r.contains("weight")) {
      if (!r["weight"].is_number() || r["weight"].get<double>() < 0)
        return Error::field(at + ".weight", "The weight must be a number, 0 or more.");
      w = r["weight"].get<double>();
    }
    groups.push_back(r["group"].get<std::string>());
    units.push_back(r["unit"].get<std::string>());
    weights.push_back(w);
  }
  std::vector<analytics::CategoricalColumn> cols;
  cols.push_back(analytics::encode_column("group", groups));
  cols.push_back(analytics::encode_column("unit", units));
  return analytics::make_frequency_table(std::move(cols), std::move(weights));
}

}  // namespace

void register_analytics_routes(http::HttpServer& server, app::Services& services) {
  server.route(http::Method::get, "/api/v1/analytics/school-segregation", http::Access::login,
               [&services](http::RequestContext& ctx) -> http::HandlerResult {
    std::string level = ctx.query("level").empty() ? "zs" : ctx.query("level");
    auto years = domain::school_segregation(services.db, level);
    if (!years) return std::move(years).error();
    auto out = nlohmann::json::array();
    for (const auto& y : *years) {
      auto schools = nlohmann::json::array();
      for (const auto& s : y.schools)
        schools.push_back({{"id", s.id}, {"name", s.name}, {"minority_share", s.minority_share}, {"status", s.status},
                           {"local_ls", s.local_ls}, {"local_p", s.local_p}});
      auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
      out.push_back({{"school_year", y.school_year}, {"N", y.n}, {"M", opt(y.m)}, {"H", opt(y.h)}, {"D", opt(y.d)},
                     {"schools_without_capacity", y.schools_without_capacity}, {"schools", schools}});
    }
    return http::Reply::json({{"level", level},
                              {"weights", "Each school's latest estimated Roma share times its registered capacity "
                                          "(enrolment per school is not public)."},
                              {"years", out}});
  });

  server.route(http::Method::post, "/api/v1/analytics/segregation", http::Access::login,
               [](http::RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    auto table = table_from_rows((*body)["rows"]);
    if (!table) return std::move(table).error();
    analytics::SegregationRequest req;
    req.group = "group";
    req.unit = "unit";
    req.local = body->value("local", true);
    req.exposure = body->value("exposure", true);
    if (body->contains("groups")) {
      const auto& g = (*body)["groups"];
      if (!g.is_array() || g.size() != 2 || !g[0].is_string() || !g[1].is_string())
        return Error::field("groups", "Name exactly two groups for the dissimilarity index D.");
      req.d_groups = std::make_pair(g[0].get<std::string>(), g[1].get<std::string>());
    }
    auto report = analytics::analyze_segregation(*table, req);
    if (!report) return std::move(report).error();
    http::Reply r;
    r.raw_body = analytics::to_json(*report).dump();
    return r;
  });

  server.route(http::Method::get, "/api/v1/analytics/scenarios/brno", http::Access::login,
               [](http::RequestContext& ctx) -> http::HandlerResult {
    std::uint64_t seed = 1;
    if (!ctx.query("seed").empty()) {
      try {
        seed = std::stoull(ctx.query("seed"));
      } catch (...) {
        return Error::field("seed", "The seed must be a whole number.");
      }
    }
    http::Reply r;
    r.raw_body = analytics::scenario_to_json(analytics::generate_brno(seed)).dump();
    return r;
  });

  server.route(http::Method::post, "/api/v1/analytics/simulate", http::Access::login,
               [](http::RequestContext& ctx) -> http::HandlerResult {
    auto body = http::json_body(ctx);
    if (!body) return std::move(body).error();
    http::FieldReader f(*body);
    auto draws = f.integer("draws", false);
    auto seed = f.integer("seed", false);
    if (draws && (*draws < 1 || *draws > kMaxApiDraws))
      f.add("draws", "Between 1 and " + std::to_string(kMaxApiDraws) + " draws here; use `kredo simulate` for more.");
    if (seed && *seed < 0) f.add("seed", "The seed must be 0 or more.");
    if (!f.ok()) return f.error();
    analytics::Scenario scenario;
    if (body->contains("scenario") && !(*body)["scenario"].is_null()) {
      auto parsed = analytics::parse_scenario((*body)["scenario"].dump());
      // The body was valid JSON; a scenario that does not fit is a field error, not a malformed request.
      if (!parsed) return Error::field("scenario", parsed.error().message);
      scenario = std::move(parsed).value();
    } else {
      scenario = analytics::generate_brno(static_cast<std::uint64_t>(seed.value_or(1)));
    }
    analytics::SimulationOptions opts;
    opts.draws = static_cast<int>(draws.value_or(100));
    opts.seed = static_cast<std::uint64_t>(seed.value_or(1));
    opts.threads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
    auto result = analytics::simulate(scenario, opts);
    if (!result) return std::move(result).error();
    http::Reply r;
    r.raw_body = analytics::simulation_to_json(scenario, *result).dump();
    return r;
  });
}

}  // namespace kredo::api
