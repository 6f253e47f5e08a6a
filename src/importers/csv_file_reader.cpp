#include "importers/csv_file_reader.hpp"

#include <iconv.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kredo::importers {

namespace {

constexpr std::size_t kChunkBytes = 1 << 20;

// Length of a valid UTF-8 sequence at s[i], 0 when invalid, -1 when cut off by the end.
int utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || (len == 2 && c < 0xC2)) return 0;
  for (int k = 1; k < len; ++k) {
    if (i + k >= s.size()) return -1;
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace

const char* encoding_name(TextEncoding e) { return e == TextEncoding::utf8 ? "utf-8" : "windows-1250"; }

TextEncoding detect_encoding(std::string_view sample) {
  if (sample.substr(0, 3) == "\xEF\xBB\xBF") return TextEncoding::utf8;
  for (std::size_t i = 0; i < sample.size();) {
    int len = utf8_sequence(sample, i);
    if (len < 0) break;
    if (len == 0) return TextEncoding::windows1250;
    i += static_cast<std::size_t>(len);
  }
  return TextEncoding::utf8;
}

std::string windows1250_to_utf8(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1250");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no WINDOWS-1250 converter");
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &dst_left) != static_cast<std::size_t>(-1)) break;
    if (errno == EILSEQ || errno == EINVAL) {
      // One of the five bytes Windows-1250 leaves undefined: keep the row, mark the character.
      static constexpr char kReplacement[] = "\xEF\xBF\xBD";
      std::memcpy(dst, kReplacement, 3);
      dst += 3;
      dst_left -= 3;
      ++in;
      --in_left;
    } else {
      iconv_close(cd);
      throw std::runtime_error(std::string("iconv: ") + std::strerror(errno));
    }
  }
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

Result<std::unique_ptr<CsvFileReader>> CsvFileReader::open(const std::string& path, char delimiter) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error::invalid_request("cannot open '" + path + "': " + std::strerror(errno));
  struct stat st {};
  std::uint64_t size = ::fstat(fileno(f), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  return std::unique_ptr<CsvFileReader>(new CsvFileReader(f, size, delimiter));
}

CsvFileReader::CsvFileReader(std::FILE* f, std::uint64_t size, char delimiter) : file_(f), total_bytes_(size) {
  options_.delimiter = delimiter;
  options_.skip_empty_lines = true;
}

CsvFileReader::~CsvFileReader() { std::fclose(file_); }

bool CsvFileReader::next(CsvLine& out) {
  while (ready_.empty()) {
    if (!fill()) return false;
  }
  out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

void CsvFileReader::parse_block(std::string_view block, std::size_t first_line) {
  auto records = csv::parse_csv(block, options_);
  if (records) {
    for (auto& r : *records) ready_.push_back({std::move(r.fields), first_line + r.line - 1, std::nullopt});
    return;
  }
  // A malformed record somewhere in the block: parse line by line so that only bad lines fail.
  std::size_t line = first_line;
  std::size_t start = 0;
  while (start < block.size()) {
    std::size_t end = block.find('\n', start);
    if (end == std::string_view::npos) end = block.size();
    std::string_view text = block.substr(start, end - start);
    auto one = csv::parse_csv(text, options_);
    if (!one) {
      ready_.push_back({{}, line, one.error().message});
    } else {
      for (auto& r : *one) ready_.push_back({std::move(r.fields), line, std::nullopt});
    }
    start = end + 1;
    ++line;
  }
}

bool CsvFileReader::fill() {
  if (eof_ && pending_.empty()) return false;
  if (!eof_) {
    std::string raw(kChunkBytes, '\0');
    const std::size_t n = std::fread(raw.data(), 1, raw.size(), file_);
    raw.resize(n);
    bytes_read_ += n;
    if (n < kChunkBytes) eof_ = true;
    if (!encoding_known_) {
      encoding_ = detect_encoding(raw);
      encoding_known_ = true;
    }
    pending_ += encoding_ == TextEncoding::windows1250 ? windows1250_to_utf8(raw) : raw;
  }
  // Find the last line end outside quotes: everything before it is whole records.
  for (std::size_t i = scanned_; i < pending_.size(); ++i) {
    const char c = pending_[i];
    if (c == '"') in_quotes_ = !in_quotes_;
    else if (c == '\n' && !in_quotes_) cut_ = i + 1;
  }
  scanned_ = pending_.size();
  std::size_t cut = eof_ ? pending_.size() : cut_;
  if (cut == 0) return !eof_;  // no complete record yet: read more
  std::string_view block(pending_.data(), cut);
  parse_block(block, next_line_);
  next_line_ += static_cast<std::size_t>(std::count(block.begin(), block.end(), '\n'));
  pending_.erase(0, cut);
  scanned_ -= cut;
  cut_ = 0;
  return true;
}

}  // namespace kredo::importers
