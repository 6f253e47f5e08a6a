#include "api/registry_json.hpp"

#include "api/json.hpp"
#include "rules/rodne_cislo.hpp"

namespace kredo::api {

using nlohmann::json;

namespace {

json user_ref(const std::optional<domain::UserRef>& u) {
  return u ? json{{"id", u->id}, {"username", u->username}} : json(nullptr);
}

json summary(const domain::PersonSummary& m) {
  return {{"id", m.id}, {"role", m.role}, {"given_names", m.given_names}, {"surname", m.surname},
          {"preferred_name", opt(m.preferred_name)}, {"birth_date", m.birth_date}, {"gender", m.gender}};
}

}  // namespace

json to_json(const domain::District& d) { return {{"code", d.code}, {"name", d.name}}; }

json to_json(const domain::Family& f) {
  json members = json::array();
  for (const auto& m : f.members) members.push_back(summary(m));
  const auto& a = f.address;
  return {{"id", f.id},
          {"version", f.version},
          {"name", f.name},
          {"team", f.team},
          {"keyworker", user_ref(f.keyworker)},
          {"status", f.status},
          {"closed_reason", opt(f.closed_reason)},
          {"address",
           {{"street", a.street.empty() ? json(nullptr) : json(a.street)},
            {"house_number", a.house_number.empty() ? json(nullptr) : json(a.house_number)},
            {"district", a.district.empty() ? json(nullptr) : json(a.district)},
            {"postal_code", a.postal_code.empty() ? json(nullptr) : json(a.postal_code)},
            {"kod_adm", opt(a.kod_adm)}}},
          {"members", members},
          {"legal_hold", f.legal_hold},
          {"created_at", f.created_at},
          {"updated_at", f.updated_at}};
}

json to_json(const domain::FamilyListItem& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"district", f.district.empty() ? json(nullptr) : json(f.district)},
          {"status", f.status},
          {"keyworker", user_ref(f.keyworker)},
          {"team", f.team},
          {"members_count", f.members_count},
          {"children_count", f.children_count},
          {"member_names", f.member_names},
          {"updated_at", f.updated_at}};
}

json to_json(const domain::Contact& c) {
  return {{"id", c.id}, {"date", c.date}, {"type", c.type}, {"worker", c.worker}, {"summary", c.summary},
          {"person_ids", c.person_ids}};
}

json to_json(const domain::Relationship& r) {
  return {{"id", r.id}, {"other_person_id", r.other_person_id}, {"other_name", r.other_name}, {"type", r.type},
          {"legal_representative", r.legal_representative}};
}

json to_json(const domain::Participation& p) {
  return {{"id", p.id},
          {"version", p.version},
          {"entry_date", p.entry_date},
          {"exit_date", opt(p.exit_date)},
          {"exit_reason", opt(p.exit_reason)},
          {"third_country_national", p.third_country_national},
          {"foreign_background", p.foreign_background},
          {"housing_exclusion", p.housing_exclusion},
          {"rural", p.rural}};
}

json to_json(const domain::Consent& c) {
  return {{"id", c.id},
          {"purpose", c.purpose},
          {"school", opt(c.school)},
          {"given_by", c.given_by},
          {"representative_id", opt(c.representative_id)},
          {"given_on", c.given_on},
          {"form", c.form},
          {"expires_on", opt(c.expires_on)},
          {"withdrawn_on", opt(c.withdrawn_on)},
          {"status", c.status}};
}

json to_json(const domain::SpecialItem& s) {
  return {{"id", s.id}, {"category", s.category}, {"value", s.value}, {"note", opt(s.note)},
          {"recorded_on", s.recorded_on}, {"recorded_by", s.recorded_by}, {"consent_id", opt(s.consent_id)}};
}

json to_json(const domain::Person& p) {
  json rel = json::array(), part = json::array(), cons = json::array();
  for (const auto& r : p.relationships) rel.push_back(to_json(r));
  for (const auto& x : p.participation) part.push_back(to_json(x));
  for (const auto& c : p.consents) cons.push_back(to_json(c));
  json special = nullptr;
  if (p.special_category) {
    special = json::array();
    for (const auto& s : *p.special_category) special.push_back(to_json(s));
  }
  return {{"id", p.id},
          {"version", p.version},
          {"family_id", p.family_id},
          {"role", p.role},
          {"given_names", p.given_names},
          {"surname", p.surname},
          {"preferred_name", opt(p.preferred_name)},
          {"birth_date", p.birth_date},
          {"gender", p.gender},
          // Only the masked form ever leaves the server.
          {"rodne_cislo", p.rodne_cislo ? json(rules::mask_rodne_cislo(*p.rodne_cislo)) : json(nullptr)},
          {"nationality", opt(p.nationality)},
          {"education_isced", opt(p.education_isced)},
          {"labour_status", opt(p.labour_status)},
          {"contact",
           {{"phones", p.contact.phones},
            {"email", opt(p.contact.email)},
            {"preferred_language", p.contact.preferred_language},
            {"interpreter_needed", p.contact.interpreter_needed}}},
          {"relationships", rel},
          {"participation", part},
          {"consents", cons},
          {"special_category", special},
          {"special_category_visible", p.special_category.has_value()},
          {"legal_hold", p.legal_hold},
          {"anonymised", p.anonymised_at.has_value()},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json to_json(const domain::PersonListItem& p) {
  return {{"id", p.id}, {"given_names", p.given_names}, {"surname", p.surname},
          {"preferred_name", opt(p.preferred_name)}, {"birth_date", p.birth_date}, {"role", p.role},
          {"family_id", p.family_id}, {"family_name", p.family_name}};
}

}  // namespace kredo::api
