#include "security/audit.hpp"

#include "common/clock.hpp"

namespace kredo::security {

void write_audit(storage::Transaction& tx, const Actor& actor, const AuditEvent& event, std::int64_t now) {
  tx.exec(
      "INSERT INTO audit_log (at, actor_user_id, actor, action, entity, entity_id, request_id, detail) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {format_utc(now), actor.user_id > 0 ? storage::DbValue(actor.user_id) : storage::DbValue(nullptr),
       actor.username, event.action, event.entity,
       event.entity_id.empty() ? storage::DbValue(nullptr) : storage::DbValue(event.entity_id),
       actor.request_id.empty() ? storage::DbValue(nullptr) : storage::DbValue(actor.request_id),
       event.detail.empty() ? storage::DbValue(nullptr) : storage::DbValue(event.detail)});
}

AuditPage find_audit(storage::Transaction& tx, const AuditQuery& q) {
  // Optional filters as "($n = '' OR column = $n)" keep the SQL one constant string.
  static const char* kWhere =
      " WHERE ($1 = '' OR entity = $1) AND ($2 = '' OR entity_id = $2) AND ($3 = '' OR actor = $3)"
      " AND ($4 = '' OR action = $4) AND ($5 = '' OR at >= $5) AND ($6 = '' OR at < $6)";
  std::string to_exclusive;
  if (!q.to.empty()) to_exclusive = q.to + "T99";  // any time on the day 'to' sorts below this
  storage::Params p{q.entity, q.entity_id, q.actor, q.action, q.from, to_exclusive};
  AuditPage page;
  page.total = tx.query_one(std::string("SELECT COUNT(*) FROM audit_log") + kWhere, p)->i64(0);
  storage::Params pp = p;
  pp.emplace_back(static_cast<long long>(q.page_size));
  pp.emplace_back(static_cast<long long>((q.page - 1) * q.page_size));
  for (const auto& r : tx.query(std::string("SELECT id, at, actor, action, entity, COALESCE(entity_id, ''), "
                                            "COALESCE(request_id, ''), COALESCE(detail, '') FROM audit_log") +
                                    kWhere + " ORDER BY id DESC LIMIT $7 OFFSET $8",
                                pp)) {
    page.items.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7)});
  }
  return page;
}

}  // namespace kredo::security
