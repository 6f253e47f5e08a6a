// The CLI's command groups. Each cli_*.cpp adds its subcommands to the one CLI::App that main.cpp owns.
// A subcommand's callback stores its exit code in CliContext (0 ok, 1 failure, 2 usage error).
#pragma once

#include <CLI/CLI.hpp>

namespace kredo::app {

struct CliContext {
  int exit_code = 0;
};

// serve, migrate, demo, user, retention, backup, version
void add_server_commands(CLI::App& app, CliContext& ctx);
// segregation, match, simulate
void add_analytics_commands(CLI::App& app, CliContext& ctx);
// import schools|addresses|catchments
void add_import_commands(CLI::App& app, CliContext& ctx);
// indicators (funder monitoring, issue 6)
void add_report_commands(CLI::App& app, CliContext& ctx);
// keys generate|rotate, restore, user reset-totp (after add_server_commands)
void add_security_commands(CLI::App& app, CliContext& ctx);

}  // namespace kredo::app
