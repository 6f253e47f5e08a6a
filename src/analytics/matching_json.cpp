// JSON -> MatchingInput with the field-by-field checks users need to fix their file.
#include "analytics/matching_json.hpp"

#include "common/json_object.hpp"

namespace kredo::analytics {

namespace {

using nlohmann::json;

Result<std::string> id_of(const json& value, const std::string& where) {
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().empty()) return Error::invalid_request(where + ": id is empty");
    return value.get<std::string>();
  }
  if (value.is_number_integer()) return value.dump();
  return Error::invalid_request(where + ": id must be a string or an integer");
}

Result<std::vector<std::string>> id_list(const json& value, const std::string& where) {
  if (!value.is_array()) return Error::invalid_request(where + " must be an array of ids");
  std::vector<std::string> out;
  out.reserve(value.size());
  for (const auto& v : value) {
    auto id = id_of(v, where);
    if (!id.ok()) return std::move(id).error();
    out.push_back(std::move(id).value());
  }
  return out;
}

Result<int> non_negative_int(const json& value, const std::string& where) {
  if (!value.is_number_integer()) return Error::invalid_request(where + " must be an integer");
  const auto v = value.get<long long>();
  if (v < 0) return Error::invalid_request(where + " must be >= 0, got " + std::to_string(v));
  if (v > 100'000'000) return Error::invalid_request(where + " is implausibly large");
  return static_cast<int>(v);
}

Result<MatchingSchoolInput> parse_school(const json& j, std::size_t index) {
  std::string where = "schools[" + std::to_string(index) + "]";
  if (!j.is_object()) return Error::invalid_request(where + " must be an object");
  if (!j.contains("id")) return Error::invalid_request(where + ": missing field 'id'");
  MatchingSchoolInput school;
  auto id = id_of(j["id"], where);
  if (!id.ok()) return std::move(id).error();
  school.id = *id;
  where = "school '" + school.id + "'";
  if (!j.contains("capacity")) return Error::invalid_request(where + ": missing field 'capacity'");
  auto cap = non_negative_int(j["capacity"], where + ": capacity");
  if (!cap.ok()) return std::move(cap).error();
  school.capacity = *cap;
  const bool strict = j.contains("priority");
  const bool grouped = j.contains("priority_groups");
  if (strict == grouped) {
    return Error::invalid_request(where + ": needs exactly one of 'priority' and 'priority_groups'");
  }
  if (strict) {
    auto list = id_list(j["priority"], where + ": priority");
    if (!list.ok()) return std::move(list).error();
    for (auto& s : *list) school.priority_groups.push_back({std::move(s)});
  } else {
    const auto& groups = j["priority_groups"];
    if (!groups.is_array()) return Error::invalid_request(where + ": priority_groups must be an array of arrays of ids");
    for (const auto& g : groups) {
      auto list = id_list(g, where + ": priority_groups entry");
      if (!list.ok()) return std::move(list).error();
      school.priority_groups.push_back(std::move(list).value());
    }
  }
  if (j.contains("reserve")) {
    auto r = non_negative_int(j["reserve"], where + ": reserve");
    if (!r.ok()) return std::move(r).error();
    school.reserve = *r;
  }
  if (j.contains("bounds")) {
    const auto& b = j["bounds"];
    if (!b.is_object()) return Error::invalid_request(where + ": bounds must be an object {group: [floor, ceiling]}");
    for (const auto& [group, fc] : b.items()) {
      const std::string bw = where + ": bounds of group '" + group + "'";
      if (!fc.is_array() || fc.size() != 2) return Error::invalid_request(bw + " must be [floor, ceiling]");
      auto lo = non_negative_int(fc[0], bw + " floor");
      if (!lo.ok()) return std::move(lo).error();
      auto hi = non_negative_int(fc[1], bw + " ceiling");
      if (!hi.ok()) return std::move(hi).error();
      school.bounds[group] = {*lo, *hi};
    }
  }
  return school;
}

Result<MatchingStudentInput> parse_student(const json& j, std::size_t index) {
  std::string where = "students[" + std::to_string(index) + "]";
  if (!j.is_object()) return Error::invalid_request(where + " must be an object");
  if (!j.contains("id")) return Error::invalid_request(where + ": missing field 'id'");
  MatchingStudentInput student;
  auto id = id_of(j["id"], where);
  if (!id.ok()) return std::move(id).error();
  student.id = *id;
  where = "student '" + student.id + "'";
  if (!j.contains("preferences")) return Error::invalid_request(where + ": missing field 'preferences'");
  auto prefs = id_list(j["preferences"], where + ": preferences");
  if (!prefs.ok()) return std::move(prefs).error();
  student.preferences = std::move(prefs).value();
  if (j.contains("group") && !j["group"].is_null()) {
    if (!j["group"].is_string()) return Error::invalid_request(where + ": group must be a string");
    student.group = j["group"].get<std::string>();
  }
  return student;
}

}  // namespace

Result<MatchingInput> parse_matching_input(std::string_view json_text) {
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error::invalid_request("input is empty");
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number too big for a double (1e999)
    return Error::invalid_request(std::string("malformed JSON: ") + e.what());
  }
  if (!j.is_object()) return Error::invalid_request("input must be a JSON object with 'schools' and 'students'");
  for (const char* key : {"schools", "students"}) {
    if (!j.contains(key) || !j[key].is_array()) return Error::invalid_request(std::string("missing array '") + key + "'");
  }
  MatchingInput input;
  if (j.contains("minority_group")) {
    if (!j["minority_group"].is_string()) return Error::invalid_request("minority_group must be a string");
    input.minority_group = j["minority_group"].get<std::string>();
  }
  const auto& schools = j["schools"];
  for (std::size_t i = 0; i < schools.size(); ++i) {
    auto s = parse_school(schools[i], i);
    if (!s.ok()) return std::move(s).error();
    input.schools.push_back(std::move(s).value());
  }
  const auto& students = j["students"];
  for (std::size_t i = 0; i < students.size(); ++i) {
    auto s = parse_student(students[i], i);
    if (!s.ok()) return std::move(s).error();
    input.students.push_back(std::move(s).value());
  }
  return input;
}

nlohmann::ordered_json matching_to_json(const MatchingInput& input, const Matching& matching, Mechanism mechanism) {
  nlohmann::ordered_json out;
  out["mechanism"] = mechanism_name(mechanism);
  nlohmann::ordered_json assignment = nlohmann::ordered_json::object();
  nlohmann::ordered_json unassigned = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < input.students.size(); ++i) {
    const auto s = matching.school_of[i];
    if (s == kUnassigned) {
      append_unique_key(assignment, input.students[i].id, nullptr);  // ids validated unique by build_problem
      unassigned.push_back(input.students[i].id);
    } else {
      append_unique_key(assignment, input.students[i].id, input.schools[static_cast<std::size_t>(s)].id);
    }
  }
  out["assignment"] = std::move(assignment);
  out["unassigned"] = std::move(unassigned);
  out["rounds"] = matching.rounds;
  return out;
}

}  // namespace kredo::analytics
