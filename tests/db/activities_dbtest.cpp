// Activities against both databases: attendance replacement, support hours (the SQL aggregation
// agrees with rules::counted_support_minutes), idempotent sessions (ON CONFLICT), drifting away
// (window function), framework versions and cohort progress, observation consent checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/registry_access.hpp"
#include "rules/support_hours.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using domain::ActivityFields;
using security::Actor;

class Activities : public ::testing::TestWithParam<std::string> {
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
    domain::NewFamily f;
    f.name = "Háčkový";
    f.team = "Sever";
    f.address.district = "brno-sever";
    auto fam = db_->app().services().families.create(as("koord"), f);
    ASSERT_TRUE(fam.ok()) << fam.error().message;
    for (auto [given, role] : {std::pair{"Šárka", "child"}, std::pair{"Čeněk", "child"}, std::pair{"Jana", "adult"}}) {
      domain::NewPerson p;
      p.family_id = fam->id;
      p.fields.role = role;
      p.fields.given_names = given;
      p.fields.surname = "Háčková";
      p.fields.birth_date = std::string(role) == "child" ? "2019-03-04" : "1990-01-02";
      p.fields.gender = "female";
      auto r = db_->app().services().people.create(as("koord"), p);
      ASSERT_TRUE(r.ok()) << r.error().message;
      people_.push_back(r->id);
    }
  }
  domain::ActivityService& activities() { return db_->app().services().activities; }
  domain::CompetenceService& competences() { return db_->app().services().competences; }
  domain::ObservationService& observations() { return db_->app().services().observations; }
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

  std::int64_t count(const std::string& sql, const storage::Params& p = {}) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql, p)->i64(0);
  }

  ManualClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
  std::vector<std::int64_t> people_;  // two children, their mother
};

TEST_P(Activities, AttendanceReplacesAndSupportHoursAgreeWithTheRule) {
  const std::int64_t club = activity("child_group", "2025-03-04", "16:00", "17:30", {people_[0], people_[1]});
  const std::int64_t trip = activity("trip", "2025-05-10", "08:00", "18:00", {people_[0], people_[2]});
  using R = domain::AttendanceRecord;
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(activities().put_attendance(as("alena"), club, {R{people_[0], "present", {}}, R{people_[1], "present", 40}}).ok());
  ASSERT_TRUE(activities().put_attendance(as("alena"), trip, {R{people_[0], "present", 200}, R{people_[2], "excused", {}}}).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 4);
  auto bad = activities().put_attendance(as("alena"), club, {R{people_[0], "absent", {}}, R{people_[2], "present", {}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(testing::has_field(bad.error(), "records[1].person_id"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE status = 'present'"), 3);

  auto h = activities().support_hours(as("alena"), people_[0], "", "");
  ASSERT_TRUE(h.ok()) << h.error().message;
  const std::int64_t expected = rules::counted_support_minutes({rules::AttendanceStatus::present, {}, 90, {}}) +
                                rules::counted_support_minutes({rules::AttendanceStatus::present, 200, 600, 360});
  EXPECT_EQ(h->minutes, expected);
  EXPECT_EQ(h->minutes, 90 + 120);
  EXPECT_EQ(h->minutes_by_type.at("trip"), 120);
  auto all = activities().support_minutes_all("", "");
  std::map<std::int64_t, std::int64_t> by_person(all.begin(), all.end());
  EXPECT_EQ(by_person[people_[0]], 210);
  EXPECT_EQ(by_person[people_[1]], 40);
  EXPECT_EQ(by_person.count(people_[2]) ? by_person[people_[2]] : 0, 0);
  EXPECT_FALSE(activities().support_hours(as("bohus"), people_[0], "", "").ok());
}

TEST_P(Activities, SessionsAreCreatedOnceAndStaleVersionsConflict) {
  domain::GroupFields g;
  g.name = "Úterní klub";
  g.type = "child_group";
  g.weekday = 2;
  g.start = "16:00";
  g.end = "17:30";
  g.valid_from = "2025-01-01";
  g.member_ids = std::vector<std::int64_t>{people_[0], people_[1]};
  auto group = activities().create_group(as("alena"), g);
  ASSERT_TRUE(group.ok()) << group.error().message;
  auto a = activities().generate_sessions(as("alena"), group->id, "2025-03-01", "2025-03-31");
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->created.size(), 4u);
  auto b = activities().generate_sessions(as("alena"), group->id, "2025-03-01", "2025-03-31");
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_TRUE(b->created.empty());
  EXPECT_EQ(b->existing, a->created);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities WHERE group_id = $1", {group->id}), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id "
                  "WHERE a.group_id = $1",
                  {group->id}),
            8);
  ActivityFields ch;
  ch.notes = std::optional<std::string>("Poznámka");
  ASSERT_TRUE(activities().update(as("alena"), a->created[0], 1, ch).ok());
  auto stale = activities().update(as("alena"), a->created[0], 1, ch);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::conflict);
  auto sheet = activities().group_month_sheet(as("alena"), group->id, "2025-03");
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->sessions.size(), 4u);
  EXPECT_EQ(sheet->people.size(), 2u);
  EXPECT_FALSE(activities().get_group(as("bohus"), group->id).ok());
}

TEST_P(Activities, DriftingAwayAfterThreeMissedMeetings) {
  using R = domain::AttendanceRecord;
  for (const char* date : {"2025-01-09", "2025-01-16", "2025-01-23", "2025-01-30"}) {
    auto id = activity("parent_group", date, "17:00", "18:30", {people_[2]});
    ASSERT_TRUE(activities().put_attendance(as("alena"), id,
                                            {R{people_[2], std::string(date) == "2025-01-09" ? "present" : "absent", {}}})
                    .ok());
  }
  auto d = activities().drifting(as("alena"), "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ((*d)["items"].size(), 1u);
  EXPECT_EQ((*d)["items"][0]["person_id"], people_[2]);
  EXPECT_EQ((*d)["items"][0]["last_present"], "2025-01-09");
  EXPECT_EQ((*activities().drifting(as("bohus"), ""))["items"].size(), 0u);
  auto reg = activities().regularity(as("alena"), people_[2], "", "");
  ASSERT_TRUE(reg.ok());
  EXPECT_EQ((*reg)["sessions"], 4);
  EXPECT_EQ((*reg)["present"], 1);
}

TEST_P(Activities, AssessmentsKeepTheirFrameworkVersionAndCohortCounts) {
  domain::NewAssessment a;
  a.person_id = people_[0];
  a.date = "2024-10-01";
  a.levels = {{"names_feelings", 1}, {"works_with_emotions", 1}, {"language", 3}};
  auto first = competences().create_assessment(as("alena"), a);
  ASSERT_TRUE(first.ok()) << first.error().message;
  a.date = "2025-05-01";
  a.levels = {{"names_feelings", 3}, {"works_with_emotions", 2}, {"language", 2}};
  ASSERT_TRUE(competences().create_assessment(as("alena"), a).ok());
  a.person_id = people_[1];
  a.levels = {{"names_feelings", 2}};
  ASSERT_TRUE(competences().create_assessment(as("alena"), a).ok());
  auto cohort = competences().cohort_progress(as("koord"), "children", "", "");
  ASSERT_TRUE(cohort.ok()) << cohort.error().message;
  std::map<std::string, nlohmann::json> by;
  for (const auto& d : (*cohort)["domains"]) by[d["code"]] = d;
  EXPECT_EQ(by["emotions"]["people"], 1);  // the second child has one assessment only
  EXPECT_EQ(by["emotions"]["improved"], 1);
  EXPECT_EQ(by["school_readiness"]["declined"], 1);
  EXPECT_DOUBLE_EQ(by["school_readiness"]["share_improving"].get<double>(), 0.0);
  EXPECT_EQ((*competences().cohort_progress(as("bohus"), "children", "", ""))["domains"][0]["people"], 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM competence_frameworks"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM competence_indicators"), 13);
}

TEST_P(Activities, PublishableQuotesNeedAValidConsent) {
  domain::ObservationFields o;
  o.date = "2025-03-06";
  o.text = "Ve škole jsem se poprvé nebála zeptat.";
  o.is_quote = true;
  o.speaker_role = std::string("parent");
  o.speaker_person_id = std::optional<std::int64_t>(people_[2]);
  o.publishable = true;
  auto refused = observations().create(as("alena"), o);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(testing::has_field(refused.error(), "publishable"));
  domain::NewConsent c;
  c.purpose = "publication";
  c.given_by = "self";
  c.given_on = "2025-03-01";
  c.form = "signed_paper";
  ASSERT_TRUE(db_->app().services().people.add_consent(as("alena"), people_[2], c).ok());
  auto ok = observations().create(as("alena"), o);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  auto quotes = observations().publishable_quotes(as("koord"), "", "");
  ASSERT_TRUE(quotes.ok());
  EXPECT_EQ((*quotes)["items"].size(), 1u);
  EXPECT_FALSE(observations().get(as("bohus"), (*ok)["id"].get<std::int64_t>()).ok());
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'observation'"), 2);
}

// The list's filters (only those asked for go into the statement) and its batched page load, on both
// databases: every combination gives the activities a plain reading of the fields selects, newest first,
// each item equal to the activity read alone; another team's worker sees none of this team's.
TEST_P(Activities, ListFiltersAndPagesEqualAPlainSelection) {
  struct Made {
    std::int64_t id;
    std::string type, date;
    std::vector<std::int64_t> who;
  };
  std::vector<Made> made;
  for (auto [type, date, who] : {std::tuple{"child_group", "2025-03-04", std::vector<std::int64_t>{people_[0], people_[1]}},
                                 std::tuple{"trip", "2025-03-08", std::vector<std::int64_t>{people_[0], people_[2]}},
                                 std::tuple{"child_group", "2025-04-01", std::vector<std::int64_t>{people_[1]}},
                                 std::tuple{"parent_group", "2025-04-15", std::vector<std::int64_t>{people_[2]}}})
    made.push_back({activity(type, date, "10:00", "11:00", who), type, date, who});
  using R = domain::AttendanceRecord;
  ASSERT_TRUE(
      activities().put_attendance(as("alena"), made[0].id, {R{people_[0], "present", {}}, R{people_[1], "absent", {}}}).ok());
  for (const std::string from : {"", "2025-03-05"})
    for (const std::string to : {"", "2025-04-01"})
      for (const std::string type : {"", "child_group", "no_such_type"})
        for (const std::int64_t person : {std::int64_t{0}, people_[1]}) {
          domain::ActivityQuery q;
          q.from = from;
          q.to = to;
          q.type = type;
          if (person) q.person_id = person;
          q.page_size = 2;
          std::vector<std::int64_t> want;
          for (auto it = made.rbegin(); it != made.rend(); ++it)  // made in date order: newest first
            if ((from.empty() || it->date >= from) && (to.empty() || it->date <= to) && (type.empty() || it->type == type) &&
                (!person || std::count(it->who.begin(), it->who.end(), person)))
              want.push_back(it->id);
          const std::string ctx = "from '" + from + "' to '" + to + "' type '" + type + "' person " + std::to_string(person);
          for (const char* who : {"koord", "alena"}) {
            std::vector<std::int64_t> got;
            for (q.page = 1; q.page <= 3; ++q.page) {
              auto page = activities().list(as(who), q);
              ASSERT_TRUE(page.ok()) << page.error().message;
              EXPECT_EQ(page->total, static_cast<std::int64_t>(want.size())) << ctx;
              for (const auto& a : page->items) {
                got.push_back(a.id);
                auto one = activities().get(as(who), a.id);
                ASSERT_TRUE(one.ok());
                EXPECT_EQ(a.topics, one->topics) << ctx;
                EXPECT_EQ(a.worker_ids, one->worker_ids) << ctx;
                EXPECT_EQ(a.attendance_recorded, one->attendance_recorded) << ctx;
                EXPECT_EQ(a.version, one->version) << ctx;
                EXPECT_EQ(a.date, one->date) << ctx;
                EXPECT_EQ(a.type, one->type) << ctx;
                ASSERT_EQ(a.participants.size(), one->participants.size()) << ctx;
                for (std::size_t i = 0; i < a.participants.size(); ++i)
                  EXPECT_EQ(a.participants[i].id, one->participants[i].id) << ctx;
              }
            }
            EXPECT_EQ(got, want) << ctx << " as " << who;
          }
          auto other = activities().list(as("bohus"), q);
          ASSERT_TRUE(other.ok());
          EXPECT_EQ(other->total, 0) << ctx;
        }
  domain::ActivityQuery by_date;
  by_date.from = by_date.to = "2025-03-04";
  auto one = activities().list(as("koord"), by_date);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->items.size(), 1u);
  EXPECT_EQ(one->items[0].attendance_recorded, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, Activities, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo
