#include "domain/activities.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/text.hpp"
#include "domain/registry_access.hpp"
#include "domain/service_support.hpp"
#include "reports/support_minutes.hpp"
#include "rules/czech_calendar.hpp"
#include "rules/date.hpp"
#include "rules/support_hours.hpp"
#include "security/audit.hpp"

namespace kredo::domain {

using nlohmann::json;
using security::Actor;
using storage::TxMode;

const char* const kCountedMinutesSql =
    "CASE WHEN at.status <> 'present' THEN 0 "
    "WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes) "
    "WHEN t.counted_minutes IS NULL THEN at.minutes "
    "ELSE at.minutes * t.counted_minutes / a.duration_minutes END";

namespace {

constexpr const char* kSelectTypes =
    "SELECT id, code, name_cs, name_en, audience, counted_minutes, tracks_regularity FROM activity_types ";
constexpr const char* kSelectActivity =
    "SELECT a.id, a.version, t.code, a.group_id, a.date, a.start_time, a.end_time, a.duration_minutes, a.place, "
    "a.notes, a.created_by, a.created_at, a.updated_at, a.team_id FROM activities a "
    "JOIN activity_types t ON t.id = a.type_id WHERE a.id";  // + " IN (…)"
constexpr const char* kActivityParticipants =
    "SELECT p.id, p.given_names, p.surname, p.role FROM activity_participants ap JOIN people p ON p.id = ap.person_id "
    "WHERE ap.activity_id = $1 ORDER BY p.sort_key, p.id";
// A worker sees an activity of their team, or one with a participant from their team's caseload.
constexpr const char* kActivityScope =
    "(a.team_id = $T OR EXISTS (SELECT 1 FROM activity_participants sp JOIN people sq ON sq.id = sp.person_id "
    "JOIN families sf ON sf.id = sq.family_id WHERE sp.activity_id = a.id AND sf.team_id = $T))";
constexpr const char* kGroupScope =
    "(g.team_id = $T OR EXISTS (SELECT 1 FROM group_members sm JOIN people sq ON sq.id = sm.person_id "
    "JOIN families sf ON sf.id = sq.family_id WHERE sm.group_id = g.id AND sf.team_id = $T))";
constexpr const char* kInsertActivity =
    "INSERT INTO activities (version, type_id, group_id, team_id, date, start_time, end_time, duration_minutes, place, "
    "notes, created_by, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) "
    "RETURNING id";
constexpr const char* kUpdateActivity =
    "UPDATE activities SET version = version + 1, type_id = $1, date = $2, start_time = $3, end_time = $4, "
    "duration_minutes = $5, place = $6, notes = $7, updated_at = $8 WHERE id = $9 AND version = $10";
constexpr const char* kSelectGroup =
    "SELECT g.id, g.version, g.name, t.code, g.place, g.weekday, g.start_time, g.end_time, g.valid_from, g.valid_to, "
    "g.topics, g.created_at, g.updated_at, g.team_id, g.type_id FROM activity_groups g "
    "JOIN activity_types t ON t.id = g.type_id WHERE g.id = $1";
constexpr const char* kGroupMembers =
    "SELECT p.id, p.given_names, p.surname, p.role FROM group_members gm JOIN people p ON p.id = gm.person_id "
    "WHERE gm.group_id = $1 ORDER BY p.sort_key, p.id";
constexpr const char* kThresholdKey = "supported_person_threshold_minutes";
// The first adult recorded as the child's legal representative (either direction of the relationship).
constexpr const char* kRepresentativeName =
    "SELECT o.given_names, o.surname FROM relationships r JOIN people o ON o.id = "
    "CASE WHEN r.person_id = $1 THEN r.other_person_id ELSE r.person_id END "
    "WHERE (r.person_id = $1 OR r.other_person_id = $1) AND r.legal_representative = 1 AND o.role = 'adult' "
    "AND o.merged_into IS NULL ORDER BY r.id LIMIT 1";

constexpr std::size_t kMaxParticipants = 200;

// Replaces every "$T" with the next placeholder number.
std::string with_team(std::string sql, int n) {
  const std::string ph = "$" + std::to_string(n);
  for (auto p = sql.find("$T"); p != std::string::npos; p = sql.find("$T", p + ph.size())) sql.replace(p, 2, ph);
  return sql;
}

ActivityType type_from_row(const storage::Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.opt_i64(5), r.boolean(6)};
}

std::optional<ActivityType> find_type(storage::Transaction& tx, const std::string& code) {
  auto r = tx.query_one(std::string(kSelectTypes) + "WHERE code = $1 AND active = 1", {code});
  if (!r) return std::nullopt;
  return type_from_row(*r);
}

bool activity_visible(storage::Transaction& tx, const Actor& actor, std::int64_t id) {
  if (sees_all_families(actor)) return tx.query_one("SELECT 1 FROM activities WHERE id = $1", {id}).has_value();
  return tx
      .query_one(with_team(std::string("SELECT 1 FROM activities a WHERE a.id = $1 AND ") + kActivityScope, 2),
                 {id, actor.team_id.value_or(-1)})
      .has_value();
}

bool group_visible(storage::Transaction& tx, const Actor& actor, std::int64_t id) {
  if (sees_all_families(actor)) return tx.query_one("SELECT 1 FROM activity_groups WHERE id = $1", {id}).has_value();
  return tx
      .query_one(with_team(std::string("SELECT 1 FROM activity_groups g WHERE g.id = $1 AND ") + kGroupScope, 2),
                 {id, actor.team_id.value_or(-1)})
      .has_value();
}

// The activities `ids` (those that exist), in the order of `ids`, in five statements whatever their number (a
// list page of 50 took 250 statements one by one).
std::vector<Activity> load_activities(storage::Transaction& tx, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  storage::Params params;
  std::string in = " IN (";
  for (auto id : ids) {
    params.emplace_back(static_cast<long long>(id));
    in += (params.size() == 1 ? "$" : ", $") + std::to_string(params.size());
  }
  in += ")";
  std::map<std::int64_t, Activity> by_id;
  for (const auto& r : tx.query(kSelectActivity + in, params)) {
    Activity& a = by_id[r.i64(0)];
    a.id = r.i64(0);
    a.version = r.i64(1);
    a.type = r.str(2);
    a.group_id = r.opt_i64(3);
    a.date = r.str(4);
    a.start = r.str(5);
    a.end = r.str(6);
    a.duration_minutes = r.i64(7);
    a.place = r.opt_str(8);
    a.notes = r.opt_str(9);
    a.created_by = r.str(10);
    a.created_at = r.str(11);
    a.updated_at = r.str(12);
  }
  auto of = [&](std::int64_t id) -> Activity* {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &it->second;
  };
  for (const auto& x : tx.query("SELECT x.activity_id, c.code FROM activity_topics x JOIN activity_topics_catalog c "
                                "ON c.id = x.topic_id WHERE x.activity_id" + in + " ORDER BY x.activity_id, c.position, c.id",
                                params))
    if (auto* a = of(x.i64(0))) a->topics.push_back(x.str(1));
  for (const auto& x : tx.query("SELECT ap.activity_id, p.id, p.given_names, p.surname, p.role FROM "
                                "activity_participants ap JOIN people p ON p.id = ap.person_id WHERE ap.activity_id" +
                                    in + " ORDER BY ap.activity_id, p.sort_key, p.id",
                                params))
    if (auto* a = of(x.i64(0))) a->participants.push_back({x.i64(1), x.str(2), x.str(3), x.str(4)});
  for (const auto& x : tx.query("SELECT activity_id, user_id FROM activity_workers WHERE activity_id" + in +
                                    " ORDER BY activity_id, user_id",
                                params))
    if (auto* a = of(x.i64(0))) a->worker_ids.push_back(x.i64(1));
  for (const auto& x : tx.query("SELECT activity_id, COUNT(*) FROM attendance WHERE activity_id" + in +
                                    " GROUP BY activity_id",
                                params))
    if (auto* a = of(x.i64(0))) a->attendance_recorded = x.i64(1);
  std::vector<Activity> out;
  out.reserve(ids.size());
  for (auto id : ids)
    if (auto* a = of(id)) out.push_back(std::move(*a));
  return out;
}

std::optional<Activity> load_activity(storage::Transaction& tx, std::int64_t id) {
  auto one = load_activities(tx, {id});
  if (one.empty()) return std::nullopt;
  return std::move(one.front());
}


std::vector<std::int64_t> topic_ids(storage::Transaction& tx, const std::vector<std::string>& codes,
                                    const std::string& field, std::vector<FieldError>& errors) {
  std::vector<std::int64_t> ids;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    auto r = tx.query_one("SELECT id FROM activity_topics_catalog WHERE code = $1 AND active = 1", {codes[i]});
    if (!r) errors.push_back({field + "[" + std::to_string(i) + "]", "There is no such topic."});
    else if (seen.insert(codes[i]).second) ids.push_back(r->i64(0));
  }
  return ids;
}

// Participants (or members): each in the actor's scope, not merged, once, and of the type's audience.
// Returns the team of the first one's family (the activity's team when the actor has none).
std::optional<std::int64_t> check_people(storage::Transaction& tx, const Actor& actor,
                                         const std::vector<std::int64_t>& ids, const ActivityType* type,
                                         const std::string& field, std::vector<FieldError>& errors) {
  std::optional<std::int64_t> team;
  std::set<std::int64_t> seen;
  if (ids.size() > kMaxParticipants) {
    errors.push_back({field, "At most 200 people."});
    return team;
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string name = field + "[" + std::to_string(i) + "]";
    auto fam = visible_person_family(tx, actor, ids[i]);
    if (!fam) {
      errors.push_back({name, "There is no such person."});
      continue;
    }
    if (!seen.insert(ids[i]).second) {
      errors.push_back({name, "This person is listed twice."});
      continue;
    }
    auto p = tx.query_one("SELECT p.role, f.team_id FROM people p JOIN families f ON f.id = p.family_id WHERE p.id = $1",
                          {ids[i]});
    if (!team) team = p->i64(1);
    if (type && type->audience != "any" && p->str(0) != type->audience)
      errors.push_back({name, type->audience == "child" ? "This activity is for children; this person is an adult."
                                                        : "This activity is for adults; this person is a child."});
  }
  return team;
}

void check_workers(storage::Transaction& tx, const std::vector<std::int64_t>& ids, std::vector<FieldError>& errors) {
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string name = "worker_ids[" + std::to_string(i) + "]";
    if (!tx.query_one("SELECT 1 FROM users WHERE id = $1 AND active = 1", {ids[i]}))
      errors.push_back({name, "There is no such active user."});
    else if (!seen.insert(ids[i]).second)
      errors.push_back({name, "This worker is listed twice."});
  }
}

struct Times {
  int start = 0, end = 0;
};

// Validates start/end ("HH:MM", end after start); field errors on "start"/"end".
std::optional<Times> check_times(const std::string& start, const std::string& end, std::vector<FieldError>& errors) {
  auto s = rules::parse_clock_time(start, "start");
  auto e = rules::parse_clock_time(end, "end");
  if (!s) errors.push_back(s.error().fields.front());
  if (!e) errors.push_back(e.error().fields.front());
  if (!s || !e) return std::nullopt;
  if (*e <= *s) {
    errors.push_back({"end", "The end must be after the start."});
    return std::nullopt;
  }
  return Times{*s, *e};
}

void write_links(storage::Transaction& tx, std::int64_t id, const std::vector<std::int64_t>* topics,
                 const std::vector<std::int64_t>* participants, const std::vector<std::int64_t>* workers) {
  if (topics) {
    tx.exec("DELETE FROM activity_topics WHERE activity_id = $1", {id});
    for (auto t : *topics) tx.exec("INSERT INTO activity_topics (activity_id, topic_id) VALUES ($1, $2)", {id, t});
  }
  if (participants) {
    tx.exec("DELETE FROM activity_participants WHERE activity_id = $1", {id});
    for (auto p : *participants)
      tx.exec("INSERT INTO activity_participants (activity_id, person_id) VALUES ($1, $2)", {id, p});
  }
  if (workers) {
    tx.exec("DELETE FROM activity_workers WHERE activity_id = $1", {id});
    for (auto w : *workers) tx.exec("INSERT INTO activity_workers (activity_id, user_id) VALUES ($1, $2)", {id, w});
  }
}

Result<std::string> optional_date(const std::string& text, const std::string& field) {
  if (text.empty()) return std::string();
  auto d = rules::parse_iso_date(text, field);
  if (!d) return std::move(d).error();
  return d->iso();
}

}  // namespace

std::vector<ActivityType> ActivityService::types() {
  auto tx = db_.begin(TxMode::read);
  std::vector<ActivityType> out;
  for (const auto& r : tx->query(std::string(kSelectTypes) + "WHERE active = 1 ORDER BY position, id"))
    out.push_back(type_from_row(r));
  return out;
}

std::vector<Topic> ActivityService::topics() {
  auto tx = db_.begin(TxMode::read);
  std::vector<Topic> out;
  for (const auto& r : tx->query("SELECT id, code, name_cs, name_en FROM activity_topics_catalog WHERE active = 1 "
                                 "ORDER BY position, id"))
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3)});
  return out;
}

Result<ActivityType> ActivityService::set_type_rule(const Actor& actor, const std::string& code,
                                                    std::optional<std::int64_t> counted_minutes) {
  if (!actor.is(security::Role::admin) && !actor.is(security::Role::coordinator))
    return Error::forbidden("Only a coordinator or an admin changes the conversion rules.");
  if (counted_minutes && (*counted_minutes < 0 || *counted_minutes > 24 * 60))
    return Error::field("counted_minutes", "Use 0 to 1440 minutes, or null for the activity's duration.");
  auto tx = db_.begin(TxMode::write);
  if (!find_type(*tx, code)) return Error::not_found("No such activity type.");
  tx->exec("UPDATE activity_types SET counted_minutes = $1 WHERE code = $2", {counted_minutes, code});
  audit(*tx, actor, clock_, "update", "activity_type", code, {{"counted_minutes", counted_minutes ? json(*counted_minutes) : json()}});
  auto t = find_type(*tx, code);
  tx->commit();
  return *t;
}

Result<Activity> ActivityService::create(const Actor& actor, const ActivityFields& in) {
  KREDO_TRY(require_personal_data(actor));
  std::vector<FieldError> errors;
  auto tx = db_.begin(TxMode::write);
  std::optional<ActivityType> type;
  if (!in.type) errors.push_back({"type", "This field is required."});
  else if (!(type = find_type(*tx, *in.type))) errors.push_back({"type", "There is no such activity type."});
  std::optional<rules::Date> date;
  if (!in.date) errors.push_back({"date", "This field is required."});
  else if (auto d = rules::parse_iso_date(*in.date, "date")) date = *d;
  else errors.push_back({"date", "A date is a real date written YYYY-MM-DD."});
  std::optional<Times> times;
  if (!in.start) errors.push_back({"start", "This field is required."});
  if (!in.end) errors.push_back({"end", "This field is required."});
  if (in.start && in.end) times = check_times(*in.start, *in.end, errors);
  const auto place = in.place.value_or(std::nullopt);
  const auto notes = in.notes.value_or(std::nullopt);
  if (place && text::utf8_length(*place) > 200) errors.push_back({"place", "At most 200 characters."});
  if (notes && text::utf8_length(*notes) > 4000) errors.push_back({"notes", "At most 4000 characters."});
  auto topics = topic_ids(*tx, in.topics.value_or(std::vector<std::string>{}), "topics", errors);
  const auto participants = in.participant_ids.value_or(std::vector<std::int64_t>{});
  auto team = check_people(*tx, actor, participants, type ? &*type : nullptr, "participant_ids", errors);
  const auto workers = in.worker_ids.value_or(std::vector<std::int64_t>{actor.user_id});
  check_workers(*tx, workers, errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (actor.team_id) team = actor.team_id;
  const std::string now = format_utc(clock_.now());
  const std::int64_t id = tx->query_one(kInsertActivity, {type->id, nullptr, team, date->iso(), *in.start, *in.end,
                                                          static_cast<long long>(times->end - times->start), place, notes,
                                                          actor.username, now})
                              ->i64(0);
  write_links(*tx, id, &topics, &participants, &workers);
  audit(*tx, actor, clock_, "create", "activity", std::to_string(id),
        {{"type", type->code}, {"date", date->iso()}, {"participant_ids", participants}});
  auto a = load_activity(*tx, id);
  tx->commit();
  return *a;
}

Result<Activity> ActivityService::get(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!activity_visible(*tx, actor, id)) return Error::not_found("No such activity.");
  auto a = load_activity(*tx, id);
  tx.reset();
  audit_read(db_, actor, clock_, "read", "activity", id);
  return *a;
}

Result<Activity> ActivityService::update(const Actor& actor, std::int64_t id, std::int64_t version,
                                         const ActivityFields& ch) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!activity_visible(*tx, actor, id)) return Error::not_found("No such activity.");
  Activity cur = *load_activity(*tx, id);
  if (cur.version != version) return Error::conflict("This activity was changed by someone else. Compare and try again.");
  std::vector<FieldError> errors;
  std::optional<ActivityType> type = find_type(*tx, ch.type.value_or(cur.type));
  if (!type) errors.push_back({"type", "There is no such activity type."});
  std::string date = ch.date.value_or(cur.date);
  if (auto d = rules::parse_iso_date(date, "date"); !d) errors.push_back({"date", "A date is a real date written YYYY-MM-DD."});
  const std::string start = ch.start.value_or(cur.start), end = ch.end.value_or(cur.end);
  auto times = check_times(start, end, errors);
  const auto place = ch.place ? *ch.place : cur.place;
  const auto notes = ch.notes ? *ch.notes : cur.notes;
  if (place && text::utf8_length(*place) > 200) errors.push_back({"place", "At most 200 characters."});
  if (notes && text::utf8_length(*notes) > 4000) errors.push_back({"notes", "At most 4000 characters."});
  std::optional<std::vector<std::int64_t>> topics;
  if (ch.topics) topics = topic_ids(*tx, *ch.topics, "topics", errors);
  std::vector<std::int64_t> participants;
  for (const auto& p : cur.participants) participants.push_back(p.id);
  if (ch.participant_ids) participants = *ch.participant_ids;
  if (ch.participant_ids || ch.type) check_people(*tx, actor, participants, type ? &*type : nullptr, "participant_ids", errors);
  if (ch.worker_ids) check_workers(*tx, *ch.worker_ids, errors);
  // Partial attendance already recorded must still fit in a shorter activity.
  if (times) {
    auto longest = tx->query_one("SELECT MAX(minutes) FROM attendance WHERE activity_id = $1", {id});
    if (longest && !longest->is_null(0) && longest->i64(0) > times->end - times->start)
      errors.push_back({"end", "Attendance of " + std::to_string(longest->i64(0)) +
                                   " minutes is recorded; the activity cannot be shorter."});
  }
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (tx->exec(kUpdateActivity, {type->id, date, start, end, static_cast<long long>(times->end - times->start), place,
                                 notes, format_utc(clock_.now()), id, version}) != 1)
    return Error::conflict("This activity was changed by someone else. Compare and try again.");
  if (ch.participant_ids) {
    // Attendance of people no longer taking part goes with them (the roll-call lists participants only).
    std::set<std::int64_t> keep(participants.begin(), participants.end());
    for (const auto& p : cur.participants)
      if (!keep.count(p.id)) tx->exec("DELETE FROM attendance WHERE activity_id = $1 AND person_id = $2", {id, p.id});
  }
  write_links(*tx, id, topics ? &*topics : nullptr, ch.participant_ids ? &participants : nullptr,
              ch.worker_ids ? &*ch.worker_ids : nullptr);
  audit(*tx, actor, clock_, "update", "activity", std::to_string(id), {{"version", version + 1}});
  auto a = load_activity(*tx, id);
  tx->commit();
  return *a;
}

Result<ActivityPage> ActivityService::list(const Actor& actor, const ActivityQuery& q) {
  KREDO_TRY(require_personal_data(actor));
  auto from = optional_date(q.from, "from");
  if (!from) return std::move(from).error();
  auto to = optional_date(q.to, "to");
  if (!to) return std::move(to).error();
  // Only the conditions asked for: without any (a coordinator's first page) the count is a scan of the
  // smallest index, not of the table joined to the types (5x less on the national dataset's 246,000 sessions).
  storage::Params p;
  std::string conds;
  auto cond = [&](const std::string& sql_with_ph, storage::DbValue v) {
    p.push_back(std::move(v));
    std::string c = sql_with_ph;
    c.replace(c.find("$?"), 2, "$" + std::to_string(p.size()));
    conds += (conds.empty() ? " WHERE " : " AND ") + c;
  };
  if (!from->empty()) cond("a.date >= $?", *from);
  if (!to->empty()) cond("a.date <= $?", *to);
  if (!q.type.empty()) cond("a.type_id = (SELECT id FROM activity_types WHERE code = $?)", q.type);
  if (q.group_id.value_or(0) != 0) cond("a.group_id = $?", *q.group_id);
  if (q.person_id.value_or(0) != 0)
    cond("EXISTS (SELECT 1 FROM activity_participants pp WHERE pp.activity_id = a.id AND pp.person_id = $?)",
         *q.person_id);
  if (!sees_all_families(actor)) {
    p.emplace_back(actor.team_id.value_or(-1));
    conds += (conds.empty() ? " WHERE " : " AND ") + with_team(kActivityScope, static_cast<int>(p.size()));
  }
  const std::string where = " FROM activities a" + conds;
  auto tx = db_.begin(TxMode::read);
  ActivityPage page;
  page.total = tx->query_one("SELECT COUNT(*)" + where, p)->i64(0);
  const int n = static_cast<int>(p.size());
  p.emplace_back(static_cast<long long>(q.page_size));
  p.emplace_back(static_cast<long long>(q.page - 1) * q.page_size);
  json ids = json::array();
  std::vector<std::int64_t> page_ids;
  for (const auto& r : tx->query("SELECT a.id" + where + " ORDER BY a.date DESC, a.start_time DESC, a.id DESC LIMIT $" +
                                     std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2),
                                 p)) {
    page_ids.push_back(r.i64(0));
    ids.push_back(r.i64(0));
  }
  page.items = load_activities(*tx, page_ids);
  tx.reset();
  audit_read(db_, actor, clock_, "list", "activity", "", {{"ids", ids}, {"total", page.total}});
  return page;
}

Result<Attendance> ActivityService::attendance(const Actor& actor, std::int64_t activity_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!activity_visible(*tx, actor, activity_id)) return Error::not_found("No such activity.");
  Attendance out;
  out.activity_id = activity_id;
  for (const auto& r : tx->query("SELECT person_id, status, minutes FROM attendance WHERE activity_id = $1 "
                                 "ORDER BY person_id",
                                 {activity_id})) {
    out.records.push_back({r.i64(0), r.str(1), r.opt_i64(2)});
    (r.str(1) == "present" ? out.present : r.str(1) == "excused" ? out.excused : out.absent)++;
  }
  tx.reset();
  audit_read(db_, actor, clock_, "read", "attendance", activity_id);
  return out;
}

Result<Attendance> ActivityService::put_attendance(const Actor& actor, std::int64_t activity_id,
                                                   const std::vector<AttendanceRecord>& records) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!activity_visible(*tx, actor, activity_id)) return Error::not_found("No such activity.");
  auto a = tx->query_one("SELECT date, duration_minutes FROM activities WHERE id = $1", {activity_id});
  const std::int64_t duration = a->i64(1);
  std::set<std::int64_t> participants;
  for (const auto& r : tx->query("SELECT person_id FROM activity_participants WHERE activity_id = $1", {activity_id}))
    participants.insert(r.i64(0));
  std::vector<FieldError> errors;
  if (a->str(0) > today(clock_).iso())
    errors.push_back({"records", "Attendance can be recorded on the day of the activity or later."});
  if (records.size() > kMaxParticipants) errors.push_back({"records", "At most 200 records."});
  std::set<std::int64_t> seen;
  Attendance out;
  out.activity_id = activity_id;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    const std::string at = "records[" + std::to_string(i) + "]";
    if (!participants.count(r.person_id)) errors.push_back({at + ".person_id", "This person is not a participant of the activity."});
    else if (!seen.insert(r.person_id).second) errors.push_back({at + ".person_id", "This person is listed twice."});
    auto status = rules::parse_attendance_status(r.status);
    if (!status) errors.push_back({at + ".status", "Use present, excused or absent."});
    if (r.minutes) {
      if (status && *status != rules::AttendanceStatus::present)
        errors.push_back({at + ".minutes", "Minutes are recorded for a present person only."});
      else if (*r.minutes < 0 || *r.minutes > duration)
        errors.push_back({at + ".minutes", "Use 0 to " + std::to_string(duration) + " minutes (the activity's length)."});
    }
  }
  if (!errors.empty()) return Error::validation(std::move(errors));
  // The roll-call replaces the activity's attendance as a whole: resending it changes nothing.
  tx->exec("DELETE FROM attendance WHERE activity_id = $1", {activity_id});
  const std::string now = format_utc(clock_.now());
  if (!records.empty()) {
    std::string sql = "INSERT INTO attendance (activity_id, person_id, status, minutes, recorded_by, recorded_at) VALUES ";
    storage::Params p{activity_id, actor.username, now};
    for (std::size_t i = 0; i < records.size(); ++i) {
      const int b = static_cast<int>(p.size());
      sql += (i ? ", " : "") + std::string("($1, $") + std::to_string(b + 1) + ", $" + std::to_string(b + 2) + ", $" +
             std::to_string(b + 3) + ", $2, $3)";
      p.emplace_back(records[i].person_id);
      p.emplace_back(records[i].status);
      p.emplace_back(records[i].minutes);
    }
    tx->exec(sql, p);
  }
  json people = json::array();
  for (const auto& r : records) {
    out.records.push_back(r);
    (r.status == "present" ? out.present : r.status == "excused" ? out.excused : out.absent)++;
    people.push_back(r.person_id);
  }
  std::sort(out.records.begin(), out.records.end(), [](const auto& x, const auto& y) { return x.person_id < y.person_id; });
  audit(*tx, actor, clock_, "replace", "attendance", std::to_string(activity_id),
        {{"person_ids", people}, {"present", out.present}, {"excused", out.excused}, {"absent", out.absent}});
  tx->commit();
  return out;
}

// ---- groups ------------------------------------------------------------------------------------

namespace {

std::optional<Group> load_group(storage::Transaction& tx, std::int64_t id) {
  auto r = tx.query_one(kSelectGroup, {id});
  if (!r) return std::nullopt;
  Group g;
  g.id = r->i64(0);
  g.version = r->i64(1);
  g.name = r->str(2);
  g.type = r->str(3);
  g.place = r->opt_str(4);
  g.weekday = static_cast<int>(r->i64(5));
  g.start = r->str(6);
  g.end = r->str(7);
  g.valid_from = r->str(8);
  g.valid_to = r->opt_str(9);
  auto topics = json::parse(r->str(10), nullptr, false);
  if (topics.is_array())
    for (const auto& t : topics)
      if (t.is_string()) g.topics.push_back(t.get<std::string>());
  g.created_at = r->str(11);
  g.updated_at = r->str(12);
  for (const auto& x : tx.query(kGroupMembers, {id})) g.members.push_back({x.i64(0), x.str(1), x.str(2), x.str(3)});
  return g;
}

}  // namespace

Result<Group> ActivityService::create_group(const Actor& actor, const GroupFields& in) {
  KREDO_TRY(require_personal_data(actor));
  GroupFields f = in;
  std::vector<FieldError> errors;
  for (auto [name, v] : {std::pair{"name", &f.name}, std::pair{"type", &f.type}, std::pair{"start", &f.start},
                         std::pair{"end", &f.end}, std::pair{"valid_from", &f.valid_from}})
    if (!*v) errors.push_back({name, "This field is required."});
  if (!f.weekday) errors.push_back({"weekday", "This field is required."});
  if (!errors.empty()) return Error::validation(std::move(errors));
  auto tx = db_.begin(TxMode::write);
  Group g;
  g.name = *f.name;
  g.type = *f.type;
  g.place = f.place.value_or(std::nullopt);
  g.weekday = static_cast<int>(*f.weekday);
  g.start = *f.start;
  g.end = *f.end;
  g.valid_from = *f.valid_from;
  g.valid_to = f.valid_to.value_or(std::nullopt);
  g.topics = f.topics.value_or(std::vector<std::string>{});
  std::vector<std::int64_t> members = f.member_ids.value_or(std::vector<std::int64_t>{});
  auto type = find_type(*tx, g.type);
  if (!type) errors.push_back({"type", "There is no such activity type."});
  if (g.name.empty() || text::utf8_length(g.name) > 200) errors.push_back({"name", "A name needs 1 to 200 characters."});
  if (*f.weekday < 1 || *f.weekday > 7) errors.push_back({"weekday", "Use 1 (Monday) to 7 (Sunday)."});
  check_times(g.start, g.end, errors);
  auto vf = rules::parse_iso_date(g.valid_from, "valid_from");
  if (!vf) errors.push_back({"valid_from", "A date is a real date written YYYY-MM-DD."});
  if (g.valid_to) {
    auto vt = rules::parse_iso_date(*g.valid_to, "valid_to");
    if (!vt) errors.push_back({"valid_to", "A date is a real date written YYYY-MM-DD."});
    else if (vf && *vt < *vf) errors.push_back({"valid_to", "The end cannot be before the start."});
  }
  if (g.place && text::utf8_length(*g.place) > 200) errors.push_back({"place", "At most 200 characters."});
  topic_ids(*tx, g.topics, "topics", errors);
  auto team = check_people(*tx, actor, members, type ? &*type : nullptr, "member_ids", errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (actor.team_id) team = actor.team_id;
  const std::string now = format_utc(clock_.now());
  const std::int64_t id =
      tx->query_one("INSERT INTO activity_groups (version, name, type_id, team_id, place, weekday, start_time, end_time, "
                    "valid_from, valid_to, topics, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, "
                    "$10, $11, $11) RETURNING id",
                    {g.name, type->id, team, g.place, g.weekday, g.start, g.end, g.valid_from, g.valid_to,
                     json(g.topics).dump(), now})
          ->i64(0);
  for (auto m : members) tx->exec("INSERT INTO group_members (group_id, person_id) VALUES ($1, $2)", {id, m});
  audit(*tx, actor, clock_, "create", "group", std::to_string(id), {{"member_ids", members}});
  auto out = load_group(*tx, id);
  tx->commit();
  return *out;
}

Result<Group> ActivityService::get_group(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!group_visible(*tx, actor, id)) return Error::not_found("No such group.");
  auto g = load_group(*tx, id);
  tx.reset();
  audit_read(db_, actor, clock_, "read", "group", id);
  return *g;
}

Result<Group> ActivityService::update_group(const Actor& actor, std::int64_t id, std::int64_t version,
                                            const GroupFields& ch) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!group_visible(*tx, actor, id)) return Error::not_found("No such group.");
  Group g = *load_group(*tx, id);
  if (g.version != version) return Error::conflict("This group was changed by someone else. Compare and try again.");
  std::vector<FieldError> errors;
  if (ch.name) g.name = *ch.name;
  if (ch.type) g.type = *ch.type;
  if (ch.place) g.place = *ch.place;
  if (ch.weekday) g.weekday = static_cast<int>(*ch.weekday);
  if (ch.start) g.start = *ch.start;
  if (ch.end) g.end = *ch.end;
  if (ch.valid_from) g.valid_from = *ch.valid_from;
  if (ch.valid_to) g.valid_to = *ch.valid_to;
  if (ch.topics) g.topics = *ch.topics;
  auto type = find_type(*tx, g.type);
  if (!type) errors.push_back({"type", "There is no such activity type."});
  if (g.name.empty() || text::utf8_length(g.name) > 200) errors.push_back({"name", "A name needs 1 to 200 characters."});
  if (g.weekday < 1 || g.weekday > 7) errors.push_back({"weekday", "Use 1 (Monday) to 7 (Sunday)."});
  check_times(g.start, g.end, errors);
  auto vf = rules::parse_iso_date(g.valid_from, "valid_from");
  if (!vf) errors.push_back({"valid_from", "A date is a real date written YYYY-MM-DD."});
  if (g.valid_to) {
    auto vt = rules::parse_iso_date(*g.valid_to, "valid_to");
    if (!vt) errors.push_back({"valid_to", "A date is a real date written YYYY-MM-DD."});
    else if (vf && *vt < *vf) errors.push_back({"valid_to", "The end cannot be before the start."});
  }
  topic_ids(*tx, g.topics, "topics", errors);
  if (ch.member_ids) check_people(*tx, actor, *ch.member_ids, type ? &*type : nullptr, "member_ids", errors);
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (tx->exec("UPDATE activity_groups SET version = version + 1, name = $1, type_id = $2, place = $3, weekday = $4, "
               "start_time = $5, end_time = $6, valid_from = $7, valid_to = $8, topics = $9, updated_at = $10 "
               "WHERE id = $11 AND version = $12",
               {g.name, type->id, g.place, g.weekday, g.start, g.end, g.valid_from, g.valid_to, json(g.topics).dump(),
                format_utc(clock_.now()), id, version}) != 1)
    return Error::conflict("This group was changed by someone else. Compare and try again.");
  if (ch.member_ids) {
    tx->exec("DELETE FROM group_members WHERE group_id = $1", {id});
    for (auto m : *ch.member_ids) tx->exec("INSERT INTO group_members (group_id, person_id) VALUES ($1, $2)", {id, m});
  }
  audit(*tx, actor, clock_, "update", "group", std::to_string(id), {{"version", version + 1}});
  auto out = load_group(*tx, id);
  tx->commit();
  return *out;
}

Result<std::vector<Group>> ActivityService::list_groups(const Actor& actor) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  std::string sql = "SELECT g.id FROM activity_groups g";
  storage::Params p;
  if (!sees_all_families(actor)) {
    sql += std::string(" WHERE ") + with_team(kGroupScope, 1);
    p.emplace_back(actor.team_id.value_or(-1));
  }
  std::vector<Group> out;
  json ids = json::array();
  for (const auto& r : tx->query(sql + " ORDER BY g.name, g.id", p)) {
    out.push_back(*load_group(*tx, r.i64(0)));
    ids.push_back(r.i64(0));
  }
  tx.reset();
  audit_read(db_, actor, clock_, "list", "group", "", {{"ids", ids}});
  return out;
}

Result<GeneratedSessions> ActivityService::generate_sessions(const Actor& actor, std::int64_t group_id,
                                                             const std::string& from, const std::string& to) {
  KREDO_TRY(require_personal_data(actor));
  std::vector<FieldError> errors;
  auto f = rules::parse_iso_date(from, "from");
  auto t = rules::parse_iso_date(to, "to");
  if (!f) errors.push_back({"from", "A date is a real date written YYYY-MM-DD."});
  if (!t) errors.push_back({"to", "A date is a real date written YYYY-MM-DD."});
  if (f && t && *t < *f) errors.push_back({"to", "The end cannot be before the start."});
  if (f && t && rules::days_between(*f, *t) > 366) errors.push_back({"to", "At most one year at a time."});
  auto tx = db_.begin(TxMode::write);
  if (!group_visible(*tx, actor, group_id)) return Error::not_found("No such group.");
  if (!errors.empty()) return Error::validation(std::move(errors));
  Group g = *load_group(*tx, group_id);
  auto row = tx->query_one("SELECT team_id, type_id FROM activity_groups WHERE id = $1", {group_id});
  const auto team = row->opt_i64(0);
  const std::int64_t type_id = row->i64(1);
  auto times = *rules::parse_clock_time(g.start, "start");
  auto end_m = *rules::parse_clock_time(g.end, "end");
  std::vector<std::int64_t> topics;
  for (const auto& code : g.topics)
    if (auto r = tx->query_one("SELECT id FROM activity_topics_catalog WHERE code = $1", {code})) topics.push_back(r->i64(0));
  std::vector<std::int64_t> members;
  for (const auto& m : g.members) members.push_back(m.id);
  const rules::Date valid_from = *rules::parse_iso_date(g.valid_from);
  std::optional<rules::Date> valid_to;
  if (g.valid_to) valid_to = *rules::parse_iso_date(*g.valid_to);
  GeneratedSessions out;
  const std::string now = format_utc(clock_.now());
  for (rules::Date d = *f; d <= *t; d = d.add_days(1)) {
    if (static_cast<int>(d.weekday()) != g.weekday || d < valid_from || (valid_to && d > *valid_to)) continue;
    if (rules::is_supported_calendar_year(d.year()) && rules::is_public_holiday(d)) {
      out.skipped_holidays.push_back(d.iso());
      continue;
    }
    auto ins = tx->query_one(
        "INSERT INTO activities (version, type_id, group_id, team_id, date, start_time, end_time, duration_minutes, "
        "place, notes, created_by, created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, $10) "
        "ON CONFLICT (group_id, date) DO NOTHING RETURNING id",
        {type_id, group_id, team, d.iso(), g.start, g.end, static_cast<long long>(end_m - times), g.place,
         actor.username, now});
    if (!ins) {
      out.existing.push_back(
          tx->query_one("SELECT id FROM activities WHERE group_id = $1 AND date = $2", {group_id, d.iso()})->i64(0));
      continue;
    }
    const std::int64_t id = ins->i64(0);
    const std::vector<std::int64_t> no_workers{actor.user_id};
    write_links(*tx, id, &topics, &members, actor.user_id ? &no_workers : nullptr);
    out.created.push_back(id);
  }
  audit(*tx, actor, clock_, "generate_sessions", "group", std::to_string(group_id),
        {{"created", out.created}, {"existing", out.existing.size()}});
  tx->commit();
  return out;
}

// ---- attendance sheets -------------------------------------------------------------------------

namespace {

SheetPerson sheet_person(storage::Transaction& tx, const storage::Row& r) {
  SheetPerson p;
  p.name = r.str(1) + " " + r.str(2);
  p.role = r.str(3);
  if (p.role == "child")
    if (auto rep = tx.query_one(kRepresentativeName, {r.i64(0)})) p.representative = rep->str(0) + " " + rep->str(1);
  return p;
}

std::string topic_names(storage::Transaction& tx, std::int64_t activity_id) {
  std::string out;
  for (const auto& r : tx.query("SELECT c.name_cs FROM activity_topics x JOIN activity_topics_catalog c ON "
                                "c.id = x.topic_id WHERE x.activity_id = $1 ORDER BY c.position",
                                {activity_id}))
    out += (out.empty() ? "" : ", ") + r.str(0);
  return out;
}

SheetSession sheet_session(storage::Transaction& tx, std::int64_t activity_id) {
  auto r = tx.query_one("SELECT a.date, a.start_time, a.end_time, t.name_cs, a.place FROM activities a "
                        "JOIN activity_types t ON t.id = a.type_id WHERE a.id = $1",
                        {activity_id});
  return {r->str(0), r->str(1), r->str(2), r->str(3), r->opt_str(4).value_or(""), topic_names(tx, activity_id)};
}

std::vector<std::string> worker_names(storage::Transaction& tx, const std::string& where, const storage::Params& p) {
  std::vector<std::string> out;
  for (const auto& r : tx.query("SELECT DISTINCT u.username FROM activity_workers w JOIN users u ON u.id = w.user_id "
                                "WHERE " + where + " ORDER BY u.username",
                                p))
    out.push_back(r.str(0));
  return out;
}

}  // namespace

Result<AttendanceSheetData> ActivityService::activity_sheet(const Actor& actor, std::int64_t activity_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!activity_visible(*tx, actor, activity_id)) return Error::not_found("No such activity.");
  AttendanceSheetData d;
  d.sessions.push_back(sheet_session(*tx, activity_id));
  d.title = d.sessions.front().type_name;
  if (auto g = tx->query_one("SELECT g.name FROM activities a JOIN activity_groups g ON g.id = a.group_id WHERE a.id = $1",
                             {activity_id}))
    d.title = g->str(0);
  for (const auto& r : tx->query(kActivityParticipants, {activity_id})) d.people.push_back(sheet_person(*tx, r));
  d.workers = worker_names(*tx, "w.activity_id = $1", {activity_id});
  audit(*tx, actor, clock_, "attendance_sheet", "activity", std::to_string(activity_id));
  tx->commit();
  return d;
}

Result<AttendanceSheetData> ActivityService::group_month_sheet(const Actor& actor, std::int64_t group_id,
                                                               const std::string& month) {
  KREDO_TRY(require_personal_data(actor));
  if (month.size() != 7 || !rules::parse_iso_date(month + "-01", "month"))
    return Error::field("month", "A month is written YYYY-MM.");
  auto tx = db_.begin(TxMode::write);
  if (!group_visible(*tx, actor, group_id)) return Error::not_found("No such group.");
  AttendanceSheetData d;
  d.month = month;
  d.title = tx->query_one("SELECT name FROM activity_groups WHERE id = $1", {group_id})->str(0);
  std::vector<std::int64_t> ids;
  for (const auto& r : tx->query("SELECT id FROM activities WHERE group_id = $1 AND date >= $2 AND date <= $3 "
                                 "ORDER BY date, start_time, id",
                                 {group_id, month + "-01", month + "-31"})) {
    ids.push_back(r.i64(0));
    d.sessions.push_back(sheet_session(*tx, r.i64(0)));
  }
  // Members now, and anyone who took part in one of the month's sessions.
  for (const auto& r : tx->query(
           "SELECT p.id, p.given_names, p.surname, p.role FROM people p WHERE p.id IN (SELECT person_id FROM "
           "group_members WHERE group_id = $1) OR p.id IN (SELECT ap.person_id FROM activity_participants ap JOIN "
           "activities a ON a.id = ap.activity_id WHERE a.group_id = $1 AND a.date >= $2 AND a.date <= $3) "
           "ORDER BY p.sort_key, p.id",
           {group_id, month + "-01", month + "-31"}))
    d.people.push_back(sheet_person(*tx, r));
  d.workers = worker_names(*tx, "w.activity_id IN (SELECT id FROM activities WHERE group_id = $1 AND date >= $2 AND "
                                "date <= $3)",
                           {group_id, month + "-01", month + "-31"});
  audit(*tx, actor, clock_, "attendance_sheet", "group", std::to_string(group_id), {{"month", month}});
  tx->commit();
  return d;
}

// ---- support hours -----------------------------------------------------------------------------

rules::SupportedPersonRule ActivityService::supported_rule() {
  auto tx = db_.begin(TxMode::read);
  rules::SupportedPersonRule rule;
  if (auto r = tx->query_one(kSetting, {kThresholdKey})) {
    try {
      rule.threshold_minutes = std::stoll(r->str(0));
    } catch (const std::exception&) {
    }
  }
  return rule;
}

Result<rules::SupportedPersonRule> ActivityService::set_supported_rule(const Actor& actor,
                                                                       std::int64_t threshold_minutes) {
  if (!actor.is(security::Role::admin) && !actor.is(security::Role::coordinator))
    return Error::forbidden("Only a coordinator or an admin changes the supported-person threshold.");
  rules::SupportedPersonRule rule{threshold_minutes};
  KREDO_TRY(rules::validate_supported_person_rule(rule));
  auto tx = db_.begin(TxMode::write);
  tx->exec(kUpsertSetting, {kThresholdKey, std::to_string(threshold_minutes), format_utc(clock_.now())});
  audit(*tx, actor, clock_, "update", "setting", kThresholdKey, {{"threshold_minutes", threshold_minutes}});
  tx->commit();
  return rule;
}

Result<SupportHours> ActivityService::support_hours(const Actor& actor, std::int64_t person_id, const std::string& from,
                                                    const std::string& to) {
  KREDO_TRY(require_personal_data(actor));
  std::vector<FieldError> errors;
  auto f = optional_date(from, "from");
  auto t = optional_date(to, "to");
  if (!f) errors.push_back(f.error().fields.front());
  if (!t) errors.push_back(t.error().fields.front());
  if (f && t && !f->empty() && !t->empty() && *t < *f) errors.push_back({"to", "The end cannot be before the start."});
  const auto rule = supported_rule();
  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, person_id)) return Error::not_found("No such person.");
  if (!errors.empty()) return Error::validation(std::move(errors));
  SupportHours out;
  out.person_id = person_id;
  out.from = *f;
  out.to = *t;
  out.rule = rule;
  for (const auto& r : tx->query(std::string("SELECT t.code, COUNT(*), SUM(") + kCountedMinutesSql +
                                     ") FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN "
                                     "activity_types t ON t.id = a.type_id WHERE at.person_id = $1 AND at.status = "
                                     "'present' AND ($2 = '' OR a.date >= $2) AND ($3 = '' OR a.date <= $3) "
                                     "GROUP BY t.code ORDER BY t.code",
                                 {person_id, *f, *t})) {
    out.minutes_by_type[r.str(0)] = r.i64(2);
    out.minutes += r.i64(2);
    out.activities += r.i64(1);
  }
  audit(*tx, actor, clock_, "support_hours", "person", std::to_string(person_id), {{"from", *f}, {"to", *t}});
  tx->commit();
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> ActivityService::support_minutes_all(const std::string& from,
                                                                                        const std::string& to) {
  auto tx = db_.begin(TxMode::read);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  // Whole months from the monthly aggregate (support_minutes_monthly, kept exact by triggers), the edge
  // days from the raw attendance: the same sums as over the raw rows. An open end reads everything raw.
  auto split = to.empty() ? std::nullopt : reports::split_into_months(from, to);
  storage::Params params;
  std::string sql;
  if (split) {
    sql = "SELECT sm.person_id, SUM(sm.minutes) FROM " + reports::support_minutes_source(*split, params) +
          " GROUP BY sm.person_id";
  } else {
    params = {from, to};
    sql = std::string("SELECT at.person_id, SUM(") + kCountedMinutesSql +
          ") FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN activity_types t ON "
          "t.id = a.type_id WHERE at.status = 'present' AND ($1 = '' OR a.date >= $1) AND "
          "($2 = '' OR a.date <= $2) GROUP BY at.person_id";
  }
  auto rows = tx->query(sql, params);
  out.reserve(rows.size());
  for (const auto& r : rows) out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

Result<json> ActivityService::support_summary(const Actor& actor, const std::string& from, const std::string& to) {
  auto f = optional_date(from, "from");
  if (!f) return std::move(f).error();
  auto t = optional_date(to, "to");
  if (!t) return std::move(t).error();
  // The sums are shared by every request at the same data generation (domain::AggregateCache); the
  // audit row is each request's own.
  const char sep = '\x1f';
  auto answer = aggregates_.get("support" + std::string(1, sep) + *f + sep + *t, data_generation(db_),
                                [&]() -> Result<json> {
                                  const auto rule = supported_rule();
                                  std::int64_t with_support = 0, supported = 0, minutes = 0;
                                  for (const auto& [person, m] : support_minutes_all(*f, *t)) {
                                    if (m > 0) ++with_support;
                                    if (rules::is_supported_person(m, rule)) ++supported;
                                    minutes += m;
                                  }
                                  return json{{"from", *f},
                                              {"to", *t},
                                              {"participants_with_support", with_support},
                                              {"supported_persons", supported},
                                              {"hours", rules::minutes_to_hours(minutes)},
                                              {"threshold_hours", rules::minutes_to_hours(rule.threshold_minutes)},
                                              {"threshold_minutes", rule.threshold_minutes}};
                                });
  if (!answer) return std::move(answer).error();
  {
    auto tx = db_.begin(TxMode::write);
    audit(*tx, actor, clock_, "support_summary", "attendance", "", {{"from", *f}, {"to", *t}});
    tx->commit();
  }
  return **answer;
}

// ---- regularity --------------------------------------------------------------------------------

Result<json> ActivityService::regularity(const Actor& actor, std::int64_t person_id, const std::string& from,
                                         const std::string& to) {
  KREDO_TRY(require_personal_data(actor));
  auto f = optional_date(from, "from");
  if (!f) return std::move(f).error();
  auto t = optional_date(to, "to");
  if (!t) return std::move(t).error();
  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, person_id)) return Error::not_found("No such person.");
  json months = json::array();
  std::int64_t expected = 0, present = 0;
  for (const auto& r : tx->query(
           "SELECT substr(a.date, 1, 7), t.code, COUNT(*), SUM(CASE WHEN at.status = 'present' THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN at.status = 'excused' THEN 1 ELSE 0 END) FROM attendance at JOIN activities a ON "
           "a.id = at.activity_id JOIN activity_types t ON t.id = a.type_id WHERE at.person_id = $1 AND "
           "t.tracks_regularity = 1 AND ($2 = '' OR a.date >= $2) AND ($3 = '' OR a.date <= $3) "
           "GROUP BY substr(a.date, 1, 7), t.code ORDER BY 1, 2",
           {person_id, *f, *t})) {
    const auto n = r.i64(2), p = r.i64(3);
    expected += n;
    present += p;
    months.push_back({{"month", r.str(0)},
                      {"type", r.str(1)},
                      {"sessions", n},
                      {"present", p},
                      {"excused", r.i64(4)},
                      {"rate", n ? static_cast<double>(p) / static_cast<double>(n) : 0.0}});
  }
  audit(*tx, actor, clock_, "regularity", "person", std::to_string(person_id));
  tx->commit();
  return json{{"person_id", person_id},
              {"months", months},
              {"sessions", expected},
              {"present", present},
              {"rate", expected ? static_cast<double>(present) / static_cast<double>(expected) : 0.0}};
}

Result<json> ActivityService::drifting(const Actor& actor, const std::string& type) {
  KREDO_TRY(require_personal_data(actor));
  std::string sql =
      "SELECT x.person_id, x.date, x.code, x.status, x.rn FROM (SELECT at.person_id, a.date, t.code, at.status, "
      "ROW_NUMBER() OVER (PARTITION BY at.person_id ORDER BY a.date DESC, a.start_time DESC, a.id DESC) AS rn "
      "FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN activity_types t ON t.id = a.type_id "
      "JOIN people p ON p.id = at.person_id JOIN families f ON f.id = p.family_id "
      "WHERE t.tracks_regularity = 1 AND ($1 = '' OR t.code = $1) AND a.date <= $2 AND p.merged_into IS NULL";
  storage::Params p{type, today(clock_).iso()};
  if (!sees_all_families(actor)) {
    sql += " AND f.team_id = $3";
    p.emplace_back(actor.team_id.value_or(-1));
  }
  sql += ") x WHERE x.rn <= 3 ORDER BY x.person_id, x.rn";
  auto tx = db_.begin(TxMode::write);
  struct Acc {
    int seen = 0, missed = 0;
    json sessions = json::array();
  };
  std::map<std::int64_t, Acc> acc;
  for (const auto& r : tx->query(sql, p)) {
    auto& a = acc[r.i64(0)];
    ++a.seen;
    if (r.str(3) != "present") ++a.missed;
    a.sessions.push_back({{"date", r.str(1)}, {"type", r.str(2)}, {"status", r.str(3)}});
  }
  json items = json::array(), ids = json::array();
  for (auto& [person, a] : acc) {
    if (a.seen < 3 || a.missed < 3) continue;
    auto who = tx->query_one("SELECT p.given_names, p.surname, p.role, p.family_id, f.name FROM people p JOIN families f "
                             "ON f.id = p.family_id WHERE p.id = $1",
                             {person});
    auto last = tx->query_one("SELECT MAX(a.date) FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN "
                              "activity_types t ON t.id = a.type_id WHERE at.person_id = $1 AND at.status = 'present' "
                              "AND t.tracks_regularity = 1",
                              {person});
    items.push_back({{"person_id", person},
                     {"given_names", who->str(0)},
                     {"surname", who->str(1)},
                     {"role", who->str(2)},
                     {"family_id", who->i64(3)},
                     {"family_name", who->str(4)},
                     {"last_present", last && !last->is_null(0) ? json(last->str(0)) : json()},
                     {"last_sessions", a.sessions}});
    ids.push_back(person);
  }
  audit(*tx, actor, clock_, "drifting", "attendance", "", {{"ids", ids}});
  tx->commit();
  return json{{"items", items}, {"total", items.size()}};
}

}  // namespace kredo::domain
