// The small move that exchanges two days of one employee (moves.h).
#include "roster/search/moves.h"

namespace rcc::roster {

// Exchange days d1 and d2 of one employee: the same shifts, worked on other days. Keeps the
// employee's minutes and counts, reshapes runs of work and rest.
void shift_within(SearchState& s, int i, int d1, int d2, double temperature) {
  const auto& row = s.roster[i];
  if (d1 == d2 || row[d1] == row[d2]) return;
  const ShiftIdx a = row[d1], b = row[d2];
  const long delta = s.put(i, d1, b) + s.put(i, d2, a);
  if (s.keep_row_change(i, delta, temperature)) return;
  s.put(i, d1, a);
  s.put(i, d2, b);
}

}  // namespace rcc::roster
