// Demo data: plainly fictional, for trying KREDO out and for benchmarks. Names combine common
// Czech given names with invented surnames ("Čárkovský", "Háčková"), streets are invented
// ("Ulice Vzorová"), and the few birth numbers are synthetic (computed to pass the checksum).
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "app/application.hpp"
#include "app/demo_activities.hpp"
#include "app/demo_incidents.hpp"
#include "app/demo_reports.hpp"
#include "domain/districts.hpp"
#include "domain/registry_access.hpp"
#include "domain/search_index.hpp"
#include "security/audit.hpp"

namespace kredo::app {

namespace {

// splitmix64: a fixed, portable sequence (std:: distributions differ between library versions).
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

 private:
  std::uint64_t s_;
};

struct Surname {
  const char* male;
  const char* female;
};

// Invented surnames (no such Czech families are known): words about writing, samples and models.
constexpr std::array<Surname, 24> kSurnames = {{
    {"Čárkovský", "Čárkovská"},   {"Háčkový", "Háčková"},       {"Řádkový", "Řádková"},
    {"Šablonový", "Šablonová"},   {"Žánrový", "Žánrová"},       {"Chvostíkový", "Chvostíková"},
    {"Vzorový", "Vzorová"},       {"Ukázkový", "Ukázková"},     {"Smyšlený", "Smyšlená"},
    {"Fiktivní", "Fiktivní"},     {"Zkušební", "Zkušební"},     {"Pokusný", "Pokusná"},
    {"Modelový", "Modelová"},     {"Cvičný", "Cvičná"},         {"Příkladný", "Příkladná"},
    {"Vymyšlený", "Vymyšlená"},   {"Obrázkový", "Obrázková"},   {"Papírový", "Papírová"},
    {"Kartotékový", "Kartotéková"}, {"Ďáblíkový", "Ďáblíková"}, {"Ťapkový", "Ťapková"},
    {"Áčkový", "Áčková"},         {"Íčkový", "Íčková"},         {"Ústečkový", "Ústečková"},
}};
constexpr std::array<const char*, 12> kWomen = {"Jana",   "Petra", "Lucie",  "Eva",     "Marie", "Tereza",
                                                "Kateřina", "Veronika", "Martina", "Monika", "Žaneta", "Renata"};
constexpr std::array<const char*, 12> kMen = {"Jan",   "Petr",  "Tomáš", "Martin", "Pavel", "Josef",
                                              "Lukáš", "Jakub", "David", "Ondřej", "Roman", "Zdeněk"};
constexpr std::array<const char*, 10> kGirls = {"Adéla", "Eliška", "Anna", "Natálie", "Nikola",
                                                "Sofie", "Viktorie", "Kristýna", "Ema", "Šárka"};
constexpr std::array<const char*, 10> kBoys = {"Šimon", "Matyáš", "Vojtěch", "Filip", "Štěpán",
                                               "Dominik", "Matěj", "Čeněk", "Robin", "Kryštof"};
constexpr std::array<const char*, 8> kStreets = {"Ulice Vzorová", "Fiktivní", "Smyšlená", "Ukázková",
                                                 "Zkušební", "Modelová", "Pokusná", "Cvičná"};
constexpr std::array<const char*, 6> kContactTypes = {"home_visit", "phone", "meeting", "accompaniment", "message", "other"};
constexpr std::array<const char*, 8> kSummaries = {
    "Domácí návštěva: probrali jsme zápis do mateřské školy a potřebné doklady.",
    "Telefonát: připomenutí termínu schůzky ve škole.",
    "Doprovod k zápisu do základní školy, přihláška podána.",
    "Setkání rodičů v klubu: jak podat odvolání proti nepřijetí.",
    "Zpráva: termín skupinového setkání dětí v pátek.",
    "Domácí návštěva: pomoc s vyplněním žádosti o příspěvek.",
    "Schůzka s třídní učitelkou, dítě si zvyká dobře.",
    "Výlet s rodiči do knihovny, domluva dalšího setkání.",
};
// Excluded localities lie mainly in Brno-střed and Brno-sever: the caseload is weighted there.
constexpr std::array<const char*, 10> kBusyDistricts = {"brno-stred", "brno-sever", "brno-stred", "brno-sever",
                                                        "brno-zidenice", "brno-stred", "brno-sever", "brno-jih",
                                                        "brno-kralovo-pole", "brno-stred"};

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string date_iso(int y, int m, int d) { return std::to_string(y) + "-" + two(m) + "-" + two(d); }

// A synthetic birth number that passes the checksum: YYMMDD (+50 months for girls), a serial,
// and the check digit that makes the ten digits divisible by 11 (serials needing "10" are skipped).
std::string synthetic_rodne_cislo(DemoRandom& rnd, int y, int m, int d, bool female) {
  for (;;) {
    const std::string head = two(y % 100) + two(m + (female ? 50 : 0)) + two(d) + std::to_string(100 + rnd.below(900));
    const long long nine = std::stoll(head);
    const int check = static_cast<int>((11 - (nine * 10) % 11) % 11);
    if (check == 10) continue;
    return head + std::to_string(check);
  }
}

constexpr const char* kInsertFamily =
    "INSERT INTO families (version, name, team_id, keyworker_id, status, closed_reason, street, house_number, "
    "district, postal_code, kod_adm, search_text, sort_key, created_at, updated_at) "
    "VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12, $12) RETURNING id";
constexpr const char* kInsertPerson =
    "INSERT INTO people (version, family_id, role, given_names, surname, birth_date, gender, rodne_cislo, "
    "nationality, education_isced, labour_status, phones, preferred_language, interpreter_needed, name_folded, "
    "search_text, sort_key, created_at, updated_at) "
    "VALUES (1, $1, $2, $3, $4, $5, $6, $7, 'CZ', $8, $9, $10, $11, 0, $12, $13, $14, $15, $15) RETURNING id";
constexpr const char* kInsertRelationship =
    "INSERT INTO relationships (person_id, other_person_id, type, legal_representative, created_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kInsertParticipation =
    "INSERT INTO participations (version, person_id, entry_date, exit_date, exit_reason, third_country_national, "
    "foreign_background, housing_exclusion, rural, created_at, updated_at) "
    "VALUES (1, $1, $2, $3, $4, 'no', 'no', $5, 'no', $6, $6)";
constexpr const char* kInsertConsent =
    "INSERT INTO consents (person_id, purpose, school, given_by, representative_id, given_on, form, expires_on, "
    "created_at) VALUES ($1, $2, NULL, $3, $4, $5, $6, NULL, $7) RETURNING id";
constexpr const char* kInsertSpecial =
    "INSERT INTO special_category (person_id, category, value, note, recorded_on, recorded_by, consent_id, created_at) "
    "VALUES ($1, 'roma_minority', $2, NULL, $3, $4, $5, $6)";
constexpr const char* kInsertContact =
    "INSERT INTO contacts (family_id, date, type, worker_id, worker, summary, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kInsertContactPerson = "INSERT INTO contact_people (contact_id, person_id) VALUES ($1, $2)";
constexpr const char* kCountPeople = "SELECT COUNT(*) FROM people";
constexpr const char* kSetFamilySearch = "UPDATE families SET search_text = $1 WHERE id = $2";
constexpr const char* kTeamAndUser =
    "SELECT t.id, u.id FROM users u JOIN teams t ON t.id = u.team_id WHERE u.username = $1";

struct Keyworker {
  std::int64_t team_id = 0, user_id = 0;
  std::string username;
};

struct DemoPerson {
  std::int64_t id = 0;
  std::string given, surname;
  bool female = false;
};

// Writes one family with its members, relationships, participation, consents, special-category
// answers and contacts, straight through SQL (the loader is the system itself, audited per record).
// Returns the number of children written (at most max_children).
int write_family(storage::Transaction& tx, DemoRandom& rnd, const rules::CzechCollator& collator,
                 const security::Actor& actor, const Keyworker& kw, int max_children, std::int64_t now,
                 const security::Cipher& cipher) {
  const std::string created = format_utc(now);
  const Surname& sn = rnd.pick(kSurnames);
  const bool busy = rnd.chance(70);
  const auto& districts = domain::brno_districts();
  const std::string district = busy ? std::string(rnd.pick(kBusyDistricts))
                                    : districts[static_cast<std::size_t>(rnd.below(static_cast<int>(districts.size())))].code;
  const int s = rnd.below(100);
  const char* status = s < 70 ? "active" : s < 82 ? "referred" : s < 92 ? "paused" : "closed";
  std::optional<std::string> closed_reason;
  if (std::string(status) == "closed") closed_reason = "Rodina se odstěhovala mimo Brno.";

  std::vector<DemoPerson> adults, children;
  std::string family_search = rules::fold_for_search(sn.male);
  const int n_adults = rnd.chance(60) ? 2 : 1;
  const int n_children = std::min(max_children, 1 + rnd.below(4));
  std::int64_t family_id = tx.query_one(kInsertFamily, {sn.male, kw.team_id, kw.user_id, status, closed_reason,
                                                        rnd.pick(kStreets), std::to_string(1 + rnd.below(120)),
                                                        district, std::to_string(60200 + rnd.below(8) * 100), "",
                                                        domain::czech_sort_key_hex(collator, sn.male), created})
                                  ->i64(0);
  auto add_person = [&](bool child, bool female) {
    DemoPerson p;
    p.female = female;
    p.surname = female ? sn.female : sn.male;
    p.given = child ? (female ? rnd.pick(kGirls) : rnd.pick(kBoys)) : (female ? rnd.pick(kWomen) : rnd.pick(kMen));
    const int y = child ? 2013 + rnd.below(10) : 1978 + rnd.below(22);
    const int m = 1 + rnd.below(12), d = 1 + rnd.below(28);
    std::optional<std::string> rc;
    if (child && rnd.chance(30)) rc = synthetic_rodne_cislo(rnd, y, m, d, female);
    std::optional<std::int64_t> isced;
    std::optional<std::string> labour;
    if (!child) {
      isced = rnd.chance(70) ? 2 : 3;
      labour = rnd.chance(50) ? "unemployed" : rnd.chance(50) ? "employed" : "long_term_unemployed";
    }
    const std::string phones = child ? "[]" : "[\"+420 700 " + std::to_string(100 + rnd.below(900)) + " " +
                                                  std::to_string(100 + rnd.below(900)) + "\"]";
    p.id = tx.query_one(kInsertPerson,
                        {family_id, child ? "child" : "adult", p.given, p.surname, date_iso(y, m, d),
                         female ? "female" : "male", rc, isced, labour, phones, rnd.chance(20) ? "rom" : "cs",
                         domain::person_name_folded(p.given, p.surname),
                         domain::person_search_text(p.given, p.surname, std::nullopt),
                         domain::person_sort_key(collator, p.given, p.surname), created})
               ->i64(0);
    security::write_audit(tx, actor, {"create", "person", std::to_string(p.id), ""}, now);
    family_search.push_back(' ');
    family_search.append(domain::person_search_text(p.given, p.surname, std::nullopt));
    (child ? children : adults).push_back(p);
  };
  add_person(false, true);
  if (n_adults == 2) add_person(false, false);
  for (int i = 0; i < n_children; ++i) add_person(true, rnd.chance(50));
  tx.exec(kSetFamilySearch, {family_search, family_id});
  security::write_audit(tx, actor, {"create", "family", std::to_string(family_id), ""}, now);

  // Project period 1 Oct 2023 – 30 Sep 2025: entries during the first 20 months.
  const int entry_month = rnd.below(20);
  const std::string entry = date_iso(2023 + (9 + entry_month) / 12, (9 + entry_month) % 12 + 1, 1 + rnd.below(28));
  const DemoPerson& mother = adults.front();
  for (const auto& c : children) {
    tx.exec(kInsertRelationship, {c.id, mother.id, "mother", true, created});
    if (adults.size() > 1) tx.exec(kInsertRelationship, {c.id, adults[1].id, "father", true, created});
    const bool left = rnd.chance(15);
    tx.exec(kInsertParticipation, {c.id, entry, left ? std::optional<std::string>("2025-06-30") : std::nullopt,
                                   left ? std::optional<std::string>("Rodina ukončila spolupráci.") : std::nullopt,
                                   rnd.chance(40) ? "yes" : "no", created});
    tx.query_one(kInsertConsent, {c.id, "casework", "legal_representative", mother.id, entry, "signed_paper", created});
    const int sc = rnd.below(100);
    if (sc < 50) {
      auto consent = tx.query_one(kInsertConsent, {c.id, "special_category", "legal_representative", mother.id, entry,
                                                   "signed_paper", created})
                         ->i64(0);
      tx.exec(kInsertSpecial, {c.id, cipher.encrypt_text(rnd.chance(90) ? "yes" : "no"), entry, kw.username, consent,
                               created});
    } else if (sc < 65) {
      tx.exec(kInsertSpecial, {c.id, cipher.encrypt_text("refused"), entry, kw.username, nullptr, created});
    }
  }
  for (const auto& a : adults) {
    tx.exec(kInsertParticipation, {a.id, entry, nullptr, nullptr, rnd.chance(40) ? "yes" : "no", created});
    tx.query_one(kInsertConsent, {a.id, "casework", "self", nullptr, entry, "signed_paper", created});
  }
  const int n_contacts = 2 + rnd.below(3);
  for (int i = 0; i < n_contacts; ++i) {
    const int month = entry_month + i * 2 + rnd.below(2);
    const std::string date = date_iso(2023 + (9 + month) / 12, (9 + month) % 12 + 1, 1 + rnd.below(28));
    auto cid = tx.query_one(kInsertContact, {family_id, date, rnd.pick(kContactTypes), kw.user_id, kw.username,
                                             rnd.pick(kSummaries), created})
                   ->i64(0);
    tx.exec(kInsertContactPerson, {cid, mother.id});
    if (rnd.chance(50)) tx.exec(kInsertContactPerson, {cid, children.front().id});
  }
  return n_children;
}

}  // namespace

Result<std::vector<std::string>> load_demo(Application& app, const std::string& scale) {
  if (scale != "small" && scale != "national")
    return Error::field("scale", "Use --scale small or --scale national.");
  auto& s = app.services();
  std::vector<std::string> lines;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    if (domain::find_user_by_username(*tx, "admin")) {
      lines.push_back("demo data already present; nothing loaded");
      return lines;
    }
  }
  const auto actor = security::system_actor("demo");
  struct DemoUser {
    const char* username;
    const char* role;
    const char* team;
    bool special_category_access;
  };
  // koordinator and terenni may see special-category data; terenni2 may not (to try both views).
  static const DemoUser kUsers[] = {
      {"admin", "admin", nullptr, false},        {"koordinator", "coordinator", nullptr, true},
      {"terenni", "worker", "Sever", true},      {"terenni2", "worker", "Střed", false},
      {"analytik", "analyst", nullptr, false},
  };
  for (const auto& u : kUsers) {
    domain::NewUser n{u.username, kDemoPassword, u.role,
                      u.team ? std::optional<std::string>(u.team) : std::nullopt};
    auto r = s.users.create(actor, n, true);
    if (!r) return std::move(r).error();
    if (u.special_category_access) {
      domain::UserChanges ch;
      ch.version = r->version;
      ch.special_category_access = true;
      auto upd = s.users.update(actor, r->id, ch);
      if (!upd) return std::move(upd).error();
    }
    lines.push_back(std::string(u.username) + " (" + u.role + (u.team ? std::string(", ") + u.team : "") + ")");
  }

  // Families: ~40 for a team's caseload, or as many as it takes for 100,000 children.
  Keyworker sever, stred;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    auto a = tx->query_one(kTeamAndUser, {"terenni"});
    auto b = tx->query_one(kTeamAndUser, {"terenni2"});
    sever = {a->i64(0), a->i64(1), "terenni"};
    stred = {b->i64(0), b->i64(1), "terenni2"};
  }
  rules::CzechCollator collator;
  DemoRandom rnd(scale == "small" ? 20231001 : 20250930);
  const int small_families = 40;
  const int children_target = 100000;
  const int batch = 5000;  // families per transaction: few commits, bounded transaction size
  int families = 0, children = 0;
  const std::int64_t now = s.clock.now();
  auto done = [&] { return scale == "small" ? families >= small_families : children >= children_target; };
  while (!done()) {
    auto tx = app.db().begin(storage::TxMode::write);
    for (int i = 0; i < batch && !done(); ++i) {
      const Keyworker& kw = families % 2 == 0 ? sever : stred;
      children += write_family(*tx, rnd, collator, actor, kw, scale == "small" ? 4 : children_target - children, now,
                               app.cipher());
      ++families;
    }
    tx->commit();
  }
  {
    // write_family() sets search_text directly: the trigram search index is built once, set-based.
    auto tx = app.db().begin(storage::TxMode::write);
    domain::rebuild_search_indexes(*tx);
    tx->commit();
  }
  std::int64_t people = 0;
  {
    auto tx = app.db().begin(storage::TxMode::read);
    people = tx->query_one(kCountPeople)->i64(0);
  }
  lines.push_back(std::to_string(families) + " fictional families, " + std::to_string(people) + " people (" +
                  std::to_string(children) + " children)");
  if (auto a = load_demo_activities(app, scale); a) lines.insert(lines.end(), a->begin(), a->end()); else return std::move(a).error();
  if (auto st = load_demo_enrollment(app, lines); !st) return std::move(st).error();
  if (auto st = load_demo_incidents(app); !st) return std::move(st).error();  // demo_incidents.cpp
  if (auto st = load_demo_reports(app, scale); !st) return std::move(st).error();  // demo_reports.cpp
  return lines;
}

}  // namespace kredo::app
