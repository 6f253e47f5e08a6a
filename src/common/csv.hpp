// One small RFC 4180 CSV reader for every importer: quoted fields, "" escapes, CRLF/LF/CR line ends,
// a configurable delimiter, and errors that name the line where the problem starts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace kredo::csv {

struct CsvOptions {
  char delimiter = ',';
  // A line with nothing on it is not a record (spreadsheets leave trailing blank lines).
  bool skip_empty_lines = true;
};

struct CsvRecord {
  std::vector<std::string> fields;
  // 1-based physical line on which the record starts (a quoted field may span lines).
  std::size_t line = 0;
};

// A header row plus data rows, each row as wide as the header.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;

  // Index of the named header column, or -1.
  long column_index(std::string_view name) const;
};

// Splits text into records. A leading UTF-8 byte-order mark is ignored. Errors (code
// invalid_request) name the line: an unterminated quoted field, text after a closing quote,
// a quote inside an unquoted field.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text, const CsvOptions& options = {});

// parse_csv, then takes the first record as the header. Fails on empty input and on rows whose
// field count differs from the header's, naming the line.
Result<CsvTable> parse_csv_table(std::string_view text, const CsvOptions& options = {});

// Writing: quotes a field when it holds the delimiter, a quote or a line break (RFC 4180).
std::string quote_field(std::string_view field, char delimiter = ',');

// Prefixes ' to text starting with = + - @ tab or CR, so a spreadsheet shows user-supplied text
// instead of running it as a formula. Only for text cells: numbers must stay numbers.
std::string neutralize_formula(std::string_view text);

// One record: quoted fields joined by the delimiter, ending in "\n".
std::string format_row(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace kredo::csv
