// Programme indicators over documented incidents (discrimination, discouragement, segregation).
#include "reports/indicators.hpp"

namespace kredo::reports {

void add_incident_programme_indicators(std::vector<IndicatorDefinition>& out) {
  {
    IndicatorDefinition d;
    d.code = "P_INCIDENTS";
    d.section = "programme";
    d.name_cs = "Zdokumentované incidenty podle typu";
    d.name_en = "Incidents documented, by type";
    d.unit = "cases";
    d.method = "Incidents that occurred within the period, by type.";
    d.needs = {{"incidents", {"occurred_on", "type"}}};
    d.entity = "incident";
    d.compute = [](ComputeContext& ctx) {
      return count_rows(ctx, "SELECT i.id, i.type FROM incidents i WHERE i.occurred_on >= $1 AND i.occurred_on <= $2",
                        "type");
    };
    out.push_back(std::move(d));
  }
  {
    IndicatorDefinition d;
    d.code = "P_INCIDENTS_FOLLOWED";
    d.section = "programme";
    d.name_cs = "Incidenty s dalším postupem (stížnost, podnět, odvolání)";
    d.name_en = "Incidents followed up (complaint, referral, appeal)";
    d.unit = "cases";
    d.method = "Incidents that occurred within the period with at least one action taken (by the action's type).";
    d.needs = {{"incidents", {"occurred_on"}}, {"incident_actions", {"incident_id", "type", "taken_on"}}};
    d.entity = "incident";
    d.compute = [](ComputeContext& ctx) {
      return count_rows(ctx,
                        "SELECT i.id, ia.type FROM incidents i JOIN incident_actions ia ON ia.incident_id = i.id "
                        "WHERE i.occurred_on >= $1 AND i.occurred_on <= $2 AND ia.taken_on IS NOT NULL",
                        "type");
    };
    out.push_back(std::move(d));
  }
}

}  // namespace kredo::reports
