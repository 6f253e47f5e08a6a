// Demo enrollment pathways: when no schools exist yet (nothing imported), a handful of plainly
// fictional Brno schools ("ZŠ Ukázková") with composition estimates, fictional address places with
// catchments for the demo families, and enrollment cases at every stage for up to 36 demo children
// (the same at either scale: the national scale is for benchmarks of the registry).
#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "app/application.hpp"
#include "domain/registry_access.hpp"
#include "rules/school_age.hpp"

namespace kredo::app {

namespace {

struct DemoSchool {
  const char* izo;
  const char* name;
  const char* type;
  const char* district;
  std::int64_t capacity;
  double roma_2025, roma_2026;
};

// IZO 999xxxxxx: not in the MŠMT register. Names are invented streets ("Ukázková", "Vzorová").
constexpr std::array<DemoSchool, 8> kSchools = {{
    {"999000101", "Základní škola Brno, Ukázková 1 (fiktivní)", "zs", "brno-stred", 540, 0.08, 0.10},
    {"999000102", "Základní škola Brno, Vzorová 12 (fiktivní)", "zs", "brno-sever", 420, 0.55, 0.62},
    {"999000103", "Základní škola Brno, Modelová 3 (fiktivní)", "zs", "brno-kralovo-pole", 600, 0.04, 0.05},
    {"999000104", "Základní škola Brno, Cvičná 7 (fiktivní)", "zs_16_9", "brno-sever", 120, 0.93, 0.95},
    {"999000105", "Základní škola Brno, Pokusná 5 (fiktivní)", "zs", "brno-zidenice", 480, 0.30, 0.38},
    {"999000201", "Mateřská škola Brno, Obrázková 2 (fiktivní)", "ms", "brno-stred", 112, 0.12, 0.15},
    {"999000202", "Mateřská škola Brno, Papírová 9 (fiktivní)", "ms", "brno-sever", 84, 0.70, 0.72},
    {"999000203", "Mateřská škola Brno, Příkladná 4 (fiktivní)", "ms", "brno-jih", 96, 0.06, 0.08},
}};

constexpr const char* kCountSchools = "SELECT COUNT(*) FROM schools";
constexpr const char* kSchoolsOfType = "SELECT id FROM schools WHERE type = $1 ORDER BY izo LIMIT 3";
constexpr const char* kInsertAddress =
    "INSERT INTO addresses (kod_adm, kod_obce, nazev_obce, nazev_ulice, cislo_domovni, psc) "
    "VALUES ($1, 582786, 'Brno', $2, $3, '60200')";
constexpr const char* kInsertCatchment = "INSERT INTO catchments (kod_adm, level, school_id) VALUES ($1, $2, $3)";
constexpr const char* kFamiliesWithoutAddress = "SELECT id FROM families WHERE kod_adm IS NULL ORDER BY id LIMIT 40";
constexpr const char* kSetFamilyAddress = "UPDATE families SET kod_adm = $1 WHERE id = $2";
constexpr const char* kChildren =
    "SELECT p.id, p.birth_date FROM people p JOIN families f ON f.id = p.family_id "
    "WHERE p.role = 'child' AND p.merged_into IS NULL AND f.status <> 'closed' ORDER BY p.id LIMIT 400";

Status stage(domain::EnrollmentService& svc, const security::Actor& actor, domain::EnrollmentCase& c,
             domain::StageInput in) {
  in.version = c.version;
  auto r = svc.record_stage(actor, c.id, in);
  if (!r) return std::move(r).error();
  c = std::move(r->enrollment);
  return {};
}

domain::StageInput at(const char* stage, const std::string& date) {
  domain::StageInput in;
  in.stage = stage;
  in.date = date;
  return in;
}

}  // namespace

Status load_demo_enrollment(Application& app, std::vector<std::string>& lines) {
  auto& s = app.services();
  const auto actor = security::system_actor("demo");
  std::int64_t existing = 0;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    existing = tx->query_one(kCountSchools)->i64(0);
  }
  if (existing == 0) {
    for (const auto& d : kSchools) {
      domain::SchoolInput in;
      in.izo = d.izo;
      in.name = d.name;
      in.type = d.type;
      in.district = d.district;
      in.capacity = d.capacity;
      in.founder_name = "Statutární město Brno (fiktivní zápis)";
      auto sc = s.schools.create(actor, in);
      if (!sc) return std::move(sc).error();
      const std::int64_t id = sc->school.id;
      for (auto [year, share, on] : {std::tuple{2025, d.roma_2025, "2025-10-15"}, std::tuple{2026, d.roma_2026, "2026-02-10"}}) {
        domain::NewComposition nc;
        nc.school_year = year;
        nc.roma_share = share;
        nc.source = "Kvalifikovaný odhad ředitele (fiktivní)";
        nc.estimated_on = on;
        nc.confidence = "medium";
        auto c = s.schools.add_composition(actor, id, nc);
        if (!c) return std::move(c).error();
      }
    }
    // Fictional address places (kód ADM 99900xx) with catchment schools; the demo families live there.
    auto tx = app.db().begin(storage::TxMode::write);
    std::vector<std::int64_t> zs, ms;
    for (const auto& r : tx->query(kSchoolsOfType, {"zs"})) zs.push_back(r.i64(0));
    for (const auto& r : tx->query(kSchoolsOfType, {"ms"})) ms.push_back(r.i64(0));
    std::vector<std::int64_t> codes;
    for (int i = 0; i < 6; ++i) {
      const std::int64_t kod = 9990001 + i;
      tx->exec(kInsertAddress, {kod, i % 2 == 0 ? "Ukázková" : "Vzorová", 10 + i});
      if (!zs.empty()) tx->exec(kInsertCatchment, {kod, "zs", zs[static_cast<std::size_t>(i) % zs.size()]});
      if (!ms.empty()) tx->exec(kInsertCatchment, {kod, "ms", ms[static_cast<std::size_t>(i) % ms.size()]});
      codes.push_back(kod);
    }
    int n = 0;
    for (const auto& r : tx->query(kFamiliesWithoutAddress))
      tx->exec(kSetFamilyAddress, {codes[static_cast<std::size_t>(n++) % codes.size()], r.i64(0)});
    tx->commit();
    lines.push_back(std::to_string(kSchools.size()) + " fictional schools with composition estimates");
  }

  std::vector<std::int64_t> zs_ids, ms_ids;
  struct Child {
    std::int64_t id;
    rules::Date birth;
  };
  std::vector<Child> children;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    for (const auto& r : tx->query("SELECT id FROM schools WHERE type = 'zs' ORDER BY izo LIMIT 4")) zs_ids.push_back(r.i64(0));
    for (const auto& r : tx->query("SELECT id FROM schools WHERE type = 'ms' ORDER BY izo LIMIT 3")) ms_ids.push_back(r.i64(0));
    for (const auto& r : tx->query(kChildren))
      if (auto b = rules::parse_iso_date(r.str(1))) children.push_back({r.i64(0), *b});
  }
  if (zs_ids.size() < 2 || ms_ids.size() < 2) return {};

  int cases = 0, k = 0;
  for (const auto& child : children) {
    if (cases >= 36) break;
    const int zs_year = rules::zs_school_year(child.birth).start_year;
    const int pre_year = rules::compulsory_preschool_start(child.birth).year();
    std::string level;
    int year = 0;
    if (zs_year >= 2025 && zs_year <= 2027) {
      level = "zs";
      year = zs_year;
    } else if (pre_year >= 2025 && pre_year <= 2027) {
      level = "compulsory_preschool";
      year = pre_year;
    } else {
      continue;
    }
    const auto& pool = level == "zs" ? zs_ids : ms_ids;
    const std::size_t first = static_cast<std::size_t>(k) % pool.size();
    domain::NewEnrollmentCase n;
    n.person_id = child.id;
    n.school_year = year;
    n.level = level;
    n.target_school_ids = {pool[first], pool[(first + 1) % pool.size()]};
    n.deferral_considered = level == "zs" && k % 5 == 1;
    auto created = s.enrollment.create(actor, n);
    if (!created) return std::move(created).error();
    domain::EnrollmentCase c = std::move(*created);
    ++cases;
    const int variant = k++ % 6;
    if (year == 2027) continue;  // zápis still ahead: preparation

    // Zápis in April (ZŠ) or March/April (MŠ from 2026; May before) of the school year's start.
    const std::string y = std::to_string(year);
    const bool ms_may = level != "zs" && year < 2026;
    domain::StageInput app_in = at("application_filed", y + (ms_may ? "-05-04" : "-04-02"));
    app_in.channel = "portal";
    app_in.number = "DEMO-" + y + "-" + std::to_string(100 + k);
    KREDO_TRY(stage(s.enrollment, actor, c, app_in));
    KREDO_TRY(stage(s.enrollment, actor, c, at("zapis_attended", y + (ms_may ? "-05-06" : "-04-14"))));
    if (year == 2026 && variant == 5) continue;  // waiting for the decision

    domain::StageInput dec = at("decision", y + "-05-20");
    dec.decision = variant == 2 || variant == 3 ? "not_admitted" : variant == 4 && level == "zs" ? "deferral_granted"
                                                                                                : "admitted";
    KREDO_TRY(stage(s.enrollment, actor, c, dec));
    domain::StageInput del = at("delivery", y + "-05-22");
    del.method = variant == 2 ? "data_box" : variant == 3 ? "post" : "in_person";
    KREDO_TRY(stage(s.enrollment, actor, c, del));
    if (*c.decision == "not_admitted") {
      // One appeal in time and won, one late (flagged) and rejected.
      domain::StageInput ap = at("appeal", variant == 2 ? y + "-06-05" : y + "-06-25");
      ap.outcome = variant == 2 ? "granted" : "rejected";
      ap.outcome_date = y + "-07-10";
      KREDO_TRY(stage(s.enrollment, actor, c, ap));
      if (variant == 3) continue;
    }
    if (*c.decision == "deferral_granted") continue;
    KREDO_TRY(stage(s.enrollment, actor, c, at("started_attending", y + "-09-01")));
    if (year == 2025) {
      domain::StageInput c3 = at("attending_3_months", "2025-12-01");
      c3.attending = true;
      KREDO_TRY(stage(s.enrollment, actor, c, c3));
      domain::StageInput c12 = at("attending_12_months", "2026-09-01");
      c12.attending = variant != 1;
      KREDO_TRY(stage(s.enrollment, actor, c, c12));
    }
  }
  lines.push_back(std::to_string(cases) + " fictional enrollment cases");
  return {};
}

}  // namespace kredo::app
