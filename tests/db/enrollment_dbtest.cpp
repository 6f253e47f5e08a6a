// Enrollment cases, stage events, generated tasks, the funnel and calendar feeds against both
// databases: catchment lookup, scope, optimistic concurrency, audit, late appeals, task sync.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "domain/enrollment.hpp"
#include "domain/tasks.hpp"
#include "security/crypto.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using security::Actor;

// Sat 28 Nov 2026, 12:00 UTC: the Brno week runs Mon 23 – Sun 29 Nov.
constexpr std::int64_t kNoon = 1795867200;

class Enrollment : public ::testing::TestWithParam<std::string> {
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
    auto& schools = db_->app().services().schools;
    auto add_school = [&](const char* izo, const char* name, const char* type, double share) {
      domain::SchoolInput in;
      in.izo = izo;
      in.name = name;
      in.type = type;
      auto s = schools.create(sys, in);
      EXPECT_TRUE(s.ok()) << s.error().message;
      domain::NewComposition c;
      c.school_year = 2026;
      c.roma_share = share;
      c.source = "test";
      c.estimated_on = "2026-02-01";
      c.confidence = "low";
      EXPECT_TRUE(schools.add_composition(sys, s->school.id, c).ok());
      return s->school.id;
    };
    open_ = add_school("999100001", "ZŠ Otevřená (test)", "zs", 0.05);
    segregated_ = add_school("999100002", "ZŠ Oddělená (test)", "zs", 0.8);
    ms_ = add_school("999100003", "MŠ Malá (test)", "ms", 0.1);
    {
      auto tx = db_->app().db().begin(storage::TxMode::write);
      tx->exec("INSERT INTO addresses (kod_adm, kod_obce, nazev_obce) VALUES (9990101, 582786, 'Brno')");
      tx->exec("INSERT INTO catchments (kod_adm, level, school_id) VALUES (9990101, 'zs', $1)", {segregated_});
      tx->commit();
    }
    domain::NewFamily f;
    f.name = "Vzorová";
    f.team = "Sever";
    f.address.district = "brno-sever";
    f.address.kod_adm = 9990101;
    f.keyworker_id = as("alena").user_id;
    auto fam = db_->app().services().families.create(as("koord"), f);
    ASSERT_TRUE(fam.ok()) << fam.error().message;
    child_ = person(fam->id, "Ema", "2020-05-05", "child");
    adult_ = person(fam->id, "Jana", "1990-01-01", "adult");
  }

  std::int64_t person(std::int64_t family_id, const std::string& given, const std::string& birth,
                      const std::string& role) {
    domain::NewPerson p;
    p.family_id = family_id;
    p.fields.role = role;
    p.fields.given_names = given;
    p.fields.surname = "Vzorová";
    p.fields.birth_date = birth;
    p.fields.gender = "female";
    auto r = db_->app().services().people.create(as("koord"), p);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->id : 0;
  }

  domain::EnrollmentService& enrollment() { return db_->app().services().enrollment; }
  domain::TaskService& tasks() { return db_->app().services().tasks; }
  const Actor& as(const std::string& name) { return actors_.at(name); }

  domain::EnrollmentCase new_case(std::vector<std::int64_t> targets = {}) {
    domain::NewEnrollmentCase n;
    n.person_id = child_;
    n.school_year = 2026;
    n.level = "zs";
    n.target_school_ids = std::move(targets);
    auto r = enrollment().create(as("alena"), n);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return *r;
  }

  Result<domain::StageRecorded> stage(domain::EnrollmentCase& c, domain::StageInput in) {
    in.version = c.version;
    auto r = enrollment().record_stage(as("alena"), c.id, in);
    if (r.ok()) c = r->enrollment;
    return r;
  }

  static domain::StageInput at(const std::string& stage, const std::string& date) {
    domain::StageInput in;
    in.stage = stage;
    in.date = date;
    return in;
  }

  std::map<std::string, domain::Task> tasks_of(std::int64_t case_id, const std::string& scope = "mine") {
    std::map<std::string, domain::Task> out;
    auto r = tasks().list(as("alena"), {scope});
    EXPECT_TRUE(r.ok());
    for (const auto& t : *r)
      if (t.case_id == case_id) out[t.kind] = t;
    return out;
  }

  std::int64_t count(const std::string& sql) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql)->i64(0);
  }

  ManualClock clock_{kNoon};
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
  std::int64_t open_ = 0, segregated_ = 0, ms_ = 0, child_ = 0, adult_ = 0;
};

TEST_P(Enrollment, CreateLooksUpTheCatchmentAndValidates) {
  auto c = new_case({open_, segregated_});
  ASSERT_TRUE(c.catchment.has_value());
  EXPECT_EQ(c.catchment->id, segregated_);
  ASSERT_EQ(c.targets.size(), 2u);
  EXPECT_EQ(c.targets[0].id, open_);
  EXPECT_EQ(c.stage, "preparation");
  EXPECT_EQ(c.keyworker->username, "alena");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].date, "2026-11-28");
  // The zápis of 2026 is over, the task is overdue and still the keyworker's.
  auto t = tasks_of(c.id, "overdue");
  ASSERT_TRUE(t.count("zapis_window_opens"));
  EXPECT_EQ(t["zapis_window_opens"].due_date, "2026-04-01");

  domain::NewEnrollmentCase dup{child_, 2026, "zs", {}, std::nullopt, false};
  EXPECT_EQ(enrollment().create(as("alena"), dup).error().code, ErrorCode::conflict);
  domain::NewEnrollmentCase adult{adult_, 2026, "zs", {}, std::nullopt, false};
  EXPECT_EQ(enrollment().create(as("alena"), adult).error().fields.at(0).field, "person_id");
  domain::NewEnrollmentCase wrong{child_, 2027, "zs", {ms_}, std::nullopt, false};
  EXPECT_EQ(enrollment().create(as("alena"), wrong).error().fields.at(0).field, "target_school_ids");
  domain::NewEnrollmentCase elsewhere{child_, 2027, "zs", {}, std::nullopt, false};
  EXPECT_EQ(enrollment().create(as("bohus"), elsewhere).error().fields.at(0).field, "person_id");
  EXPECT_EQ(enrollment().create(as("anna"), elsewhere).error().code, ErrorCode::forbidden);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'enrollment_case' AND action = 'create'"), 1);
}

TEST_P(Enrollment, StagesAppealDeadlineAndLateFlag) {
  auto c = new_case({segregated_});
  ASSERT_TRUE(stage(c, at("application_filed", "2026-04-10")).ok());
  EXPECT_TRUE(tasks_of(c.id, "overdue").empty());  // zápis task gone once the application is filed
  auto early = stage(c, [] {
    auto in = at("decision", "2026-04-09");
    in.decision = "not_admitted";
    return in;
  }());
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().fields.at(0).field, "date");
  EXPECT_EQ(c.version, 2);  // nothing written

  auto dec = at("decision", "2026-04-15");
  dec.decision = "not_admitted";
  ASSERT_TRUE(stage(c, dec).ok());
  EXPECT_EQ(c.decision_school->id, segregated_);
  auto del = at("delivery", "2026-04-16");
  del.method = "post";
  ASSERT_TRUE(stage(c, del).ok());
  // Deposited Thu 16 Apr: the 10th day is Sun 26 Apr (disputed shift; the earlier day is used),
  // then 15 days -> Mon 11 May.
  EXPECT_EQ(c.delivered_on, "2026-04-26");
  EXPECT_EQ(c.appeal_deadline, "2026-05-11");
  auto t = tasks_of(c.id);
  ASSERT_TRUE(t.count("appeal_deadline"));
  EXPECT_EQ(t["appeal_deadline"].due_date, "2026-05-11");

  auto ap = at("appeal", "2026-05-12");
  auto late = stage(c, ap);
  ASSERT_TRUE(late.ok());
  ASSERT_EQ(late->warnings.size(), 1u);
  EXPECT_EQ(late->warnings[0].deadline, "2026-05-11");
  EXPECT_TRUE(c.appeal_late);
  EXPECT_EQ(c.stage, "appeal");
  EXPECT_FALSE(tasks_of(c.id).count("appeal_deadline"));

  auto p = enrollment().pathway(as("koord"), c.id);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->pathway.delivery.has_value());
  EXPECT_TRUE(p->pathway.delivery->disputed);
  EXPECT_EQ(p->pathway.delivery->alternative->iso(), "2026-04-27");
  EXPECT_TRUE(p->pathway.appeal_late);

  auto won = at("appeal", "2026-05-12");
  won.outcome = "granted";
  won.outcome_date = "2026-06-01";
  ASSERT_TRUE(stage(c, won).ok());
  EXPECT_EQ(c.enrolled_school_status, "more_than_half");
  EXPECT_EQ(c.enrolled_non_segregated, false);
  EXPECT_EQ(c.events.size(), 6u);
}

TEST_P(Enrollment, ScopeConcurrencyAndTasks) {
  auto c = new_case({open_});
  EXPECT_EQ(enrollment().get(as("bohus"), c.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(enrollment().pathway(as("bohus"), c.id).error().code, ErrorCode::not_found);
  EXPECT_TRUE(enrollment().get(as("koord"), c.id).ok());
  domain::EnrollmentChanges ch;
  ch.version = c.version + 1;
  ch.notes = std::optional<std::string>("x");
  EXPECT_EQ(enrollment().update(as("alena"), c.id, ch).error().code, ErrorCode::conflict);
  ch.version = c.version;
  auto updated = enrollment().update(as("alena"), c.id, ch);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->notes, "x");
  c = *updated;

  auto dec = at("decision", "2026-05-20");
  dec.decision = "admitted";
  ASSERT_TRUE(stage(c, dec).ok());
  EXPECT_EQ(c.enrolled_non_segregated, true);
  ASSERT_TRUE(stage(c, at("started_attending", "2026-08-28")).ok());
  // 3 months after 28 Aug is Sat 28 Nov: this week.
  auto week = tasks_of(c.id, "this_week");
  ASSERT_TRUE(week.count("check_3_months"));
  auto task = week["check_3_months"];
  EXPECT_EQ(task.child_initials, "E. V.");
  EXPECT_EQ(tasks().set_status(as("bohus"), task.id, task.version, "done").error().code, ErrorCode::not_found);
  auto done = tasks().set_status(as("alena"), task.id, task.version, "done");
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(tasks().set_status(as("alena"), task.id, task.version, "open").error().code, ErrorCode::conflict);
  EXPECT_FALSE(tasks_of(c.id, "mine").count("check_3_months"));  // done: not in "mine"
  EXPECT_TRUE(tasks_of(c.id, "this_week").count("check_3_months"));  // still shown this week

  auto list = enrollment().list(as("alena"), {2026, "started_attending", "", open_, 0, 1, 50});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].id, c.id);
  EXPECT_EQ(enrollment().list(as("bohus"), {2026, "", "", 0, 0, 1, 50})->total, 0);

  auto f = enrollment().funnel(as("koord"), 2026, "");
  ASSERT_TRUE(f.ok());
  std::map<std::string, domain::FunnelCell> cells;
  for (const auto& cell : f->cells) cells[cell.key] = cell;
  EXPECT_EQ(cells["cases"].count, 1);
  EXPECT_EQ(cells["admitted"].count, 1);
  EXPECT_EQ(cells["enrolled_non_segregated"].count, 1);
  EXPECT_EQ(cells["started_attending"].count, 1);
  auto fa = enrollment().funnel(as("anna"), 2026, "");
  for (const auto& cell : fa->cells) {
    if (cell.key == "cases") {
      EXPECT_TRUE(cell.suppressed);
    }
  }
}

TEST_P(Enrollment, CalendarFeedTokensAreHashedRotatedAndRevoked) {
  auto c = new_case();
  auto feed = tasks().rotate_feed(as("alena"));
  ASSERT_TRUE(feed.ok());
  const std::string token = *feed->token;
  EXPECT_EQ(count("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = '" + security::sha256_hex(token) + "'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = '" + token + "'"), 0);
  auto ics = tasks().feed_ics(token);
  ASSERT_TRUE(ics.ok());
  EXPECT_NE(ics->find("SUMMARY:E. V. – Začíná zápis"), std::string::npos) << *ics;
  EXPECT_NE(ics->find("UID:task-"), std::string::npos);
  EXPECT_EQ(ics->find("Vzorová"), std::string::npos);
  auto again = tasks().rotate_feed(as("alena"));
  EXPECT_EQ(tasks().feed_ics(token).error().code, ErrorCode::not_found);
  EXPECT_TRUE(tasks().feed_ics(*again->token).ok());
  EXPECT_TRUE(tasks().revoke_feed(as("alena")).ok());
  EXPECT_EQ(tasks().feed_ics(*again->token).error().code, ErrorCode::not_found);
  EXPECT_FALSE(tasks().feed_status(as("alena"))->active);
  (void)c;
}

INSTANTIATE_TEST_SUITE_P(Backends, Enrollment, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kredo
