// The supported-person threshold test, kept in one place so reports and the UI agree.
#include "rules/supported_person.hpp"

namespace kredo::rules {

bool is_supported_person(std::int64_t support_minutes, const SupportedPersonRule& rule) {
  return support_minutes >= 0 && support_minutes > rule.threshold_minutes;
}

std::int64_t minutes_until_supported(std::int64_t support_minutes, const SupportedPersonRule& rule) {
  if (is_supported_person(support_minutes, rule)) return 0;
  const std::int64_t have = support_minutes < 0 ? 0 : support_minutes;
  return rule.threshold_minutes + 1 - have;
}

Status validate_supported_person_rule(const SupportedPersonRule& rule) {
  if (rule.threshold_minutes < 0) {
    return Error::field("threshold_minutes", "The supported-person threshold must not be negative.");
  }
  return {};
}

}  // namespace kredo::rules
