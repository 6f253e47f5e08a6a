// Fuzz target: the segregation CSV reader (group, unit, weight columns).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analytics/frequency_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kredo::analytics::FrequencyCsvSpec spec;
  spec.categorical = {"race", "school"};
  spec.weight = "n";
  (void)kredo::analytics::frequency_table_from_csv(std::string_view(reinterpret_cast<const char*>(data), size), spec);
  return 0;
}
