// GET /api/v1/health: liveness with the database kind and schema version (no login needed).
#include <atomic>
#include <chrono>

#include "api/routes.hpp"

namespace kredo::api {

void register_health_routes(http::HttpServer& server, app::Services& services) {
  server.route(http::Method::get, "/api/v1/health", http::Access::open, [&services](http::RequestContext&) -> http::HandlerResult {
    // The database is pinged at most once a second, so that health checks under load stay cheap.
    static std::atomic<std::int64_t> last_ok_ms{0};
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now().time_since_epoch()).count();
    if (now_ms - last_ok_ms.load(std::memory_order_relaxed) > 1000) {
      try {
        auto tx = services.db.begin(storage::TxMode::read);
        tx->query("SELECT 1");
        last_ok_ms.store(now_ms, std::memory_order_relaxed);
      } catch (const storage::DbError&) {
        return Error::unavailable("The database does not answer.");
      }
    }
    return http::Reply::json({{"status", "ok"},
                              {"db", storage::dialect_name(services.db.dialect())},
                              {"schema_version", services.schema_version},
                              {"version", KREDO_VERSION}});
  });
}

}  // namespace kredo::api
