// School-entry milestones from a birth date (zákon 561/2004 Sb., školský zákon) and zápis windows.
// zápis = enrollment round; odklad = deferral of compulsory school attendance (§37).
#pragma once

#include <compare>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "rules/date.hpp"

namespace kredo::rules {

// A school year named by the calendar year it starts in: 2025 is 2025/26, 1 Sep 2025 – 31 Aug 2026.
struct SchoolYear {
  int start_year = 0;

  Date first_day() const;  // 1 September
  Date last_day() const;   // 31 August of the next year
  std::string label() const;  // "2025/26"

  friend bool operator==(const SchoolYear&, const SchoolYear&) = default;
  friend std::strong_ordering operator<=>(const SchoolYear&, const SchoolYear&) = default;
};

SchoolYear school_year_of(Date date);

// The school-law boundary: duties and rights begin "from the school year that follows the day the
// child reaches age N", i.e. the first school year Y with the Nth birthday on or before 31 Aug Y.
// A child born on 1 September reaches N on the first day of a school year, which therefore does not
// *follow* that day: the child belongs to the next year. Birth dates must be before year 9990.
SchoolYear first_school_year_after_age(Date birth, int age);

// Completed years of age on `on`. A child born on 29 February gains a year on 1 March in common years.
int age_on(Date birth, Date on);

// Right to a place in the catchment MŠ (§34): children who reach 3 before the school year starts.
SchoolYear catchment_ms_right_from(Date birth);
bool has_catchment_ms_right(Date birth, SchoolYear year);

// Compulsory pre-school education (§34a(1)): 1 Sep of the school year after the 5th birthday.
Date compulsory_preschool_start(Date birth);

// Compulsory school attendance (§36(3)): the school year after the 6th birthday; ZŠ zápis is in
// April of the calendar year that school year starts.
SchoolYear zs_school_year(Date birth);
int zs_zapis_year(Date birth);
Date zs_start(Date birth);

// Latest start after an odklad (§37): "at most until the school year in which the child turns 8".
// Our reading: 1 Sep of the school year that contains the 8th birthday. For every birth date this is
// exactly one school year after the regular start, consistent with §37 deferring "by one school
// year"; the other conceivable reading (the school year *after* the 8th birthday) would allow two.
Date latest_zs_start_with_odklad(Date birth);

// Early entry (§36(3)): a child reaching 6 between September and the end of June of a school year
// may start in that school year on the parent's request, with a counselling facility's (PPP/SPC)
// recommendation, and for a January–June birthday also a specialist doctor's.
struct EarlyEntry {
  SchoolYear school_year;
  bool needs_counselling_recommendation = true;
  bool needs_specialist_doctor = false;

  friend bool operator==(const EarlyEntry&, const EarlyEntry&) = default;
};
// nullopt for children born in July or August: their regular start is the earliest.
std::optional<EarlyEntry> early_entry(Date birth);

struct SchoolMilestones {
  Date birth;
  SchoolYear catchment_ms_right_from;
  Date compulsory_preschool_start;
  int zs_zapis_year = 0;
  Date zs_start;
  Date latest_zs_start_with_odklad;
  std::optional<EarlyEntry> early_entry;
};
SchoolMilestones school_milestones(Date birth);

// ---- Zápis windows: data, not code. The dates change by amendment (MŠ moved in 2026, the act
// number is unconfirmed), so they live in a table a coordinator edits; this file only ships defaults.

enum class SchoolLevel { ms, zs };

struct ZapisWindow {
  SchoolLevel level = SchoolLevel::zs;
  SchoolYear school_year;  // the school year the children are enrolled for
  Date from;               // inclusive
  Date to;                 // inclusive

  bool contains(Date date) const { return from <= date && date <= to; }
  friend bool operator==(const ZapisWindow&, const ZapisWindow&) = default;
};

// Default table for school years kFirstDefaultZapisYear..kLastDefaultZapisYear:
// ZŠ 1–30 April; MŠ 2–16 May up to 2025, 15 March – 15 April from 2026.
inline constexpr int kFirstDefaultZapisYear = 2017;
inline constexpr int kLastDefaultZapisYear = 2035;
std::vector<ZapisWindow> default_zapis_windows();

// The window for a level and school year in `table` (the first if several match).
std::optional<ZapisWindow> find_zapis_window(std::span<const ZapisWindow> table, SchoolLevel level,
                                             SchoolYear school_year);

// An edited window must run forwards and lie in the calendar year its school year starts, before
// 1 September. Field errors on "from" / "to".
Status validate_zapis_window(const ZapisWindow& window);
// Every window valid and at most one per (level, school year). Field error on "school_year".
Status validate_zapis_table(std::span<const ZapisWindow> table);

std::string_view wire_name(SchoolLevel level);  // "ms" / "zs"

}  // namespace kredo::rules
