// Pairs of consecutive days re-planned for many employees at once, every other day fixed: each
// employee's two days of each chosen pair take one of the pairs of values their day rules allow,
// and the rules about the whole row (minutes, shift counts, the weekend limit) and the cover
// couple them, as a MIP (CBC). Where the weekend limit binds, cover is lost on weekends worked on
// one day of the two: one employee at a time cannot make two half weekends whole and give the
// weekend saved to a short weekend elsewhere; this move, over weekends, chooses them all
// together. The pairs must be at least a week apart so that no two touch one weekend.
#pragma once

#include <optional>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct PairChoice {
  ShiftIdx first = kOff, second = kOff;
  bool weekend = false;  // works the weekend the pair touches (counts against the limit)
  long cost = 0;         // what the pair costs the row besides cover (up to a constant per slot)
};

// One employee's pair of days: choices[0] is the pair as it is.
struct PairSlot {
  int member = 0;  // index in PairQuery::members
  int day = 0;     // the first of the two days; both inside the horizon
  std::vector<PairChoice> choices;
};

// What an employee's slots may add up to, given the rest of the row.
struct PairMember {
  long minutes_min = 0, minutes_max = 0;
  int weekends_left = 0;         // weekends the slots may work
  std::vector<int> shifts_left;  // per shift type: shifts the slots may work
};

struct PairQuery {
  std::vector<PairMember> members;
  std::vector<PairSlot> slots;
  // Employees on each shift outside the slots: [day * shifts + shift] (the whole horizon).
  const std::vector<int>* others = nullptr;
  // [day * shifts + shift]: added to the cover's over weight (a search's shaping), if given.
  const std::vector<long>* over_surcharge = nullptr;
  double seconds = 1.0;  // CBC's time limit
  long nodes = -1;       // and node limit, if not negative
};

struct PairAnswer {
  std::vector<int> picked;  // per slot, the index of its choice
  long cost = 0;            // choices and the slots' cover, as the query prices them
  long start = 0;           // the same for the pairs as they are
};

// What the picks (per slot, the index of its choice) cost: their choices and the cover of the
// slots' days, as replan_pairs prices them.
long pairs_cost(const Problem& problem, const PairQuery& query, const std::vector<int>& picked);

// nullopt when CBC found nothing; the answer may be the pairs as they are.
std::optional<PairAnswer> replan_pairs(const Problem& problem, const PairQuery& query);

// The optimum of the query's LP relaxation (CLP, within query.seconds); nullopt when it did not
// finish or the LP is infeasible.
std::optional<double> pairs_lp_value(const Problem& problem, const PairQuery& query);

// A good answer fast where the LP is nearly integral: the LP's whole choices kept, the slots it
// splits left to CBC, all within query.seconds; per slot, the index of its choice. nullopt when
// the LP did not finish or CBC found nothing.
std::optional<std::vector<int>> plan_pairs(const Problem& problem, const PairQuery& query);

// Every employee's Saturday and Sunday of every whole weekend as one query, every other day
// dropped: each slot's choices are the pairs of values its days allow (days off, shift types
// the contract allows, the successions from Saturday to Sunday, a run of two where the
// contract allows it), priced by those days' requests exactly; the members' limits are the
// contract's weekend limit, shift-type caps and most minutes. Member m is employee m. Where the
// weekend limit binds, this is most of what a roster costs (weekend_lower_bound solves its LP).
struct WeekendsAlone {
  PairQuery query;
  std::vector<int> nobody;  // query.others: no cover outside the slots
  long choices = 0;         // columns the MIP would have
};
WeekendsAlone weekends_alone(const Problem& problem);

}  // namespace rcc::roster
