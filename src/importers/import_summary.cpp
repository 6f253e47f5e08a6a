#include "importers/import_summary.hpp"

#include <sstream>

namespace kredo::importers {

nlohmann::json to_json(const ImportSummary& s) {
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& r : s.rejected) rejected.push_back({{"line", r.line}, {"reason", r.reason}});
  nlohmann::json fatal = nullptr;
  if (s.fatal) fatal = {{"line", s.fatal->line}, {"reason", s.fatal->reason}};
  return {{"kind", s.kind},         {"format", s.format},   {"created", s.created},
          {"updated", s.updated},   {"unchanged", s.unchanged}, {"skipped", s.skipped},
          {"rejected_total", s.rejected_total}, {"rejected", rejected}, {"fatal", fatal},
          {"committed", s.committed}};
}

std::string format_summary(const ImportSummary& s) {
  std::ostringstream out;
  out << "import " << s.kind << " (" << s.format << "): created " << s.created << ", updated " << s.updated
      << ", unchanged " << s.unchanged << ", rejected " << s.rejected_total;
  std::int64_t skipped = 0;
  for (const auto& [reason, n] : s.skipped) skipped += n;
  out << ", skipped " << skipped;
  if (!s.skipped.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [reason, n] : s.skipped) {
      out << (first ? "" : ", ") << reason << ": " << n;
      first = false;
    }
    out << ")";
  }
  out << "\n";
  if (s.fatal) out << "  line " << s.fatal->line << ": " << s.fatal->reason << " (reading stopped here)\n";
  for (const auto& r : s.rejected) out << "  line " << r.line << ": " << r.reason << "\n";
  if (s.rejected_total > static_cast<std::int64_t>(s.rejected.size()))
    out << "  ... and " << (s.rejected_total - static_cast<std::int64_t>(s.rejected.size())) << " more\n";
  out << (s.committed ? "changes saved\n" : "nothing saved (rolled back)\n");
  return out.str();
}

}  // namespace kredo::importers
