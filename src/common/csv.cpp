// RFC 4180 parsing as a single pass state machine over the text.
#include "common/csv.hpp"

#include <string>
#include <utility>

namespace kredo::csv {

namespace {

std::string at_line(std::size_t line) { return "line " + std::to_string(line); }

}  // namespace

long CsvTable::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<long>(i);
  }
  return -1;
}

Result<std::vector<CsvRecord>> parse_csv(std::string_view text, const CsvOptions& options) {
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r') {
    return Error::invalid_request("CSV delimiter cannot be a quote or a line break");
  }
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

  std::vector<CsvRecord> records;
  CsvRecord current;
  std::string field;
  std::size_t line = 1;
  current.line = 1;
  // Whether the record under construction has anything in it yet (to tell an empty line from
  // a record made of one empty field, which only differ by skip_empty_lines).
  bool record_started = false;

  auto end_field = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    const bool empty_line = !record_started && current.fields.size() == 1 && current.fields[0].empty();
    if (!(empty_line && options.skip_empty_lines)) records.push_back(std::move(current));
    current = CsvRecord{};
    record_started = false;
  };

  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // At the start of a field.
    if (text[i] == '"') {
      record_started = true;
      const std::size_t quote_line = line;
      ++i;
      bool closed = false;
      while (i < n) {
        const char c = text[i];
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (c == '\n') ++line;
        if (c == '\r' && !(i + 1 < n && text[i + 1] == '\n')) ++line;
        field.push_back(c);
        ++i;
      }
      if (!closed) {
        return Error::invalid_request("CSV " + at_line(quote_line) + ": quoted field is not terminated");
      }
      // After the closing quote only a delimiter, a line end or the end of text may follow.
      if (i < n && text[i] != options.delimiter && text[i] != '\n' && text[i] != '\r') {
        return Error::invalid_request("CSV " + at_line(line) + ": unexpected character after closing quote");
      }
    } else {
      while (i < n && text[i] != options.delimiter && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"') {
          return Error::invalid_request("CSV " + at_line(line) +
                                        ": quote inside an unquoted field (quote the whole field and double the quote)");
        }
        field.push_back(text[i]);
        record_started = true;
        ++i;
      }
    }
    // At a delimiter, a line end or the end of text.
    if (i >= n) {
      end_field();
      end_record();
      break;
    }
    if (text[i] == options.delimiter) {
      record_started = true;
      end_field();
      ++i;
      // A delimiter just before a line end or the end of text means one more, empty, field.
      if (i >= n) {
        end_field();
        end_record();
      }
      continue;
    }
    // Line end: CRLF, LF or a lone CR.
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    end_field();
    end_record();
    ++line;
    current.line = line;
  }
  return records;
}

Result<CsvTable> parse_csv_table(std::string_view text, const CsvOptions& options) {
  auto parsed = parse_csv(text, options);
  if (!parsed.ok()) return std::move(parsed).error();
  auto& records = parsed.value();
  if (records.empty()) return Error::invalid_request("CSV is empty: no header row");
  CsvTable table;
  table.header = std::move(records.front().fields);
  table.rows.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != table.header.size()) {
      return Error::invalid_request("CSV " + at_line(records[r].line) + ": " +
                                    std::to_string(records[r].fields.size()) + " fields, the header has " +
                                    std::to_string(table.header.size()));
    }
    table.rows.push_back(std::move(records[r]));
  }
  return table;
}

std::string quote_field(std::string_view field, char delimiter) {
  if (field.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string neutralize_formula(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    std::string out(1, '\'');
    out.append(text);
    return out;
  }
  return std::string(text);
}

std::string format_row(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(delimiter);
    out += quote_field(fields[i], delimiter);
  }
  out.push_back('\n');
  return out;
}

}  // namespace kredo::csv
