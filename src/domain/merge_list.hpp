// GET /merges for coordinators: every merge with the display names of both records, audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/gdpr.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct MergeListItem {
  Merge merge;
  // "given surname" of the kept and of the merged-away record (that record keeps its names until the
  // merge is undone or the person anonymised).
  std::optional<std::string> person_name, duplicate_name;
};

// Coordinators and admins (others: 403). Newest first. The read names people: one audit row
// (action list_merges, entity person, the ids in detail) in the same transaction.
Result<std::vector<MergeListItem>> list_merges(storage::Database& db, const Clock& clock, const security::Actor& actor);

}  // namespace kredo::domain
