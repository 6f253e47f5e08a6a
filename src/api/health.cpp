// GET /api/v1/health: liveness with the database kind and schema version (no login needed).
#include <atomic>
#include <chrono>

#include "api/routes.hpp"

namespace kredo::api {

void register_health_routes(http::HttpServer& server, app::Services& services) {
  server.route(http::Method::get, "/api/v1/health", http::Access::open, [&services](http::RequestContext&) -> http::HandlerResult {
    // The database is pinged at most once a second, by one request at a time; the others answer from
    // the last result, so health checks under load never queue up behind the database.
    static std::atomic<std::int64_t> last_ping_ms{0};
    static std::atomic<bool> last_ok{true};
    static std::atomic<bool> pinging{false};
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now().time_since_epoch()).count();
    bool expected = false;
    if (now_ms - last_ping_ms.load(std::memory_order_relaxed) > 1000 &&
        pinging.compare_exchange_strong(expected, true)) {
      bool ok = true;
      try {
        auto tx = services.db.begin(storage::TxMode::read);
        tx->query("SELECT 1");
      } catch (const storage::DbError&) {
        ok = false;
      }
      last_ok.store(ok);
      last_ping_ms.store(now_ms, std::memory_order_relaxed);
      pinging.store(false);
    }
    if (!last_ok.load()) return Error::unavailable("The database does not answer.");
    return http::Reply::json({{"status", "ok"},
                              {"db", storage::dialect_name(services.db.dialect())},
                              {"schema_version", services.schema_version},
                              {"version", KREDO_VERSION}});
  });
}

}  // namespace kredo::api
