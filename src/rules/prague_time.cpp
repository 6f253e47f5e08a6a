#include "rules/prague_time.hpp"

namespace kredo::rules {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// 01:00 UTC on the last Sunday of `month` in `year`, as Unix seconds.
std::int64_t last_sunday_0100_utc(int year, int month) {
  Date last = *Date::from_ymd(year, month, days_in_month(year, month));
  const int back = static_cast<int>(last.weekday()) % 7;  // Sunday = 7 -> 0
  return last.add_days(-back).days_since_epoch() * 86400 + 3600;
}

}  // namespace

int prague_utc_offset(std::int64_t unix_seconds) {
  const Date utc_day = Date::from_days_since_epoch(floor_div(unix_seconds, 86400));
  const int y = utc_day.year();
  const bool summer = unix_seconds >= last_sunday_0100_utc(y, 3) && unix_seconds < last_sunday_0100_utc(y, 10);
  return summer ? 7200 : 3600;
}

Date prague_date(std::int64_t unix_seconds) {
  return Date::from_days_since_epoch(floor_div(unix_seconds + prague_utc_offset(unix_seconds), 86400));
}

}  // namespace kredo::rules
