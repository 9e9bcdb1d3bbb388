// The roster search's tuning in one place: every weight, share, cap and time share the search and
// the solver's stages use, each with what it does and why. The measurements behind the values
// are in docs/experiments.md ("Roster search tuning"); change one only with a measurement there.
#pragma once

namespace rcc::roster {

// Group moves (group_replan.h): a window of days, a few employees, few pricing rounds with tight
// caps: many cheap group moves gained more than few exact ones.
struct GroupMoveShape {
  int window_min = 7, window_max = 14;             // days
  int employees_min = 3, employees_max = 6;        // in the group
  int rounds = 6, label_cap = 100, group_cap = 4;  // of its column generation (GroupQuery)
};

// Weekend moves (pair_replan.h): now and then, a random few employees' weekends, a few of them
// at most, re-planned together by CBC. All employees at once: CBC did not better the start.
struct WeekendMoveShape {
  int employees = 24, weekends = 6;
  double seconds = 1.0;  // CBC's time limit
  long nodes = 200;      // its node limit under an iteration budget (a seed gives one answer)
  int day_offset = 5;    // Saturdays: pairs of days at other offsets gained nothing
  // Seconds between weekend moves; from long_horizon_days on, where many weekends share each
  // limit, more often. Under an iteration budget, iterations between them instead.
  double every_seconds = 5.0, every_seconds_long_horizon = 2.5;
  int long_horizon_days = 182;
  long every_iterations = 3'000'000;
};

struct SearchTuning {
  // Search cost of one unit of hard violation: above any soft cost a move can trade for it.
  long hard_weight = 1000;

  // Exact moves (row programme, group, day, weekend moves) every exact_every iterations; each
  // counts as exact_cost of them, about what it costs in time against a small move, so that an
  // iteration budget stays a time budget. Under a time limit the spacing follows what each kind
  // of move earns per second instead (ShareMeter), over this many seconds.
  long exact_every = 64;
  long exact_cost = 32;
  double share_meter_seconds = 0.25;
  int window_days = 8;  // of an exact move on one employee
  // The exact moves are tried in turn (schedule.cpp), each made with its chance when those
  // before it were not: mending a broken row (only for such a row), re-planning one day for
  // everybody (day_flow.h), one row's window, a group's windows; else ruin and recreate.
  double mend_chance = 0.5;
  double day_move_share = 0.25;
  double window_replan_chance = 0.5;
  double group_move_chance = 0.5;
  // Ruin and recreate: how many employees, and the noise on the cells' costs when rebuilding.
  int ruin_employees_min = 2, ruin_employees_max = 4;
  double ruin_noise = 2.0;
  // Small moves (weights of 100, schedule.cpp): exchange two days of a row, change a cell, swap a
  // cell with another row, change a run of 2-4 days, swap a run of 2-5 days.
  int shift_within_weight = 15, change_cell_weight = 25, swap_cell_weight = 25;
  int change_run_weight = 20, swap_run_weight = 15;
  int run_days_min = 2, change_run_days_max = 4, swap_run_days_max = 5;
  // A change rests the cells this often; otherwise it works a shift the day is short of.
  double change_rest_share = 0.33;
  // The row programme's caps in the local search (column generation prices exactly): a move
  // need not be the very best row, and uncapped labels explode with many capped shift types.
  int label_cap = 500, group_cap = 16;
  GroupMoveShape group_move;
  WeekendMoveShape weekend_move;

  // Horizons up to which every row is first built by the row programme. Longer ones start from
  // the greedy roster and mend broken rows over the whole horizon as the search meets them (on a
  // year's horizon the construction alone took a third of the time and the search never
  // recovered).
  int construct_days = 84;

  // Annealing: the temperature falls geometrically from start to end over the time limit (or
  // the iteration budget). A lower end gave the cold end, where the search descends, more time.
  double start_temperature = 50.0, end_temperature = 0.1;
  // A share of moves start from an employee whose row breaks a hard rule, when there is one.
  double violated_first_share = 0.33;

  // Shaping terms of the search cost, outside the objective. From shaped_days on, every weekend
  // worked on one day of the two weighs half_weekend_weight (the weekend limit binds over many
  // weekends, and a half-worked weekend spends it on half the cover); shorter horizons weigh it
  // half_weekend_weight_short_horizon.
  int shaped_days = 84;
  long half_weekend_weight = 80, half_weekend_weight_short_horizon = 30;
  // Where the weekend limit binds, each employee over cover on a weekend weighs this share of the
  // cell's under weight: all of it when the weekends the contracts allow cannot meet the
  // weekends' demand (every such day is a cell short elsewhere), half when they can.
  double weekend_over_share_when_scarce = 1.0, weekend_over_share_when_enough = 0.5;

  // Stages of solve() by size (employees x days): up to column_generation_cells, column
  // generation with branching between a first search and a polishing one; up to root_lp_cells,
  // the root LP alone, the search going on from its rounding. Above, the compact LP that starts
  // the prices did not finish in time and the search does better alone.
  long column_generation_cells = 60L * 28;
  long root_lp_cells = 2000;
  // Shares of the time limit: the first search; then of what is left, the compact LP (root-LP
  // stage only) and column generation; the polishing search has the rest.
  double first_search_share_branching = 0.2, first_search_share_root_lp = 0.1;
  double compact_lp_share = 0.2;
  double column_generation_share_branching = 0.8, column_generation_share_root_lp = 0.6;
  // The root LP alone prices at a point between its best duals and the LP's (Wentges' smoothing),
  // from the compact LP's duals: the share of the best duals.
  double root_lp_smoothing = 0.8;

  // The weekend guide, where the weekend limit binds on horizons of shaped_days or more: the
  // weekends planned alone first (weekend_guided), each weekend day asked for as planned at
  // guide_request_weight of its cell's under weight; the search follows that plan for
  // guided_stage_share of the time left, then goes on without it from unguided_start_temperature.
  // The plan gets at most guide_seconds or guide_time_share of the time limit; above
  // most_guide_choices its LP does not finish in time.
  double guide_request_weight = 0.4;
  double guided_stage_share = 0.8;
  double unguided_start_temperature = 5.0;
  double guide_seconds = 10.0, guide_time_share = 0.1;
  long most_guide_choices = 200000;
};

inline constexpr SearchTuning kTuning{};

}  // namespace rcc::roster
