// Catchment tables (spádovost: which school an address place belongs to) into `catchments`.
// Format (UTF-8 or Windows-1250, ';'-separated): `kod_adm;izo` or `kod_adm;izo;level`, with an
// optional header row naming those columns in any order. Without a level column the level follows
// the school's type (MŠ -> ms, any ZŠ -> zs). An unknown IZO or address code rejects the row;
// schools and RÚIAN addresses must be imported first.
#pragma once

#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "importers/import_summary.hpp"
#include "storage/db/db.hpp"

namespace kredo::importers {

Result<ImportSummary> import_catchments(storage::Database& db, const Clock& clock, const std::string& path,
                                        const ImportOptions& options);

}  // namespace kredo::importers
