// Fuzz target: the catchment-table importer (`kod_adm;izo[;level]`, optional header in any order, UTF-8 or
// Windows-1250), end to end into SQLite over the fixture schools and addresses. No crash whatever the bytes.
#include "importer_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& w = kredo::fuzzing::world();
  kredo::importers::ImportOptions o;
  o.all_or_nothing = size % 2 == 0;
  (void)kredo::importers::import_catchments(*w.db, w.clock, w.file(data, size, "catchments.csv"), o);
  return 0;
}
