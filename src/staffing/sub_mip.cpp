#include "staffing/sub_mip.h"

#include <map>

#include "lp/model.h"

namespace rcc::staffing {
namespace {

// A row per role of the set (its heads, each served once) and per engineer-month where the
// candidates' heads together could overfill the capacity, rounded down to what loads can fill.
// Columns take integers up to the heads that fit.
lp::ModelBuilder build(const Candidates& model, const std::vector<int>& set,
                       const std::vector<std::vector<double>>& capacity,
                       const std::vector<int>& demand) {
  const auto& columns = model.columns;
  std::vector<double> potential(static_cast<size_t>(model.n_engineers) * model.n_months, 0.0);
  for (int c : set) {
    const auto& col = columns[c];
    if (col.engineer < 0) continue;
    const auto& slot = model.slot_of(col.group);
    const int most = heads_fitting(slot, capacity[col.engineer], col.most);
    for (int m = slot.first_month; m <= slot.last_month; ++m) {
      potential[model.em(col.engineer, m)] += slot.load[m] * most;
    }
  }
  lp::ModelBuilder b;
  std::vector<int> group_row(model.n_groups(), -1);
  std::map<std::pair<model::EngineerIdx, int>, int> month_row;
  std::vector<std::pair<int, double>> entries;
  for (int c : set) {
    const auto& col = columns[c];
    const int heads = demand[col.group];
    if (group_row[col.group] < 0) group_row[col.group] = b.add_row(heads, heads);
    entries.assign(1, {group_row[col.group], 1.0});
    const auto& slot = model.slot_of(col.group);
    if (col.engineer >= 0) {
      for (int month = slot.first_month; month <= slot.last_month; ++month) {
        if (slot.load[month] == 0 ||
            potential[model.em(col.engineer, month)] <= capacity[col.engineer][month] + 1e-9) {
          continue;
        }
        auto [it, added] = month_row.emplace(std::pair{col.engineer, month}, -1);
        if (added) {
          it->second = b.add_row(
              -1e30,
              std::max(0.0, model.fillable(col.engineer, month, capacity[col.engineer][month])));
        }
        entries.emplace_back(it->second, slot.load[month]);
      }
    }
    const double upper =
        col.engineer >= 0 ? heads_fitting(slot, capacity[col.engineer], col.most) : col.most;
    b.add_column(col.cost, 0.0, upper, entries);
  }
  return b;
}

}  // namespace

bool SubMip::solve(const std::vector<int>& set, const std::vector<std::vector<double>>& capacity,
                   const std::vector<int>& demand, const Units& start, double seconds,
                   Units& units) {
  const auto began = std::chrono::steady_clock::now();
  const auto b = build(model_, set, capacity, demand);
  const auto n = static_cast<int>(set.size());
  lp::MipRun run;
  for (int i = 0; i < n; ++i) {
    const auto it = start.find(set[i]);
    run.integers.push_back(i);
    run.start.push_back(it == start.end() ? 0.0 : it->second);
  }
  // CBC's preprocessing and probing cuts cost more than they save here, and so do its primal
  // heuristics and strong branching: every model here starts from a plan and the gaps are
  // small, so the time goes to the bound (measured in docs/experiments.md).
  run.parameters = {{"preprocess", "off"},
                    {"probingCuts", "off"},
                    {"heuristicsOnOff", "off"},
                    {"strongBranching", "0"}};
  // CBC's clock starts in its solve and counts CPU time: building a model of 100,000 candidates
  // took seconds of the time limit.
  run.wall_clock = true;
  run.seconds = std::max(seconds - seconds_since(began), 0.05);
  const auto answer = lp::solve_mip(b.view(), run);
  variables = n;
  ++solved;
  constraints = static_cast<int>(b.row_lower.size());
  if (answer.plan.empty()) return false;
  units.clear();
  for (int i = 0; i < n; ++i) {
    const auto count = static_cast<int>(std::lround(answer.plan[i]));
    if (count > 0) units[set[i]] = count;
  }
  return answer.status == lp::SolveStatus::optimal;
}

std::vector<int> branch_set(const Candidates& model, const CandidateLp& lp, double gap) {
  std::vector<int> set;
  for (int g = 0; g < model.n_groups(); ++g) {
    for (int c : model.by_group[g]) {
      if (lp.in[c] || (model.columns[c].cost - lp.duals[g] < gap - 1e-6 &&
                       lp.reduced_cost(model, c) < gap - 1e-6)) {
        set.push_back(c);
      }
    }
  }
  return set;
}

// CBC cannot stop inside the root LP of a very large model: past this size, or with less time
// left than such a model takes, the plan in hand is returned with the LP bound rather than
// overrunning the time limit (docs/experiments.md).
bool can_branch(size_t candidates, const Deadline& deadline) {
  constexpr size_t kMostBranched = 150000;
  constexpr double kBranchedPerSecond = 2500;
  return candidates <= kMostBranched &&
         deadline.seconds_left() * kBranchedPerSecond >= static_cast<double>(candidates);
}

}  // namespace rcc::staffing
