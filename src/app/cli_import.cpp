// kredo import schools|addresses|catchments FILE: the MŠMT register, RÚIAN address points and
// catchment tables into the database, with a progress bar (only on a terminal) and a summary.
// Exit codes: 0 all rows taken, 1 something rejected or failed, 2 usage errors.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/application.hpp"
#include "app/cli.hpp"
#include "importers/catchments.hpp"
#include "importers/ruian_addresses.hpp"
#include "importers/school_register.hpp"

namespace kredo::app {

namespace {

struct ImportArgs {
  std::string kind;
  std::string file;
  ConfigOverrides config;
  std::optional<std::int64_t> municipality;
  bool all_or_nothing = false;
};

// A one-line bar on stderr by bytes read, redrawn at most once per percent.
class ByteProgress {
 public:
  void update(std::uint64_t done, std::uint64_t total) {
    if (total == 0) return;
    const int percent = static_cast<int>(std::min<std::uint64_t>(100, 100 * done / total));
    if (percent == last_) return;
    last_ = percent;
    constexpr int kWidth = 30;
    const int filled = kWidth * percent / 100;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << percent << " %" << std::flush;
  }
  void finish() {
    if (last_ >= 0) std::cerr << "\n";
  }

 private:
  int last_ = -1;
};

int run_import(const ImportArgs& args) {
  if (!std::filesystem::is_regular_file(args.file)) {
    std::cerr << "kredo import: '" << args.file << "' is not a readable file\n";
    return 2;
  }
  auto config = load_config(args.config, process_environment());
  if (!config) {
    std::cerr << "kredo import: " << config.error().message << "\n";
    return 2;
  }
  std::unique_ptr<Application> app;
  try {
    app = std::make_unique<Application>(config->db, nullptr, 2);
  } catch (const storage::DbError& e) {
    std::cerr << "kredo import: " << e.what() << "\n";
    return 1;
  }
  if (auto st = app->migrator().check_ready(config->db); !st) {
    std::cerr << "kredo import: " << st.error().message << "\n";
    return 1;
  }
  importers::ImportOptions options;
  options.municipality = args.municipality;
  options.all_or_nothing = args.all_or_nothing;
  ByteProgress bar;
  if (::isatty(STDERR_FILENO)) options.progress = [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };

  auto& s = app->services();
  Result<importers::ImportSummary> summary = Error::internal("unknown import kind");
  if (args.kind == "schools")
    summary = importers::import_school_register(s.db, s.clock, s.schools.collator(), args.file, options);
  else if (args.kind == "addresses")
    summary = importers::import_ruian_addresses(s.db, s.clock, args.file, options);
  else
    summary = importers::import_catchments(s.db, s.clock, args.file, options);
  bar.finish();
  if (!summary) {
    std::cerr << "kredo import: " << summary.error().message << "\n";
    return summary.error().code == ErrorCode::invalid_request ? 2 : 1;
  }
  std::cout << importers::format_summary(*summary);
  return summary->clean() ? 0 : 1;
}

}  // namespace

void add_import_commands(CLI::App& app, CliContext& ctx) {
  static ImportArgs args;
  auto* cmd = app.add_subcommand("import", "Import the school register, RÚIAN addresses or catchment tables");
  cmd->add_option("kind", args.kind, "What the file holds: schools (MŠMT register XML or JSON-LD), "
                                     "addresses (RÚIAN address points CSV), catchments (kod_adm;izo[;level] CSV)")
      ->required()
      ->check(CLI::IsMember({"schools", "addresses", "catchments"}));
  cmd->add_option("file", args.file, "The file to import")->required();
  cmd->add_option_function<std::string>("--db", [](const std::string& v) { args.config.db = v; },
                                        "Database: sqlite:PATH or postgresql://user@host/db (default sqlite:var/kredo.db)");
  cmd->add_option_function<std::string>("--config", [](const std::string& v) { args.config.config_file = v; },
                                        "Config file (key = value lines)");
  cmd->add_option_function<std::int64_t>("--municipality", [](std::int64_t v) { args.municipality = v; },
                                         "Keep only this municipality's rows (RÚIAN Kód obce; Brno 582786)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--all-or-nothing", args.all_or_nothing, "Save nothing if any row is rejected");
  cmd->callback([&ctx] { ctx.exit_code = run_import(args); });
}

}  // namespace kredo::app
