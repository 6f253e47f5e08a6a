// RÚIAN address points (per-municipality CSV from ČÚZK: Windows-1250, ';'-separated, one row per
// address place) into the `addresses` table keyed by Kód ADM, the join key of catchment lookups.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "importers/import_summary.hpp"
#include "storage/db/db.hpp"

namespace kredo::importers {

// Columns by header name (the order may differ between exports; unknown columns are ignored).
// Kód ADM, Kód obce and Název obce are required; coordinates take a decimal point or comma.
// Re-importing updates rows in place. Rows are written in multi-row batches in one transaction.
// Errors only for an unreadable file or a header without the required columns.
Result<ImportSummary> import_ruian_addresses(storage::Database& db, const Clock& clock, const std::string& path,
                                             const ImportOptions& options);

}  // namespace kredo::importers
