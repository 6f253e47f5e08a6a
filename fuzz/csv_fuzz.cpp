// Fuzz target: the RFC 4180 CSV reader must never crash, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kredo::csv::parse_csv(text);
  kredo::csv::CsvOptions semicolon;
  semicolon.delimiter = ';';
  (void)kredo::csv::parse_csv_table(text, semicolon);
  return 0;
}
