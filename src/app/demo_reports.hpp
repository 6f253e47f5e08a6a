// Demo monitoring report (called once at the end of load_demo).
#pragma once

#include <string>

#include "common/error.hpp"

namespace kredo::app {

class Application;
// At small scale: one submitted (frozen) monitoring report for the project's first reporting period,
// so the reports list has something to open. Nothing at national scale (benchmarks load it).
Status load_demo_reports(Application& app, const std::string& scale);

}  // namespace kredo::app
