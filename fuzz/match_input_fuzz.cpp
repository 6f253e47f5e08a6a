// Fuzz target: the `kredo match` input reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analytics/matching_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)kredo::analytics::parse_matching_input(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
