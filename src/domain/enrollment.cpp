#include "domain/enrollment.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/registry_access.hpp"
#include "domain/schools.hpp"
#include "domain/service_support.hpp"
#include "domain/tasks.hpp"
#include "rules/czech_calendar.hpp"
#include "rules/small_cells.hpp"
#include "security/audit.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::Row;
using storage::Transaction;
using storage::TxMode;

namespace {

constexpr const char* kCaseFrom =
    " FROM enrollment_cases c JOIN people p ON p.id = c.person_id JOIN families f ON f.id = p.family_id "
    "JOIN teams t ON t.id = f.team_id LEFT JOIN users k ON k.id = f.keyworker_id";
constexpr const char* kCaseColumns =
    "SELECT c.id, c.version, c.person_id, p.family_id, f.team_id, t.name, f.keyworker_id, COALESCE(k.username, ''), "
    "p.given_names, p.surname, p.birth_date, f.kod_adm, c.school_year, c.level, c.stage, c.notes, "
    "c.deferral_considered, c.catchment_school_id, c.application_number, c.application_date, "
    "c.application_channel, c.application_school_id, c.zapis_date, c.decision, c.decision_date, "
    "c.decision_school_id, c.delivery_method, c.delivery_date, c.collected_date, c.delivered_on, "
    "c.appeal_deadline, c.appeal_filed_date, c.appeal_late, c.appeal_outcome, c.appeal_outcome_date, "
    "c.started_date, c.started_school_id, c.check_3_date, c.check_3_attending, c.check_12_date, "
    "c.check_12_attending, c.created_at, c.updated_at";
constexpr const char* kTargets =
    "SELECT s.id, s.izo, s.name, s.type FROM enrollment_targets e JOIN schools s ON s.id = e.school_id "
    "WHERE e.case_id = $1 ORDER BY e.position";
constexpr const char* kSchoolRef = "SELECT id, izo, name, type FROM schools WHERE id = $1";
constexpr const char* kEvents =
    "SELECT id, stage, date, data, note, recorded_at, recorded_by FROM enrollment_events WHERE case_id = $1 "
    "ORDER BY id";
constexpr const char* kPerson =
    "SELECT p.role, f.kod_adm FROM people p JOIN families f ON f.id = p.family_id WHERE p.id = $1";
constexpr const char* kDuplicate =
    "SELECT id FROM enrollment_cases WHERE person_id = $1 AND school_year = $2 AND level = $3";
constexpr const char* kInsertCase =
    "INSERT INTO enrollment_cases (version, person_id, school_year, level, catchment_school_id, deferral_considered, "
    "stage, notes, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, 'preparation', $6, $7, $7) RETURNING id";
constexpr const char* kDeleteTargets = "DELETE FROM enrollment_targets WHERE case_id = $1";
constexpr const char* kInsertTarget = "INSERT INTO enrollment_targets (case_id, position, school_id) VALUES ($1, $2, $3)";
constexpr const char* kInsertEvent =
    "INSERT INTO enrollment_events (case_id, stage, date, data, note, recorded_at, recorded_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kUpdateCase =
    "UPDATE enrollment_cases SET version = version + 1, stage = $1, notes = $2, deferral_considered = $3, "
    "catchment_school_id = $4, application_number = $5, application_date = $6, application_channel = $7, "
    "application_school_id = $8, zapis_date = $9, decision = $10, decision_date = $11, decision_school_id = $12, "
    "delivery_method = $13, delivery_date = $14, collected_date = $15, delivered_on = $16, appeal_deadline = $17, "
    "appeal_filed_date = $18, appeal_late = $19, appeal_outcome = $20, appeal_outcome_date = $21, "
    "started_date = $22, started_school_id = $23, check_3_date = $24, check_3_attending = $25, "
    "check_12_date = $26, check_12_attending = $27, updated_at = $28 WHERE id = $29 AND version = $30";
constexpr const char* kWindow = "SELECT from_date, to_date FROM zapis_windows WHERE level = $1 AND school_year = $2";
constexpr const char* kCompositionAt =
    "SELECT roma_share FROM school_composition WHERE school_id = $1 AND estimated_on <= $2 "
    "ORDER BY school_year DESC, estimated_on DESC, id DESC LIMIT 1";

// $1 sees all, $2 team, $3 school year (0 any), $4 stage ('' any), $5 level, $6 school (0 any), $7 person (0 any).
constexpr const char* kCaseListWhere =
    " WHERE ($1 = 1 OR f.team_id = $2) AND ($3 = 0 OR c.school_year = $3) AND ($4 = '' OR c.stage = $4)"
    " AND ($5 = '' OR c.level = $5) AND ($7 = 0 OR c.person_id = $7) AND ($6 = 0 OR c.catchment_school_id = $6"
    " OR c.decision_school_id = $6 OR EXISTS (SELECT 1 FROM enrollment_targets e WHERE e.case_id = c.id"
    " AND e.school_id = $6))";
constexpr const char* kCaseListColumns =
    "SELECT c.id, c.version, c.person_id, p.family_id, p.given_names, p.surname, p.birth_date, c.school_year, "
    "c.level, c.stage, c.decision, c.appeal_deadline, c.appeal_late, c.catchment_school_id, "
    "(SELECT e.school_id FROM enrollment_targets e WHERE e.case_id = c.id ORDER BY e.position LIMIT 1), c.updated_at";

std::optional<SchoolRef> school_ref(Transaction& tx, const std::optional<std::int64_t>& id) {
  if (!id) return std::nullopt;
  auto r = tx.query_one(kSchoolRef, {*id});
  if (!r) return std::nullopt;
  return SchoolRef{r->i64(0), r->str(1), r->str(2), r->str(3)};
}

std::optional<bool> opt_bool(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.i64(i) != 0;
}

std::optional<rules::Date> opt_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = rules::parse_iso_date(*s);
  if (!d) return std::nullopt;
  return *d;
}

// The furthest stage the recorded fields reach.
std::string furthest_stage(const EnrollmentCase& c) {
  using S = rules::EnrollmentStage;
  S s = S::preparation;
  if (c.application_date) s = S::application_filed;
  if (c.zapis_date) s = S::zapis_attended;
  if (c.decision_date) s = S::decision;
  if (c.delivery_date) s = S::delivery;
  if (c.appeal_filed_date) s = S::appeal;
  if (c.started_date) s = S::started_attending;
  if (c.check_3_date) s = S::attending_3_months;
  if (c.check_12_date) s = S::attending_12_months;
  return std::string(rules::wire_name(s));
}

// School types an enrollment level may target: MŠ; the compulsory pre-school year also in a
// preparatory class of a ZŠ; first grade in a ZŠ (incl. §16/9).
bool school_fits_level(const std::string& type, const std::string& level) {
  if (level == "ms") return type == "ms";
  if (level == "compulsory_preschool") return type == "ms" || type == "preparatory_class";
  return type == "zs" || type == "zs_16_9";
}

void audit_case(Transaction& tx, const Actor& actor, const Clock& clock, const std::string& action, std::int64_t id,
                const nlohmann::json& detail = nullptr) {
  audit(tx, actor, clock, action, "enrollment_case", id, detail);
}

// Validates target school ids (exist, fit the level, no repeats); errors on "target_school_ids".
Status check_targets(Transaction& tx, const std::vector<std::int64_t>& ids, const std::string& level) {
  if (ids.size() > 10) return Error::field("target_school_ids", "At most 10 target schools.");
  std::set<std::int64_t> seen;
  for (auto id : ids) {
    if (!seen.insert(id).second) return Error::field("target_school_ids", "A school is listed twice.");
    auto s = school_ref(tx, id);
    if (!s) return Error::field("target_school_ids", "There is no school with id " + std::to_string(id) + ".");
    if (!school_fits_level(s->type, level))
      return Error::field("target_school_ids", "School " + s->name + " does not admit children at this level.");
  }
  return {};
}

void write_targets(Transaction& tx, std::int64_t case_id, const std::vector<std::int64_t>& ids) {
  tx.exec(kDeleteTargets, {case_id});
  int pos = 1;
  for (auto id : ids) tx.exec(kInsertTarget, {case_id, pos++, id});
}

std::int64_t store(Transaction& tx, const EnrollmentCase& c, const std::string& now) {
  auto id_of = [](const std::optional<SchoolRef>& s) -> storage::DbValue {
    return s ? storage::DbValue(static_cast<long long>(s->id)) : storage::DbValue(nullptr);
  };
  return tx.exec(kUpdateCase, {furthest_stage(c), c.notes, c.deferral_considered, id_of(c.catchment), c.application_number,
                        c.application_date, c.application_channel, id_of(c.application_school), c.zapis_date,
                        c.decision, c.decision_date, id_of(c.decision_school), c.delivery_method, c.delivery_date,
                        c.collected_date, c.delivered_on, c.appeal_deadline, c.appeal_filed_date, c.appeal_late,
                        c.appeal_outcome, c.appeal_outcome_date, c.started_date, id_of(c.started_school),
                        c.check_3_date, c.check_3_attending, c.check_12_date, c.check_12_attending, now, c.id,
                        c.version});
}

void refresh_tasks(Transaction& tx, const EnrollmentCase& c, std::int64_t now) {
  auto p = rules::compute_pathway(pathway_input(tx, c));
  if (!p) return;  // dates outside the holiday calendar: no tasks rather than wrong ones
  std::optional<std::int64_t> assignee;
  if (c.keyworker) assignee = c.keyworker->id;
  sync_case_tasks(tx, c.id, p->tasks, assignee, now);
}

}  // namespace

std::optional<rules::ZapisWindow> zapis_window_for(Transaction& tx, const std::string& level, int school_year,
                                                   bool* is_default) {
  const rules::SchoolLevel zl = rules::zapis_level(level);
  if (is_default) *is_default = false;
  if (auto r = tx.query_one(kWindow, {std::string(rules::wire_name(zl)), school_year})) {
    auto from = rules::parse_iso_date(r->str(0));
    auto to = rules::parse_iso_date(r->str(1));
    if (from && to) return rules::ZapisWindow{zl, rules::SchoolYear{school_year}, *from, *to};
  }
  if (is_default) *is_default = true;
  const auto table = rules::default_zapis_windows();
  return rules::find_zapis_window(table, zl, rules::SchoolYear{school_year});
}

rules::PathwayInput pathway_input(Transaction& tx, const EnrollmentCase& c) {
  rules::PathwayInput in;
  in.level = c.level;
  in.school_year = rules::SchoolYear{c.school_year};
  in.birth_date = opt_date(c.child_birth_date);
  in.zapis_window = zapis_window_for(tx, c.level, c.school_year, &in.zapis_window_is_default);
  in.deferral_considered = c.deferral_considered;
  in.application_date = opt_date(c.application_date);
  in.decision = c.decision;
  in.decision_date = opt_date(c.decision_date);
  if (c.delivery_method) in.delivery_method = rules::parse_delivery_method(*c.delivery_method);
  in.delivery_date = opt_date(c.delivery_date);
  in.collected_date = opt_date(c.collected_date);
  in.appeal_filed = opt_date(c.appeal_filed_date);
  in.started = opt_date(c.started_date);
  in.check_3_recorded = c.check_3_date.has_value();
  in.check_12_recorded = c.check_12_date.has_value();
  return in;
}

std::optional<EnrollmentCase> EnrollmentService::load(Transaction& tx, std::int64_t id) {
  auto r = tx.query_one(std::string(kCaseColumns) + kCaseFrom + " WHERE c.id = $1", {id});
  if (!r) return std::nullopt;
  EnrollmentCase c;
  c.id = r->i64(0);
  c.version = r->i64(1);
  c.person_id = r->i64(2);
  c.family_id = r->i64(3);
  c.team_id = r->i64(4);
  c.team = r->str(5);
  if (!r->is_null(6)) c.keyworker = UserRef{r->i64(6), r->str(7)};
  c.child_given_names = r->str(8);
  c.child_surname = r->str(9);
  c.child_birth_date = r->str(10);
  c.kod_adm = r->opt_i64(11);
  c.school_year = static_cast<int>(r->i64(12));
  c.level = r->str(13);
  c.stage = r->str(14);
  c.notes = r->opt_str(15);
  c.deferral_considered = r->boolean(16);
  c.catchment = school_ref(tx, r->opt_i64(17));
  c.application_number = r->opt_str(18);
  c.application_date = r->opt_str(19);
  c.application_channel = r->opt_str(20);
  c.application_school = school_ref(tx, r->opt_i64(21));
  c.zapis_date = r->opt_str(22);
  c.decision = r->opt_str(23);
  c.decision_date = r->opt_str(24);
  c.decision_school = school_ref(tx, r->opt_i64(25));
  c.delivery_method = r->opt_str(26);
  c.delivery_date = r->opt_str(27);
  c.collected_date = r->opt_str(28);
  c.delivered_on = r->opt_str(29);
  c.appeal_deadline = r->opt_str(30);
  c.appeal_filed_date = r->opt_str(31);
  c.appeal_late = r->boolean(32);
  c.appeal_outcome = r->opt_str(33);
  c.appeal_outcome_date = r->opt_str(34);
  c.started_date = r->opt_str(35);
  c.started_school = school_ref(tx, r->opt_i64(36));
  c.check_3_date = r->opt_str(37);
  c.check_3_attending = opt_bool(*r, 38);
  c.check_12_date = r->opt_str(39);
  c.check_12_attending = opt_bool(*r, 40);
  c.created_at = r->str(41);
  c.updated_at = r->str(42);
  for (const auto& t : tx.query(kTargets, {id})) c.targets.push_back({t.i64(0), t.str(1), t.str(2), t.str(3)});
  for (const auto& e : tx.query(kEvents, {id}))
    c.events.push_back({e.i64(0), e.str(1), e.str(2), e.str(3), e.str(5), e.str(6), e.opt_str(4)});
  // Outcome: admitted by the decision, or on appeal, to the decision's school.
  const bool admitted = c.decision == std::optional<std::string>("admitted") ||
                        (c.decision == std::optional<std::string>("not_admitted") &&
                         c.appeal_outcome == std::optional<std::string>("granted"));
  if (admitted && c.decision_school && c.decision_date) {
    c.enrolled_school = c.decision_school;
    auto share = tx.query_one(kCompositionAt, {c.decision_school->id, *c.decision_date});
    std::optional<double> roma;
    if (share && !share->is_null(0)) roma = share->f64(0);
    c.enrolled_school_status = segregation_status(roma, load_thresholds(tx));
    if (*c.enrolled_school_status != "unknown") c.enrolled_non_segregated = *c.enrolled_school_status == "below_thresholds";
  }
  return c;
}

Result<EnrollmentCase> EnrollmentService::create(const Actor& actor, const NewEnrollmentCase& in) {
  KREDO_TRY(require_personal_data(actor));
  std::vector<FieldError> errors;
  if (!rules::is_enrollment_level(in.level)) errors.push_back({"level", "Use ms, compulsory_preschool or zs."});
  if (in.school_year < rules::kFirstCalendarYear || in.school_year >= rules::kLastCalendarYear)
    errors.push_back({"school_year", "Give the year the school year starts in (2026 = 2026/27)."});
  if (in.notes && in.notes->size() > 16000) errors.push_back({"notes", "At most 16,000 characters."});
  if (!errors.empty()) return Error::validation(std::move(errors));

  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, in.person_id))
    return Error::field("person_id", "There is no such child in your caseload.");
  auto person = tx->query_one(kPerson, {in.person_id});
  if (person->str(0) != "child") return Error::field("person_id", "Enrollment cases are for children.");
  KREDO_TRY(check_targets(*tx, in.target_school_ids, in.level));
  if (tx->query_one(kDuplicate, {in.person_id, in.school_year, in.level}))
    return Error::conflict("This child already has an enrollment case for this school year and level.");

  std::optional<std::int64_t> catchment;
  if (auto kod = person->opt_i64(1))
    if (auto s = catchment_school(*tx, *kod, rules::wire_name(rules::zapis_level(in.level)))) catchment = s->id;
  const std::string now = format_utc(clock_.now());
  const std::int64_t id = tx->query_one(kInsertCase, {in.person_id, in.school_year, in.level, catchment,
                                                      in.deferral_considered, in.notes, now})
                              ->i64(0);
  write_targets(*tx, id, in.target_school_ids);
  tx->exec(kInsertEvent, {id, "preparation", today(clock_).iso(), "{}", nullptr, now, actor.username});
  auto c = load(*tx, id);
  refresh_tasks(*tx, *c, clock_.now());
  audit_case(*tx, actor, clock_, "create", id,
        {{"person_id", in.person_id}, {"school_year", in.school_year}, {"level", in.level}});
  tx->commit();
  return *c;
}

Result<EnrollmentCase> EnrollmentService::get(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  auto c = load(*tx, id);
  if (!c || !visible_person_family(*tx, actor, c->person_id)) return Error::not_found("No such enrollment case.");
  tx.reset();
  audit_read(db_, actor, clock_, "read", "enrollment_case", id);
  return *c;
}

Result<EnrollmentCase> EnrollmentService::update(const Actor& actor, std::int64_t id, const EnrollmentChanges& ch) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  auto c = load(*tx, id);
  if (!c || !visible_person_family(*tx, actor, c->person_id)) return Error::not_found("No such enrollment case.");
  if (c->version != ch.version)
    return Error::conflict("This enrollment case was changed by someone else. Reload and try again.");
  nlohmann::json changed = nlohmann::json::array();
  if (ch.target_school_ids) {
    KREDO_TRY(check_targets(*tx, *ch.target_school_ids, c->level));
    write_targets(*tx, id, *ch.target_school_ids);
    changed.push_back("target_school_ids");
  }
  if (ch.notes) {
    if (*ch.notes && (*ch.notes)->size() > 16000) return Error::field("notes", "At most 16,000 characters.");
    c->notes = *ch.notes;
    changed.push_back("notes");
  }
  if (ch.deferral_considered) {
    c->deferral_considered = *ch.deferral_considered;
    changed.push_back("deferral_considered");
  }
  if (ch.refresh_catchment) {
    c->catchment.reset();
    if (c->kod_adm)
      if (auto s = catchment_school(*tx, *c->kod_adm, rules::wire_name(rules::zapis_level(c->level))))
        c->catchment = SchoolRef{s->id, s->izo, s->name, s->type};
    changed.push_back("catchment");
  }
  const std::string now = format_utc(clock_.now());
  if (store(*tx, *c, now) != 1)
    return Error::conflict("This enrollment case was changed by someone else. Reload and try again.");
  auto next = load(*tx, id);
  refresh_tasks(*tx, *next, clock_.now());
  audit_case(*tx, actor, clock_, "update", id, {{"fields", changed}});
  tx->commit();
  return *next;
}

Result<EnrollmentPage> EnrollmentService::list(const Actor& actor, const EnrollmentQuery& q) {
  KREDO_TRY(require_personal_data(actor));
  if (!q.stage.empty() && !rules::parse_enrollment_stage(q.stage))
    return Error::field("stage", "Unknown stage.");
  if (!q.level.empty() && !rules::is_enrollment_level(q.level))
    return Error::field("level", "Use ms, compulsory_preschool or zs.");
  auto tx = db_.begin(TxMode::read);
  storage::Params params{sees_all_families(actor) ? 1 : 0, actor.team_id.value_or(-1), q.school_year, q.stage,
                         q.level, static_cast<long long>(q.school_id), static_cast<long long>(q.person_id)};
  EnrollmentPage page;
  page.total = tx->query_one(std::string("SELECT COUNT(*)") + kCaseFrom + kCaseListWhere, params)->i64(0);
  params.push_back(q.page_size);
  params.push_back((q.page - 1) * q.page_size);
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& r : tx->query(std::string(kCaseListColumns) + kCaseFrom + kCaseListWhere +
                                     " ORDER BY c.school_year DESC, p.sort_key, c.id LIMIT $8 OFFSET $9",
                                 params)) {
    EnrollmentListItem it;
    it.id = r.i64(0);
    it.version = r.i64(1);
    it.person_id = r.i64(2);
    it.family_id = r.i64(3);
    it.child_given_names = r.str(4);
    it.child_surname = r.str(5);
    it.child_birth_date = r.str(6);
    it.school_year = static_cast<int>(r.i64(7));
    it.level = r.str(8);
    it.stage = r.str(9);
    it.decision = r.opt_str(10);
    it.appeal_deadline = r.opt_str(11);
    it.appeal_late = r.boolean(12);
    it.catchment = school_ref(*tx, r.opt_i64(13));
    it.first_target = school_ref(*tx, r.opt_i64(14));
    it.updated_at = r.str(15);
    ids.push_back(it.id);
    page.items.push_back(std::move(it));
  }
  tx.reset();
  audit_read(db_, actor, clock_, "list", "enrollment_case", "", {{"ids", ids}, {"total", page.total}});
  return page;
}

Result<StageRecorded> EnrollmentService::record_stage(const Actor& actor, std::int64_t id, const StageInput& in) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  auto loaded = load(*tx, id);
  if (!loaded || !visible_person_family(*tx, actor, loaded->person_id)) return Error::not_found("No such enrollment case.");
  if (loaded->version != in.version)
    return Error::conflict("This enrollment case was changed by someone else. Reload and try again.");
  EnrollmentCase c = *loaded;

  auto stage = rules::parse_enrollment_stage(in.stage);
  if (!stage) return Error::field("stage", "Unknown stage.");
  auto date = rules::parse_iso_date(in.date, "date");
  if (!date) return std::move(date).error();
  if (in.note && in.note->size() > 16000) return Error::field("note", "At most 16,000 characters.");
  const rules::PathwayInput before = pathway_input(*tx, c);
  KREDO_TRY(rules::check_stage_dates(before, *stage, *date));

  // The school named by the event: must exist; defaults differ per stage.
  auto named_school = [&](std::optional<SchoolRef> fallback) -> Result<std::optional<SchoolRef>> {
    if (!in.school_id) return fallback;
    auto s = school_ref(*tx, *in.school_id);
    if (!s) return Error::field("school_id", "There is no such school.");
    return std::optional<SchoolRef>(*s);
  };
  std::optional<SchoolRef> first_target;
  if (!c.targets.empty()) first_target = c.targets.front();

  nlohmann::json data = nlohmann::json::object();
  std::vector<StageWarning> warnings;
  const std::string iso = date->iso();
  using S = rules::EnrollmentStage;
  switch (*stage) {
    case S::preparation:
      break;
    case S::application_filed: {
      if (in.channel && !one_of(*in.channel, rules::kApplicationChannels))
        return Error::field("channel", "Use portal, in_person, data_box or post.");
      if (in.number && in.number->size() > 100) return Error::field("number", "At most 100 characters.");
      auto s = named_school(first_target);
      if (!s) return std::move(s).error();
      c.application_date = iso;
      c.application_number = in.number;
      c.application_channel = in.channel;
      c.application_school = *s;
      data = {{"number", in.number ? nlohmann::json(*in.number) : nlohmann::json()},
              {"channel", in.channel ? nlohmann::json(*in.channel) : nlohmann::json()}};
      if (*s) data["school_id"] = (*s)->id;
      break;
    }
    case S::zapis_attended:
      c.zapis_date = iso;
      break;
    case S::decision: {
      if (!in.decision) return Error::field("decision", "This field is required.");
      if (!one_of(*in.decision, rules::kDecisions))
        return Error::field("decision", "Use admitted, not_admitted, deferral_granted or withdrawn.");
      auto s = named_school(c.application_school ? c.application_school : first_target);
      if (!s) return std::move(s).error();
      if (!*s && (*in.decision == "admitted" || *in.decision == "not_admitted"))
        return Error::field("school_id", "Name the school that decided.");
      c.decision = in.decision;
      c.decision_date = iso;
      c.decision_school = *s;
      if (*in.decision != "not_admitted") {
        c.appeal_deadline.reset();
        c.appeal_late = false;
      }
      data = {{"decision", *in.decision}};
      if (*s) data["school_id"] = (*s)->id;
      break;
    }
    case S::delivery: {
      if (!in.method) return Error::field("method", "This field is required.");
      auto method = rules::parse_delivery_method(*in.method);
      if (!method) return Error::field("method", "Use data_box, post or in_person.");
      std::optional<rules::Date> collected;
      if (in.collected_date) {
        auto d = rules::parse_iso_date(*in.collected_date, "collected_date");
        if (!d) return std::move(d).error();
        collected = *d;
      }
      auto outcome = rules::effective_delivery(*method, *date, collected);
      if (!outcome) return std::move(outcome).error();
      c.delivery_method = *in.method;
      c.delivery_date = iso;
      c.collected_date = in.collected_date;
      c.delivered_on = outcome->delivered.iso();
      data = {{"method", *in.method}, {"delivered_on", *c.delivered_on}, {"by_fiction", outcome->by_fiction}};
      if (in.collected_date) data["collected_date"] = *in.collected_date;
      break;
    }
    case S::appeal: {
      std::string outcome = in.outcome.value_or("pending");
      if (!one_of(outcome, rules::kAppealOutcomes))
        return Error::field("outcome", "Use pending, granted, rejected or withdrawn.");
      if (in.outcome_date) {
        auto d = rules::parse_iso_date(*in.outcome_date, "outcome_date");
        if (!d) return std::move(d).error();
        if (*d < *date) return Error::field("outcome_date", "The appeal cannot be decided before it was filed.");
      }
      c.appeal_filed_date = iso;
      c.appeal_outcome = outcome;
      c.appeal_outcome_date = in.outcome_date;
      data = {{"outcome", outcome}};
      if (in.outcome_date) data["outcome_date"] = *in.outcome_date;
      break;
    }
    case S::started_attending: {
      std::optional<SchoolRef> fallback;
      if (c.decision == std::optional<std::string>("admitted") ||
          (c.decision == std::optional<std::string>("not_admitted") &&
           c.appeal_outcome == std::optional<std::string>("granted")))
        fallback = c.decision_school;
      auto s = named_school(fallback);
      if (!s) return std::move(s).error();
      c.started_date = iso;
      c.started_school = *s;
      if (*s) data["school_id"] = (*s)->id;
      break;
    }
    case S::attending_3_months:
    case S::attending_12_months: {
      if (!in.attending) return Error::field("attending", "Say whether the child still attends.");
      if (*stage == S::attending_3_months) {
        c.check_3_date = iso;
        c.check_3_attending = *in.attending;
      } else {
        c.check_12_date = iso;
        c.check_12_attending = *in.attending;
      }
      data = {{"attending", *in.attending}};
      break;
    }
  }

  // Recompute the dates that follow from the recorded ones (appeal deadline, lateness).
  auto p = rules::compute_pathway(pathway_input(*tx, c));
  if (!p) return std::move(p).error();
  if (p->appeal_deadline) {
    c.appeal_deadline = p->appeal_deadline->last_day.iso();
    c.appeal_late = p->appeal_late;
  } else {
    c.appeal_deadline.reset();
    c.appeal_late = false;
  }
  if (*stage == S::appeal && c.appeal_late) {
    data["late"] = true;
    data["deadline"] = *c.appeal_deadline;
    warnings.push_back({"appeal_late",
                        "The appeal was filed after its deadline (" + *c.appeal_deadline +
                            "). It is recorded and flagged as late.",
                        c.appeal_deadline});
  }

  const std::string now = format_utc(clock_.now());
  if (store(*tx, c, now) != 1)
    return Error::conflict("This enrollment case was changed by someone else. Reload and try again.");
  tx->exec(kInsertEvent, {id, std::string(rules::wire_name(*stage)), iso, data.dump(), in.note, now, actor.username});
  auto next = load(*tx, id);
  refresh_tasks(*tx, *next, clock_.now());
  audit_case(*tx, actor, clock_, "record_stage", id, {{"stage", rules::wire_name(*stage)}, {"date", iso}});
  tx->commit();
  return StageRecorded{std::move(*next), std::move(warnings)};
}

Result<EnrollmentPathway> EnrollmentService::pathway(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  auto c = load(*tx, id);
  if (!c || !visible_person_family(*tx, actor, c->person_id)) return Error::not_found("No such enrollment case.");
  EnrollmentPathway out;
  auto in = pathway_input(*tx, *c);
  out.zapis_window = in.zapis_window;
  out.zapis_window_is_default = in.zapis_window_is_default;
  auto p = rules::compute_pathway(in);
  if (!p) return std::move(p).error();
  out.pathway = std::move(*p);
  out.enrollment = std::move(*c);
  tx.reset();
  audit_read(db_, actor, clock_, "read_pathway", "enrollment_case", id);
  return out;
}

Result<Funnel> EnrollmentService::funnel(const Actor& actor, int school_year, const std::string& level) {
  if (school_year < rules::kFirstCalendarYear || school_year >= rules::kLastCalendarYear)
    return Error::field("school_year", "Give the year the school year starts in (2026 = 2026/27).");
  if (!level.empty() && !rules::is_enrollment_level(level))
    return Error::field("level", "Use ms, compulsory_preschool or zs.");
  auto tx = db_.begin(TxMode::read);
  const bool all = !actor.is(Role::worker);
  std::vector<std::int64_t> ids;
  for (const auto& r : tx->query(std::string("SELECT c.id") + kCaseFrom +
                                     " WHERE ($1 = 1 OR f.team_id = $2) AND c.school_year = $3 AND ($4 = '' OR c.level = $4)"
                                     " ORDER BY c.id",
                                 {all ? 1 : 0, actor.team_id.value_or(-1), school_year, level}))
    ids.push_back(r.i64(0));
  std::vector<std::string> keys = {"cases"};
  for (auto s : rules::kEnrollmentStageNames)
    if (s != "preparation") keys.emplace_back(s);
  for (const char* k : {"admitted", "not_admitted", "deferral_granted", "withdrawn", "appeals_filed", "appeals_won",
                        "appeals_late", "enrolled", "enrolled_non_segregated", "enrolled_segregated",
                        "enrolled_status_unknown"})
    keys.emplace_back(k);
  std::map<std::string, std::int64_t> counts;
  for (const auto& k : keys) counts[k] = 0;
  for (auto id : ids) {
    auto c = load(*tx, id);
    ++counts["cases"];
    const int reached = rules::stage_index(*rules::parse_enrollment_stage(c->stage));
    // Stage counts: reached that stage or a later one; the appeal counts only where filed.
    auto mark = [&](const char* key, bool on) {
      if (on) ++counts[key];
    };
    mark("application_filed", c->application_date || reached > 1);
    mark("zapis_attended", c->zapis_date.has_value() || reached > 2);
    mark("decision", c->decision_date.has_value());
    mark("delivery", c->delivery_date.has_value());
    mark("appeal", c->appeal_filed_date.has_value());
    mark("started_attending", c->started_date.has_value());
    mark("attending_3_months", c->check_3_attending == std::optional<bool>(true));
    mark("attending_12_months", c->check_12_attending == std::optional<bool>(true));
    if (c->decision) ++counts[*c->decision];
    mark("appeals_filed", c->appeal_filed_date.has_value());
    mark("appeals_won", c->appeal_outcome == std::optional<std::string>("granted"));
    mark("appeals_late", c->appeal_late);
    mark("enrolled", c->enrolled_school.has_value());
    mark("enrolled_non_segregated", c->enrolled_non_segregated == std::optional<bool>(true));
    mark("enrolled_segregated", c->enrolled_non_segregated == std::optional<bool>(false));
    mark("enrolled_status_unknown", c->enrolled_school && !c->enrolled_non_segregated);
  }
  Funnel f;
  f.school_year = school_year;
  f.level = level;
  f.suppression_threshold = 0;
  if (actor.is(Role::analyst)) {  // the project's small-cell threshold (default 5)
    auto t = tx->query_one("SELECT suppression_threshold FROM projects ORDER BY id LIMIT 1");
    f.suppression_threshold = t ? static_cast<int>(t->i64(0)) : 5;
  }
  // Complementary suppression where cells add up: the decisions to "decision" and the enrolled
  // children by their school's status to "enrolled" (rules/small_cells.hpp).
  std::vector<std::int64_t> values;
  for (const auto& k : keys) values.push_back(counts[k]);
  auto at = [&keys](const char* k) {
    return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), k) - keys.begin());
  };
  const std::vector<rules::SuppressionLine> lines{
      {{at("admitted"), at("not_admitted"), at("deferral_granted"), at("withdrawn"), at("decision")}},
      {{at("enrolled_non_segregated"), at("enrolled_segregated"), at("enrolled_status_unknown"), at("enrolled")}}};
  const auto hidden = rules::suppress_small_cells(values, lines, f.suppression_threshold);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    FunnelCell cell{keys[i], values[i], false};
    if (hidden[i]) {
      cell.count = 0;
      cell.suppressed = true;
    }
    f.cells.push_back(cell);
  }
  return f;
}

}  // namespace kredo::domain
