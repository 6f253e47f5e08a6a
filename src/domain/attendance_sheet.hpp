// The attendance sheet (prezenční listina) as an A4 PDF: organisation and project header, the
// line "Financováno Evropskou unií", the session(s), and the expected participants with a signature
// column — for a child, the legal representative signs ("podpis zákonného zástupce").
#pragma once

#include <string>

#include "domain/activities.hpp"

namespace kredo::domain {

struct SheetHeader {
  std::string organisation = "IQ Roma servis, z.s.";
  std::string project = "KREDO – Operační program Zaměstnanost plus";
};

// One session: a row per participant with one signature cell. A month (data.month set): a column
// per session date.
std::string render_attendance_sheet(const AttendanceSheetData& data, const SheetHeader& header = {});

}  // namespace kredo::domain
