// kredo serve | migrate | demo | user | retention | backup | version
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <thread>

#include "app/application.hpp"
#include "app/cli.hpp"
#include "security/crypto.hpp"
#include "storage/db/postgres_database.hpp"

namespace kredo::app {

namespace {

struct CommonFlags {
  ConfigOverrides o;
  std::string config_file, db;
};

void add_common(CLI::App* cmd, ConfigOverrides& o) {
  cmd->add_option_function<std::string>("--db", [&o](const std::string& v) { o.db = v; },
                                        "Database: sqlite:PATH or postgresql://user@host/db (default sqlite:var/kredo.db)");
  cmd->add_option_function<std::string>("--config", [&o](const std::string& v) { o.config_file = v; },
                                        "Config file (key = value lines)");
  cmd->add_option_function<std::string>("--key-file", [&o](const std::string& v) { o.data_key_file = v; },
                                        "Data key file for encryption at rest (default: KREDO_DATA_KEY_FILE, "
                                        "KREDO_DATA_KEY, else a generated development key next to the database)");
}

// Loads configuration and opens the database; prints the reason and returns nullptr on failure.
std::unique_ptr<Application> open_app(const ConfigOverrides& o, Config& config, int connections = 16) {
  auto c = load_config(o, process_environment());
  if (!c) {
    std::cerr << "kredo: " << c.error().message << "\n";
    return nullptr;
  }
  config = *c;
  try {
    return std::make_unique<Application>(config.db, nullptr, connections,
                                         security::KeyConfig{config.data_key, config.data_key_file, ""});
  } catch (const std::exception& e) {
    std::cerr << "kredo: " << e.what() << "\n";
    return nullptr;
  }
}

std::string read_password_stdin() {
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

void print_error(const Error& e) {
  std::cerr << "kredo: " << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
}

int exit_code_for(const Error& e) {
  return e.code == ErrorCode::validation_failed || e.code == ErrorCode::invalid_request ? 2 : 1;
}

}  // namespace

void add_server_commands(CLI::App& app, CliContext& ctx) {
  static ConfigOverrides serve_o, migrate_o, demo_o, user_o, reset_o, backup_o, retention_o;

  // --- serve ---
  auto* serve = app.add_subcommand("serve", "Serve the web app and the API");
  add_common(serve, serve_o);
  serve->add_option_function<std::string>("--listen", [](const std::string& v) { serve_o.listen = v; },
                                          "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option_function<int>("--threads", [](int v) { serve_o.threads = v; }, "Worker threads (default 64)")
      ->check(CLI::Range(1, 1024));
  serve->add_option_function<std::string>("--web-root", [](const std::string& v) { serve_o.web_root = v; },
                                          "Folder of the built web app (default web/dist)");
  serve->callback([&ctx] {
    Config config;
    auto app = open_app(serve_o, config);
    if (!app) { ctx.exit_code = 1; return; }
    spdlog::set_level(spdlog::level::from_str(config.log_level));
    if (auto st = app->migrator().check_ready(config.db); !st) {
      std::cerr << "kredo: " << st.error().message << "\n";
      ctx.exit_code = 1;
      return;
    }
    auto listen = parse_listen(config.listen);
    if (!listen) { std::cerr << "kredo: " << listen.error().message << "\n"; ctx.exit_code = 2; return; }
    http::ServerOptions opts;
    opts.host = listen->first;
    opts.port = listen->second;
    opts.threads = config.threads;
    opts.web_root = config.web_root;
    opts.secure_cookies = config.secure_cookies;
    if (!std::filesystem::is_directory(config.web_root))
      spdlog::warn("web app folder '{}' not found: only the API is served (build it with `make web`)", config.web_root);

    // Signals are taken by one thread that stops the server; the rest never see them.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);

    // Memory: freed memory stays in glibc's arenas; a trim every 30 s hands the free pages back, so that
    // resident memory follows the load instead of ratcheting up (make soak checks the drift). The arenas
    // are capped at one per core (at least 2) instead of glibc's 8 per core: with 64 request threads each
    // arena fragmented on its own, and the 10-minute national soak's resident memory grew from 244 to 450 MiB
    // (+84 %) after the warm-up; capped, +9 % in the same workload, and the registry search lost nothing
    // (measured 29 Nov 2026; an earlier cap of 4 arenas had halved it, when every request still took the
    // audit writer's mutex after each commit).
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));
    std::mutex trim_mutex;
    std::condition_variable trim_cv;
    bool stopping = false;
    std::thread trimmer([&] {
      std::unique_lock<std::mutex> lk(trim_mutex);
      while (!trim_cv.wait_for(lk, std::chrono::seconds(30), [&] { return stopping; })) malloc_trim(0);
    });
    struct StopTrimmer {
      std::mutex& m;
      std::condition_variable& cv;
      bool& stopping;
      std::thread& t;
      ~StopTrimmer() {
        {
          std::lock_guard<std::mutex> lk(m);
          stopping = true;
        }
        cv.notify_all();
        t.join();
      }
    } stop_trimmer{trim_mutex, trim_cv, stopping, trimmer};

    std::unique_ptr<http::HttpServer> server;
    try {
      server = app->make_server(opts);
    } catch (const std::exception& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
      return;
    }
    int port;
    try {
      port = server->bind();
    } catch (const std::exception& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::thread signals([&server, set] {
      int sig = 0;
      sigwait(&set, &sig);
      spdlog::info("signal {}: stopping", sig);
      server->stop();
    });
    std::printf("KREDO %s serving http://%s:%d (%s)\n", KREDO_VERSION, opts.host.c_str(), port,
                storage::dialect_name(app->db().dialect()));
    std::fflush(stdout);
    server->listen();
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
    ctx.exit_code = 0;
  });

  // --- migrate ---
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  add_common(migrate, migrate_o);
  static bool status_only = false;
  migrate->add_flag("--status", status_only, "Only show which migrations are applied and pending");
  migrate->callback([&ctx] {
    Config config;
    auto app = open_app(migrate_o, config, 2);
    if (!app) { ctx.exit_code = 1; return; }
    try {
      if (status_only) {
        auto st = app->migrator().status();
        std::cout << "database schema version " << st.database_version << ", this kredo knows " << st.binary_version
                  << "\n";
        for (const auto& m : st.pending) std::cout << "pending: " << m.version << " " << m.name << "\n";
        for (const auto& p : st.problems) std::cout << "problem: " << p << "\n";
        ctx.exit_code = st.problems.empty() ? 0 : 1;
        return;
      }
      auto done = app->migrator().migrate();
      if (!done) { print_error(done.error()); ctx.exit_code = 1; return; }
      if (done->empty()) std::cout << "schema is up to date (version " << app->migrator().status().database_version << ")\n";
      for (int v : *done) std::cout << "applied migration " << v << "\n";
    } catch (const storage::DbError& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
    }
  });

  // --- demo ---
  auto* demo = app.add_subcommand("demo", "Load fictional demo data (only into a database without it)");
  add_common(demo, demo_o);
  static std::string scale = "small";
  demo->add_option("--scale", scale, "small (a Brno team's caseload) or national (100,000 children, for benchmarks)")
      ->check(CLI::IsMember({"small", "national"}));
  demo->callback([&ctx] {
    Config config;
    auto app = open_app(demo_o, config, 2);
    if (!app) { ctx.exit_code = 1; return; }
    try {
      auto done = app->migrator().migrate();
      if (!done) { print_error(done.error()); ctx.exit_code = 1; return; }
      auto r = load_demo(*app, scale);
      if (!r) { print_error(r.error()); ctx.exit_code = exit_code_for(r.error()); return; }
      for (const auto& l : *r) std::cout << l << "\n";
    } catch (const storage::DbError& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
    }
  });

  // --- user ---
  auto* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* create = user->add_subcommand("create", "Create a user (prints a generated password unless --password-stdin)");
  add_common(create, user_o);
  static std::string c_username, c_role, c_team;
  static bool c_stdin = false;
  create->add_option("--username", c_username, "Login name")->required();
  create->add_option("--role", c_role, "admin, coordinator, worker or analyst")
      ->required()
      ->check(CLI::IsMember({"admin", "coordinator", "worker", "analyst"}));
  create->add_option("--team", c_team, "Team name (created when missing)");
  create->add_flag("--password-stdin", c_stdin, "Read the password from the first line of standard input");
  create->callback([&ctx] {
    Config config;
    auto app = open_app(user_o, config, 2);
    if (!app) { ctx.exit_code = 1; return; }
    if (auto st = app->migrator().check_ready(config.db); !st) {
      std::cerr << "kredo: " << st.error().message << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::string password = c_stdin ? read_password_stdin() : security::random_hex(10);
    domain::NewUser n{c_username, password, c_role, c_team.empty() ? std::nullopt : std::optional<std::string>(c_team)};
    auto r = app->services().users.create(security::system_actor("cli"), n, true);
    if (!r) { print_error(r.error()); ctx.exit_code = exit_code_for(r.error()); return; }
    std::cout << "created user " << r->username << " (" << security::role_name(r->role) << ")\n";
    if (!c_stdin) std::cout << "password: " << password << "\n";
  });
  auto* reset = user->add_subcommand("reset-password", "Set a new password for a user and end their sessions");
  add_common(reset, reset_o);
  static std::string r_username;
  static bool r_stdin = false;
  reset->add_option("--username", r_username, "Login name")->required();
  reset->add_flag("--password-stdin", r_stdin, "Read the password from the first line of standard input");
  reset->callback([&ctx] {
    Config config;
    auto app = open_app(reset_o, config, 2);
    if (!app) { ctx.exit_code = 1; return; }
    if (auto st = app->migrator().check_ready(config.db); !st) {
      std::cerr << "kredo: " << st.error().message << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::string password = r_stdin ? read_password_stdin() : security::random_hex(10);
    auto r = app->services().users.reset_password(security::system_actor("cli"), r_username, password);
    if (!r) { print_error(r.error()); ctx.exit_code = exit_code_for(r.error()); return; }
    std::cout << "password reset for " << r->username << "\n";
    if (!r_stdin) std::cout << "password: " << password << "\n";
  });

  // --- retention ---
  auto* retention = app.add_subcommand("retention", "Data retention (GDPR storage limitation)");
  retention->require_subcommand(1);
  auto* run = retention->add_subcommand(
      "run", "List people whose retention period has ended (not on legal hold); --apply anonymises them");
  add_common(run, retention_o);
  static bool apply = false;
  run->add_flag("--apply", apply, "Anonymise the listed people (default: only list them)");
  run->callback([&ctx] {
    Config config;
    auto app = open_app(retention_o, config, 2);
    if (!app) { ctx.exit_code = 1; return; }
    if (auto st = app->migrator().check_ready(config.db); !st) {
      std::cerr << "kredo: " << st.error().message << "\n";
      ctx.exit_code = 1;
      return;
    }
    try {
      auto& gdpr = app->services().gdpr;
      const auto actor = security::system_actor("retention");
      auto policy = gdpr.retention_policy();
      std::cout << "retention: " << policy.years_after_project_end << " years after the project's end ("
                << policy.project_end << "), until " << policy.retention_end << "\n";
      auto due = gdpr.retention_candidates(actor);
      if (!due) { print_error(due.error()); ctx.exit_code = exit_code_for(due.error()); return; }
      // Ids only: the console output may end up in logs, names must not.
      for (const auto& c : *due) std::cout << "due: person " << c.id << " (family " << c.family_id << ")\n";
      std::cout << due->size() << " people past retention and not on legal hold\n";
      if (!apply) return;
      auto n = gdpr.apply_retention(actor);
      if (!n) { print_error(n.error()); ctx.exit_code = exit_code_for(n.error()); return; }
      std::cout << "anonymised " << *n << " people\n";
    } catch (const storage::DbError& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
    }
  });

  // --- backup ---
  auto* backup = app.add_subcommand("backup", "Copy the database online to a file and check the copy");
  add_common(backup, backup_o);
  static std::string to;
  backup->add_option("--to", to, "Backup file")->required();
  backup->callback([&ctx] {
    Config config;
    auto app = open_app(backup_o, config, 2);
    if (!app) { ctx.exit_code = 1; return; }
    if (app->db().dialect() == storage::Dialect::postgresql) {
      std::cout << "PostgreSQL is backed up with its own tools; run:\n  pg_dump --format=custom --file='" << to
                << "' '" << storage::redact_database_url(config.db) << "'\n"
                << "and see docs/operations.md for base backups and point-in-time recovery.\n";
      return;
    }
    try {
      app->db().backup_to(to);
      std::cout << "backup written to " << to << " (integrity check ok)\n";
    } catch (const storage::DbError& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
    }
  });

  // --- version ---
  auto* version = app.add_subcommand("version", "Print the version");
  version->callback([&ctx] {
    std::cout << "kredo " << KREDO_VERSION << "\n";
    ctx.exit_code = 0;
  });
}

}  // namespace kredo::app
