// /api/v1/calendar/*: the pure rules (holidays, §40 appeal deadline, school-entry milestones) over
// HTTP for any logged-in role. Bad dates and years outside the modelled calendar answer 422.
#include <charconv>

#include "api/routes.hpp"
#include "rules/czech_calendar.hpp"
#include "rules/deadlines.hpp"
#include "rules/school_age.hpp"

namespace kredo::api {

using http::Access;
using http::Method;
using http::Reply;
using http::RequestContext;

namespace {

// Birth dates the milestones are computed for: children of the programme, with margin.
constexpr int kFirstBirthYear = 1990;
constexpr int kLastBirthYear = rules::kLastCalendarYear - 10;

Result<rules::Date> date_param(const RequestContext& ctx, const std::string& name) {
  const std::string text = ctx.query(name);
  if (text.empty()) return Error::field(name, "This parameter is required (YYYY-MM-DD).");
  return rules::parse_iso_date(text, name);
}

// A rules error names its own field ("event"); the client knows the query parameter.
Error renamed(Error e, const std::string& field) {
  for (auto& f : e.fields) f.field = field;
  return e;
}

}  // namespace

void register_calendar_routes(http::HttpServer& server, app::Services& /*services*/) {
  server.route(Method::get, "/api/v1/calendar/holidays", Access::login, [](RequestContext& ctx) -> http::HandlerResult {
    const std::string text = ctx.query("year");
    int year = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size())
      return Error::field("year", "This parameter is required: a year such as 2026.");
    if (!rules::is_supported_calendar_year(year))
      return Error::field("year", "Holidays are known for " + std::to_string(rules::kFirstCalendarYear) + " to " +
                                      std::to_string(rules::kLastCalendarYear) + ".");
    auto items = nlohmann::json::array();
    for (const auto& h : rules::public_holidays(year))
      items.push_back({{"date", h.date.iso()}, {"name", h.name_cs}, {"name_en", h.name_en}});
    return Reply::json({{"year", year}, {"holidays", items}});
  });

  server.route(Method::get, "/api/v1/calendar/appeal-deadline", Access::login,
               [](RequestContext& ctx) -> http::HandlerResult {
                 auto delivered = date_param(ctx, "delivered");
                 if (!delivered) return std::move(delivered).error();
                 auto d = rules::appeal_deadline(*delivered);
                 if (!d) return renamed(std::move(d).error(), "delivered");
                 auto skipped = nlohmann::json::array();
                 for (const auto& s : d->skipped)
                   skipped.push_back({{"date", s.date.iso()}, {"reason", s.reason_cs}, {"reason_en", s.reason_en}});
                 return Reply::json({{"delivered", d->event.iso()},
                                     {"days", d->days},
                                     {"nominal_deadline", d->nominal_last_day.iso()},
                                     {"deadline", d->last_day.iso()},
                                     {"shifted", d->shifted()},
                                     {"skipped", skipped},
                                     {"basis", d->basis_cs},
                                     {"basis_en", d->basis_en}});
               });

  server.route(Method::get, "/api/v1/calendar/milestones", Access::login,
               [](RequestContext& ctx) -> http::HandlerResult {
                 auto birth = date_param(ctx, "birth_date");
                 if (!birth) return std::move(birth).error();
                 if (birth->year() < kFirstBirthYear || birth->year() > kLastBirthYear)
                   return Error::field("birth_date", "Give a birth date from " + std::to_string(kFirstBirthYear) +
                                                         " to " + std::to_string(kLastBirthYear) + ".");
                 const auto m = rules::school_milestones(*birth);
                 nlohmann::json early = nullptr;
                 if (m.early_entry)
                   early = {{"school_year", m.early_entry->school_year.label()},
                            {"school_start", m.early_entry->school_year.first_day().iso()},
                            {"needs_counselling_recommendation", m.early_entry->needs_counselling_recommendation},
                            {"needs_specialist_doctor", m.early_entry->needs_specialist_doctor}};
                 return Reply::json({{"birth_date", m.birth.iso()},
                                     {"catchment_ms_right_from", m.catchment_ms_right_from.first_day().iso()},
                                     {"compulsory_preschool_start", m.compulsory_preschool_start.iso()},
                                     {"school_enrollment_year", m.zs_zapis_year},
                                     {"school_start", m.zs_start.iso()},
                                     {"latest_deferred_start", m.latest_zs_start_with_odklad.iso()},
                                     {"early_entry", early}});
               });
}

}  // namespace kredo::api
