// Programme indicators from the case registry: children and parents in the programme.
#include <algorithm>

#include "reports/indicators.hpp"
#include "storage/db/row_stream.hpp"

namespace kredo::reports {

// People with a participation that overlaps the period (entered by its end, not left before its start),
// from the period's participations (read once for these and the ESF+ definitions).
const std::vector<ProgrammePerson>& programme_people(ComputeContext& ctx) {
  return ctx.shared<std::vector<ProgrammePerson>>("registry.in_programme", [&ctx] {
    const PeriodParticipations& all = ctx.period_participations();
    std::vector<ProgrammePerson> out;
    for (const auto& r : all.rows)
      if (r.overlaps)
        out.push_back({r.person_id, &all.roles[static_cast<std::size_t>(r.role)],
                       &all.genders[static_cast<std::size_t>(r.gender)]});
    std::sort(out.begin(), out.end(), [](const ProgrammePerson& a, const ProgrammePerson& b) { return a.id < b.id; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const ProgrammePerson& a, const ProgrammePerson& b) { return a.id == b.id; }),
              out.end());
    return out;
  });
}

namespace {

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
  d.compute = [role](ComputeContext& ctx) {
    std::vector<KeyedId> rows;
    for (const auto& p : programme_people(ctx))
      if (*p.role == role) rows.push_back({p.id, p.gender});
    return count_keyed(rows, "gender", gender_keys());
  };
  return d;
}

}  // namespace

void add_registry_programme_indicators(std::vector<IndicatorDefinition>& out) {
  out.push_back(in_programme("P_CHILDREN", "Děti zapojené do programu", "Children in the programme", "child"));
  out.push_back(in_programme("P_PARENTS", "Podpoření rodiče", "Parents supported", "adult"));
}

}  // namespace kredo::reports
