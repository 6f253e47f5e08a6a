#include "importers/catchments.hpp"

#include <charconv>
#include <unordered_map>

#include "domain/schools.hpp"
#include "importers/csv_file_reader.hpp"
#include "security/audit.hpp"

namespace kredo::importers {

namespace {

constexpr const char* kSelectSchools = "SELECT izo, id, type FROM schools";
constexpr const char* kSelectAddress = "SELECT kod_obce FROM addresses WHERE kod_adm = $1";
constexpr const char* kSelectCatchment = "SELECT school_id FROM catchments WHERE kod_adm = $1 AND level = $2";
constexpr const char* kInsertCatchment = "INSERT INTO catchments (kod_adm, level, school_id) VALUES ($1, $2, $3)";
constexpr const char* kUpdateCatchment = "UPDATE catchments SET school_id = $3 WHERE kod_adm = $1 AND level = $2";

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct KnownSchool {
  std::int64_t id;
  std::string type;
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

  long col_adm = 0, col_izo = 1, col_level = 2;
  bool first = true;
  CsvLine row;
  std::uint64_t rows_seen = 0;
  while (reader.next(row)) {
    if (first) {
      summary.format = std::string("catchment-csv (") + encoding_name(reader.encoding()) + ")";
      first = false;
      if (!row.error && !row.fields.empty() && !trim(row.fields[0]).empty() &&
          !std::isdigit(static_cast<unsigned char>(trim(row.fields[0])[0]))) {
        col_adm = col_izo = col_level = -1;
        for (std::size_t i = 0; i < row.fields.size(); ++i) {
          const std::string name = lower(trim(row.fields[i]));
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
    auto field = [&row](long i) { return i >= 0 && static_cast<std::size_t>(i) < row.fields.size() ? trim(row.fields[static_cast<std::size_t>(i)]) : std::string(); };
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
    auto address = tx->query_one(kSelectAddress, {kod_adm});
    if (!address) {
      summary.reject(row.line, "unknown address code " + std::to_string(kod_adm) + ": not in the RÚIAN addresses");
      continue;
    }
    if (options.municipality && address->i64(0) != *options.municipality) {
      summary.skip("other municipality");
      continue;
    }
    if (options.all_or_nothing && !summary.clean()) continue;  // only validating from here on
    auto current = tx->query_one(kSelectCatchment, {kod_adm, level});
    if (!current) {
      tx->exec(kInsertCatchment, {kod_adm, level, school->second.id});
      ++summary.created;
    } else if (current->i64(0) != school->second.id) {
      tx->exec(kUpdateCatchment, {kod_adm, level, school->second.id});
      ++summary.updated;
    } else {
      ++summary.unchanged;
    }
  }
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
