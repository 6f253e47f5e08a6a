#include "domain/gdpr.hpp"
#include "domain/merge_list.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/registry_access.hpp"
#include "domain/search_index.hpp"
#include "domain/service_support.hpp"

namespace kredo::domain {

using nlohmann::json;
using security::Actor;
using security::Role;
using storage::TxMode;

namespace {

constexpr const char* kAnonymisedName = "Anonymizováno";

constexpr const char* kPersonState = "SELECT version, merged_into, family_id, anonymised_at FROM people WHERE id = $1";
// What a merge moves, each as (table, id column, statement selecting the ids to move).
constexpr const char* kRelFrom = "SELECT id FROM relationships WHERE person_id = $1 AND other_person_id <> $2";
constexpr const char* kRelTo = "SELECT id FROM relationships WHERE other_person_id = $1 AND person_id <> $2";
constexpr const char* kParticipationsOf = "SELECT id FROM participations WHERE person_id = $1";
constexpr const char* kConsentsOf = "SELECT id FROM consents WHERE person_id = $1";
constexpr const char* kConsentsRepresentedBy = "SELECT id FROM consents WHERE representative_id = $1";
constexpr const char* kSpecialOf = "SELECT id FROM special_category WHERE person_id = $1";
// Contacts naming the duplicate but not the survivor (a contact naming both keeps its two rows).
constexpr const char* kContactsOf =
    "SELECT contact_id FROM contact_people c WHERE c.person_id = $1 AND NOT EXISTS "
    "(SELECT 1 FROM contact_people s WHERE s.contact_id = c.contact_id AND s.person_id = $2)";

constexpr const char* kMoveRelFrom = "UPDATE relationships SET person_id = $1 WHERE id = $2";
constexpr const char* kMoveRelTo = "UPDATE relationships SET other_person_id = $1 WHERE id = $2";
constexpr const char* kMoveParticipation = "UPDATE participations SET person_id = $1 WHERE id = $2";
constexpr const char* kMoveConsent = "UPDATE consents SET person_id = $1 WHERE id = $2";
constexpr const char* kMoveRepresentative = "UPDATE consents SET representative_id = $1 WHERE id = $2";
constexpr const char* kMoveSpecial = "UPDATE special_category SET person_id = $1 WHERE id = $2";
// Records of the feature areas that point at a person and move with a merge (and back with its undo).
// `by_id`: the table has its own id; otherwise `key` with the person column is the primary key, and a row
// whose key the kept person already has stays with the merged-away record (nothing is counted twice).
struct PersonReference {
  const char* name;    // key in merges.moved
  const char* table;
  const char* key;     // id column, or the other half of the primary key
  const char* column;  // the person column
  bool by_id;
  // by_id rows unique per person together with these columns ("school_year, level"): a row the kept
  // person already has an equivalent of stays with the merged-away record.
  std::vector<const char*> unique_with = {};
};
const PersonReference kPersonReferences[] = {
    {"attendance", "attendance", "activity_id", "person_id", false},
    {"activity_participants", "activity_participants", "activity_id", "person_id", false},
    {"group_members", "group_members", "group_id", "person_id", false},
    {"assessments", "assessments", "id", "person_id", true},
    {"observation_people", "observation_people", "observation_id", "person_id", false},
    {"observation_speakers", "observations", "id", "speaker_person_id", true},
    {"enrollment_cases", "enrollment_cases", "id", "person_id", true, {"school_year", "level"}},
    {"documents", "documents", "id", "person_id", true},
    {"incident_people", "incident_people", "incident_id", "person_id", false},
};

std::vector<std::int64_t> referenced_keys(storage::Transaction& tx, const PersonReference& r, std::int64_t from,
                                          std::int64_t to) {
  std::string sql = std::string("SELECT ") + r.key + " FROM " + r.table + " WHERE " + r.column + " = $1";
  if (!r.by_id)
    sql += std::string(" AND ") + r.key + " NOT IN (SELECT " + r.key + " FROM " + r.table + " WHERE " + r.column + " = $2)";
  if (r.by_id && !r.unique_with.empty()) {
    sql += std::string(" AND NOT EXISTS (SELECT 1 FROM ") + r.table + " k WHERE k." + r.column + " = $2";
    for (const char* c : r.unique_with) sql += std::string(" AND k.") + c + " = " + r.table + "." + c;
    sql += ")";
  }
  const bool two_params = !r.by_id || !r.unique_with.empty();
  std::vector<std::int64_t> out;
  for (const auto& row : two_params ? tx.query(sql, {from, to}) : tx.query(sql, {from})) out.push_back(row.i64(0));
  return out;
}

void move_reference(storage::Transaction& tx, const PersonReference& r, std::int64_t key, std::int64_t from,
                    std::int64_t to) {
  tx.exec(std::string("UPDATE ") + r.table + " SET " + r.column + " = $1 WHERE " + r.key + " = $2 AND " + r.column +
              " = $3",
          {to, key, from});
}

constexpr const char* kMoveContact = "UPDATE contact_people SET person_id = $1 WHERE contact_id = $2 AND person_id = $3";

constexpr const char* kMarkMerged =
    "UPDATE people SET merged_into = $1, version = version + 1, updated_at = $2 WHERE id = $3";
constexpr const char* kUnmarkMerged =
    "UPDATE people SET merged_into = NULL, version = version + 1, updated_at = $1 WHERE id = $2";
constexpr const char* kTouchPerson = "UPDATE people SET version = version + 1, updated_at = $1 WHERE id = $2";
constexpr const char* kInsertMerge =
    "INSERT INTO merges (person_id, duplicate_id, moved, merged_at, merged_by, undo_until) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
// With the display names of both records (the merged-away record keeps its names until undone or anonymised).
constexpr const char* kSelectMerges =
    "SELECT m.id, m.person_id, m.duplicate_id, m.merged_at, m.merged_by, m.undo_until, m.undone_at, m.moved, "
    "kp.given_names || ' ' || kp.surname, dp.given_names || ' ' || dp.surname FROM merges m "
    "LEFT JOIN people kp ON kp.id = m.person_id LEFT JOIN people dp ON dp.id = m.duplicate_id";
constexpr const char* kUndoMerge = "UPDATE merges SET undone_at = $1 WHERE id = $2 AND undone_at IS NULL";

constexpr const char* kContactsNaming =
    "SELECT c.id, c.date, c.type, c.worker, c.summary FROM contacts c JOIN contact_people cp ON cp.contact_id = c.id "
    "WHERE cp.person_id = $1 ORDER BY c.date DESC, c.id DESC";
constexpr const char* kBirthDate = "SELECT birth_date FROM people WHERE id = $1";
constexpr const char* kHold =
    "SELECT p.legal_hold, f.legal_hold FROM people p JOIN families f ON f.id = p.family_id WHERE p.id = $1";
constexpr const char* kAnonymisePerson =
    "UPDATE people SET given_names = $1, surname = $1, preferred_name = NULL, rodne_cislo = NULL, phones = '[]', "
    "email = NULL, nationality = NULL, birth_date = $2, name_folded = $3, search_text = $4, sort_key = $5, "
    "anonymised_at = $6, updated_at = $6, version = version + 1 WHERE id = $7";
constexpr const char* kClearSpecialNotes = "UPDATE special_category SET note = NULL WHERE person_id = $1";
constexpr const char* kClearFamilyAddress =
    "UPDATE families SET street = NULL, house_number = NULL, postal_code = NULL, kod_adm = NULL, "
    "version = version + 1, updated_at = $1 WHERE id = $2";
constexpr const char* kNamedMembersLeft =
    "SELECT COUNT(*) FROM people WHERE family_id = $1 AND anonymised_at IS NULL AND merged_into IS NULL";
constexpr const char* kAnonymiseFamilyName = "UPDATE families SET name = $1, sort_key = $2 WHERE id = $3";
constexpr const char* kRetentionCandidates =
    "SELECT p.id, p.family_id, p.given_names, p.surname, p.birth_date FROM people p "
    "JOIN families f ON f.id = p.family_id WHERE p.anonymised_at IS NULL AND p.merged_into IS NULL "
    "AND p.legal_hold = 0 AND f.legal_hold = 0 ORDER BY p.id";

Status require_coordinator(const Actor& actor) {
  KREDO_TRY(require_personal_data(actor));
  if (!sees_all_families(actor)) return Error::forbidden("Only a coordinator or an administrator can do this.");
  return {};
}

std::vector<std::int64_t> ids(storage::Transaction& tx, const char* sql, const storage::Params& p) {
  std::vector<std::int64_t> out;
  for (const auto& r : tx.query(sql, p)) out.push_back(r.i64(0));
  return out;
}

Merge merge_from_row(const storage::Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.opt_str(6)};
}

}  // namespace

Result<Person> GdprService::merge(const Actor& actor, std::int64_t person_id, std::int64_t duplicate_id,
                                  std::int64_t version) {
  KREDO_TRY(require_coordinator(actor));
  auto tx = db_.begin(TxMode::write);
  auto survivor = tx->query_one(kPersonState, {person_id});
  if (!survivor || !survivor->is_null(1)) return Error::not_found("No such person.");
  if (duplicate_id == person_id) return Error::field("duplicate_id", "A person cannot be merged into themselves.");
  auto dup = tx->query_one(kPersonState, {duplicate_id});
  if (!dup || !dup->is_null(1)) return Error::field("duplicate_id", "There is no such person (or it was merged already).");
  if (survivor->i64(0) != version) return Error::conflict("This person was changed by someone else. Reload and try again.");

  json moved;
  moved["relationships_from"] = ids(*tx, kRelFrom, {duplicate_id, person_id});
  moved["relationships_to"] = ids(*tx, kRelTo, {duplicate_id, person_id});
  moved["participations"] = ids(*tx, kParticipationsOf, {duplicate_id});
  moved["consents"] = ids(*tx, kConsentsOf, {duplicate_id});
  moved["consents_representative"] = ids(*tx, kConsentsRepresentedBy, {duplicate_id});
  moved["special_category"] = ids(*tx, kSpecialOf, {duplicate_id});
  moved["contacts"] = ids(*tx, kContactsOf, {duplicate_id, person_id});
  for (auto id : moved["relationships_from"]) tx->exec(kMoveRelFrom, {person_id, id.get<std::int64_t>()});
  for (auto id : moved["relationships_to"]) tx->exec(kMoveRelTo, {person_id, id.get<std::int64_t>()});
  for (auto id : moved["participations"]) tx->exec(kMoveParticipation, {person_id, id.get<std::int64_t>()});
  for (auto id : moved["consents"]) tx->exec(kMoveConsent, {person_id, id.get<std::int64_t>()});
  for (auto id : moved["consents_representative"]) tx->exec(kMoveRepresentative, {person_id, id.get<std::int64_t>()});
  for (auto id : moved["special_category"]) tx->exec(kMoveSpecial, {person_id, id.get<std::int64_t>()});
  for (auto id : moved["contacts"]) tx->exec(kMoveContact, {person_id, id.get<std::int64_t>(), duplicate_id});
  for (const auto& ref : kPersonReferences) {
    const auto keys = referenced_keys(*tx, ref, duplicate_id, person_id);
    for (auto k : keys) move_reference(*tx, ref, k, duplicate_id, person_id);
    moved[ref.name] = keys;
  }

  const std::int64_t now = clock_.now();
  tx->exec(kMarkMerged, {person_id, format_utc(now), duplicate_id});
  tx->exec(kTouchPerson, {format_utc(now), person_id});
  auto m = tx->query_one(kInsertMerge, {person_id, duplicate_id, moved.dump(), format_utc(now), actor.username,
                                        format_utc(now + kUndoDays * 86400LL)});
  refresh_family_search(*tx, survivor->i64(2));
  refresh_family_search(*tx, dup->i64(2));
  security::write_audit(*tx, actor, {"merge", "person", std::to_string(person_id),
                                     json{{"merge_id", m->i64(0)}, {"duplicate_id", duplicate_id}}.dump()}, now);
  security::write_audit(*tx, actor, {"merged_into", "person", std::to_string(duplicate_id),
                                     json{{"merge_id", m->i64(0)}, {"person_id", person_id}}.dump()}, now);
  auto out = people_.load(*tx, person_id, has_special_category_access(*tx, actor));
  tx->commit();
  return *out;
}

Result<std::vector<Merge>> GdprService::merges(const Actor& actor) {
  KREDO_TRY(require_coordinator(actor));
  auto tx = db_.begin(TxMode::read);
  std::vector<Merge> out;
  for (const auto& r : tx->query(std::string(kSelectMerges) + " ORDER BY m.id DESC")) out.push_back(merge_from_row(r));
  return out;
}

Result<std::vector<MergeListItem>> list_merges(storage::Database& db, const Clock& clock, const Actor& actor) {
  KREDO_TRY(require_coordinator(actor));
  // The list names both people of every merge: a read of personal data, audited in its transaction.
  auto tx = db.begin(TxMode::write);
  std::vector<MergeListItem> out;
  json ids = json::array();
  for (const auto& r : tx->query(std::string(kSelectMerges) + " ORDER BY m.id DESC")) {
    out.push_back({merge_from_row(r), r.opt_str(8), r.opt_str(9)});
    ids.push_back(out.back().merge.person_id);
    ids.push_back(out.back().merge.duplicate_id);
  }
  security::write_audit(*tx, actor, {"list_merges", "person", "", json{{"ids", ids}}.dump()}, clock.now());
  tx->commit();
  return out;
}

Result<Merge> GdprService::undo_merge(const Actor& actor, std::int64_t merge_id) {
  KREDO_TRY(require_coordinator(actor));
  auto tx = db_.begin(TxMode::write);
  auto r = tx->query_one(std::string(kSelectMerges) + " WHERE m.id = $1", {merge_id});
  if (!r) return Error::not_found("No such merge.");
  Merge m = merge_from_row(*r);
  if (m.undone_at) return Error::conflict("This merge was undone already.");
  const std::int64_t now = clock_.now();
  if (now > parse_utc(m.undo_until))
    return Error::conflict("A merge can be undone for " + std::to_string(kUndoDays) + " days; this one's time ended on " +
                           m.undo_until + ".");
  const json moved = json::parse(r->str(7));
  const std::int64_t dup = m.duplicate_id, keep = m.person_id;
  for (auto id : moved["relationships_from"]) tx->exec(kMoveRelFrom, {dup, id.get<std::int64_t>()});
  for (auto id : moved["relationships_to"]) tx->exec(kMoveRelTo, {dup, id.get<std::int64_t>()});
  for (auto id : moved["participations"]) tx->exec(kMoveParticipation, {dup, id.get<std::int64_t>()});
  for (auto id : moved["consents"]) tx->exec(kMoveConsent, {dup, id.get<std::int64_t>()});
  for (auto id : moved["consents_representative"]) tx->exec(kMoveRepresentative, {dup, id.get<std::int64_t>()});
  for (auto id : moved["special_category"]) tx->exec(kMoveSpecial, {dup, id.get<std::int64_t>()});
  for (auto id : moved["contacts"]) tx->exec(kMoveContact, {dup, id.get<std::int64_t>(), keep});
  for (const auto& ref : kPersonReferences)
    if (moved.contains(ref.name))  // merges made before the area existed have no entry
      for (auto k : moved[ref.name]) move_reference(*tx, ref, k.get<std::int64_t>(), keep, dup);
  tx->exec(kUnmarkMerged, {format_utc(now), dup});
  tx->exec(kTouchPerson, {format_utc(now), keep});
  tx->exec(kUndoMerge, {format_utc(now), merge_id});
  for (auto pid : {keep, dup})
    if (auto s = tx->query_one(kPersonState, {pid})) refresh_family_search(*tx, s->i64(2));
  security::write_audit(*tx, actor, {"undo_merge", "person", std::to_string(keep),
                                     json{{"merge_id", merge_id}, {"duplicate_id", dup}}.dump()}, now);
  m.undone_at = format_utc(now);
  tx->commit();
  return m;
}

Result<PersonExport> GdprService::export_person(const Actor& actor, std::int64_t person_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  auto family_id = visible_person_family(*tx, actor, person_id);
  if (!family_id) return Error::not_found("No such person.");
  const bool special = has_special_category_access(*tx, actor);
  security::write_audit(*tx, actor, {"export", "person", std::to_string(person_id), json{{"special_category", special}}.dump()},
                        clock_.now());
  if (special) security::write_audit(*tx, actor, {"read_special", "person", std::to_string(person_id), ""}, clock_.now());
  PersonExport out;
  out.person = *people_.load(*tx, person_id, special);
  out.family = *FamilyService::load(*tx, *family_id);
  for (const auto& r : tx->query(kContactsNaming, {person_id})) {
    Contact c{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), {}};
    for (const auto& p : tx->query(kContactPeople, {c.id})) c.person_ids.push_back(p.i64(0));
    out.contacts.push_back(std::move(c));
  }
  security::AuditQuery q;
  q.entity = "person";
  q.entity_id = std::to_string(person_id);
  q.page_size = 100000;
  out.audit = security::find_audit(*tx, q).items;
  out.exported_at = format_utc(clock_.now());
  tx->commit();
  return out;
}

RetentionPolicy GdprService::retention_policy() {
  auto tx = db_.begin(TxMode::read);
  return retention_policy(*tx);
}

RetentionPolicy GdprService::retention_policy(storage::Transaction& tx) {
  RetentionPolicy p;
  if (auto r = tx.query_one(kSetting, {"retention_years_after_project_end"})) {
    try {
      p.years_after_project_end = std::stoi(r->str(0));
    } catch (const std::exception&) {
      // An unreadable setting keeps the default (the longer, safer retention).
    }
  }
  if (auto r = tx.query_one(kSetting, {"project_end"}); r && rules::parse_iso_date(r->str(0)).ok()) p.project_end = r->str(0);
  rules::Date end = *rules::parse_iso_date(p.project_end);
  auto shifted = rules::Date::from_ymd(end.year() + p.years_after_project_end, end.month(), end.day());
  if (!shifted) shifted = rules::Date::from_ymd(end.year() + p.years_after_project_end, end.month(), 28);  // 29 Feb
  p.retention_end = shifted->iso();
  return p;
}

void GdprService::anonymise_in(storage::Transaction& tx, const Actor& actor, std::int64_t person_id) {
  auto st = tx.query_one(kPersonState, {person_id});
  const std::int64_t family_id = st->i64(2);
  auto birth = tx.query_one(kBirthDate, {person_id})->str(0);
  // The birth year stays for age-group aggregates (EECO06–08); the day and month go.
  const std::string birth_year_only = birth.substr(0, 4) + "-01-01";
  const std::string now = format_utc(clock_.now());
  const std::string folded = rules::fold_for_search(kAnonymisedName);
  tx.exec(kAnonymisePerson, {kAnonymisedName, birth_year_only, folded + "|" + folded, folded + " " + folded,
                             czech_sort_key_hex(collator_, std::string(kAnonymisedName) + " " + kAnonymisedName), now,
                             person_id});
  refresh_person_search_index(tx, person_id);  // the old name's trigrams go too
  tx.exec(kClearSpecialNotes, {person_id});
  // Letters generated for the person carry their name and address in the PDF: erased with the rest.
  tx.exec("DELETE FROM documents WHERE person_id = $1", {person_id});
  tx.exec(kClearFamilyAddress, {now, family_id});
  if (tx.query_one(kNamedMembersLeft, {family_id})->i64(0) == 0)
    tx.exec(kAnonymiseFamilyName, {kAnonymisedName, czech_sort_key_hex(collator_, kAnonymisedName), family_id});
  refresh_family_search(tx, family_id);
  security::write_audit(tx, actor, {"anonymise", "person", std::to_string(person_id), ""}, clock_.now());
}

Result<Person> GdprService::anonymise(const Actor& actor, std::int64_t person_id) {
  KREDO_TRY(require_coordinator(actor));
  auto tx = db_.begin(TxMode::write);
  if (!visible_person_family(*tx, actor, person_id)) return Error::not_found("No such person.");
  auto st = tx->query_one(kPersonState, {person_id});
  if (!st->is_null(3)) return Error::conflict("This person's record is anonymised already.");
  auto hold = tx->query_one(kHold, {person_id});
  if (hold->boolean(0) || hold->boolean(1))
    return Error::conflict("A legal hold applies to this record: it cannot be anonymised.");
  RetentionPolicy policy = retention_policy(*tx);
  if (today(clock_).iso() <= policy.retention_end)
    return Error::conflict("The retention period runs until " + policy.retention_end + " (" +
                           std::to_string(policy.years_after_project_end) + " years after the project's end on " +
                           policy.project_end + "): the record must be kept until then.");
  anonymise_in(*tx, actor, person_id);
  auto out = people_.load(*tx, person_id, has_special_category_access(*tx, actor));
  tx->commit();
  return *out;
}

Result<std::vector<RetentionCandidate>> GdprService::retention_candidates(const Actor& actor) {
  KREDO_TRY(require_coordinator(actor));
  auto tx = db_.begin(TxMode::read);
  std::vector<RetentionCandidate> out;
  RetentionPolicy policy = retention_policy(*tx);
  // Retention counts from the project's end for every participant: before that day nobody is due.
  if (today(clock_).iso() <= policy.retention_end) return out;
  for (const auto& r : tx->query(kRetentionCandidates))
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4)});
  return out;
}

Result<std::int64_t> GdprService::apply_retention(const Actor& actor) {
  auto due = retention_candidates(actor);
  if (!due) return std::move(due).error();
  auto tx = db_.begin(TxMode::write);
  std::int64_t n = 0;
  for (const auto& c : *due) {
    // Re-check inside the write transaction: a hold may have been set since the list was read.
    auto hold = tx->query_one(kHold, {c.id});
    if (!hold || hold->boolean(0) || hold->boolean(1)) continue;
    anonymise_in(*tx, actor, c.id);
    ++n;
  }
  tx->commit();
  return n;
}

}  // namespace kredo::domain
