// kredo indicators [--from D] [--to D] [--json]: computes the full indicator set for a period (by
// default the project's whole period) and prints each value and the time the computation took.
// The benchmark (bench/reports_bench.sh) times it against the same aggregations written as SQL.
#include <chrono>
#include <iostream>

#include "app/application.hpp"
#include "app/cli.hpp"
#include "reports/report_service.hpp"

namespace kredo::app {

namespace {

struct IndicatorArgs {
  ConfigOverrides config;
  std::string from, to;
  bool json = false;
  int repeat = 1;
};

int run_indicators(const IndicatorArgs& args) {
  auto config = load_config(args.config, process_environment());
  if (!config) {
    std::cerr << "kredo indicators: " << config.error().message << "\n";
    return 2;
  }
  std::unique_ptr<Application> app;
  try {
    // The configured data key (KREDO_DATA_KEY_FILE, KREDO_DATA_KEY, data_key_file), else the
    // development key beside the database: special-category answers are encrypted at rest.
    app = std::make_unique<Application>(config->db, nullptr, 2,
                                        security::KeyConfig{config->data_key, config->data_key_file, ""});
  } catch (const std::exception& e) {  // storage::DbError, or a data key that cannot be read
    std::cerr << "kredo indicators: " << e.what() << "\n";
    return 1;
  }
  if (auto st = app->migrator().check_ready(config->db); !st) {
    std::cerr << "kredo indicators: " << st.error().message << "\n";
    return 1;
  }
  auto actor = security::system_actor("cli:indicators");
  actor.role = security::Role::coordinator;
  auto project = app->services().reports.project(actor);
  if (!project) {
    std::cerr << "kredo indicators: " << project.error().message << "\n";
    return 1;
  }
  const std::string from = args.from.empty() ? project->period_from : args.from;
  const std::string to = args.to.empty() ? project->period_to : args.to;
  Result<nlohmann::json> doc = Error::internal("not run");
  double best_ms = 1e18;
  for (int i = 0; i < std::max(1, args.repeat); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    doc = app->services().reports.indicators(actor, from, to);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    best_ms = std::min(best_ms, ms);
    if (!doc) break;
  }
  if (!doc) {
    std::cerr << "kredo indicators: " << doc.error().message << "\n";
    return doc.error().code == ErrorCode::validation_failed ? 2 : 1;
  }
  if (args.json) {
    std::cout << doc->dump(2) << "\n";
  } else {
    for (const auto& i : (*doc)["indicators"]) {
      std::cout << i["code"].get<std::string>() << "\t"
                << (i["status"] == "ok" ? i["value"].dump() : "unavailable: " + i["reason"].get<std::string>());
      if (i["breakdown_kind"] != "")
        for (const auto& c : i["breakdown"]) std::cout << "\t" << c["key"].get<std::string>() << "=" << c["value"].dump();
      std::cout << "\n";
    }
  }
  std::cerr << "indicators " << from << ".." << to << ": " << best_ms << " ms\n";
  return 0;
}

}  // namespace

void add_report_commands(CLI::App& app, CliContext& ctx) {
  static IndicatorArgs args;
  auto* cmd = app.add_subcommand("indicators", "Compute the indicator set for a period and print it with its timing");
  cmd->add_option_function<std::string>("--db", [](const std::string& v) { args.config.db = v; },
                                        "Database: sqlite:PATH or postgresql://user@host/db (default sqlite:var/kredo.db)");
  cmd->add_option_function<std::string>("--config", [](const std::string& v) { args.config.config_file = v; },
                                        "Config file (key = value lines)");
  cmd->add_option("--from", args.from, "First day YYYY-MM-DD (default: the project's start)");
  cmd->add_option("--to", args.to, "Last day YYYY-MM-DD (default: the project's end)");
  cmd->add_option("--repeat", args.repeat, "Compute N times and report the best time")->check(CLI::PositiveNumber);
  cmd->add_flag("--json", args.json, "Print the whole document as JSON");
  cmd->callback([&ctx] { ctx.exit_code = run_indicators(args); });
}

}  // namespace kredo::app
