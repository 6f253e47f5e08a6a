// Incidents against both databases: create/update with scope and optimistic concurrency, evidence
// bytes (binary, SHA-256, size limit, types by magic bytes), actions with a computed appeal deadline,
// audit rows, and statistics with small-cell suppression for analysts.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/incidents.hpp"
#include "domain/registry_access.hpp"
#include "security/crypto.hpp"
#include "domain/blob_sql.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using security::Actor;

class Incidents : public ::testing::TestWithParam<std::string> {
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
    auto& s = db_->app().services();
    domain::NewFamily f;
    f.name = "Čárkovští";
    f.team = "Sever";
    f.address.district = "brno-sever";
    auto fam = s.families.create(as("koord"), f);
    ASSERT_TRUE(fam.ok());
    domain::NewPerson p;
    p.family_id = fam->id;
    p.fields.role = "child";
    p.fields.given_names = "Šimon";
    p.fields.surname = "Čárkovský";
    p.fields.birth_date = "2019-10-01";
    p.fields.gender = "male";
    auto child = s.people.create(as("koord"), p);
    ASSERT_TRUE(child.ok());
    child_ = child->id;
    domain::SchoolInput school;
    school.izo = "900000611";
    school.name = "Základní škola Fiktivní";
    school.type = "zs";
    auto zs = s.schools.create(as("koord"), school);
    ASSERT_TRUE(zs.ok());
    school_ = zs->school.id;
  }
  domain::IncidentService& incidents() { return db_->app().services().incidents; }
  const Actor& as(const std::string& name) { return actors_.at(name); }
  std::int64_t count(const std::string& sql, const storage::Params& p = {}) {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    return tx->query_one(sql, p)->i64(0);
  }
  domain::IncidentInput input(const std::string& type = "refused") {
    domain::IncidentInput in;
    in.occurred_on = "2026-09-10";
    in.type = type;
    in.description = "Škola odmítla převzít přihlášku.";
    in.school_id = std::optional<std::int64_t>(school_);
    in.person_ids = std::vector<std::int64_t>{child_};
    return in;
  }

  ManualClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<testing::TestDatabase> db_;
  std::map<std::string, Actor> actors_;
  std::int64_t child_ = 0, school_ = 0;
};

TEST_P(Incidents, CreateReadUpdateWithScopeAndVersion) {
  auto r = incidents().create(as("alena"), input());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->team, "Sever");
  EXPECT_EQ(r->version, 1);
  ASSERT_EQ(r->people.size(), 1u);
  EXPECT_EQ(r->people[0].name, "Šimon Čárkovský");
  EXPECT_EQ(r->school_name, "Základní škola Fiktivní");

  EXPECT_EQ(incidents().get(as("bohus"), r->id).error().code, ErrorCode::not_found);
  EXPECT_EQ(incidents().get(as("anna"), r->id).error().code, ErrorCode::forbidden);
  ASSERT_TRUE(incidents().get(as("koord"), r->id).ok());

  domain::IncidentInput ch;
  ch.status = "closed";
  auto u = incidents().update(as("alena"), r->id, 1, ch);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(u->version, 2);
  EXPECT_EQ(u->status, "closed");
  EXPECT_EQ(incidents().update(as("alena"), r->id, 1, ch).error().code, ErrorCode::conflict);
  EXPECT_EQ(incidents().update(as("bohus"), r->id, 2, ch).error().code, ErrorCode::not_found);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'incident' AND entity_id = $1",
                  {std::to_string(r->id)}),
            3);  // create, read (koord), update

  auto mine = incidents().list(as("alena"), {});
  auto theirs = incidents().list(as("bohus"), {});
  ASSERT_TRUE(mine.ok() && theirs.ok());
  EXPECT_EQ(mine->total, 1);
  EXPECT_EQ(theirs->total, 0);
}

TEST_P(Incidents, ValidationNamesFields) {
  domain::IncidentInput in = input("nonsense");
  in.occurred_on = "2026-12-24";  // after "today" (2026-09-21)
  in.school_id = std::optional<std::int64_t>(std::nullopt);
  in.person_ids = std::vector<std::int64_t>{999999};
  auto r = incidents().create(as("alena"), in);
  ASSERT_FALSE(r.ok());
  for (const char* f : {"type", "occurred_on", "school_id", "person_ids"}) EXPECT_TRUE(testing::has_field(r.error(), f)) << f;
  // another team's child is not visible to bohus
  auto other = incidents().create(as("bohus"), input());
  ASSERT_FALSE(other.ok());
  EXPECT_TRUE(testing::has_field(other.error(), "person_ids"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM incidents"), 0);
}

TEST_P(Incidents, EvidenceIsStoredByteForByte) {
  auto r = incidents().create(as("alena"), input());
  ASSERT_TRUE(r.ok());
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 4096; ++i) png.push_back(static_cast<char>(i * 37 % 256));
  auto e = incidents().add_evidence(as("alena"), r->id, "../../fotka přihlášky.png", png, std::nullopt);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->content_type, "image/png");
  EXPECT_EQ(e->filename, "fotka přihlášky.png") << "no path parts";
  EXPECT_EQ(e->sha256, security::sha256_hex(png));
  EXPECT_EQ(e->size_bytes, static_cast<std::int64_t>(png.size()));
  auto back = incidents().evidence_file(as("alena"), r->id, e->id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->second, png);
  EXPECT_EQ(incidents().evidence_file(as("bohus"), r->id, e->id).error().code, ErrorCode::not_found);
  // At rest the file is sealed with the data key: the stored bytes are not the file's.
  {
    auto tx = db_->app().db().begin(storage::TxMode::read);
    const auto d = tx->dialect();
    auto raw = tx->query_one("SELECT " + domain::blob_column_sql(d, "data") + " FROM incident_evidence WHERE id = $1",
                             {e->id});
    const std::string stored = domain::blob_from_cell(d, raw->str(0));
    EXPECT_EQ(security::Cipher::key_id_of(stored), db_->app().cipher().key_id());
    EXPECT_EQ(stored.find("IHDR"), std::string::npos);
  }

  auto exe = incidents().add_evidence(as("alena"), r->id, "x.pdf", std::string("MZ\x90\0", 4), std::nullopt);
  ASSERT_FALSE(exe.ok());
  EXPECT_TRUE(testing::has_field(exe.error(), "file"));
  {
    auto tx = db_->app().db().begin(storage::TxMode::write);
    tx->exec("INSERT INTO settings (key, value, updated_at, version) VALUES ($1, '1000', '2026-09-21T00:00:00Z', 1)",
             {domain::kEvidenceLimitKey});
    tx->commit();
  }
  auto big = incidents().add_evidence(as("alena"), r->id, "big.txt", std::string(1001, 'a'), std::nullopt);
  ASSERT_FALSE(big.ok());
  EXPECT_TRUE(testing::has_field(big.error(), "file"));
  EXPECT_TRUE(incidents().add_evidence(as("alena"), r->id, "ok.txt", std::string(1000, 'a'), std::nullopt).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM incident_evidence"), 2);
}

TEST_P(Incidents, ActionsWithComputedAppealDeadline) {
  auto r = incidents().create(as("alena"), input());
  ASSERT_TRUE(r.ok());
  domain::ActionInput a;
  a.type = "appeal";
  a.delivered_on = "2026-04-16";
  auto act = incidents().add_action(as("alena"), r->id, a);
  ASSERT_TRUE(act.ok()) << act.error().message;
  EXPECT_EQ(act->deadline, "2026-05-04");  // 15 days -> Fri 1 May (holiday) -> Mon 4 May
  EXPECT_TRUE(act->overdue);               // today is 2026-09-21, no outcome
  ASSERT_TRUE(act->note);
  domain::ActionInput done;
  done.outcome = std::optional<std::string>("Krajský úřad rozhodnutí zrušil.");
  done.outcome_on = std::optional<std::string>("2026-05-20");
  auto u = incidents().update_action(as("alena"), r->id, act->id, 1, done);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_FALSE(u->overdue);
  EXPECT_EQ(u->version, 2);
  EXPECT_EQ(incidents().update_action(as("alena"), r->id, act->id, 1, done).error().code, ErrorCode::conflict);
  domain::ActionInput bad;
  bad.type = "prayer";
  bad.deadline = std::optional<std::string>("2026-02-30");
  auto b = incidents().add_action(as("alena"), r->id, bad);
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(testing::has_field(b.error(), "type"));
  EXPECT_TRUE(testing::has_field(b.error(), "deadline"));
}

TEST_P(Incidents, StatisticsSuppressSmallCountsForAnalysts) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(incidents().create(as("alena"), input("refused")).ok());
  ASSERT_TRUE(incidents().create(as("alena"), input("harassment")).ok());
  domain::IncidentInput office = input("antigypsyism_at_office");
  office.school_id = std::optional<std::int64_t>(std::nullopt);
  office.institution = std::optional<std::string>("Úřad (fiktivní)");
  ASSERT_TRUE(incidents().create(as("alena"), office).ok());

  auto full = incidents().stats(as("koord"), "", "");
  ASSERT_TRUE(full.ok());
  EXPECT_FALSE(full->suppressed);
  EXPECT_EQ(full->total, 7);
  ASSERT_EQ(full->rows.size(), 3u);

  auto anon = incidents().stats(as("anna"), "", "");
  ASSERT_TRUE(anon.ok());
  EXPECT_TRUE(anon->suppressed);
  EXPECT_EQ(anon->suppression_threshold, 5);
  EXPECT_EQ(anon->total, 7);
  for (const auto& row : anon->rows) {
    if (row.type == "refused") {
      EXPECT_EQ(row.count, 5);
    } else {
      EXPECT_FALSE(row.count) << row.type;
    }
  }
  auto range = incidents().stats(as("koord"), "2026-09-11", "");
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->total, 0);
  EXPECT_TRUE(testing::has_field(incidents().stats(as("koord"), "2026-13-01", "").error(), "from"));
}

// Three refusals at the school and six at an office: hiding only the school's 3 would leave it as
// "refused" total 9 minus the office's 6. The complement hides the office's 6 as well.
TEST_P(Incidents, StatisticsHideASecondCellSoAHiddenCountCannotBeWorkedOut) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(incidents().create(as("alena"), input("refused")).ok());
  domain::IncidentInput office = input("refused");
  office.school_id = std::optional<std::int64_t>(std::nullopt);
  office.institution = std::optional<std::string>("Úřad (fiktivní)");
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(incidents().create(as("alena"), office).ok());

  auto anon = incidents().stats(as("anna"), "", "");
  ASSERT_TRUE(anon.ok());
  EXPECT_TRUE(anon->suppressed);
  ASSERT_EQ(anon->rows.size(), 2u);
  for (const auto& row : anon->rows) EXPECT_FALSE(row.count) << (row.school_id ? "school" : "office");
  ASSERT_EQ(anon->by_type.size(), 1u);
  EXPECT_EQ(anon->by_type[0].second, 9);
  EXPECT_EQ(anon->total, 9);
  // Coordinators see every cell.
  auto full = incidents().stats(as("koord"), "", "");
  ASSERT_TRUE(full.ok());
  EXPECT_FALSE(full->suppressed);
  for (const auto& row : full->rows) EXPECT_EQ(row.count, row.school_id ? 3 : 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, Incidents, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo
