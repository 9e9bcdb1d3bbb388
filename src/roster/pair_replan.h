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

// nullopt when CBC found nothing; the answer may be the pairs as they are.
std::optional<PairAnswer> replan_pairs(const Problem& problem, const PairQuery& query);

}  // namespace rcc::roster
