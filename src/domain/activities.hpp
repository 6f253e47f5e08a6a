// Activities with children and parents (issue 4): types and topics as data, groups with a weekly
// schedule that creates their sessions, roll-call attendance, support hours per participant with the
// supported-person status, regularity and the "drifting away" list, and attendance-sheet data.
// Scope: an activity belongs to the team that created it and is visible to every team whose
// caseload (families) has a participant in it; coordinators and admins see all; analysts get
// aggregates only.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/aggregate_cache.hpp"
#include "rules/supported_person.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct ActivityType {
  std::int64_t id = 0;
  std::string code, name_cs, name_en, audience;
  std::optional<std::int64_t> counted_minutes;
  bool tracks_regularity = false;
};

struct Topic {
  std::int64_t id = 0;
  std::string code, name_cs, name_en;
};

struct ActivityParticipant {
  std::int64_t id = 0;
  std::string given_names, surname, role;
};

struct Activity {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string type;
  std::optional<std::int64_t> group_id;
  std::string date, start, end;
  std::int64_t duration_minutes = 0;
  std::optional<std::string> place, notes;
  std::vector<std::string> topics;
  std::vector<ActivityParticipant> participants;
  std::vector<std::int64_t> worker_ids;
  std::int64_t attendance_recorded = 0;
  std::string created_by, created_at, updated_at;
};

// Fields of a create or a patch; in a patch an absent field is left alone.
struct ActivityFields {
  std::optional<std::string> type, date, start, end;
  std::optional<std::optional<std::string>> place, notes;
  std::optional<std::vector<std::string>> topics;
  std::optional<std::vector<std::int64_t>> participant_ids, worker_ids;
};

struct ActivityQuery {
  std::string from, to, type;
  std::optional<std::int64_t> group_id, person_id;
  int page = 1;
  int page_size = 50;
};

struct ActivityPage {
  std::vector<Activity> items;
  std::int64_t total = 0;
};

struct AttendanceRecord {
  std::int64_t person_id = 0;
  std::string status;
  std::optional<std::int64_t> minutes;
};

struct Attendance {
  std::int64_t activity_id = 0;
  std::vector<AttendanceRecord> records;
  std::int64_t present = 0, excused = 0, absent = 0;
};

struct Group {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string name, type;
  std::optional<std::string> place;
  int weekday = 1;
  std::string start, end, valid_from;
  std::optional<std::string> valid_to;
  std::vector<std::string> topics;
  std::vector<ActivityParticipant> members;
  std::string created_at, updated_at;
};

struct GroupFields {
  std::optional<std::string> name, type, start, end, valid_from;
  std::optional<std::optional<std::string>> place, valid_to;
  std::optional<std::int64_t> weekday;
  std::optional<std::vector<std::string>> topics;
  std::optional<std::vector<std::int64_t>> member_ids;
};

struct GeneratedSessions {
  std::vector<std::int64_t> created, existing;
  std::vector<std::string> skipped_holidays;
};

struct SupportHours {
  std::int64_t person_id = 0;
  std::string from, to;
  std::int64_t minutes = 0;
  std::int64_t activities = 0;
  std::map<std::string, std::int64_t> minutes_by_type;
  rules::SupportedPersonRule rule;
};

// The data an attendance sheet (prezenční listina) prints.
struct SheetPerson {
  std::string name, role;
  std::optional<std::string> representative;  // for a child: the legal representative who signs
};
struct SheetSession {
  std::string date, start, end, type_name, place, topics;
};
struct AttendanceSheetData {
  std::string title;                 // activity type or group name
  std::vector<SheetSession> sessions;
  std::vector<SheetPerson> people;
  std::vector<std::string> workers;
  std::string month;                 // "YYYY-MM" for a month sheet, "" for one session
};

class ActivityService {
 public:
  ActivityService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<ActivityType> types();
  std::vector<Topic> topics();
  Result<ActivityType> set_type_rule(const security::Actor& actor, const std::string& code,
                                     std::optional<std::int64_t> counted_minutes);

  Result<Activity> create(const security::Actor& actor, const ActivityFields& in);
  Result<Activity> get(const security::Actor& actor, std::int64_t id);
  Result<Activity> update(const security::Actor& actor, std::int64_t id, std::int64_t version, const ActivityFields& ch);
  Result<ActivityPage> list(const security::Actor& actor, const ActivityQuery& q);

  Result<Attendance> attendance(const security::Actor& actor, std::int64_t activity_id);
  Result<Attendance> put_attendance(const security::Actor& actor, std::int64_t activity_id,
                                    const std::vector<AttendanceRecord>& records);

  Result<Group> create_group(const security::Actor& actor, const GroupFields& in);
  Result<Group> get_group(const security::Actor& actor, std::int64_t id);
  Result<Group> update_group(const security::Actor& actor, std::int64_t id, std::int64_t version, const GroupFields& ch);
  Result<std::vector<Group>> list_groups(const security::Actor& actor);
  Result<GeneratedSessions> generate_sessions(const security::Actor& actor, std::int64_t group_id,
                                              const std::string& from, const std::string& to);

  Result<AttendanceSheetData> activity_sheet(const security::Actor& actor, std::int64_t activity_id);
  Result<AttendanceSheetData> group_month_sheet(const security::Actor& actor, std::int64_t group_id,
                                                const std::string& month);

  // The supported-person rule from settings (key supported_person_threshold_minutes; default 40 h).
  rules::SupportedPersonRule supported_rule();
  Result<rules::SupportedPersonRule> set_supported_rule(const security::Actor& actor, std::int64_t threshold_minutes);

  Result<SupportHours> support_hours(const security::Actor& actor, std::int64_t person_id, const std::string& from,
                                     const std::string& to);
  // Every participant's counted minutes in [from, to] ("" = open): whole months from the monthly
  // aggregate (migration 0012), edge days and open ends from the raw attendance.
  // No scope and no audit: for aggregate reports (supported-person counts) and the benchmark.
  std::vector<std::pair<std::int64_t, std::int64_t>> support_minutes_all(const std::string& from,
                                                                         const std::string& to);
  // Aggregate: participants with support, supported persons, threshold (analysts may read it).
  Result<nlohmann::json> support_summary(const security::Actor& actor, const std::string& from, const std::string& to);

  // Attendance rate per month for regularity-tracked activities (clubs, parent meetings).
  Result<nlohmann::json> regularity(const security::Actor& actor, std::int64_t person_id, const std::string& from,
                                    const std::string& to);
  // People in scope whose last three regularity-tracked sessions with a roll-call were all missed.
  Result<nlohmann::json> drifting(const security::Actor& actor, const std::string& type);

 private:
  storage::Database& db_;
  const Clock& clock_;
  AggregateCache aggregates_;
};

// The SQL expression of counted minutes (rules::counted_support_minutes) over attendance `at`,
// activities `a` and activity_types `t`; shared by the service and the benchmark.
extern const char* const kCountedMinutesSql;

}  // namespace kredo::domain
