// Weekends re-planned for many employees at once, the weekdays fixed: each employee's Saturday
// and Sunday of each chosen weekend take one of the pairs of values their day rules allow, and
// the rules about the whole row (minutes, shift counts, the weekend limit) and the cover couple
// them, as a MIP (CBC). Where the weekend limit binds, cover is lost on weekends worked on one
// day of the two: one employee at a time cannot make two half weekends whole and give the
// weekend saved to a short weekend elsewhere; this move chooses them all together.
#pragma once

#include <optional>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct WeekendChoice {
  ShiftIdx saturday = kOff, sunday = kOff;
  long cost = 0;  // what the pair costs the row besides cover (up to a constant per slot)
};

// One employee's weekend: choices[0] is the pair as it is.
struct WeekendSlot {
  int member = 0;   // index in WeekendQuery::members
  int weekend = 0;  // its Saturday is day 7 * weekend + 5; both days inside the horizon
  std::vector<WeekendChoice> choices;
};

// What an employee's slots may add up to, given the rest of the row.
struct WeekendMember {
  long minutes_min = 0, minutes_max = 0;
  int weekends_left = 0;         // weekends the slots may work
  std::vector<int> shifts_left;  // per shift type: shifts the slots may work
};

struct WeekendQuery {
  std::vector<WeekendMember> members;
  std::vector<WeekendSlot> slots;
  // Employees on each shift outside the slots: [day * shifts + shift] (the whole horizon).
  const std::vector<int>* others = nullptr;
  // [day * shifts + shift]: added to the cover's over weight (a search's shaping), if given.
  const std::vector<long>* over_surcharge = nullptr;
  double seconds = 1.0;  // CBC's time limit
  long nodes = -1;       // and node limit, if not negative
};

struct WeekendAnswer {
  std::vector<int> picked;  // per slot, the index of its choice
  long cost = 0;            // choices and the slots' weekend cover, as the query prices them
  long start = 0;           // the same for the weekends as they are
};

// nullopt when CBC found nothing; the answer may be the weekends as they are.
std::optional<WeekendAnswer> replan_weekends(const Problem& problem, const WeekendQuery& query);

}  // namespace rcc::roster
