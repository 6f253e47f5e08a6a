// Building large ordered JSON objects fast: nlohmann's ordered_json looks every key up linearly on
// insert, which makes an object of n keys cost O(n^2) (157,000 students took 20 s).
#pragma once

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace kredo {

// Appends key -> value to `object` (made an object if null) in insertion order, without the duplicate
// scan. Only for keys the caller knows to be unique (validated ids, codes of distinct labels).
inline void append_unique_key(nlohmann::ordered_json& object, std::string key, nlohmann::ordered_json value) {
  if (object.is_null()) object = nlohmann::ordered_json::object();
  auto& map = object.get_ref<nlohmann::ordered_json::object_t&>();
  static_cast<nlohmann::ordered_json::object_t::Container&>(map).emplace_back(std::move(key), std::move(value));
}

}  // namespace kredo
