// Fuzz target: the RÚIAN address-point importer (Windows-1250 or UTF-8 CSV, ';'-separated, columns by header name,
// coordinates with a decimal point or comma), end to end into SQLite. Whatever the bytes: no crash, and an input the
// importer rejects rolls back (all-or-nothing) so the world stays small.
#include "importer_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& w = kredo::fuzzing::world();
  kredo::importers::ImportOptions o;
  o.all_or_nothing = true;
  if (size % 2) o.municipality = 582786;  // Brno only, half of the time
  (void)kredo::importers::import_ruian_addresses(*w.db, w.clock, w.file(data, size, "addresses.csv"), o);
  return 0;
}
