// kredo keys generate | keys rotate | restore | user reset-totp
#include <iostream>

#include "app/application.hpp"
#include "app/cli.hpp"
#include "app/restore.hpp"
#include "security/data_protection.hpp"

namespace kredo::app {

namespace {

struct Flags {
  ConfigOverrides o;
};

void add_db_flags(CLI::App* cmd, ConfigOverrides& o) {
  cmd->add_option_function<std::string>("--db", [&o](const std::string& v) { o.db = v; },
                                        "Database: sqlite:PATH or postgresql://user@host/db (default sqlite:var/kredo.db)");
  cmd->add_option_function<std::string>("--config", [&o](const std::string& v) { o.config_file = v; },
                                        "Config file (key = value lines)");
  cmd->add_option_function<std::string>("--key-file", [&o](const std::string& v) { o.data_key_file = v; },
                                        "The current data key file (default: KREDO_DATA_KEY_FILE, KREDO_DATA_KEY, "
                                        "else the development key next to the database)");
}

std::unique_ptr<Application> open(const ConfigOverrides& o, Config& config) {
  auto c = load_config(o, process_environment());
  if (!c) {
    std::cerr << "kredo: " << c.error().message << "\n";
    return nullptr;
  }
  config = *c;
  try {
    auto app = std::make_unique<Application>(config.db, nullptr, 2,
                                             security::KeyConfig{config.data_key, config.data_key_file, ""});
    if (auto st = app->migrator().check_ready(config.db); !st) {
      std::cerr << "kredo: " << st.error().message << "\n";
      return nullptr;
    }
    return app;
  } catch (const std::exception& e) {
    std::cerr << "kredo: " << e.what() << "\n";
    return nullptr;
  }
}

}  // namespace

void add_security_commands(CLI::App& app, CliContext& ctx) {
  // --- keys ---
  auto* keys = app.add_subcommand("keys", "Data keys for encryption at rest");
  keys->require_subcommand(1);
  auto* gen = keys->add_subcommand("generate", "Write a new random data key to a file (mode 0600)");
  static std::string gen_out;
  gen->add_option("--out", gen_out, "Key file to create (never overwritten)")->required();
  gen->callback([&ctx] {
    auto k = security::generate_data_key();
    if (auto st = security::write_key_file(gen_out, k); !st) {
      std::cerr << "kredo: " << st.error().message << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::cout << "data key " << k.id << " written to " << gen_out << "\n";
  });

  auto* rotate = keys->add_subcommand(
      "rotate", "Re-encrypt every encrypted value with a new key in one transaction; then configure the new key");
  static ConfigOverrides rotate_o;
  static std::string new_key_file;
  add_db_flags(rotate, rotate_o);
  rotate->add_option("--new-key-file", new_key_file, "The new key (from `kredo keys generate`)")->required();
  rotate->callback([&ctx] {
    Config config;
    auto app = open(rotate_o, config);
    if (!app) { ctx.exit_code = 1; return; }
    auto next = security::read_key_file(new_key_file);
    if (!next) { std::cerr << "kredo: " << next.error().message << "\n"; ctx.exit_code = 1; return; }
    try {
      auto r = security::rotate_data_key(app->db(), app->cipher(), *next);
      if (!r) { std::cerr << "kredo: " << r.error().message << "\n"; ctx.exit_code = 1; return; }
      std::cout << "re-encrypted " << r->values << " values: data key " << r->old_key_id << " -> " << r->new_key_id
                << "\nNow configure the new key (data_key_file = " << new_key_file
                << "), restart the servers, and destroy the old key.\n";
    } catch (const std::exception& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
    }
  });

  // --- restore ---
  auto* restore = app.add_subcommand("restore", "Restore a backup file (from `kredo backup`) into a database");
  static RestoreOptions ro;
  restore->add_option("--from", ro.from, "Backup file (SQLite)")->required();
  restore->add_option("--db", ro.to_url, "Target database: sqlite:PATH or postgresql://...")->required();
  restore->add_flag("--force", ro.force, "Replace a target database that holds data");
  restore->callback([&ctx] {
    try {
      auto r = restore_database(ro);
      if (!r) {
        std::cerr << "kredo: " << r.error().message << "\n";
        ctx.exit_code = r.error().code == ErrorCode::conflict ? 3 : 1;
        return;
      }
      std::cout << "restored " << r->rows << " rows in " << r->tables << " tables (schema version "
                << r->schema_version << ")\n";
    } catch (const std::exception& e) {
      std::cerr << "kredo: " << e.what() << "\n";
      ctx.exit_code = 1;
    }
  });

  // --- user reset-totp ---
  CLI::App* user = nullptr;
  try {
    user = app.get_subcommand("user");
  } catch (const CLI::OptionNotFound&) {
    user = nullptr;
  }
  if (user) {
    auto* reset = user->add_subcommand("reset-totp", "Remove a user's second factor (lost phone and recovery codes)");
    static ConfigOverrides reset_o;
    static std::string username;
    add_db_flags(reset, reset_o);
    reset->add_option("--username", username, "Login name")->required();
    reset->callback([&ctx] {
      Config config;
      auto app = open(reset_o, config);
      if (!app) { ctx.exit_code = 1; return; }
      auto st = app->services().auth.reset_totp(security::system_actor("cli"), username);
      if (!st) { std::cerr << "kredo: " << st.error().message << "\n"; ctx.exit_code = 1; return; }
      std::cout << "second factor removed for " << username << "; their sessions ended\n";
    });
  }
}

}  // namespace kredo::app
