// The small move that sets a run of one employee's days to one value (moves.h).
#include <algorithm>

#include "roster/search/moves.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

// Set days [d, d+len) of employee i to one value (a shift or off).
void change_cells(SearchState& s, int i, int d, int len, double temperature) {
  const Problem& p = s.problem;
  len = std::min(len, p.days - d);
  // A third of the changes rest (with many shift types a uniform pick would rarely), the others
  // work a shift the day is short of when there is one: a random shift mostly breaks a rule or
  // covers nothing.
  ShiftIdx to = kOff;
  if (!s.rng.chance(kTuning.change_rest_share)) {
    const int first = s.rng.below(s.shifts);
    to = static_cast<ShiftIdx>(first);
    for (int k = 0; k < s.shifts; ++k) {
      const auto t = static_cast<ShiftIdx>((first + k) % s.shifts);
      if (s.cover[d * s.shifts + t] < p.cover_of(d, t).requirement) {
        to = t;
        break;
      }
    }
  }
  const auto& row = s.roster[i];
  ShiftIdx old[8];  // len <= 4
  long delta = 0;
  bool changed = false;
  for (int k = 0; k < len; ++k) {
    old[k] = row[d + k];
    if (row[d + k] == to) continue;
    changed = true;
    delta += s.put(i, d + k, to);
  }
  if (!changed) return;
  if (s.keep_row_change(i, delta, temperature)) return;
  for (int k = 0; k < len; ++k) s.put(i, d + k, old[k]);
}

}  // namespace rcc::roster
