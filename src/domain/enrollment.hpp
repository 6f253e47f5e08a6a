// Enrollment cases: one per child, school year and level (MŠ, compulsory pre-school year, ZŠ), with
// the catchment school looked up from the family's RÚIAN address code, target schools in order,
// and the stages of the pathway (rules/enrollment_pathway.hpp) recorded as events. Scoped like the
// child's family (404 out of scope), versioned (409 when stale), audited as "enrollment_case".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/families.hpp"
#include "rules/enrollment_pathway.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct SchoolRef {
  std::int64_t id = 0;
  std::string izo, name, type;
};

struct EnrollmentEvent {
  std::int64_t id = 0;
  std::string stage, date, data, recorded_at, recorded_by;  // data: JSON object text
  std::optional<std::string> note;
};

struct EnrollmentCase {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::int64_t person_id = 0, family_id = 0, team_id = 0;
  std::string team;
  std::optional<UserRef> keyworker;
  std::string child_given_names, child_surname, child_birth_date;
  std::optional<std::int64_t> kod_adm;
  int school_year = 0;
  std::string level, stage;
  std::optional<std::string> notes;
  bool deferral_considered = false;
  std::optional<SchoolRef> catchment;
  std::vector<SchoolRef> targets;
  std::optional<std::string> application_number, application_date, application_channel;
  std::optional<SchoolRef> application_school;
  std::optional<std::string> zapis_date;
  std::optional<std::string> decision, decision_date;
  std::optional<SchoolRef> decision_school;
  std::optional<std::string> delivery_method, delivery_date, collected_date, delivered_on;
  std::optional<std::string> appeal_deadline, appeal_filed_date;
  bool appeal_late = false;
  std::optional<std::string> appeal_outcome, appeal_outcome_date;
  std::optional<std::string> started_date;
  std::optional<SchoolRef> started_school;
  std::optional<std::string> check_3_date, check_12_date;
  std::optional<bool> check_3_attending, check_12_attending;
  // Outcome: the school the child was admitted to (by decision or on appeal) and its segregation
  // status on the decision date (the latest composition estimate made on or before that day).
  std::optional<SchoolRef> enrolled_school;
  std::optional<std::string> enrolled_school_status;
  std::optional<bool> enrolled_non_segregated;  // null while not enrolled or the status is unknown
  std::vector<EnrollmentEvent> events;
  std::string created_at, updated_at;
};

struct NewEnrollmentCase {
  std::int64_t person_id = 0;
  int school_year = 0;
  std::string level;
  std::vector<std::int64_t> target_school_ids;
  std::optional<std::string> notes;
  bool deferral_considered = false;
};

struct EnrollmentChanges {
  std::int64_t version = 0;
  std::optional<std::vector<std::int64_t>> target_school_ids;
  std::optional<std::optional<std::string>> notes;
  std::optional<bool> deferral_considered;
  bool refresh_catchment = false;  // look the catchment school up again from the family's address
};

// One stage event. Which fields apply depends on the stage (docs/openapi.yaml).
struct StageInput {
  std::int64_t version = 0;
  std::string stage, date;
  std::optional<std::string> note;
  std::optional<std::string> number, channel;        // application_filed
  std::optional<std::int64_t> school_id;             // application_filed, decision, started_attending
  std::optional<std::string> decision;               // decision
  std::optional<std::string> method, collected_date; // delivery
  std::optional<std::string> outcome, outcome_date;  // appeal
  std::optional<bool> attending;                     // attending_3_months, attending_12_months
};

struct StageWarning {
  std::string code, message;
  std::optional<std::string> deadline;
};

struct StageRecorded {
  EnrollmentCase enrollment;
  std::vector<StageWarning> warnings;
};

struct EnrollmentQuery {
  int school_year = 0;  // 0 = any
  std::string stage, level;
  std::int64_t school_id = 0;  // 0 = any; matches target, decision or catchment school
  std::int64_t person_id = 0;
  int page = 1;
  int page_size = 100;
};

struct EnrollmentListItem {
  std::int64_t id = 0, version = 1, person_id = 0, family_id = 0;
  std::string child_given_names, child_surname, child_birth_date;
  int school_year = 0;
  std::string level, stage;
  std::optional<std::string> decision, appeal_deadline;
  bool appeal_late = false;
  std::optional<SchoolRef> first_target, catchment;
  std::string updated_at;
};

struct EnrollmentPage {
  std::vector<EnrollmentListItem> items;
  std::int64_t total = 0;
};

struct EnrollmentPathway {
  EnrollmentCase enrollment;
  std::optional<rules::ZapisWindow> zapis_window;
  bool zapis_window_is_default = false;
  rules::Pathway pathway;
};

// Funnel counts per school year: each stage counts the cases that reached it (or went past it).
struct FunnelCell {
  std::string key;
  std::int64_t count = 0;
  bool suppressed = false;  // analysts: 1..4 hidden
};
struct Funnel {
  int school_year = 0;
  std::string level;  // "" = all levels
  std::vector<FunnelCell> cells;
  int suppression_threshold = 0;  // 5 for analysts, 0 otherwise
};

class EnrollmentService {
 public:
  EnrollmentService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<EnrollmentCase> create(const security::Actor& actor, const NewEnrollmentCase& input);
  Result<EnrollmentCase> get(const security::Actor& actor, std::int64_t id);
  Result<EnrollmentCase> update(const security::Actor& actor, std::int64_t id, const EnrollmentChanges& changes);
  Result<EnrollmentPage> list(const security::Actor& actor, const EnrollmentQuery& query);
  Result<StageRecorded> record_stage(const security::Actor& actor, std::int64_t id, const StageInput& input);
  Result<EnrollmentPathway> pathway(const security::Actor& actor, std::int64_t id);
  // Any logged-in role; workers count their team's cases, analysts see cells below 5 suppressed.
  Result<Funnel> funnel(const security::Actor& actor, int school_year, const std::string& level);

  // Inside a caller's transaction, without scope checks or audit.
  static std::optional<EnrollmentCase> load(storage::Transaction& tx, std::int64_t id);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

// The zápis window for an enrollment level and school year: the coordinator's table, else the default.
std::optional<rules::ZapisWindow> zapis_window_for(storage::Transaction& tx, const std::string& level,
                                                   int school_year, bool* is_default);
// The pathway rules' view of a stored case.
rules::PathwayInput pathway_input(storage::Transaction& tx, const EnrollmentCase& c);

}  // namespace kredo::domain
