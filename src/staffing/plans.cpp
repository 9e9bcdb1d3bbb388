#include "staffing/plans.h"

#include <algorithm>

namespace rcc::staffing {

int take_first_fitting(const Candidates& model, int g, const std::vector<int>& candidates,
                       std::vector<std::vector<double>>& left) {
  const auto& slot = model.slot_of(g);
  for (int c : candidates) {
    const auto e = model.columns[c].engineer;
    if (e >= 0 && heads_fitting(slot, left[e], 1) == 0) continue;
    if (e >= 0) reserve(slot, left[e], 1);
    return c;
  }
  return -1;
}

std::vector<int> greedy_plan(const Candidates& model) {
  std::vector<int> greedy(model.n_slots(), -1);
  std::vector<std::vector<double>> left = model.free;
  std::vector<int> order(model.n_groups());
  for (int i = 0; i < model.n_groups(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return model.by_group[a].size() < model.by_group[b].size();
  });
  for (int g : order) {  // by cost; hiring and leaving unfilled always fit
    for (int h = 0; h < model.groups[g].heads; ++h) {
      greedy[model.groups[g].first + h] = take_first_fitting(model, g, model.by_group[g], left);
    }
  }
  return greedy;
}

std::vector<int> round_lp(const Candidates& model, const CandidateLp& lp) {
  const auto& columns = model.columns;
  std::vector<std::vector<double>> left = model.free;
  std::vector<int> order(model.n_groups());
  std::vector<double> strongest(model.n_groups(), 0.0);
  for (int c : lp.columns) {
    strongest[columns[c].group] = std::max(strongest[columns[c].group], lp.value[c]);
  }
  for (int i = 0; i < model.n_groups(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return strongest[a] > strongest[b]; });
  std::vector<int> plan(model.n_slots(), -1);
  for (int g : order) {
    // Engineers the LP gives weight to first, by weight; then everyone by cost, hiring and
    // leaving unfilled at their cost (an LP that splits a head with "unfilled" should not
    // leave it unfilled when a free engineer fits).
    const auto weight = [&](int c) {
      return columns[c].engineer >= 0 && lp.value[c] > 1e-9 ? lp.value[c] : 0.0;
    };
    std::vector<int> by_weight = model.by_group[g];
    std::stable_sort(by_weight.begin(), by_weight.end(),
                     [&](int a, int b) { return weight(a) > weight(b); });
    for (int h = 0; h < model.groups[g].heads; ++h) {
      plan[model.groups[g].first + h] = take_first_fitting(model, g, by_weight, left);
    }
  }
  return plan;
}

Units units_of(const std::vector<int>& plan) {
  Units units;
  for (int c : plan) {
    if (c >= 0) ++units[c];
  }
  return units;
}

void give_heads(const Candidates& model, const Units& units, std::vector<int>& plan) {
  std::vector<int> next(model.n_groups(), 0);
  for (const auto& [c, count] : units) {
    const int g = model.columns[c].group;
    const auto& group = model.groups[g];
    for (int k = 0; k < count; ++k) {
      while (next[g] < group.heads && plan[group.first + next[g]] >= 0) ++next[g];
      if (next[g] == group.heads) break;
      plan[group.first + next[g]++] = c;
    }
  }
}

double cost_of(const Candidates& model, const Units& units) {
  double cost = 0;
  for (const auto& [c, count] : units) cost += model.columns[c].cost * count;
  return cost;
}

void Incumbent::offer(const Candidates& model, const std::vector<int>& candidate) {
  if (std::find(candidate.begin(), candidate.end(), -1) != candidate.end()) return;
  double total = 0;
  for (int c : candidate) total += model.columns[c].cost;
  if (total < cost) {
    cost = total;
    plan = candidate;
  }
}

}  // namespace rcc::staffing
