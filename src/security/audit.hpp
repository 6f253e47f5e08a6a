// The append-only audit log: written inside the same transaction as the change (or read) it records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "security/permissions.hpp"
#include "storage/db/db.hpp"

namespace kredo::security {

struct AuditEvent {
  std::string action;     // login, login_failed, logout, create, update, read, ...
  std::string entity;     // user, session, family, person, ...
  std::string entity_id;  // may be empty
  std::string detail;     // short JSON or text, never a secret
};

void write_audit(storage::Transaction& tx, const Actor& actor, const AuditEvent& event, std::int64_t now);

struct AuditRow {
  Actor actor;
  AuditEvent event;
  std::int64_t now = 0;
};
// Many rows in few statements (the group commit of list reads), in their order.
void write_audit_rows(storage::Transaction& tx, const std::vector<AuditRow>& rows);

struct AuditQuery {
  std::string entity, entity_id, actor, action;
  std::string from, to;  // YYYY-MM-DD, inclusive
  int page = 1;
  int page_size = 50;
};

struct AuditRecord {
  std::int64_t id = 0;
  std::string at, actor, action, entity, entity_id, request_id, detail;
};

struct AuditPage {
  std::vector<AuditRecord> items;
  std::int64_t total = 0;
};

AuditPage find_audit(storage::Transaction& tx, const AuditQuery& q);

}  // namespace kredo::security
