#include "domain/tasks.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "documents/icalendar.hpp"
#include "domain/registry_access.hpp"
#include "domain/service_support.hpp"
#include "security/audit.hpp"
#include "security/crypto.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::Row;
using storage::Transaction;
using storage::TxMode;

namespace {

constexpr const char* kCaseTasks = "SELECT id, kind, status, due_date, assignee_id FROM tasks WHERE case_id = $1";
constexpr const char* kInsertTask =
    "INSERT INTO tasks (version, case_id, kind, due_date, assignee_id, status, created_at, updated_at) "
    "VALUES (1, $1, $2, $3, $4, 'open', $5, $5)";
constexpr const char* kMoveTask =
    "UPDATE tasks SET version = version + 1, due_date = $1, assignee_id = $2, updated_at = $3 WHERE id = $4";
constexpr const char* kDeleteTask = "DELETE FROM tasks WHERE id = $1";

constexpr const char* kTaskSelect =
    "SELECT t.id, t.version, t.case_id, t.kind, t.due_date, t.status, t.assignee_id, COALESCE(u.username, ''), "
    "c.person_id, p.given_names, p.surname, c.school_year, c.level, t.done_at, t.done_by, f.team_id "
    "FROM tasks t JOIN enrollment_cases c ON c.id = t.case_id JOIN people p ON p.id = c.person_id "
    "JOIN families f ON f.id = p.family_id LEFT JOIN users u ON u.id = t.assignee_id";
// $1 sees all, $2 team, $3 scope, $4 today, $5 week start, $6 week end, $7 the actor's user id.
constexpr const char* kTaskListWhere =
    " WHERE ($1 = 1 OR f.team_id = $2) AND ("
    "($3 = 'this_week' AND t.due_date >= $5 AND t.due_date <= $6) OR "
    "($3 = 'overdue' AND t.status = 'open' AND t.due_date < $4) OR "
    "($3 = 'mine' AND t.status = 'open' AND t.assignee_id = $7)) ORDER BY t.due_date, t.id";
constexpr const char* kSetStatus =
    "UPDATE tasks SET version = version + 1, status = $1, done_at = $2, done_by = $3, updated_at = $4 "
    "WHERE id = $5 AND version = $6";

constexpr const char* kFeedOf = "SELECT created_at FROM calendar_feeds WHERE user_id = $1";
constexpr const char* kDeleteFeed = "DELETE FROM calendar_feeds WHERE user_id = $1";
constexpr const char* kInsertFeed = "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)";
constexpr const char* kFeedUser =
    "SELECT u.id, u.username, u.role, u.team_id FROM calendar_feeds cf JOIN users u ON u.id = cf.user_id "
    "WHERE cf.token_hash = $1 AND u.active = 1";
constexpr const char* kFeedTasks =
    "SELECT t.id, t.kind, t.due_date, p.given_names, p.surname FROM tasks t "
    "JOIN enrollment_cases c ON c.id = t.case_id JOIN people p ON p.id = c.person_id "
    "WHERE t.assignee_id = $1 AND t.status = 'open' ORDER BY t.due_date, t.id";

Task task_from_row(const Row& r) {
  Task t;
  t.id = r.i64(0);
  t.version = r.i64(1);
  t.case_id = r.i64(2);
  t.kind = r.str(3);
  t.due_date = r.str(4);
  t.status = r.str(5);
  t.assignee_id = r.opt_i64(6);
  t.assignee = r.str(7);
  t.person_id = r.i64(8);
  t.child_name = r.str(9) + " " + r.str(10);
  t.child_initials = initials(r.str(9), r.str(10));
  t.school_year = static_cast<int>(r.i64(11));
  t.level = r.str(12);
  t.done_at = r.opt_str(13);
  t.done_by = r.opt_str(14);
  t.title_cs = task_title_cs(t.kind);
  t.title_en = task_title_en(t.kind);
  return t;
}

std::string first_letter(const std::string& s) {
  if (s.empty()) return "";
  std::size_t len = 1;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 0xF0) len = 4;
  else if (c >= 0xE0) len = 3;
  else if (c >= 0xC0) len = 2;
  return s.substr(0, std::min(len, s.size()));
}

}  // namespace

std::string task_title_cs(const std::string& kind) {
  if (kind == "zapis_window_opens") return "Začíná zápis – podat přihlášku";
  if (kind == "deferral_papers") return "Podklady k odkladu (PPP/SPC a lékař) do zápisu";
  if (kind == "appeal_deadline") return "Poslední den k odvolání";
  if (kind == "check_3_months") return "Kontrola docházky po 3 měsících";
  if (kind == "check_12_months") return "Kontrola docházky po 12 měsících";
  return kind;
}

std::string task_title_en(const std::string& kind) {
  if (kind == "zapis_window_opens") return "Zápis opens – file the application";
  if (kind == "deferral_papers") return "Deferral papers (PPP/SPC and doctor) before zápis";
  if (kind == "appeal_deadline") return "Last day to appeal";
  if (kind == "check_3_months") return "Attendance check after 3 months";
  if (kind == "check_12_months") return "Attendance check after 12 months";
  return kind;
}

std::string initials(const std::string& given_names, const std::string& surname) {
  std::string out;
  if (auto g = first_letter(given_names); !g.empty()) out += g + ".";
  if (auto s = first_letter(surname); !s.empty()) out += (out.empty() ? "" : " ") + s + ".";
  return out;
}

void sync_case_tasks(Transaction& tx, std::int64_t case_id, const std::vector<rules::TaskDue>& due,
                     std::optional<std::int64_t> assignee_id, std::int64_t now) {
  const std::string ts = format_utc(now);
  std::map<std::string, rules::Date> wanted;
  for (const auto& d : due) wanted.emplace(d.kind, d.due);
  for (const auto& r : tx.query(kCaseTasks, {case_id})) {
    const std::string kind = r.str(1);
    auto it = wanted.find(kind);
    const bool open = r.str(2) == "open";
    if (it == wanted.end()) {
      if (open) tx.exec(kDeleteTask, {r.i64(0)});
    } else {
      if (open && (r.str(3) != it->second.iso() || r.opt_i64(4) != assignee_id))
        tx.exec(kMoveTask, {it->second.iso(), assignee_id, ts, r.i64(0)});
      wanted.erase(it);
    }
  }
  for (const auto& [kind, date] : wanted) tx.exec(kInsertTask, {case_id, kind, date.iso(), assignee_id, ts});
}

Result<std::vector<Task>> TaskService::list(const Actor& actor, const TaskQuery& q) {
  KREDO_TRY(require_personal_data(actor));
  if (q.scope != "this_week" && q.scope != "overdue" && q.scope != "mine")
    return Error::field("scope", "Use this_week, overdue or mine.");
  const rules::Date t = today(clock_);
  const rules::Date monday = t.add_days(-(static_cast<int>(t.weekday()) - 1));
  auto tx = db_.begin(TxMode::read);
  std::vector<Task> out;
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& r : tx->query(std::string(kTaskSelect) + kTaskListWhere,
                                 {sees_all_families(actor) ? 1 : 0, actor.team_id.value_or(-1), q.scope, t.iso(),
                                  monday.iso(), monday.add_days(6).iso(), actor.user_id})) {
    out.push_back(task_from_row(r));
    ids.push_back(out.back().id);
  }
  tx.reset();
  audit_read(db_, actor, clock_, "list", "task", "", {{"scope", q.scope}, {"ids", ids}});
  return out;
}

Result<Task> TaskService::set_status(const Actor& actor, std::int64_t id, std::int64_t version,
                                     const std::string& status) {
  KREDO_TRY(require_personal_data(actor));
  if (status != "open" && status != "done") return Error::field("status", "Use done or open.");
  auto tx = db_.begin(TxMode::write);
  auto r = tx->query_one(std::string(kTaskSelect) + " WHERE t.id = $1", {id});
  if (!r || !(sees_all_families(actor) || (actor.team_id && *actor.team_id == r->i64(15))))
    return Error::not_found("No such task.");
  if (r->i64(1) != version) return Error::conflict("This task was changed by someone else. Reload and try again.");
  const std::string now = format_utc(clock_.now());
  const bool done = status == "done";
  if (tx->exec(kSetStatus, {status, done ? storage::DbValue(now) : storage::DbValue(nullptr),
                            done ? storage::DbValue(actor.username) : storage::DbValue(nullptr), now, id, version}) != 1)
    return Error::conflict("This task was changed by someone else. Reload and try again.");
  security::write_audit(*tx, actor, {done ? "complete" : "reopen", "task", std::to_string(id),
                                     nlohmann::json{{"case_id", r->i64(2)}}.dump()},
                        clock_.now());
  auto t = task_from_row(*tx->query_one(std::string(kTaskSelect) + " WHERE t.id = $1", {id}));
  tx->commit();
  return t;
}

Result<FeedStatus> TaskService::feed_status(const Actor& actor) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  FeedStatus s;
  if (auto r = tx->query_one(kFeedOf, {actor.user_id})) {
    s.active = true;
    s.created_at = r->str(0);
  }
  return s;
}

Result<FeedStatus> TaskService::rotate_feed(const Actor& actor) {
  KREDO_TRY(require_personal_data(actor));
  if (actor.user_id == 0) return Error::forbidden("The system has no calendar.");
  const std::string token = security::random_hex(32);
  const std::string now = format_utc(clock_.now());
  auto tx = db_.begin(TxMode::write);
  const bool existed = tx->exec(kDeleteFeed, {actor.user_id}) > 0;
  tx->exec(kInsertFeed, {actor.user_id, security::sha256_hex(token), now});
  security::write_audit(*tx, actor, {existed ? "rotate" : "create", "calendar_feed", std::to_string(actor.user_id), ""},
                        clock_.now());
  tx->commit();
  return FeedStatus{true, now, token};
}

Status TaskService::revoke_feed(const Actor& actor) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (tx->exec(kDeleteFeed, {actor.user_id}) == 0) return Error::not_found("You have no calendar feed.");
  security::write_audit(*tx, actor, {"revoke", "calendar_feed", std::to_string(actor.user_id), ""}, clock_.now());
  tx->commit();
  return {};
}

Result<std::string> TaskService::feed_ics(const std::string& token) {
  auto tx = db_.begin(TxMode::write);
  auto u = tx->query_one(kFeedUser, {security::sha256_hex(token)});
  if (!u) return Error::not_found("No such calendar.");
  Actor actor;
  actor.user_id = u->i64(0);
  actor.username = u->str(1);
  if (auto role = security::parse_role(u->str(2))) actor.role = *role;
  actor.team_id = u->opt_i64(3);
  actor.request_id = "calendar-feed";
  std::vector<documents::CalendarEvent> events;
  for (const auto& r : tx->query(kFeedTasks, {actor.user_id})) {
    auto date = rules::parse_iso_date(r.str(2));
    if (!date) continue;
    const std::string kind = r.str(1);
    // Only the child's initials leave the system: a calendar app is not a case file.
    events.push_back({"task-" + std::to_string(r.i64(0)) + "@kredo", *date,
                      initials(r.str(3), r.str(4)) + " – " + task_title_cs(kind), task_title_en(kind)});
  }
  security::write_audit(*tx, actor, {"read_feed", "calendar_feed", std::to_string(actor.user_id),
                                     nlohmann::json{{"events", events.size()}}.dump()},
                        clock_.now());
  tx->commit();
  return documents::write_icalendar("KREDO – " + actor.username, events, clock_.now());
}

}  // namespace kredo::domain
