// ESF+ common output indicators for participants (Regulation (EU) 2021/1057, Annex I; DOMAIN.md §6).
// Each counts the participants whose entry date falls in the period, broken down by gender.
// The code list is data: EECO01/05/12-16 were confirmed against their names, the others follow the
// Annex order.
#include "reports/indicators.hpp"

namespace kredo::reports {

namespace {

const std::vector<TableNeed> kNeeds{
    {"people", {"gender", "birth_date", "education_isced", "labour_status"}},
    {"participations", {"entry_date", "third_country_national", "foreign_background", "housing_exclusion", "rural"}}};

IndicatorDefinition esf(std::string code, std::string cs, std::string en, std::string method,
                        std::function<bool(const Participant&)> pred, bool sensitive = false) {
  IndicatorDefinition d;
  d.code = std::move(code);
  d.version = 1;
  d.section = "esf";
  d.name_cs = std::move(cs);
  d.name_en = std::move(en);
  d.unit = "persons";
  d.method = "Participants whose entry date falls in the period (first entry in the period), " + method;
  d.needs = kNeeds;
  d.entity = "person";
  d.sensitive = sensitive;
  d.compute = [pred = std::move(pred)](ComputeContext& ctx) { return count_participants(ctx, pred); };
  return d;
}

bool adult(const Participant& p) { return p.age_at_entry() >= 18; }

}  // namespace

void add_esf_indicators(std::vector<IndicatorDefinition>& out) {
  out.push_back(esf("EECO01", "Celkový počet účastníků", "Total participants", "all of them.",
                    [](const Participant&) { return true; }));
  out.push_back(esf("EECO02", "Nezaměstnaní, včetně dlouhodobě nezaměstnaných", "Unemployed, including long-term unemployed",
                    "adults whose labour status at entry is unemployed or long-term unemployed.",
                    [](const Participant& p) {
                      return adult(p) && p.labour_status &&
                             (*p.labour_status == "unemployed" || *p.labour_status == "long_term_unemployed");
                    }));
  out.push_back(esf("EECO03", "Dlouhodobě nezaměstnaní", "Long-term unemployed",
                    "adults whose labour status at entry is long-term unemployed.",
                    [](const Participant& p) { return adult(p) && p.labour_status == "long_term_unemployed"; }));
  out.push_back(esf("EECO04", "Neaktivní osoby", "Inactive", "adults whose labour status at entry is inactive or in education.",
                    [](const Participant& p) {
                      return adult(p) && p.labour_status &&
                             (*p.labour_status == "inactive" || *p.labour_status == "in_education");
                    }));
  out.push_back(esf("EECO05", "Zaměstnaní, včetně OSVČ", "Employed, including self-employed",
                    "adults whose labour status at entry is employed.",
                    [](const Participant& p) { return adult(p) && p.labour_status == "employed"; }));
  out.push_back(esf("EECO06", "Děti do 18 let", "Children below 18 years of age", "aged under 18 on the entry date.",
                    [](const Participant& p) { return p.age_at_entry() >= 0 && p.age_at_entry() < 18; }));
  out.push_back(esf("EECO07", "Mladí lidé ve věku 18–29 let", "Young people between 18 and 29 years of age",
                    "aged 18 to 29 on the entry date.",
                    [](const Participant& p) { return p.age_at_entry() >= 18 && p.age_at_entry() <= 29; }));
  out.push_back(esf("EECO08", "Účastníci ve věku 55 let a více", "Participants of 55 years of age and above",
                    "aged 55 or more on the entry date.", [](const Participant& p) { return p.age_at_entry() >= 55; }));
  out.push_back(esf("EECO09", "Osoby s nejvýše nižším sekundárním vzděláním (ISCED 0–2)",
                    "With lower secondary education or less (ISCED 0-2)", "with a recorded ISCED level 0 to 2.",
                    [](const Participant& p) { return p.education_isced && *p.education_isced <= 2; }));
  out.push_back(esf("EECO10", "Osoby s vyšším sekundárním nebo postsekundárním vzděláním (ISCED 3–4)",
                    "With upper secondary or post-secondary education (ISCED 3-4)", "with a recorded ISCED level 3 or 4.",
                    [](const Participant& p) {
                      return p.education_isced && *p.education_isced >= 3 && *p.education_isced <= 4;
                    }));
  out.push_back(esf("EECO11", "Osoby s terciárním vzděláním (ISCED 5–8)", "With tertiary education (ISCED 5-8)",
                    "with a recorded ISCED level 5 to 8.",
                    [](const Participant& p) { return p.education_isced && *p.education_isced >= 5; }));
  out.push_back(esf("EECO12", "Účastníci se zdravotním postižením", "Participants with disabilities",
                    "whose latest consented special-category answer for disability is yes.",
                    [](const Participant& p) { return p.disability; }, true));
  out.push_back(esf("EECO13", "Státní příslušníci třetích zemí", "Third-country nationals",
                    "recorded at entry as third-country nationals.", [](const Participant& p) { return p.third_country; }));
  out.push_back(esf("EECO14", "Účastníci zahraničního původu", "Participants with a foreign background",
                    "recorded at entry as having a foreign background.",
                    [](const Participant& p) { return p.foreign_background; }));
  // EECO15 with the target-group option: when the whole operation targets the Roma minority, ESF+
  // allows the target-group figure (every participant) without per-person ethnicity.
  IndicatorDefinition eeco15 = esf(
      "EECO15", "Menšiny (včetně marginalizovaných komunit, např. Romů)",
      "Minorities (including marginalised communities such as the Roma)",
      "whose latest consented special-category answer for Roma minority is yes; with the project's target-group "
      "option every participant counts (the operation targets the group) and no per-person ethnicity is used.",
      [](const Participant& p) { return p.minority; }, true);
  eeco15.compute = [](ComputeContext& ctx) {
    if (ctx.settings.minority_target_group) return count_participants(ctx, [](const Participant&) { return true; });
    return count_participants(ctx, [](const Participant& p) { return p.minority; });
  };
  out.push_back(std::move(eeco15));
  out.push_back(esf("EECO16", "Osoby bez domova nebo vyloučené z přístupu k bydlení",
                    "Homeless or affected by housing exclusion", "recorded at entry as homeless or in housing exclusion.",
                    [](const Participant& p) { return p.housing_exclusion; }));
  out.push_back(esf("EECO17", "Účastníci z venkovských oblastí", "Participants from rural areas",
                    "recorded at entry as living in a rural area.", [](const Participant& p) { return p.rural; }));
}

}  // namespace kredo::reports
