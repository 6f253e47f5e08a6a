// Registers every API resource on the server. One file per resource under src/api/.
#pragma once

#include "app/services.hpp"
#include "http/server.hpp"

namespace kredo::api {

void register_health_routes(http::HttpServer& server, app::Services& services);
void register_auth_routes(http::HttpServer& server, app::Services& services);
void register_user_routes(http::HttpServer& server, app::Services& services);
void register_audit_routes(http::HttpServer& server, app::Services& services);
void register_analytics_routes(http::HttpServer& server, app::Services& services);
void register_family_routes(http::HttpServer& server, app::Services& services);
void register_people_routes(http::HttpServer& server, app::Services& services);
void register_gdpr_routes(http::HttpServer& server, app::Services& services);
void register_calendar_routes(http::HttpServer& server, app::Services& services);
void register_zapis_window_routes(http::HttpServer& server, app::Services& services);
void register_school_routes(http::HttpServer& server, app::Services& services);
void register_activity_routes(http::HttpServer& server, app::Services& services);
void register_enrollment_routes(http::HttpServer& server, app::Services& services);
void register_document_routes(http::HttpServer& server, app::Services& services);
void register_incident_routes(http::HttpServer& server, app::Services& services);
void register_report_routes(http::HttpServer& server, app::Services& services);

inline void register_all_routes(http::HttpServer& server, app::Services& services) {
  register_health_routes(server, services);
  register_auth_routes(server, services);
  register_user_routes(server, services);
  register_audit_routes(server, services);
  register_analytics_routes(server, services);
  register_family_routes(server, services);
  register_people_routes(server, services);
  register_gdpr_routes(server, services);
  register_calendar_routes(server, services);
  register_zapis_window_routes(server, services);
  register_school_routes(server, services);
  register_activity_routes(server, services);
  register_enrollment_routes(server, services);
  register_document_routes(server, services);
  register_incident_routes(server, services);
  register_report_routes(server, services);
}

}  // namespace kredo::api
