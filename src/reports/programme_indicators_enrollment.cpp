// Programme indicators over enrollment cases (issue 5's enrollment_cases: one case per child, school
// year and level, with the application, decision, appeal and start dates): applications, admissions,
// appeals filed and won, children enrolled in a non-segregated MŠ / ZŠ, children attending an MŠ.
// Every definition names the columns it reads; without them it answers "unavailable".
#include "reports/indicators.hpp"

namespace kredo::reports {

namespace {

// A school counts as non-segregated when its latest composition estimate puts the Roma share at or
// below the project's setting non_segregated_max_roma_share (default one half; bound as $3).
// Schools without an estimate are not counted as non-segregated: the figure is a floor, never a guess.
constexpr const char* kNonSegregated =
    "(SELECT sc.roma_share FROM school_composition sc WHERE sc.school_id = c.started_school_id AND sc.roma_share "
    "IS NOT NULL ORDER BY sc.school_year DESC, sc.id DESC LIMIT 1) <= CAST($3 AS DOUBLE PRECISION)";

IndicatorDefinition enrollment(std::string code, std::string cs, std::string en, std::string method,
                               std::vector<std::string> columns, std::string sql) {
  IndicatorDefinition d;
  d.code = std::move(code);
  d.section = "programme";
  d.name_cs = std::move(cs);
  d.name_en = std::move(en);
  d.unit = "persons";
  d.method = std::move(method);
  columns.insert(columns.begin(), {"person_id", "level"});
  d.needs = {{"enrollment_cases", std::move(columns)}};
  d.entity = "person";
  d.compute = [sql = std::move(sql)](ComputeContext& ctx) { return count_rows(ctx, sql, "level", {"ms", "compulsory_preschool", "zs"}); };
  return d;
}

}  // namespace

void add_enrollment_programme_indicators(std::vector<IndicatorDefinition>& out) {
  out.push_back(enrollment("P_APPLICATIONS", "Podané přihlášky (MŠ/ZŠ)", "Applications filed (MŠ/ZŠ)",
                           "Children with an application dated within the period, by level.", {"application_date"},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.application_date >= $1 AND "
                           "c.application_date <= $2"));
  out.push_back(enrollment("P_ADMISSIONS", "Přijaté děti", "Children admitted",
                           "Children with an admission decision dated within the period, by level.",
                           {"decision", "decision_date"},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.decision = 'admitted' AND "
                           "c.decision_date >= $1 AND c.decision_date <= $2"));
  out.push_back(enrollment("P_APPEALS_FILED", "Podaná odvolání", "Appeals filed",
                           "Children with an appeal against a decision filed within the period, by level.",
                           {"appeal_filed_date"},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.appeal_filed_date >= $1 AND "
                           "c.appeal_filed_date <= $2"));
  out.push_back(enrollment("P_APPEALS_WON", "Úspěšná odvolání", "Appeals won",
                           "Children whose appeal was granted on a date within the period, by level.",
                           {"appeal_outcome", "appeal_outcome_date"},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.appeal_outcome = 'granted' AND "
                           "c.appeal_outcome_date >= $1 AND c.appeal_outcome_date <= $2"));
  {
    auto d = enrollment(
        "P_ENROLLED_NONSEG", "Děti zapsané do nesegregované MŠ/ZŠ", "Children enrolled in a non-segregated MŠ/ZŠ",
        "Children who started within the period at a school whose latest Roma-share estimate is at most the "
        "project's setting non_segregated_max_roma_share (default 50 %; the value used is in the report's "
        "settings; schools without an estimate are not counted), by level.",
        {"started_date", "started_school_id"},
        std::string("SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.started_date >= $1 AND "
                    "c.started_date <= $2 AND c.started_school_id IS NOT NULL AND ") +
            kNonSegregated);
    // Version 2: the share is a project setting (migration 0011), no longer a constant 0.5.
    d.version = 2;
    d.compute = [sql = std::string("SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.started_date >= $1 AND "
                                   "c.started_date <= $2 AND c.started_school_id IS NOT NULL AND ") +
                       kNonSegregated](ComputeContext& ctx) {
      return count_rows(ctx, sql, storage::Params{ctx.settings.non_segregated_max_roma_share}, "level",
                        {"ms", "compulsory_preschool", "zs"});
    };
    d.needs.push_back({"school_composition", {"school_id", "school_year", "roma_share"}});
    out.push_back(std::move(d));
  }
  out.push_back(enrollment(
      "P_CHILDREN_MS", "Děti navštěvující MŠ", "Children attending an MŠ",
      "Children whose MŠ (or compulsory pre-school year) started on or before the period's end and whose latest "
      "attendance check, if any, found them attending.",
      {"started_date", "check_3_attending", "check_12_attending"},
      "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.level IN ('ms', 'compulsory_preschool') AND "
      "c.started_date IS NOT NULL AND c.started_date <= $2 AND COALESCE(c.check_12_attending, c.check_3_attending, 1) = 1 "
      // every query binds (from, to); PostgreSQL needs each parameter used to know its type
      "AND CAST($1 AS TEXT) IS NOT NULL"));
}

}  // namespace kredo::reports
