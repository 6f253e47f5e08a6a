// JSON forms of the case registry's records (families, people, consents, …) as the API contract
// (notes/registry-api.md) spells them.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/districts.hpp"
#include "domain/families.hpp"
#include "domain/people.hpp"
#include "http/context.hpp"

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

// A registry list page as {"items":[…],"page","page_size","total"}. The items' JSON is rendered once per
// computed page (a page served from the list cache was rendered by an earlier answer).
template <class Page>
http::Reply list_page_reply(const Page& page, int page_no, int page_size) {
  const std::string& items = page.rendered_items->get([&] {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& it : page.items) a.push_back(to_json(it));
    return a.dump();
  });
  return http::Reply::bytes("{\"items\":" + items + ",\"page\":" + std::to_string(page_no) + ",\"page_size\":" +
                                std::to_string(page_size) + ",\"total\":" + std::to_string(page.total) + "}",
                            "application/json");
}

}  // namespace kredo::api
