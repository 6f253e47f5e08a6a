// The migration files compiled into the binary (see cmake/embed_migrations.cmake).
#pragma once

#include <string>
#include <vector>

namespace kredo::storage {

struct EmbeddedMigration {
  std::string file_name;  // "0001_init.sql"
  std::string sql;
};

const std::vector<EmbeddedMigration>& embedded_migrations();

}  // namespace kredo::storage
