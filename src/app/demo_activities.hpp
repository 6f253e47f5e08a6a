// Demo activities, attendance, assessments and observations (issue 4); called at the end of load_demo().
#pragma once

#include <string>
#include <vector>

#include "app/application.hpp"

namespace kredo::app {

// Returns console lines (with the load time). Does nothing when demo groups exist already.
Result<std::vector<std::string>> load_demo_activities(Application& app, const std::string& scale);

}  // namespace kredo::app
