// The trigram search index (migration 0009) on both databases: the lists answer exactly what the old
// full scan answered, and every write of names keeps the index right (create, update, merge and undo,
// anonymisation: an anonymised person is not findable by the old name). The audit of list answers goes
// through the group-commit writer: one row per answer, also under concurrency.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>
#include <tuple>

#include "domain/list_cache.hpp"
#include "domain/registry_access.hpp"
#include "domain/search_index.hpp"
#include "security/audit_writer.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using domain::NewFamily;
using domain::NewPerson;
using security::Actor;

class SearchIndex : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    const auto sys = security::system_actor("test");
    auto& users = db_->app().services().users;
    for (auto [name, role, team] : {std::tuple{"alena", "worker", "Sever"}, std::tuple{"bohus", "worker", "Jih"},
                                    std::tuple{"koord", "coordinator", ""}}) {
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

  std::int64_t family(const std::string& name, const std::string& team = "Sever") {
    NewFamily f;
    f.name = name;
    f.team = team;
    f.address.district = "brno-sever";
    auto r = families().create(as("koord"), f);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->id : 0;
  }
  domain::Person person(std::int64_t family_id, const std::string& given, const std::string& surname,
                        const std::string& birth, const std::string& role = "child") {
    NewPerson p;
    p.family_id = family_id;
    p.fields.role = role;
    p.fields.given_names = given;
    p.fields.surname = surname;
    p.fields.birth_date = birth;
    p.fields.gender = "female";
    p.confirm_not_duplicate = true;
    auto r = people().create(as("koord"), p);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : domain::Person{};
  }
  std::int64_t count(const std::string& sql, const storage::Params& p = {}) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql, p)->i64(0);
  }
  std::vector<std::int64_t> family_ids(const std::string& who, const std::string& q) {
    domain::FamilyQuery fq;
    fq.q = q;
    fq.page_size = 100;
    auto r = families().list(as(who), fq);
    EXPECT_TRUE(r.ok());
    std::vector<std::int64_t> ids;
    for (const auto& it : r->items) ids.push_back(it.id);
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), r->total);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  std::vector<std::int64_t> person_ids(const std::string& who, const std::string& q) {
    domain::PersonQuery pq;
    pq.q = q;
    pq.page_size = 100;
    auto r = people().list(as(who), pq);
    EXPECT_TRUE(r.ok());
    std::vector<std::int64_t> ids;
    for (const auto& it : r->items) ids.push_back(it.id);
    EXPECT_EQ(static_cast<std::int64_t>(ids.size()), r->total);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  // What the full scan answers (the semantics before the index), for a coordinator.
  std::vector<std::int64_t> scan(const std::string& table, const std::string& q) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    std::string sql = "SELECT id FROM " + table + " WHERE search_text LIKE $1 ESCAPE '\\'";
    if (table == "people") sql += " AND merged_into IS NULL";
    std::vector<std::int64_t> ids;
    for (const auto& r : tx->query(sql + " ORDER BY id", {domain::folded_like_pattern(q)})) ids.push_back(r.i64(0));
    return ids;
  }
  using Dump = std::vector<std::pair<std::string, std::int64_t>>;
  std::pair<Dump, Dump> dump_index() {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    Dump f, p;
    for (const auto& r : tx->query("SELECT trigram, family_id FROM family_search_trigrams")) f.emplace_back(r.str(0), r.i64(1));
    for (const auto& r : tx->query("SELECT trigram, person_id FROM person_search_trigrams")) p.emplace_back(r.str(0), r.i64(1));
    std::sort(f.begin(), f.end());
    std::sort(p.begin(), p.end());
    return {f, p};
  }
  // The index kept on every write equals one rebuilt from scratch.
  void expect_index_consistent() {
    auto kept = dump_index();
    {
      auto tx = db_->app().db().begin(storage::TxMode::write);
      domain::rebuild_search_indexes(*tx);
      tx->commit();
    }
    auto rebuilt = dump_index();
    EXPECT_EQ(kept.first, rebuilt.first);
    EXPECT_EQ(kept.second, rebuilt.second);
  }

  ManualClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
};

TEST_P(SearchIndex, TrigramsAreCountedInCharacters) {
  EXPECT_EQ(domain::search_trigrams("ab"), std::vector<std::string>{});
  EXPECT_EQ(domain::search_trigrams("abcab"), (std::vector<std::string>{"abc", "bca", "cab"}));
  EXPECT_EQ(domain::search_trigrams("kůň"), std::vector<std::string>{"kůň"});
}

TEST_P(SearchIndex, ListsAnswerExactlyWhatTheFullScanAnswers) {
  auto a = family("Chvostíková");
  person(a, "Šárka", "Chvostíková", "2018-03-04");
  person(a, "Jan", "Chvostík", "1988-01-02", "adult");
  auto b = family("Šťastný", "Jih");
  person(b, "Žofie", "Šťastná", "2019-05-06");
  person(b, "Ondřej", "Šťastný", "2017-05-06");
  auto c = family("Kůň");
  person(c, "Lukáš", "Kůň", "2016-02-02");
  person(c, "Anna", "Nováková", "1990-02-02", "adult");
  for (const char* q : {"chvostik", "CHVOSTÍK", "stastn", "šťastný", "kun", "ku", "a", "", "n c", "100%", "0% n",
                              "ova", "zzz", "ik s", "sarka chvostikova", "jan chvostik"}) {
    EXPECT_EQ(family_ids("koord", q), scan("families", q)) << q;
    EXPECT_EQ(person_ids("koord", q), scan("people", q)) << q;
  }
  // Team scope holds on the indexed path: alena (Sever) does not see the Jih family.
  EXPECT_TRUE(family_ids("alena", "stastny").empty());
  EXPECT_TRUE(person_ids("alena", "stastn").empty());
  EXPECT_EQ(family_ids("bohus", "stastny"), std::vector<std::int64_t>{b});
  EXPECT_EQ(person_ids("bohus", "stastn").size(), 2u);
  EXPECT_TRUE(person_ids("bohus", "chvostik").empty());
  expect_index_consistent();
}

TEST_P(SearchIndex, RenameMergeUndoAndAnonymisationKeepTheIndexRight) {
  auto f = family("Vymyšlený");
  auto p = person(f, "Matěj", "Vymyšlený", "2016-06-06");
  auto dup = person(f, "Matej", "Vymysleny", "2016-06-06");
  EXPECT_EQ(person_ids("koord", "vymysl").size(), 2u);

  // Rename: the old name is gone from both lists, the new one is found.
  domain::PersonFields ch;
  ch.surname = "Smyšlený";
  auto renamed = people().update(as("koord"), p.id, p.version, ch);
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  EXPECT_EQ(person_ids("koord", "smysleny"), std::vector<std::int64_t>{p.id});
  EXPECT_EQ(person_ids("koord", "vymysleny"), std::vector<std::int64_t>{dup.id});
  EXPECT_EQ(family_ids("koord", "smysleny"), std::vector<std::int64_t>{f});
  expect_index_consistent();

  // Merge: the merged-away record leaves the people list; undo brings it back.
  auto merged = gdpr().merge(as("koord"), p.id, dup.id, renamed->version);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_TRUE(person_ids("koord", "matej vymysleny").empty());
  EXPECT_EQ(person_ids("koord", "matej"), std::vector<std::int64_t>{p.id});
  auto merges = gdpr().merges(as("koord"));
  ASSERT_TRUE(merges.ok() && !merges->empty());
  ASSERT_TRUE(gdpr().undo_merge(as("koord"), merges->front().id).ok());
  EXPECT_EQ(person_ids("koord", "matej vymysleny"), std::vector<std::int64_t>{dup.id});
  expect_index_consistent();

  // Anonymisation: the old names find nothing, in the people list nor in the family list.
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('retention_years_after_project_end', '0', 'x')");
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('project_end', '2025-09-30', 'x')");
    tx->commit();
  }
  ASSERT_TRUE(gdpr().anonymise(as("koord"), p.id).ok());
  ASSERT_TRUE(gdpr().anonymise(as("koord"), dup.id).ok());
  for (const char* q : {"smysleny", "vymysleny", "matej", "smy", "ysl"}) {
    EXPECT_TRUE(person_ids("koord", q).empty()) << q;
    EXPECT_TRUE(family_ids("koord", q).empty()) << q;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_search_trigrams WHERE person_id = $1 AND trigram = 'smy'", {p.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM family_search_trigrams WHERE family_id = $1 AND trigram = 'vym'", {f}), 0);
  expect_index_consistent();
}

TEST_P(SearchIndex, EveryListAnswerIsAuditedAlsoWhenAnswersArriveTogether) {
  family("Souběžný");
  const auto before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'list'");
  constexpr int kThreads = 8, kEach = 5;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (t % 2 == 0) {
          domain::FamilyQuery q;
          q.q = "soubezny";
          EXPECT_EQ(families().list(as("koord"), q)->total, 1);
        } else {
          domain::PersonQuery q;
          q.q = "nikdo";
          EXPECT_EQ(people().list(as("koord"), q)->total, 0);
        }
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list'") - before, kThreads * kEach);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity = 'family' AND actor = 'koord'"),
            kThreads / 2 * kEach);
}

TEST_P(SearchIndex, GroupCommitWriterCommitsEveryRowAndReportsFailures) {
  security::AuditWriter writer;
  auto& db = db_->app().db();
  const auto before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'probe'");
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) writer.write(db, as("koord"), {"probe", "family", "", ""}, clock_.now());
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'probe'") - before, 60);
  EXPECT_GE(writer.batches(), 1u);
  EXPECT_LE(writer.batches(), 60u);
  // A batch that cannot be committed fails every caller in it: the answer is never sent unaudited.
  struct BrokenDb : storage::Database {
    std::unique_ptr<storage::Transaction> begin(storage::TxMode) override {
      throw storage::DbError(storage::DbErrorKind::connection, "disk gone");
    }
    storage::Dialect dialect() const override { return storage::Dialect::sqlite; }
    void backup_to(const std::string&) override {}
  } broken;
  security::AuditWriter failing;
  const security::AuditEvent probe{"probe", "family", "", ""};
  EXPECT_THROW(failing.write(broken, as("koord"), probe, clock_.now()), storage::DbError);
  EXPECT_THROW(failing.write(broken, as("koord"), probe, clock_.now()), storage::DbError);
}

std::int64_t generation(storage::Database& db) {
  auto tx = db.begin(storage::TxMode::read);
  return domain::registry_generation(*tx);
}

TEST_P(SearchIndex, RegistryGenerationMovesWithEveryChangeOfWhatListsShow) {
  auto& db = db_->app().db();
  auto g = generation(db);
  auto moved = [&] {
    const auto now = generation(db);
    const bool m = now != g;
    g = now;
    return m;
  };
  const auto f = family("Generační");
  EXPECT_TRUE(moved()) << "family created";
  EXPECT_FALSE(moved()) << "nothing changed";
  auto p = person(f, "Ema", "Generační", "2019-01-01");
  EXPECT_TRUE(moved()) << "person created";
  domain::PersonFields ch;
  ch.given_names = "Emilie";
  ASSERT_TRUE(people().update(as("koord"), p.id, p.version, ch).ok());
  EXPECT_TRUE(moved()) << "person renamed";
  // Reads, their audit rows and other tables leave it alone.
  family_ids("koord", "generacni");
  EXPECT_FALSE(moved()) << "a list and its audit row";
  {
    auto tx = db.begin(storage::TxMode::write);
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', 'x')");
    tx->commit();
  }
  EXPECT_FALSE(moved()) << "a setting";
  for (const char* sql : {"UPDATE teams SET name = name || '' WHERE name = 'Sever'",
                          "UPDATE users SET active = active WHERE username = 'bohus'",
                          "DELETE FROM people WHERE id = (SELECT MAX(id) FROM people)"}) {
    auto tx = db.begin(storage::TxMode::write);
    tx->exec("DELETE FROM person_search_trigrams WHERE person_id = (SELECT MAX(id) FROM people)");
    tx->exec(sql);
    tx->commit();
    EXPECT_TRUE(moved()) << sql;
  }
  // A rolled-back change leaves it alone.
  {
    auto tx = db.begin(storage::TxMode::write);
    tx->exec("UPDATE families SET name = 'Jiný' WHERE id = $1", {f});
  }
  EXPECT_FALSE(moved()) << "rolled back";
}

TEST_P(SearchIndex, CachedListAnswersFollowEveryChangeAndKeepTheScope) {
  const auto sever = family("Zásobník");
  const auto jih = family("Zásobníková", "Jih");
  auto names = [&](const std::string& who) {
    domain::FamilyQuery q;
    q.q = "zasobnik";
    auto r = families().list(as(who), q);
    EXPECT_TRUE(r.ok());
    std::vector<std::string> out;
    for (const auto& it : r->items) out.push_back(it.name);
    return out;
  };
  const auto audited = count("SELECT COUNT(*) FROM audit_log WHERE action = 'list'");
  EXPECT_EQ(names("koord"), (std::vector<std::string>{"Zásobník", "Zásobníková"}));
  EXPECT_EQ(names("koord"), (std::vector<std::string>{"Zásobník", "Zásobníková"}));
  // The same query in another scope is another answer.
  EXPECT_EQ(names("alena"), std::vector<std::string>{"Zásobník"});
  EXPECT_EQ(names("bohus"), std::vector<std::string>{"Zásobníková"});
  EXPECT_EQ(names("alena"), std::vector<std::string>{"Zásobník"});
  // Every answer is audited, cached or not.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list'") - audited, 5);

  // A change through the service shows at once.
  auto fam = families().get(as("koord"), sever);
  ASSERT_TRUE(fam.ok());
  domain::FamilyChanges ch;
  ch.version = fam->version;
  ch.name = "Zásobníkový";
  ASSERT_TRUE(families().update(as("koord"), sever, ch).ok());
  EXPECT_EQ(names("alena"), std::vector<std::string>{"Zásobníkový"});
  // So does one written by another process (plain SQL, no service involved), and a member's new name.
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("UPDATE families SET team_id = (SELECT id FROM teams WHERE name = 'Sever') WHERE id = $1", {jih});
    tx->commit();
  }
  EXPECT_EQ(names("bohus"), std::vector<std::string>{});
  EXPECT_EQ(names("alena"), (std::vector<std::string>{"Zásobníková", "Zásobníkový"}));
  person(sever, "Oto", "Zásobníček", "2020-02-02");
  domain::FamilyQuery q;
  q.q = "zasobnik";
  auto page = families().list(as("alena"), q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[1].id, sever);
  EXPECT_EQ(page->items[1].member_names, std::vector<std::string>{"Oto Zásobníček"});
  domain::PersonQuery pq;
  pq.q = "zasobnicek";
  EXPECT_EQ(people().list(as("alena"), pq)->total, 1);
  EXPECT_EQ(people().list(as("bohus"), pq)->total, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchIndex, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo
