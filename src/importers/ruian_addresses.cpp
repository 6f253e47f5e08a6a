#include "importers/ruian_addresses.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "common/text.hpp"
#include "importers/csv_file_reader.hpp"
#include "security/audit.hpp"

namespace kredo::importers {

namespace {

// RÚIAN header names, in the order of our columns.
constexpr std::array<const char*, 19> kHeader = {
    "Kód ADM",        "Kód obce",         "Název obce",   "Kód MOMC",        "Název MOMC",
    "Kód MOP",        "Název MOP",        "Kód části obce", "Název části obce", "Kód ulice",
    "Název ulice",    "Typ SO",           "Číslo domovní", "Číslo orientační", "Znak čísla orientačního",
    "PSČ",            "Souřadnice Y",     "Souřadnice X", "Platí Od"};
enum Column { kAdm, kObce, kNazevObce, kMomc, kNazevMomc, kMop, kNazevMop, kCasti, kNazevCasti, kUlice,
              kNazevUlice, kTypSo, kCisloDomovni, kCisloOrientacni, kZnak, kPsc, kY, kX, kPlatiOd };
// Integer columns (nullable except the first two) and real columns.
constexpr std::array<Column, 8> kIntegerColumns = {kAdm, kObce, kMomc, kMop, kCasti, kUlice, kCisloDomovni,
                                                   kCisloOrientacni};

constexpr const char* kInsertHead =
    "INSERT INTO addresses (kod_adm, kod_obce, nazev_obce, kod_momc, nazev_momc, kod_mop, nazev_mop, "
    "kod_casti_obce, nazev_casti_obce, kod_ulice, nazev_ulice, typ_so, cislo_domovni, cislo_orientacni, "
    "znak_cisla_orientacniho, psc, sjtsk_y, sjtsk_x, plati_od) VALUES ";
constexpr const char* kInsertTail =
    " ON CONFLICT (kod_adm) DO UPDATE SET kod_obce = excluded.kod_obce, nazev_obce = excluded.nazev_obce, "
    "kod_momc = excluded.kod_momc, nazev_momc = excluded.nazev_momc, kod_mop = excluded.kod_mop, "
    "nazev_mop = excluded.nazev_mop, kod_casti_obce = excluded.kod_casti_obce, "
    "nazev_casti_obce = excluded.nazev_casti_obce, kod_ulice = excluded.kod_ulice, "
    "nazev_ulice = excluded.nazev_ulice, typ_so = excluded.typ_so, cislo_domovni = excluded.cislo_domovni, "
    "cislo_orientacni = excluded.cislo_orientacni, znak_cisla_orientacniho = excluded.znak_cisla_orientacniho, "
    "psc = excluded.psc, sjtsk_y = excluded.sjtsk_y, sjtsk_x = excluded.sjtsk_x, plati_od = excluded.plati_od";
constexpr const char* kExistingHead = "SELECT COUNT(*) FROM addresses WHERE kod_adm IN (";

// Rows per statement: 19 parameters each stays far below SQLite's and PostgreSQL's limits, and
// full batches reuse one cached statement.
constexpr std::size_t kAddressBatchRows = 250;

bool parse_int(const std::string& s, std::int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parse_coordinate(std::string s, double& out) {
  for (char& c : s)
    if (c == ',') c = '.';
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

std::string insert_sql(std::size_t rows) {
  std::string sql = kInsertHead;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < kHeader.size(); ++c) {
      sql += c ? ", $" : "$";
      sql += std::to_string(r * kHeader.size() + c + 1);
    }
    sql += ")";
  }
  return sql + kInsertTail;
}

std::string existing_sql(std::size_t rows) {
  std::string sql = kExistingHead;
  for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", $" : "$") + std::to_string(r + 1);
  return sql + ")";
}

class Batch {
 public:
  explicit Batch(storage::Transaction& tx) : tx_(tx), full_insert_(insert_sql(kAddressBatchRows)), full_existing_(existing_sql(kAddressBatchRows)) {}

  bool contains(std::int64_t kod_adm) const { return codes_.count(kod_adm) != 0; }
  bool full() const { return codes_.size() == kAddressBatchRows; }
  void add(std::int64_t kod_adm, storage::Params row) {
    codes_.insert(kod_adm);
    keys_.emplace_back(kod_adm);
    for (auto& v : row) params_.push_back(std::move(v));
  }
  void flush(ImportSummary& summary) {
    if (keys_.empty()) return;
    const std::size_t n = keys_.size();
    const std::int64_t existing =
        tx_.query_one(n == kAddressBatchRows ? full_existing_ : existing_sql(n), keys_)->i64(0);
    tx_.exec(n == kAddressBatchRows ? full_insert_ : insert_sql(n), params_);
    summary.updated += existing;
    summary.created += static_cast<std::int64_t>(n) - existing;
    codes_.clear();
    keys_.clear();
    params_.clear();
  }

 private:
  storage::Transaction& tx_;
  std::string full_insert_, full_existing_;
  std::unordered_set<std::int64_t> codes_;
  storage::Params keys_, params_;
};

}  // namespace

Result<ImportSummary> import_ruian_addresses(storage::Database& db, const Clock& clock, const std::string& path,
                                             const ImportOptions& options) {
  auto opened = CsvFileReader::open(path, ';');
  if (!opened) return std::move(opened).error();
  CsvFileReader& reader = **opened;
  ImportSummary summary;
  summary.kind = "addresses";

  CsvLine header;
  if (!reader.next(header) || header.error)
    return Error::invalid_request("'" + path + "' has no header line (expected the RÚIAN columns Kód ADM;Kód obce;…)");
  summary.format = std::string("ruian-csv (") + encoding_name(reader.encoding()) + ")";
  std::array<long, kHeader.size()> index{};
  std::string missing;
  for (std::size_t c = 0; c < kHeader.size(); ++c) {
    index[c] = -1;
    for (std::size_t h = 0; h < header.fields.size(); ++h)
      if (text::trim(header.fields[h]) == kHeader[c]) index[c] = static_cast<long>(h);
  }
  for (Column c : {kAdm, kObce, kNazevObce})
    if (index[c] < 0) missing += std::string(missing.empty() ? "" : ", ") + kHeader[c];
  if (!missing.empty())
    return Error::invalid_request("'" + path + "' line " + std::to_string(header.line) +
                                  ": the header lacks the column(s) " + missing);

  auto tx = db.begin(storage::TxMode::write);
  Batch batch(*tx);
  CsvLine row;
  std::uint64_t rows_seen = 0;
  while (reader.next(row)) {
    if (options.progress && ++rows_seen % 4096 == 0) options.progress(reader.bytes_read(), reader.total_bytes());
    if (row.error) {
      summary.reject(row.line, *row.error);
      continue;
    }
    if (row.fields.size() != header.fields.size()) {
      summary.reject(row.line, "expected " + std::to_string(header.fields.size()) + " fields, found " +
                                   std::to_string(row.fields.size()));
      continue;
    }
    std::array<std::string, kHeader.size()> text;
    for (std::size_t c = 0; c < kHeader.size(); ++c)
      if (index[c] >= 0) text[c] = text::trim(row.fields[static_cast<std::size_t>(index[c])]);

    storage::Params values(kHeader.size());
    std::string problem;
    for (Column c : kIntegerColumns) {
      if (text[c].empty()) {
        if (c == kAdm || c == kObce) problem = std::string(kHeader[c]) + " is empty";
        continue;
      }
      std::int64_t v = 0;
      if (!parse_int(text[c], v) || v < 0) {
        problem = std::string(kHeader[c]) + " '" + text[c] + "' is not a whole number";
        break;
      }
      values[c] = static_cast<long long>(v);
    }
    if (problem.empty() && text[kNazevObce].empty()) problem = "Název obce is empty";
    for (Column c : {kY, kX}) {
      if (!problem.empty() || text[c].empty()) continue;
      double v = 0;
      if (!parse_coordinate(text[c], v)) problem = std::string(kHeader[c]) + " '" + text[c] + "' is not a number";
      else values[c] = v;
    }
    if (!problem.empty()) {
      summary.reject(row.line, problem);
      continue;
    }
    for (Column c : {kNazevObce, kNazevMomc, kNazevMop, kNazevCasti, kNazevUlice, kTypSo, kZnak, kPsc, kPlatiOd})
      if (!text[c].empty()) values[c] = text[c];

    const std::int64_t kod_adm = values[kAdm].integer();
    if (options.municipality && values[kObce].integer() != *options.municipality) {
      summary.skip("other municipality");
      continue;
    }
    if (options.all_or_nothing && !summary.clean()) continue;  // only validating from here on
    if (batch.contains(kod_adm)) batch.flush(summary);         // a repeated code: the later row wins
    batch.add(kod_adm, std::move(values));
    if (batch.full()) batch.flush(summary);
  }
  if (options.progress) options.progress(reader.bytes_read(), reader.total_bytes());
  if (options.all_or_nothing && !summary.clean()) {
    summary.created = summary.updated = 0;
    return summary;  // the transaction rolls back
  }
  batch.flush(summary);
  security::write_audit(*tx, security::system_actor("import"),
                        {"import", "addresses", "", nlohmann::json{{"file", path},
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
