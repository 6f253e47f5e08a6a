#include "reports/support_minutes.hpp"

#include <stdexcept>

#include "rules/date.hpp"

namespace kredo::reports {

const char* const kCountedMinutesSql =
    "CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes) "
    "WHEN t.counted_minutes IS NULL THEN at.minutes "
    "ELSE at.minutes * t.counted_minutes / a.duration_minutes END";

namespace {

std::string month_of(const rules::Date& d) { return d.iso().substr(0, 7); }

rules::Date first_of_month(const rules::Date& d) { return *rules::Date::from_ymd(d.year(), d.month(), 1); }

bool is_last_of_month(const rules::Date& d) { return d.day() == rules::days_in_month(d.year(), d.month()); }

}  // namespace

std::optional<MonthSplit> split_into_months(const std::string& from, const std::string& to) try {
  auto end = rules::parse_iso_date(to, "to");
  if (!end) return std::nullopt;
  std::optional<rules::Date> start;
  if (!from.empty()) {
    auto s = rules::parse_iso_date(from, "from");
    if (!s) return std::nullopt;
    start = *s;
  }
  MonthSplit out;
  if (start && *start > *end) return out;  // an empty period: nothing to read
  // The first whole month starts on or after `from`; the last whole month ends on or before `to`.
  std::optional<rules::Date> first_whole;  // its first day
  if (start) {
    if (start->day() == 1) {
      first_whole = *start;
    } else {
      const rules::Date f = first_of_month(*start);
      first_whole = f.add_days(rules::days_in_month(f.year(), f.month()));
    }
  }
  const rules::Date last_whole_end = is_last_of_month(*end) ? *end : first_of_month(*end).add_days(-1);
  if (!first_whole || *first_whole <= last_whole_end) {
    out.has_months = true;
    out.first_month = first_whole ? month_of(*first_whole) : "";
    out.last_month = month_of(last_whole_end);
    if (start && *start < *first_whole) out.days.emplace_back(start->iso(), first_whole->add_days(-1).iso());
    if (last_whole_end < *end) out.days.emplace_back(last_whole_end.add_days(1).iso(), end->iso());
  } else {
    out.days.emplace_back(start->iso(), end->iso());  // within one month, or two partial ones
  }
  return out;
} catch (const std::out_of_range&) {
  return std::nullopt;  // a bound at the edge of the calendar (year 1 or 9999)
}

std::string support_minutes_source(const MonthSplit& split, storage::Params& params) {
  auto next = [&](const std::string& v) {
    params.emplace_back(v);
    return "$" + std::to_string(params.size());
  };
  std::vector<std::string> parts;
  if (split.has_months) {
    std::string sql = "SELECT sm.person_id, sm.type_id, sm.minutes FROM support_minutes_monthly sm WHERE ";
    if (!split.first_month.empty()) sql += "sm.month >= " + next(split.first_month) + " AND ";
    sql += "sm.month <= " + next(split.last_month);
    parts.push_back(std::move(sql));
  }
  for (const auto& [d0, d1] : split.days) {
    std::string sql = std::string("SELECT at.person_id AS person_id, a.type_id AS type_id, ") + kCountedMinutesSql +
                      " AS minutes FROM activities a JOIN attendance at ON at.activity_id = a.id "
                      "JOIN activity_types t ON t.id = a.type_id WHERE at.status = 'present' AND a.date >= ";
    sql += next(d0);
    sql += " AND a.date <= " + next(d1);
    parts.push_back(std::move(sql));
  }
  // No row source at all (an empty period): a query that returns nothing.
  if (parts.empty()) parts.push_back("SELECT sm.person_id, sm.type_id, sm.minutes FROM support_minutes_monthly sm WHERE 1 = 0");
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " UNION ALL " : "") + parts[i];
  return out + ") AS sm";
}

}  // namespace kredo::reports
