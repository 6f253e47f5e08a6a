// The project as data, monitoring reports (draft -> submitted and frozen with a SHA-256), their
// exports (XLSX, CSV, the funder's participant list), drill-down to counted records, the dashboard
// and the impact summary.
//
// Who sees what: coordinators and admins create, submit and edit the project; every logged-in role
// reads reports. Drill-down lists people for coordinators/admins, only their team's people for
// workers, never for analysts. Analysts get aggregates with cells below the project's suppression
// threshold hidden; public outputs (the impact summary) are always suppressed.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/aggregate_cache.hpp"
#include "reports/indicators.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::reports {

struct ProjectPeriod {
  std::string label, from, to;
};

struct Project {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string code, name, funder, call_name;
  std::optional<std::string> registration_number;
  std::string period_from, period_to;
  EngineSettings settings;
  std::vector<ProjectPeriod> periods;
  std::map<std::string, double> targets;
  std::string updated_at, updated_by;
};

struct ProjectChange {
  std::int64_t version = 0;
  std::optional<std::string> name, funder, call_name, period_from, period_to;
  std::optional<std::optional<std::string>> registration_number;
  std::optional<std::int64_t> suppression_threshold, supported_threshold_minutes;
  std::optional<bool> minority_target_group;
  std::optional<double> non_segregated_max_roma_share;
  std::optional<std::vector<ProjectPeriod>> periods;
  std::optional<std::map<std::string, double>> targets;
};

struct ReportSummary {
  std::int64_t id = 0;
  std::int64_t version = 1;
  std::string status, from, to, created_at, created_by;
  std::optional<std::string> submitted_at, submitted_by, sha256;
};

struct ReportView {
  ReportSummary summary;
  nlohmann::json document;  // the frozen document (submitted) or the live computation (draft)
  bool suppressed = false;  // cells below the threshold were hidden for this reader
  std::optional<nlohmann::json> compared_to_now;  // per indicator: now, difference
  bool sha256_valid = true;
};

struct DrillDown {
  std::string code, entity;
  std::int64_t counted = 0;
  nlohmann::json items;        // [{id, ...names for people}]
  std::int64_t not_shown = 0;  // counted records outside the reader's scope
};

struct FileOut {
  std::string filename, content_type, bytes;
};

class ReportService {
 public:
  ReportService(storage::Database& db, const Clock& clock, const security::Cipher* cipher = nullptr)
      : db_(db), clock_(clock), cipher_(cipher) {}

  Result<Project> project(const security::Actor& actor);
  Result<Project> update_project(const security::Actor& actor, const ProjectChange& change);
  // The live indicator set for a period (no report): the dashboard and /indicators.
  Result<nlohmann::json> indicators(const security::Actor& actor, const std::string& from, const std::string& to);
  // The same, answered from domain::AggregateCache while the data generation stands (the API's path).
  Result<std::shared_ptr<const nlohmann::json>> live_indicators(const security::Actor& actor, const std::string& from,
                                                                const std::string& to);

  Result<ReportView> create(const security::Actor& actor, const std::string& from, const std::string& to);
  Result<std::vector<ReportSummary>> list(const security::Actor& actor);
  Result<ReportView> get(const security::Actor& actor, std::int64_t id, bool compare_now);
  Result<ReportView> submit(const security::Actor& actor, std::int64_t id, std::optional<std::int64_t> version);
  Result<DrillDown> records(const security::Actor& actor, std::int64_t id, const std::string& code);

  Result<FileOut> xlsx(const security::Actor& actor, std::int64_t id);
  Result<FileOut> csv(const security::Actor& actor, std::int64_t id);
  Result<FileOut> participants_csv(const security::Actor& actor, std::int64_t id);

  // Both answered from domain::AggregateCache while the data generation stands.
  Result<std::shared_ptr<const nlohmann::json>> dashboard(const security::Actor& actor, const std::string& from,
                                                          const std::string& to);
  Result<std::shared_ptr<const nlohmann::json>> impact_summary(const security::Actor& actor, const std::string& from,
                                                               const std::string& to);
  Result<FileOut> impact_summary_html(const security::Actor& actor, const std::string& from, const std::string& to);
  Result<FileOut> impact_summary_pdf(const security::Actor& actor, const std::string& from, const std::string& to);

 private:
  Result<nlohmann::json> compute_dashboard(const security::Actor& actor, const std::string& from, const std::string& to);
  Result<nlohmann::json> compute_impact_summary(const std::string& from, const std::string& to);
  // The key of an aggregate answer: its kind, the period, the role view and the civil date.
  std::string aggregate_key(const char* kind, bool suppressed, const std::string& from, const std::string& to) const;

  storage::Database& db_;
  const Clock& clock_;
  const security::Cipher* cipher_;
  domain::AggregateCache aggregates_;
};

// Pure helpers (unit-tested) --------------------------------------------------------------------

// The report document: project, period, settings and every indicator with definition data,
// target, value, breakdown and counted ids.
nlohmann::json build_document(const Project& project, const std::string& from, const std::string& to,
                              const std::vector<IndicatorValue>& values, const std::string& computed_at);
// The document as a reader gets it: ids dropped (replaced by "counted"), and cells in 1..threshold-1
// hidden (value null, "suppressed": true) when `suppress`, with one more cell hidden where a single
// hidden cell could be worked out from the total.
nlohmann::json public_view(const nlohmann::json& document, bool suppress, std::int64_t threshold);
// Hides small cells of an indicator object in place.
void suppress_indicator(nlohmann::json& indicator, std::int64_t threshold);
// A spreadsheet-safe text cell (= + - @ at the start are escaped).
std::string safe_cell(const std::string& text);
// XLSX bytes of a report document (Czech headers, one sheet per section, targets vs actuals).
std::string report_xlsx(const nlohmann::json& document, const ReportSummary& summary);
std::string report_csv(const nlohmann::json& document);

}  // namespace kredo::reports
