#include "rules/small_cells.hpp"

namespace kredo::rules {

std::vector<bool> suppress_small_cells(const std::vector<std::int64_t>& values, const std::vector<SuppressionLine>& lines,
                                       std::int64_t threshold) {
  std::vector<bool> hidden(values.size(), false);
  if (threshold <= 1) return hidden;
  for (std::size_t i = 0; i < values.size(); ++i) hidden[i] = values[i] > 0 && values[i] < threshold;
  // Each pass hides at least one more cell or stops, so it ends after at most values.size() passes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& line : lines) {
      if (line.cells.empty()) continue;
      std::size_t hidden_count = 0;
      for (auto c : line.cells)
        if (c < values.size() && hidden[c]) ++hidden_count;
      if (hidden_count != 1) continue;
      // The smallest non-zero shown inner cell (lowest index on a tie), else the total.
      const std::size_t total = line.cells.back();
      std::size_t pick = values.size();
      for (std::size_t k = 0; k + 1 < line.cells.size(); ++k) {
        const std::size_t c = line.cells[k];
        if (c >= values.size() || hidden[c] || values[c] <= 0) continue;
        if (pick == values.size() || values[c] < values[pick]) pick = c;
      }
      if (pick == values.size() && total < values.size() && !hidden[total] && values[total] > 0) pick = total;
      if (pick == values.size()) continue;  // only zeros left: nothing can be worked out
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

}  // namespace kredo::rules
