// The composition root: opens the database, builds every service once, and the HTTP server.
#pragma once

#include <memory>
#include <string>

#include "app/config.hpp"
#include "app/services.hpp"
#include "http/server.hpp"
#include "security/cipher.hpp"
#include "storage/migrate/migrator.hpp"

namespace kredo::app {

class Application {
 public:
  // Throws storage::DbError when the database cannot be opened, std::runtime_error when the data
  // key cannot be read. Without a configured key, a development key file is generated next to
  // the SQLite database (security::default_dev_key_file).
  explicit Application(const std::string& db_url, const Clock* clock = nullptr, int db_connections = 16,
                       security::KeyConfig keys = {});
  ~Application();

  storage::Database& db() { return *db_; }
  storage::Migrator& migrator() { return *migrator_; }
  Services& services() { return *services_; }
  const std::string& db_url() const { return db_url_; }
  const security::Cipher& cipher() const { return *cipher_; }

  // The server with every route, ready to bind. The Application must outlive it. Checks the data
  // key against the database and encrypts values left from before encryption (throws
  // std::runtime_error with a clear message on the wrong key).
  std::unique_ptr<http::HttpServer> make_server(const http::ServerOptions& options);

 private:
  std::string db_url_;
  std::unique_ptr<Clock> owned_clock_;
  const Clock* clock_;
  std::unique_ptr<security::Cipher> cipher_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<storage::Migrator> migrator_;
  std::unique_ptr<security::AuthService> auth_;
  std::unique_ptr<domain::UserService> users_;
  // One Czech collator for every service (ICU collators are safe for concurrent const use).
  std::unique_ptr<rules::CzechCollator> collator_;
  std::unique_ptr<domain::FamilyService> families_;
  std::unique_ptr<domain::PersonService> people_;
  std::unique_ptr<domain::GdprService> gdpr_;
  std::unique_ptr<domain::SchoolService> schools_;
  std::unique_ptr<domain::ZapisWindowService> zapis_windows_;
  std::unique_ptr<domain::ActivityService> activities_;
  std::unique_ptr<domain::CompetenceService> competences_;
  std::unique_ptr<domain::ObservationService> observations_;
  std::unique_ptr<domain::EnrollmentService> enrollment_;
  std::unique_ptr<domain::TaskService> tasks_;
  std::unique_ptr<domain::DocumentService> documents_;
  std::unique_ptr<domain::IncidentService> incidents_;
  std::unique_ptr<reports::ReportService> reports_;
  std::unique_ptr<Services> services_;
};

// Demo data: teams, one user per role (and more data as the registry grows). Does nothing when
// the demo users exist already. Returns a line per demo login for the console.
inline constexpr const char* kDemoPassword = "Demo-heslo-2026";
Result<std::vector<std::string>> load_demo(Application& app, const std::string& scale);
// Demo schools (when none exist) and enrollment cases; called at the end of load_demo (demo_enrollment.cpp).
Status load_demo_enrollment(Application& app, std::vector<std::string>& lines);

}  // namespace kredo::app
