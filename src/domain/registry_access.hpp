// Shared rules of the case registry: who may see which family (team scope), the special-category
// permission, and the folded search / Czech sort columns kept beside the names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "rules/czech_text.hpp"
#include "rules/date.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

// Analysts work with aggregates only: every personal-data endpoint refuses them.
Status require_personal_data(const security::Actor& actor);
// Admins (DPO work), coordinators and the system itself see every family; workers their team's.
bool sees_all_families(const security::Actor& actor);
// The family's team when it exists and the actor may see it; nullopt otherwise (answer 404).
std::optional<std::int64_t> visible_family_team(storage::Transaction& tx, const security::Actor& actor,
                                                std::int64_t family_id);
// The person's family when the person exists, is not merged away and is in the actor's scope.
std::optional<std::int64_t> visible_person_family(storage::Transaction& tx, const security::Actor& actor,
                                                  std::int64_t person_id);
// The users.special_category_access flag (the system actor has it).
bool has_special_category_access(storage::Transaction& tx, const security::Actor& actor);

// Recomputes families.search_text from the family name and its current members' names.
void refresh_family_search(storage::Transaction& tx, std::int64_t family_id);
// Hex of a Czech collation key: byte order of the hex text is Czech order on every database.
std::string czech_sort_key_hex(const rules::CzechCollator& collator, std::string_view text);
// LIKE pattern matching `q` anywhere in a folded column ("\" escapes % and _).
std::string folded_like_pattern(std::string_view q);

// The civil date in Brno (Europe/Prague) now: what a worker means by "today".
rules::Date today(const Clock& clock);

// The derived name columns of people: for duplicate detection ("given|surname", folded), for
// search (folded given names, surname and preferred name) and for Czech order (surname, then given).
std::string person_name_folded(std::string_view given_names, std::string_view surname);
std::string person_search_text(std::string_view given_names, std::string_view surname,
                               const std::optional<std::string>& preferred_name);
std::string person_sort_key(const rules::CzechCollator& collator, std::string_view given_names,
                            std::string_view surname);

}  // namespace kredo::domain
