// CSV -> FrequencyTable, with the validation the command line reports as exit code 2.
#include "analytics/frequency_reader.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "common/csv.hpp"

namespace kredo::analytics {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<FrequencyTable> frequency_table_from_csv(std::string_view text, const FrequencyCsvSpec& spec) {
  csv::CsvOptions options;
  options.delimiter = spec.delimiter;
  auto parsed = csv::parse_csv_table(text, options);
  if (!parsed.ok()) return std::move(parsed).error();
  const auto& table = *parsed;
  if (table.rows.empty()) return Error::invalid_request("CSV has a header but no data rows");

  auto index_of = [&](const std::string& name) -> Result<std::size_t> {
    const long i = table.column_index(name);
    if (i < 0) {
      std::string available;
      for (const auto& h : table.header) available += (available.empty() ? "" : ", ") + h;
      return Error::invalid_request("column '" + name + "' is not in the CSV header (columns: " + available + ")");
    }
    return static_cast<std::size_t>(i);
  };

  std::vector<CategoricalColumn> columns;
  for (const auto& name : spec.categorical) {
    auto i = index_of(name);
    if (!i.ok()) return std::move(i).error();
    std::vector<std::string> values;
    values.reserve(table.rows.size());
    for (const auto& row : table.rows) values.push_back(row.fields[*i]);
    columns.push_back(encode_column(name, values));
  }

  std::vector<double> weights(table.rows.size(), 1.0);
  if (spec.weight) {
    auto i = index_of(*spec.weight);
    if (!i.ok()) return std::move(i).error();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::string_view field = trim(table.rows[r].fields[*i]);
      const std::string where = "line " + std::to_string(table.rows[r].line) + ": weight column '" + *spec.weight + "'";
      double value = 0;
      auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
      if (field.empty() || ec != std::errc{} || end != field.data() + field.size() || !std::isfinite(value)) {
        return Error::invalid_request(where + " has '" + std::string(field) + "', not a number");
      }
      if (value < 0) return Error::invalid_request(where + " is negative (" + std::string(field) + ")");
      weights[r] = value;
    }
  }
  return make_frequency_table(std::move(columns), std::move(weights));
}

Result<FrequencyTable> read_frequency_csv(const std::string& path, const FrequencyCsvSpec& spec) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid_request("cannot open '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.empty()) return Error::invalid_request("'" + path + "' is empty");
  auto table = frequency_table_from_csv(text, spec);
  if (!table.ok()) {
    Error e = std::move(table).error();
    e.message = path + ": " + e.message;
    return e;
  }
  return table;
}

}  // namespace kredo::analytics
