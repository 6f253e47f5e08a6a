// Zápis (enrollment round) windows per level and school year, as data a coordinator edits:
// the dates change by amendment, so rules::default_zapis_windows() only seeds the table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "rules/school_age.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::domain {

struct StoredZapisWindow {
  rules::ZapisWindow window;
  std::int64_t version = 1;
  std::string updated_at, updated_by;
};

struct ZapisWindowChange {
  std::string level;             // "ms" | "zs"
  int school_year = 0;           // start year of the school year (2026 = 2026/27)
  std::string from, to;          // YYYY-MM-DD
  std::optional<std::int64_t> version;  // required when the window exists; absent to add a new year
};

class ZapisWindowService {
 public:
  ZapisWindowService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Every window, by level then school year; seeds the defaults the first time.
  Result<std::vector<StoredZapisWindow>> list(const security::Actor& actor);
  // Coordinators and admins only; validated (rules::validate_zapis_window), versioned, audited.
  Result<StoredZapisWindow> put(const security::Actor& actor, const ZapisWindowChange& change);

 private:
  void seed_if_empty();

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace kredo::domain
