// Programme indicators over enrollment cases (issue 5's tables): applications, admissions, appeals
// filed and won, children enrolled in a non-segregated MŠ / ZŠ, children attending an MŠ.
// Every definition names the columns it reads; until that schema exists they answer "unavailable".
#include "reports/indicators.hpp"

namespace kredo::reports {

namespace {

IndicatorDefinition enrollment(std::string code, std::string cs, std::string en, std::string method,
                               std::vector<TableNeed> needs, std::string sql, std::string breakdown) {
  IndicatorDefinition d;
  d.code = std::move(code);
  d.section = "programme";
  d.name_cs = std::move(cs);
  d.name_en = std::move(en);
  d.unit = "persons";
  d.method = std::move(method);
  d.needs = std::move(needs);
  d.entity = "person";
  d.compute = [sql = std::move(sql), breakdown = std::move(breakdown)](ComputeContext& ctx) {
    return count_rows(ctx, sql, breakdown);
  };
  return d;
}

const TableNeed kCases{"enrollment_cases", {"id", "person_id", "level", "school_id", "stage", "applied_on", "decided_on",
                                            "outcome", "appeal_filed_on", "appeal_outcome", "enrolled_on"}};

}  // namespace

void add_enrollment_programme_indicators(std::vector<IndicatorDefinition>& out) {
  out.push_back(enrollment("P_APPLICATIONS", "Podané přihlášky (MŠ/ZŠ)", "Applications filed (MŠ/ZŠ)",
                           "Children with an application filed within the period, by level.", {kCases},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.applied_on >= $1 AND "
                           "c.applied_on <= $2",
                           "level"));
  out.push_back(enrollment("P_ADMISSIONS", "Přijaté děti", "Children admitted",
                           "Children whose admission decision within the period was positive, by level.", {kCases},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.decided_on >= $1 AND "
                           "c.decided_on <= $2 AND c.outcome = 'admitted'",
                           "level"));
  out.push_back(enrollment("P_APPEALS_FILED", "Podaná odvolání", "Appeals filed",
                           "Children with an appeal against a decision filed within the period, by level.", {kCases},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.appeal_filed_on >= $1 AND "
                           "c.appeal_filed_on <= $2",
                           "level"));
  out.push_back(enrollment("P_APPEALS_WON", "Úspěšná odvolání", "Appeals won",
                           "Children whose appeal filed within the period was granted, by level.", {kCases},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.appeal_filed_on >= $1 AND "
                           "c.appeal_filed_on <= $2 AND c.appeal_outcome = 'granted'",
                           "level"));
  // Non-segregated: the school's latest composition estimate has a Roma share below one half
  // (schools without an estimate are not counted as non-segregated).
  out.push_back(enrollment(
      "P_ENROLLED_NONSEG", "Děti zapsané do nesegregované MŠ/ZŠ", "Children enrolled in a non-segregated MŠ/ZŠ",
      "Children enrolled within the period in a school whose latest Roma-share estimate is below 50 %, by level.",
      {kCases, {"school_composition", {"school_id", "school_year", "roma_share"}}},
      "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.enrolled_on >= $1 AND c.enrolled_on <= $2 "
      "AND c.school_id IS NOT NULL AND (SELECT sc.roma_share FROM school_composition sc WHERE sc.school_id = "
      "c.school_id AND sc.roma_share IS NOT NULL ORDER BY sc.school_year DESC, sc.id DESC LIMIT 1) < 0.5",
      "level"));
  out.push_back(enrollment("P_CHILDREN_MS", "Děti navštěvující MŠ", "Children attending an MŠ",
                           "Children enrolled in an MŠ on or before the period's end (where the enrollment is recorded).",
                           {kCases},
                           "SELECT c.person_id, c.level FROM enrollment_cases c WHERE c.level = 'ms' AND "
                           "c.enrolled_on IS NOT NULL AND c.enrolled_on <= $2",
                           "level"));
}

}  // namespace kredo::reports
