// Demo incidents: a few plainly fictional cases of discrimination and barriers (with actions and one
// small text file as evidence), so that the incident list, the form and the statistics have content.
#include "app/application.hpp"
#include "app/demo_incidents.hpp"
#include "domain/registry_access.hpp"

namespace kredo::app {

Status load_demo_incidents(Application& app) {
  auto& s = app.services();
  const auto actor = security::system_actor("demo");
  std::vector<std::pair<std::int64_t, std::string>> children;  // person id, team
  std::optional<std::int64_t> school_id;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    for (const char* team : {"Sever", "Střed"})
      for (const auto& r : tx->query("SELECT p.id FROM people p JOIN families f ON f.id = p.family_id "
                                     "JOIN teams t ON t.id = f.team_id WHERE t.name = $1 AND p.role = 'child' "
                                     "AND p.merged_into IS NULL ORDER BY p.id LIMIT 3",
                                     {team}))
        children.emplace_back(r.i64(0), team);
    if (auto r = tx->query_one("SELECT id FROM schools ORDER BY id LIMIT 1")) school_id = r->i64(0);
  }
  if (children.empty()) return {};
  const std::string today = domain::today(s.clock).iso();
  const rules::Date t = *rules::parse_iso_date(today);
  struct Demo {
    int days_ago;
    const char* type;
    bool at_school;
    const char* institution;
    const char* description;
  };
  static const Demo kDemo[] = {
      {40, "discouraged_from_enrolling", true, "Základní škola (fiktivní)",
       "Při zápisu paní zástupkyně matce řekla, že „pro takové děti tu nemají podmínky“ a ať zkusí školu v "
       "sousední ulici. Přihlášku nechtěla převzít. Terénní pracovnice byla u toho."},
      {25, "questionable_diagnostic_referral", true, "Základní škola (fiktivní)",
       "Škola doporučila vyšetření v poradně po dvou týdnech docházky, bez konzultace s rodiči a bez podpůrných "
       "opatření. Matka se obává přeřazení do třídy podle § 16 odst. 9."},
      {12, "antigypsyism_at_office", false, "Úřad městské části (fiktivní)",
       "Úředník na přepážce odmítl otci vydat formulář a komentoval jeho původ. Otec odešel bez formuláře."},
      {5, "separate_class_or_building", true, "Mateřská škola (fiktivní)",
       "Děti z vyloučené lokality mají oddělenou třídu v jiné budově; rodičům nebylo nabídnuto zařazení do "
       "běžné třídy."},
  };
  int i = 0;
  for (const auto& d : kDemo) {
    const auto& [person, team] = children[static_cast<std::size_t>(i) % children.size()];
    domain::IncidentInput in;
    in.occurred_on = t.add_days(-d.days_ago).iso();
    in.type = d.type;
    in.description = d.description;
    if (d.at_school && school_id) in.school_id = std::optional<std::int64_t>(*school_id);
    else in.institution = std::optional<std::string>(d.institution);
    in.person_ids = std::vector<std::int64_t>{person};
    in.team = team;
    auto r = s.incidents.create(actor, in);
    if (!r) return std::move(r).error();
    if (i == 0) {
      domain::ActionInput a;
      a.type = "complaint_csi";
      a.taken_on = std::optional<std::string>(t.add_days(-30).iso());
      a.deadline = std::optional<std::string>(t.add_days(30).iso());
      a.note = std::optional<std::string>("Stížnost podána datovou schránkou.");
      if (auto ar = s.incidents.add_action(actor, r->id, a); !ar) return std::move(ar).error();
      auto e = s.incidents.add_evidence(actor, r->id, "zapis-poznamky.txt",
                                        "Poznámky terénní pracovnice ze zápisu (fiktivní ukázka).\n",
                                        std::optional<std::string>("Poznámky sepsané hned po zápisu"));
      if (!e) return std::move(e).error();
    }
    if (i == 2) {
      domain::ActionInput a;
      a.type = "ombudsman";
      a.taken_on = std::optional<std::string>(t.add_days(-8).iso());
      if (auto ar = s.incidents.add_action(actor, r->id, a); !ar) return std::move(ar).error();
    }
    ++i;
  }
  return {};
}

}  // namespace kredo::app
