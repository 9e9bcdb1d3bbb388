#include "roster/search/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <tuple>

#include "roster/search/moves.h"
#include "roster/search/tuning.h"

namespace rcc::roster {
namespace {

using Clock = std::chrono::steady_clock;

// What exact moves and small moves earn per second, to share the time between them.
class ShareMeter {
 public:
  void exact_move(double seconds, long gain) {
    exact_seconds_ += seconds;
    exact_gain_ += gain;
    ++exact_moves_;
  }
  // Every share_meter_seconds: the spacing of exact moves (in iterations) that gives each kind
  // of move time in proportion to its gain per second, between a tenth and nine tenths.
  long next_exact_every(double now, long current, long iteration, long exact_every) {
    if (now - since_ < kTuning.share_meter_seconds) return exact_every;
    const double seconds = now - since_;
    const double small_seconds = std::max(1e-6, seconds - exact_seconds_);
    // Each exact move advanced the iteration count by exact_cost besides its small move.
    const long small_moves =
        std::max(1L, iteration - iteration_at_ - exact_moves_ * kTuning.exact_cost);
    const double small_gain =
        std::max(0.0, static_cast<double>(cost_at_ - current - exact_gain_)) + 1.0;
    const double exact_gain = std::max(0.0, static_cast<double>(exact_gain_)) + 1.0;
    if (exact_moves_ > 0) {
      const double exact_rate = exact_gain / std::max(1e-6, exact_seconds_);
      const double small_rate = small_gain / small_seconds;
      const double share = std::clamp(exact_rate / (exact_rate + small_rate), 0.1, 0.9);
      const double per_exact = exact_seconds_ / static_cast<double>(exact_moves_);
      const double per_small = small_seconds / static_cast<double>(small_moves);
      exact_every = std::clamp(static_cast<long>(per_exact * (1 - share) / (share * per_small)), 1L,
                               1L << 20);
    }
    since_ = now;
    cost_at_ = current;
    iteration_at_ = iteration;
    exact_seconds_ = 0;
    exact_gain_ = 0;
    exact_moves_ = 0;
    return exact_every;
  }

 private:
  double since_ = 0, exact_seconds_ = 0;
  long cost_at_ = 0, iteration_at_ = 0, exact_gain_ = 0, exact_moves_ = 0;
};

class Search {
 public:
  Search(const Problem& p, const SolveOptions& o, const Roster* start, bool weekend_moves,
         const Stage& stage)
      : s_(p, o, start), stage_(stage), weekend_moves_(weekend_moves), began_(Clock::now()) {}

  SolveResult run(double seconds);

 private:
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - began_).count(); }
  bool check(long it, double seconds);
  void exact_move(int i, long& it);
  void keep_if_best();
  SolveResult finish(long it);
  // Progress on the clock of the whole solve, in the objective of the problem the solve is for.
  void report(double seconds, long cost);

  SearchState s_;
  Stage stage_;
  bool weekend_moves_;
  Clock::time_point began_;
  double next_report_ = 0;  // of a stage that reports another problem's objective
  double temperature_ = 0;
  std::vector<int> violated_;  // employees whose row breaks a hard rule, refreshed now and then
  // Under a time limit the share of exact moves follows what each kind of move earns per second;
  // under an iteration budget it stays fixed so that a seed gives one answer.
  long exact_every_ = kTuning.exact_every, next_exact_ = 0, next_check_ = 0;
  double next_weekend_ = 0;
  long next_weekend_iteration_ = 0;
  ShareMeter meter_;
  SolveResult best_;
  long best_cost_ = 0;
  bool best_feasible_ = false;
};

// Now and then: the violated rows, the clock, the temperature, the share of exact moves and the
// weekend moves. False when the time is up.
bool Search::check(long it, double seconds) {
  const auto& o = s_.options;
  next_check_ = it + 1024;
  violated_.clear();
  for (int i = 0; i < static_cast<int>(s_.problem.employees.size()); ++i) {
    if (s_.hard[i] > 0) violated_.push_back(i);
  }
  const double now = elapsed();
  if (now >= seconds) return false;
  if (o.moves_made) o.moves_made(it);
  // With an iteration budget the schedule follows iterations, so a seed gives one answer.
  const double progress = o.max_iterations > 0
                              ? static_cast<double>(it) / static_cast<double>(o.max_iterations)
                              : now / seconds;
  const double t0 =
      stage_.start_temperature > 0 ? stage_.start_temperature : kTuning.start_temperature;
  temperature_ = t0 * std::pow(kTuning.end_temperature / t0, progress);
  if (o.max_iterations == 0) {
    exact_every_ = meter_.next_exact_every(now, s_.current, it, exact_every_);
  }
  // Weekend moves by the clock under a time limit, by iterations under a budget.
  const auto& weekend = kTuning.weekend_move;
  if (o.max_iterations > 0 ? it >= next_weekend_iteration_ : now >= next_weekend_) {
    if (weekend_moves_) weekend_move(s_, weekend.day_offset);
    next_weekend_ = elapsed() + (s_.problem.days >= weekend.long_horizon_days
                                     ? weekend.every_seconds_long_horizon
                                     : weekend.every_seconds);
    next_weekend_iteration_ = it + weekend.every_iterations;
  }
  return true;
}

// One exact move from employee `i`: it counts as exact_cost iterations.
void Search::exact_move(int i, long& it) {
  next_exact_ = it + exact_every_;
  const bool metered = s_.options.max_iterations == 0;
  const auto began = metered ? Clock::now() : Clock::time_point{};
  const long before = s_.current;
  MoveContext at{.employee = i, .temperature = temperature_};
  std::tie(at.from, at.to) = s_.window();
  pick_exact_move(s_, at).apply(s_, at);
  if (metered) {
    meter_.exact_move(std::chrono::duration<double>(Clock::now() - began).count(),
                      before - s_.current);
  }
  it += kTuning.exact_cost;
}

void Search::keep_if_best() {
  const bool feasible = s_.hard_total() == 0;
  const long cost = s_.objective_now();
  if ((feasible && (!best_feasible_ || cost < best_cost_)) ||
      (!best_feasible_ && !feasible && cost < best_cost_)) {
    best_cost_ = cost;
    best_feasible_ = feasible;
    best_.roster = s_.roster;
    best_.seconds_to_best = elapsed();
    if (s_.options.progress && feasible) report(best_.seconds_to_best, best_cost_);
  }
}

void Search::report(double seconds, long cost) {
  const auto& progress = s_.options.progress;
  if (stage_.reported == nullptr) {
    progress(stage_.clock_offset + seconds, cost);
  } else if (seconds >= next_report_) {
    next_report_ = seconds + 0.1;  // a full evaluation per report
    progress(stage_.clock_offset + seconds, evaluate(*stage_.reported, s_.roster).objective);
  }
}

SolveResult Search::finish(long it) {
  const auto& p = s_.problem;
  const auto& o = s_.options;
  best_.iterations = it;
  best_.evaluation = evaluate(p, best_.roster);
  if (o.published != nullptr) {
    for (size_t i = 0; i < best_.roster.size(); ++i) {
      for (int d = 0; d < p.days; ++d) {
        best_.changed_cells += best_.roster[i][d] != (*o.published)[i][d] ? 1 : 0;
      }
    }
    best_.replan_cost =
        best_.evaluation.objective + static_cast<long>(o.change_penalty) * best_.changed_cells;
  }
  best_.status = best_.evaluation.feasible() ? SolveStatus::feasible
                                             : SolveStatus::time_limit_without_solution;
  return std::move(best_);
}

SolveResult Search::run(double seconds) {
  const auto& o = s_.options;
  began_ = Clock::now();
  if (o.published == nullptr && !s_.started && s_.problem.days <= kTuning.construct_days) {
    s_.construct_rows(seconds / 2);
  }
  best_.roster = s_.roster;
  best_cost_ = s_.objective_now();
  best_feasible_ = s_.hard_total() == 0;
  const int n = static_cast<int>(s_.problem.employees.size());
  long it = 0;
  for (;; ++it) {
    if (it >= next_check_ && !check(it, seconds)) break;
    if (o.max_iterations > 0 && it >= o.max_iterations) break;
    const int i = !violated_.empty() && s_.rng.chance(kTuning.violated_first_share)
                      ? violated_[s_.rng.below(static_cast<int>(violated_.size()))]
                      : s_.rng.below(n);
    if (it >= next_exact_) exact_move(i, it);
    pick_small_move(s_).apply(s_, {.employee = i, .temperature = temperature_});
    keep_if_best();
  }
  return finish(it);
}

}  // namespace

SolveResult local_search(const Problem& problem, const SolveOptions& options, const Roster* start,
                         double seconds, bool weekend_moves, const Stage& stage) {
  return Search(problem, options, start, weekend_moves, stage).run(seconds);
}

}  // namespace rcc::roster
