// The two lists the search schedules its moves from (moves.h), and the mend of a broken row.
#include <algorithm>

#include "roster/search/moves.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

// A broken row is mended around a rule it breaks on some day, else (or when that fails) over
// the whole horizon: rules about the whole row (minutes, weekends, counts) need it.
void mend_row(SearchState& s, int i) {
  const int window = kTuning.window_days;
  const int day = s.breach_day(i);
  const long broken = s.hard[i];
  if (day >= 0) {
    const int from_day = std::max(0, day - window / 2);
    s.replan(i, from_day, std::min(s.problem.days, from_day + window), 0);
  }
  if (s.hard[i] >= broken) s.replan(i, 0, s.problem.days, 0);
}

// Each small move's days are drawn one after the other, last parameter first, so that a seed
// gives one roster whatever order a compiler evaluates arguments in.
const std::array<SmallMove, 5> kSmallMoves{{
    {"shift within", kTuning.shift_within_weight,
     [](SearchState& s, const MoveContext& at) {
       const int d2 = s.rng.below(s.problem.days);
       const int d1 = s.rng.below(s.problem.days);
       shift_within(s, at.employee, d1, d2, at.temperature);
     }},
    {"change a cell", kTuning.change_cell_weight,
     [](SearchState& s, const MoveContext& at) {
       change_cells(s, at.employee, s.rng.below(s.problem.days), 1, at.temperature);
     }},
    {"swap a cell", kTuning.swap_cell_weight,
     [](SearchState& s, const MoveContext& at) {
       const int d = s.rng.below(s.problem.days);
       const int j = s.rng.below(static_cast<int>(s.problem.employees.size()));
       swap_days(s, at.employee, j, d, 1, at.temperature);
     }},
    {"change a run", kTuning.change_run_weight,
     [](SearchState& s, const MoveContext& at) {
       const int len = s.rng.between(kTuning.run_days_min, kTuning.change_run_days_max);
       const int d = s.rng.below(s.problem.days);
       change_cells(s, at.employee, d, len, at.temperature);
     }},
    {"swap a run", kTuning.swap_run_weight,
     [](SearchState& s, const MoveContext& at) {
       const int len = s.rng.between(kTuning.run_days_min, kTuning.swap_run_days_max);
       const int d = s.rng.below(s.problem.days);
       const int j = s.rng.below(static_cast<int>(s.problem.employees.size()));
       swap_days(s, at.employee, j, d, len, at.temperature);
     }},
}};

namespace {
bool always(const SearchState& /*s*/, const MoveContext& /*at*/) {
  return true;
}
}  // namespace

const std::array<ExactMove, 5> kExactMoves{{
    {"mend a broken row", kTuning.mend_chance,
     [](const SearchState& s, const MoveContext& at) { return s.hard[at.employee] > 0; },
     [](SearchState& s, const MoveContext& at) { mend_row(s, at.employee); }},
    {"re-plan a day for everybody", kTuning.day_move_share, always,
     [](SearchState& s, const MoveContext& /*at*/) { day_move(s); }},
    {"re-plan a row's window", kTuning.window_replan_chance, always,
     [](SearchState& s, const MoveContext& at) { s.replan(at.employee, at.from, at.to, 0); }},
    {"re-plan a group's windows", kTuning.group_move_chance,
     [](const SearchState& s, const MoveContext& /*at*/) {
       return s.problem.fairness_weight == 0;  // its column generation prices no fairness
     },
     [](SearchState& s, const MoveContext& at) { group_move(s, at.employee); }},
    {"ruin and recreate", 1.0, always,
     [](SearchState& s, const MoveContext& at) {
       ruin_recreate(s, at.from, at.to, at.temperature);
     }},
}};

static_assert(kTuning.shift_within_weight + kTuning.change_cell_weight + kTuning.swap_cell_weight +
                      kTuning.change_run_weight + kTuning.swap_run_weight ==
                  100,
              "small-move weights are shares of 100");

const SmallMove& pick_small_move(SearchState& s) {
  int kind = s.rng.below(100);
  for (const auto& move : kSmallMoves) {
    if (kind < move.weight) return move;
    kind -= move.weight;
  }
  return kSmallMoves.back();
}

const ExactMove& pick_exact_move(SearchState& s, const MoveContext& at) {
  for (size_t k = 0; k + 1 < kExactMoves.size(); ++k) {
    const auto& move = kExactMoves[k];
    if (move.valid(s, at) && s.rng.chance(move.chance)) return move;
  }
  return kExactMoves.back();
}

}  // namespace rcc::roster
