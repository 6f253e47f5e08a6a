// GET /api/v1/audit: the audit log with filters (admin).
#include <regex>

#include "api/json.hpp"
#include "api/routes.hpp"

namespace kredo::api {

void register_audit_routes(http::HttpServer& server, app::Services& s) {
  server.route(http::Method::get, "/api/v1/audit", http::Access::login,
               [&s](http::RequestContext& ctx) -> http::HandlerResult {
    if (!ctx.actor().is(security::Role::admin)) return Error::forbidden("Only an administrator can read the audit log.");
    auto paging = parse_paging(ctx.query("page"), ctx.query("page_size"));
    if (!paging) return std::move(paging).error();
    security::AuditQuery q;
    q.entity = ctx.query("entity");
    q.entity_id = ctx.query("entity_id");
    q.actor = ctx.query("actor");
    q.action = ctx.query("action");
    q.from = ctx.query("from");
    q.to = ctx.query("to");
    static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
    std::vector<FieldError> errors;
    if (!q.from.empty() && !std::regex_match(q.from, kDate)) errors.push_back({"from", "Use a date as YYYY-MM-DD."});
    if (!q.to.empty() && !std::regex_match(q.to, kDate)) errors.push_back({"to", "Use a date as YYYY-MM-DD."});
    if (!errors.empty()) return Error::validation(std::move(errors));
    q.page = paging->page;
    q.page_size = paging->page_size;
    auto tx = s.db.begin(storage::TxMode::read);
    auto page = security::find_audit(*tx, q);
    auto items = nlohmann::json::array();
    for (const auto& a : page.items) items.push_back(to_json(a));
    return http::Reply::json({{"items", items}, {"total", page.total}, {"page", q.page}, {"page_size", q.page_size}});
  });
}

}  // namespace kredo::api
