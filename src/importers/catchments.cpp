#include "importers/catchments.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "common/text.hpp"
#include "domain/schools.hpp"
#include "importers/csv_file_reader.hpp"
#include "security/audit.hpp"

namespace kredo::importers {

namespace {

constexpr const char* kSelectSchools = "SELECT izo, id, type FROM schools";
// Rows are checked and written in batches: three statements per batch instead of three per row
// (a round trip each on PostgreSQL). The IN lists always have kCatchmentBatchRows placeholders, padded with
// a repeated code, so that they are one cached statement.
constexpr std::size_t kCatchmentBatchRows = 500;
constexpr const char* kSelectAddressesHead = "SELECT kod_adm, kod_obce FROM addresses WHERE kod_adm IN (";
constexpr const char* kSelectCatchmentsHead = "SELECT kod_adm, level, school_id FROM catchments WHERE kod_adm IN (";
constexpr const char* kUpsertHead = "INSERT INTO catchments (kod_adm, level, school_id) VALUES ";
constexpr const char* kUpsertTail = " ON CONFLICT (kod_adm, level) DO UPDATE SET school_id = excluded.school_id";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct KnownSchool {
  std::int64_t id;
  std::string type;
};

std::string in_list_sql(const char* head) {
  std::string sql = head;
  for (std::size_t i = 0; i < kCatchmentBatchRows; ++i) sql += (i ? ", $" : "$") + std::to_string(i + 1);
  return sql + ")";
}

std::string upsert_sql(std::size_t rows) {
  std::string sql = kUpsertHead;
  for (std::size_t r = 0; r < rows; ++r)
    sql += (r ? ", ($" : "($") + std::to_string(3 * r + 1) + ", $" + std::to_string(3 * r + 2) + ", $" +
           std::to_string(3 * r + 3) + ")";
  return sql + kUpsertTail;
}

struct PendingRow {
  std::size_t line;
  std::int64_t kod_adm;
  std::string level;
  std::int64_t school_id;
};

class CatchmentBatch {
 public:
  CatchmentBatch(storage::Transaction& tx, const ImportOptions& options, ImportSummary& summary)
      : tx_(tx), options_(options), summary_(summary), select_addresses_(in_list_sql(kSelectAddressesHead)),
        select_catchments_(in_list_sql(kSelectCatchmentsHead)) {}

  void add(PendingRow row) {
    // The same address and level twice in one batch: write the first before reading the second.
    if (keys_.count({row.kod_adm, row.level})) flush();
    keys_.insert({row.kod_adm, row.level});
    rows_.push_back(std::move(row));
    if (rows_.size() == kCatchmentBatchRows) flush();
  }

  void flush() {
    if (rows_.empty()) return;
    storage::Params codes;
    for (const auto& r : rows_) codes.emplace_back(static_cast<long long>(r.kod_adm));
    while (codes.size() < kCatchmentBatchRows) codes.push_back(codes.front());
    std::map<std::int64_t, std::int64_t> municipality_of;
    for (const auto& r : tx_.query(select_addresses_, codes)) municipality_of[r.i64(0)] = r.i64(1);
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> current;
    for (const auto& r : tx_.query(select_catchments_, codes)) current[{r.i64(0), r.str(1)}] = r.i64(2);

    storage::Params writes;
    for (const auto& r : rows_) {
      auto address = municipality_of.find(r.kod_adm);
      if (address == municipality_of.end()) {
        summary_.reject(r.line, "unknown address code " + std::to_string(r.kod_adm) + ": not in the RÚIAN addresses");
        continue;
      }
      if (options_.municipality && address->second != *options_.municipality) {
        summary_.skip("other municipality");
        continue;
      }
      auto now = current.find({r.kod_adm, r.level});
      if (now != current.end() && now->second == r.school_id) {
        ++summary_.unchanged;
        continue;
      }
      ++(now == current.end() ? summary_.created : summary_.updated);
      writes.emplace_back(static_cast<long long>(r.kod_adm));
      writes.emplace_back(r.level);
      writes.emplace_back(static_cast<long long>(r.school_id));
    }
    // With --all-or-nothing nothing is written once a row failed (the transaction rolls back anyway).
    if (!writes.empty() && !(options_.all_or_nothing && !summary_.clean()))
      tx_.exec(upsert_sql(writes.size() / 3), writes);
    rows_.clear();
    keys_.clear();
  }

 private:
  storage::Transaction& tx_;
  const ImportOptions& options_;
  ImportSummary& summary_;
  std::string select_addresses_, select_catchments_;
  std::vector<PendingRow> rows_;
  std::set<std::pair<std::int64_t, std::string>> keys_;
};

}  // namespace

Result<ImportSummary> import_catchments(storage::Database& db, const Clock& clock, const std::string& path,
                                        const ImportOptions& options) {
  auto opened = CsvFileReader::open(path, ';');
  if (!opened) return std::move(opened).error();
  CsvFileReader& reader = **opened;
  ImportSummary summary;
  summary.kind = "catchments";

  auto tx = db.begin(storage::TxMode::write);
  // Every school by IZO: a few thousand rows, and each catchment row needs one.
  std::unordered_map<std::string, KnownSchool> schools;
  for (const auto& r : tx->query(kSelectSchools)) schools.emplace(r.str(0), KnownSchool{r.i64(1), r.str(2)});

  CatchmentBatch batch(*tx, options, summary);
  long col_adm = 0, col_izo = 1, col_level = 2;
  bool first = true;
  CsvLine row;
  std::uint64_t rows_seen = 0;
  while (reader.next(row)) {
    if (first) {
      summary.format = std::string("catchment-csv (") + encoding_name(reader.encoding()) + ")";
      first = false;
      if (!row.error && !row.fields.empty() && !text::trim(row.fields[0]).empty() &&
          !std::isdigit(static_cast<unsigned char>(text::trim(row.fields[0])[0]))) {
        col_adm = col_izo = col_level = -1;
        for (std::size_t i = 0; i < row.fields.size(); ++i) {
          const std::string name = lower(text::trim(row.fields[i]));
          if (name == "kod_adm") col_adm = static_cast<long>(i);
          else if (name == "izo") col_izo = static_cast<long>(i);
          else if (name == "level") col_level = static_cast<long>(i);
        }
        if (col_adm < 0 || col_izo < 0)
          return Error::invalid_request("'" + path + "' line " + std::to_string(row.line) +
                                        ": a header needs the columns kod_adm and izo (and optionally level)");
        continue;
      }
    }
    if (options.progress && ++rows_seen % 4096 == 0) options.progress(reader.bytes_read(), reader.total_bytes());
    if (row.error) {
      summary.reject(row.line, *row.error);
      continue;
    }
    auto field = [&row](long i) { return i >= 0 && static_cast<std::size_t>(i) < row.fields.size() ? text::trim(row.fields[static_cast<std::size_t>(i)]) : std::string(); };
    const std::string adm_text = field(col_adm), izo = field(col_izo), level_text = lower(field(col_level));
    std::int64_t kod_adm = 0;
    auto [p, ec] = std::from_chars(adm_text.data(), adm_text.data() + adm_text.size(), kod_adm);
    if (adm_text.empty() || ec != std::errc() || p != adm_text.data() + adm_text.size() || kod_adm <= 0) {
      summary.reject(row.line, "address code (kod_adm) '" + adm_text + "' is not a positive whole number");
      continue;
    }
    auto school = schools.find(izo);
    if (school == schools.end()) {
      summary.reject(row.line, "unknown IZO '" + izo + "': no such school is imported");
      continue;
    }
    std::string level = level_text.empty() ? std::string(domain::level_of_school_type(school->second.type)) : level_text;
    if (level != "ms" && level != "zs") {
      summary.reject(row.line, "level '" + level_text + "' is neither ms nor zs");
      continue;
    }
    if (level != domain::level_of_school_type(school->second.type)) {
      summary.reject(row.line, "IZO " + izo + " is a " + school->second.type + " school, not a catchment for level " + level);
      continue;
    }
    batch.add({row.line, kod_adm, level, school->second.id});
  }
  batch.flush();
  // Address checks run per batch, after the row checks: list rejections in file order.
  std::stable_sort(summary.rejected.begin(), summary.rejected.end(),
                   [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
  if (first) summary.format = "catchment-csv";
  if (options.progress) options.progress(reader.bytes_read(), reader.total_bytes());
  if (options.all_or_nothing && !summary.clean()) {
    summary.created = summary.updated = summary.unchanged = 0;
    return summary;
  }
  security::write_audit(*tx, security::system_actor("import"),
                        {"import", "catchments", "", nlohmann::json{{"file", path},
                                                                     {"created", summary.created},
                                                                     {"updated", summary.updated},
                                                                     {"rejected", summary.rejected_total}}
                                                         .dump()},
                        clock.now());
  tx->commit();
  summary.committed = true;
  return summary;
}

}  // namespace kredo::importers
