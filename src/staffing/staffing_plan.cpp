// The plan's phases in order: candidates; the LP by row and column generation (the first bound);
// the bound with whole heads; plans in integers (greedy, LP rounding, the split heads solved again
// with neighbourhoods, branch and bound over the whole); explanations, hires and sites.
#include "staffing/staffing_plan.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "model/enum_names.h"
#include "staffing/candidate_lp.h"
#include "staffing/candidates.h"
#include "staffing/explain.h"
#include "staffing/resolve.h"
#include "staffing/sub_mip.h"
#include "staffing/whole_heads.h"

namespace rcc::staffing {
namespace {

constexpr model::NameTable<SlotSource, 5> kSourceNames{{
    {SlotSource::engineer, "engineer"},
    {SlotSource::upskill, "upskill"},
    {SlotSource::retrain, "retrain"},
    {SlotSource::hire, "hire"},
    {SlotSource::unfilled, "unfilled"},
}};

// The sites get what the time limit leaves, and a second at least: hires without seats would be
// a worse plan than a late one. (The model is small: a row per hire group and per site.)
constexpr double kLeastSiteSeconds = 1.0;

// Branch and bound over every candidate that may be in a better plan (branch_set); whether it
// proved its plan optimal.
bool branch_over_all(Search& search, SubMip& sub_mip) {
  const auto& model = search.model;
  const auto set = branch_set(model, search.lp, search.incumbent.cost - search.lp.bound);
  if (!can_branch(set.size(), search.deadline)) return false;
  std::vector<int> plan(model.n_slots(), -1);
  std::vector<int> all_heads(model.n_groups());
  for (int g = 0; g < model.n_groups(); ++g) all_heads[g] = model.groups[g].heads;
  Units units;
  const bool optimal = sub_mip.solve(set, model.free, all_heads, units_of(search.incumbent.plan),
                                     search.seconds_left(), units);
  give_heads(model, units, plan);
  search.incumbent.offer(model, plan);
  return optimal;
}

}  // namespace

std::string_view source_name(SlotSource source) {
  return model::name_of(kSourceNames, source);
}

StaffingResult plan_staffing(const model::Center& center, const StaffingOptions& options) {
  auto started = std::chrono::steady_clock::now();
  StaffingResult result;
  const PoolIndex pool(center);
  const Candidates model = build_candidates(center, options, pool);
  result.months = model.months;
  result.candidates = model.per_head;
  if (options.on_full_model) {
    // The peer's model is not rcc's work: neither the seconds reported nor the time limit count
    // building it (at 850 engineers it took as long as the whole plan).
    const auto peer_started = std::chrono::steady_clock::now();
    options.on_full_model(full_model(model, options.full_model_per_candidate));
    started += std::chrono::steady_clock::now() - peer_started;
  }
  result.seconds_candidates = seconds_since(started);
  const auto lp_started = std::chrono::steady_clock::now();
  const Deadline deadline{started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(options.time_limit_seconds))};
  FillableFree fillable_free(model);
  // The greedy plan is the LP's first columns and the first plan in hand.
  const auto greedy = greedy_plan(model);
  const CandidateLp lp = solve_candidate_lp(model, fillable_free, greedy, deadline);
  Search search{model, lp, deadline, lp.bound, {}};
  WholeHeads whole_heads(search, fillable_free);
  if (lp.optimal) search.bound = std::max(search.bound, whole_heads.bound_at_lp_duals());
  result.lp_bound = lp.bound;
  result.lp_rounds = lp.rounds;
  result.seconds_lp = seconds_since(lp_started);
  result.variables = static_cast<int>(lp.columns.size());
  result.constraints = lp.rows;

  const auto mip_started = std::chrono::steady_clock::now();
  SubMip sub_mip(model);
  search.incumbent.offer(model, greedy);
  bool proven = lp.optimal && search.at_bound();
  if (!proven) {
    // A better start for what follows, and the plan in hand if the LP is not finished.
    search.incumbent.offer(model, round_lp(model, lp));
    proven = lp.optimal && search.at_bound();
  }
  if (lp.optimal && !proven) {
    result.objective_resolved = SplitResolver(search, sub_mip, whole_heads).run(greedy);
    proven = search.at_bound();
  }
  if (!proven && lp.optimal && search.seconds_left() > 0) {
    proven = branch_over_all(search, sub_mip);
  }
  if (sub_mip.solved > 0) {
    result.variables = sub_mip.variables;
    result.constraints = sub_mip.constraints;
  }
  result.seconds_mip = seconds_since(mip_started);
  const auto& incumbent = search.incumbent;
  if (!std::isfinite(incumbent.cost)) {
    result.status = SolveStatus::infeasible;  // cannot happen: "unfilled" always serves a slot
    return result;
  }
  result.status = proven ? SolveStatus::optimal : SolveStatus::feasible;
  result.objective = incumbent.cost;
  result.bound = proven ? incumbent.cost : std::max(search.bound, 0.0);
  result.whole_heads_bound = search.bound;
  result.master_rounds = whole_heads.rounds;
  result.patterns = whole_heads.patterns();
  result.objective_master = whole_heads.objective_in_integers;

  explain_plans(model, pool, incumbent.plan, result);
  result.hires = group_hires(model, result.plans);
  result.slots = model.slots;
  choose_sites(center, options, result.months, std::max(search.seconds_left(), kLeastSiteSeconds),
               result);
  result.seconds = seconds_since(started);
  return result;
}

}  // namespace rcc::staffing
