// Demo monitoring report: the first reporting period's report, created and submitted like a
// coordinator would, so the frozen values, definition versions and SHA-256 can be looked at.
#include "app/demo_reports.hpp"

#include "app/application.hpp"
#include "reports/report_service.hpp"

namespace kredo::app {

Status load_demo_reports(Application& app, const std::string& scale) {
  if (scale != "small") return {};
  auto& s = app.services();
  auto actor = security::system_actor("demo");
  actor.role = security::Role::coordinator;
  auto project = s.reports.project(actor);
  if (!project) return std::move(project).error();
  if (project->periods.empty()) return {};
  const auto& first = project->periods.front();
  auto draft = s.reports.create(actor, first.from, first.to);
  if (!draft) return std::move(draft).error();
  auto submitted = s.reports.submit(actor, draft->summary.id, draft->summary.version);
  if (!submitted) return std::move(submitted).error();
  return {};
}

}  // namespace kredo::app
