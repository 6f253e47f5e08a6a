// Fuzz target: the `kredo simulate` scenario reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analytics/simulation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)kredo::analytics::parse_scenario(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
