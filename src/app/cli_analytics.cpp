// kredo segregation | match | simulate: the analytics engines on the command line.
#include "app/cli.hpp"

namespace kredo::app {

void add_analytics_commands(CLI::App& /*app*/, CliContext& /*ctx*/) {}

}  // namespace kredo::app
