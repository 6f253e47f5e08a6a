// Programme indicators from the case registry: children and parents in the programme.
#include "reports/indicators.hpp"
#include "storage/db/row_stream.hpp"

namespace kredo::reports {

namespace {

// People with a participation that overlaps the period (entered by its end, not left before its
// start), with role and gender: read once for both definitions, each keeps its role's people.
struct InProgramme {
  struct Person {
    std::int64_t id;
    std::string role, gender;
  };
  std::vector<Person> people;
};

const InProgramme& in_programme_people(ComputeContext& ctx) {
  return ctx.shared<InProgramme>("registry.in_programme", [&ctx] {
    InProgramme out;
    // The same people either way; each database reads its own form fastest (SQLite: the participations
    // and a key lookup of each person; PostgreSQL: a semi-join with no DISTINCT to hash, which spilled
    // to disk on the national dataset).
    const char* sql =
        ctx.tx.dialect() == storage::Dialect::sqlite
            ? "SELECT DISTINCT p.id, p.role, p.gender FROM participations pa JOIN people p ON p.id = pa.person_id "
              "WHERE p.merged_into IS NULL AND pa.entry_date <= $2 AND (pa.exit_date IS NULL OR pa.exit_date >= $1)"
            : "SELECT p.id, p.role, p.gender FROM people p WHERE p.merged_into IS NULL AND EXISTS (SELECT 1 FROM "
              "participations pa WHERE pa.person_id = p.id AND pa.entry_date <= $2 AND (pa.exit_date IS NULL OR "
              "pa.exit_date >= $1))";
    storage::for_each_row(ctx.tx, sql, {ctx.from, ctx.to}, [&out](const storage::RowView& r) {
      out.people.push_back({r.i64(0), std::string(r.str(1)), std::string(r.str(2))});
    });
    return out;
  });
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
  d.compute = [role](ComputeContext& ctx) {
    std::vector<KeyedId> rows;
    for (const auto& p : in_programme_people(ctx).people)
      if (p.role == role) rows.push_back({p.id, &p.gender});
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
