// Tasks generated from enrollment pathways (zápis opens, deferral papers, appeal deadline, attendance
// checks), assigned to the family's keyworker, and each worker's secret iCalendar feed of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "rules/enrollment_pathway.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct Task {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::int64_t case_id = 0;
  std::string kind, due_date, status;
  std::string title_cs, title_en;
  std::optional<std::int64_t> assignee_id;
  std::string assignee;
  std::int64_t person_id = 0;
  std::string child_name, child_initials;
  int school_year = 0;
  std::string level;
  std::optional<std::string> done_at, done_by;
};

// this_week: due Monday..Sunday of the current Brno week (open and done); overdue: open, due before
// today; mine: open tasks assigned to the actor. All within the actor's scope (team for workers).
struct TaskQuery {
  std::string scope = "mine";
};

// "Poslední den k odvolání" / "Last day to appeal" for a task kind.
std::string task_title_cs(const std::string& kind);
std::string task_title_en(const std::string& kind);
// "A. Č." — the first letters of the given name and the surname (UTF-8 aware).
std::string initials(const std::string& given_names, const std::string& surname);

// Brings a case's tasks in line with its pathway, inside the caller's transaction: missing tasks are
// added (open), open tasks follow the new due date and keyworker, open tasks no longer asked for are
// removed; done tasks stay as they are.
void sync_case_tasks(storage::Transaction& tx, std::int64_t case_id, const std::vector<rules::TaskDue>& due,
                     std::optional<std::int64_t> assignee_id, std::int64_t now);

struct FeedStatus {
  bool active = false;
  std::optional<std::string> created_at;
  std::optional<std::string> token;  // only right after creation / rotation
};

class TaskService {
 public:
  TaskService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<std::vector<Task>> list(const security::Actor& actor, const TaskQuery& query);
  // status "done" or "open" (reopen); stale version → 409; out of scope → 404.
  Result<Task> set_status(const security::Actor& actor, std::int64_t id, std::int64_t version,
                          const std::string& status);

  // The actor's calendar feed: create or rotate (a new token replaces the old one), revoke, status.
  Result<FeedStatus> feed_status(const security::Actor& actor);
  Result<FeedStatus> rotate_feed(const security::Actor& actor);
  Status revoke_feed(const security::Actor& actor);
  // The iCalendar text for a feed token; not_found for an unknown or revoked token.
  Result<std::string> feed_ics(const std::string& token);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace kredo::domain
