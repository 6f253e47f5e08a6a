// Small-cell suppression with complementary suppression, for aggregate tables shown to analysts and
// in public outputs (issues 5 and 6).
//
// Primary suppression hides every count c with 0 < c < threshold. That alone is not enough when a
// table also shows totals: one hidden cell in a row whose total is shown is the total minus the
// others. So every "line" (a set of cells whose last cell is the published sum of the others: a row
// with its total, a column with its total, the totals with the grand total) that holds exactly one
// hidden cell gets a second one hidden: the smallest non-zero shown inner cell of that line, else
// the line's total. Hiding a cell can open another line, so this repeats until every line holds
// zero or at least two hidden cells. Zero cells are never hidden (they are not a person) and never
// used as the complement (hiding a zero protects nothing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kredo::rules {

struct SuppressionLine {
  std::vector<std::size_t> cells;  // indexes into the values; the LAST one is the total of the others
};

// Which cells to hide (true = hidden). threshold <= 1 hides nothing.
std::vector<bool> suppress_small_cells(const std::vector<std::int64_t>& values, const std::vector<SuppressionLine>& lines,
                                       std::int64_t threshold);

}  // namespace kredo::rules
