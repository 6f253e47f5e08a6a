// kredo serve | migrate | demo | user | backup | version
#include <iostream>

#include "app/cli.hpp"

namespace kredo::app {

void add_server_commands(CLI::App& app, CliContext& ctx) {
  auto* version = app.add_subcommand("version", "Print the version");
  version->callback([&ctx] {
    std::cout << "kredo " << KREDO_VERSION << "\n";
    ctx.exit_code = 0;
  });
}

}  // namespace kredo::app
