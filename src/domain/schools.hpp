// Schools (MŠ, ZŠ) and what the team knows about them: composition estimates with a segregation
// label, leadership openness to inclusion, and the log of contacts. Schools are not personal data:
// any logged-in role reads them; coordinators and admins write (workers may log interactions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "rules/czech_text.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

// ms = mateřská škola; zs = základní škola; zs_16_9 = ZŠ under §16(9) (pupils with disabilities,
// formerly "praktická"); preparatory_class = přípravná třída of a ZŠ.
inline constexpr std::string_view kSchoolTypes[] = {"ms", "zs", "zs_16_9", "preparatory_class"};
bool is_school_type(std::string_view type);
// The zápis level a school type enrols for: "ms" for MŠ, "zs" otherwise.
std::string_view level_of_school_type(std::string_view type);

struct School {
  std::int64_t id = 0;
  std::string izo;
  std::optional<std::string> red_izo;
  std::string name;
  std::string type;
  std::optional<std::string> founder_name;
  std::optional<std::string> founder_ico;
  std::optional<std::string> address;
  std::optional<std::int64_t> ruian_code;
  std::optional<std::string> district;
  std::optional<std::int64_t> capacity;
  std::optional<double> sjtsk_y, sjtsk_x, latitude, longitude;
  std::string source = "manual";
  std::string created_at, updated_at;
  std::int64_t version = 1;
};

// "Segregated school" is an analytic label on an estimated Roma share (DOMAIN.md §5): the state counts
// schools with more than a third, more than half and almost all Roma pupils. Thresholds are settings.
struct SegregationThresholds {
  double more_than_third = 1.0 / 3.0;  // share > this
  double more_than_half = 0.5;         // share > this
  double almost_all = 0.9;             // share >= this
};
// Settings keys (table `settings`, value a decimal fraction).
inline constexpr const char* kSettingThirdKey = "schools.segregation.more_than_third";
inline constexpr const char* kSettingHalfKey = "schools.segregation.more_than_half";
inline constexpr const char* kSettingAlmostAllKey = "schools.segregation.almost_all";

// "almost_all", "more_than_half", "more_than_third", "below_thresholds"; "unknown" without a share.
std::string segregation_status(std::optional<double> roma_share, const SegregationThresholds& t);
// Thresholds must be increasing fractions in (0, 1].
Status validate_thresholds(const SegregationThresholds& t);

struct CompositionEstimate {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  int school_year = 0;  // the calendar year the school year starts in (2025 = 2025/26)
  std::optional<double> roma_share;
  std::optional<double> disadvantaged_share;
  std::string source;
  std::string estimated_on;  // YYYY-MM-DD
  std::string confidence;    // low | medium | high
  std::string created_at, created_by;
  std::string status;  // segregation_status under the current thresholds
};

struct OpennessAssessment {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string stance;  // open | mixed | closed (to inclusion)
  std::string assessed_on;
  std::string evidence;
  std::string assessed_by;
  std::string created_at;
};

struct Interaction {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string occurred_on;
  std::string type;  // meeting | phone | email | letter | visit | other
  std::string worker;
  std::string summary;
  std::string created_at;
};

// A school with its evidence, newest first.
struct SchoolDetail {
  School school;
  std::vector<CompositionEstimate> composition;
  std::vector<OpennessAssessment> openness;
  std::vector<Interaction> interactions;
};

// A row of the school list: the school and the status of its latest composition estimate.
struct SchoolListItem {
  School school;
  std::string status;
  std::optional<double> roma_share;
  std::optional<int> school_year;
};

struct SchoolQuery {
  std::string q;  // matched accent- and case-insensitively against the name, or exactly against IZO
  std::string type, district, status;
  int page = 1;
  int page_size = 50;
};

struct SchoolPage {
  std::vector<SchoolListItem> items;
  std::int64_t total = 0;
};

// Every editable field; unset optionals in a patch leave the value alone.
struct SchoolInput {
  std::optional<std::string> izo, red_izo, name, type, founder_name, founder_ico, address, district;
  std::optional<std::int64_t> ruian_code, capacity;
  std::optional<double> sjtsk_y, sjtsk_x, latitude, longitude;
  // Fields the client sent as null: cleared.
  std::vector<std::string> cleared;
};

struct NewComposition {
  int school_year = 0;
  std::optional<double> roma_share, disadvantaged_share;
  std::string source, estimated_on, confidence;
};

struct NewOpenness {
  std::string stance, assessed_on, evidence;
  std::optional<std::string> assessed_by;  // defaults to the acting user
};

struct NewInteraction {
  std::string occurred_on, type, summary;
};

// IZO and RED_IZO are 9 digits (older ones 6–9 and may lose a leading zero in spreadsheets:
// we accept 6–9 digits and keep them as written); IČO is 8 digits.
bool is_valid_izo(std::string_view s);
bool is_valid_ico(std::string_view s);

// ---- Repository functions (SQL lives in schools.cpp), used inside a caller's transaction.

std::optional<School> find_school(storage::Transaction& tx, std::int64_t id);
std::optional<School> find_school_by_izo(storage::Transaction& tx, const std::string& izo);
SegregationThresholds load_thresholds(storage::Transaction& tx);

// A school as the MŠMT register describes it. upsert_register_school creates it or updates the
// register-owned fields (name, RED_IZO, founder, capacity, address, RÚIAN code, type where the
// register knows it) and keeps the team's own fields (district, coordinates, zs_16_9 label).
struct RegisterSchool {
  std::string izo, name, type;  // type "ms" or "zs"
  std::optional<std::string> red_izo, founder_name, founder_ico, address;
  std::optional<std::int64_t> ruian_code, capacity;
};
enum class UpsertOutcome { created, updated, unchanged };
UpsertOutcome upsert_register_school(storage::Transaction& tx, const rules::CzechCollator& collator,
                                     const RegisterSchool& s, std::int64_t now);

// Catchment lookup: the school whose catchment area holds the address place, for a level (ms/zs).
std::optional<School> catchment_school(storage::Transaction& tx, std::int64_t kod_adm, std::string_view level);

class SchoolService {
 public:
  SchoolService(storage::Database& db, const Clock& clock);

  Result<SchoolPage> list(const security::Actor& actor, const SchoolQuery& q);
  Result<SchoolDetail> get(const security::Actor& actor, std::int64_t id);
  Result<SchoolDetail> create(const security::Actor& actor, const SchoolInput& input);
  Result<SchoolDetail> update(const security::Actor& actor, std::int64_t id, std::int64_t version,
                              const SchoolInput& changes);
  Result<CompositionEstimate> add_composition(const security::Actor& actor, std::int64_t school_id,
                                              const NewComposition& input);
  Result<OpennessAssessment> add_openness(const security::Actor& actor, std::int64_t school_id,
                                          const NewOpenness& input);
  Result<Interaction> add_interaction(const security::Actor& actor, std::int64_t school_id,
                                      const NewInteraction& input);
  // The catchment school of an address place; not_found when none is recorded.
  Result<School> catchment(const security::Actor& actor, std::int64_t kod_adm, const std::string& level);

  // The segregation thresholds in force (settings, else the defaults); coordinators and admins
  // change them (validated, audited). Every estimate's status follows the current thresholds.
  Result<SegregationThresholds> thresholds(const security::Actor& actor);
  Result<SegregationThresholds> set_thresholds(const security::Actor& actor, const SegregationThresholds& t);

  const rules::CzechCollator& collator() const { return collator_; }

 private:
  storage::Database& db_;
  const Clock& clock_;
  rules::CzechCollator collator_;
};

}  // namespace kredo::domain
