// The case registry's services against both databases: scope, validation, concurrency,
// duplicates, consents, special-category data, Czech order and folded search, merge, retention.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/registry_access.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using domain::NewFamily;
using domain::NewPerson;
using security::Actor;
using security::Role;

class Registry : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    const auto sys = security::system_actor("test");
    auto& users = db_->app().services().users;
    for (auto [name, role, team] : {std::tuple{"alena", "worker", "Sever"}, std::tuple{"bohus", "worker", "Jih"},
                                    std::tuple{"koord", "coordinator", ""}, std::tuple{"anna", "analyst", ""}}) {
      auto u = users.create(sys, {name, "Dlouhe-heslo-123", role, *team ? std::optional<std::string>(team) : std::nullopt},
                            true);
      ASSERT_TRUE(u.ok()) << u.error().message;
      Actor a;
      a.user_id = u->id;
      a.username = u->username;
      a.role = u->role;
      a.team_id = u->team_id;
      a.team = u->team;
      actors_[name] = a;
    }
  }
  domain::FamilyService& families() { return db_->app().services().families; }
  domain::PersonService& people() { return db_->app().services().people; }
  domain::GdprService& gdpr() { return db_->app().services().gdpr; }
  const Actor& as(const std::string& name) { return actors_.at(name); }

  void grant_special(const std::string& name) {
    auto& users = db_->app().services().users;
    auto tx = db_->app().db().begin(storage::TxMode::read);
    auto u = domain::find_user_by_id(*tx, as(name).user_id);
    tx.reset();
    domain::UserChanges ch;
    ch.version = u->version;
    ch.special_category_access = true;
    ASSERT_TRUE(users.update(security::system_actor("test"), u->id, ch).ok());
  }

  std::int64_t family(const std::string& name, const std::string& team = "Sever", const std::string& who = "koord") {
    NewFamily f;
    f.name = name;
    f.team = team;
    f.address.district = "brno-sever";
    auto r = families().create(as(who), f);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->id : 0;
  }

  Result<domain::Person> person(std::int64_t family_id, const std::string& given, const std::string& surname,
                                const std::string& birth, const std::string& role = "child",
                                std::optional<std::string> rc = std::nullopt, const std::string& who = "koord",
                                bool confirm = false) {
    NewPerson p;
    p.family_id = family_id;
    p.fields.role = role;
    p.fields.given_names = given;
    p.fields.surname = surname;
    p.fields.birth_date = birth;
    p.fields.gender = "female";
    if (rc) p.fields.rodne_cislo = rc;
    p.confirm_not_duplicate = confirm;
    return people().create(as(who), p);
  }

  std::int64_t count(const std::string& sql, const storage::Params& p = {}) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql, p)->i64(0);
  }

  ManualClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
};

TEST_P(Registry, FamilyCreateNormalisesAddressAndAuditsReads) {
  NewFamily f;
  f.name = "Čárkovský";
  f.team = "Sever";
  f.address = {"Ulice Vzorová", "12", "Brno-střed", "602 00", 41234567};
  auto r = families().create(as("alena"), f);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->address.district, "brno-stred");
  EXPECT_EQ(r->address.postal_code, "60200");
  EXPECT_EQ(r->status, "referred");
  EXPECT_EQ(r->version, 1);
  ASSERT_TRUE(families().get(as("alena"), r->id).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'family' AND entity_id = $1 AND action = 'read'",
                  {std::to_string(r->id)}),
            1);
}

TEST_P(Registry, FamilyFieldsAreValidated) {
  NewFamily f;
  f.name = "";
  f.team = "Nikde";
  f.address = {"", "", "Praha 1", "6020", -5};
  auto r = families().create(as("koord"), f);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::validation_failed);
  for (auto name : {"name", "team", "address.district", "address.postal_code", "address.kod_adm"})
    EXPECT_TRUE(testing::has_field(r.error(), name)) << name;
}

TEST_P(Registry, WorkerSeesOnlyTheirTeamAndCannotCreateElsewhere) {
  auto id = family("Háčkový", "Sever");
  EXPECT_TRUE(families().get(as("alena"), id).ok());
  auto other = families().get(as("bohus"), id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
  EXPECT_EQ(families().get(as("anna"), id).error().code, ErrorCode::forbidden);
  NewFamily f;
  f.name = "Řádkový";
  f.team = "Sever";
  f.address.district = "brno-jih";
  EXPECT_EQ(families().create(as("bohus"), f).error().code, ErrorCode::forbidden);
  domain::FamilyQuery q;
  auto list = families().list(as("bohus"), q);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
}

TEST_P(Registry, StaleFamilyVersionIsAConflictAndWritesNothing) {
  auto id = family("Vzorový");
  domain::FamilyChanges ch;
  ch.version = 1;
  ch.status = "active";
  ASSERT_TRUE(families().update(as("koord"), id, ch).ok());
  ch.status = "paused";
  auto stale = families().update(as("koord"), id, ch);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  EXPECT_EQ(families().get(as("koord"), id)->status, "active");
}

TEST_P(Registry, ClosingNeedsAReason) {
  auto id = family("Ukázkový");
  domain::FamilyChanges ch;
  ch.version = 1;
  ch.status = "closed";
  auto r = families().update(as("koord"), id, ch);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(testing::has_field(r.error(), "closed_reason"));
  ch.closed_reason = std::optional<std::string>("Rodina se odstěhovala.");
  auto ok = families().update(as("koord"), id, ch);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->closed_reason, "Rodina se odstěhovala.");
}

TEST_P(Registry, FamilyListUsesCzechOrderAndFoldedSearch) {
  for (auto n : {"Žák", "Zeman", "Šťastný", "Straka", "Řezník", "Rybář", "Ivan", "Chalupa", "Hora", "Čech", "Cibulka"})
    family(n);
  domain::FamilyQuery q;
  q.page_size = 100;
  auto r = families().list(as("koord"), q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<std::string> names;
  for (const auto& it : r->items) names.push_back(it.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Cibulka", "Čech", "Hora", "Chalupa", "Ivan", "Rybář", "Řezník", "Straka",
                                             "Šťastný", "Zeman", "Žák"}));
  q.sort = "-name";
  EXPECT_EQ(families().list(as("koord"), q)->items.front().name, "Žák");
  q.sort = "name";
  q.q = "stastny";
  auto found = families().list(as("koord"), q);
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].name, "Šťastný");
  q.q = "ŠŤASTNÝ";
  EXPECT_EQ(families().list(as("koord"), q)->total, 1);
  q.q = "";
  q.page_size = 4;
  q.page = 3;
  auto page3 = families().list(as("koord"), q);
  EXPECT_EQ(page3->total, 11);
  ASSERT_EQ(page3->items.size(), 3u);
  EXPECT_EQ(page3->items[0].name, "Šťastný");
}

TEST_P(Registry, FamilySearchFindsMembersAndCountsThem) {
  auto id = family("Modelový");
  ASSERT_TRUE(person(id, "Šárka", "Modelová", "2018-03-04").ok());
  ASSERT_TRUE(person(id, "Jana", "Modelová", "1990-01-02", "adult").ok());
  domain::FamilyQuery q;
  q.q = "sark";
  auto r = families().list(as("koord"), q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->items[0].members_count, 2);
  EXPECT_EQ(r->items[0].children_count, 1);
  EXPECT_EQ(r->items[0].member_names.size(), 2u);
  q.q = "100%";
  EXPECT_EQ(families().list(as("koord"), q)->total, 0) << "LIKE wildcards in q are literal";
}

TEST_P(Registry, TimelineIsNewestFirstAndRejectsFutureDates) {
  auto id = family("Papírový");
  auto p = person(id, "Ema", "Papírová", "2019-05-05");
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(families().add_contact(as("koord"), id, {"2026-01-10", "phone", "Telefonát.", {}}).ok());
  ASSERT_TRUE(families().add_contact(as("koord"), id, {"2026-03-10", "home_visit", "Návštěva.", {p->id}}).ok());
  auto future = families().add_contact(as("koord"), id, {"2026-12-31", "phone", "Budoucí.", {}});
  EXPECT_TRUE(testing::has_field(future.error(), "date"));
  auto bad = families().add_contact(as("koord"), id, {"2026-01-01", "fax", "", {999999}});
  EXPECT_TRUE(testing::has_field(bad.error(), "type"));
  EXPECT_TRUE(testing::has_field(bad.error(), "summary"));
  EXPECT_TRUE(testing::has_field(bad.error(), "person_ids"));
  auto t = families().timeline(as("koord"), id);
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].date, "2026-03-10");
  EXPECT_EQ((*t)[0].person_ids, std::vector<std::int64_t>{p->id});
}

TEST_P(Registry, PersonValidationIncludingRodneCislo) {
  auto id = family("Cvičný");
  // 1501010006 is not divisible by 11; 1501010005 is, and encodes 2015-01-01.
  auto bad_checksum = person(id, "Filip", "Cvičný", "2015-01-01", "child", "150101/0006");
  EXPECT_TRUE(testing::has_field(bad_checksum.error(), "rodne_cislo"));
  auto wrong_date = person(id, "Filip", "Cvičný", "2015-01-02", "child", "150101/0005");
  EXPECT_TRUE(testing::has_field(wrong_date.error(), "rodne_cislo"));
  auto future = person(id, "Filip", "Cvičný", "2027-01-01");
  EXPECT_TRUE(testing::has_field(future.error(), "birth_date"));
  auto ok = person(id, "Filip", "Cvičný", "2015-01-01", "child", "150101/0005");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->rodne_cislo, "1501010005");
  auto none = person(id, "Čeněk", "Cvičný", "2016-02-02");
  ASSERT_TRUE(none.ok()) << "a birth number is never required";
  EXPECT_FALSE(none->rodne_cislo);
  auto outside = person(id, "Ema", "Cvičná", "2016-02-02", "child", std::nullopt, "bohus");
  EXPECT_TRUE(testing::has_field(outside.error(), "family_id"));
}

TEST_P(Registry, LikelyDuplicatesNeedConfirmation) {
  auto a = family("Pokusný", "Sever");
  auto b = family("Jiný", "Jih");
  ASSERT_TRUE(person(a, "Šimon", "Pokusný", "2017-04-04").ok());
  auto dup = person(b, "Simon", "POKUSNY", "2017-04-04", "child");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::conflict);
  auto detail = nlohmann::json::parse(dup.error().detail_json);
  ASSERT_EQ(detail["candidates"].size(), 1u);
  EXPECT_EQ(detail["candidates"][0]["family_name"], "Pokusný");
  EXPECT_TRUE(person(b, "Simon", "POKUSNY", "2017-04-04", "child", std::nullopt, "koord", true).ok());

  // A birth-number clash in another team: 409 without naming anyone outside the caller's scope.
  ASSERT_TRUE(person(b, "Adéla", "Jiná", "2015-01-01", "child", "1501010005").ok());
  auto clash = person(a, "Anna", "Pokusná", "2015-01-01", "child", "1501010005", "alena");
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::conflict);
  EXPECT_TRUE(nlohmann::json::parse(clash.error().detail_json)["candidates"].empty());
  // The same name and date outside the scope is not revealed.
  EXPECT_TRUE(person(a, "Adéla", "Jiná", "2015-01-01", "child", std::nullopt, "alena").ok());
}

TEST_P(Registry, StalePersonVersionIsAConflict) {
  auto id = family("Obrázkový");
  auto p = person(id, "Eliška", "Obrázková", "2018-08-08");
  domain::PersonFields f;
  f.preferred_name = std::optional<std::string>("Eli");
  auto ok = people().update(as("koord"), p->id, 1, f);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->version, 2);
  auto stale = people().update(as("koord"), p->id, 1, f);
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  // The preferred name is searchable at once.
  domain::PersonQuery q;
  q.q = "eli";
  EXPECT_EQ(people().list(as("koord"), q)->total, 1);
}

TEST_P(Registry, ConsentRulesForChildrenAndRepresentatives) {
  auto id = family("Kartotékový");
  auto child = person(id, "Anna", "Kartotéková", "2018-01-01");
  auto mother = person(id, "Jana", "Kartotéková", "1990-01-01", "adult");
  auto aunt = person(id, "Eva", "Kartotéková", "1985-01-01", "adult");
  ASSERT_TRUE(child.ok() && mother.ok() && aunt.ok());
  domain::NewConsent c{"casework", std::nullopt, "self", std::nullopt, "2026-01-01", "signed_paper", std::nullopt};
  EXPECT_TRUE(testing::has_field(people().add_consent(as("koord"), child->id, c).error(), "given_by"));
  c.given_by = "legal_representative";
  c.representative_id = aunt->id;
  EXPECT_TRUE(testing::has_field(people().add_consent(as("koord"), child->id, c).error(), "representative_id"));
  ASSERT_TRUE(people().add_relationship(as("koord"), child->id, {mother->id, "mother", true}).ok());
  c.representative_id = mother->id;
  c.expires_on = "2025-01-01";
  EXPECT_TRUE(testing::has_field(people().add_consent(as("koord"), child->id, c).error(), "expires_on"));
  c.expires_on.reset();
  c.given_on = "2026-12-01";
  EXPECT_TRUE(testing::has_field(people().add_consent(as("koord"), child->id, c).error(), "given_on"));
  c.given_on = "2026-01-01";
  c.purpose = "school_sharing";
  EXPECT_TRUE(testing::has_field(people().add_consent(as("koord"), child->id, c).error(), "school"));
  c.purpose = "casework";
  auto ok = people().add_consent(as("koord"), child->id, c);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->status, "valid");
  auto self = people().add_relationship(as("koord"), child->id, {child->id, "other", false});
  EXPECT_TRUE(testing::has_field(self.error(), "other_person_id"));
}

TEST_P(Registry, SpecialCategoryNeedsPermissionAndConsentAndDiesWithTheConsent) {
  auto id = family("Smyšlený");
  auto child = person(id, "Adéla", "Smyšlená", "2018-01-01");
  auto mother = person(id, "Jana", "Smyšlená", "1990-01-01", "adult");
  ASSERT_TRUE(people().add_relationship(as("koord"), child->id, {mother->id, "mother", true}).ok());
  domain::NewSpecialItem yes{"roma_minority", "yes", std::nullopt};
  EXPECT_EQ(people().add_special_item(as("koord"), child->id, yes).error().code, ErrorCode::forbidden);
  EXPECT_EQ(people().special_category(as("koord"), child->id).error().code, ErrorCode::forbidden);
  EXPECT_FALSE(people().get(as("koord"), child->id)->special_category.has_value());
  grant_special("koord");
  auto no_consent = people().add_special_item(as("koord"), child->id, yes);
  ASSERT_FALSE(no_consent.ok());
  EXPECT_TRUE(testing::has_field(no_consent.error(), "consent"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM special_category"), 0);
  ASSERT_TRUE(people().add_special_item(as("koord"), child->id, {"disability", "refused", std::nullopt}).ok());
  auto consent = people().add_consent(
      as("koord"), child->id,
      {"special_category", std::nullopt, "legal_representative", mother->id, "2026-02-01", "signed_paper", std::nullopt});
  ASSERT_TRUE(consent.ok()) << consent.error().message;
  auto stored = people().add_special_item(as("koord"), child->id, yes);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->consent_id, consent->id);
  EXPECT_EQ(people().special_category(as("koord"), child->id)->size(), 2u);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read_special' AND entity_id = $1",
                  {std::to_string(child->id)}),
            1);
  auto withdrawn = people().withdraw_consent(as("koord"), consent->id, "Matka souhlas odvolala.");
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->status, "withdrawn");
  auto left = people().special_category(as("koord"), child->id);
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ((*left)[0].value, "refused");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete_special'"), 1);
  EXPECT_EQ(people().withdraw_consent(as("koord"), consent->id, "").error().code, ErrorCode::conflict);
}

TEST_P(Registry, ParticipationDatesAreChecked) {
  auto id = family("Zkušební");
  auto p = person(id, "Jan", "Zkušební", "1988-01-01", "adult");
  domain::ParticipationFields f;
  f.entry_date = "2024-05-01";
  f.exit_date = std::optional<std::string>("2024-04-01");
  auto bad = people().add_participation(as("koord"), p->id, f);
  EXPECT_TRUE(testing::has_field(bad.error(), "exit_date"));
  EXPECT_TRUE(testing::has_field(bad.error(), "exit_reason"));
  f.exit_date.reset();
  auto ok = people().add_participation(as("koord"), p->id, f);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  domain::ParticipationFields exit;
  exit.exit_date = std::optional<std::string>("2025-01-31");
  exit.exit_reason = std::optional<std::string>("Našel práci.");
  auto upd = people().update_participation(as("koord"), ok->id, 1, exit);
  ASSERT_TRUE(upd.ok()) << upd.error().message;
  EXPECT_EQ(upd->version, 2);
  EXPECT_EQ(people().update_participation(as("koord"), ok->id, 1, exit).error().code, ErrorCode::conflict);
}

TEST_P(Registry, MergeMovesRecordsAndUndoRestoresThemWithinThirtyDays) {
  auto id = family("Příkladný");
  auto keep = person(id, "Kryštof", "Příkladný", "2016-06-06");
  auto dup = person(id, "Krystof", "Prikladny", "2016-06-06", "child", std::nullopt, "koord", true);
  auto mother = person(id, "Jana", "Příkladná", "1990-01-01", "adult");
  ASSERT_TRUE(keep.ok() && dup.ok() && mother.ok());
  ASSERT_TRUE(people().add_relationship(as("koord"), dup->id, {mother->id, "mother", true}).ok());
  domain::ParticipationFields f;
  f.entry_date = "2024-01-01";
  ASSERT_TRUE(people().add_participation(as("koord"), dup->id, f).ok());
  EXPECT_EQ(gdpr().merge(as("alena"), keep->id, dup->id, 1).error().code, ErrorCode::forbidden);
  EXPECT_EQ(gdpr().merge(as("koord"), keep->id, dup->id, 7).error().code, ErrorCode::conflict);
  auto merged = gdpr().merge(as("koord"), keep->id, dup->id, 1);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->relationships.size(), 1u);
  EXPECT_EQ(merged->participation.size(), 1u);
  EXPECT_EQ(people().get(as("koord"), dup->id).error().code, ErrorCode::not_found);
  auto list = gdpr().merges(as("koord"));
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().undo_until, format_utc(clock_.now() + 30 * 86400));
  auto undone = gdpr().undo_merge(as("koord"), list->front().id);
  ASSERT_TRUE(undone.ok()) << undone.error().message;
  EXPECT_EQ(people().get(as("koord"), dup->id)->participation.size(), 1u);
  EXPECT_TRUE(people().get(as("koord"), keep->id)->participation.empty());
  EXPECT_EQ(gdpr().undo_merge(as("koord"), list->front().id).error().code, ErrorCode::conflict);

  auto again = gdpr().merge(as("koord"), keep->id, dup->id, people().get(as("koord"), keep->id)->version);
  ASSERT_TRUE(again.ok());
  clock_.advance(31 * 86400);
  EXPECT_EQ(gdpr().undo_merge(as("koord"), gdpr().merges(as("koord"))->front().id).error().code, ErrorCode::conflict);
}

TEST_P(Registry, AnonymisationWaitsForRetentionAndLegalHold) {
  auto id = family("Vymyšlený");
  auto p = person(id, "Matěj", "Vymyšlený", "2016-06-06", "child", "1606060005");
  ASSERT_TRUE(p.ok()) << p.error().message;
  auto held = gdpr().anonymise(as("koord"), p->id);
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().code, ErrorCode::conflict);
  EXPECT_NE(held.error().message.find("2035-09-30"), std::string::npos) << held.error().message;
  EXPECT_TRUE(gdpr().retention_candidates(as("koord"))->empty());
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('retention_years_after_project_end', '0', 'x')");
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('project_end', '2025-09-30', 'x')");
    tx->exec("UPDATE families SET legal_hold = 1 WHERE id = $1", {id});
    tx->commit();
  }
  EXPECT_EQ(gdpr().anonymise(as("koord"), p->id).error().code, ErrorCode::conflict) << "legal hold";
  EXPECT_TRUE(gdpr().retention_candidates(as("koord"))->empty());
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("UPDATE families SET legal_hold = 0 WHERE id = $1", {id});
    tx->commit();
  }
  EXPECT_EQ(gdpr().anonymise(as("alena"), p->id).error().code, ErrorCode::forbidden);
  ASSERT_EQ(gdpr().retention_candidates(as("koord"))->size(), 1u);
  auto n = gdpr().apply_retention(as("koord"));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  auto after = people().get(as("koord"), p->id);
  EXPECT_EQ(after->given_names, "Anonymizováno");
  EXPECT_EQ(after->surname, "Anonymizováno");
  EXPECT_FALSE(after->rodne_cislo);
  EXPECT_EQ(after->birth_date, "2016-01-01");
  EXPECT_EQ(families().get(as("koord"), id)->name, "Anonymizováno");
  domain::FamilyQuery q;
  q.q = "vymysleny";
  EXPECT_EQ(families().list(as("koord"), q)->total, 0);
}

TEST_P(Registry, ExportHoldsTheRecordContactsAndAudit) {
  auto id = family("Ťapkový");
  auto p = person(id, "Robin", "Ťapkový", "2017-07-07");
  ASSERT_TRUE(families().add_contact(as("koord"), id, {"2026-02-02", "meeting", "Schůzka.", {p->id}}).ok());
  auto e = gdpr().export_person(as("alena"), p->id);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->person.given_names, "Robin");
  ASSERT_EQ(e->contacts.size(), 1u);
  EXPECT_FALSE(e->person.special_category) << "alena has no special-category permission";
  EXPECT_TRUE(std::any_of(e->audit.begin(), e->audit.end(), [](const auto& a) { return a.action == "export"; }));
  EXPECT_EQ(gdpr().export_person(as("bohus"), p->id).error().code, ErrorCode::not_found);
}

TEST_P(Registry, FamilyListFiltersByDistrictKeyworkerAndStatus) {
  NewFamily f;
  f.name = "Šablonový";
  f.team = "Sever";
  f.address.district = "Brno-Líšeň";
  f.keyworker_id = as("alena").user_id;
  f.status = "active";
  ASSERT_TRUE(families().create(as("koord"), f).ok());
  family("Žánrový");
  domain::FamilyQuery q;
  q.district = "brno-lisen";
  auto r = families().list(as("koord"), q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->items[0].keyworker->username, "alena");
  q.district = "Brno-Líšeň";
  EXPECT_EQ(families().list(as("koord"), q)->total, 1) << "the district's name works as well as its code";
  q.district.clear();
  q.worker = "alena";
  EXPECT_EQ(families().list(as("koord"), q)->total, 1);
  q.worker.clear();
  q.status = "referred";
  auto referred = families().list(as("koord"), q);
  ASSERT_EQ(referred->total, 1);
  EXPECT_EQ(referred->items[0].name, "Žánrový");
  q.status = "gone";
  EXPECT_EQ(families().list(as("koord"), q).error().code, ErrorCode::validation_failed);
  q.status.clear();
  q.sort = "-updated";
  EXPECT_EQ(families().list(as("koord"), q)->items.size(), 2u);
  EXPECT_EQ(families().list(as("anna"), q).error().code, ErrorCode::forbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, Registry, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo
