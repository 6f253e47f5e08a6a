#include "domain/registry_access.hpp"
#include "domain/search_index.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

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

// Trigrams by SQL on both databases: substr/length count characters on both, as search_trigrams() does.
constexpr const char* kDeleteFamilyTrigrams = "DELETE FROM family_search_trigrams WHERE family_id = $1";
constexpr const char* kInsertFamilyTrigrams =
    "INSERT INTO family_search_trigrams (trigram, family_id) "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < (SELECT length(search_text) FROM families WHERE id = $1)) "
    "SELECT DISTINCT substr(f.search_text, n.i, 3), f.id FROM families f JOIN n ON n.i <= length(f.search_text) - 2 "
    "WHERE f.id = $1";
constexpr const char* kDeletePersonTrigrams = "DELETE FROM person_search_trigrams WHERE person_id = $1";
constexpr const char* kInsertPersonTrigrams =
    "INSERT INTO person_search_trigrams (trigram, person_id) "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < (SELECT length(search_text) FROM people WHERE id = $1)) "
    "SELECT DISTINCT substr(p.search_text, n.i, 3), p.id FROM people p JOIN n ON n.i <= length(p.search_text) - 2 "
    "WHERE p.id = $1";
constexpr const char* kRebuildFamilyTrigrams =
    "INSERT INTO family_search_trigrams (trigram, family_id) "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < (SELECT COALESCE(MAX(length(search_text)), 0) FROM families)) "
    "SELECT DISTINCT substr(f.search_text, n.i, 3), f.id FROM families f JOIN n ON n.i <= length(f.search_text) - 2";
constexpr const char* kRebuildPersonTrigrams =
    "INSERT INTO person_search_trigrams (trigram, person_id) "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
    "WHERE i < (SELECT COALESCE(MAX(length(search_text)), 0) FROM people)) "
    "SELECT DISTINCT substr(p.search_text, n.i, 3), p.id FROM people p JOIN n ON n.i <= length(p.search_text) - 2";
// Postings counted up to a cap: enough to tell a rare trigram from a common one.
constexpr const char* kFamilyPostings =
    "SELECT COUNT(*) FROM (SELECT 1 FROM family_search_trigrams WHERE trigram = $1 LIMIT 20000) x";
constexpr const char* kPersonPostings =
    "SELECT COUNT(*) FROM (SELECT 1 FROM person_search_trigrams WHERE trigram = $1 LIMIT 20000) x";

// Per-process estimate of postings per trigram, so that a search does not count them every time.
struct PostingEstimates {
  std::mutex m;
  std::map<std::string, std::pair<std::int64_t, std::chrono::steady_clock::time_point>> counts;
};
PostingEstimates& posting_estimates() {
  static PostingEstimates e;
  return e;
}

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
  tx.exec(kDeleteFamilyTrigrams, {family_id});
  tx.exec(kInsertFamilyTrigrams, {family_id});
}

void refresh_person_search_index(storage::Transaction& tx, std::int64_t person_id) {
  tx.exec(kDeletePersonTrigrams, {person_id});
  tx.exec(kInsertPersonTrigrams, {person_id});
}

void rebuild_search_indexes(storage::Transaction& tx) {
  tx.exec("DELETE FROM family_search_trigrams");
  tx.exec(kRebuildFamilyTrigrams);
  tx.exec("DELETE FROM person_search_trigrams");
  tx.exec(kRebuildPersonTrigrams);
}

std::vector<std::string> search_trigrams(std::string_view folded) {
  std::vector<std::size_t> starts;  // byte offset of each UTF-8 character
  for (std::size_t i = 0; i < folded.size(); ++i)
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80) starts.push_back(i);
  std::vector<std::string> out;
  for (std::size_t k = 0; k + 3 <= starts.size(); ++k) {
    const std::size_t end = k + 3 < starts.size() ? starts[k + 3] : folded.size();
    std::string t(folded.substr(starts[k], end - starts[k]));
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  return out;
}

std::optional<std::string> pick_search_trigram(storage::Transaction& tx, std::string_view folded, bool people) {
  const auto trigrams = search_trigrams(folded);
  if (trigrams.empty()) return std::nullopt;
  if (trigrams.size() == 1) return trigrams.front();
  auto& est = posting_estimates();
  const auto now = std::chrono::steady_clock::now();
  std::optional<std::string> best;
  std::int64_t best_count = 0;
  for (const auto& t : trigrams) {
    const std::string key = (people ? "p:" : "f:") + t;
    std::int64_t count = -1;
    {
      std::lock_guard<std::mutex> lk(est.m);
      auto it = est.counts.find(key);
      if (it != est.counts.end() && now - it->second.second < std::chrono::minutes(5)) count = it->second.first;
    }
    if (count < 0) {
      count = tx.query_one(people ? kPersonPostings : kFamilyPostings, {t})->i64(0);
      std::lock_guard<std::mutex> lk(est.m);
      if (est.counts.size() > 100000) est.counts.clear();
      est.counts[key] = {count, now};
    }
    if (!best || count < best_count) {
      best = t;
      best_count = count;
    }
  }
  return best;
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
