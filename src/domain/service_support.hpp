// Helpers and statements shared by the domain services' .cpp files (one definition each: the unity build
// compiles several of those files as one translation unit).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "security/audit.hpp"
#include "security/audit_writer.hpp"

namespace kredo::domain {

// One audit entry for `entity` `id`, written in the caller's transaction.
inline void audit(storage::Transaction& tx, const security::Actor& actor, const Clock& clock, const std::string& action,
                  const std::string& entity, const std::string& id, const nlohmann::json& detail = nullptr) {
  security::write_audit(tx, actor, {action, entity, id, detail.is_null() ? "" : detail.dump()}, clock.now());
}

inline void audit(storage::Transaction& tx, const security::Actor& actor, const Clock& clock, const std::string& action,
                  const std::string& entity, std::int64_t id, const nlohmann::json& detail = nullptr) {
  audit(tx, actor, clock, action, entity, std::to_string(id), detail);
}

// The audit entry of a read made in a read transaction (after it, once the record was found and shown to be
// in the actor's scope): group-committed with the other reads' entries (security::group_commit_audit), and
// returning only once it is durable, so an answer never leaves unaudited. A read then never waits for the
// single SQLite writer, nor holds it.
inline void audit_read(storage::Database& db, const security::Actor& actor, const Clock& clock, const std::string& action,
                       const std::string& entity, const std::string& id, const nlohmann::json& detail = nullptr) {
  security::group_commit_audit(db, actor, {action, entity, id, detail.is_null() ? "" : detail.dump()}, clock.now());
}

inline void audit_read(storage::Database& db, const security::Actor& actor, const Clock& clock, const std::string& action,
                       const std::string& entity, std::int64_t id, const nlohmann::json& detail = nullptr) {
  audit_read(db, actor, clock, action, entity, std::to_string(id), detail);
}

// Whether `value` is one of `options` (an array of C strings or string views).
template <class Options>
bool one_of(const std::string& value, const Options& options) {
  for (const auto& o : options)
    if (value == o) return true;
  return false;
}

inline constexpr const char* kSetting = "SELECT value FROM settings WHERE key = $1";
inline constexpr const char* kUpsertSetting =
    "INSERT INTO settings (key, value, updated_at, version) VALUES ($1, $2, $3, 1) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
    "version = settings.version + 1";
inline constexpr const char* kContactPeople =
    "SELECT person_id FROM contact_people WHERE contact_id = $1 ORDER BY person_id";

}  // namespace kredo::domain
