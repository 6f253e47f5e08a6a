// Small-cell suppression with complementary suppression: no hidden count can be worked out from the
// totals shown beside it.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "rules/small_cells.hpp"

namespace kredo::rules {
namespace {

// Every line holds zero or at least two hidden cells.
void expect_no_single_hidden(const std::vector<bool>& hidden, const std::vector<SuppressionLine>& lines) {
  for (const auto& l : lines) {
    int n = 0;
    for (auto c : l.cells) n += hidden[c] ? 1 : 0;
    EXPECT_NE(n, 1);
  }
}

TEST(SmallCells, PrimaryOnlyWithoutTotals) {
  auto h = suppress_small_cells({0, 1, 4, 5, 12}, {}, 5);
  EXPECT_EQ(h, (std::vector<bool>{false, true, true, false, false}));
}

TEST(SmallCells, ThresholdOneOrLessHidesNothing) {
  auto h = suppress_small_cells({1, 2, 3}, {{{0, 1, 2}}}, 1);
  EXPECT_EQ(h, (std::vector<bool>{false, false, false}));
}

// Incidents by school and type, with the column totals by type and the grand total shown:
//              refused  separate_class
//   ZŠ A          3          7
//   ZŠ B         10          8
//   by type      13         15      total 28
// Hiding only "ZŠ A / refused" (3) leaves it recoverable: 13 - 10 = 3. The complement hides 10 too.
TEST(SmallCells, HiddenCellCannotBeWorkedOutFromTheColumnTotal) {
  const std::vector<std::int64_t> v{3, 7, 10, 8, 13, 15, 28};
  const std::vector<SuppressionLine> lines{{{0, 2, 4}}, {{1, 3, 5}}, {{4, 5, 6}}};
  auto primary_only = suppress_small_cells(v, {}, 5);
  ASSERT_TRUE(primary_only[0]);
  EXPECT_EQ(v[4] - v[2], 3);  // what an analyst could compute without the complement
  auto h = suppress_small_cells(v, lines, 5);
  EXPECT_EQ(h, (std::vector<bool>{true, false, true, false, false, false, false}));
  expect_no_single_hidden(h, lines);
}

// A full table with row and column totals: hiding one cell and its row complement opens the columns,
// which need their own complements; the result still protects every hidden cell.
//          c1  c2  c3 | row
//   r1      2   9   6 | 17
//   r2      8   7  12 | 27
//   r3     11  20  14 | 45
//   col    21  36  32 | 89
TEST(SmallCells, TwoWayTableSpreadsComplementsUntilEveryLineIsSafe) {
  const std::vector<std::int64_t> v{2, 9, 6, 17, 8, 7, 12, 27, 11, 20, 14, 45, 21, 36, 32, 89};
  auto at = [](std::size_t r, std::size_t c) { return r * 4 + c; };
  std::vector<SuppressionLine> lines;
  for (std::size_t r = 0; r < 4; ++r) lines.push_back({{at(r, 0), at(r, 1), at(r, 2), at(r, 3)}});
  for (std::size_t c = 0; c < 4; ++c) lines.push_back({{at(0, c), at(1, c), at(2, c), at(3, c)}});
  auto h = suppress_small_cells(v, lines, 5);
  EXPECT_TRUE(h[at(0, 0)]);
  EXPECT_TRUE(h[at(0, 2)]);  // row r1: the smallest other cell (6)
  EXPECT_TRUE(h[at(1, 0)]);  // column c1: the smallest other cell (8)
  EXPECT_TRUE(h[at(1, 2)]);  // column c3: 12, which also makes row r2 safe (a rectangle of four)
  expect_no_single_hidden(h, lines);
  // Totals stay shown: the complements come from inner cells where there are any.
  EXPECT_FALSE(h[at(3, 3)]);
}

TEST(SmallCells, OneSmallCellAndItsSmallTotalAreBothHidden) {
  auto h = suppress_small_cells({3, 0, 3}, {{{0, 1, 2}}}, 5);
  EXPECT_EQ(h, (std::vector<bool>{true, false, true}));
}

TEST(SmallCells, ZerosAreNeverHiddenNorUsedAsComplement) {
  // 2 is hidden; the other inner cell is 0 and stays shown; the total (2) is small and hidden itself.
  auto h = suppress_small_cells({2, 0, 2}, {{{0, 1, 2}}}, 5);
  EXPECT_FALSE(h[1]);
  EXPECT_TRUE(h[2]);
}

}  // namespace
}  // namespace kredo::rules
