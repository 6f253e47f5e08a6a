// Fuzz target: the MŠMT school register, legacy XML (vrejcelk.xml, streamed by libxml2's xmlTextReader): format
// detection, the streaming reader, and the import into SQLite (all-or-nothing). No crash whatever the bytes.
#include "importer_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& w = kredo::fuzzing::world();
  const std::string path = w.file(data, size, "register.xml");
  std::size_t facilities = 0;
  (void)kredo::importers::read_register_xml(path, [&](const kredo::importers::RegisterEntity& e) {
    facilities += e.facilities.size();
  });
  (void)kredo::importers::detect_register_format(path);
  kredo::importers::ImportOptions o;
  o.all_or_nothing = true;
  (void)kredo::importers::import_school_register(*w.db, w.clock, w.collator, path, o);
  return 0;
}
