// Fuzz target: the MŠMT school register, JSON-LD dump (streamed record by record with nlohmann's SAX parser):
// the streaming reader and the import into SQLite (all-or-nothing). No crash whatever the bytes.
#include "importer_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& w = kredo::fuzzing::world();
  const std::string path = w.file(data, size, "register.jsonld");
  std::size_t facilities = 0;
  (void)kredo::importers::read_register_jsonld(path, [&](const kredo::importers::RegisterEntity& e) {
    facilities += e.facilities.size();
  });
  kredo::importers::ImportOptions o;
  o.all_or_nothing = true;
  (void)kredo::importers::import_school_register(*w.db, w.clock, w.collator, path, o);
  return 0;
}
