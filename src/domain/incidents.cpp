#include "domain/incidents.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "domain/blob_sql.hpp"
#include "domain/registry_access.hpp"
#include "domain/schools.hpp"
#include "domain/service_support.hpp"
#include "rules/date.hpp"
#include "rules/deadlines.hpp"
#include "rules/small_cells.hpp"
#include "security/audit.hpp"
#include "security/crypto.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::TxMode;

namespace {

constexpr const char* kIncidentTeam = "SELECT team_id FROM incidents WHERE id = $1";
constexpr const char* kSelectIncident =
    "SELECT i.id, i.version, t.name, i.occurred_on, i.type, i.school_id, s.name, i.institution, i.description, "
    "i.status, i.created_at, i.created_by, i.updated_at FROM incidents i JOIN teams t ON t.id = i.team_id "
    "LEFT JOIN schools s ON s.id = i.school_id WHERE i.id = $1";
constexpr const char* kSelectPeople =
    "SELECT p.id, p.given_names, p.surname FROM incident_people ip JOIN people p ON p.id = ip.person_id "
    "WHERE ip.incident_id = $1 ORDER BY p.surname, p.given_names, p.id";
constexpr const char* kSelectEvidence =
    "SELECT id, filename, content_type, size_bytes, sha256, note, created_at, created_by FROM incident_evidence "
    "WHERE incident_id = $1 ORDER BY id";
constexpr const char* kSelectActions =
    "SELECT id, version, type, taken_on, deadline, outcome, outcome_on, note, created_at, created_by, updated_at "
    "FROM incident_actions WHERE incident_id = $1";
constexpr const char* kInsertIncident =
    "INSERT INTO incidents (version, team_id, occurred_on, type, school_id, institution, description, status, "
    "created_at, created_by, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $8) RETURNING id";
constexpr const char* kUpdateIncident =
    "UPDATE incidents SET version = version + 1, team_id = $1, occurred_on = $2, type = $3, school_id = $4, "
    "institution = $5, description = $6, status = $7, updated_at = $8 WHERE id = $9 AND version = $10";
constexpr const char* kInsertIncidentPerson = "INSERT INTO incident_people (incident_id, person_id) VALUES ($1, $2)";
constexpr const char* kDeletePeople = "DELETE FROM incident_people WHERE incident_id = $1";
constexpr const char* kInsertAction =
    "INSERT INTO incident_actions (incident_id, version, type, taken_on, deadline, outcome, outcome_on, note, "
    "created_at, created_by, updated_at) VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $8) RETURNING id";
constexpr const char* kUpdateAction =
    "UPDATE incident_actions SET version = version + 1, type = $1, taken_on = $2, deadline = $3, outcome = $4, "
    "outcome_on = $5, note = $6, updated_at = $7 WHERE id = $8 AND incident_id = $9 AND version = $10";

bool sees_all(const Actor& a) { return a.is(Role::admin) || a.is(Role::coordinator); }

std::optional<std::int64_t> visible_incident(storage::Transaction& tx, const Actor& actor, std::int64_t id) {
  auto r = tx.query_one(kIncidentTeam, {id});
  if (!r) return std::nullopt;
  if (!sees_all(actor) && (!actor.team_id || *actor.team_id != r->i64(0))) return std::nullopt;
  return r->i64(0);
}

// An incident not yet created (id 0) is audited without an id.
void audit_incident(storage::Transaction& tx, const Actor& actor, const Clock& clock, const std::string& action,
                    std::int64_t id, const nlohmann::json& detail = nullptr) {
  audit(tx, actor, clock, action, "incident", id ? std::to_string(id) : std::string(), detail);
}

Evidence read_evidence(const storage::Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.i64(3), r.str(4), r.opt_str(5), r.str(6), r.str(7)};
}

IncidentAction read_action(const storage::Row& r, const std::string& today_iso) {
  IncidentAction a;
  a.id = r.i64(0);
  a.version = r.i64(1);
  a.type = r.str(2);
  a.taken_on = r.opt_str(3);
  a.deadline = r.opt_str(4);
  a.outcome = r.opt_str(5);
  a.outcome_on = r.opt_str(6);
  a.note = r.opt_str(7);
  a.created_at = r.str(8);
  a.created_by = r.str(9);
  a.updated_at = r.str(10);
  a.overdue = a.deadline && *a.deadline < today_iso && (!a.outcome || a.outcome->empty());
  return a;
}

std::optional<Incident> load(storage::Transaction& tx, std::int64_t id, const std::string& today_iso) {
  auto r = tx.query_one(kSelectIncident, {id});
  if (!r) return std::nullopt;
  Incident i;
  i.id = r->i64(0);
  i.version = r->i64(1);
  i.team = r->str(2);
  i.occurred_on = r->str(3);
  i.type = r->str(4);
  i.school_id = r->opt_i64(5);
  i.school_name = r->opt_str(6);
  i.institution = r->opt_str(7);
  i.description = r->str(8);
  i.status = r->str(9);
  i.created_at = r->str(10);
  i.created_by = r->str(11);
  i.updated_at = r->str(12);
  for (const auto& p : tx.query(kSelectPeople, {id})) i.people.push_back({p.i64(0), p.str(1) + " " + p.str(2)});
  for (const auto& e : tx.query(kSelectEvidence, {id})) i.evidence.push_back(read_evidence(e));
  for (const auto& a : tx.query(std::string(kSelectActions) + " ORDER BY COALESCE(deadline, taken_on, created_at), id", {id}))
    i.actions.push_back(read_action(a, today_iso));
  return i;
}

// A date field: valid ISO date, optionally not after today.
void check_date(const std::optional<std::string>& v, const std::string& field, std::vector<FieldError>& errors,
                const rules::Date* not_after = nullptr) {
  if (!v) return;
  auto d = rules::parse_iso_date(*v, field);
  if (!d) {
    errors.push_back({field, "Use a date YYYY-MM-DD."});
    return;
  }
  if (not_after && *d > *not_after) errors.push_back({field, "This date is in the future."});
}

bool valid_utf8_text(std::string_view s) {
  std::size_t i = 0;
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
      static_cast<unsigned char>(s[2]) == 0xBF)
    i = 3;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07;
    else return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

std::string safe_filename(const std::string& name) {
  std::string base = name;
  auto slash = base.find_last_of("/\\");
  if (slash != std::string::npos) base = base.substr(slash + 1);
  std::string out;
  for (char c : base)
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != 0x7F) out.push_back(c);
  if (out.size() > 200) out.resize(200);
  while (!out.empty() && (out.back() & 0xC0) == 0x80) out.pop_back();  // no cut UTF-8 sequence
  if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
  return out.empty() ? "evidence" : out;
}

}  // namespace

std::optional<std::string> sniff_evidence_type(std::string_view b) {
  if (b.rfind("%PDF-", 0) == 0) return "application/pdf";
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF)
    return "image/jpeg";
  if (b.rfind(std::string_view("\x89PNG\r\n\x1a\n", 8), 0) == 0) return "image/png";
  if (!b.empty() && valid_utf8_text(b)) return "text/plain";
  return std::nullopt;
}

std::int64_t IncidentService::evidence_limit() {
  auto tx = db_.begin(TxMode::read);
  auto r = tx->query_one("SELECT value FROM settings WHERE key = $1", {kEvidenceLimitKey});
  if (r) {
    try {
      long long v = std::stoll(r->str(0));
      if (v > 0) return v;
    } catch (const std::exception&) {
    }
  }
  return kDefaultEvidenceLimit;
}

Result<Incident> IncidentService::create(const Actor& actor, const IncidentInput& in) {
  KREDO_TRY(require_personal_data(actor));
  const rules::Date today_date = today(clock_);
  std::vector<FieldError> errors;
  if (!in.occurred_on) errors.push_back({"occurred_on", "This field is required."});
  check_date(in.occurred_on, "occurred_on", errors, &today_date);
  if (!in.type || !one_of(*in.type, kIncidentTypes))
    errors.push_back({"type", "Use one of the incident types."});
  if (!in.description || in.description->empty() || text::utf8_length(*in.description) > 20000)
    errors.push_back({"description", "Describe what happened (1 to 20,000 characters)."});
  const auto school_id = in.school_id.value_or(std::nullopt);
  auto institution = in.institution.value_or(std::nullopt);
  if (institution && institution->empty()) institution.reset();
  if (!school_id && !institution) errors.push_back({"school_id", "Choose a school or name the institution."});
  if (institution && text::utf8_length(*institution) > 300) errors.push_back({"institution", "At most 300 characters."});
  const std::string status = in.status.value_or("open");
  if (status != "open" && status != "closed") errors.push_back({"status", "Use open or closed."});

  auto tx = db_.begin(TxMode::write);
  if (school_id && !find_school(*tx, *school_id)) errors.push_back({"school_id", "There is no such school."});
  std::vector<std::int64_t> people;
  std::optional<std::int64_t> first_team;
  for (auto pid : in.person_ids.value_or(std::vector<std::int64_t>{})) {
    if (std::find(people.begin(), people.end(), pid) != people.end()) continue;
    auto fam = visible_person_family(*tx, actor, pid);
    if (!fam) {
      errors.push_back({"person_ids", "There is no person with id " + std::to_string(pid) + "."});
      continue;
    }
    if (!first_team) first_team = visible_family_team(*tx, actor, *fam);
    people.push_back(pid);
  }
  std::optional<std::int64_t> team_id;
  if (in.team) {
    auto t = tx->query_one("SELECT id FROM teams WHERE name = $1", {*in.team});
    if (!t) errors.push_back({"team", "There is no team called '" + *in.team + "'."});
    else team_id = t->i64(0);
  }
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (!sees_all(actor)) {
    if (!actor.team_id) return Error::forbidden("Only members of a team record incidents.");
    if (team_id && *team_id != *actor.team_id)
      return Error::forbidden("A field worker records incidents only for their own team.");
    team_id = actor.team_id;
  }
  if (!team_id) team_id = first_team;
  if (!team_id) return Error::field("team", "Choose the team that handles this incident.");

  const std::string now = format_utc(clock_.now());
  auto r = tx->query_one(kInsertIncident, {*team_id, *in.occurred_on, *in.type, school_id, institution,
                                           *in.description, status, now, actor.username});
  const std::int64_t id = r->i64(0);
  for (auto pid : people) tx->exec(kInsertIncidentPerson, {id, pid});
  audit_incident(*tx, actor, clock_, "create", id, {{"type", *in.type}, {"person_ids", people}});
  auto out = load(*tx, id, today_date.iso());
  tx->commit();
  return *out;
}

Result<Incident> IncidentService::get(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!visible_incident(*tx, actor, id)) return Error::not_found("No such incident.");
  auto out = load(*tx, id, today(clock_).iso());
  tx.reset();
  audit_read(db_, actor, clock_, "read", "incident", id);
  return *out;
}

Result<Incident> IncidentService::update(const Actor& actor, std::int64_t id, std::int64_t version,
                                         const IncidentInput& ch) {
  KREDO_TRY(require_personal_data(actor));
  const rules::Date today_date = today(clock_);
  auto tx = db_.begin(TxMode::write);
  auto team = visible_incident(*tx, actor, id);
  if (!team) return Error::not_found("No such incident.");
  auto cur = load(*tx, id, today_date.iso());
  if (cur->version != version) return Error::conflict("This incident was changed by someone else. Compare and try again.");

  std::vector<FieldError> errors;
  nlohmann::json changed = nlohmann::json::array();
  Incident next = *cur;
  if (ch.occurred_on) {
    check_date(ch.occurred_on, "occurred_on", errors, &today_date);
    next.occurred_on = *ch.occurred_on;
    changed.push_back("occurred_on");
  }
  if (ch.type) {
    if (!one_of(*ch.type, kIncidentTypes)) errors.push_back({"type", "Use one of the incident types."});
    next.type = *ch.type;
    changed.push_back("type");
  }
  if (ch.description) {
    if (ch.description->empty() || text::utf8_length(*ch.description) > 20000)
      errors.push_back({"description", "Describe what happened (1 to 20,000 characters)."});
    next.description = *ch.description;
    changed.push_back("description");
  }
  if (ch.status) {
    if (*ch.status != "open" && *ch.status != "closed") errors.push_back({"status", "Use open or closed."});
    next.status = *ch.status;
    changed.push_back("status");
  }
  if (ch.school_id) {
    next.school_id = *ch.school_id;
    if (next.school_id && !find_school(*tx, *next.school_id)) errors.push_back({"school_id", "There is no such school."});
    changed.push_back("school_id");
  }
  if (ch.institution) {
    next.institution = *ch.institution;
    if (next.institution && next.institution->empty()) next.institution.reset();
    if (next.institution && text::utf8_length(*next.institution) > 300) errors.push_back({"institution", "At most 300 characters."});
    changed.push_back("institution");
  }
  if (!next.school_id && !next.institution) errors.push_back({"school_id", "Choose a school or name the institution."});
  std::int64_t team_id = *team;
  if (ch.team) {
    auto t = tx->query_one("SELECT id FROM teams WHERE name = $1", {*ch.team});
    if (!t) errors.push_back({"team", "There is no team called '" + *ch.team + "'."});
    else team_id = t->i64(0);
    changed.push_back("team");
  }
  std::vector<std::int64_t> people;
  if (ch.person_ids) {
    for (auto pid : *ch.person_ids) {
      if (std::find(people.begin(), people.end(), pid) != people.end()) continue;
      bool already = std::any_of(cur->people.begin(), cur->people.end(), [&](const IncidentPerson& p) { return p.id == pid; });
      // People already linked stay linkable even if they are outside the actor's scope.
      if (!already && !visible_person_family(*tx, actor, pid)) {
        errors.push_back({"person_ids", "There is no person with id " + std::to_string(pid) + "."});
        continue;
      }
      people.push_back(pid);
    }
    changed.push_back("person_ids");
  }
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (!sees_all(actor) && team_id != *team) return Error::forbidden("A field worker cannot move an incident to another team.");

  auto n = tx->exec(kUpdateIncident, {team_id, next.occurred_on, next.type, next.school_id, next.institution,
                                      next.description, next.status, format_utc(clock_.now()), id, version});
  if (n != 1) return Error::conflict("This incident was changed by someone else. Compare and try again.");
  if (ch.person_ids) {
    tx->exec(kDeletePeople, {id});
    for (auto pid : people) tx->exec(kInsertIncidentPerson, {id, pid});
  }
  audit_incident(*tx, actor, clock_, "update", id, {{"fields", changed}});
  auto out = load(*tx, id, today_date.iso());
  tx->commit();
  return *out;
}

Result<IncidentPage> IncidentService::list(const Actor& actor, const IncidentQuery& q) {
  KREDO_TRY(require_personal_data(actor));
  if (!q.type.empty() && !one_of(q.type, kIncidentTypes)) return Error::field("type", "Use one of the incident types.");
  if (!q.status.empty() && q.status != "open" && q.status != "closed") return Error::field("status", "Use open or closed.");
  const std::string today_iso = today(clock_).iso();
  const std::string where =
      " WHERE ($1 = 1 OR i.team_id = $2) AND ($3 = '' OR i.type = $3) AND ($4 = '' OR i.status = $4)"
      " AND ($5 = 0 OR i.school_id = $6)"
      " AND ($7 = 0 OR EXISTS (SELECT 1 FROM incident_people x WHERE x.incident_id = i.id AND x.person_id = $8))";
  storage::Params p{sees_all(actor) ? 1 : 0, actor.team_id.value_or(-1), q.type, q.status,
                    q.school_id ? 1 : 0,     q.school_id.value_or(0),     q.person_id ? 1 : 0, q.person_id.value_or(0)};
  auto tx = db_.begin(TxMode::read);
  IncidentPage page;
  page.total = tx->query_one("SELECT COUNT(*) FROM incidents i" + where, p)->i64(0);
  storage::Params pp = p;
  pp.emplace_back(today_iso);
  pp.emplace_back(static_cast<long long>(q.page_size));
  pp.emplace_back(static_cast<long long>(q.page - 1) * q.page_size);
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& r : tx->query(
           "SELECT i.id, i.occurred_on, i.type, i.status, t.name, i.school_id, s.name, i.institution, i.updated_at, "
           "(SELECT COUNT(*) FROM incident_people x WHERE x.incident_id = i.id), "
           "(SELECT COUNT(*) FROM incident_evidence e WHERE e.incident_id = i.id), "
           "(SELECT COUNT(*) FROM incident_actions a WHERE a.incident_id = i.id AND (a.outcome IS NULL OR a.outcome = '')), "
           "(SELECT MIN(a.deadline) FROM incident_actions a WHERE a.incident_id = i.id AND a.deadline >= $9 "
           "AND (a.outcome IS NULL OR a.outcome = '')) "
           "FROM incidents i JOIN teams t ON t.id = i.team_id LEFT JOIN schools s ON s.id = i.school_id" +
               where + " ORDER BY i.occurred_on DESC, i.id DESC LIMIT $10 OFFSET $11",
           pp)) {
    IncidentListItem it;
    it.id = r.i64(0);
    it.occurred_on = r.str(1);
    it.type = r.str(2);
    it.status = r.str(3);
    it.team = r.str(4);
    it.school_id = r.opt_i64(5);
    it.school_name = r.opt_str(6);
    it.institution = r.opt_str(7);
    it.updated_at = r.str(8);
    it.people_count = r.i64(9);
    it.evidence_count = r.i64(10);
    it.open_actions = r.i64(11);
    it.next_deadline = r.opt_str(12);
    ids.push_back(it.id);
    page.items.push_back(std::move(it));
  }
  tx.reset();
  audit_read(db_, actor, clock_, "list", "incident", "", {{"ids", ids}, {"total", page.total}});
  return page;
}

Result<Evidence> IncidentService::add_evidence(const Actor& actor, std::int64_t incident_id, const std::string& filename,
                                               const std::string& bytes, const std::optional<std::string>& note) {
  KREDO_TRY(require_personal_data(actor));
  const std::int64_t limit = evidence_limit();
  auto tx = db_.begin(TxMode::write);
  if (!visible_incident(*tx, actor, incident_id)) return Error::not_found("No such incident.");
  if (bytes.empty()) return Error::field("file", "The file is empty.");
  if (static_cast<std::int64_t>(bytes.size()) > limit)
    return Error::field("file", "The file is larger than the limit of " + std::to_string(limit / (1 << 20)) +
                                    " MiB (" + std::to_string(limit) + " bytes).");
  auto type = sniff_evidence_type(bytes);
  if (!type) return Error::field("file", "Only PDF, JPEG, PNG or plain-text files can be attached as evidence.");
  if (note && text::utf8_length(*note) > 2000) return Error::field("note", "At most 2000 characters.");
  const std::string name = safe_filename(filename);
  const std::string sha = security::sha256_hex(bytes);
  const auto d = tx->dialect();
  auto r = tx->query_one(
      "INSERT INTO incident_evidence (incident_id, filename, content_type, size_bytes, sha256, note, created_at, "
      "created_by, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, " + blob_param_sql(d, 9) + ") RETURNING id",
      {incident_id, name, *type, static_cast<long long>(bytes.size()), sha, note, format_utc(clock_.now()),
       actor.username, blob_value(d, seal_blob(cipher_, bytes))});
  const std::int64_t id = r->i64(0);
  audit_incident(*tx, actor, clock_, "add_evidence", incident_id,
        {{"evidence_id", id}, {"sha256", sha}, {"size", bytes.size()}, {"content_type", *type}});
  auto e = tx->query_one(std::string(kSelectEvidence).replace(std::string(kSelectEvidence).find("incident_id = $1"), 16, "id = $1"),
                         {id});
  tx->commit();
  return read_evidence(*e);
}

Result<std::pair<Evidence, std::string>> IncidentService::evidence_file(const Actor& actor, std::int64_t incident_id,
                                                                        std::int64_t evidence_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!visible_incident(*tx, actor, incident_id)) return Error::not_found("No such incident.");
  const auto d = tx->dialect();
  auto r = tx->query_one("SELECT id, filename, content_type, size_bytes, sha256, note, created_at, created_by, " +
                             blob_column_sql(d, "data") + " FROM incident_evidence WHERE id = $1 AND incident_id = $2",
                         {evidence_id, incident_id});
  if (!r) return Error::not_found("No such evidence file.");
  std::string bytes = open_blob(cipher_, blob_from_cell(d, r->str(8)));
  audit_incident(*tx, actor, clock_, "read_evidence", incident_id, {{"evidence_id", evidence_id}});
  tx->commit();
  return std::pair{read_evidence(*r), std::move(bytes)};
}

namespace {

// Validates an action (the merged state) and fills a computed appeal deadline.
void check_action(IncidentAction& a, const ActionInput& in, std::vector<FieldError>& errors) {
  if (!one_of(a.type, kIncidentActionTypes))
    errors.push_back({"type", "Use complaint_csi, ombudsman, founder, appeal or other."});
  check_date(a.taken_on, "taken_on", errors);
  check_date(a.deadline, "deadline", errors);
  check_date(a.outcome_on, "outcome_on", errors);
  if (a.outcome && text::utf8_length(*a.outcome) > 2000) errors.push_back({"outcome", "At most 2000 characters."});
  if (a.note && text::utf8_length(*a.note) > 4000) errors.push_back({"note", "At most 4000 characters."});
  if (in.delivered_on && !a.deadline) {
    auto d = rules::parse_iso_date(*in.delivered_on, "delivered_on");
    if (!d) {
      errors.push_back({"delivered_on", "Use a date YYYY-MM-DD."});
    } else if (a.type != "appeal") {
      errors.push_back({"delivered_on", "A deadline is computed from the delivery only for an appeal."});
    } else if (auto dl = rules::appeal_deadline(*d)) {
      a.deadline = dl->last_day.iso();
      std::string basis = "Lhůta pro odvolání: " + dl->basis_cs;
      a.note = a.note && !a.note->empty() ? *a.note + "\n" + basis : basis;
    } else {
      errors.push_back({"delivered_on", dl.error().message});
    }
  }
}

}  // namespace

Result<IncidentAction> IncidentService::add_action(const Actor& actor, std::int64_t incident_id, const ActionInput& in) {
  KREDO_TRY(require_personal_data(actor));
  IncidentAction a;
  a.type = in.type.value_or("");
  a.taken_on = in.taken_on.value_or(std::nullopt);
  a.deadline = in.deadline.value_or(std::nullopt);
  a.outcome = in.outcome.value_or(std::nullopt);
  a.outcome_on = in.outcome_on.value_or(std::nullopt);
  a.note = in.note.value_or(std::nullopt);
  std::vector<FieldError> errors;
  check_action(a, in, errors);
  auto tx = db_.begin(TxMode::write);
  if (!visible_incident(*tx, actor, incident_id)) return Error::not_found("No such incident.");
  if (!errors.empty()) return Error::validation(std::move(errors));
  auto r = tx->query_one(kInsertAction, {incident_id, a.type, a.taken_on, a.deadline, a.outcome, a.outcome_on, a.note,
                                         format_utc(clock_.now()), actor.username});
  const std::int64_t id = r->i64(0);
  audit_incident(*tx, actor, clock_, "add_action", incident_id, {{"action_id", id}, {"type", a.type}});
  auto out = tx->query_one(std::string(kSelectActions) + " AND id = $2", {incident_id, id});
  tx->commit();
  return read_action(*out, today(clock_).iso());
}

Result<IncidentAction> IncidentService::update_action(const Actor& actor, std::int64_t incident_id,
                                                      std::int64_t action_id, std::int64_t version,
                                                      const ActionInput& ch) {
  KREDO_TRY(require_personal_data(actor));
  const std::string today_iso = today(clock_).iso();
  auto tx = db_.begin(TxMode::write);
  if (!visible_incident(*tx, actor, incident_id)) return Error::not_found("No such incident.");
  auto cur = tx->query_one(std::string(kSelectActions) + " AND id = $2", {incident_id, action_id});
  if (!cur) return Error::not_found("No such action.");
  IncidentAction a = read_action(*cur, today_iso);
  if (a.version != version) return Error::conflict("This action was changed by someone else. Compare and try again.");
  if (ch.type) a.type = *ch.type;
  if (ch.taken_on) a.taken_on = *ch.taken_on;
  if (ch.deadline) a.deadline = *ch.deadline;
  if (ch.outcome) a.outcome = *ch.outcome;
  if (ch.outcome_on) a.outcome_on = *ch.outcome_on;
  if (ch.note) a.note = *ch.note;
  std::vector<FieldError> errors;
  check_action(a, ch, errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  auto n = tx->exec(kUpdateAction, {a.type, a.taken_on, a.deadline, a.outcome, a.outcome_on, a.note,
                                    format_utc(clock_.now()), action_id, incident_id, version});
  if (n != 1) return Error::conflict("This action was changed by someone else. Compare and try again.");
  audit_incident(*tx, actor, clock_, "update_action", incident_id, {{"action_id", action_id}});
  auto out = tx->query_one(std::string(kSelectActions) + " AND id = $2", {incident_id, action_id});
  tx->commit();
  return read_action(*out, today_iso);
}

Result<IncidentStats> IncidentService::stats(const Actor& actor, const std::string& from, const std::string& to) {
  std::vector<FieldError> errors;
  if (!from.empty()) check_date(from, "from", errors);
  if (!to.empty()) check_date(to, "to", errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  IncidentStats s;
  auto tx = db_.begin(TxMode::read);
  // Analysts see small cells hidden, at the project's small-cell threshold (default 5).
  if (actor.is(Role::analyst)) {
    auto t = tx->query_one("SELECT suppression_threshold FROM projects ORDER BY id LIMIT 1");
    s.suppression_threshold = t ? static_cast<int>(t->i64(0)) : 5;
  }
  const std::string where = " WHERE ($1 = '' OR i.occurred_on >= $1) AND ($2 = '' OR i.occurred_on <= $2)";
  std::vector<std::int64_t> raw;  // rows, then by type, then the total
  for (const auto& r : tx->query("SELECT i.school_id, COALESCE(s.name, ''), i.type, COUNT(*) FROM incidents i "
                                 "LEFT JOIN schools s ON s.id = i.school_id" +
                                     where + " GROUP BY i.school_id, s.name, i.type ORDER BY COALESCE(s.name, ''), i.school_id, i.type",
                                 {from, to})) {
    s.rows.push_back({r.opt_i64(0), r.str(1), r.str(2), r.i64(3)});
    raw.push_back(r.i64(3));
  }
  std::int64_t total = 0;
  for (const auto& r : tx->query("SELECT i.type, COUNT(*) FROM incidents i" + where + " GROUP BY i.type ORDER BY i.type",
                                 {from, to})) {
    total += r.i64(1);
    s.by_type.emplace_back(r.str(0), r.i64(1));
  }
  // Complementary suppression: each type's column (its schools and the type's total) and the totals
  // line (every type and the grand total) must not hold a single hidden cell.
  std::vector<rules::SuppressionLine> lines;
  const std::size_t types_at = raw.size();
  for (std::size_t t = 0; t < s.by_type.size(); ++t) {
    rules::SuppressionLine col;
    for (std::size_t i = 0; i < s.rows.size(); ++i)
      if (s.rows[i].type == s.by_type[t].first) col.cells.push_back(i);
    col.cells.push_back(types_at + t);
    lines.push_back(std::move(col));
    raw.push_back(*s.by_type[t].second);
  }
  rules::SuppressionLine totals;
  for (std::size_t t = 0; t < s.by_type.size(); ++t) totals.cells.push_back(types_at + t);
  totals.cells.push_back(raw.size());
  lines.push_back(std::move(totals));
  raw.push_back(total);
  s.total = total;
  const auto hidden = rules::suppress_small_cells(raw, lines, s.suppression_threshold);
  for (std::size_t i = 0; i < s.rows.size(); ++i)
    if (hidden[i]) s.rows[i].count.reset();
  for (std::size_t t = 0; t < s.by_type.size(); ++t)
    if (hidden[types_at + t]) s.by_type[t].second.reset();
  if (hidden.back()) s.total.reset();
  s.suppressed = std::find(hidden.begin(), hidden.end(), true) != hidden.end();
  return s;
}

}  // namespace kredo::domain
