// Support hours (podpora v hodinách) from attendance: what one attendance record counts towards a
// participant's support, by the activity type's conversion rule. Minutes, so that sums stay exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace kredo::rules {

enum class AttendanceStatus { present, excused, absent };
std::optional<AttendanceStatus> parse_attendance_status(std::string_view s);
const char* attendance_status_name(AttendanceStatus s);

struct AttendanceFacts {
  AttendanceStatus status = AttendanceStatus::present;
  std::optional<std::int64_t> minutes;          // partial attendance; absent = the whole activity
  std::int64_t duration_minutes = 0;            // end − start of the activity
  std::optional<std::int64_t> counted_minutes;  // the type's rule: a full attendance counts this much
};

// present without minutes → the whole activity (or the type's counted_minutes when the type has a
// rule, e.g. a trip counts 6 hours); present with minutes → those minutes, scaled by the rule when
// the type has one (half a trip counts half of its 6 hours); excused or absent → 0.
std::int64_t counted_support_minutes(const AttendanceFacts& f);

// "HH:MM" (00:00–23:59) → minutes after midnight; a field error on `field` otherwise.
Result<int> parse_clock_time(std::string_view text, std::string_view field);
std::string format_clock_time(int minutes);

// minutes / 60 rounded to two decimals (for display; sums are kept in minutes).
double minutes_to_hours(std::int64_t minutes);

}  // namespace kredo::rules
