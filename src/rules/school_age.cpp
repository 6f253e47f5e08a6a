// Milestones are all "first school year after age N" with different N; windows are plain data.
#include "rules/school_age.hpp"

#include <fmt/format.h>

namespace kredo::rules {
namespace {

constexpr int kSeptember = 9;

ZapisWindow window(SchoolLevel level, int year, int from_month, int from_day, int to_month, int to_day) {
  return {level, SchoolYear{year}, ymd(year, from_month, from_day), ymd(year, to_month, to_day)};
}

}  // namespace

Date SchoolYear::first_day() const { return ymd(start_year, 9, 1); }
Date SchoolYear::last_day() const { return ymd(start_year + 1, 8, 31); }
std::string SchoolYear::label() const { return fmt::format("{}/{:02}", start_year, (start_year + 1) % 100); }

SchoolYear school_year_of(Date date) {
  return SchoolYear{date.month() >= kSeptember ? date.year() : date.year() - 1};
}

SchoolYear first_school_year_after_age(Date birth, int age) {
  // The Nth birthday falls in calendar year birth+N; on or before 31 Aug it precedes that
  // year's 1 September, otherwise the child waits for the next one.
  const int year = birth.year() + age;
  return SchoolYear{birth.month() >= kSeptember ? year + 1 : year};
}

int age_on(Date birth, Date on) {
  int age = on.year() - birth.year();
  const bool before_birthday =
      on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day());
  if (before_birthday) --age;
  return age;
}

SchoolYear catchment_ms_right_from(Date birth) { return first_school_year_after_age(birth, 3); }

bool has_catchment_ms_right(Date birth, SchoolYear year) { return year >= catchment_ms_right_from(birth); }

Date compulsory_preschool_start(Date birth) { return first_school_year_after_age(birth, 5).first_day(); }

SchoolYear zs_school_year(Date birth) { return first_school_year_after_age(birth, 6); }

int zs_zapis_year(Date birth) { return zs_school_year(birth).start_year; }

Date zs_start(Date birth) { return zs_school_year(birth).first_day(); }

Date latest_zs_start_with_odklad(Date birth) {
  const int eighth_birthday_year = birth.year() + 8;
  // The school year containing the 8th birthday started in September of that calendar year
  // for an autumn birthday, a year earlier otherwise.
  const int start = birth.month() >= kSeptember ? eighth_birthday_year : eighth_birthday_year - 1;
  return SchoolYear{start}.first_day();
}

std::optional<EarlyEntry> early_entry(Date birth) {
  const int m = birth.month();
  if (m >= kSeptember) return EarlyEntry{SchoolYear{birth.year() + 6}, true, false};
  if (m <= 6) return EarlyEntry{SchoolYear{birth.year() + 5}, true, true};
  return std::nullopt;
}

SchoolMilestones school_milestones(Date birth) {
  SchoolMilestones m;
  m.birth = birth;
  m.catchment_ms_right_from = catchment_ms_right_from(birth);
  m.compulsory_preschool_start = compulsory_preschool_start(birth);
  m.zs_zapis_year = zs_zapis_year(birth);
  m.zs_start = zs_start(birth);
  m.latest_zs_start_with_odklad = latest_zs_start_with_odklad(birth);
  m.early_entry = early_entry(birth);
  return m;
}

std::vector<ZapisWindow> default_zapis_windows() {
  // MŠ moved from 2–16 May to 15 March – 15 April with zápis 2026 (amendment; act number unconfirmed).
  constexpr int kFirstYearOfSpringMsZapis = 2026;
  std::vector<ZapisWindow> table;
  for (int year = kFirstDefaultZapisYear; year <= kLastDefaultZapisYear; ++year) {
    if (year < kFirstYearOfSpringMsZapis) {
      table.push_back(window(SchoolLevel::ms, year, 5, 2, 5, 16));
    } else {
      table.push_back(window(SchoolLevel::ms, year, 3, 15, 4, 15));
    }
    table.push_back(window(SchoolLevel::zs, year, 4, 1, 4, 30));
  }
  return table;
}

std::optional<ZapisWindow> find_zapis_window(std::span<const ZapisWindow> table, SchoolLevel level,
                                             SchoolYear school_year) {
  for (const auto& w : table) {
    if (w.level == level && w.school_year == school_year) return w;
  }
  return std::nullopt;
}

Status validate_zapis_window(const ZapisWindow& w) {
  std::vector<FieldError> errors;
  const Date year_start = ymd(w.school_year.start_year, 1, 1);
  const Date school_start = w.school_year.first_day();
  if (w.from < year_start || w.from >= school_start) {
    errors.push_back({"from", fmt::format("Zápis for {} must start between 1 January and 31 August {}.",
                                          w.school_year.label(), w.school_year.start_year)});
  }
  if (w.to < year_start || w.to >= school_start) {
    errors.push_back({"to", fmt::format("Zápis for {} must end between 1 January and 31 August {}.",
                                        w.school_year.label(), w.school_year.start_year)});
  }
  if (w.to < w.from) errors.push_back({"to", "The window must not end before it starts."});
  if (!errors.empty()) return Error::validation(std::move(errors));
  return {};
}

Status validate_zapis_table(std::span<const ZapisWindow> table) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    KREDO_TRY(validate_zapis_window(table[i]));
    for (std::size_t j = 0; j < i; ++j) {
      if (table[j].level == table[i].level && table[j].school_year == table[i].school_year) {
        return Error::field("school_year", fmt::format("Two {} zápis windows for {}.", wire_name(table[i].level),
                                                       table[i].school_year.label()));
      }
    }
  }
  return {};
}

std::string_view wire_name(SchoolLevel level) {
  switch (level) {
    case SchoolLevel::ms: return "ms";
    case SchoolLevel::zs: return "zs";
  }
  return "zs";
}

}  // namespace kredo::rules
