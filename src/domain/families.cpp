#include "domain/families.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "domain/districts.hpp"
#include "domain/registry_access.hpp"
#include "domain/search_index.hpp"
#include "domain/service_support.hpp"
#include "security/audit.hpp"
#include "security/audit_writer.hpp"

namespace kredo::domain {

using security::Actor;
using security::Role;
using storage::TxMode;

namespace {

constexpr const char* kSelectFamily =
    "SELECT f.id, f.version, f.name, t.name, f.keyworker_id, COALESCE(k.username, ''), f.status, f.closed_reason, "
    "COALESCE(f.street, ''), COALESCE(f.house_number, ''), COALESCE(f.district, ''), COALESCE(f.postal_code, ''), "
    "f.kod_adm, f.legal_hold, f.created_at, f.updated_at "
    "FROM families f JOIN teams t ON t.id = f.team_id LEFT JOIN users k ON k.id = f.keyworker_id WHERE f.id = $1";
constexpr const char* kSelectMembers =
    "SELECT id, role, given_names, surname, preferred_name, birth_date, gender FROM people "
    "WHERE family_id = $1 AND merged_into IS NULL ORDER BY role, birth_date, id";
constexpr const char* kTeamByName = "SELECT id FROM teams WHERE name = $1";
constexpr const char* kKeyworker = "SELECT role FROM users WHERE id = $1 AND active = 1";
constexpr const char* kInsertFamily =
    "INSERT INTO families (version, name, team_id, keyworker_id, status, closed_reason, street, house_number, "
    "district, postal_code, kod_adm, sort_key, created_at, updated_at) "
    "VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";
constexpr const char* kUpdateFamily =
    "UPDATE families SET version = version + 1, name = $1, team_id = $2, keyworker_id = $3, status = $4, "
    "closed_reason = $5, street = $6, house_number = $7, district = $8, postal_code = $9, kod_adm = $10, "
    "sort_key = $11, updated_at = $12 WHERE id = $13 AND version = $14";

// Optional filters as "($n = '' OR ...)" keep the statement one constant; the scope is
// "$1 = 1" (sees all) or the actor's team.
// The filters use families' own columns only, so that the count reads one index without joins.
constexpr const char* kFamilyListWhere =
    " WHERE ($1 = 1 OR f.team_id = $2) AND ($3 = '' OR f.search_text LIKE $4 ESCAPE '\\')"
    " AND ($5 = '' OR f.district = $5) AND ($7 = '' OR f.status = $7)"
    " AND ($6 = '' OR f.keyworker_id = (SELECT ku.id FROM users ku WHERE ku.username = $6))";
// With a search term of three or more characters the rows come from the postings of one trigram of the
// term (family_search_trigrams, migration 0009); CROSS JOIN keeps SQLite reading the postings first. The
// LIKE above still decides, so the answer is exactly the full scan's.
constexpr const char* kFamilyListFrom = " FROM families f";
constexpr const char* kFamilyListFromTrigram = " FROM family_search_trigrams c CROSS JOIN families f";
constexpr const char* kFamilyTrigramWhere = " AND c.trigram = $8 AND f.id = c.family_id";
// PostgreSQL reorders joins by its statistics and, judging the LIKE selective, scans every family; the
// LATERAL subquery (OFFSET 0 keeps it from being flattened) makes it look up the postings' rows instead.
constexpr const char* kFamilyListFromTrigramPg =
    " FROM (SELECT family_id FROM family_search_trigrams WHERE trigram = $8 OFFSET 0) c"
    " CROSS JOIN LATERAL (SELECT * FROM families WHERE id = c.family_id OFFSET 0) f";
constexpr const char* kFamilyListJoin =
    " JOIN teams t ON t.id = f.team_id LEFT JOIN users k ON k.id = f.keyworker_id";
constexpr const char* kFamilyListColumns =
    "SELECT f.id, f.name, COALESCE(f.district, ''), f.status, t.name, f.keyworker_id, COALESCE(k.username, ''), "
    "f.updated_at";
// The members of all families on the page in one statement (names, and the counts from the same rows).
constexpr const char* kListMembers =
    "SELECT family_id, given_names, surname, role FROM people WHERE merged_into IS NULL AND family_id IN ";
constexpr const char* kListMembersOrder = " ORDER BY family_id, role, birth_date, id";

constexpr const char* kSelectContacts =
    "SELECT id, date, type, worker, summary FROM contacts WHERE family_id = $1 ORDER BY date DESC, id DESC";
constexpr const char* kPersonInFamily =
    "SELECT 1 FROM people WHERE id = $1 AND family_id = $2 AND merged_into IS NULL";
constexpr const char* kInsertContact =
    "INSERT INTO contacts (family_id, date, type, worker_id, worker, summary, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kInsertContactPerson = "INSERT INTO contact_people (contact_id, person_id) VALUES ($1, $2)";

constexpr const char* kStatuses[] = {"referred", "active", "paused", "closed"};
constexpr const char* kContactTypes[] = {"home_visit", "phone", "meeting", "accompaniment", "message", "other"};

// Normalises and validates an address in place; errors are on "address.<field>".
void check_address(Address& a, std::vector<FieldError>& errors) {
  if (auto d = find_district(a.district)) {
    a.district = d->code;
  } else {
    errors.push_back({"address.district", "Choose one of Brno's 29 city districts."});
  }
  if (!a.postal_code.empty()) {
    std::string digits;
    bool bad = false;
    for (char c : a.postal_code) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
      else if (c != ' ') bad = true;
    }
    if (bad || digits.size() != 5) errors.push_back({"address.postal_code", "A postal code has five digits (\"602 00\")."});
    else a.postal_code = digits;
  }
  if (a.kod_adm && *a.kod_adm <= 0) errors.push_back({"address.kod_adm", "The RÚIAN address code is a positive number."});
  if (a.street.size() > 200) errors.push_back({"address.street", "At most 200 characters."});
  if (a.house_number.size() > 20) errors.push_back({"address.house_number", "At most 20 characters."});
}

storage::DbValue text_or_null(const std::string& s) { return s.empty() ? storage::DbValue(nullptr) : storage::DbValue(s); }

}  // namespace

std::optional<Family> FamilyService::load(storage::Transaction& tx, std::int64_t id) {
  auto r = tx.query_one(kSelectFamily, {id});
  if (!r) return std::nullopt;
  Family f;
  f.id = r->i64(0);
  f.version = r->i64(1);
  f.name = r->str(2);
  f.team = r->str(3);
  if (!r->is_null(4)) f.keyworker = UserRef{r->i64(4), r->str(5)};
  f.status = r->str(6);
  f.closed_reason = r->opt_str(7);
  f.address = {r->str(8), r->str(9), r->str(10), r->str(11), r->opt_i64(12)};
  f.legal_hold = r->boolean(13);
  f.created_at = r->str(14);
  f.updated_at = r->str(15);
  for (const auto& m : tx.query(kSelectMembers, {id}))
    f.members.push_back({m.i64(0), m.str(1), m.str(2), m.str(3), m.opt_str(4), m.str(5), m.str(6)});
  return f;
}

Result<Family> FamilyService::create(const Actor& actor, const NewFamily& in) {
  KREDO_TRY(require_personal_data(actor));
  NewFamily input = in;
  std::vector<FieldError> errors;
  if (input.name.empty() || text::utf8_length(input.name) > 200) errors.push_back({"name", "A family name needs 1 to 200 characters."});
  check_address(input.address, errors);
  std::string status = input.status.value_or("referred");
  if (!one_of(status, kStatuses)) errors.push_back({"status", "Use referred, active, paused or closed."});
  if (status == "closed") errors.push_back({"closed_reason", "A new family cannot start closed."});

  auto tx = db_.begin(TxMode::write);
  auto team = tx->query_one(kTeamByName, {input.team});
  if (!team) errors.push_back({"team", "There is no team called '" + input.team + "'."});
  if (input.keyworker_id) {
    auto k = tx->query_one(kKeyworker, {*input.keyworker_id});
    if (!k || k->str(0) == "analyst") errors.push_back({"keyworker_id", "The keyworker must be an active staff member."});
  }
  if (!errors.empty()) return Error::validation(std::move(errors));
  const std::int64_t team_id = team->i64(0);
  if (!sees_all_families(actor) && (!actor.team_id || *actor.team_id != team_id))
    return Error::forbidden("A field worker can create families only in their own team.");

  const std::string now = format_utc(clock_.now());
  const Address& a = input.address;
  auto r = tx->query_one(kInsertFamily, {input.name, team_id, input.keyworker_id, status, nullptr, text_or_null(a.street),
                                         text_or_null(a.house_number), text_or_null(a.district),
                                         text_or_null(a.postal_code), a.kod_adm,
                                         czech_sort_key_hex(collator_, input.name), now});
  const std::int64_t id = r->i64(0);
  refresh_family_search(*tx, id);
  audit(*tx, actor, clock_, "create", "family", id, {{"team", input.team}, {"status", status}});
  auto f = load(*tx, id);
  tx->commit();
  return *f;
}

Result<Family> FamilyService::get(const Actor& actor, std::int64_t id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!visible_family_team(*tx, actor, id)) return Error::not_found("No such family.");
  auto f = load(*tx, id);
  tx.reset();
  audit_read(db_, actor, clock_, "read", "family", id);
  return *f;
}

Result<Family> FamilyService::update(const Actor& actor, std::int64_t id, const FamilyChanges& ch) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::write);
  if (!visible_family_team(*tx, actor, id)) return Error::not_found("No such family.");
  auto current = load(*tx, id);
  if (current->version != ch.version)
    return Error::conflict("This family was changed by someone else. Compare and try again.");

  Family next = *current;
  std::vector<FieldError> errors;
  nlohmann::json changed = nlohmann::json::array();
  if (ch.name) {
    if (ch.name->empty() || text::utf8_length(*ch.name) > 200) errors.push_back({"name", "A family name needs 1 to 200 characters."});
    next.name = *ch.name;
    changed.push_back("name");
  }
  if (ch.address) {
    next.address = *ch.address;
    check_address(next.address, errors);
    changed.push_back("address");
  }
  std::int64_t team_id = 0;
  {
    auto t = tx->query_one(kTeamByName, {ch.team.value_or(current->team)});
    if (!t) errors.push_back({"team", "There is no team called '" + ch.team.value_or(current->team) + "'."});
    else team_id = t->i64(0);
    if (ch.team) changed.push_back("team");
  }
  std::optional<std::int64_t> keyworker_id = current->keyworker ? std::optional(current->keyworker->id) : std::nullopt;
  if (ch.keyworker_id) {
    keyworker_id = *ch.keyworker_id;
    if (keyworker_id) {
      auto k = tx->query_one(kKeyworker, {*keyworker_id});
      if (!k || k->str(0) == "analyst") errors.push_back({"keyworker_id", "The keyworker must be an active staff member."});
    }
    changed.push_back("keyworker_id");
  }
  if (ch.status) {
    if (!one_of(*ch.status, kStatuses)) errors.push_back({"status", "Use referred, active, paused or closed."});
    next.status = *ch.status;
    changed.push_back("status");
  }
  if (ch.closed_reason) {
    next.closed_reason = *ch.closed_reason;
    changed.push_back("closed_reason");
  }
  if (next.status == "closed") {
    if (!next.closed_reason || next.closed_reason->empty())
      errors.push_back({"closed_reason", "Say why the family's case is closed."});
  } else {
    next.closed_reason.reset();  // a reopened case has no closing reason
  }
  if (ch.legal_hold) {
    if (!sees_all_families(actor)) errors.push_back({"legal_hold", "Only a coordinator or an administrator can set a legal hold."});
    changed.push_back("legal_hold");
  }
  if (!errors.empty()) return Error::validation(std::move(errors));
  if (!sees_all_families(actor) && (!actor.team_id || *actor.team_id != team_id))
    return Error::forbidden("A field worker can move families only within their own team.");

  const Address& a = next.address;
  std::int64_t n = tx->exec(kUpdateFamily, {next.name, team_id, keyworker_id, next.status, next.closed_reason,
                                            text_or_null(a.street), text_or_null(a.house_number),
                                            text_or_null(a.district), text_or_null(a.postal_code), a.kod_adm,
                                            czech_sort_key_hex(collator_, next.name), format_utc(clock_.now()), id,
                                            ch.version});
  if (n != 1) return Error::conflict("This family was changed by someone else. Compare and try again.");
  if (ch.legal_hold) tx->exec("UPDATE families SET legal_hold = $1 WHERE id = $2", {*ch.legal_hold ? 1 : 0, id});
  refresh_family_search(*tx, id);
  audit(*tx, actor, clock_, "update", "family", id, {{"fields", changed}});
  auto f = load(*tx, id);
  tx->commit();
  return *f;
}

Result<FamilyPage> FamilyService::list(const Actor& actor, const FamilyQuery& q) {
  auto r = list_shared(actor, q);
  if (!r) return std::move(r).error();
  return **r;
}

Result<std::shared_ptr<const FamilyPage>> FamilyService::list_shared(const Actor& actor, const FamilyQuery& q) {
  KREDO_TRY(require_personal_data(actor));
  std::string order;
  if (q.sort == "name") order = " ORDER BY f.sort_key, f.id";
  else if (q.sort == "-name") order = " ORDER BY f.sort_key DESC, f.id DESC";
  else if (q.sort == "updated") order = " ORDER BY f.updated_at, f.id";
  else if (q.sort == "-updated") order = " ORDER BY f.updated_at DESC, f.id DESC";
  else return Error::field("sort", "Use name, -name, updated or -updated.");
  std::string district;
  if (!q.district.empty()) {
    auto d = find_district(q.district);
    if (!d) return Error::field("district", "Not one of Brno's 29 city districts.");
    district = d->code;
  }
  if (!q.status.empty() && !one_of(q.status, kStatuses)) return Error::field("status", "Use referred, active, paused or closed.");
  const std::string folded = rules::fold_for_search(q.q);
  const int sees_all = sees_all_families(actor) ? 1 : 0;
  const std::int64_t team = actor.team_id.value_or(-1);

  // An answer cached at the generation this request's snapshot sees is exactly this request's answer
  // (domain::ListCache); the key holds the scope and every parameter. The audit row is written either way.
  const char sep = '\x1f';
  const std::string key = std::to_string(sees_all) + sep + std::to_string(sees_all ? 0 : team) + sep + folded + sep +
                          district + sep + q.worker + sep + q.status + sep + q.sort + sep + std::to_string(q.page) +
                          sep + std::to_string(q.page_size);
  std::shared_ptr<const FamilyPage> cached;
  cached = list_cache_.find(key, list_cache_.current_generation(db_));
  std::shared_ptr<const FamilyPage> answer = cached;
  if (!answer) {
    auto computed = std::make_shared<FamilyPage>();
    FamilyPage& page = *computed;
    storage::Params p{sees_all, team, folded, folded_like_pattern(q.q), district, q.worker, q.status};
    // A read transaction on both databases. (On SQLite the writer connection, whose page cache every
    // commit leaves warm, computed a first answer faster, but it held the single writer for the whole
    // read: under writes every search miss stalled every audit commit and write behind it; the national
    // soak's reads had a p50 of 1.3 s. A cached answer needs no transaction at all.)
    auto tx = db_.begin(TxMode::read);
    const std::int64_t gen = registry_generation(*tx);
    const auto trigram = pick_search_trigram(*tx, folded, false);
    std::string from = kFamilyListFrom, where = kFamilyListWhere;
    if (trigram) {
      const bool pg = tx->dialect() == storage::Dialect::postgresql;
      from = pg ? kFamilyListFromTrigramPg : kFamilyListFromTrigram;
      if (!pg) where += kFamilyTrigramWhere;
      p.emplace_back(*trigram);
    }
    const std::string lim = trigram ? " LIMIT $9 OFFSET $10" : " LIMIT $8 OFFSET $9";
    page.total = tx->query_one("SELECT COUNT(*)" + from + where, p)->i64(0);
    storage::Params pp = p;
    pp.emplace_back(static_cast<long long>(q.page_size));
    pp.emplace_back(static_cast<long long>(q.page - 1) * q.page_size);
    std::string in_list;
    storage::Params member_params;
    std::map<std::int64_t, std::size_t> index_of;
    for (const auto& r : tx->query(std::string(kFamilyListColumns) + from + kFamilyListJoin + where + order + lim, pp)) {
      FamilyListItem it;
      it.id = r.i64(0);
      it.name = r.str(1);
      it.district = r.str(2);
      it.status = r.str(3);
      it.team = r.str(4);
      if (!r.is_null(5)) it.keyworker = UserRef{r.i64(5), r.str(6)};
      it.updated_at = r.str(7);
      index_of[it.id] = page.items.size();
      page.items.push_back(std::move(it));
      member_params.emplace_back(page.items.back().id);
      in_list += (in_list.empty() ? "($" : ", $") + std::to_string(member_params.size());
    }
    if (!page.items.empty()) {
      for (const auto& m : tx->query(kListMembers + in_list + ")" + kListMembersOrder, member_params)) {
        auto& it = page.items[index_of.at(m.i64(0))];
        it.member_names.push_back(m.str(1) + " " + m.str(2));
        ++it.members_count;
        if (m.str(3) == "child") ++it.children_count;
      }
    }
    tx.reset();
    list_cache_.put(key, gen, computed);
    answer = std::move(computed);
  }
  const auto& page = *answer;
  // One audit row per list answer, naming the families shown (the query text may itself be a name).
  security::group_commit_audit(db_, actor, {"list", "family", "", list_audit_detail(page.items, page.total)}, clock_.now());
  return answer;
}

Result<std::vector<Contact>> FamilyService::timeline(const Actor& actor, std::int64_t family_id) {
  KREDO_TRY(require_personal_data(actor));
  auto tx = db_.begin(TxMode::read);
  if (!visible_family_team(*tx, actor, family_id)) return Error::not_found("No such family.");
  std::vector<Contact> out;
  for (const auto& r : tx->query(kSelectContacts, {family_id})) out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), {}});
  for (auto& c : out)
    for (const auto& r : tx->query(kContactPeople, {c.id})) c.person_ids.push_back(r.i64(0));
  tx.reset();
  audit_read(db_, actor, clock_, "read_timeline", "family", family_id);
  return out;
}

Result<Contact> FamilyService::add_contact(const Actor& actor, std::int64_t family_id, const NewContact& in) {
  KREDO_TRY(require_personal_data(actor));
  std::vector<FieldError> errors;
  auto date = rules::parse_iso_date(in.date, "date");
  if (!date) errors.push_back(date.error().fields.front());
  else if (*date > today(clock_)) errors.push_back({"date", "A contact cannot be in the future."});
  if (!one_of(in.type, kContactTypes))
    errors.push_back({"type", "Use home_visit, phone, meeting, accompaniment, message or other."});
  const std::size_t len = text::utf8_length(in.summary);
  if (len < 1 || len > 4000) errors.push_back({"summary", "The summary needs 1 to 4000 characters."});

  auto tx = db_.begin(TxMode::write);
  if (!visible_family_team(*tx, actor, family_id)) return Error::not_found("No such family.");
  std::vector<std::int64_t> people = in.person_ids;
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  for (auto pid : people)
    if (!tx->query_one(kPersonInFamily, {pid, family_id})) {
      errors.push_back({"person_ids", "Person " + std::to_string(pid) + " is not a member of this family."});
      break;
    }
  if (!errors.empty()) return Error::validation(std::move(errors));
  const std::string now = format_utc(clock_.now());
  auto r = tx->query_one(kInsertContact, {family_id, date->iso(), in.type,
                                          actor.user_id > 0 ? storage::DbValue(actor.user_id) : storage::DbValue(nullptr),
                                          actor.username, in.summary, now});
  Contact c{r->i64(0), date->iso(), in.type, actor.username, in.summary, people};
  for (auto pid : people) tx->exec(kInsertContactPerson, {c.id, pid});
  audit(*tx, actor, clock_, "create_contact", "family", family_id, {{"contact_id", c.id}});
  tx->commit();
  return c;
}

}  // namespace kredo::domain
