#include "reports/report_service.hpp"

#include <algorithm>
#include <set>

#include "common/csv.hpp"
#include "domain/registry_access.hpp"
#include "rules/date.hpp"
#include "security/audit.hpp"
#include "security/crypto.hpp"

namespace kredo::reports {

using nlohmann::json;
using security::Actor;
using security::Role;
using storage::TxMode;

namespace {

constexpr const char* kSelectProject =
    "SELECT id, version, code, name, funder, call_name, registration_number, period_from, period_to, "
    "suppression_threshold, supported_threshold_minutes, minority_target_group, updated_at, updated_by, "
    "non_segregated_max_roma_share FROM projects ORDER BY id LIMIT 1";
constexpr const char* kSelectPeriods =
    "SELECT label, period_from, period_to FROM project_periods WHERE project_id = $1 ORDER BY period_from, id";
constexpr const char* kSelectTargets = "SELECT indicator_code, target FROM project_targets WHERE project_id = $1";
constexpr const char* kUpdateProject =
    "UPDATE projects SET version = version + 1, name = $1, funder = $2, call_name = $3, registration_number = $4, "
    "period_from = $5, period_to = $6, suppression_threshold = $7, supported_threshold_minutes = $8, "
    "minority_target_group = $9, updated_at = $10, updated_by = $11, non_segregated_max_roma_share = $14 "
    "WHERE id = $12 AND version = $13";
constexpr const char* kReportColumns =
    "SELECT id, version, status, period_from, period_to, created_at, created_by, submitted_at, submitted_by, sha256, "
    "frozen FROM reports";
constexpr const char* kInsertReport =
    "INSERT INTO reports (version, project_id, period_from, period_to, status, created_at, created_by) "
    "VALUES (1, $1, $2, $3, 'draft', $4, $5) RETURNING id";
constexpr const char* kSubmitReport =
    "UPDATE reports SET version = version + 1, status = 'submitted', frozen = $1, sha256 = $2, submitted_at = $3, "
    "submitted_by = $4 WHERE id = $5 AND version = $6 AND status = 'draft'";

bool manages(const Actor& a) { return a.is(Role::coordinator) || a.is(Role::admin); }

void audit(storage::Transaction& tx, const Actor& actor, const Clock& clock, const std::string& action,
           const std::string& entity, const std::string& id, const json& detail = nullptr) {
  security::write_audit(tx, actor, {action, entity, id, detail.is_null() ? "" : detail.dump()}, clock.now());
}

Project load_project(storage::Transaction& tx) {
  auto r = tx.query_one(kSelectProject);
  if (!r) throw storage::DbError(storage::DbErrorKind::other, "the projects table has no project (migration 0007 seeds one)");
  Project p;
  p.id = r->i64(0);
  p.version = r->i64(1);
  p.code = r->str(2);
  p.name = r->str(3);
  p.funder = r->str(4);
  p.call_name = r->str(5);
  p.registration_number = r->opt_str(6);
  p.period_from = r->str(7);
  p.period_to = r->str(8);
  p.settings.suppression_threshold = r->i64(9);
  p.settings.supported_threshold_minutes = r->i64(10);
  p.settings.minority_target_group = r->boolean(11);
  p.updated_at = r->str(12);
  p.updated_by = r->str(13);
  p.settings.non_segregated_max_roma_share = r->f64(14);
  for (const auto& row : tx.query(kSelectPeriods, {p.id})) p.periods.push_back({row.str(0), row.str(1), row.str(2)});
  for (const auto& row : tx.query(kSelectTargets, {p.id})) p.targets[row.str(0)] = row.f64(1);
  return p;
}

ReportSummary summary_from_row(const storage::Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.opt_str(7), r.opt_str(8),
          r.opt_str(9)};
}

Status validate_period(const std::string& from, const std::string& to) {
  std::vector<FieldError> errors;
  auto f = rules::parse_iso_date(from, "from");
  auto t = rules::parse_iso_date(to, "to");
  if (!f) errors.push_back({"from", "A date written YYYY-MM-DD."});
  if (!t) errors.push_back({"to", "A date written YYYY-MM-DD."});
  if (f && t && *t < *f) errors.push_back({"to", "The end of the period cannot be before its start."});
  if (!errors.empty()) return Error::validation(errors);
  return {};
}

// The live document; `with_ids` false leaves every "ids" empty (readers never get them: public_view
// drops them), with the same values, breakdowns and "counted".
json live_document(storage::Transaction& tx, const Project& project, const std::string& from, const std::string& to,
                   const Clock& clock, const security::Cipher* cipher, bool with_ids) {
  EngineSettings settings = project.settings;
  settings.cipher = cipher;
  auto values = compute_indicators(tx, from, to, settings, {}, with_ids);
  return build_document(project, from, to, values, format_utc(clock.now()));
}

struct LoadedReport {
  ReportSummary summary;
  std::optional<std::string> frozen;
};

std::optional<LoadedReport> load_report(storage::Transaction& tx, std::int64_t id) {
  auto r = tx.query_one(std::string(kReportColumns) + " WHERE id = $1", {id});
  if (!r) return std::nullopt;
  return LoadedReport{summary_from_row(*r), r->opt_str(10)};
}

// The report's document: frozen text for a submitted report, a fresh computation for a draft (with
// the counted ids only when `with_ids`: drill-down and the participant list need them).
json document_of(storage::Transaction& tx, const LoadedReport& rep, const Clock& clock, bool* sha_ok,
                 const security::Cipher* cipher, bool with_ids) {
  if (rep.summary.status == "submitted" && rep.frozen) {
    if (sha_ok) *sha_ok = rep.summary.sha256 && security::sha256_hex(*rep.frozen) == *rep.summary.sha256;
    return json::parse(*rep.frozen);
  }
  if (sha_ok) *sha_ok = true;
  return live_document(tx, load_project(tx), rep.summary.from, rep.summary.to, clock, cipher, with_ids);
}

ReportView make_view(const Actor& actor, const ReportSummary& s, const json& doc, std::int64_t threshold) {
  ReportView v;
  v.summary = s;
  v.suppressed = actor.is(Role::analyst);
  v.document = public_view(doc, v.suppressed, threshold);
  return v;
}

std::string join_ids(const std::vector<std::int64_t>& ids, std::size_t from, std::size_t n) {
  std::string s;
  for (std::size_t i = from; i < std::min(ids.size(), from + n); ++i) {
    if (!s.empty()) s += ",";
    s += std::to_string(ids[i]);
  }
  return s;
}

}  // namespace

Result<Project> ReportService::project(const Actor& /*any logged-in role*/) {
  auto tx = db_.begin(TxMode::read);
  return load_project(*tx);
}

Result<Project> ReportService::update_project(const Actor& actor, const ProjectChange& ch) {
  if (!manages(actor)) return Error::forbidden("Only coordinators and admins edit the project.");
  auto tx = db_.begin(TxMode::write);
  Project p = load_project(*tx);
  if (ch.version != p.version)
    return Error::conflict("The project was changed by someone else; reload it and make your change again.");
  if (ch.name) p.name = *ch.name;
  if (ch.funder) p.funder = *ch.funder;
  if (ch.call_name) p.call_name = *ch.call_name;
  if (ch.registration_number) p.registration_number = *ch.registration_number;
  if (ch.period_from) p.period_from = *ch.period_from;
  if (ch.period_to) p.period_to = *ch.period_to;
  if (ch.suppression_threshold) p.settings.suppression_threshold = *ch.suppression_threshold;
  if (ch.supported_threshold_minutes) p.settings.supported_threshold_minutes = *ch.supported_threshold_minutes;
  if (ch.minority_target_group) p.settings.minority_target_group = *ch.minority_target_group;
  if (ch.non_segregated_max_roma_share) p.settings.non_segregated_max_roma_share = *ch.non_segregated_max_roma_share;
  if (ch.periods) p.periods = *ch.periods;
  if (ch.targets) p.targets = *ch.targets;

  std::vector<FieldError> errors;
  if (p.name.empty() || p.name.size() > 200) errors.push_back({"name", "A name needs 1 to 200 characters."});
  if (p.funder.empty() || p.funder.size() > 200) errors.push_back({"funder", "The funder needs 1 to 200 characters."});
  if (p.call_name.empty() || p.call_name.size() > 200) errors.push_back({"call", "The call needs 1 to 200 characters."});
  auto pf = rules::parse_iso_date(p.period_from, "period_from");
  auto pt = rules::parse_iso_date(p.period_to, "period_to");
  if (!pf) errors.push_back({"period_from", "A date written YYYY-MM-DD."});
  if (!pt) errors.push_back({"period_to", "A date written YYYY-MM-DD."});
  if (pf && pt && *pt < *pf) errors.push_back({"period_to", "The project cannot end before it starts."});
  if (p.settings.suppression_threshold < 1 || p.settings.suppression_threshold > 100)
    errors.push_back({"suppression_threshold", "Between 1 and 100."});
  if (p.settings.supported_threshold_minutes < 0 || p.settings.supported_threshold_minutes > 100000)
    errors.push_back({"supported_threshold_minutes", "Between 0 and 100000 minutes."});
  if (!(p.settings.non_segregated_max_roma_share >= 0 && p.settings.non_segregated_max_roma_share <= 1))
    errors.push_back({"non_segregated_max_roma_share", "A share between 0 and 1 (0.5 is one half)."});
  for (std::size_t i = 0; i < p.periods.size(); ++i) {
    const auto& per = p.periods[i];
    const std::string f = "periods[" + std::to_string(i) + "]";
    auto a = rules::parse_iso_date(per.from, "from");
    auto b = rules::parse_iso_date(per.to, "to");
    if (per.label.empty() || per.label.size() > 100) errors.push_back({f + ".label", "A label needs 1 to 100 characters."});
    if (!a || !b || *b < *a) errors.push_back({f + ".to", "A period needs two dates YYYY-MM-DD, the end not before the start."});
  }
  for (const auto& [code, target] : p.targets) {
    if (!find_indicator(code)) errors.push_back({"targets." + code, "No indicator has this code."});
    else if (target < 0) errors.push_back({"targets." + code, "A target is 0 or more."});
  }
  if (!errors.empty()) return Error::validation(errors);

  const std::string now = format_utc(clock_.now());
  if (tx->exec(kUpdateProject, {p.name, p.funder, p.call_name, p.registration_number, p.period_from, p.period_to,
                                p.settings.suppression_threshold, p.settings.supported_threshold_minutes,
                                p.settings.minority_target_group, now, actor.username, p.id, ch.version,
                                p.settings.non_segregated_max_roma_share}) != 1)
    return Error::conflict("The project was changed by someone else; reload it and make your change again.");
  if (ch.periods) {
    tx->exec("DELETE FROM project_periods WHERE project_id = $1", {p.id});
    for (const auto& per : p.periods)
      tx->exec("INSERT INTO project_periods (project_id, label, period_from, period_to) VALUES ($1, $2, $3, $4)",
               {p.id, per.label, per.from, per.to});
  }
  if (ch.targets) {
    tx->exec("DELETE FROM project_targets WHERE project_id = $1", {p.id});
    for (const auto& [code, target] : p.targets)
      tx->exec("INSERT INTO project_targets (project_id, indicator_code, target) VALUES ($1, $2, $3)",
               {p.id, code, target});
  }
  audit(*tx, actor, clock_, "update", "project", std::to_string(p.id));
  Project out = load_project(*tx);
  tx->commit();
  return out;
}

Result<json> ReportService::indicators(const Actor& actor, const std::string& from, const std::string& to) {
  KREDO_TRY(validate_period(from, to));
  auto tx = db_.begin(TxMode::read);
  Project p = load_project(*tx);
  return public_view(live_document(*tx, p, from, to, clock_, cipher_, false), actor.is(Role::analyst),
                     p.settings.suppression_threshold);
}

Result<ReportView> ReportService::create(const Actor& actor, const std::string& from, const std::string& to) {
  if (!manages(actor)) return Error::forbidden("Only coordinators and admins create reports.");
  KREDO_TRY(validate_period(from, to));
  auto tx = db_.begin(TxMode::write);
  Project p = load_project(*tx);
  const std::string now = format_utc(clock_.now());
  const std::int64_t id = tx->query_one(kInsertReport, {p.id, from, to, now, actor.username})->i64(0);
  audit(*tx, actor, clock_, "create", "report", std::to_string(id), {{"from", from}, {"to", to}});
  json doc = live_document(*tx, p, from, to, clock_, cipher_, false);  // shown without ids (make_view)
  auto rep = load_report(*tx, id);
  tx->commit();
  return make_view(actor, rep->summary, doc, p.settings.suppression_threshold);
}

Result<std::vector<ReportSummary>> ReportService::list(const Actor& /*any logged-in role*/) {
  auto tx = db_.begin(TxMode::read);
  std::vector<ReportSummary> out;
  for (const auto& r : tx->query(std::string(kReportColumns) + " ORDER BY id DESC")) out.push_back(summary_from_row(r));
  return out;
}

Result<ReportView> ReportService::get(const Actor& actor, std::int64_t id, bool compare_now) {
  auto tx = db_.begin(TxMode::read);
  auto rep = load_report(*tx, id);
  if (!rep) return Error::not_found("No such report.");
  Project p = load_project(*tx);
  bool sha_ok = true;
  json doc = document_of(*tx, *rep, clock_, &sha_ok, cipher_, false);  // shown without ids (make_view)
  ReportView v = make_view(actor, rep->summary, doc, p.settings.suppression_threshold);
  v.sha256_valid = sha_ok;
  if (compare_now && rep->summary.status == "submitted") {
    json now = public_view(live_document(*tx, p, rep->summary.from, rep->summary.to, clock_, cipher_, false),
                           v.suppressed, p.settings.suppression_threshold);
    json diff = json::array();
    for (const auto& ind : v.document["indicators"]) {
      json cur = nullptr;
      for (const auto& n : now["indicators"])
        if (n["code"] == ind["code"]) cur = n;
      json d{{"code", ind["code"]}, {"frozen", ind["value"]}, {"now", cur.is_null() ? json(nullptr) : cur["value"]}};
      d["difference"] = (d["frozen"].is_number() && d["now"].is_number())
                            ? json(d["now"].get<double>() - d["frozen"].get<double>())
                            : json(nullptr);
      if (!cur.is_null() && cur["version"] != ind["version"]) d["definition_changed"] = true;
      diff.push_back(std::move(d));
    }
    v.compared_to_now = diff;
  }
  return v;
}

Result<ReportView> ReportService::submit(const Actor& actor, std::int64_t id, std::optional<std::int64_t> version) {
  if (!manages(actor)) return Error::forbidden("Only coordinators and admins submit reports.");
  auto tx = db_.begin(TxMode::write);
  auto rep = load_report(*tx, id);
  if (!rep) return Error::not_found("No such report.");
  if (rep->summary.status == "submitted") return Error::conflict("The report was submitted already; it cannot change.");
  if (version && *version != rep->summary.version)
    return Error::conflict("The report was changed by someone else; reload it.");
  Project p = load_project(*tx);
  const std::string frozen =
      live_document(*tx, p, rep->summary.from, rep->summary.to, clock_, cipher_, true).dump();  // the counted ids too
  const std::string sha = security::sha256_hex(frozen);
  const std::string now = format_utc(clock_.now());
  if (tx->exec(kSubmitReport, {frozen, sha, now, actor.username, id, rep->summary.version}) != 1)
    return Error::conflict("The report was changed by someone else; reload it.");
  audit(*tx, actor, clock_, "submit", "report", std::to_string(id), {{"sha256", sha}});
  auto after = load_report(*tx, id);
  tx->commit();
  return make_view(actor, after->summary, json::parse(frozen), p.settings.suppression_threshold);
}

Result<DrillDown> ReportService::records(const Actor& actor, std::int64_t id, const std::string& code) {
  KREDO_TRY(domain::require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  auto rep = load_report(*tx, id);
  if (!rep) return Error::not_found("No such report.");
  const IndicatorDefinition* def = find_indicator(code);
  json doc = document_of(*tx, *rep, clock_, nullptr, cipher_, true);
  const json* ind = nullptr;
  for (const auto& i : doc["indicators"])
    if (i["code"] == code) ind = &i;
  if (!ind || !def) return Error::not_found("The report has no indicator with this code.");
  if (def->sensitive && !domain::has_special_category_access(*tx, actor))
    return Error::forbidden("This indicator counts special-category data; its records need that permission.");
  DrillDown d;
  d.code = code;
  d.entity = (*ind)["entity"].get<std::string>();
  const auto ids = (*ind)["ids"].get<std::vector<std::int64_t>>();
  d.counted = static_cast<std::int64_t>(ids.size());
  d.items = json::array();
  const bool all = domain::sees_all_families(actor);
  if (d.entity == "person") {
    for (std::size_t i = 0; i < ids.size(); i += 500) {
      const std::string sql =
          "SELECT p.id, p.given_names, p.surname, p.family_id, f.team_id, p.role FROM people p JOIN families f ON "
          "f.id = p.family_id WHERE p.id IN (" + join_ids(ids, i, 500) + ") ORDER BY p.id";
      for (const auto& r : tx->query(sql)) {
        if (!all && (!actor.team_id || r.i64(4) != *actor.team_id)) continue;
        d.items.push_back({{"id", r.i64(0)}, {"given_names", r.str(1)}, {"surname", r.str(2)},
                           {"family_id", r.i64(3)}, {"role", r.str(5)}});
      }
    }
  } else if (all) {
    for (auto i : ids) d.items.push_back({{"id", i}});
  }
  d.not_shown = d.counted - static_cast<std::int64_t>(d.items.size());
  audit(*tx, actor, clock_, "read", d.entity == "person" ? "person" : d.entity, "",
        {{"report", id}, {"indicator", code}, {"shown", d.items.size()}});
  tx->commit();
  return d;
}

Result<FileOut> ReportService::xlsx(const Actor& actor, std::int64_t id) {
  auto v = get(actor, id, false);
  if (!v) return std::move(v).error();
  return FileOut{"vykaz-" + std::to_string(id) + "-" + v->summary.from + "-" + v->summary.to + ".xlsx",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 report_xlsx(v->document, v->summary)};
}

Result<FileOut> ReportService::csv(const Actor& actor, std::int64_t id) {
  auto v = get(actor, id, false);
  if (!v) return std::move(v).error();
  return FileOut{"vykaz-" + std::to_string(id) + "-" + v->summary.from + "-" + v->summary.to + ".csv",
                 "text/csv; charset=utf-8", report_csv(v->document)};
}

Result<FileOut> ReportService::participants_csv(const Actor& actor, std::int64_t id) {
  KREDO_TRY(domain::require_personal_data(actor));
  if (!manages(actor)) return Error::forbidden("The funder's participant list is for coordinators and admins.");
  auto tx = db_.begin(TxMode::write);
  auto rep = load_report(*tx, id);
  if (!rep) return Error::not_found("No such report.");
  json doc = document_of(*tx, *rep, clock_, nullptr, cipher_, true);
  std::vector<std::int64_t> ids;
  for (const auto& i : doc["indicators"])
    if (i["code"] == "EECO01") ids = i["ids"].get<std::vector<std::int64_t>>();
  std::string out = "\xEF\xBB\xBF";
  out += csv::format_row({"ID účastníka", "Jméno", "Příjmení", "Datum narození", "Pohlaví", "Datum vstupu",
                          "Datum výstupu", "Důvod výstupu", "ISCED", "Postavení na trhu práce",
                          "Občan třetí země", "Zahraniční původ", "Bez domova / vyloučení z bydlení", "Venkov"});
  auto gender_cs = [](const std::string& g) {
    return g == "female" ? "žena" : g == "male" ? "muž" : g == "non_binary" ? "nebinární" : "neuvedeno";
  };
  auto answer_cs = [](const std::string& a) { return a == "yes" ? "ano" : a == "no" ? "ne" : "neuvedeno"; };
  for (std::size_t i = 0; i < ids.size(); i += 500) {
    const std::string sql =
        "SELECT p.id, p.given_names, p.surname, p.birth_date, p.gender, pa.entry_date, pa.exit_date, pa.exit_reason, "
        "p.education_isced, p.labour_status, pa.third_country_national, pa.foreign_background, pa.housing_exclusion, "
        "pa.rural FROM participations pa JOIN people p ON p.id = pa.person_id WHERE pa.entry_date >= $1 AND "
        "pa.entry_date <= $2 AND p.id IN (" + join_ids(ids, i, 500) + ") ORDER BY p.id, pa.entry_date, pa.id";
    std::int64_t last = 0;
    for (const auto& r : tx->query(sql, {rep->summary.from, rep->summary.to})) {
      if (r.i64(0) == last) continue;  // the participant's first entry in the period
      last = r.i64(0);
      out += csv::format_row({std::to_string(r.i64(0)), safe_cell(r.str(1)), safe_cell(r.str(2)), r.str(3),
                              gender_cs(r.str(4)), r.str(5), r.opt_str(6).value_or(""),
                              safe_cell(r.opt_str(7).value_or("")),
                              r.is_null(8) ? "" : std::to_string(r.i64(8)), safe_cell(r.opt_str(9).value_or("")),
                              answer_cs(r.str(10)), answer_cs(r.str(11)), answer_cs(r.str(12)), answer_cs(r.str(13))});
    }
  }
  audit(*tx, actor, clock_, "export", "person", "", {{"report", id}, {"participants", ids.size()}});
  tx->commit();
  return FileOut{"ucastnici-" + std::to_string(id) + ".csv", "text/csv; charset=utf-8", out};
}

}  // namespace kredo::reports
