// Reads long-format frequency data (categorical columns + an optional weight column) from CSV:
// the only file IO of the segregation engine. Every input problem is an invalid_request naming
// the column or line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/segregation.hpp"
#include "common/error.hpp"

namespace kredo::analytics {

struct FrequencyCsvSpec {
  std::vector<std::string> categorical;  // columns to keep as categorical variables
  std::optional<std::string> weight;     // absent: every row weighs 1
  char delimiter = ',';
};

// Parses CSV text. Fails on empty text, a header without data rows, a missing column, and a weight
// that is not a finite number >= 0 (message names the line).
Result<FrequencyTable> frequency_table_from_csv(std::string_view text, const FrequencyCsvSpec& spec);

// Reads the file, then frequency_table_from_csv.
Result<FrequencyTable> read_frequency_csv(const std::string& path, const FrequencyCsvSpec& spec);

}  // namespace kredo::analytics
