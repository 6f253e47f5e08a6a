// Reads a large CSV file in bounded memory: 1 MiB chunks cut at record boundaries, each parsed
// by our RFC 4180 reader (common/csv.hpp). Windows-1250 input (RÚIAN exports) is detected and
// converted to UTF-8 with iconv; a line the reader cannot parse is handed out as a bad line
// instead of failing the whole file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/csv.hpp"
#include "common/error.hpp"

namespace kredo::importers {

struct CsvLine {
  std::vector<std::string> fields;
  std::size_t line = 0;              // 1-based physical line
  std::optional<std::string> error;  // set when this line could not be parsed
};

enum class TextEncoding { utf8, windows1250 };
const char* encoding_name(TextEncoding e);

// UTF-8 unless the text has a byte sequence that is not valid UTF-8 (Windows-1250 letters with
// diacritics are such sequences); a UTF-8 byte-order mark decides at once. A sequence cut off at
// the very end of `sample` does not count against UTF-8.
TextEncoding detect_encoding(std::string_view sample);

// Converts Windows-1250 bytes to UTF-8 (bytes undefined in the code page become U+FFFD).
std::string windows1250_to_utf8(std::string_view bytes);

class CsvFileReader {
 public:
  // invalid_request naming the path when the file cannot be opened.
  static Result<std::unique_ptr<CsvFileReader>> open(const std::string& path, char delimiter);
  ~CsvFileReader();

  // The next record or bad line; false at the end of the file.
  bool next(CsvLine& out);
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t total_bytes() const { return total_bytes_; }
  TextEncoding encoding() const { return encoding_; }

 private:
  CsvFileReader(std::FILE* f, std::uint64_t size, char delimiter);
  // Reads and parses the next chunk into ready_; false when the file is exhausted.
  bool fill();
  void parse_block(std::string_view block, std::size_t first_line);

  std::FILE* file_;
  std::uint64_t total_bytes_;
  std::uint64_t bytes_read_ = 0;
  csv::CsvOptions options_;
  bool encoding_known_ = false;
  TextEncoding encoding_ = TextEncoding::utf8;
  std::string pending_;          // UTF-8 text not yet parsed
  std::size_t scanned_ = 0;      // pending_[0, scanned_) has been scanned for quotes
  bool in_quotes_ = false;       // quote parity at scanned_
  std::size_t cut_ = 0;          // end of the last complete record found (after its '\n')
  std::size_t next_line_ = 1;    // physical line number of pending_[0]
  bool eof_ = false;
  std::deque<CsvLine> ready_;
};

}  // namespace kredo::importers
