// `kredo retention run` as an operator runs it: the built binary against a prepared SQLite file.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "app/application.hpp"
#include "support/run_kredo.hpp"
#include "support/test_db.hpp"

namespace kredo {
namespace {

using testing::run_kredo;

class CliRetention : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    url_ = "sqlite:" + dir_ + "/kredo.db";
    app::Application app(url_);
    ASSERT_TRUE(app.migrator().migrate().ok());
    const auto sys = security::system_actor("test");
    ASSERT_TRUE(app.services().users.create_team(sys, "Sever").ok());
    domain::NewFamily f;
    f.name = "Fiktivní";
    f.team = "Sever";
    f.address.district = "brno-sever";
    auto family = app.services().families.create(sys, f);
    ASSERT_TRUE(family.ok()) << family.error().message;
    for (auto given : {"Jana", "Adéla"}) {
      domain::NewPerson p;
      p.family_id = family->id;
      p.fields.role = std::string(given) == "Jana" ? "adult" : "child";
      p.fields.given_names = given;
      p.fields.surname = "Fiktivní";
      p.fields.birth_date = std::string(given) == "Jana" ? "1990-01-01" : "2018-01-01";
      p.fields.gender = "female";
      auto r = app.services().people.create(sys, p);
      ASSERT_TRUE(r.ok()) << r.error().message;
      ids_.push_back(r->id);
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void sql(const std::string& statement) {
    app::Application app(url_);
    auto tx = app.db().begin(storage::TxMode::write);
    tx->exec(statement);
    tx->commit();
  }

  std::string dir_, url_;
  std::vector<std::int64_t> ids_;
};

TEST_F(CliRetention, NothingIsDueWithinTheDefaultRetention) {
  auto run = run_kredo("retention run --apply --db " + url_);
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("until 2035-09-30"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("0 people past retention"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("anonymised 0 people"), std::string::npos) << run.out;
}

TEST_F(CliRetention, ListsWithoutApplyAndSkipsLegalHolds) {
  sql("INSERT INTO settings (key, value, updated_at) VALUES ('retention_years_after_project_end', '1', 'x')");
  auto listed = run_kredo("retention run --db " + url_);
  ASSERT_EQ(listed.code, 0) << listed.out;
  EXPECT_NE(listed.out.find("due: person " + std::to_string(ids_[0])), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("2 people past retention"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("Fiktivní"), std::string::npos) << "names never reach the console";
  EXPECT_EQ(listed.out.find("anonymised"), std::string::npos);

  sql("UPDATE people SET legal_hold = 1 WHERE id = " + std::to_string(ids_[0]));
  auto applied = run_kredo("retention run --apply --db " + url_);
  ASSERT_EQ(applied.code, 0) << applied.out;
  EXPECT_NE(applied.out.find("anonymised 1 people"), std::string::npos) << applied.out;
  app::Application app(url_);
  auto tx = app.db().begin(storage::TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT given_names FROM people WHERE id = $1", {ids_[1]})->str(0), "Anonymizováno");
  EXPECT_EQ(tx->query_one("SELECT given_names FROM people WHERE id = $1", {ids_[0]})->str(0), "Jana");
}

}  // namespace
}  // namespace kredo
