// The composition root's product: every service, built once and handed to the API layer.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "common/clock.hpp"
#include "domain/activities.hpp"
#include "domain/competences.hpp"
#include "domain/enrollment.hpp"
#include "domain/documents.hpp"
#include "domain/families.hpp"
#include "domain/incidents.hpp"
#include "domain/gdpr.hpp"
#include "domain/people.hpp"
#include "domain/schools.hpp"
#include "domain/tasks.hpp"
#include "domain/users.hpp"
#include "domain/zapis_windows.hpp"
#include "security/auth_service.hpp"
#include "storage/db/db.hpp"

namespace kredo::reports {
class ReportService;
}  // namespace kredo::reports

namespace kredo::app {

struct Services {
  storage::Database& db;
  const Clock& clock;
  security::AuthService& auth;
  domain::UserService& users;
  domain::FamilyService& families;
  domain::PersonService& people;
  domain::GdprService& gdpr;
  domain::SchoolService& schools;
  domain::ZapisWindowService& zapis_windows;
  domain::ActivityService& activities;
  domain::CompetenceService& competences;
  domain::ObservationService& observations;
  domain::EnrollmentService& enrollment;
  domain::TaskService& tasks;
  domain::DocumentService& documents;
  domain::IncidentService& incidents;
  int schema_version = 0;
  bool secure_cookies = false;
  reports::ReportService& reports;
};

}  // namespace kredo::app
