// Local time in Brno (Europe/Prague): "today" for a field worker is the Czech civil date, not the
// UTC one — between midnight and 01:00/02:00 local time the two differ, and a contact written at
// 00:30 on 29 November must be allowed to carry that date.
// The rule is the EU one (Directive 2000/84/EC, in force in Czechia since 1996): CEST (UTC+2) from
// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, CET (UTC+1)
// otherwise. Earlier Czech rules (1979–1995 ended in September) are not modelled: the system never
// needs "today" before 1996.
#pragma once

#include <cstdint>

#include "rules/date.hpp"

namespace kredo::rules {

// Seconds east of UTC in Europe/Prague at the instant `unix_seconds`: 3600 or 7200.
int prague_utc_offset(std::int64_t unix_seconds);
// The civil date in Europe/Prague at the instant `unix_seconds`.
Date prague_date(std::int64_t unix_seconds);

}  // namespace kredo::rules
