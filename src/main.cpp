// kredo: one binary, the server and the command line.
#include <exception>
#include <iostream>

#include "app/cli.hpp"

int main(int argc, char** argv) {
  CLI::App app{"KREDO: case management and evidence for Roma children's access to non-segregated schools"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every command");
  kredo::app::CliContext ctx;
  kredo::app::add_server_commands(app, ctx);
  kredo::app::add_analytics_commands(app, ctx);
  kredo::app::add_import_commands(app, ctx);
  kredo::app::add_report_commands(app, ctx);
  kredo::app::add_security_commands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // usage error
  } catch (const std::exception& e) {
    std::cerr << "kredo: " << e.what() << "\n";
    return 1;
  }
  return ctx.exit_code;
}
