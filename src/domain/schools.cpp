#include "domain/schools.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "domain/service_support.hpp"
#include "rules/date.hpp"
#include "security/audit.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::Row;
using storage::Transaction;
using storage::TxMode;

namespace {

constexpr const char* kSchoolColumns =
    "s.id, s.izo, s.red_izo, s.name, s.type, s.founder_name, s.founder_ico, s.address, s.ruian_code, "
    "s.district, s.capacity, s.sjtsk_y, s.sjtsk_x, s.latitude, s.longitude, s.source, s.created_at, "
    "s.updated_at, s.version";
constexpr int kSchoolColumnCount = 19;

constexpr const char* kSelectSchoolById =
    "SELECT s.id, s.izo, s.red_izo, s.name, s.type, s.founder_name, s.founder_ico, s.address, s.ruian_code, "
    "s.district, s.capacity, s.sjtsk_y, s.sjtsk_x, s.latitude, s.longitude, s.source, s.created_at, "
    "s.updated_at, s.version FROM schools s WHERE s.id = $1";
constexpr const char* kSelectSchoolByIzo =
    "SELECT s.id, s.izo, s.red_izo, s.name, s.type, s.founder_name, s.founder_ico, s.address, s.ruian_code, "
    "s.district, s.capacity, s.sjtsk_y, s.sjtsk_x, s.latitude, s.longitude, s.source, s.created_at, "
    "s.updated_at, s.version FROM schools s WHERE s.izo = $1";
constexpr const char* kSelectCatchmentSchool =
    "SELECT s.id, s.izo, s.red_izo, s.name, s.type, s.founder_name, s.founder_ico, s.address, s.ruian_code, "
    "s.district, s.capacity, s.sjtsk_y, s.sjtsk_x, s.latitude, s.longitude, s.source, s.created_at, "
    "s.updated_at, s.version FROM catchments c JOIN schools s ON s.id = c.school_id "
    "WHERE c.kod_adm = $1 AND c.level = $2";

constexpr const char* kInsertSchool =
    "INSERT INTO schools (izo, red_izo, name, name_search, name_sort, type, founder_name, founder_ico, address, "
    "ruian_code, district, capacity, sjtsk_y, sjtsk_x, latitude, longitude, source, created_at, updated_at, "
    "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, 1) "
    "RETURNING id";
constexpr const char* kUpdateSchool =
    "UPDATE schools SET izo = $1, red_izo = $2, name = $3, name_search = $4, name_sort = $5, type = $6, "
    "founder_name = $7, founder_ico = $8, address = $9, ruian_code = $10, district = $11, capacity = $12, "
    "sjtsk_y = $13, sjtsk_x = $14, latitude = $15, longitude = $16, updated_at = $17, version = version + 1 "
    "WHERE id = $18 AND version = $19";
constexpr const char* kUpdateRegisterSchool =
    "UPDATE schools SET red_izo = $1, name = $2, name_search = $3, name_sort = $4, type = $5, founder_name = $6, "
    "founder_ico = $7, address = $8, ruian_code = $9, capacity = $10, updated_at = $11, version = version + 1 "
    "WHERE id = $12";

constexpr const char* kSelectSetting = "SELECT value FROM settings WHERE key = $1";
// The latest estimate per school: by school year, then estimate date, then entry order.
constexpr const char* kLatestCompositionJoin =
    " LEFT JOIN school_composition c ON c.id = (SELECT c2.id FROM school_composition c2 WHERE c2.school_id = s.id "
    "ORDER BY c2.school_year DESC, c2.estimated_on DESC, c2.id DESC LIMIT 1)";
// $1..$3 are the thresholds (almost all, half, third), joined as one constant row so that every query
// references them (PostgreSQL rejects a parameter it cannot type). Same labels as segregation_status().
constexpr const char* kThresholdsJoin =
    " CROSS JOIN (SELECT CAST($1 AS DOUBLE PRECISION) AS t_all, CAST($2 AS DOUBLE PRECISION) AS t_half, "
    "CAST($3 AS DOUBLE PRECISION) AS t_third) th";
constexpr const char* kStatusExpression =
    "(CASE WHEN c.id IS NULL OR c.roma_share IS NULL THEN 'unknown' WHEN c.roma_share >= th.t_all THEN 'almost_all' "
    "WHEN c.roma_share > th.t_half THEN 'more_than_half' WHEN c.roma_share > th.t_third THEN 'more_than_third' "
    "ELSE 'below_thresholds' END)";

// Optional filters as "($n = '' OR ...)" keep the list one constant statement: $4 the raw q (matched
// exactly against IZO / RED_IZO), $5 its folded LIKE pattern, $6 type, $7 district, $8 status.
const std::string& list_from_sql() {
  static const std::string sql = std::string(" FROM schools s") + kThresholdsJoin + kLatestCompositionJoin +
                                 " WHERE ($4 = '' OR s.name_search LIKE $5 ESCAPE '\\' OR s.izo = $4 OR s.red_izo = $4)"
                                 " AND ($6 = '' OR s.type = $6) AND ($7 = '' OR s.district = $7) AND ($8 = '' OR " +
                                 kStatusExpression + " = $8)";
  return sql;
}
const std::string& list_page_sql() {
  static const std::string sql = std::string("SELECT ") + kSchoolColumns + ", " + kStatusExpression +
                                 ", c.roma_share, c.school_year" + list_from_sql() +
                                 " ORDER BY s.name_sort, s.id LIMIT $9 OFFSET $10";
  return sql;
}

constexpr const char* kSelectComposition =
    "SELECT id, school_id, school_year, roma_share, disadvantaged_share, source, estimated_on, confidence, "
    "created_at, created_by FROM school_composition WHERE school_id = $1 "
    "ORDER BY school_year DESC, estimated_on DESC, id DESC";
constexpr const char* kSelectCompositionById =
    "SELECT id, school_id, school_year, roma_share, disadvantaged_share, source, estimated_on, confidence, "
    "created_at, created_by FROM school_composition WHERE id = $1";
constexpr const char* kInsertComposition =
    "INSERT INTO school_composition (school_id, school_year, roma_share, disadvantaged_share, source, "
    "estimated_on, confidence, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kSelectOpenness =
    "SELECT id, school_id, stance, assessed_on, evidence, assessed_by, created_at FROM school_openness "
    "WHERE school_id = $1 ORDER BY assessed_on DESC, id DESC";
constexpr const char* kInsertOpenness =
    "INSERT INTO school_openness (school_id, stance, assessed_on, evidence, assessed_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr const char* kSelectInteractions =
    "SELECT id, school_id, occurred_on, type, worker, summary, created_at FROM school_interactions "
    "WHERE school_id = $1 ORDER BY occurred_on DESC, id DESC";
constexpr const char* kInsertInteraction =
    "INSERT INTO school_interactions (school_id, occurred_on, type, worker_user_id, worker, summary, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

std::optional<double> opt_f64(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.f64(i);
}

School school_from_row(const Row& r) {
  School s;
  s.id = r.i64(0);
  s.izo = r.str(1);
  s.red_izo = r.opt_str(2);
  s.name = r.str(3);
  s.type = r.str(4);
  s.founder_name = r.opt_str(5);
  s.founder_ico = r.opt_str(6);
  s.address = r.opt_str(7);
  s.ruian_code = r.opt_i64(8);
  s.district = r.opt_str(9);
  s.capacity = r.opt_i64(10);
  s.sjtsk_y = opt_f64(r, 11);
  s.sjtsk_x = opt_f64(r, 12);
  s.latitude = opt_f64(r, 13);
  s.longitude = opt_f64(r, 14);
  s.source = r.str(15);
  s.created_at = r.str(16);
  s.updated_at = r.str(17);
  s.version = r.i64(18);
  return s;
}

CompositionEstimate composition_from_row(const Row& r, const SegregationThresholds& t) {
  CompositionEstimate c;
  c.id = r.i64(0);
  c.school_id = r.i64(1);
  c.school_year = static_cast<int>(r.i64(2));
  c.roma_share = opt_f64(r, 3);
  c.disadvantaged_share = opt_f64(r, 4);
  c.source = r.str(5);
  c.estimated_on = r.str(6);
  c.confidence = r.str(7);
  c.created_at = r.str(8);
  c.created_by = r.str(9);
  c.status = segregation_status(c.roma_share, t);
  return c;
}

std::string hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

Status require_writer(const Actor& actor) {
  if (!actor.is(Role::coordinator) && !actor.is(Role::admin))
    return Error::forbidden("Only a coordinator or an administrator can change school records.");
  return {};
}

// LIKE pattern for a folded search text, with % and _ taken literally.
std::string like_pattern(const std::string& folded) {
  std::string out = "%";
  for (char c : folded) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

bool is_cleared(const SchoolInput& in, std::string_view field) {
  return std::find(in.cleared.begin(), in.cleared.end(), field) != in.cleared.end();
}

template <typename T>
void apply(std::optional<T>& target, const std::optional<T>& value, const SchoolInput& in, std::string_view field) {
  if (value) target = value;
  else if (is_cleared(in, field)) target.reset();
}

// Field errors for a school as it would be stored.
std::vector<FieldError> school_problems(const School& s) {
  std::vector<FieldError> errors;
  if (!is_valid_izo(s.izo)) errors.push_back({"izo", "IZO must have 6 to 9 digits."});
  if (s.red_izo && !is_valid_izo(*s.red_izo)) errors.push_back({"red_izo", "RED_IZO must have 6 to 9 digits."});
  if (s.name.empty()) errors.push_back({"name", "This field is required."});
  if (!is_school_type(s.type)) errors.push_back({"type", "Use ms, zs, zs_16_9 or preparatory_class."});
  if (s.founder_ico && !is_valid_ico(*s.founder_ico)) errors.push_back({"founder_ico", "IČO must have 8 digits."});
  if (s.capacity && *s.capacity < 0) errors.push_back({"capacity", "Must be 0 or more."});
  if (s.ruian_code && *s.ruian_code <= 0) errors.push_back({"ruian_code", "Must be a positive RÚIAN code."});
  if (s.latitude && (*s.latitude < -90 || *s.latitude > 90)) errors.push_back({"latitude", "Must be within -90..90."});
  if (s.longitude && (*s.longitude < -180 || *s.longitude > 180))
    errors.push_back({"longitude", "Must be within -180..180."});
  return errors;
}

storage::Params school_params(const School& s, const rules::CzechCollator& collator) {
  return {s.izo,         s.red_izo,   s.name,     rules::fold_for_search(s.name), hex(collator.sort_key(s.name)),
          s.type,        s.founder_name, s.founder_ico, s.address, s.ruian_code, s.district, s.capacity,
          s.sjtsk_y,     s.sjtsk_x,   s.latitude, s.longitude};
}

Status check_date(const std::string& text, const std::string& field) {
  auto d = rules::parse_iso_date(text, field);
  if (!d) return d.error();
  return {};
}

}  // namespace

bool is_school_type(std::string_view type) {
  return std::find(std::begin(kSchoolTypes), std::end(kSchoolTypes), type) != std::end(kSchoolTypes);
}

std::string_view level_of_school_type(std::string_view type) { return type == "ms" ? "ms" : "zs"; }

bool is_valid_izo(std::string_view s) { return all_digits(s) && s.size() >= 6 && s.size() <= 9; }
bool is_valid_ico(std::string_view s) { return all_digits(s) && s.size() == 8; }

std::string segregation_status(std::optional<double> roma_share, const SegregationThresholds& t) {
  if (!roma_share) return "unknown";
  if (*roma_share >= t.almost_all) return "almost_all";
  if (*roma_share > t.more_than_half) return "more_than_half";
  if (*roma_share > t.more_than_third) return "more_than_third";
  return "below_thresholds";
}

Status validate_thresholds(const SegregationThresholds& t) {
  auto in_range = [](double v) { return std::isfinite(v) && v > 0 && v <= 1; };
  if (!in_range(t.more_than_third) || !in_range(t.more_than_half) || !in_range(t.almost_all) ||
      !(t.more_than_third < t.more_than_half && t.more_than_half < t.almost_all))
    return Error::field("thresholds", "Thresholds must be increasing fractions between 0 and 1.");
  return {};
}

std::optional<School> find_school(Transaction& tx, std::int64_t id) {
  auto r = tx.query_one(kSelectSchoolById, {id});
  if (!r) return std::nullopt;
  return school_from_row(*r);
}

std::optional<School> find_school_by_izo(Transaction& tx, const std::string& izo) {
  auto r = tx.query_one(kSelectSchoolByIzo, {izo});
  if (!r) return std::nullopt;
  return school_from_row(*r);
}

SegregationThresholds load_thresholds(Transaction& tx) {
  SegregationThresholds t;
  auto read = [&tx](const char* key, double& target) {
    auto r = tx.query_one(kSelectSetting, {key});
    if (!r) return;
    char* end = nullptr;
    const std::string& text = r->str(0);
    double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() && *end == '\0') target = v;
  };
  read(kSettingThirdKey, t.more_than_third);
  read(kSettingHalfKey, t.more_than_half);
  read(kSettingAlmostAllKey, t.almost_all);
  // A broken setting must not silently relabel schools: fall back to the statutory defaults.
  if (!validate_thresholds(t)) return SegregationThresholds{};
  return t;
}

UpsertOutcome upsert_register_school(Transaction& tx, const rules::CzechCollator& collator, const RegisterSchool& in,
                                     std::int64_t now) {
  const std::string ts = format_utc(now);
  auto existing = find_school_by_izo(tx, in.izo);
  if (!existing) {
    School s;
    s.izo = in.izo;
    s.red_izo = in.red_izo;
    s.name = in.name;
    s.type = in.type;
    s.founder_name = in.founder_name;
    s.founder_ico = in.founder_ico;
    s.address = in.address;
    s.ruian_code = in.ruian_code;
    s.capacity = in.capacity;
    auto params = school_params(s, collator);
    params.push_back("register");
    params.push_back(ts);
    tx.query_one(kInsertSchool, params);
    return UpsertOutcome::created;
  }
  School s = *existing;
  // The register says "ZŠ" for every elementary school; our finer zs_16_9 / preparatory labels stay.
  std::string type = in.type == "zs" && s.type != "ms" ? s.type : in.type;
  if (s.red_izo == in.red_izo && s.name == in.name && s.type == type &&
      s.founder_name == in.founder_name && s.founder_ico == in.founder_ico && s.address == in.address &&
      s.ruian_code == in.ruian_code && s.capacity == in.capacity)
    return UpsertOutcome::unchanged;
  tx.exec(kUpdateRegisterSchool, {in.red_izo, in.name, rules::fold_for_search(in.name), hex(collator.sort_key(in.name)),
                                  type, in.founder_name, in.founder_ico, in.address, in.ruian_code, in.capacity, ts,
                                  s.id});
  return UpsertOutcome::updated;
}

std::optional<School> catchment_school(Transaction& tx, std::int64_t kod_adm, std::string_view level) {
  auto r = tx.query_one(kSelectCatchmentSchool, {kod_adm, level});
  if (!r) return std::nullopt;
  return school_from_row(*r);
}

SchoolService::SchoolService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<SchoolPage> SchoolService::list(const Actor& /*any logged-in role*/, const SchoolQuery& q) {
  if (!q.type.empty() && !is_school_type(q.type)) return Error::field("type", "Use ms, zs, zs_16_9 or preparatory_class.");
  static constexpr std::string_view kStatuses[] = {"unknown", "below_thresholds", "more_than_third", "more_than_half",
                                                   "almost_all"};
  if (!q.status.empty() && std::find(std::begin(kStatuses), std::end(kStatuses), q.status) == std::end(kStatuses))
    return Error::field("status", "Use unknown, below_thresholds, more_than_third, more_than_half or almost_all.");

  auto tx = db_.begin(TxMode::read);
  const SegregationThresholds t = load_thresholds(*tx);
  const std::string pattern = q.q.empty() ? std::string() : like_pattern(rules::fold_for_search(q.q));
  storage::Params params{t.almost_all, t.more_than_half, t.more_than_third, q.q, pattern, q.type, q.district, q.status};
  const std::string& from = list_from_sql();
  SchoolPage page;
  page.total = tx->query_one("SELECT COUNT(*)" + from, params)->i64(0);
  params.push_back(static_cast<long long>(q.page_size));
  params.push_back(static_cast<long long>(q.page - 1) * q.page_size);
  for (const auto& r : tx->query(list_page_sql(), params)) {
    SchoolListItem item;
    item.school = school_from_row(r);
    item.status = r.str(kSchoolColumnCount);
    item.roma_share = opt_f64(r, kSchoolColumnCount + 1);
    if (!r.is_null(kSchoolColumnCount + 2)) item.school_year = static_cast<int>(r.i64(kSchoolColumnCount + 2));
    page.items.push_back(std::move(item));
  }
  return page;
}

namespace {

SchoolDetail load_detail(Transaction& tx, const School& s) {
  SchoolDetail d;
  d.school = s;
  const SegregationThresholds t = load_thresholds(tx);
  for (const auto& r : tx.query(kSelectComposition, {s.id})) d.composition.push_back(composition_from_row(r, t));
  for (const auto& r : tx.query(kSelectOpenness, {s.id}))
    d.openness.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  for (const auto& r : tx.query(kSelectInteractions, {s.id}))
    d.interactions.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  return d;
}

Error izo_taken(const std::string& izo) {
  return Error{ErrorCode::conflict, "A school with IZO " + izo + " exists already.",
               {{"izo", "A school with this IZO exists already."}}, {}};
}

}  // namespace

Result<SchoolDetail> SchoolService::get(const Actor& /*any logged-in role*/, std::int64_t id) {
  auto tx = db_.begin(TxMode::read);
  auto s = find_school(*tx, id);
  if (!s) return Error::not_found("No such school.");
  return load_detail(*tx, *s);
}

Result<SchoolDetail> SchoolService::create(const Actor& actor, const SchoolInput& in) {
  KREDO_TRY(require_writer(actor));
  School s;
  s.izo = in.izo.value_or("");
  s.name = in.name.value_or("");
  s.type = in.type.value_or("");
  s.red_izo = in.red_izo;
  s.founder_name = in.founder_name;
  s.founder_ico = in.founder_ico;
  s.address = in.address;
  s.district = in.district;
  s.ruian_code = in.ruian_code;
  s.capacity = in.capacity;
  s.sjtsk_y = in.sjtsk_y;
  s.sjtsk_x = in.sjtsk_x;
  s.latitude = in.latitude;
  s.longitude = in.longitude;
  if (auto errors = school_problems(s); !errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  if (find_school_by_izo(*tx, s.izo)) return izo_taken(s.izo);
  auto params = school_params(s, collator_);
  params.push_back("manual");
  params.push_back(format_utc(clock_.now()));
  std::int64_t id = 0;
  try {
    id = tx->query_one(kInsertSchool, params)->i64(0);
  } catch (const storage::DbError& e) {
    if (e.kind() == storage::DbErrorKind::unique_violation) return izo_taken(s.izo);
    throw;
  }
  security::write_audit(*tx, actor,
                        {"create", "school", std::to_string(id), nlohmann::json{{"izo", s.izo}, {"name", s.name}}.dump()},
                        clock_.now());
  auto stored = find_school(*tx, id);
  auto detail = load_detail(*tx, *stored);
  tx->commit();
  return detail;
}

Result<SchoolDetail> SchoolService::update(const Actor& actor, std::int64_t id, std::int64_t version,
                                           const SchoolInput& ch) {
  KREDO_TRY(require_writer(actor));
  auto tx = db_.begin(TxMode::write);
  auto current = find_school(*tx, id);
  if (!current) return Error::not_found("No such school.");
  if (current->version != version)
    return Error::conflict("This school was changed by someone else (version " + std::to_string(current->version) +
                           ", yours " + std::to_string(version) + "). Reload and try again.");
  School s = *current;
  if (ch.izo) s.izo = *ch.izo;
  if (ch.name) s.name = *ch.name;
  if (ch.type) s.type = *ch.type;
  apply(s.red_izo, ch.red_izo, ch, "red_izo");
  apply(s.founder_name, ch.founder_name, ch, "founder_name");
  apply(s.founder_ico, ch.founder_ico, ch, "founder_ico");
  apply(s.address, ch.address, ch, "address");
  apply(s.district, ch.district, ch, "district");
  apply(s.ruian_code, ch.ruian_code, ch, "ruian_code");
  apply(s.capacity, ch.capacity, ch, "capacity");
  apply(s.sjtsk_y, ch.sjtsk_y, ch, "sjtsk_y");
  apply(s.sjtsk_x, ch.sjtsk_x, ch, "sjtsk_x");
  apply(s.latitude, ch.latitude, ch, "latitude");
  apply(s.longitude, ch.longitude, ch, "longitude");
  if (auto errors = school_problems(s); !errors.empty()) return Error::validation(std::move(errors));
  if (s.izo != current->izo && find_school_by_izo(*tx, s.izo)) return izo_taken(s.izo);

  auto params = school_params(s, collator_);
  params.push_back(format_utc(clock_.now()));
  params.push_back(id);
  params.push_back(version);
  std::int64_t changed = 0;
  try {
    changed = tx->exec(kUpdateSchool, params);
  } catch (const storage::DbError& e) {
    if (e.kind() == storage::DbErrorKind::unique_violation) return izo_taken(s.izo);
    throw;
  }
  if (changed != 1) return Error::conflict("This school was changed by someone else. Reload and try again.");
  nlohmann::json fields = nlohmann::json::array();
  if (ch.izo) fields.push_back("izo");
  if (ch.red_izo || is_cleared(ch, "red_izo")) fields.push_back("red_izo");
  if (ch.name) fields.push_back("name");
  if (ch.type) fields.push_back("type");
  if (ch.founder_name || is_cleared(ch, "founder_name")) fields.push_back("founder_name");
  if (ch.founder_ico || is_cleared(ch, "founder_ico")) fields.push_back("founder_ico");
  if (ch.address || is_cleared(ch, "address")) fields.push_back("address");
  if (ch.district || is_cleared(ch, "district")) fields.push_back("district");
  if (ch.ruian_code || is_cleared(ch, "ruian_code")) fields.push_back("ruian_code");
  if (ch.capacity || is_cleared(ch, "capacity")) fields.push_back("capacity");
  if (ch.sjtsk_y || ch.sjtsk_x || ch.latitude || ch.longitude) fields.push_back("coordinates");
  security::write_audit(*tx, actor, {"update", "school", std::to_string(id), nlohmann::json{{"fields", fields}}.dump()},
                        clock_.now());
  auto detail = load_detail(*tx, *find_school(*tx, id));
  tx->commit();
  return detail;
}

Result<CompositionEstimate> SchoolService::add_composition(const Actor& actor, std::int64_t school_id,
                                                           const NewComposition& in) {
  KREDO_TRY(require_writer(actor));
  std::vector<FieldError> errors;
  if (in.school_year < 2000 || in.school_year > 2100)
    errors.push_back({"school_year", "Give the year the school year starts in (e.g. 2025 for 2025/26)."});
  auto share_ok = [](const std::optional<double>& v) { return !v || (std::isfinite(*v) && *v >= 0 && *v <= 1); };
  if (!share_ok(in.roma_share)) errors.push_back({"roma_share", "Must be a fraction from 0 to 1."});
  if (!share_ok(in.disadvantaged_share)) errors.push_back({"disadvantaged_share", "Must be a fraction from 0 to 1."});
  if (!in.roma_share && !in.disadvantaged_share)
    errors.push_back({"roma_share", "Give the Roma share, the disadvantaged share, or both."});
  if (in.source.empty()) errors.push_back({"source", "This field is required."});
  if (auto st = check_date(in.estimated_on, "estimated_on"); !st) errors.push_back(st.error().fields.front());
  if (in.confidence != "low" && in.confidence != "medium" && in.confidence != "high")
    errors.push_back({"confidence", "Use low, medium or high."});
  if (!errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  if (!find_school(*tx, school_id)) return Error::not_found("No such school.");
  const std::int64_t id =
      tx->query_one(kInsertComposition, {school_id, in.school_year, in.roma_share, in.disadvantaged_share, in.source,
                                         in.estimated_on, in.confidence, format_utc(clock_.now()), actor.username})
          ->i64(0);
  security::write_audit(*tx, actor,
                        {"create", "school_composition", std::to_string(id),
                         nlohmann::json{{"school_id", school_id}, {"school_year", in.school_year}}.dump()},
                        clock_.now());
  auto c = composition_from_row(*tx->query_one(kSelectCompositionById, {id}), load_thresholds(*tx));
  tx->commit();
  return c;
}

Result<OpennessAssessment> SchoolService::add_openness(const Actor& actor, std::int64_t school_id,
                                                       const NewOpenness& in) {
  KREDO_TRY(require_writer(actor));
  std::vector<FieldError> errors;
  if (in.stance != "open" && in.stance != "mixed" && in.stance != "closed")
    errors.push_back({"stance", "Use open, mixed or closed."});
  if (auto st = check_date(in.assessed_on, "assessed_on"); !st) errors.push_back(st.error().fields.front());
  if (in.evidence.empty()) errors.push_back({"evidence", "Say what the assessment rests on."});
  if (!errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  if (!find_school(*tx, school_id)) return Error::not_found("No such school.");
  OpennessAssessment a{0, school_id, in.stance, in.assessed_on, in.evidence,
                       in.assessed_by && !in.assessed_by->empty() ? *in.assessed_by : actor.username,
                       format_utc(clock_.now())};
  a.id = tx->query_one(kInsertOpenness, {school_id, a.stance, a.assessed_on, a.evidence, a.assessed_by, a.created_at})
             ->i64(0);
  security::write_audit(*tx, actor,
                        {"create", "school_openness", std::to_string(a.id),
                         nlohmann::json{{"school_id", school_id}, {"stance", a.stance}}.dump()},
                        clock_.now());
  tx->commit();
  return a;
}

Result<Interaction> SchoolService::add_interaction(const Actor& actor, std::int64_t school_id,
                                                   const NewInteraction& in) {
  if (!actor.is(Role::coordinator) && !actor.is(Role::admin) && !actor.is(Role::worker))
    return Error::forbidden("Only workers, coordinators and administrators can log contacts with schools.");
  static constexpr std::string_view kTypes[] = {"meeting", "phone", "email", "letter", "visit", "other"};
  std::vector<FieldError> errors;
  if (auto st = check_date(in.occurred_on, "occurred_on"); !st) errors.push_back(st.error().fields.front());
  if (std::find(std::begin(kTypes), std::end(kTypes), in.type) == std::end(kTypes))
    errors.push_back({"type", "Use meeting, phone, email, letter, visit or other."});
  if (in.summary.empty()) errors.push_back({"summary", "This field is required."});
  if (!errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  if (!find_school(*tx, school_id)) return Error::not_found("No such school.");
  Interaction i{0, school_id, in.occurred_on, in.type, actor.username, in.summary, format_utc(clock_.now())};
  std::optional<std::int64_t> user_id;
  if (actor.user_id > 0) user_id = actor.user_id;
  i.id = tx->query_one(kInsertInteraction, {school_id, i.occurred_on, i.type, user_id, i.worker, i.summary, i.created_at})
             ->i64(0);
  security::write_audit(*tx, actor,
                        {"create", "school_interaction", std::to_string(i.id),
                         nlohmann::json{{"school_id", school_id}, {"type", i.type}}.dump()},
                        clock_.now());
  tx->commit();
  return i;
}

Result<SegregationThresholds> SchoolService::thresholds(const Actor& /*any logged-in role*/) {
  auto tx = db_.begin(TxMode::read);
  return load_thresholds(*tx);
}

Result<SegregationThresholds> SchoolService::set_thresholds(const Actor& actor, const SegregationThresholds& t) {
  KREDO_TRY(require_writer(actor));
  KREDO_TRY(validate_thresholds(t));
  auto tx = db_.begin(TxMode::write);
  const std::string now = format_utc(clock_.now());
  // Shortest text that reads back as the same double.
  auto text = [](double v) { return nlohmann::json(v).dump(); };
  tx->exec(kUpsertSetting, {kSettingThirdKey, text(t.more_than_third), now});
  tx->exec(kUpsertSetting, {kSettingHalfKey, text(t.more_than_half), now});
  tx->exec(kUpsertSetting, {kSettingAlmostAllKey, text(t.almost_all), now});
  security::write_audit(*tx, actor,
                        {"update", "setting", "schools.segregation",
                         nlohmann::json{{"more_than_third", t.more_than_third},
                                        {"more_than_half", t.more_than_half},
                                        {"almost_all", t.almost_all}}
                             .dump()},
                        clock_.now());
  auto stored = load_thresholds(*tx);
  tx->commit();
  return stored;
}

Result<School> SchoolService::catchment(const Actor& /*any logged-in role*/, std::int64_t kod_adm,
                                        const std::string& level) {
  if (level != "ms" && level != "zs") return Error::field("level", "Use ms or zs.");
  if (kod_adm <= 0) return Error::field("kod_adm", "Must be a positive RÚIAN address code.");
  auto tx = db_.begin(TxMode::read);
  auto s = catchment_school(*tx, kod_adm, level);
  if (!s) return Error::not_found("No catchment school is recorded for this address and level.");
  return *s;
}

}  // namespace kredo::domain
