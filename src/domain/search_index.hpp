// The registry's trigram search index (migration 0009): families.search_text and people.search_text
// (fold_for_search() of the names) cut into trigrams, so that a search reads one trigram's postings
// instead of scanning every row. The LIKE '%term%' still decides: answers are exactly the full scan's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/db/db.hpp"

namespace kredo::domain {

// refresh_family_search() (registry_access.hpp) also rewrites the family's index rows.
// Rewrites one person's index rows from people.search_text: call it in the same transaction as every
// write of people.search_text.
void refresh_person_search_index(storage::Transaction& tx, std::int64_t person_id);
// Rebuilds both indexes from search_text (after bulk loads that write search_text directly).
void rebuild_search_indexes(storage::Transaction& tx);
// The distinct trigrams (three UTF-8 characters, as SQL substr() counts them) of a folded text.
std::vector<std::string> search_trigrams(std::string_view folded);
// Which trigram of the folded term to read the postings of: the rarest one (by a per-process estimate,
// refreshed every few minutes; the choice only affects speed, never the answer). nullopt when the term
// has fewer than three characters (then the list scans). `people` picks the people index, else families'.
std::optional<std::string> pick_search_trigram(storage::Transaction& tx, std::string_view folded, bool people);

}  // namespace kredo::domain
