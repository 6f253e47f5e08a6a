// Incidents of discrimination and barriers (a school that discourages enrolment, a refusal, a
// separate class or building, a questionable referral to diagnostics, harassment, antigypsyism at an
// office): when, where (a school or another institution), who (people of the caseload), what happened,
// evidence files (type checked by magic bytes, size-limited, SHA-256, stored in the database) and the
// actions taken (complaint to ČŠI, the ombudsman, the founder, an appeal) with deadlines and outcomes.
// Personal data: team scope like families, every read and write audited as entity "incident".
// Statistics by school and type are anonymous; analysts see counts below 5 suppressed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "security/cipher.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

inline constexpr std::string_view kIncidentTypes[] = {"discouraged_from_enrolling",
                                                      "refused",
                                                      "separate_class_or_building",
                                                      "questionable_diagnostic_referral",
                                                      "harassment",
                                                      "antigypsyism_at_office",
                                                      "other"};
inline constexpr std::string_view kIncidentActionTypes[] = {"complaint_csi", "ombudsman", "founder", "appeal", "other"};

// Evidence: the settings key of the size limit (bytes) and its default.
inline constexpr const char* kEvidenceLimitKey = "incidents.evidence_max_bytes";
inline constexpr std::int64_t kDefaultEvidenceLimit = 10 << 20;

// The content type of a file by its first bytes: application/pdf, image/jpeg, image/png, or text/plain
// for valid UTF-8 without control characters other than tab, CR, LF; nullopt for anything else.
std::optional<std::string> sniff_evidence_type(std::string_view bytes);

struct IncidentPerson {
  std::int64_t id = 0;
  std::string name;
};

struct Evidence {
  std::int64_t id = 0;
  std::string filename, content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::optional<std::string> note;
  std::string created_at, created_by;
};

struct IncidentAction {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string type;
  std::optional<std::string> taken_on, deadline, outcome, outcome_on, note;
  bool overdue = false;  // a deadline before today and no outcome yet
  std::string created_at, created_by, updated_at;
};

struct Incident {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string team, occurred_on, type;
  std::optional<std::int64_t> school_id;
  std::optional<std::string> school_name, institution;
  std::string description, status;
  std::vector<IncidentPerson> people;
  std::vector<Evidence> evidence;
  std::vector<IncidentAction> actions;
  std::string created_at, created_by, updated_at;
};

// Create: occurred_on, type, description required; school_id or institution. Patch: absent = unchanged.
struct IncidentInput {
  std::optional<std::string> occurred_on, type, description, status, team;
  std::optional<std::optional<std::int64_t>> school_id;
  std::optional<std::optional<std::string>> institution;
  std::optional<std::vector<std::int64_t>> person_ids;
};

struct ActionInput {
  std::optional<std::string> type;
  std::optional<std::optional<std::string>> taken_on, deadline, outcome, outcome_on, note;
  // For an appeal: the decision's delivery date; the deadline is computed (§40 správní řád) when
  // no deadline is given.
  std::optional<std::string> delivered_on;
};

struct IncidentQuery {
  std::string type, status;
  std::optional<std::int64_t> school_id, person_id;
  int page = 1;
  int page_size = 50;
};

struct IncidentListItem {
  std::int64_t id = 0;
  std::string occurred_on, type, status, team;
  std::optional<std::int64_t> school_id;
  std::optional<std::string> school_name, institution;
  std::int64_t people_count = 0, evidence_count = 0, open_actions = 0;
  std::optional<std::string> next_deadline;
  std::string updated_at;
};

struct IncidentPage {
  std::vector<IncidentListItem> items;
  std::int64_t total = 0;
};

struct IncidentStatsRow {
  std::optional<std::int64_t> school_id;  // none: another institution
  std::string school_name;                // "" for other institutions
  std::string type;
  std::optional<std::int64_t> count;  // nullopt when suppressed
};

struct IncidentStats {
  std::vector<IncidentStatsRow> rows;
  std::vector<std::pair<std::string, std::optional<std::int64_t>>> by_type;
  std::optional<std::int64_t> total;
  bool suppressed = false;      // some cells were hidden
  int suppression_threshold = 0;  // counts below this are hidden (0: none)
};

class IncidentService {
 public:
  // With a cipher, evidence files are stored encrypted.
  IncidentService(storage::Database& db, const Clock& clock, const security::Cipher* cipher = nullptr)
      : db_(db), clock_(clock), cipher_(cipher) {}

  Result<Incident> create(const security::Actor& actor, const IncidentInput& input);
  Result<Incident> get(const security::Actor& actor, std::int64_t id);
  Result<Incident> update(const security::Actor& actor, std::int64_t id, std::int64_t version, const IncidentInput& changes);
  Result<IncidentPage> list(const security::Actor& actor, const IncidentQuery& query);

  Result<Evidence> add_evidence(const security::Actor& actor, std::int64_t incident_id, const std::string& filename,
                                const std::string& bytes, const std::optional<std::string>& note);
  Result<std::pair<Evidence, std::string>> evidence_file(const security::Actor& actor, std::int64_t incident_id,
                                                         std::int64_t evidence_id);
  Result<IncidentAction> add_action(const security::Actor& actor, std::int64_t incident_id, const ActionInput& input);
  Result<IncidentAction> update_action(const security::Actor& actor, std::int64_t incident_id, std::int64_t action_id,
                                       std::int64_t version, const ActionInput& changes);

  // from/to: YYYY-MM-DD (inclusive) or "" for no bound.
  Result<IncidentStats> stats(const security::Actor& actor, const std::string& from, const std::string& to);

  // The evidence size limit in force (settings, else the default).
  std::int64_t evidence_limit();

 private:
  storage::Database& db_;
  const Clock& clock_;
  const security::Cipher* cipher_;
};

}  // namespace kredo::domain
