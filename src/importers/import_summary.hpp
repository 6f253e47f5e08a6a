// What an import did: rows created, updated, unchanged, skipped by reason (filtered out, other
// school types) and rejected with the line and the reason, so a coordinator can fix the file.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kredo::importers {

struct RejectedRow {
  std::size_t line = 0;  // 1-based line in the input file (for JSON: the line the record starts on)
  std::string reason;
};

struct ImportOptions {
  // Keep only rows of this municipality (RÚIAN Kód obce, Brno = 582786).
  std::optional<std::int64_t> municipality;
  // Roll everything back when anything is rejected; otherwise good rows are kept.
  bool all_or_nothing = false;
  // Called now and then with bytes read and the file size.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct ImportSummary {
  std::string kind;  // schools | addresses | catchments
  std::string format;  // e.g. "register-xml", "register-jsonld", "ruian-csv (windows-1250)"
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::map<std::string, std::int64_t> skipped;
  std::vector<RejectedRow> rejected;  // the first kMaxListedRejections
  std::int64_t rejected_total = 0;
  // A failure that stopped reading (malformed XML, unreadable file): reported like a rejection.
  std::optional<RejectedRow> fatal;
  bool committed = false;

  static constexpr std::size_t kMaxListedRejections = 1000;
  void reject(std::size_t line, std::string reason) {
    ++rejected_total;
    if (rejected.size() < kMaxListedRejections) rejected.push_back({line, std::move(reason)});
  }
  void skip(const std::string& reason) { ++skipped[reason]; }
  bool clean() const { return rejected_total == 0 && !fatal; }
};

nlohmann::json to_json(const ImportSummary& s);
// Human-readable lines for the CLI.
std::string format_summary(const ImportSummary& s);

}  // namespace kredo::importers
