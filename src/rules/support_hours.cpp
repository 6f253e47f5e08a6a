#include "rules/support_hours.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kredo::rules {

std::optional<AttendanceStatus> parse_attendance_status(std::string_view s) {
  if (s == "present") return AttendanceStatus::present;
  if (s == "excused") return AttendanceStatus::excused;
  if (s == "absent") return AttendanceStatus::absent;
  return std::nullopt;
}

const char* attendance_status_name(AttendanceStatus s) {
  switch (s) {
    case AttendanceStatus::present: return "present";
    case AttendanceStatus::excused: return "excused";
    case AttendanceStatus::absent: return "absent";
  }
  return "absent";
}

std::int64_t counted_support_minutes(const AttendanceFacts& f) {
  if (f.status != AttendanceStatus::present || f.duration_minutes <= 0) return 0;
  if (!f.minutes) return f.counted_minutes ? *f.counted_minutes : f.duration_minutes;
  const std::int64_t m = std::min(std::max<std::int64_t>(*f.minutes, 0), f.duration_minutes);
  if (!f.counted_minutes) return m;
  // Integer division, rounding down: the same arithmetic as the SQL aggregation.
  return m * *f.counted_minutes / f.duration_minutes;
}

Result<int> parse_clock_time(std::string_view t, std::string_view field) {
  auto bad = [&] { return Error::field(std::string(field), "A time is written HH:MM (00:00 to 23:59)."); };
  if (t.size() != 5 || t[2] != ':') return bad();
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (t[i] < '0' || t[i] > '9') return bad();
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 23 || m > 59) return bad();
  return h * 60 + m;
}

std::string format_clock_time(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buf;
}

double minutes_to_hours(std::int64_t minutes) { return std::round(static_cast<double>(minutes) / 60.0 * 100.0) / 100.0; }

}  // namespace kredo::rules
