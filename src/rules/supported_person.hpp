// "Podpořená osoba" (supported person) for funder monitoring: a participant counts once their
// recorded support exceeds a threshold of hours.
#pragma once

#include <cstdint>

#include "common/error.hpp"

namespace kredo::rules {

// OPZ 2014–2020 (indicator 6 00 00) counted a person after MORE than 40 hours of support.
// Whether OPZ+ 2021–2027 keeps that threshold is unconfirmed, so the threshold is a setting and
// 40 h is only the default. Minutes, not fractional hours, so that sums of sessions stay exact.
struct SupportedPersonRule {
  std::int64_t threshold_minutes = 40 * 60;
};

// Strictly more than the threshold: exactly 40 h 00 min is not yet supported.
// Negative totals (a data error) never count.
bool is_supported_person(std::int64_t support_minutes, const SupportedPersonRule& rule = {});

// How many more minutes of support make the person count (0 once they do) — for the worker's view.
std::int64_t minutes_until_supported(std::int64_t support_minutes, const SupportedPersonRule& rule = {});

// A threshold from settings must be 0 or more (field error on "threshold_minutes").
Status validate_supported_person_rule(const SupportedPersonRule& rule);

}  // namespace kredo::rules
