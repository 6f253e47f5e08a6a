// Programme indicators over activities, attendance and competence assessments (issue 4's tables):
// sessions by type, support hours, supported persons (hour threshold), share improving per domain.
#include <algorithm>
#include <map>
#include <set>

#include "reports/indicators.hpp"
#include "reports/support_minutes.hpp"
#include "storage/db/row_stream.hpp"

namespace kredo::reports {

namespace {

// What one attendance row counts towards support (rules/support_hours: present without minutes =
// the whole activity or the type's counted minutes; partial minutes scaled by the type's rule).
const char* const kCountedMinutes = kCountedMinutesSql;

const std::vector<TableNeed> kAttendanceNeeds{
    {"activities", {"type_id", "date", "duration_minutes"}},
    {"activity_types", {"code", "counted_minutes"}},
    {"attendance", {"activity_id", "person_id", "status", "minutes"}}};

IndicatorDefinition base(std::string code, std::string cs, std::string en, std::string unit, std::string method) {
  IndicatorDefinition d;
  d.code = std::move(code);
  d.section = "programme";
  d.name_cs = std::move(cs);
  d.name_en = std::move(en);
  d.unit = std::move(unit);
  d.method = std::move(method);
  return d;
}

// Share of assessed people (two or more assessments up to the period's end, the latest within the
// period) whose average level in a domain rose from their first to their latest assessment.
IndicatorValue improving(ComputeContext& ctx, const std::string& audience) {
  const std::string sql =
      "SELECT s.person_id, s.id, s.date, d.code, al.level FROM assessments s "
      "JOIN competence_frameworks f ON f.id = s.framework_id "
      "JOIN assessment_levels al ON al.assessment_id = s.id "
      "JOIN competence_indicators ci ON ci.id = al.indicator_id "
      "JOIN competence_domains d ON d.id = ci.domain_id "
      "WHERE f.audience = '" + audience + "' AND s.date <= $2 AND s.person_id IN "
      "(SELECT s2.person_id FROM assessments s2 WHERE s2.date >= $1 AND s2.date <= $2) "
      "ORDER BY s.person_id, s.date, s.id";
  // person -> domain -> ordered (assessment id -> (sum, n))
  struct Avg {
    double sum = 0;
    int n = 0;
  };
  std::map<std::int64_t, std::map<std::string, std::vector<std::pair<std::int64_t, Avg>>>> data;
  std::vector<std::string> domains;
  for (const auto& r : ctx.tx.query(sql, {ctx.from, ctx.to})) {
    auto& seq = data[r.i64(0)][r.str(3)];
    if (seq.empty() || seq.back().first != r.i64(1)) seq.push_back({r.i64(1), {}});
    seq.back().second.sum += static_cast<double>(r.i64(4));
    seq.back().second.n += 1;
    if (std::find(domains.begin(), domains.end(), r.str(3)) == domains.end()) domains.push_back(r.str(3));
  }
  IndicatorValue v;
  v.breakdown_kind = "domain";
  std::map<std::string, std::pair<int, int>> per_domain;  // improved, assessed twice
  std::set<std::int64_t> assessed;
  for (const auto& [person, by_domain] : data) {
    bool any = false;
    for (const auto& [domain, seq] : by_domain) {
      if (seq.size() < 2) continue;
      assessed.insert(person);
      const double first = seq.front().second.sum / seq.front().second.n;
      const double last = seq.back().second.sum / seq.back().second.n;
      auto& cell = per_domain[domain];
      cell.second += 1;
      if (last > first) {
        cell.first += 1;
        any = true;
      }
    }
    if (any) v.ids.push_back(person);
  }
  for (const auto& d : domains) {
    auto c = per_domain[d];
    v.breakdown.emplace_back(d, c.second ? 100.0 * c.first / c.second : 0.0);
  }
  v.value = assessed.empty() ? 0 : 100.0 * static_cast<double>(v.ids.size()) / static_cast<double>(assessed.size());
  return v;
}

}  // namespace

void add_activity_programme_indicators(std::vector<IndicatorDefinition>& out) {
  {
    auto d = base("P_SESSIONS", "Realizovaná setkání podle typu", "Sessions held, by type", "sessions",
                  "Activities dated within the period, by activity type.");
    d.needs = {{"activities", {"type_id", "date"}}, {"activity_types", {"code"}}};
    d.entity = "activity";
    d.compute = [](ComputeContext& ctx) {
      return count_rows(ctx,
                        "SELECT a.id, t.code FROM activities a JOIN activity_types t ON t.id = a.type_id "
                        "WHERE a.date >= $1 AND a.date <= $2",
                        "type");
    };
    out.push_back(std::move(d));
  }
  {
    auto d = base("P_SUPPORT_HOURS", "Hodiny podpory účastníkům", "Support hours given to participants", "hours",
                  "Sum of counted support minutes of present attendance at activities within the period, divided by "
                  "60; by activity type. The ids are the people supported.");
    d.needs = kAttendanceNeeds;
    d.entity = "person";
    d.compute = [](ComputeContext& ctx) {
      // Summed per person and type in the database: whole months from the monthly aggregate
      // (support_minutes_monthly, kept exact by triggers), the edge days from the raw attendance.
      // The same sums as over the raw rows; each row's minutes are computed by kCountedMinutes.
      auto split = split_into_months(ctx.from, ctx.to);
      if (!split || !ctx.schema.has_table("support_minutes_monthly"))
        return sum_rows(ctx,
                        std::string("SELECT at.person_id, t.code, SUM(") + kCountedMinutes +
                            ") FROM attendance at JOIN activities a ON a.id = at.activity_id "
                            "JOIN activity_types t ON t.id = a.type_id "
                            "WHERE at.status = 'present' AND a.date >= $1 AND a.date <= $2 "
                            "GROUP BY at.person_id, t.code ORDER BY t.code, at.person_id",
                        60.0, "type");
      storage::Params params;
      const std::string source = support_minutes_source(*split, params);
      // Grouped by person and type id in the database, then named and put in the order the sums were
      // always added up in (ORDER BY t.code, g.person_id) here: the codes' order is the database's own
      // (ORDER BY code over the few types), the rest is numbers. Type codes are unique, so these are
      // the groups of (person, code) in the same order as before, without a sort of them all in the
      // database (164,000 on the national dataset, spilling to disk on PostgreSQL).
      std::vector<std::pair<std::int64_t, std::string>> types;  // id, code; in the order of the codes
      storage::for_each_row(ctx.tx, "SELECT id, code FROM activity_types ORDER BY code", {},
                            [&](const storage::RowView& r) { types.emplace_back(r.i64(0), std::string(r.str(1))); });
      struct Group {
        std::size_t type;  // index in `types`
        std::int64_t person;
        double minutes;
      };
      std::vector<Group> groups;
      storage::for_each_row(
          ctx.tx,
          "SELECT sm.person_id, sm.type_id, SUM(sm.minutes) AS minutes FROM " + source +
              " GROUP BY sm.person_id, sm.type_id",
          params, [&](const storage::RowView& r) {
            const std::int64_t type_id = r.i64(1);
            std::size_t t = 0;
            while (t < types.size() && types[t].first != type_id) ++t;
            if (t == types.size()) return;  // no such type: the join left it out
            groups.push_back({t, r.i64(0), r.is_null(2) ? 0 : r.f64(2)});
          });
      std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return a.type != b.type ? a.type < b.type : a.person < b.person;
      });
      std::vector<AmountRow> rows;
      rows.reserve(groups.size());
      for (const auto& g : groups) rows.push_back({g.person, &types[g.type].second, g.minutes});
      return sum_amounts(rows, 60.0, "type");
    };
    out.push_back(std::move(d));
  }
  {
    auto d = base("SUPPORTED", "Podpořené osoby (nad hranicí hodin podpory)", "Supported persons (above the hour threshold)",
                  "persons",
                  "Participants in the programme during the period whose support counted up to the period's end "
                  "is MORE than the project's threshold (default 40 h, a setting). By gender.");
    d.needs = kAttendanceNeeds;
    d.needs.push_back({"participations", {"entry_date", "exit_date"}});
    d.entity = "person";
    d.compute = [](ComputeContext& ctx) {
      // Everything up to the period's end: whole months from the monthly aggregate, the days of the
      // last, partial month from the raw attendance (support_minutes_source); summed per person first,
      // then the people in the programme during the period.
      // Only the people above the threshold come back (the sums are integers: the same comparison as the
      // one below, which stays).
      auto split = split_into_months("", ctx.to);
      storage::Params params{ctx.from, ctx.to, ctx.settings.supported_threshold_minutes};
      const std::string sql =
          split && ctx.schema.has_table("support_minutes_monthly")
              ? "SELECT g.person_id, p.gender, g.minutes FROM (SELECT sm.person_id, SUM(sm.minutes) AS minutes FROM " +
                    support_minutes_source(*split, params) +
                    " GROUP BY sm.person_id) g JOIN people p ON p.id = g.person_id "
                    "WHERE g.minutes > $3 AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM participations pa WHERE "
                    "pa.person_id = g.person_id AND pa.entry_date <= $2 AND (pa.exit_date IS NULL OR "
                    "pa.exit_date >= $1)) ORDER BY g.person_id"
              : std::string("SELECT at.person_id, p.gender, SUM(") + kCountedMinutes +
                    ") FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN activity_types t ON "
                    "t.id = a.type_id JOIN people p ON p.id = at.person_id "
                    "WHERE at.status = 'present' AND a.date <= $2 AND p.merged_into IS NULL AND EXISTS (SELECT 1 "
                    "FROM participations pa WHERE pa.person_id = at.person_id AND pa.entry_date <= $2 AND "
                    "(pa.exit_date IS NULL OR pa.exit_date >= $1)) GROUP BY at.person_id, p.gender "
                    "HAVING SUM(" + kCountedMinutes + ") > $3 ORDER BY at.person_id";
      IndicatorValue v;
      std::map<std::string, double> by_gender;
      storage::for_each_row(ctx.tx, sql, params, [&](const storage::RowView& r) {
        if (r.is_null(2) || r.f64(2) <= static_cast<double>(ctx.settings.supported_threshold_minutes)) return;
        v.ids.push_back(r.i64(0));
        by_gender[std::string(r.str(1))] += 1;
      });
      v.value = static_cast<double>(v.ids.size());
      v.breakdown_kind = "gender";
      for (const auto& g : gender_keys()) v.breakdown.emplace_back(g, by_gender[g]);
      return v;
    };
    out.push_back(std::move(d));
  }
  const std::vector<TableNeed> assessment_needs{{"assessments", {"person_id", "framework_id", "date"}},
                                                {"competence_frameworks", {"audience"}},
                                                {"assessment_levels", {"assessment_id", "indicator_id", "level"}},
                                                {"competence_indicators", {"domain_id"}},
                                                {"competence_domains", {"code"}}};
  {
    auto d = base("P_IMPROVING_CHILDREN", "Podíl dětí se zlepšením kompetencí", "Share of children improving", "percent",
                  "Of children assessed at least twice (the latest assessment within the period), the share whose "
                  "average level rose in at least one domain from the first to the latest assessment; per domain the "
                  "share improving in that domain.");
    d.needs = assessment_needs;
    d.entity = "person";
    d.compute = [](ComputeContext& ctx) { return improving(ctx, "child"); };
    out.push_back(std::move(d));
  }
  {
    auto d = base("P_IMPROVING_PARENTS", "Podíl rodičů se zlepšením kompetencí", "Share of parents improving", "percent",
                  "As for children, over the parents' competence framework.");
    d.needs = assessment_needs;
    d.entity = "person";
    d.compute = [](ComputeContext& ctx) { return improving(ctx, "adult"); };
    out.push_back(std::move(d));
  }
}

}  // namespace kredo::reports
