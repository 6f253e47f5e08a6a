#include "documents/icalendar.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/clock.hpp"

namespace kredo::documents {

std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  std::string out;
  std::size_t budget = 75;  // octets on the first line; continuation lines spend one on the space
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    // The length of the UTF-8 sequence starting here (continuation bytes never start one).
    std::size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    len = std::min(len, line.size() - i);
    if (used + len > budget) {
      out += "\r\n ";
      budget = 75;
      used = 1;
    }
    out.append(line.substr(i, len));
    used += len;
    i += len;
  }
  return out;
}

std::string ical_utc(std::int64_t epoch_seconds) {
  std::string iso = format_utc(epoch_seconds);  // 2026-11-28T23:17:00Z
  std::string out;
  for (char c : iso)
    if (c != '-' && c != ':') out.push_back(c);
  return out;
}

std::string write_icalendar(std::string_view calendar_name, const std::vector<CalendarEvent>& events,
                            std::int64_t stamp) {
  std::string out;
  auto line = [&out](std::string_view l) {
    out += ical_fold(l);
    out += "\r\n";
  };
  auto compact = [](const rules::Date& d) { return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day()); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//KREDO//Enrollment tasks//CS");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ical_escape(calendar_name));
  const std::string dtstamp = ical_utc(stamp);
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + ical_escape(e.uid));
    line("DTSTAMP:" + dtstamp);
    line("DTSTART;VALUE=DATE:" + compact(e.date));
    line("DTEND;VALUE=DATE:" + compact(e.date.add_days(1)));
    line("SUMMARY:" + ical_escape(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + ical_escape(e.description));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace kredo::documents
