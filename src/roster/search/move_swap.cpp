// The small move that exchanges a run of days between two employees (moves.h).
#include <algorithm>

#include "roster/search/moves.h"

namespace rcc::roster {

// Exchange days [d, d+len) between employees i and j: cover stays the same.
void swap_days(SearchState& s, int i, int j, int d, int len, double temperature) {
  const Problem& p = s.problem;
  if (i == j) return;
  len = std::min(len, p.days - d);
  const auto& a = s.roster[i];
  const auto& b = s.roster[j];
  bool differs = false;
  for (int k = 0; k < len; ++k) differs = differs || a[d + k] != b[d + k];
  if (!differs) return;
  const auto exchange = [&] {
    for (int k = 0; k < len; ++k) {
      const ShiftIdx x = a[d + k], y = b[d + k];
      s.ledgers[i].set(d + k, y);
      s.ledgers[j].set(d + k, x);
    }
  };
  exchange();
  const long delta = s.priced(i) - s.row_price[i] + s.priced(j) - s.row_price[j];
  if (s.accept(delta, temperature)) {
    s.store(i);
    s.store(j);
    s.current += delta;
    return;
  }
  exchange();
}

}  // namespace rcc::roster
