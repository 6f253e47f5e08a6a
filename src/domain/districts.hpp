// Brno's 29 city districts (městské části): the values a family address's district may take.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kredo::domain {

struct District {
  std::string code;  // stable ASCII slug, e.g. "brno-stred"
  std::string name;  // official Czech name, e.g. "Brno-střed"
};

// In Czech alphabetical order of the names (the order a select list shows them in).
const std::vector<District>& brno_districts();
// The district for a code or an exact name; nullopt when it is not one of the 29.
std::optional<District> find_district(std::string_view code_or_name);

}  // namespace kredo::domain
