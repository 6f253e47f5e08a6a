// iCalendar (RFC 5545) for a worker's task feed: all-day VEVENTs, text escaping (\ ; , and
// newlines), lines folded at 75 octets without splitting a UTF-8 sequence, CRLF line ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/date.hpp"

namespace kredo::documents {

struct CalendarEvent {
  std::string uid;      // globally unique and stable for the same task
  rules::Date date;     // all-day event on this date
  std::string summary;
  std::string description;  // optional
};

// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma; newlines as \n.
std::string ical_escape(std::string_view text);
// Folds one content line (without its CRLF) at 75 octets: CRLF + one space before each continuation.
std::string ical_fold(std::string_view line);
// "20261128T231700Z" from epoch seconds.
std::string ical_utc(std::int64_t epoch_seconds);

// A whole VCALENDAR with the events; `stamp` is DTSTAMP (epoch seconds, UTC).
std::string write_icalendar(std::string_view calendar_name, const std::vector<CalendarEvent>& events,
                            std::int64_t stamp);

}  // namespace kredo::documents
