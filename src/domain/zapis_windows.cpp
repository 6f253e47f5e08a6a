#include "domain/zapis_windows.hpp"

#include <nlohmann/json.hpp>

#include "security/audit.hpp"

namespace kredo::domain {

using security::Role;
using storage::TxMode;

namespace {

constexpr const char* kCountWindows = "SELECT COUNT(*) FROM zapis_windows";
constexpr const char* kSeedWindow =
    "INSERT INTO zapis_windows (level, school_year, from_date, to_date, updated_at, updated_by, version) "
    "VALUES ($1, $2, $3, $4, $5, 'system:defaults', 1) ON CONFLICT (level, school_year) DO NOTHING";
constexpr const char* kSelectWindows =
    "SELECT level, school_year, from_date, to_date, version, updated_at, updated_by FROM zapis_windows "
    "ORDER BY level, school_year";
constexpr const char* kSelectWindow =
    "SELECT level, school_year, from_date, to_date, version, updated_at, updated_by FROM zapis_windows "
    "WHERE level = $1 AND school_year = $2";
constexpr const char* kInsertWindow =
    "INSERT INTO zapis_windows (level, school_year, from_date, to_date, updated_at, updated_by, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, 1)";
constexpr const char* kUpdateWindow =
    "UPDATE zapis_windows SET from_date = $1, to_date = $2, updated_at = $3, updated_by = $4, version = version + 1 "
    "WHERE level = $5 AND school_year = $6 AND version = $7";

StoredZapisWindow window_from_row(const storage::Row& r) {
  StoredZapisWindow w;
  w.window.level = r.str(0) == "ms" ? rules::SchoolLevel::ms : rules::SchoolLevel::zs;
  w.window.school_year = rules::SchoolYear{static_cast<int>(r.i64(1))};
  // Stored dates were validated on the way in.
  w.window.from = *rules::parse_iso_date(r.str(2));
  w.window.to = *rules::parse_iso_date(r.str(3));
  w.version = r.i64(4);
  w.updated_at = r.str(5);
  w.updated_by = r.str(6);
  return w;
}

}  // namespace

void ZapisWindowService::seed_if_empty() {
  {
    auto tx = db_.begin(TxMode::read);
    if (tx->query_one(kCountWindows)->i64(0) > 0) return;
  }
  auto tx = db_.begin(TxMode::write);
  const std::string now = format_utc(clock_.now());
  for (const auto& w : rules::default_zapis_windows())
    tx->exec(kSeedWindow, {rules::wire_name(w.level), w.school_year.start_year, w.from.iso(), w.to.iso(), now});
  tx->commit();
}

Result<std::vector<StoredZapisWindow>> ZapisWindowService::list(const security::Actor& /*any logged-in role*/) {
  seed_if_empty();
  auto tx = db_.begin(TxMode::read);
  std::vector<StoredZapisWindow> out;
  for (const auto& r : tx->query(kSelectWindows)) out.push_back(window_from_row(r));
  return out;
}

Result<StoredZapisWindow> ZapisWindowService::put(const security::Actor& actor, const ZapisWindowChange& ch) {
  if (!actor.is(Role::coordinator) && !actor.is(Role::admin))
    return Error::forbidden("Only a coordinator or an administrator can change zápis windows.");
  std::vector<FieldError> errors;
  if (ch.level != "ms" && ch.level != "zs") errors.push_back({"level", "Use ms or zs."});
  if (ch.school_year < 2000 || ch.school_year > 2100)
    errors.push_back({"school_year", "Give the year the school year starts in, 2000 to 2100."});
  auto from = rules::parse_iso_date(ch.from, "from");
  auto to = rules::parse_iso_date(ch.to, "to");
  if (!from) errors.push_back(from.error().fields.front());
  if (!to) errors.push_back(to.error().fields.front());
  if (!errors.empty()) return Error::validation(std::move(errors));
  rules::ZapisWindow w{ch.level == "ms" ? rules::SchoolLevel::ms : rules::SchoolLevel::zs,
                       rules::SchoolYear{ch.school_year}, *from, *to};
  KREDO_TRY(rules::validate_zapis_window(w));

  seed_if_empty();
  auto tx = db_.begin(TxMode::write);
  const std::string now = format_utc(clock_.now());
  auto current = tx->query_one(kSelectWindow, {ch.level, ch.school_year});
  nlohmann::json detail{{"from", ch.from}, {"to", ch.to}};
  if (!current) {
    if (ch.version && *ch.version != 0)
      return Error::conflict("There is no such window yet: send no version to add it.");
    tx->exec(kInsertWindow, {ch.level, ch.school_year, ch.from, ch.to, now, actor.username});
    security::write_audit(*tx, actor, {"create", "zapis_window", ch.level + "/" + std::to_string(ch.school_year),
                                       detail.dump()}, clock_.now());
  } else {
    if (!ch.version) return Error::field("version", "This field is required.");
    const auto old = window_from_row(*current);
    if (old.version != *ch.version)
      return Error::conflict("This window was changed by someone else (version " + std::to_string(old.version) +
                             ", yours " + std::to_string(*ch.version) + "). Reload and try again.");
    if (tx->exec(kUpdateWindow, {ch.from, ch.to, now, actor.username, ch.level, ch.school_year, *ch.version}) != 1)
      return Error::conflict("This window was changed by someone else. Reload and try again.");
    detail["previous"] = {{"from", old.window.from.iso()}, {"to", old.window.to.iso()}};
    security::write_audit(*tx, actor, {"update", "zapis_window", ch.level + "/" + std::to_string(ch.school_year),
                                       detail.dump()}, clock_.now());
  }
  auto stored = window_from_row(*tx->query_one(kSelectWindow, {ch.level, ch.school_year}));
  tx->commit();
  return stored;
}

}  // namespace kredo::domain
