// Fuzz target: the funder's participant list CSV (GET /api/v1/reports/{id}/participants.csv). There is no participant
// CSV importer in KREDO: the list is written by the server from stored names and read back by the funder's
// spreadsheet. The input is split into cells at '\n' (rows at '\x01'); each cell is neutralised against spreadsheet
// formulas and written with csv::format_row after the byte-order mark and a header, each row starting with the
// participant's numeric id, as the report does. Checked: the CSV reader reads the very same cells back (quoting
// round-trips), and no text cell starts with a formula character (= + - @ tab CR).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::vector<std::string>> rows{{"ID účastníka", "Jméno"}, {"1"}};
  std::string cell;
  for (char c : in) {
    if (c == '\n') {
      rows.back().push_back(kredo::csv::neutralize_formula(cell));
      cell.clear();
    } else if (c == '\x01') {
      rows.back().push_back(kredo::csv::neutralize_formula(cell));
      cell.clear();
      rows.push_back({std::to_string(rows.size())});
    } else {
      cell += c;
    }
  }
  rows.back().push_back(kredo::csv::neutralize_formula(cell));
  std::string out = "\xEF\xBB\xBF";
  for (const auto& r : rows) out += kredo::csv::format_row(r);
  auto parsed = kredo::csv::parse_csv(out);
  if (!parsed) std::abort();  // what we write must read back
  if (parsed->size() != rows.size()) std::abort();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& got = (*parsed)[i].fields;
    if (got.size() != rows[i].size()) std::abort();
    if (got[0] != rows[i][0]) std::abort();
    for (std::size_t j = 1; j < got.size(); ++j) {
      if (got[j] != rows[i][j]) std::abort();
      const std::string& v = got[j];
      if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        std::abort();
    }
  }
  return 0;
}
