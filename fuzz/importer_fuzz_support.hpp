// Shared by the importer fuzz targets: one migrated SQLite database per process (in a temporary folder) holding the
// fixture schools and RÚIAN addresses of tests/data/schools, so catchment rows can match; the fuzz input is written
// to a file because the importers read files (as `kredo import` does).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/clock.hpp"
#include "importers/catchments.hpp"
#include "importers/ruian_addresses.hpp"
#include "importers/school_register.hpp"
#include "rules/czech_text.hpp"
#include "storage/db/db.hpp"
#include "storage/migrate/embedded.hpp"
#include "storage/migrate/migrator.hpp"

namespace kredo::fuzzing {

struct ImporterWorld {
  std::string dir;
  std::unique_ptr<storage::Database> db;
  ManualClock clock{1'790'000'000};
  rules::CzechCollator collator;

  ImporterWorld() {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/kredo-fuzz-XXXXXX";
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir = tmpl;
    db = storage::open_database("sqlite:" + dir + "/kredo.db", {});
    storage::Migrator m(*db, storage::load_migrations(storage::embedded_migrations()));
    if (!m.migrate()) throw std::runtime_error("migration failed");
    const auto data = std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / "data" / "schools";
    importers::ImportOptions o;
    (void)importers::import_ruian_addresses(*db, clock, (data / "addresses_cp1250.csv").string(), o);
    (void)importers::import_school_register(*db, clock, collator, (data / "register_small.xml").string(), o);
  }
  ~ImporterWorld() { std::filesystem::remove_all(dir); }

  // Writes the input to the world's file and returns its path.
  std::string file(const std::uint8_t* data, std::size_t size, const char* name) {
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                   static_cast<std::streamsize>(size));
    return path;
  }
};

inline ImporterWorld& world() {
  static ImporterWorld w;
  return w;
}

}  // namespace kredo::fuzzing
