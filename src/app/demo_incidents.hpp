// Demo incidents (called once at the end of load_demo).
#pragma once

#include "common/error.hpp"

namespace kredo::app {

class Application;
Status load_demo_incidents(Application& app);

}  // namespace kredo::app
