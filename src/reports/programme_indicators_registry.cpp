// Programme indicators from the case registry: children and parents in the programme.
#include "reports/indicators.hpp"

namespace kredo::reports {

namespace {

// People with a participation that overlaps the period (entered by its end, not left before its start).
std::string in_programme_sql(const std::string& role) {
  return "SELECT DISTINCT p.id, p.gender FROM participations pa JOIN people p ON p.id = pa.person_id "
         "WHERE p.role = '" + role + "' AND p.merged_into IS NULL AND pa.entry_date <= $2 "
         "AND (pa.exit_date IS NULL OR pa.exit_date >= $1)";
}

IndicatorDefinition in_programme(std::string code, std::string cs, std::string en, const std::string& role) {
  IndicatorDefinition d;
  d.code = std::move(code);
  d.section = "programme";
  d.name_cs = std::move(cs);
  d.name_en = std::move(en);
  d.unit = "persons";
  d.method = "People (role " + role + ") with a participation that overlaps the period: entered on or before its "
             "end and not left before its start. Broken down by gender.";
  d.needs = {{"participations", {"entry_date", "exit_date"}}, {"people", {"role", "gender"}}};
  d.entity = "person";
  d.compute = [sql = in_programme_sql(role)](ComputeContext& ctx) {
    return count_rows(ctx, sql, "gender", gender_keys());
  };
  return d;
}

}  // namespace

void add_registry_programme_indicators(std::vector<IndicatorDefinition>& out) {
  out.push_back(in_programme("P_CHILDREN", "Děti zapojené do programu", "Children in the programme", "child"));
  out.push_back(in_programme("P_PARENTS", "Podpoření rodiče", "Parents supported", "adult"));
}

}  // namespace kredo::reports
