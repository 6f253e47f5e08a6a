// The indicator engine: every indicator is a named, versioned definition (code, version, Czech and
// English name, unit, how it is computed, which tables it needs) that computes a value for a period
// together with the ids of the records it counted (for drill-down and for freezing a report).
//
// A definition whose tables (or columns) are not in this database answers status "unavailable"
// with the reason: never a made-up number. Definitions live in small files:
//   esf_indicators.cpp                     ESF+ common output indicators EECO01..17 (DOMAIN.md §6)
//   programme_indicators_registry.cpp      children, parents (the case registry)
//   programme_indicators_activities.cpp    sessions, support hours, supported persons, competences
//   programme_indicators_enrollment.cpp    applications, admissions, appeals, enrolled in non-segregated MŠ/ZŠ
//   programme_indicators_incidents.cpp     incidents documented and followed up
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "security/cipher.hpp"
#include "storage/db/db.hpp"

namespace kredo::reports {

// Project-level settings that change what indicators count.
struct EngineSettings {
  std::int64_t suppression_threshold = 5;
  std::int64_t supported_threshold_minutes = 40 * 60;
  bool minority_target_group = false;
  // A school counts as non-segregated when its latest Roma-share estimate is at most this share
  // (project setting, migration 0011; frozen with every submitted report).
  double non_segregated_max_roma_share = 0.5;
  // Opens encrypted special-category values (security/cipher.hpp); null when nothing is encrypted.
  const security::Cipher* cipher = nullptr;
};

struct TableNeed {
  std::string table;
  std::vector<std::string> columns;
};

// One participant whose ESF+ entry (first entry date in the period) falls in the period. Without
// ids (ComputeContext::with_ids false) one Participant stands for `weight` participants who agree in
// every field a definition reads (person_id 0, dates empty, the age at entry in `age`).
struct Participant {
  std::int64_t person_id = 0;
  std::string role, gender, birth_date, entry_date;
  std::optional<std::int64_t> education_isced;
  std::optional<std::string> labour_status;
  bool third_country = false, foreign_background = false, housing_exclusion = false, rural = false;
  bool disability = false, minority = false;  // special category, latest recorded answer "yes"
  std::int64_t weight = 1;
  std::optional<int> age;  // when set, the age at entry (else worked out from the two dates)
  int age_at_entry() const;
};
// The age on `entry_date` of someone born on `birth_date` (both YYYY-MM-DD), -1 when either is shorter.
int age_at(std::string_view birth_date, std::string_view entry_date);

// The participations a period's definitions read, with their person's entry data, read in one statement
// and shared (ComputeContext::period_participations): those entered in the period (the ESF+ participants:
// EECO01–16) and those that overlap it (the people in the programme: P_CHILDREN, P_PARENTS). Text fields
// that repeat are numbers into the lists beside the rows.
struct PeriodParticipations {
  struct Row {
    std::int64_t person_id = 0, participation_id = 0;
    int entry = 0;  // the entry date as the number YYYYMMDD
    int age = -1;   // on the entry date (-1: a date unreadable)
    int role = 0, gender = 0, labour = -1;  // indexes into roles, genders, labours (-1: none)
    int isced = -1;                         // -1: none
    int flags = 0;    // entry data "yes": 1 third country, 2 foreign background, 4 housing exclusion, 8 rural
    bool entered = false;   // entry date within the period
    bool overlaps = false;  // entered by the period's end and not left before its start
  };
  std::vector<std::string> roles, genders, labours;
  std::vector<Row> rows;
};

// The people in the programme during the period (a participation that overlaps it), by id, with role and
// gender: shared by P_CHILDREN, P_PARENTS and SUPPORTED.
struct ProgrammePerson {
  std::int64_t id;
  const std::string* role;
  const std::string* gender;
};
struct ComputeContext;
const std::vector<ProgrammePerson>& programme_people(ComputeContext& ctx);

// Answers whether tables/columns exist in the open database (cached per computation).
class SchemaProbe {
 public:
  explicit SchemaProbe(storage::Transaction& tx) : tx_(tx) {}
  bool has_table(const std::string& table);
  bool has_column(const std::string& table, const std::string& column);
  // "" when every need is met, else the reason (which table or column is missing).
  std::string missing(const std::vector<TableNeed>& needs);

 private:
  const std::vector<std::string>& columns(const std::string& table);
  storage::Transaction& tx_;
  std::map<std::string, std::vector<std::string>> cache_;
};

struct ComputeContext {
  ComputeContext(storage::Transaction& t, std::string f, std::string u, EngineSettings s, SchemaProbe& p,
                 bool ids = true)
      : tx(t), from(std::move(f)), to(std::move(u)), settings(s), schema(p), with_ids(ids) {}
  storage::Transaction& tx;
  std::string from, to;  // inclusive, YYYY-MM-DD
  EngineSettings settings;
  SchemaProbe& schema;
  // false: only values, breakdowns and the number counted are wanted (dashboard, live documents read
  // without ids); definitions may then count groups instead of listing records.
  bool with_ids = true;
  // The period's participants, loaded once for every ESF+ definition: one per person (with_ids), or
  // one per group of participants alike in every field a definition reads, with its `weight`.
  const std::vector<Participant>& participants();
  const PeriodParticipations& period_participations();
  // A read shared by several definitions of one computation (read once, by the first that asks).
  template <typename T, typename Load>
  const T& shared(const std::string& name, Load&& load) {
    auto& slot = shared_[name];
    if (!slot) slot = std::make_shared<T>(load());
    return *static_cast<const T*>(slot.get());
  }

 private:
  std::optional<std::vector<Participant>> participants_;
  std::map<std::string, std::shared_ptr<void>> shared_;
};

struct IndicatorValue {
  std::string code;
  int version = 1;
  std::string status = "ok";  // ok | unavailable
  std::string reason;         // why unavailable
  double value = 0;
  // Ordered cells, e.g. gender (female/male/non_binary/not_stated) or session type.
  std::vector<std::pair<std::string, double>> breakdown;
  std::string breakdown_kind;  // "gender", "type", "domain", ""
  std::string entity;          // what the ids are: person, session, application, incident, ...
  std::vector<std::int64_t> ids;
  // How many records were counted when `ids` were not kept (computed without ids); else ids.size().
  std::optional<std::int64_t> counted;
  std::int64_t counted_records() const { return counted ? *counted : static_cast<std::int64_t>(ids.size()); }
};

struct IndicatorDefinition {
  std::string code;
  int version = 1;
  std::string section;  // esf | programme
  std::string name_cs, name_en;
  std::string unit;     // persons | sessions | hours | cases | percent
  std::string method;   // how it is computed, in words (shown with the figure)
  std::vector<TableNeed> needs;
  std::string entity;
  bool sensitive = false;  // counts special-category data: drill-down needs the special-category permission
  std::function<IndicatorValue(ComputeContext&)> compute;
};

// The whole catalogue, in report order (ESF+ first).
const std::vector<IndicatorDefinition>& indicator_catalog();
const IndicatorDefinition* find_indicator(const std::string& code);

// Computes every definition (or only `codes`) for the period; unavailable ones say why. Without
// `with_ids` the values, breakdowns and `counted` are the same, but no ids are kept (ids empty).
std::vector<IndicatorValue> compute_indicators(storage::Transaction& tx, const std::string& from, const std::string& to,
                                               const EngineSettings& settings,
                                               const std::vector<std::string>& codes = {}, bool with_ids = true);

// Building blocks for small definitions ----------------------------------------------------------

// Counts distinct ids from `sql` (params $1 = from, $2 = to) returning (id, key) rows; the breakdown
// counts distinct ids per key (in first-seen order unless `keys` fixes the order).
IndicatorValue count_rows(ComputeContext& ctx, const std::string& sql, const std::string& breakdown_kind = "",
                          const std::vector<std::string>& keys = {});
// The same with more parameters bound after the period ($3, $4, ...).
IndicatorValue count_rows(ComputeContext& ctx, const std::string& sql, const storage::Params& extra,
                          const std::string& breakdown_kind, const std::vector<std::string>& keys = {});
// Sums `amount` from rows (id, key, amount); value = sum / divisor; ids are the distinct ids.
IndicatorValue sum_rows(ComputeContext& ctx, const std::string& sql, double divisor = 1,
                        const std::string& breakdown_kind = "", const std::vector<std::string>& keys = {});
// The same with the query's own parameters (instead of $1 = from, $2 = to).
IndicatorValue sum_rows(ComputeContext& ctx, const std::string& sql, const storage::Params& params, double divisor,
                        const std::string& breakdown_kind = "", const std::vector<std::string>& keys = {});
// count_rows over rows already read: (id, key; null key: "not_stated"), in the order given.
struct KeyedId {
  std::int64_t id = 0;
  const std::string* key = nullptr;
};
IndicatorValue count_keyed(const std::vector<KeyedId>& rows, const std::string& breakdown_kind,
                           const std::vector<std::string>& keys = {});
// One row for sum_amounts: the id, its breakdown key (null: "not_stated") and the amount.
struct AmountRow {
  std::int64_t id = 0;
  const std::string* key = nullptr;
  double amount = 0;
};
// sum_rows over rows already read, summed in the order given.
IndicatorValue sum_amounts(const std::vector<AmountRow>& rows, double divisor, const std::string& breakdown_kind,
                           const std::vector<std::string>& keys = {});
// Counts participants matching `pred`, broken down by gender.
IndicatorValue count_participants(ComputeContext& ctx, const std::function<bool(const Participant&)>& pred);
inline const std::vector<std::string>& gender_keys() {
  static const std::vector<std::string> k{"female", "male", "non_binary", "not_stated"};
  return k;
}

// Registration from each definitions file.
void add_esf_indicators(std::vector<IndicatorDefinition>& out);
void add_registry_programme_indicators(std::vector<IndicatorDefinition>& out);
void add_activity_programme_indicators(std::vector<IndicatorDefinition>& out);
void add_enrollment_programme_indicators(std::vector<IndicatorDefinition>& out);
void add_incident_programme_indicators(std::vector<IndicatorDefinition>& out);

}  // namespace kredo::reports
