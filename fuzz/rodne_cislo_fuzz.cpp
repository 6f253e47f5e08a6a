// Fuzz target: rodné číslo parsing, normalising and masking.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/rodne_cislo.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kredo::rules::parse_rodne_cislo(text);
  (void)kredo::rules::normalize_rodne_cislo(text);
  (void)kredo::rules::mask_rodne_cislo(text);
  return 0;
}
