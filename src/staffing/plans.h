// Plans in whole heads and how they are handed between phases: the greedy plan, the LP's rounding,
// heads per candidate, and the best plan found so far. Internal to staffing. No I/O.
#pragma once

#include <limits>
#include <map>
#include <vector>

#include "staffing/candidate_lp.h"

namespace rcc::staffing {

// A plan is a candidate per slot (-1: none yet); `Units` are heads per candidate.
using Units = std::map<int, int>;

// The first of `candidates` of role group `g` that fits in what engineers have `left`, which it
// then takes for one head; -1 if none does.
int take_first_fitting(const Candidates& model, int g, const std::vector<int>& candidates,
                       std::vector<std::vector<double>>& left);

// The scarcest roles (fewest candidates) choose first, each head the cheapest candidate that
// still fits.
std::vector<int> greedy_plan(const Candidates& model);

// Roles in order of their strongest LP value, each head takes the candidate with the most LP
// weight that still fits, else the cheapest that fits; a hire or nobody otherwise.
std::vector<int> round_lp(const Candidates& model, const CandidateLp& lp);

Units units_of(const std::vector<int>& plan);

// Gives the heads of each role, in order, to candidates by how many heads each takes.
void give_heads(const Candidates& model, const Units& units, std::vector<int>& plan);

double cost_of(const Candidates& model, const Units& units);

struct Incumbent {
  std::vector<int> plan;
  double cost = std::numeric_limits<double>::infinity();

  // Keeps `plan` when it serves every head and costs less.
  void offer(const Candidates& model, const std::vector<int>& candidate);
};

// What the phases after the LP share: the best plan so far and the best bound.
struct Search {
  const Candidates& model;
  const CandidateLp& lp;
  Deadline deadline;
  double bound = 0;  // the LP's bound, raised by the bound with whole heads
  Incumbent incumbent;

  double seconds_left() const { return deadline.seconds_left(); }
  bool at_bound() const { return incumbent.cost <= bound + tolerance(bound); }
};

}  // namespace rcc::staffing
