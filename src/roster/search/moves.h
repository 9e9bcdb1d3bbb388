// The moves of the roster search and the two lists that schedule them. Every move changes the
// roster through SearchState's primitives, prices what it changed (its gain: the fall of the
// search cost) and keeps or undoes it by its rule: small moves by the annealing rule, exact moves
// when the search cost is no worse. Pricing a change needs the rows' ledgers to hold it, and
// undoing costs what applying does, so each move is one call (apply), beside a validity test,
// rather than VROOM's gain-then-apply on routes. No I/O.
#pragma once

#include <array>
#include <string_view>

#include "roster/search/state.h"

namespace rcc::roster {

// Where a move starts: an employee (chosen by the search), a window of days for exact moves,
// and the temperature of the annealing rule.
struct MoveContext {
  int employee = 0;
  int from = 0, to = 0;
  double temperature = 1;
};

// Small moves, one to a few cells, annealed. Each draws its own days and partner.
void change_cells(SearchState& s, int i, int d, int len, double temperature);
void swap_days(SearchState& s, int i, int j, int d, int len, double temperature);
void shift_within(SearchState& s, int i, int d1, int d2, double temperature);

// Exact moves, kept when no worse.
void mend_row(SearchState& s, int i);  // a broken row around a breach, else whole
void ruin_recreate(SearchState& s, int from, int to, double temperature);
void group_move(SearchState& s, int first);
void day_move(SearchState& s);
void weekend_move(SearchState& s, int offset);

struct SmallMove {
  std::string_view name;
  int weight;  // of 100
  void (*apply)(SearchState&, const MoveContext&);
};

// Tried in order: a move is made when it is valid and its chance comes up; the last is made
// when none before it was (it draws no chance).
struct ExactMove {
  std::string_view name;
  double chance;
  bool (*valid)(const SearchState&, const MoveContext&);
  void (*apply)(SearchState&, const MoveContext&);
};

extern const std::array<SmallMove, 5> kSmallMoves;
extern const std::array<ExactMove, 5> kExactMoves;

// The move of each list the search makes now (draws from s.rng).
const SmallMove& pick_small_move(SearchState& s);
const ExactMove& pick_exact_move(SearchState& s, const MoveContext& at);

}  // namespace rcc::roster
