#include "domain/registry_access.hpp"

#include "rules/prague_time.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;

namespace {

constexpr const char* kFamilyTeam = "SELECT team_id FROM families WHERE id = $1";
constexpr const char* kPersonFamily =
    "SELECT p.family_id, f.team_id FROM people p JOIN families f ON f.id = p.family_id "
    "WHERE p.id = $1 AND p.merged_into IS NULL";
constexpr const char* kSpecialAccess = "SELECT special_category_access FROM users WHERE id = $1 AND active = 1";
constexpr const char* kFamilyNames =
    "SELECT f.name, p.given_names, p.surname, p.preferred_name FROM families f "
    "LEFT JOIN people p ON p.family_id = f.id AND p.merged_into IS NULL WHERE f.id = $1";
constexpr const char* kSetFamilySearch = "UPDATE families SET search_text = $1 WHERE id = $2";

bool in_scope(const Actor& actor, std::int64_t team_id) {
  return sees_all_families(actor) || (actor.team_id && *actor.team_id == team_id);
}

}  // namespace

Status require_personal_data(const Actor& actor) {
  if (!actor.handles_personal_data())
    return Error::forbidden("Analysts work with aggregate figures only, not with personal data.");
  return {};
}

bool sees_all_families(const Actor& actor) {
  return actor.is(Role::admin) || actor.is(Role::coordinator);
}

std::optional<std::int64_t> visible_family_team(storage::Transaction& tx, const Actor& actor, std::int64_t family_id) {
  auto r = tx.query_one(kFamilyTeam, {family_id});
  if (!r || !in_scope(actor, r->i64(0))) return std::nullopt;
  return r->i64(0);
}

std::optional<std::int64_t> visible_person_family(storage::Transaction& tx, const Actor& actor, std::int64_t person_id) {
  auto r = tx.query_one(kPersonFamily, {person_id});
  if (!r || !in_scope(actor, r->i64(1))) return std::nullopt;
  return r->i64(0);
}

bool has_special_category_access(storage::Transaction& tx, const Actor& actor) {
  if (actor.user_id == 0) return true;  // the system actor (CLI, demo loader)
  auto r = tx.query_one(kSpecialAccess, {actor.user_id});
  return r && r->boolean(0);
}

void refresh_family_search(storage::Transaction& tx, std::int64_t family_id) {
  std::string text;
  bool first = true;
  for (const auto& r : tx.query(kFamilyNames, {family_id})) {
    if (first) text = rules::fold_for_search(r.str(0));
    first = false;
    for (std::size_t i = 1; i <= 3; ++i)
      if (!r.is_null(i)) {
        text.push_back(' ');
        text.append(rules::fold_for_search(r.str(i)));
      }
  }
  tx.exec(kSetFamilySearch, {text, family_id});
}

std::string czech_sort_key_hex(const rules::CzechCollator& collator, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string key = collator.sort_key(text);
  std::string out;
  out.reserve(key.size() * 2);
  for (unsigned char c : key) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string folded_like_pattern(std::string_view q) {
  std::string folded = rules::fold_for_search(q);
  std::string out = "%";
  for (char c : folded) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

rules::Date today(const Clock& clock) { return rules::prague_date(clock.now()); }

std::string person_name_folded(std::string_view given_names, std::string_view surname) {
  return rules::fold_for_search(given_names) + "|" + rules::fold_for_search(surname);
}

std::string person_search_text(std::string_view given_names, std::string_view surname,
                               const std::optional<std::string>& preferred_name) {
  std::string s = rules::fold_for_search(given_names) + " " + rules::fold_for_search(surname);
  if (preferred_name) {
    s.push_back(' ');
    s.append(rules::fold_for_search(*preferred_name));
  }
  return s;
}

std::string person_sort_key(const rules::CzechCollator& collator, std::string_view given_names,
                            std::string_view surname) {
  return czech_sort_key_hex(collator, std::string(surname) + " " + std::string(given_names));
}

}  // namespace kredo::domain
