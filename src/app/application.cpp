#include "app/application.hpp"

#include "api/routes.hpp"
#include "reports/report_service.hpp"
#include "security/data_protection.hpp"

namespace kredo::app {

Application::Application(const std::string& db_url, const Clock* clock, int db_connections, security::KeyConfig keys)
    : db_url_(db_url) {
  if (!clock) {
    owned_clock_ = std::make_unique<SystemClock>();
    clock = owned_clock_.get();
  }
  clock_ = clock;
  storage::DbOptions opts;
  opts.max_connections = db_connections;
  db_ = storage::open_database(db_url, opts);
  if (keys.key_base64.empty() && keys.key_file.empty() && keys.dev_key_file.empty())
    keys.dev_key_file = security::default_dev_key_file(db_url);
  cipher_ = std::make_unique<security::Cipher>(security::load_cipher(keys));
  migrator_ = std::make_unique<storage::Migrator>(*db_, storage::load_migrations(storage::embedded_migrations()));
  auth_ = std::make_unique<security::AuthService>(*db_, *clock_, *cipher_);
  users_ = std::make_unique<domain::UserService>(*db_, *clock_);
  collator_ = std::make_unique<rules::CzechCollator>();
  families_ = std::make_unique<domain::FamilyService>(*db_, *clock_, *collator_);
  people_ = std::make_unique<domain::PersonService>(*db_, *clock_, *collator_, *cipher_);
  gdpr_ = std::make_unique<domain::GdprService>(*db_, *clock_, *collator_, *people_);
  schools_ = std::make_unique<domain::SchoolService>(*db_, *clock_);
  zapis_windows_ = std::make_unique<domain::ZapisWindowService>(*db_, *clock_);
  activities_ = std::make_unique<domain::ActivityService>(*db_, *clock_);
  competences_ = std::make_unique<domain::CompetenceService>(*db_, *clock_);
  observations_ = std::make_unique<domain::ObservationService>(*db_, *clock_);
  enrollment_ = std::make_unique<domain::EnrollmentService>(*db_, *clock_);
  tasks_ = std::make_unique<domain::TaskService>(*db_, *clock_);
  documents_ = std::make_unique<domain::DocumentService>(*db_, *clock_, cipher_.get());
  incidents_ = std::make_unique<domain::IncidentService>(*db_, *clock_, cipher_.get());
  reports_ = std::make_unique<reports::ReportService>(*db_, *clock_, cipher_.get());
  services_ = std::make_unique<Services>(Services{*db_, *clock_, *auth_, *users_, *families_, *people_, *gdpr_,
                                                  *schools_, *zapis_windows_, *activities_, *competences_,
                                                  *observations_, *enrollment_, *tasks_, *documents_, *incidents_,
                                                  0, false, *reports_});
}

Application::~Application() = default;

std::unique_ptr<http::HttpServer> Application::make_server(const http::ServerOptions& options) {
  services_->schema_version = migrator_->status().database_version;
  if (auto enc = security::prepare_encryption(*db_, *cipher_); !enc) throw std::runtime_error(enc.error().message);
  services_->secure_cookies = options.secure_cookies;
  auto server = std::make_unique<http::HttpServer>(options, *auth_);
  api::register_all_routes(*server, *services_);
  return server;
}

}  // namespace kredo::app
