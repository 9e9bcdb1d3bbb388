// The roster as the local search holds it: every row with its ledger (row_ledger.h), the cover per
// day and shift, and the search cost kept up to date cell by cell (objective plus shaping terms
// plus hard violations weighted). The moves (moves.h) change it only through these primitives.
// No I/O.
#pragma once

#include <utility>
#include <vector>

#include "model/random.h"
#include "roster/evaluator.h"
#include "roster/problem.h"
#include "roster/row_ledger.h"
#include "roster/solver.h"

namespace rcc::roster {

struct SearchState {
  // From `start`, else from the published roster, else from a greedy construction.
  SearchState(const Problem& p, const SolveOptions& o, const Roster* start);
  SearchState(const SearchState&) = delete;  // the ledgers' terms point into it
  SearchState& operator=(const SearchState&) = delete;

  // Takes row i's price from its ledger.
  void store(int i);
  // Row i's price as its ledger has it now (stored or not).
  long priced(int i) const;
  // The objective of the roster as it stands: the search cost less its shaping terms.
  long objective_now() const { return current - shaping_sum - over_shaping_sum; }
  // Employees with a hard violation; 0 means the roster is feasible.
  long hard_total() const { return hard_violations; }
  // Sets one cell through the row's ledger and the cover; returns the cover's cost change.
  long put(int i, int d, ShiftIdx to);
  long cover_cost(int d, ShiftIdx t, int n) const;
  // Replaces row i, keeping cover, the row's price and the total up to date.
  void set_row(int i, const std::vector<ShiftIdx>& row);
  // The annealing rule.
  bool accept(long delta, double temperature);
  // Row i has just been changed through its ledger and the change's cover cost is
  // `cover_cost_delta`: keep the change (true) or leave it to the caller to undo (false).
  bool keep_row_change(int i, long cover_cost_delta, double temperature);
  // Re-plans days [from, to) of employee i against the cover of everybody else, exactly (the
  // best row under the contract), with `noise` added at random to every cell's cost to move the
  // search elsewhere. Keeps the new row when it is no worse; returns whether it did.
  bool replan(int i, int from, int to, double noise,
              const std::vector<ShiftIdx>* bound_by = nullptr);
  // Each employee re-planned in turn against everybody else: rows that keep every rule. A long
  // construction stops at `seconds`; the search goes on from there.
  void construct_rows(double seconds);
  // A day on which row i breaks a rule about days (runs, successions, days off), one of them at
  // random; -1 when it only breaks rules about the whole row.
  int breach_day(int i);
  // A window of days for an exact move: the whole horizon when it is short.
  std::pair<int, int> window();
  // Cells (day * shifts + shift) below their requirement.
  const std::vector<int>& understaffed();

  const Problem& problem;
  const SolveOptions& options;
  RequestIndex requests;
  model::Rng rng;
  Roster roster;
  int shifts;
  bool started = false;       // from a given roster: no construction
  long half_weight;           // of each half-worked weekend in the search cost
  std::vector<long> shaping;  // each row's share of it
  long shaping_sum = 0;
  std::vector<long> over_surcharge;  // [day * shifts + shift] weekend-over shaping per employee
  long over_shaping_sum = 0;         // its share of the search cost
  std::vector<int> cover;            // [day * shifts + shift] employees on shift
  std::vector<long> row_price;       // priced rows
  std::vector<long> hard;            // hard amount per row
  long hard_violations = 0;
  long current = 0;  // the search cost
  RowTerms terms;
  std::vector<RowLedger> ledgers;  // one per row of roster, pricing it cell by cell

  // Scratch of the moves, kept to spare allocations.
  std::vector<int> changed, group, pool, others, chosen_days, pair_members;
  std::vector<std::vector<ShiftIdx>> saved;
  std::vector<long> day_cost;                    // a day move's cell costs
  std::vector<std::vector<double>> group_cells;  // a group move's cell costs

 private:
  long over_shaping(int c, int n) const;
  long total() const;
  long cover_delta(int d, ShiftIdx from, ShiftIdx to);
  void construct();

  std::vector<double> dp_cost_;
  std::vector<int> understaffed_;
};

}  // namespace rcc::roster
