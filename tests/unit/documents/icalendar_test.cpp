// RFC 5545 details of the task feed: escaping, folding at 75 octets (never inside a UTF-8
// character), CRLF line ends and the all-day VEVENT properties.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "documents/icalendar.hpp"

namespace kredo::documents {
namespace {

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\r\n", start);
    if (end == std::string::npos) {
      out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

TEST(ICalendar, EscapesTextValues) {
  EXPECT_EQ(ical_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(ical_escape("Č. Ř. – Odvolání"), "Č. Ř. – Odvolání");
}

TEST(ICalendar, FoldsAt75Octets) {
  const std::string line(100, 'x');
  const auto lines = physical_lines(ical_fold(line));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].size(), 75u);
  EXPECT_EQ(lines[1], " " + std::string(25, 'x'));
  EXPECT_EQ(ical_fold("short"), "short");
}

TEST(ICalendar, NeverSplitsAUtf8Character) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 80; ++i) line += "č";  // 2 octets each
  const auto lines = physical_lines(ical_fold(line));
  ASSERT_GT(lines.size(), 2u);
  std::string joined;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u) << i;
    // No line starts with a UTF-8 continuation byte (after the folding space).
    const std::string body = i == 0 ? lines[i] : lines[i].substr(1);
    ASSERT_FALSE(body.empty());
    EXPECT_NE(static_cast<unsigned char>(body[0]) & 0xC0, 0x80) << i;
    joined += body;
  }
  EXPECT_EQ(joined, line);
}

TEST(ICalendar, WritesAllDayEventsWithCrlf) {
  auto d = rules::Date::from_ymd(2027, 4, 15).value();
  const std::string ics = write_icalendar("KREDO – terenni", {{"task-7@kredo", d, "A. Č. – Poslední den, k odvolání", ""}},
                                          1795906620);  // 2026-11-28T22:57:00Z
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nUID:task-7@kredo\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nDTSTAMP:20261128T225700Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nDTSTART;VALUE=DATE:20270415\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nDTEND;VALUE=DATE:20270416\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nSUMMARY:A. Č. – Poslední den\\, k odvolání\r\n"), std::string::npos);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
  // Every line break is CRLF.
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      EXPECT_EQ(ics[i - 1], '\r') << i;
    }
  }
}

}  // namespace
}  // namespace kredo::documents
