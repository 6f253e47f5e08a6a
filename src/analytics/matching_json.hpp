// The JSON shape of `kredo match`: the problem file it reads and the assignment it prints.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "analytics/matching.hpp"
#include "common/error.hpp"

namespace kredo::analytics {

// {"minority_group"?: "minority",
//  "schools": [{"id", "capacity", "priority": [student ids] | "priority_groups": [[ids], ...],
//               "reserve"?: n, "bounds"?: {group: [floor, ceiling]}}],
//  "students": [{"id", "preferences": [school ids], "group"?: "..."}]}
// Ids may be strings or integers. Errors (invalid_request) name the field and the id.
Result<MatchingInput> parse_matching_input(std::string_view json_text);

// {"mechanism", "assignment": {student: school | null}, "unassigned": [...], "rounds"} in input order.
nlohmann::ordered_json matching_to_json(const MatchingInput& input, const Matching& matching, Mechanism mechanism);

}  // namespace kredo::analytics
