// The storage adapter and migrations, run the same way on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <thread>

#include "storage/db/revalidated.hpp"

#include "support/test_db.hpp"

namespace kredo::storage {
namespace {

class Storage : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    auto tx = db().begin(TxMode::write);
    tx->exec_script(sql_for_dialect(
        "CREATE TABLE t_parent (id {{pk}}, name TEXT NOT NULL UNIQUE, score INTEGER CHECK (score >= 0));\n"
        "CREATE TABLE t_child (id {{pk}}, parent_id BIGINT NOT NULL REFERENCES t_parent(id), big BIGINT, "
        "ratio DOUBLE PRECISION, note TEXT);\n",
        db().dialect()));
    tx->commit();
  }
  Database& db() { return db_->app().db(); }
  std::unique_ptr<testing::TestDatabase> db_;
};

TEST_P(Storage, RoundTripsTypesAndNulls) {
  auto tx = db().begin(TxMode::write);
  auto id = tx->query_one("INSERT INTO t_parent (name, score) VALUES ($1, $2) RETURNING id", {"Šťastný", 3})->i64(0);
  const long long big = std::numeric_limits<long long>::max();
  tx->exec("INSERT INTO t_child (parent_id, big, ratio, note) VALUES ($1, $2, $3, $4)", {id, big, 0.25, nullptr});
  tx->commit();
  auto rtx = db().begin(TxMode::read);
  auto r = rtx->query_one("SELECT p.name, c.big, c.ratio, c.note, COUNT(*) OVER () FROM t_child c "
                          "JOIN t_parent p ON p.id = c.parent_id WHERE p.name = $1",
                          {"Šťastný"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->str(0), "Šťastný");
  EXPECT_EQ(r->i64(1), big);
  EXPECT_DOUBLE_EQ(r->f64(2), 0.25);
  EXPECT_TRUE(r->is_null(3));
  EXPECT_FALSE(r->opt_str(3).has_value());
  EXPECT_EQ(r->i64(4), 1);
}

TEST_P(Storage, PlaceholdersCanRepeatAndComeOutOfOrder) {
  auto tx = db().begin(TxMode::write);
  tx->exec("INSERT INTO t_parent (name, score) VALUES ($2, $1)", {7, "a"});
  auto r = tx->query_one("SELECT COUNT(*) FROM t_parent WHERE score = $1 OR (score > $1 AND name = $2)", {7, "a"});
  EXPECT_EQ(r->i64(0), 1);
  tx->commit();
}

TEST_P(Storage, ConstraintViolationsAreTyped) {
  auto tx = db().begin(TxMode::write);
  tx->exec("INSERT INTO t_parent (name, score) VALUES ($1, 1)", {"a"});
  tx->commit();
  auto expect_kind = [&](const char* sql, const Params& p, DbErrorKind kind) {
    auto t = db().begin(TxMode::write);
    try {
      t->exec(sql, p);
      ADD_FAILURE() << "no error for " << sql;
    } catch (const DbError& e) {
      EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(kind)) << e.what();
    }
  };
  expect_kind("INSERT INTO t_parent (name, score) VALUES ($1, 1)", {"a"}, DbErrorKind::unique_violation);
  expect_kind("INSERT INTO t_parent (name, score) VALUES ($1, -1)", {"b"}, DbErrorKind::check_violation);
  expect_kind("INSERT INTO t_parent (name, score) VALUES ($1, 1)", {nullptr}, DbErrorKind::not_null_violation);
  expect_kind("INSERT INTO t_child (parent_id) VALUES ($1)", {999}, DbErrorKind::foreign_key_violation);
}

TEST_P(Storage, UncommittedTransactionRollsBack) {
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"gone"});
  }
  auto tx = db().begin(TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT COUNT(*) FROM t_parent")->i64(0), 0);
}

TEST_P(Storage, ReadersSeeCommittedWrites) {
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"kept"});
    tx->commit();
  }
  auto tx = db().begin(TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT name FROM t_parent")->str(0), "kept");
}

TEST_P(Storage, WriteEpochMovesWithEveryWriteCommitAndOnlyThen) {
  const auto e0 = db().write_epoch();
  {
    auto tx = db().begin(TxMode::read);
    tx->query("SELECT COUNT(*) FROM t_parent");
  }
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"rolled back"});
  }
  {
    auto tx = db().begin(TxMode::append_log);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"a log row"});
    tx->commit();
  }
  EXPECT_EQ(db().write_epoch(), e0) << "reads, a rollback and an append_log commit leave it";
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"kept"});
    tx->commit();
  }
  EXPECT_EQ(db().write_epoch(), e0 + 1);
  auto tx = db().begin(TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT COUNT(*) FROM t_parent")->i64(0), 2) << "the append_log commit is kept";
}

TEST_P(Storage, RevalidatedValueIsReadAgainAfterAWriteHereAndWithinItsAgeAfterAWriteElsewhere) {
  Revalidated<std::int64_t> count(std::chrono::milliseconds(300));
  int loads = 0;
  auto read = [&] {
    ++loads;
    auto tx = db().begin(TxMode::statement);
    return tx->query_one("SELECT COUNT(*) FROM t_parent")->i64(0);
  };
  EXPECT_EQ(count.get(db(), read), 0);
  EXPECT_EQ(count.get(db(), read), 0);
  EXPECT_EQ(loads, 1) << "kept while nothing was written";
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"here"});
    tx->commit();
  }
  EXPECT_EQ(count.get(db(), read), 1) << "a write through this process is seen at once";
  EXPECT_EQ(loads, 2);
  // Another process: its own Database object on the same database.
  auto other = open_database(db_->url());
  {
    auto tx = other->begin(TxMode::write);
    tx->exec("INSERT INTO t_parent (name) VALUES ($1)", {"elsewhere"});
    tx->commit();
  }
  // Once the value's age (300 ms) has passed, the next read sees the other process's write: no timing bound
  // that a loaded machine could break, only the sleep's lower bound.
  std::this_thread::sleep_for(std::chrono::milliseconds(320));
  EXPECT_EQ(count.get(db(), read), 2) << "a write by another process is seen once the value's age has passed";
  EXPECT_EQ(loads, 3);
}

TEST_P(Storage, MigrationsAreRecordedAndIdempotent) {
  auto& m = db_->app().migrator();
  auto st = m.status();
  EXPECT_TRUE(st.up_to_date());
  EXPECT_EQ(st.database_version, st.binary_version);
  auto again = m.migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_TRUE(m.check_ready("x").ok());
}

TEST_P(Storage, ChangedMigrationIsReported) {
  auto migrations = load_migrations(embedded_migrations());
  migrations.front().checksum = "0000";
  Migrator m(db(), migrations);
  auto st = m.status();
  ASSERT_EQ(st.problems.size(), 1u);
  EXPECT_NE(st.problems[0].find("checksum"), std::string::npos);
  EXPECT_FALSE(m.check_ready("x").ok());
  EXPECT_FALSE(m.migrate().ok());
}

TEST_P(Storage, DatabaseNewerThanBinaryIsRefused) {
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'future', 'x', 'y')");
    tx->commit();
  }
  auto st = db_->app().migrator().status();
  ASSERT_FALSE(st.problems.empty());
  EXPECT_NE(st.problems[0].find("newer"), std::string::npos);
}

TEST_P(Storage, PendingMigrationStopsServeWithAdvice) {
  auto migrations = load_migrations(embedded_migrations());
  Migration extra;
  extra.version = migrations.back().version + 1;
  extra.name = "extra";
  extra.sql = "CREATE TABLE t_extra (id INTEGER);";
  extra.checksum = "abc";
  migrations.push_back(extra);
  Migrator m(db(), migrations);
  auto ready = m.check_ready("sqlite:var/kredo.db");
  ASSERT_FALSE(ready.ok());
  EXPECT_NE(ready.error().message.find("kredo migrate"), std::string::npos);
  ASSERT_TRUE(m.migrate().ok());
  EXPECT_TRUE(m.check_ready("x").ok());
}

TEST_P(Storage, AuditLogIsAppendOnly) {
  {
    auto tx = db().begin(TxMode::write);
    tx->exec("INSERT INTO audit_log (at, actor, action, entity) VALUES ('2026-01-01T00:00:00Z', 'a', 'read', 'x')");
    tx->commit();
  }
  {
    auto tx = db().begin(TxMode::write);
    EXPECT_THROW(tx->exec("UPDATE audit_log SET actor = 'b'"), DbError);
  }
  {
    auto tx = db().begin(TxMode::write);
    EXPECT_THROW(tx->exec("DELETE FROM audit_log"), DbError);
  }
  auto tx = db().begin(TxMode::read);
  EXPECT_EQ(tx->query_one("SELECT actor FROM audit_log")->str(0), "a");
}

INSTANTIATE_TEST_SUITE_P(Backends, Storage, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& info) { return info.param; });

TEST(OpenDatabase, UnopenablePathNamesPathAndReason) {
  try {
    open_database("sqlite:/nonexistent-dir/sub/kredo.db");
    FAIL();
  } catch (const DbError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("/nonexistent-dir/sub/kredo.db"), std::string::npos) << m;
    EXPECT_NE(m.find("does not exist"), std::string::npos) << m;
  }
}

TEST(OpenDatabase, MissingPostgresServerIsAClearError) {
  try {
    open_database("postgresql://kredo:secret@/nodb?host=/tmp/no-such-socket-dir&port=1");
    FAIL();
  } catch (const DbError& e) {
    std::string m = e.what();
    EXPECT_EQ(e.kind(), DbErrorKind::connection);
    EXPECT_NE(m.find("cannot connect to PostgreSQL"), std::string::npos) << m;
    EXPECT_EQ(m.find("secret"), std::string::npos) << "the password must not reach messages: " << m;
  }
}

TEST(OpenDatabase, UnknownUrlScheme) { EXPECT_THROW(open_database("mysql://x"), DbError); }

}  // namespace
}  // namespace kredo::storage
