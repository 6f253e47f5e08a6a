#include "support/test_db.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "domain/aggregate_cache.hpp"
#include "security/crypto.hpp"

namespace kredo::testing {

std::vector<std::string> test_backends() {
  std::vector<std::string> b{"sqlite"};
  const char* pg = std::getenv("KREDO_TEST_PG");
  if (pg && *pg) b.push_back("postgresql");
  return b;
}

std::string make_temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kredo-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

TestDatabase::TestDatabase(const std::string& backend, const Clock* clock) {
  if (backend == "sqlite") {
    dir_ = make_temp_dir();
    url_ = "sqlite:" + dir_ + "/kredo.db";
  } else {
    const char* pg = std::getenv("KREDO_TEST_PG");
    if (!pg || !*pg) throw std::runtime_error("KREDO_TEST_PG is not set");
    url_ = pg;
    auto db = storage::open_database(url_, {});
    auto tx = db->begin(storage::TxMode::write);
    tx->exec_script("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    tx->commit();
  }
  app_ = std::make_unique<app::Application>(url_, clock, 8);
  auto r = app_->migrator().migrate();
  if (!r) throw std::runtime_error("migration failed: " + r.error().message);
}

TestDatabase::~TestDatabase() {
  app_.reset();
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

// Fails the run when PostgreSQL was required but not given.
class RequirePostgres : public ::testing::Environment {
 public:
  void SetUp() override {
    const char* req = std::getenv("KREDO_REQUIRE_PG");
    const char* pg = std::getenv("KREDO_TEST_PG");
    if (req && std::string(req) == "1" && !(pg && *pg)) FAIL() << "KREDO_REQUIRE_PG=1 but KREDO_TEST_PG is not set";
  }
};
static ::testing::Environment* const kRequirePg = ::testing::AddGlobalTestEnvironment(new RequirePostgres);

// Password hashes at argon2id's minimum cost in the C++ suites (see crypto.hpp); set before any test runs.
static const bool kCheapHashes = [] {
  security::use_minimum_password_cost_for_tests();
  return true;
}();

// The db and API suites check that every summary equals a recomputation after each write. The rule that an
// expensive summary (one whose computation took a second or more) may be answered from before the latest
// change is meant for national datasets; on a loaded two-core CI machine even these small computations
// sometimes take that long, and the rule then answered a dashboard from before the write under test. Here every
// answer is exact; the rule itself has its own unit tests (aggregate_cache_test.cpp), which set it explicitly.
static const bool kExactSummaries = [] {
  domain::AggregateCache::stale_min_cost = std::chrono::hours(24);
  return true;
}();

}  // namespace kredo::testing
