// The exact move that ruins a few employees' windows and rebuilds them (moves.h).
#include <algorithm>

#include "roster/search/moves.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

// Ruin the window of a few employees (rest there) and rebuild them one by one, each the best
// answer to the cover the others leave; kept by the annealing rule.
void ruin_recreate(SearchState& s, int from, int to, double temperature) {
  const Problem& p = s.problem;
  const int n = static_cast<int>(p.employees.size());
  const int size =
      std::min(n, s.rng.between(kTuning.ruin_employees_min, kTuning.ruin_employees_max));
  s.group.clear();
  while (static_cast<int>(s.group.size()) < size) {
    const int i = s.rng.below(n);
    if (std::find(s.group.begin(), s.group.end(), i) == s.group.end()) s.group.push_back(i);
  }
  s.saved.clear();
  const long before = s.current;
  for (int i : s.group) {
    s.saved.push_back(s.roster[i]);
    auto rested = s.roster[i];
    std::fill(rested.begin() + from, rested.begin() + to, kOff);
    s.set_row(i, rested);
  }
  const double noise = s.rng.unit() * kTuning.ruin_noise;
  bool rebuilt = true;
  for (size_t k = 0; k < s.group.size(); ++k) {
    const int i = s.group[k];
    rebuilt = (s.replan(i, from, to, noise, &s.saved[k]) || s.hard[i] == 0) && rebuilt;
  }
  if (rebuilt && s.accept(s.current - before, temperature)) return;
  for (size_t k = 0; k < s.group.size(); ++k) s.set_row(s.group[k], s.saved[k]);
}

}  // namespace rcc::roster
