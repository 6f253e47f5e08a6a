// Demo data: plainly fictional, for trying KREDO out and for benchmarks.
#include "app/application.hpp"

namespace kredo::app {

Result<std::vector<std::string>> load_demo(Application& app, const std::string& scale) {
  if (scale != "small" && scale != "national")
    return Error::field("scale", "Use --scale small or --scale national.");
  auto& s = app.services();
  std::vector<std::string> lines;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    if (domain::find_user_by_username(*tx, "admin")) {
      lines.push_back("demo data already present; nothing loaded");
      return lines;
    }
  }
  const auto actor = security::system_actor("demo");
  struct DemoUser {
    const char* username;
    const char* role;
    const char* team;
  };
  static const DemoUser kUsers[] = {
      {"admin", "admin", nullptr},        {"koordinator", "coordinator", nullptr},
      {"terenni", "worker", "Sever"},     {"terenni2", "worker", "Střed"},
      {"analytik", "analyst", nullptr},
  };
  for (const auto& u : kUsers) {
    domain::NewUser n{u.username, kDemoPassword, u.role,
                      u.team ? std::optional<std::string>(u.team) : std::nullopt};
    auto r = s.users.create(actor, n, true);
    if (!r) return std::move(r).error();
    lines.push_back(std::string(u.username) + " (" + u.role + (u.team ? std::string(", ") + u.team : "") + ")");
  }
  return lines;
}

}  // namespace kredo::app
