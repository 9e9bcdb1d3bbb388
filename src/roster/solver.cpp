#include "roster/solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <thread>

#include "model/random.h"
#include "roster/bound.h"
#include "roster/column_generation.h"
#include "roster/day_flow.h"
#include "roster/group_replan.h"
#include "roster/pair_replan.h"
#include "roster/row_dp.h"
#include "roster/row_ledger.h"

namespace rcc::roster {
namespace {

constexpr long kHardWeight = 1000;
// One exact move (row programme) every kDpEvery iterations; it counts as kDpCost of them, about
// what it costs in time against a small move, so an iteration budget stays a time budget.
constexpr long kDpEvery = 64;
constexpr long kDpCost = 32;
constexpr int kWindowDays = 8;
// Horizons up to which every row is first built by the row programme. Longer ones start from the
// greedy roster and mend broken rows over the whole horizon as the search meets them: on
// Instance 23 (364 days) the construction alone took 10 of 30 seconds and the search never
// recovered (69,205 against 29,552 without it, 30 s, seed 1); on Instance 19 (84 days) it pays.
constexpr int kConstructDays = 84;
// The row programme's caps in the local search (column generation prices exactly): a move
// need not be the very best row, and uncapped labels explode with many capped shift types.
constexpr int kLabelCap = 500;
constexpr int kGroupCap = 16;
// Employees x days up to which the solver adds column generation (root LP, dives, MIP over the
// rows) to the local search, and up to which it solves the root LP to start the search from.
// Above, the compact LP that starts the prices did not finish in time (Instances 13 and 19,
// 3,360 cells: > 40 s and > 11 s) and the search does better alone.
constexpr long kColumnGenerationCells = 60L * 28;
constexpr long kGuidedCells = 2000;
// Horizons from which the search weighs every weekend worked on one day of the two as this
// much (its own shaping term, outside the objective): the weekend limit binds over many
// weekends, and a half-worked weekend spends it on half the cover. The search alone makes few
// weekends whole (Instance 23 at 60 s: 272-425 half-worked of 2,400). Means of seeds 1-2 at
// 60 s, without and with it: Instances 19, 21, 23: 4,125 -> 3,784, 26,702 -> 25,965, 27,611 ->
// 25,632; Instance 13 (4 weeks) did better without it: 2,121 -> 2,755. Shorter horizons get a
// lighter weight: with weekend moves and the faster row programme (60 s), Instance
// 13 seeds 1-9 without it 1,688-1,991 (median 1,891), with 30 over seeds 1-6 1,692-1,883
// (median 1,833; 20 and 40 alike, 80 2,212-2,546); Instances 15 and 17, seeds 1-3, medians
// 4,353 -> 4,280 and 5,883 -> 5,765.
constexpr int kShapedDays = 84;
constexpr long kHalfWeekendWeight = 80, kHalfWeekendWeightShort = 30;
// A weekend day worked on a shift already covered spends a weekend of the contract's limit on
// nothing; where the limit binds, that is cover lost on another weekend. So the search weighs
// each employee over cover on a weekend as a share of the cell's under weight (its own shaping
// term, outside the objective): all of it when the weekends the contracts allow cannot meet the
// weekends' demand (every such day is a cell short elsewhere), half when they can. Medians of
// seeds 1-2 at 30 s, without -> with (share 1 / 0.5 when weekends suffice): Instance 21 (short
// of weekends) 28,542 -> 23,523; 19 (short) 3,891 -> 3,751; 17 (short) 5,935 -> 5,810; 15
// 4,722 -> 4,549; 23 25,280 -> 25,081; a share of 1 on Instance 23 made it 26,726.
// Share of exact moves that re-plan one day for everybody (day_flow.h); at 60 s, seeds 1-3, with
// and without: medians within the noise (Instance 13 2100 / 2138, 15 4484 / 4600, 19 3714 / 3639).
constexpr double kDayMoveShare = 0.25;
constexpr double kWeekendOverShareShort = 1.0, kWeekendOverShare = 0.5;
// Where the weekend limit binds on horizons of kShapedDays or more, the search first follows the
// weekends planned alone (weekend_guided), each weekend day asked for as planned at kGuideShare
// of its cell's under weight, for kGuidedShare of the time, then goes on without the plan from
// a cooler kFreeStartTemperature than the first stage's 50 (only 5 was measured). The plan gets at
// most kGuideSeconds or kGuideTimeShare of the time limit; above kMostGuideChoices its LP does not
// finish in 10 s (Instance 23, 381,871). At 60 s, seeds 1-3, side by side with the code before:
// Instance 19 3,637 / 3,685 / 3,444 -> 3,465 / 3,668 / 3,357, 21 22,408 / 22,326 /
// 22,313 -> 22,106 / 22,024 / 22,023. Weights of 0.8 and 2.0 gave medians 3,550 / 4,106 on 19
// (its weekday rules disagree with the plan more) and 21,981 / 21,924 on 21; Instance 13 (4
// weeks) went 1,820 -> 1,904 with 0.4, so shorter horizons search alone. The second stage alone
// (no plan) gained nothing (21: 22,336 / 22,432).
constexpr double kGuideShare = 0.4, kGuidedShare = 0.8, kFreeStartTemperature = 5.0;
constexpr double kGuideSeconds = 10.0, kGuideTimeShare = 0.1;
constexpr long kMostGuideChoices = 200000;

std::vector<long> weekend_over_surcharge(const Problem& p) {
  const int shifts = static_cast<int>(p.shifts.size());
  std::vector<long> surcharge(static_cast<size_t>(p.days) * shifts, 0);
  const int weekends = p.days / 7;
  long allowed = 0, demand = 0;  // weekend days
  bool binds = false;
  for (const auto& e : p.employees) {
    allowed += 2L * std::min(e.max_weekends, weekends);
    binds = binds || e.max_weekends < weekends;
  }
  if (!binds) return surcharge;
  for (int d = 0; d < 7 * weekends; ++d) {
    if (d % 7 < 5) continue;
    for (int t = 0; t < shifts; ++t) demand += p.cover_of(d, static_cast<ShiftIdx>(t)).requirement;
  }
  const double share = demand >= allowed ? kWeekendOverShareShort : kWeekendOverShare;
  for (int d = 0; d < 7 * weekends; ++d) {
    if (d % 7 < 5) continue;
    for (int t = 0; t < shifts; ++t) {
      surcharge[static_cast<size_t>(d) * shifts + t] =
          std::lround(share * p.cover_of(d, static_cast<ShiftIdx>(t)).under_weight);
    }
  }
  return surcharge;
}

// Group moves (group_replan.h): a window of 7-14 days, 3-6 employees, few pricing rounds with
// tight caps: many cheap group moves gained more than few exact ones (Instance 13, 10 s: 183
// moves gained 7,468 with these; 53 moves with 25 rounds and the search's caps gained 5,268).
struct GroupMoveShape {
  int window_min, window_max;        // days
  int employees_min, employees_max;  // in the group
  int rounds, label_cap, group_cap;  // of its column generation (GroupQuery)
};
constexpr GroupMoveShape kGroupMove{.window_min = 7,
                                    .window_max = 14,
                                    .employees_min = 3,
                                    .employees_max = 6,
                                    .rounds = 6,
                                    .label_cap = 100,
                                    .group_cap = 4};

// Weekend moves (pair_replan.h): every few seconds, a random 24 employees' weekends, six of
// them at most. With all 120 employees of Instance 13, CBC did not better the start in 2 s. At
// 60 s, seeds 1-3, Instance 13 / 23: without 1,870 / 1,876 / 1,877 and 21,323-21,643; with
// 36 employees 1,777 / 1,630 / 1,891 and 21,241 / 21,252 / 21,488; with 24: 1,702 / 1,705 /
// 1,707 and 21,288 / 21,370 / 21,454; with 16 and with 60 (CBC 2 s) both worse (13: medians
// 1,814 and 1,888). Every 2.5 s: 23 better (median 21,077), 13 worse (1,886). Pairs of days at
// random offsets, not Saturdays, half of the time: no better (1,840 and 21,388).
struct PairMoveShape {
  int employees, pairs;
  double seconds;  // CBC's time limit
  long nodes;      // its node limit under an iteration budget (a seed gives one answer)
};
constexpr PairMoveShape kPairMove{.employees = 24, .pairs = 6, .seconds = 1.0, .nodes = 200};
constexpr int kWeekendOffset = 5;  // Saturdays: pairs at other offsets gained nothing
// Seconds between weekend moves, and from kLongDays on, where many weekends share each limit:
// 60 s, seeds 1-3, every 5 s / 2.5 s: Instance 21 median 22,522 -> 22,411, 23 22,064 -> 21,692.
constexpr double kPairMoveEvery = 5.0, kPairMoveEveryLong = 2.5;
constexpr int kLongDays = 182;
constexpr long kPairMoveIterations = 3'000'000;  // the same under an iteration budget

// What exact moves and small moves earn per second, to share the time between them.
class ShareMeter {
 public:
  void exact_move(double seconds, long gain) {
    exact_seconds_ += seconds;
    exact_gain_ += gain;
    ++exact_moves_;
  }
  // Every quarter second: the spacing of exact moves (in iterations) that gives each kind of
  // move time in proportion to its gain per second, between a tenth and nine tenths.
  long next_dp_every(double now, long current, long iteration, long dp_every) {
    if (now - since_ < 0.25) return dp_every;
    const double seconds = now - since_;
    const double small_seconds = std::max(1e-6, seconds - exact_seconds_);
    // Each exact move advanced the iteration count by kDpCost besides its small move.
    const long small_moves = std::max(1L, iteration - iteration_at_ - exact_moves_ * kDpCost);
    const double small_gain =
        std::max(0.0, static_cast<double>(cost_at_ - current - exact_gain_)) + 1.0;
    const double exact_gain = std::max(0.0, static_cast<double>(exact_gain_)) + 1.0;
    if (exact_moves_ > 0) {
      const double exact_rate = exact_gain / std::max(1e-6, exact_seconds_);
      const double small_rate = small_gain / small_seconds;
      const double share = std::clamp(exact_rate / (exact_rate + small_rate), 0.1, 0.9);
      const double per_exact = exact_seconds_ / static_cast<double>(exact_moves_);
      const double per_small = small_seconds / static_cast<double>(small_moves);
      dp_every = std::clamp(static_cast<long>(per_exact * (1 - share) / (share * per_small)), 1L,
                            1L << 20);
    }
    since_ = now;
    cost_at_ = current;
    iteration_at_ = iteration;
    exact_seconds_ = 0;
    exact_gain_ = 0;
    exact_moves_ = 0;
    return dp_every;
  }

 private:
  double since_ = 0, exact_seconds_ = 0;
  long cost_at_ = 0, iteration_at_ = 0, exact_gain_ = 0, exact_moves_ = 0;
};

// How one stage of a solve runs: where its temperature starts, and how it reports progress
// when it searches a shaped copy of the problem or begins later in the run.
struct Stage {
  double start_temperature = 50.0;
  const Problem* reported = nullptr;  // progress gives this problem's objective, not the copy's
  double clock_offset = 0;            // seconds of the solve before the stage began
};

class Search {
 public:
  Search(const Problem& p, const SolveOptions& o, const Roster* start, bool weekend_moves,
         const Stage& stage)
      : p_(p),
        o_(o),
        stage_(stage),
        requests_(p),
        rng_(o.seed),
        roster_(empty_roster(p)),
        shifts_(static_cast<int>(p.shifts.size())),
        half_weight_(p.days >= kShapedDays ? kHalfWeekendWeight : kHalfWeekendWeightShort),
        over_surcharge_(weekend_over_surcharge(p)),
        weekend_moves_(weekend_moves) {
    cover_.assign(static_cast<size_t>(p.days) * shifts_, 0);
    row_.assign(p.employees.size(), 0);
    shaping_.assign(p.employees.size(), 0);
    hard_.assign(p.employees.size(), 0);
    started_ = start != nullptr;
    if (start != nullptr || o.published != nullptr) {
      roster_ = start != nullptr ? *start : *o.published;
      for (const auto& row : roster_) {
        for (int d = 0; d < p.days; ++d) {
          if (row[d] != kOff) ++cover_[d * shifts_ + row[d]];
        }
      }
    }
    terms_.requests = &requests_;
    terms_.fairness_weight = p.fairness_weight;
    if (o.published != nullptr && o.change_penalty > 0) {
      terms_.published = o.published;
      terms_.change_penalty = o.change_penalty;
    }
    ledgers_.reserve(p.employees.size());
    for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) {
      ledgers_.emplace_back(p, i, terms_, roster_[i]);
    }
    if (start == nullptr && o.published == nullptr) construct();
    for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) store(i);
    for (int c = 0; c < p.days * shifts_; ++c) over_shaping_sum_ += over_shaping(c, cover_[c]);
    current_ = total();
  }

  // Each employee re-planned in turn against everybody else: rows that keep every rule. A
  // long construction stops at the time limit; the search goes on from there.
  void construct_rows(double seconds) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < static_cast<int>(p_.employees.size()); ++i) {
      replan(i, 0, p_.days, 0);
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds)
        break;
    }
  }

  SolveResult run(double seconds) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const auto elapsed = [&] {
      return std::chrono::duration<double>(clock::now() - start).count();
    };
    if (o_.published == nullptr && !started_ && p_.days <= kConstructDays) {
      construct_rows(seconds / 2);
    }
    SolveResult best;
    best.roster = roster_;
    long best_cost = objective_now();
    bool best_feasible = hard_total() == 0;
    // Temperature falls geometrically from T0 to T1 over the time limit. Ending at 0.5 left the
    // cold end, where the search descends, too short: at 120 s Instance 13 reached 1,793
    // against about 2,100 at 60 s. At 60 s, seeds 1-3 with 50 -> 0.5, then seeds 1-2 with
    // 50 -> 0.1: Instance 13 1,943-2,164 -> 1,901 / 1,786; 19 3,590-3,697 -> 3,679 / 3,453;
    // 23 23,271-23,458 -> 21,121 / 21,728. Starting at 25 did as well on 13 and 23 and worse on
    // 19 (3,786-4,073).
    const double t0 = stage_.start_temperature, t1 = 0.1;
    double temperature = t0;
    long it = 0;
    const int n = static_cast<int>(p_.employees.size());
    std::vector<int> violated;  // employees whose row breaks a hard rule, refreshed now and then
    // Under a time limit the share of exact moves follows what each kind of move earns per
    // second (measured over the last quarter second); under an iteration budget it stays fixed
    // so that a seed gives one answer.
    long dp_every = kDpEvery, next_dp = 0, next_check = 0;
    double next_weekend = 0;
    long next_weekend_iteration = 0;
    ShareMeter meter;
    for (;; ++it) {
      if (it >= next_check) {
        next_check = it + 1024;
        violated.clear();
        for (int i = 0; i < n; ++i) {
          if (hard_[i] > 0) violated.push_back(i);
        }
        const double s = elapsed();
        if (s >= seconds) break;
        if (o_.moves_made) o_.moves_made(it);
        // With an iteration budget the schedule follows iterations, so a seed gives one answer.
        const double progress =
            o_.max_iterations > 0 ? static_cast<double>(it) / static_cast<double>(o_.max_iterations)
                                  : s / seconds;
        temperature = t0 * std::pow(t1 / t0, progress);
        if (o_.max_iterations == 0) dp_every = meter.next_dp_every(s, current_, it, dp_every);
        // Weekend moves by the clock under a time limit, by iterations under a budget.
        if (o_.max_iterations > 0 ? it >= next_weekend_iteration : s >= next_weekend) {
          if (weekend_moves_) pair_move(kWeekendOffset);
          next_weekend = elapsed() + (p_.days >= kLongDays ? kPairMoveEveryLong : kPairMoveEvery);
          next_weekend_iteration = it + kPairMoveIterations;
        }
      }
      if (o_.max_iterations > 0 && it >= o_.max_iterations) break;
      // A third of the moves start from an employee whose row is infeasible, if any.
      const int i = !violated.empty() && rng_.chance(0.33)
                        ? violated[rng_.below(static_cast<int>(violated.size()))]
                        : rng_.below(n);
      // Now and then an exact move: one employee's window re-planned by the row programme, or
      // a few employees' windows ruined and rebuilt one after the other.
      if (it >= next_dp) {
        next_dp = it + dp_every;
        const auto began = o_.max_iterations == 0 ? clock::now() : clock::time_point{};
        const long before = current_;
        const auto [from, to] = window();
        if (hard_[i] > 0 && rng_.chance(0.5)) {
          // A broken row is mended around a rule it breaks on some day, else (or when that
          // fails) over the whole horizon: rules about the whole row (minutes, weekends, counts)
          // need it. (Instances 21 and 23, 20 s, seeds 1-4: 1 % and 6 % lower on average.)
          const int day = breach_day(i);
          const long broken = hard_[i];
          if (day >= 0) {
            const int from_day = std::max(0, day - kWindowDays / 2);
            replan(i, from_day, std::min(p_.days, from_day + kWindowDays), 0);
          }
          if (hard_[i] >= broken) replan(i, 0, p_.days, 0);
        } else if (rng_.chance(kDayMoveShare)) {
          day_move();
        } else if (rng_.chance(0.5)) {
          replan(i, from, to, 0);
        } else if (p_.fairness_weight == 0 && rng_.chance(0.5)) {
          group_move(i);
        } else {
          ruin_recreate(from, to, temperature);
        }
        if (o_.max_iterations == 0) {
          meter.exact_move(std::chrono::duration<double>(clock::now() - began).count(),
                           before - current_);
        }
        it += kDpCost;
      }
      const int kind = rng_.below(100);
      if (kind < 15) {
        shift_within(i, rng_.below(p_.days), rng_.below(p_.days), temperature);
      } else if (kind < 40) {
        change(i, rng_.below(p_.days), 1, temperature);
      } else if (kind < 65) {
        swap(i, rng_.below(n), rng_.below(p_.days), 1, temperature);
      } else if (kind < 85) {
        change(i, rng_.below(p_.days), rng_.between(2, 4), temperature);
      } else {
        swap(i, rng_.below(n), rng_.below(p_.days), rng_.between(2, 5), temperature);
      }
      const bool feasible = hard_total() == 0;
      if ((feasible && (!best_feasible || objective_now() < best_cost)) ||
          (!best_feasible && !feasible && objective_now() < best_cost)) {
        best_cost = objective_now();
        best_feasible = feasible;
        best.roster = roster_;
        best.seconds_to_best = elapsed();
        if (o_.progress && feasible) report(best.seconds_to_best, best_cost);
      }
    }
    best.iterations = it;
    best.evaluation = evaluate(p_, best.roster);
    if (o_.published != nullptr) {
      for (size_t i = 0; i < best.roster.size(); ++i) {
        for (int d = 0; d < p_.days; ++d) {
          best.changed_cells += best.roster[i][d] != (*o_.published)[i][d] ? 1 : 0;
        }
      }
      best.replan_cost =
          best.evaluation.objective + static_cast<long>(o_.change_penalty) * best.changed_cells;
    }
    best.status = best.evaluation.feasible() ? SolveStatus::feasible
                                             : SolveStatus::time_limit_without_solution;
    return best;
  }

 private:
  // Progress on the clock of the whole solve, in the objective of the problem the solve is for.
  void report(double seconds, long cost) {
    if (stage_.reported == nullptr) {
      o_.progress(stage_.clock_offset + seconds, cost);
    } else if (seconds >= next_report_) {
      next_report_ = seconds + 0.1;  // a full evaluation per report
      o_.progress(stage_.clock_offset + seconds, evaluate(*stage_.reported, roster_).objective);
    }
  }

  // Takes row i's price from its ledger.
  void store(int i) {
    const long hard = ledgers_[i].hard();
    hard_violations_ += (hard > 0) - (hard_[i] > 0);
    hard_[i] = hard;
    const long shaping = half_weight_ * ledgers_[i].half_weekends();
    shaping_sum_ += shaping - shaping_[i];
    shaping_[i] = shaping;
    row_[i] = hard * kHardWeight + ledgers_[i].soft() + shaping;
  }

  long priced(int i) const {
    return ledgers_[i].hard() * kHardWeight + ledgers_[i].soft() +
           half_weight_ * ledgers_[i].half_weekends();
  }

  // The objective of the roster as it stands: the search cost less its shaping terms.
  long objective_now() const { return current_ - shaping_sum_ - over_shaping_sum_; }

  // Sets one cell through the row's ledger and the cover; returns the cover's cost change.
  long put(int i, int d, ShiftIdx to) {
    const long delta = cover_delta(d, roster_[i][d], to);
    ledgers_[i].set(d, to);
    return delta;
  }

  long cover_cost(int d, ShiftIdx t, int n) const {
    const auto& c = p_.cover_of(d, t);
    return n < c.requirement ? static_cast<long>(c.requirement - n) * c.under_weight
                             : static_cast<long>(n - c.requirement) *
                                   (c.over_weight + over_surcharge_[d * shifts_ + t]);
  }

  // The weekend-over shaping of cell c (day * shifts + shift) with n employees on it.
  long over_shaping(int c, int n) const {
    return over_surcharge_[c] * std::max(0, n - p_.cover[c].requirement);
  }

  long total() const {
    long sum = 0;
    for (long r : row_) sum += r;
    for (int d = 0; d < p_.days; ++d) {
      for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(shifts_); ++t)
        sum += cover_cost(d, t, cover_[d * shifts_ + t]);
    }
    return sum;
  }

  // Employees with a hard violation; 0 means the roster is feasible.
  long hard_total() const { return hard_violations_; }

  // Cover delta of changing cell (d) from `from` to `to`, given pending changes already applied.
  long cover_delta(int d, ShiftIdx from, ShiftIdx to) {
    long delta = 0;
    if (from != kOff) {
      const int c = d * shifts_ + from;
      int& n = cover_[c];
      delta += cover_cost(d, from, n - 1) - cover_cost(d, from, n);
      over_shaping_sum_ += over_shaping(c, n - 1) - over_shaping(c, n);
      --n;
    }
    if (to != kOff) {
      const int c = d * shifts_ + to;
      int& n = cover_[c];
      delta += cover_cost(d, to, n + 1) - cover_cost(d, to, n);
      over_shaping_sum_ += over_shaping(c, n + 1) - over_shaping(c, n);
      ++n;
    }
    return delta;
  }

  bool accept(long delta, double temperature) {
    return delta <= 0 || rng_.unit() < std::exp(-static_cast<double>(delta) / temperature);
  }

  // Row i has just been changed through its ledger and the change's cover cost is
  // `cover_cost_delta`: keep the change (true) or leave it to the caller to undo (false).
  bool keep_row_change(int i, long cover_cost_delta, double temperature) {
    const long delta = cover_cost_delta + priced(i) - row_[i];
    if (!accept(delta, temperature)) return false;
    store(i);
    current_ += delta;
    return true;
  }

  // Set days [d, d+len) of employee i to one value (a shift or off).
  void change(int i, int d, int len, double temperature) {
    len = std::min(len, p_.days - d);
    // A third of the changes rest (with many shift types a uniform pick would rarely), the others
    // work a shift the day is short of when there is one: a random shift mostly breaks a rule or
    // covers nothing. (Instances 13, 21, 23, 20 s, seeds 1-2: 5-15 % lower objectives.)
    ShiftIdx to = kOff;
    if (!rng_.chance(0.33)) {
      const int first = rng_.below(shifts_);
      to = static_cast<ShiftIdx>(first);
      for (int k = 0; k < shifts_; ++k) {
        const auto t = static_cast<ShiftIdx>((first + k) % shifts_);
        if (cover_[d * shifts_ + t] < p_.cover_of(d, t).requirement) {
          to = t;
          break;
        }
      }
    }
    const auto& row = roster_[i];
    ShiftIdx old[8];  // len <= 4
    long delta = 0;
    bool changed = false;
    for (int k = 0; k < len; ++k) {
      old[k] = row[d + k];
      if (row[d + k] == to) continue;
      changed = true;
      delta += put(i, d + k, to);
    }
    if (!changed) return;
    if (keep_row_change(i, delta, temperature)) return;
    for (int k = 0; k < len; ++k) put(i, d + k, old[k]);
  }

  // Exchange days [d, d+len) between employees i and j: cover stays the same.
  void swap(int i, int j, int d, int len, double temperature) {
    if (i == j) return;
    len = std::min(len, p_.days - d);
    const auto& a = roster_[i];
    const auto& b = roster_[j];
    bool differs = false;
    for (int k = 0; k < len; ++k) differs = differs || a[d + k] != b[d + k];
    if (!differs) return;
    const auto exchange = [&] {
      for (int k = 0; k < len; ++k) {
        const ShiftIdx x = a[d + k], y = b[d + k];
        ledgers_[i].set(d + k, y);
        ledgers_[j].set(d + k, x);
      }
    };
    exchange();
    const long delta = priced(i) - row_[i] + priced(j) - row_[j];
    if (accept(delta, temperature)) {
      store(i);
      store(j);
      current_ += delta;
      return;
    }
    exchange();
  }

  // Exchange days d1 and d2 of one employee: the same shifts, worked on other days. Keeps the
  // employee's minutes and counts, reshapes runs of work and rest.
  void shift_within(int i, int d1, int d2, double temperature) {
    const auto& row = roster_[i];
    if (d1 == d2 || row[d1] == row[d2]) return;
    const ShiftIdx a = row[d1], b = row[d2];
    const long delta = put(i, d1, b) + put(i, d2, a);
    if (keep_row_change(i, delta, temperature)) return;
    put(i, d1, a);
    put(i, d2, b);
  }

  // A day on which row i breaks a rule about days (runs, successions, days off), one of them at
  // random; -1 when it only breaks rules about the whole row.
  int breach_day(int i) {
    int day = -1, seen = 0;
    for_each_breach(p_, i, roster_[i], [&](const Breach& b) {
      if (b.day >= 0 && rng_.below(++seen) == 0) day = b.day;
    });
    return day;
  }

  // A window of days for an exact move: the whole horizon when it is short.
  std::pair<int, int> window() {
    const int length = std::min(p_.days, rng_.between(kWindowDays / 2, kWindowDays));
    const int from = rng_.below(p_.days - length + 1);
    return {from, from + length};
  }

  // Replace row i, keeping cover, the row's price and the total up to date.
  void set_row(int i, const std::vector<ShiftIdx>& row) {
    long delta = 0;
    for (int d = 0; d < p_.days; ++d) {
      if (row[d] != roster_[i][d]) delta += put(i, d, row[d]);
    }
    current_ += delta + priced(i) - row_[i];
    store(i);
  }

  // Re-plan days [from, to) of employee i against the cover of everybody else, exactly (the
  // best row under the contract), with `noise` added at random to every cell's cost to move
  // the search elsewhere. Keeps the new row when it is no worse; returns whether it did.
  bool replan(int i, int from, int to, double noise,
              const std::vector<ShiftIdx>* bound_by = nullptr) {
    const int width = shifts_ + 1;
    dp_cost_.assign(static_cast<size_t>(p_.days) * width, 0.0);
    const auto& row = roster_[i];
    long nights = 0, weekend_days = 0;
    if (p_.fairness_weight > 0) {
      for (int d = 0; d < p_.days; ++d) {
        if (row[d] == kOff) continue;
        nights += p_.shifts[row[d]].night ? 1 : 0;
        weekend_days += d % 7 >= 5 ? 1 : 0;
      }
    }
    for (int d = from; d < to; ++d) {
      double* c = &dp_cost_[static_cast<size_t>(d) * width];
      for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(shifts_); ++t) {
        const int others = cover_[d * shifts_ + t] - (row[d] == t ? 1 : 0);
        c[1 + t] = static_cast<double>(cover_cost(d, t, others + 1) - cover_cost(d, t, others));
        // The squares of fairness, linearised around the row as it is.
        if (p_.fairness_weight > 0) {
          if (p_.shifts[t].night)
            c[1 + t] += static_cast<double>(p_.fairness_weight * (2 * nights + 1));
          if (d % 7 >= 5)
            c[1 + t] += static_cast<double>(p_.fairness_weight * (2 * weekend_days + 1));
        }
      }
      for (const auto& [t, w] : requests_.on[i][d]) {
        for (int v = 0; v < width; ++v) c[v] += v != 1 + t ? w : 0;
      }
      for (const auto& [t, w] : requests_.off[i][d]) c[1 + t] += w;
      if (o_.published != nullptr && o_.change_penalty > 0) {
        const ShiftIdx before = (*o_.published)[i][d];
        for (int v = 0; v < width; ++v) c[v] += v != 1 + before ? o_.change_penalty : 0;
      }
      if (noise > 0) {
        for (int v = 0; v < width; ++v) c[v] += noise * rng_.unit();
      }
    }
    RowQuery query;
    query.employee = i;
    query.cost = &dp_cost_;
    query.fixed = &row;
    query.free_from = from;
    query.free_to = to;
    // A whole long horizon at once (the construction) gets tighter caps.
    const bool long_window = to - from > 2 * kWindowDays;
    query.label_cap = long_window ? kLabelCap / 8 : kLabelCap;
    query.group_cap = long_window ? 2 : kGroupCap;
    // Only a row better than `reference` is of use (its own row when there is no noise); the
    // bound lets the programme drop partial rows early.
    // A row that breaks a rule is worth replacing by any row that keeps them all.
    const auto& reference = noise == 0 || bound_by == nullptr ? row : *bound_by;
    query.half_weekend_cost = static_cast<double>(half_weight_);
    if (hard_[i] == 0) {
      query.bound = noise == 0 ? 0 : 1e-6;
      for (int d = from; d < to; ++d)
        query.bound += dp_cost_[static_cast<size_t>(d) * width + 1 + reference[d]];
      query.bound += half_weekend_penalty(p_, query, reference);
    }
    std::optional<RowAnswer> answer;
    try {
      answer = best_row(p_, query);
      // Tight caps can lose every row that keeps the rules; a broken row is worth a wider look,
      // step by step (the widest costs seconds on a year's horizon).
      while (!answer && hard_[i] > 0 && query.label_cap < kLabelCap * 4) {
        query.label_cap *= 4;
        query.group_cap = std::min(query.group_cap * 2, kGroupCap * 2);
        answer = best_row(p_, query);
      }
    } catch (const std::length_error&) {
      return false;  // too many capped shift types for the programme: small moves only
    }
    if (!answer || answer->row == row) return false;
    const auto saved = row;
    const long before = current_;
    set_row(i, answer->row);
    if (noise == 0 && current_ > before) {
      set_row(i, saved);
      return false;
    }
    return true;
  }

  // Ruin the window of a few employees (rest there) and rebuild them one by one, each the best
  // answer to the cover the others leave; kept by the annealing rule.
  void ruin_recreate(int from, int to, double temperature) {
    const int n = static_cast<int>(p_.employees.size());
    const int size = std::min(n, rng_.between(2, 4));
    group_.clear();
    while (static_cast<int>(group_.size()) < size) {
      const int i = rng_.below(n);
      if (std::find(group_.begin(), group_.end(), i) == group_.end()) group_.push_back(i);
    }
    saved_.clear();
    const long before = current_;
    for (int i : group_) {
      saved_.push_back(roster_[i]);
      auto rested = roster_[i];
      std::fill(rested.begin() + from, rested.begin() + to, kOff);
      set_row(i, rested);
    }
    const double noise = rng_.unit() * 2;
    bool rebuilt = true;
    for (size_t k = 0; k < group_.size(); ++k) {
      const int i = group_[k];
      rebuilt = (replan(i, from, to, noise, &saved_[k]) || hard_[i] == 0) && rebuilt;
    }
    if (rebuilt && accept(current_ - before, temperature)) return;
    for (size_t k = 0; k < group_.size(); ++k) set_row(group_[k], saved_[k]);
  }

  // A few employees' windows re-planned together (group_replan.h), kept when the search cost
  // is no worse. Aimed at a cell short of cover when there is one: a window around it and
  // employees who may work its shift that day, so that one can take it while the others take
  // over what it leaves; otherwise the employee `first` and others at random.
  void group_move(int first) {
    const int n = static_cast<int>(p_.employees.size());
    const int length =
        std::min(p_.days, rng_.between(kGroupMove.window_min, kGroupMove.window_max));
    const int size = std::min(n, rng_.between(kGroupMove.employees_min, kGroupMove.employees_max));
    GroupQuery query;
    short_cells_.clear();
    for (int c = 0; c < p_.days * shifts_; ++c) {
      if (cover_[c] < p_.cover[c].requirement) short_cells_.push_back(c);
    }
    if (!short_cells_.empty()) {
      const int cell = short_cells_[rng_.below(static_cast<int>(short_cells_.size()))];
      const int day = cell / shifts_;
      const auto shift = static_cast<ShiftIdx>(cell % shifts_);
      query.from = std::clamp(day - rng_.below(length), 0, p_.days - length);
      pool_.clear();
      for (int e = 0; e < n; ++e) {
        const auto& employee = p_.employees[e];
        if (employee.max_shifts[shift] == 0 || roster_[e][day] == shift) continue;
        if (std::find(employee.days_off.begin(), employee.days_off.end(), day) !=
            employee.days_off.end())
          continue;
        pool_.push_back(e);
      }
      while (static_cast<int>(query.employees.size()) < size && !pool_.empty()) {
        const int k = rng_.below(static_cast<int>(pool_.size()));
        query.employees.push_back(pool_[k]);
        pool_[k] = pool_.back();
        pool_.pop_back();
      }
      if (query.employees.empty()) return;
    } else {
      query.from = rng_.below(p_.days - length + 1);
      query.employees.push_back(first);
      while (static_cast<int>(query.employees.size()) < size) {
        const int j = rng_.below(n);
        if (std::find(query.employees.begin(), query.employees.end(), j) == query.employees.end())
          query.employees.push_back(j);
      }
    }
    query.to = query.from + length;
    // Everybody else's cover, and what each cell of the group's windows costs besides it.
    others_ = cover_;
    const int width = shifts_ + 1;
    group_cells_.resize(query.employees.size());
    for (size_t m = 0; m < query.employees.size(); ++m) {
      const int e = query.employees[m];
      for (int d = 0; d < p_.days; ++d) {
        if (roster_[e][d] != kOff) --others_[d * shifts_ + roster_[e][d]];
      }
      auto& cells = group_cells_[m];
      cells.assign(static_cast<size_t>(p_.days) * width, 0.0);
      for (int d = query.from; d < query.to; ++d) {
        double* c = &cells[static_cast<size_t>(d) * width];
        for (const auto& [t, w] : requests_.on[e][d]) {
          for (int v = 0; v < width; ++v) c[v] += v != 1 + t ? w : 0;
        }
        for (const auto& [t, w] : requests_.off[e][d]) c[1 + t] += w;
        if (o_.published != nullptr && o_.change_penalty > 0) {
          const ShiftIdx before = (*o_.published)[e][d];
          for (int v = 0; v < width; ++v) c[v] += v != 1 + before ? o_.change_penalty : 0;
        }
      }
    }
    query.roster = &roster_;
    query.others = &others_;
    query.cell_cost = &group_cells_;
    query.label_cap = kGroupMove.label_cap;
    query.group_cap = kGroupMove.group_cap;
    query.max_rounds = kGroupMove.rounds;
    query.half_weekend_cost = static_cast<double>(half_weight_);
    const auto answer = replan_group(p_, query);
    if (!answer || answer->cost >= answer->start) return;
    saved_.clear();
    const long before = current_;
    for (size_t m = 0; m < query.employees.size(); ++m) {
      saved_.push_back(roster_[query.employees[m]]);
      set_row(query.employees[m], answer->rows[m]);
    }
    if (current_ <= before) return;
    for (size_t m = 0; m < query.employees.size(); ++m) set_row(query.employees[m], saved_[m]);
  }

  // Every employee's cell on one day re-chosen together, exactly (day_flow.h), at the search
  // cost; kept when no worse. Aimed at a day with a cell short of cover when there is one.
  void day_move() {
    const int n = static_cast<int>(p_.employees.size());
    int day = rng_.below(p_.days);
    short_cells_.clear();
    for (int c = 0; c < p_.days * shifts_; ++c) {
      if (cover_[c] < p_.cover[c].requirement) short_cells_.push_back(c);
    }
    if (!short_cells_.empty())
      day = short_cells_[rng_.below(static_cast<int>(short_cells_.size()))] / shifts_;
    const int width = shifts_ + 1;
    day_cost_.assign(static_cast<size_t>(n) * width, DayFlowQuery::kNoValue);
    for (int i = 0; i < n; ++i) {
      const ShiftIdx was = roster_[i][day];
      const long base = priced(i);
      for (int v = 0; v < width; ++v) {
        const auto value = static_cast<ShiftIdx>(v - 1);
        if (value != kOff && value != was && p_.employees[i].max_shifts[value] == 0) continue;
        ledgers_[i].set(day, value);
        day_cost_[static_cast<size_t>(i) * width + v] = priced(i) - base;
      }
      ledgers_[i].set(day, was);
    }
    DayFlowQuery query;
    query.day = day;
    query.cost = &day_cost_;
    query.over_surcharge = &over_surcharge_;
    const auto answer = best_day(p_, query);
    long delta = 0;
    changed_.clear();
    for (int i = 0; i < n; ++i) {
      if (answer.values[i] == roster_[i][day]) continue;
      delta += put(i, day, answer.values[i]);
      changed_.push_back(i);
    }
    for (int i : changed_) {
      delta += priced(i) - row_[i];
      store(i);
    }
    current_ += delta;
  }

  // Pairs of days a week apart (days 7w + offset and the next, weekends at offset 5) of some
  // employees whose rows keep the rules, re-planned together with every other day fixed
  // (pair_replan.h), at the search cost; kept when no worse.
  void pair_move(int offset) {
    if (p_.fairness_weight > 0) return;
    chosen_days_.clear();
    for (int d = offset; d + 1 < p_.days; d += 7) chosen_days_.push_back(d);
    const int blocks = static_cast<int>(chosen_days_.size());
    if (blocks == 0) return;
    for (int k = 0; k < blocks; ++k) {
      std::swap(chosen_days_[k], chosen_days_[k + rng_.below(blocks - k)]);
    }
    chosen_days_.resize(std::min(kPairMove.pairs, blocks));
    PairQuery query;
    others_ = cover_;
    pair_members_.clear();
    const int n = static_cast<int>(p_.employees.size());
    pool_.clear();
    for (int i = 0; i < n; ++i) {
      if (hard_[i] == 0) pool_.push_back(i);
    }
    const int members = std::min(kPairMove.employees, static_cast<int>(pool_.size()));
    for (int k = 0; k < members; ++k) {
      std::swap(pool_[k], pool_[k + rng_.below(static_cast<int>(pool_.size()) - k)]);
    }
    pool_.resize(members);
    std::sort(pool_.begin(), pool_.end());
    for (int i : pool_) {
      const auto& e = p_.employees[i];
      auto& ledger = ledgers_[i];
      auto& row = roster_[i];
      PairMember member;
      member.shifts_left.resize(shifts_);
      long minutes = ledger.minutes();
      long worked = ledger.weekends();
      for (int t = 0; t < shifts_; ++t)
        member.shifts_left[t] = e.max_shifts[t] - ledger.shifts_of(static_cast<ShiftIdx>(t));
      const long base = ledger.soft() + half_weight_ * ledger.half_weekends();
      const int m = static_cast<int>(query.members.size());
      for (int day : chosen_days_) {
        const ShiftIdx was_first = row[day], was_second = row[day + 1];
        for (ShiftIdx v : {was_first, was_second}) {
          if (v == kOff) continue;
          minutes -= p_.shifts[v].minutes;
          ++member.shifts_left[v];
        }
        if (was_first != kOff) --others_[day * shifts_ + was_first];
        if (was_second != kOff) --others_[(day + 1) * shifts_ + was_second];
        // The weekends the row works with the pair at rest: a choice works one more or not.
        ledger.set(day, kOff);
        ledger.set(day + 1, kOff);
        const long resting = ledger.weekends();
        ledger.set(day, was_first);
        ledger.set(day + 1, was_second);
        worked -= ledger.weekends() - resting;
        PairSlot slot;
        slot.member = m;
        slot.day = day;
        slot.choices.push_back({was_first, was_second, ledger.weekends() > resting, 0});
        for (int a = -1; a < shifts_; ++a) {
          const auto first = static_cast<ShiftIdx>(a);
          if (first != kOff && e.max_shifts[first] == 0) continue;
          ledger.set(day, first);
          for (int b = -1; b < shifts_; ++b) {
            const auto second = static_cast<ShiftIdx>(b);
            if (second != kOff && e.max_shifts[second] == 0) continue;
            if (first == was_first && second == was_second) continue;
            ledger.set(day + 1, second);
            if (ledger.day_rules() > 0) continue;
            const long cost = ledger.soft() + half_weight_ * ledger.half_weekends() - base;
            slot.choices.push_back({first, second, ledger.weekends() > resting, cost});
          }
          ledger.set(day + 1, was_second);
        }
        ledger.set(day, was_first);
        query.slots.push_back(std::move(slot));
      }
      member.minutes_min = e.min_total_minutes - minutes;
      member.minutes_max = e.max_total_minutes - minutes;
      member.weekends_left = static_cast<int>(e.max_weekends - worked);
      query.members.push_back(std::move(member));
      pair_members_.push_back(i);
    }
    query.others = &others_;
    query.over_surcharge = &over_surcharge_;
    query.seconds = kPairMove.seconds;
    query.nodes = o_.max_iterations > 0 ? kPairMove.nodes : -1;
    const auto answer = replan_pairs(p_, query);
    if (!answer || answer->cost >= answer->start) return;
    const long before = current_;
    changed_.clear();
    saved_.clear();
    long delta = 0;
    for (size_t s = 0; s < query.slots.size(); ++s) {
      const auto& slot = query.slots[s];
      const auto& c = slot.choices[answer->picked[s]];
      const int i = pair_members_[slot.member];
      if (c.first == roster_[i][slot.day] && c.second == roster_[i][slot.day + 1]) continue;
      if (changed_.empty() || changed_.back() != i) {
        changed_.push_back(i);
        saved_.push_back(roster_[i]);
      }
      delta += put(i, slot.day, c.first) + put(i, slot.day + 1, c.second);
    }
    for (int i : changed_) {
      delta += priced(i) - row_[i];
      store(i);
    }
    current_ += delta;
    if (current_ <= before) return;
    for (size_t k = 0; k < changed_.size(); ++k) set_row(changed_[k], saved_[k]);
  }

  // Greedy start: fill each day's cover with the employees who may work it, most needed first.
  void construct() {
    for (int d = 0; d < p_.days; ++d) {
      for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(shifts_); ++t) {
        const int want = p_.cover_of(d, t).requirement;
        for (int i = 0; i < static_cast<int>(p_.employees.size()) && cover_[d * shifts_ + t] < want;
             ++i) {
          const auto& e = p_.employees[i];
          if (roster_[i][d] != kOff || e.max_shifts[t] == 0) continue;
          if (std::find(e.days_off.begin(), e.days_off.end(), d) != e.days_off.end()) continue;
          const long before = ledgers_[i].hard();
          ledgers_[i].set(d, t);
          if (ledgers_[i].hard() > before) {
            ledgers_[i].set(d, kOff);
            continue;
          }
          ++cover_[d * shifts_ + t];
        }
      }
    }
  }

  const Problem& p_;
  const SolveOptions& o_;
  Stage stage_;
  double next_report_ = 0;  // of a stage that reports another problem's objective
  RequestIndex requests_;
  model::Rng rng_;
  Roster roster_;
  int shifts_;
  long half_weight_;           // of each half-worked weekend in the search cost
  std::vector<long> shaping_;  // each row's share of it
  long shaping_sum_ = 0;
  std::vector<long> over_surcharge_;  // [day * shifts + shift] weekend-over shaping per employee
  bool weekend_moves_;
  long over_shaping_sum_ = 0;  // its share of the search cost
  std::vector<int> cover_;     // [day * shifts + shift] employees on shift
  std::vector<long> row_;      // priced rows
  std::vector<long> hard_;     // hard amount per row
  long hard_violations_ = 0;
  long current_ = 0;
  bool started_ = false;  // from a given roster: no construction
  RowTerms terms_;
  std::vector<RowLedger> ledgers_;  // one per row of roster_, pricing it cell by cell
  std::vector<double> dp_cost_;
  std::vector<long> day_cost_;  // a day move's cell costs
  std::vector<int> changed_;    // employees a day move changed
  std::vector<int> group_;
  std::vector<int> short_cells_, pool_;           // a group move's aim and candidates
  std::vector<int> others_;                       // cover without the group's rows
  std::vector<std::vector<double>> group_cells_;  // the group's cell costs
  std::vector<std::vector<ShiftIdx>> saved_;
  std::vector<int> chosen_days_, pair_members_;  // a pair move's
};

}  // namespace

RowCost row_cost(const Problem& problem, int employee, const std::vector<ShiftIdx>& row) {
  RequestIndex index(problem);
  RowCost cost;
  cost.hard = hard_amount(problem, employee, row);
  for (int d = 0; d < problem.days; ++d) {
    for (const auto& [t, w] : index.on[employee][d]) cost.requests += row[d] != t ? w : 0;
    for (const auto& [t, w] : index.off[employee][d]) cost.requests += row[d] == t ? w : 0;
  }
  return cost;
}

// The weekends planned alone (weekends_alone, pair_replan.h) as requests in a copy of the
// problem: each weekend day asked for as the plan has it, at a share of the cell's under
// weight. Where the weekend limit binds over many weekends, the search alone spends it badly
// and this plan shows where it goes (in under 3 s on Instances 13 and 21, at the weekends' LP
// bound, so optimal for the weekends alone); the requests leave the search free to depart from
// it where the weekdays' rules or cover disagree (pinned, the plan made Instances 19 and 21
// infeasible). nullopt where the plan is too large or was not found in time.
std::optional<Problem> weekend_guided(const Problem& p, double seconds) {
  auto alone = weekends_alone(p);
  if (alone.choices > kMostGuideChoices) return std::nullopt;
  alone.query.seconds = seconds;
  const auto picked = plan_pairs(p, alone.query);
  if (!picked) return std::nullopt;
  Problem guided = p;
  const auto weight = [&](int day, int shift) {
    const auto under = p.cover_of(day, static_cast<ShiftIdx>(shift)).under_weight;
    return std::max(1, static_cast<int>(std::lround(kGuideShare * under)));
  };
  for (size_t k = 0; k < alone.query.slots.size(); ++k) {
    const auto& slot = alone.query.slots[k];
    const auto& c = slot.choices[(*picked)[k]];
    for (int j = 0; j < 2; ++j) {
      const int day = slot.day + j;
      const ShiftIdx v = j == 0 ? c.first : c.second;
      if (v != kOff) {
        guided.on_requests.push_back({slot.member, day, v, weight(day, v)});
        continue;
      }
      for (int t = 0; t < static_cast<int>(p.shifts.size()); ++t)
        guided.off_requests.push_back({slot.member, day, static_cast<ShiftIdx>(t), weight(day, t)});
    }
  }
  return guided;
}

bool weekend_limit_binds(const Problem& p) {
  const int weekends = p.days / 7;
  return std::any_of(p.employees.begin(), p.employees.end(),
                     [&](const Employee& e) { return e.max_weekends < weekends; });
}

// `options.threads` searches side by side, each with its own seed, from the same start; the
// best wins (ties to the lowest thread, so a seed and a thread count give one answer).
// Weekend moves are left out beside column generation: at 60 s, seeds 1-3, the same day, with
// and without them, Instance 17 5,867 / 5,945 / 5,967 against 5,857 / 5,865 / 5,870 (each move
// there takes 25 ms and gains, yet the search ends higher); Instance 15 4,286 / 4,355 / 4,475
// against 4,283 / 4,374 / 4,395.
SolveResult search(const Problem& problem, const SolveOptions& options, const Roster* start,
                   double seconds, bool weekend_moves, const Stage& stage = {}) {
  if (options.threads <= 1)
    return Search(problem, options, start, weekend_moves, stage).run(seconds);
  std::vector<SolveResult> results(options.threads);
  std::vector<std::exception_ptr> failures(options.threads);
  {
    std::vector<std::jthread> pool;
    pool.reserve(static_cast<size_t>(options.threads));
    for (int k = 0; k < options.threads; ++k) {
      pool.emplace_back([&, k] {
        try {
          SolveOptions mine = options;
          mine.seed = options.seed + static_cast<std::uint64_t>(k) * 0x9E3779B97F4A7C15ULL;
          if (k > 0) mine.progress = nullptr;  // one curve on stderr, the first search's
          results[k] = Search(problem, mine, start, weekend_moves, stage).run(seconds);
        } catch (...) {
          failures[k] = std::current_exception();
        }
      });
    }
  }
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  size_t best = 0;
  for (size_t k = 1; k < results.size(); ++k) {
    const auto& a = results[k].evaluation;
    const auto& b = results[best].evaluation;
    if (a.feasible() != b.feasible() ? a.feasible() : a.objective < b.objective) best = k;
  }
  return std::move(results[best]);
}

// A change against the published roster priced as benchmark requests: a working cell as an
// on-request for its shift (paid unless the cell keeps it), an off cell as an off-request for
// every shift (paid once if the cell works). The benchmark model holds them exactly, so a
// replan can go through column generation, which proves it optimal where the search alone
// wandered (Instance 1, sick on day 6, penalty 10: 14-26 changed cells over seeds 1-7).
Problem with_change_requests(const Problem& problem, const Roster& published, int penalty) {
  Problem priced = problem;
  const int shifts = static_cast<int>(problem.shifts.size());
  for (int i = 0; i < static_cast<int>(problem.employees.size()); ++i) {
    for (int d = 0; d < problem.days; ++d) {
      const ShiftIdx before = published[i][d];
      if (before != kOff) {
        priced.on_requests.push_back({i, d, before, penalty});
        continue;
      }
      for (int t = 0; t < shifts; ++t)
        priced.off_requests.push_back({i, d, static_cast<ShiftIdx>(t), penalty});
    }
  }
  return priced;
}

namespace {

SolveResult solve_unproven(const Problem& problem, const SolveOptions& options) {
  const long cells = static_cast<long>(problem.employees.size()) * problem.days;
  if (options.published != nullptr && options.change_penalty > 0 && options.max_iterations == 0 &&
      problem.fairness_weight == 0 && cells <= kGuidedCells) {
    SolveOptions plain = options;
    plain.published = nullptr;
    plain.change_penalty = 0;
    auto result = solve_unproven(
        with_change_requests(problem, *options.published, options.change_penalty), plain);
    // The bound found is on objective + change penalties, the cost the replan minimised.
    result.replan_cost = result.evaluation.objective;
    result.replan_lower_bound = result.lower_bound;
    result.lower_bound.reset();
    result.evaluation = evaluate(problem, result.roster);
    for (size_t i = 0; i < result.roster.size(); ++i) {
      for (int d = 0; d < problem.days; ++d)
        result.changed_cells += result.roster[i][d] != (*options.published)[i][d] ? 1 : 0;
    }
    return result;
  }
  const bool columns = options.max_iterations == 0 && problem.fairness_weight == 0 &&
                       options.published == nullptr && cells <= kGuidedCells;
  if (!columns && options.max_iterations == 0 && options.published == nullptr &&
      problem.days >= kShapedDays && weekend_limit_binds(problem)) {
    // The weekends planned first, the search guided by the plan, then free of it from a cooler
    // start (weekend_guided).
    using clock = std::chrono::steady_clock;
    const auto began = clock::now();
    const auto guided = weekend_guided(
        problem, std::min(kGuideSeconds, kGuideTimeShare * options.time_limit_seconds));
    if (guided) {
      const double planned = std::chrono::duration<double>(clock::now() - began).count();
      const double rest = std::max(0.0, options.time_limit_seconds - planned);
      Stage led{.reported = &problem, .clock_offset = planned};
      auto first = search(*guided, options, nullptr, rest * kGuidedShare, true, led);
      Stage unguided{.start_temperature = kFreeStartTemperature,
                     .clock_offset = planned + rest * kGuidedShare};
      auto result =
          search(problem, options, &first.roster, rest * (1 - kGuidedShare), true, unguided);
      // A second stage that found nothing better returns the first's best as it was.
      result.seconds_to_best +=
          result.roster == first.roster ? planned + first.seconds_to_best : unguided.clock_offset;
      result.iterations += first.iterations;
      return result;
    }
  }
  if (!columns) return search(problem, options, nullptr, options.time_limit_seconds, true);
  // Small enough for column generation: the local search finds a good roster quickly, the
  // master over rows (CLP, then CBC) closes the gap and bounds it, the local search polishes.
  // Between kColumnGenerationCells and kGuidedCells only the root LP is solved, and the search
  // goes on from its rounding.
  const bool branch = cells <= kColumnGenerationCells;
  using clock = std::chrono::steady_clock;
  const auto began = clock::now();
  const auto left = [&] {
    return options.time_limit_seconds - std::chrono::duration<double>(clock::now() - began).count();
  };
  auto best =
      search(problem, options, nullptr, options.time_limit_seconds * (branch ? 0.2 : 0.1), false);
  if (!best.evaluation.feasible()) return best;
  std::optional<LpRelaxation> relaxation;
  if (!branch) {
    BoundOptions relaxation_options;
    relaxation_options.time_limit_seconds = left() * 0.2;
    relaxation = lp_relaxation(problem, relaxation_options);
  }
  ColumnGenerationOptions cg;
  cg.time_limit_seconds = left() * (branch ? 0.8 : 0.6);
  cg.start = &best.roster;
  cg.seed = options.seed;
  cg.branch = branch;
  if (!branch) {
    // The root alone, from the compact LP's prices, smoothed (column_generation.cpp).
    cg.mip_share = 0;
    cg.smoothing = 0.8;
    cg.cap_slow_pricing = true;
    if (relaxation) cg.start_duals = &relaxation->cover_duals;
  }
  const auto master = price_and_branch(problem, cg);
  best.lower_bound = master.lower_bound;
  best.column_generation = master;
  if (master.roster) {
    const auto ev = evaluate(problem, *master.roster);
    if (ev.feasible() && ev.objective < best.evaluation.objective) {
      best.roster = *master.roster;
      best.evaluation = ev;
      best.seconds_to_best = options.time_limit_seconds - left();
      if (options.progress) options.progress(options.time_limit_seconds - left(), ev.objective);
    }
  }
  if (master.lower_bound &&
      static_cast<double>(best.evaluation.objective) <= std::ceil(*master.lower_bound - 1e-6))
    return best;  // proved optimal
  // Without branching, the search goes on from the LP's rounding: it may break cover, but its
  // rows carry the LP's structure, which the search alone does not find (Instance 17, 60 s:
  // 6,400 from its own start, 5,983 from the rounding).
  const bool from_rounding = !branch && master.lp_rounding.has_value();
  const double polish_from = options.time_limit_seconds - left();
  auto polished = search(problem, options, from_rounding ? &*master.lp_rounding : &best.roster,
                         std::max(0.0, left()), false);
  polished.seconds_to_best += polish_from;
  if (polished.evaluation.feasible() &&
      (!best.evaluation.feasible() || polished.evaluation.objective < best.evaluation.objective)) {
    polished.lower_bound = best.lower_bound;
    polished.column_generation = best.column_generation;
    return polished;
  }
  return best;
}

}  // namespace

// A roster whose objective meets the lower bound found (column generation's, on small instances)
// is optimal, and says so.
SolveResult solve(const Problem& problem, const SolveOptions& options) {
  auto result = solve_unproven(problem, options);
  if (result.status == SolveStatus::feasible && result.lower_bound &&
      static_cast<double>(result.evaluation.objective) <= std::ceil(*result.lower_bound - 1e-6)) {
    result.status = SolveStatus::optimal;
  }
  return result;
}

}  // namespace rcc::roster
