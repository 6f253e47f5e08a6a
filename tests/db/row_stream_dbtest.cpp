// Streamed rows (storage/db/row_stream.hpp) answer exactly as query()'s rows: the same rows in the
// same order, the same text, numbers and nulls, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "storage/db/row_stream.hpp"
#include "storage/migrate/migrator.hpp"
#include "support/test_db.hpp"

namespace kredo::storage {
namespace {

class RowStream : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    auto tx = db().begin(TxMode::write);
    tx->exec_script(sql_for_dialect(
        "CREATE TABLE t_stream (id {{pk}}, big BIGINT, ratio DOUBLE PRECISION, note TEXT);\n", db().dialect()));
    const long long big = std::numeric_limits<long long>::max();
    tx->exec("INSERT INTO t_stream (big, ratio, note) VALUES ($1, $2, $3), ($4, $5, $6), (NULL, NULL, NULL), "
             "(0, 0.1, ''), (-7, 12345.5, '12')",
             {big, 0.25, "Šťastný", -big, 1.0 / 3.0, "yes"});
    tx->commit();
  }
  Database& db() { return db_->app().db(); }
  std::unique_ptr<testing::TestDatabase> db_;
};

TEST_P(RowStream, CellsAnswerAsQueryRowsDo) {
  auto tx = db().begin(TxMode::read);
  const std::string sql =
      "SELECT id, big, ratio, note, ratio + 0.2, big / 2, SUM(ratio) OVER (ORDER BY id) "
      "FROM t_stream WHERE id >= $1 ORDER BY id";
  const Rows rows = tx->query(sql, {1});
  std::size_t n = 0;
  for_each_row(*tx, sql, {1}, [&](const RowView& v) {
    ASSERT_LT(n, rows.size());
    const Row& r = rows[n++];
    ASSERT_EQ(v.size(), r.size());
    for (std::size_t c = 0; c < r.size(); ++c) {
      SCOPED_TRACE("row " + std::to_string(n) + " column " + std::to_string(c));
      ASSERT_EQ(v.is_null(c), r.is_null(c));
      if (r.is_null(c)) {
        EXPECT_THROW(v.i64(c), DbError);
        EXPECT_THROW(v.f64(c), DbError);
        EXPECT_THROW(v.str(c), DbError);
        EXPECT_FALSE(v.opt_i64(c).has_value());
        continue;
      }
      EXPECT_EQ(std::string(v.str(c)), r.str(c));
      bool row_threw = false, view_threw = false;
      std::int64_t ri = 0, vi = 0;
      double rf = 0, vf = 0;
      try { ri = r.i64(c); } catch (const DbError&) { row_threw = true; }
      try { vi = v.i64(c); } catch (const DbError&) { view_threw = true; }
      EXPECT_EQ(row_threw, view_threw);
      EXPECT_EQ(ri, vi);
      row_threw = view_threw = false;
      try { rf = r.f64(c); } catch (const DbError&) { row_threw = true; }
      try { vf = v.f64(c); } catch (const DbError&) { view_threw = true; }
      EXPECT_EQ(row_threw, view_threw);
      EXPECT_EQ(rf, vf);  // bit for bit, not approximately
    }
  });
  EXPECT_EQ(n, rows.size());
  EXPECT_EQ(n, 5u);
}

TEST_P(RowStream, NoRowsNoCalls) {
  auto tx = db().begin(TxMode::read);
  int calls = 0;
  for_each_row(*tx, "SELECT id FROM t_stream WHERE id < 0", {}, [&](const RowView&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

INSTANTIATE_TEST_SUITE_P(Db, RowStream, ::testing::ValuesIn(testing::test_backends()));

}  // namespace
}  // namespace kredo::storage
