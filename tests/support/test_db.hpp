// Fresh, migrated databases for tests: a temporary SQLite file, or the PostgreSQL server named by
// KREDO_TEST_PG (its public schema is dropped and recreated). `make test` starts that server.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "app/application.hpp"

namespace kredo::testing {

// "sqlite" and, when KREDO_TEST_PG is set, "postgresql". With KREDO_REQUIRE_PG=1 and no
// KREDO_TEST_PG the suite fails instead of silently testing one database.
std::vector<std::string> test_backends();

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend, const Clock* clock = nullptr);
  ~TestDatabase();
  app::Application& app() { return *app_; }
  const std::string& url() const { return url_; }

 private:
  std::string dir_;
  std::string url_;
  std::unique_ptr<app::Application> app_;
};

std::string make_temp_dir();

// Whether a validation error names `field`.
inline bool has_field(const Error& e, const std::string& field) {
  return std::any_of(e.fields.begin(), e.fields.end(), [&](const FieldError& f) { return f.field == field; });
}

}  // namespace kredo::testing
