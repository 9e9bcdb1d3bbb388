// The solver's stages around the local search (search/search.h): by the problem's size, the
// search alone, the search guided by the weekends planned first, or column generation between
// a first search and a polishing one (solver.h). Its tuning is in search/tuning.h.
#include "roster/solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <thread>

#include "roster/bound.h"
#include "roster/column_generation.h"
#include "roster/evaluator.h"
#include "roster/pair_replan.h"
#include "roster/search/search.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

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
// and this plan shows where it goes (found in seconds, at the weekends' LP bound, so optimal
// for the weekends alone); the requests leave the search free to depart from it where the
// weekdays' rules or cover disagree (pinned, the plan made rosters infeasible). nullopt where the
// plan is too large or was not found in time.
std::optional<Problem> weekend_guided(const Problem& p, double seconds) {
  auto alone = weekends_alone(p);
  if (alone.choices > kTuning.most_guide_choices) return std::nullopt;
  alone.query.seconds = seconds;
  const auto picked = plan_pairs(p, alone.query);
  if (!picked) return std::nullopt;
  Problem guided = p;
  const auto weight = [&](int day, int shift) {
    const auto under = p.cover_of(day, static_cast<ShiftIdx>(shift)).under_weight;
    return std::max(1, static_cast<int>(std::lround(kTuning.guide_request_weight * under)));
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
// Weekend moves are left out beside column generation: each gains, yet the search ends higher
// with them (docs/experiments.md).
SolveResult search(const Problem& problem, const SolveOptions& options, const Roster* start,
                   double seconds, bool weekend_moves, const Stage& stage = {}) {
  if (options.threads <= 1)
    return local_search(problem, options, start, seconds, weekend_moves, stage);
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
          results[k] = local_search(problem, mine, start, seconds, weekend_moves, stage);
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
// wandered from seed to seed.
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
      problem.fairness_weight == 0 && cells <= kTuning.root_lp_cells) {
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
                       options.published == nullptr && cells <= kTuning.root_lp_cells;
  if (!columns && options.max_iterations == 0 && options.published == nullptr &&
      problem.days >= kTuning.shaped_days && weekend_limit_binds(problem)) {
    // The weekends planned first, the search guided by the plan, then free of it from a cooler
    // start (weekend_guided).
    using clock = std::chrono::steady_clock;
    const auto began = clock::now();
    const auto guided = weekend_guided(
        problem,
        std::min(kTuning.guide_seconds, kTuning.guide_time_share * options.time_limit_seconds));
    if (guided) {
      const double planned = std::chrono::duration<double>(clock::now() - began).count();
      const double rest = std::max(0.0, options.time_limit_seconds - planned);
      Stage led{.reported = &problem, .clock_offset = planned};
      auto first = search(*guided, options, nullptr, rest * kTuning.guided_stage_share, true, led);
      Stage unguided{.start_temperature = kTuning.unguided_start_temperature,
                     .clock_offset = planned + rest * kTuning.guided_stage_share};
      auto result = search(problem, options, &first.roster, rest * (1 - kTuning.guided_stage_share),
                           true, unguided);
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
  // Between kTuning.column_generation_cells and kTuning.root_lp_cells only the root LP is solved,
  // and the search goes on from its rounding.
  const bool branch = cells <= kTuning.column_generation_cells;
  using clock = std::chrono::steady_clock;
  const auto began = clock::now();
  const auto left = [&] {
    return options.time_limit_seconds - std::chrono::duration<double>(clock::now() - began).count();
  };
  auto best = search(problem, options, nullptr,
                     options.time_limit_seconds * (branch ? kTuning.first_search_share_branching
                                                          : kTuning.first_search_share_root_lp),
                     false);
  if (!best.evaluation.feasible()) return best;
  std::optional<LpRelaxation> relaxation;
  if (!branch) {
    BoundOptions relaxation_options;
    relaxation_options.time_limit_seconds = left() * kTuning.compact_lp_share;
    relaxation = lp_relaxation(problem, relaxation_options);
  }
  ColumnGenerationOptions cg;
  cg.time_limit_seconds = left() * (branch ? kTuning.column_generation_share_branching
                                           : kTuning.column_generation_share_root_lp);
  cg.start = &best.roster;
  cg.seed = options.seed;
  cg.branch = branch;
  if (!branch) {
    // The root alone, from the compact LP's prices, smoothed (column_generation.cpp).
    cg.mip_share = 0;
    cg.smoothing = kTuning.root_lp_smoothing;
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
  // rows carry the LP's structure, which the search alone does not find (docs/experiments.md).
  const bool from_rounding = !branch && master.lp_rounding.has_value();
  const double polish_from = options.time_limit_seconds - left();
  // Its progress reports continue the solve's clock rather than restart it.
  const Stage polish{.clock_offset = polish_from};
  auto polished = search(problem, options, from_rounding ? &*master.lp_rounding : &best.roster,
                         std::max(0.0, left()), false, polish);
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
