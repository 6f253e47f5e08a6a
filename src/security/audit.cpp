#include "security/audit.hpp"

#include <algorithm>

#include "common/clock.hpp"

namespace kredo::security {

namespace {

constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (at, actor_user_id, actor, action, entity, entity_id, request_id, detail) VALUES ";

void append_audit_params(storage::Params& p, const Actor& actor, const AuditEvent& event, std::int64_t now) {
  p.emplace_back(format_utc(now));
  p.push_back(actor.user_id > 0 ? storage::DbValue(actor.user_id) : storage::DbValue(nullptr));
  p.emplace_back(actor.username);
  p.emplace_back(event.action);
  p.emplace_back(event.entity);
  p.push_back(event.entity_id.empty() ? storage::DbValue(nullptr) : storage::DbValue(event.entity_id));
  p.push_back(actor.request_id.empty() ? storage::DbValue(nullptr) : storage::DbValue(actor.request_id));
  p.push_back(event.detail.empty() ? storage::DbValue(nullptr) : storage::DbValue(event.detail));
}

}  // namespace

void write_audit(storage::Transaction& tx, const Actor& actor, const AuditEvent& event, std::int64_t now) {
  storage::Params p;
  append_audit_params(p, actor, event, now);
  tx.exec(std::string(kInsertAudit) + "($1, $2, $3, $4, $5, $6, $7, $8)", p);
}

void write_audit_rows(storage::Transaction& tx, const std::vector<AuditRow>& rows) {
  // One multi-row INSERT per chunk (200 rows: 1,600 parameters, well below either database's limit).
  constexpr std::size_t kChunk = 200;
  for (std::size_t start = 0; start < rows.size(); start += kChunk) {
    const std::size_t end = std::min(rows.size(), start + kChunk);
    std::string sql = kInsertAudit;
    storage::Params p;
    p.reserve((end - start) * 8);
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (int c = 0; c < 8; ++c) sql += (c ? ", $" : "$") + std::to_string(p.size() + static_cast<std::size_t>(c) + 1);
      sql += ")";
      append_audit_params(p, rows[i].actor, rows[i].event, rows[i].now);
    }
    tx.exec(sql, p);
  }
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
