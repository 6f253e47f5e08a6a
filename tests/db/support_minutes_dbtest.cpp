// The monthly support-minutes aggregate (migration 0012, support_minutes_monthly) on both databases:
// after every kind of write that changes attendance or what it counts (roll-call save and resend,
// partial minutes, participants removed, session edits of date / duration / type, a type's
// conversion rule, person merge and its undo, anonymisation, the demo load) the table equals a raw
// recomputation from attendance, and the support indicators (P_SUPPORT_HOURS, SUPPORTED) over
// periods with and without month-aligned boundaries equal the engine's raw computation (the same
// definitions with the aggregate absent).
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "app/application.hpp"
#include "reports/indicators.hpp"
#include "reports/report_service.hpp"
#include "rules/support_hours.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using domain::ActivityFields;
using R = domain::AttendanceRecord;
using security::Actor;

using AggRow = std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t, std::int64_t>;

constexpr const char* kAggregate =
    "SELECT person_id, type_id, month, minutes, sessions FROM support_minutes_monthly "
    "ORDER BY person_id, type_id, month";
// The raw recomputation: the backfill's query of migration 0012.
constexpr const char* kRaw =
    "SELECT at.person_id, a.type_id, substr(a.date, 1, 7), "
    "SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes) "
    "WHEN t.counted_minutes IS NULL THEN at.minutes ELSE at.minutes * t.counted_minutes / a.duration_minutes END), "
    "COUNT(*) FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN activity_types t ON t.id = a.type_id "
    "WHERE at.status = 'present' GROUP BY at.person_id, a.type_id, substr(a.date, 1, 7) "
    "ORDER BY at.person_id, a.type_id, substr(a.date, 1, 7)";

// Periods that start or end inside a month, span one or two partial months, align with months, or are empty.
const std::vector<std::pair<std::string, std::string>> kPeriods{
    {"2023-10-01", "2025-09-30"}, {"2024-01-15", "2024-03-14"}, {"2024-02-01", "2024-02-29"},
    {"2024-02-02", "2024-02-28"}, {"2024-01-31", "2024-03-01"}, {"2024-02-15", "2024-03-31"},
    {"2024-01-01", "2024-02-15"}, {"2024-02-29", "2024-02-29"}, {"2024-02-10", "2024-02-05"},
    {"2024-03-01", "2024-03-31"}};

class SupportMinutes : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam(), &clock_);
    const auto sys = security::system_actor("test");
    auto& users = db_->app().services().users;
    for (auto [name, role, team] : {std::tuple{"alena", "worker", "Sever"}, std::tuple{"koord", "coordinator", ""}}) {
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
    domain::NewFamily f;
    f.name = "Smyšlený";
    f.team = "Sever";
    f.address.district = "brno-sever";
    auto fam = db_->app().services().families.create(as("koord"), f);
    ASSERT_TRUE(fam.ok()) << fam.error().message;
    family_ = fam->id;
    for (auto [given, role, gender] : {std::tuple{"Eliška", "child", "female"}, std::tuple{"Filip", "child", "male"},
                                       std::tuple{"Gita", "adult", "female"}, std::tuple{"Elishka", "child", "female"}}) {
      domain::NewPerson p;
      p.family_id = fam->id;
      p.fields.role = role;
      p.fields.given_names = given;
      p.fields.surname = "Smyšlená";
      p.fields.birth_date = std::string(role) == "child" ? "2018-03-04" : "1990-01-02";
      p.fields.gender = gender;
      p.confirm_not_duplicate = true;
      auto r = db_->app().services().people.create(as("koord"), p);
      ASSERT_TRUE(r.ok()) << r.error().message;
      people_.push_back(r->id);
      domain::ParticipationFields pf;
      pf.entry_date = "2024-01-10";
      ASSERT_TRUE(db_->app().services().people.add_participation(as("koord"), r->id, pf).ok());
    }
  }

  domain::ActivityService& activities() { return db_->app().services().activities; }
  const Actor& as(const std::string& name) { return actors_.at(name); }

  std::int64_t activity(const std::string& type, const std::string& date, const std::string& start,
                        const std::string& end, std::vector<std::int64_t> who) {
    ActivityFields a;
    a.type = type;
    a.date = date;
    a.start = start;
    a.end = end;
    a.participant_ids = std::move(who);
    auto r = activities().create(as("alena"), a);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r->id : 0;
  }

  std::int64_t version_of(std::int64_t activity_id) { return activities().get(as("koord"), activity_id)->version; }

  std::vector<AggRow> rows(const char* sql) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    std::vector<AggRow> out;
    for (const auto& r : tx->query(sql)) out.emplace_back(r.i64(0), r.i64(1), r.str(2), r.i64(3), r.i64(4));
    return out;
  }

  static std::string show(const reports::IndicatorValue& v) {
    std::string s = v.code + " value " + std::to_string(v.value) + " ids";
    for (auto id : v.ids) s += " " + std::to_string(id);
    for (const auto& [k, x] : v.breakdown) s += " " + k + "=" + std::to_string(x);
    return s;
  }

  // The support indicators from the aggregate equal the same definitions computed with the
  // aggregate absent (dropped inside a transaction that is rolled back): the raw computation.
  void expect_indicators_exact(const std::string& when) {
    reports::EngineSettings settings;
    settings.supported_threshold_minutes = 150;  // small, so that the threshold splits these few people
    const std::vector<std::string> codes{"P_SUPPORT_HOURS", "SUPPORTED"};
    for (const auto& [from, to] : kPeriods) {
      auto tx = db_->app().db().begin(storage::TxMode::write);
      auto fast = reports::compute_indicators(*tx, from, to, settings, codes);
      tx->exec("DROP TABLE support_minutes_monthly");
      auto raw = reports::compute_indicators(*tx, from, to, settings, codes);
      ASSERT_EQ(fast.size(), raw.size());
      for (std::size_t i = 0; i < fast.size(); ++i) {
        EXPECT_EQ(fast[i].status, "ok") << fast[i].reason;
        EXPECT_EQ(show(fast[i]), show(raw[i])) << when << ", period " << from << " – " << to;
        EXPECT_EQ(fast[i].value, raw[i].value) << when << ", period " << from << " – " << to;
        EXPECT_EQ(fast[i].breakdown, raw[i].breakdown) << when << ", period " << from << " – " << to;
        EXPECT_EQ(fast[i].ids, raw[i].ids) << when << ", period " << from << " – " << to;
      }
    }  // rolled back: the table is still there
  }

  // The dashboard's attendance per month and the support-hours summary read the same aggregate; both are
  // answered through domain::AggregateCache, so this also proves each write moved the data generation.
  void expect_summaries_exact(const std::string& when) {
    using Month = std::tuple<std::string, std::int64_t, std::int64_t>;
    for (const auto& [from, to] : kPeriods) {
      const std::string ctx = when + ", period " + from + " – " + to;
      auto dash = db_->app().services().reports.dashboard(as("koord"), from, to);
      auto summary = activities().support_summary(as("koord"), from, to);
      if (to < from) {
        EXPECT_FALSE(dash.ok()) << ctx;
        continue;
      }
      ASSERT_TRUE(dash.ok()) << dash.error().message;
      ASSERT_TRUE(summary.ok()) << summary.error().message;
      std::vector<Month> got, raw;
      for (const auto& m : (**dash)["attendance"]["months"])
        got.emplace_back(m["month"].get<std::string>(), m["sessions"].get<std::int64_t>(), m["present"].get<std::int64_t>());
      auto tx = db_->app().db().begin(storage::TxMode::read);
      for (const auto& r : tx->query("SELECT substr(a.date, 1, 7), COUNT(DISTINCT a.id), SUM(CASE WHEN at.status = "
                                     "'present' THEN 1 ELSE 0 END) FROM activities a LEFT JOIN attendance at ON "
                                     "at.activity_id = a.id WHERE a.date >= $1 AND a.date <= $2 "
                                     "GROUP BY substr(a.date, 1, 7) ORDER BY 1",
                                     {from, to}))
        raw.emplace_back(r.str(0), r.i64(1), r.is_null(2) ? 0 : r.i64(2));
      EXPECT_EQ(got, raw) << ctx;
      std::int64_t with_support = 0, minutes = 0;
      for (const auto& r : tx->query(std::string("SELECT at.person_id, SUM(") + domain::kCountedMinutesSql +
                                         ") FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN "
                                         "activity_types t ON t.id = a.type_id WHERE at.status = 'present' AND "
                                         "a.date >= $1 AND a.date <= $2 GROUP BY at.person_id",
                                     {from, to})) {
        if (r.i64(1) > 0) ++with_support;
        minutes += r.i64(1);
      }
      EXPECT_EQ((*summary)["participants_with_support"], with_support) << ctx;
      EXPECT_EQ((*summary)["hours"], rules::minutes_to_hours(minutes)) << ctx;
    }
  }

  void expect_exact(const std::string& when) {
    EXPECT_EQ(rows(kAggregate), rows(kRaw)) << when;
    expect_indicators_exact(when);
    expect_summaries_exact(when);
  }

  ManualClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
  std::int64_t family_ = 0;
  std::vector<std::int64_t> people_;  // Eliška, Filip, their mother Gita, Elishka (Eliška's duplicate)
};

TEST_P(SupportMinutes, StaysEqualToTheRawAttendanceAfterEveryWrite) {
  const auto eliska = people_[0], filip = people_[1], gita = people_[2], dup = people_[3];
  expect_exact("empty");
  // Sessions on month edges, a trip that counts 6 hours, a parent meeting.
  const std::int64_t jan31 = activity("child_group", "2024-01-31", "16:00", "17:30", {eliska, filip, dup});
  const std::int64_t feb01 = activity("child_group", "2024-02-01", "16:00", "17:30", {eliska, filip, dup});
  const std::int64_t feb15 = activity("child_group", "2024-02-15", "16:00", "18:00", {eliska, filip});
  const std::int64_t trip = activity("trip", "2024-02-29", "08:00", "16:00", {eliska, filip, gita});
  const std::int64_t mar01 = activity("child_group", "2024-03-01", "16:00", "17:00", {eliska, filip, dup});
  const std::int64_t parents = activity("parent_group", "2024-03-31", "17:00", "19:00", {gita});
  const std::int64_t solo = activity("child_individual", "2024-02-20", "10:00", "11:00", {dup});
  expect_exact("sessions without attendance");

  // Roll-call saves, partial minutes, resent (replacing) roll-calls.
  ASSERT_TRUE(activities().put_attendance(as("alena"), jan31, {R{eliska, "present", {}}, R{filip, "present", 45},
                                                                R{dup, "present", {}}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), feb01, {R{eliska, "present", {}}, R{filip, "excused", {}},
                                                                R{dup, "present", 30}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), feb15, {R{eliska, "present", 0}, R{filip, "present", {}}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), trip, {R{eliska, "present", {}}, R{filip, "present", 240},
                                                               R{gita, "present", {}}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), mar01, {R{eliska, "absent", {}}, R{filip, "present", {}},
                                                                R{dup, "present", {}}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), parents, {R{gita, "present", 100}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), solo, {R{dup, "present", {}}}).ok());
  expect_exact("roll-calls saved");
  ASSERT_TRUE(activities().put_attendance(as("alena"), feb15, {R{eliska, "present", 0}, R{filip, "present", {}}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), feb01, {R{eliska, "excused", {}}, R{filip, "present", 20},
                                                                R{dup, "present", {}}}).ok());
  expect_exact("roll-calls resent and changed");
  ASSERT_TRUE(activities().put_attendance(as("alena"), parents, {}).ok());
  expect_exact("a roll-call emptied");
  ASSERT_TRUE(activities().put_attendance(as("alena"), parents, {R{gita, "present", {}}}).ok());

  // Session edits: a date across a month boundary, a shorter duration, another type.
  ActivityFields ch;
  ch.date = "2024-02-01";
  ASSERT_TRUE(activities().update(as("alena"), jan31, version_of(jan31), ch).ok());
  expect_exact("a session moved into the next month");
  ch = {};
  ch.start = "16:00";
  ch.end = "17:00";
  ASSERT_TRUE(activities().update(as("alena"), feb01, version_of(feb01), ch).ok());
  expect_exact("a session shortened");
  ch = {};
  ch.type = "trip";
  ch.date = "2024-01-31";
  ASSERT_TRUE(activities().update(as("alena"), jan31, version_of(jan31), ch).ok());
  expect_exact("a session's type and date changed");
  ch = {};
  ch.participant_ids = std::vector<std::int64_t>{eliska, dup};
  ASSERT_TRUE(activities().update(as("alena"), mar01, version_of(mar01), ch).ok());
  expect_exact("a participant removed with their attendance");
  ch = {};
  ch.notes = std::optional<std::string>("Jen poznámka.");
  ASSERT_TRUE(activities().update(as("alena"), feb15, version_of(feb15), ch).ok());
  expect_exact("a session edit that changes nothing counted");

  // A type's conversion rule.
  ASSERT_TRUE(activities().set_type_rule(as("koord"), "trip", 240).ok());
  expect_exact("the trip rule changed");
  ASSERT_TRUE(activities().set_type_rule(as("koord"), "child_group", 30).ok());
  expect_exact("a rule set for club sessions");
  ASSERT_TRUE(activities().set_type_rule(as("koord"), "child_group", std::nullopt).ok());
  expect_exact("the club rule removed");

  // Merge the duplicate into Eliška (attendance at sessions she did not attend moves), then undo.
  auto& gdpr = db_->app().services().gdpr;
  auto merged = gdpr.merge(as("koord"), eliska, dup, db_->app().services().people.get(as("koord"), eliska)->version);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    EXPECT_EQ(tx->query_one("SELECT person_id FROM attendance WHERE activity_id = $1", {solo})->i64(0), eliska);
  }
  expect_exact("merged");
  auto list = gdpr.merges(as("koord"));
  ASSERT_TRUE(list.ok() && !list->empty());
  auto undone = gdpr.undo_merge(as("koord"), list->front().id);
  ASSERT_TRUE(undone.ok()) << undone.error().message;
  expect_exact("merge undone");

  // Anonymisation after the retention period keeps the attendance (the aggregate stays exact).
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('retention_years_after_project_end', '0', 'x')");
    tx->exec("INSERT INTO settings (key, value, updated_at) VALUES ('project_end', '2025-09-30', 'x')");
    tx->commit();
  }
  auto anon = gdpr.anonymise(as("koord"), filip);
  ASSERT_TRUE(anon.ok()) << anon.error().message;
  expect_exact("anonymised");
  // Something is counted at all (the test is not vacuous).
  EXPECT_GT(rows(kAggregate).size(), 5u);
}

// The backfill of migration 0012 and the demo load (INSERT … SELECT of thousands of rows) agree too.
TEST_P(SupportMinutes, DemoLoadAndBackfillAgree) {
  ASSERT_TRUE(app::load_demo(db_->app(), "small").ok());
  const auto agg = rows(kAggregate);
  EXPECT_FALSE(agg.empty());
  EXPECT_EQ(agg, rows(kRaw));
  {
    // Rebuilt as the migration's backfill does it: the same rows.
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("DELETE FROM support_minutes_monthly");
    tx->exec("INSERT INTO support_minutes_monthly (person_id, type_id, month, minutes, sessions) "
             "SELECT at.person_id, a.type_id, substr(a.date, 1, 7), "
             "SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes) "
             "WHEN t.counted_minutes IS NULL THEN at.minutes ELSE at.minutes * t.counted_minutes / a.duration_minutes "
             "END), COUNT(*) FROM attendance at JOIN activities a ON a.id = at.activity_id "
             "JOIN activity_types t ON t.id = a.type_id WHERE at.status = 'present' "
             "GROUP BY at.person_id, a.type_id, substr(a.date, 1, 7)");
    tx->commit();
  }
  EXPECT_EQ(rows(kAggregate), agg);
  expect_indicators_exact("demo");
}

INSTANTIATE_TEST_SUITE_P(Db, SupportMinutes, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo
