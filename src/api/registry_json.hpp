// JSON forms of the case registry's records (families, people, consents, …) as the API contract
// (notes/registry-api.md) spells them.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/districts.hpp"
#include "domain/families.hpp"
#include "domain/people.hpp"

namespace kredo::api {

nlohmann::json to_json(const domain::District& d);
nlohmann::json to_json(const domain::Family& f);
nlohmann::json to_json(const domain::FamilyListItem& f);
nlohmann::json to_json(const domain::Contact& c);
nlohmann::json to_json(const domain::Person& p);
nlohmann::json to_json(const domain::PersonListItem& p);
nlohmann::json to_json(const domain::Relationship& r);
nlohmann::json to_json(const domain::Participation& p);
nlohmann::json to_json(const domain::Consent& c);
nlohmann::json to_json(const domain::SpecialItem& s);

}  // namespace kredo::api
