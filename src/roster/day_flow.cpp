#include "roster/day_flow.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <stdexcept>

namespace rcc::roster {

DayFlowAnswer best_day(const Problem& p, const DayFlowQuery& query) {
  using Graph = lemon::SmartDigraph;
  const int n = static_cast<int>(p.employees.size());
  const int shifts = static_cast<int>(p.shifts.size());
  const int width = shifts + 1;
  const auto& cost = *query.cost;
  Graph g;
  Graph::ArcMap<long> arc_cost(g), upper(g);
  const Graph::Node sink = g.addNode();
  std::vector<Graph::Node> employee(n), shift(shifts);
  for (auto& node : employee) node = g.addNode();
  for (auto& node : shift) node = g.addNode();
  // The cover cost of a shift, f(k) = under * max(0, r - k) + over * max(0, k - r), is f(0)
  // plus -under for each of the first r employees and +over for each after them.
  long constant = 0;
  for (int t = 0; t < shifts; ++t) {
    const auto& c = p.cover_of(query.day, static_cast<ShiftIdx>(t));
    constant += static_cast<long>(c.under_weight) * c.requirement;
    const auto wanted = g.addArc(shift[t], sink);
    arc_cost[wanted] = -c.under_weight;
    upper[wanted] = c.requirement;
    const auto extra = g.addArc(shift[t], sink);
    arc_cost[extra] =
        c.over_weight +
        (query.over_surcharge != nullptr ? (*query.over_surcharge)[query.day * shifts + t] : 0);
    upper[extra] = n;
  }
  // Arcs from each employee, in the order of their values (off first), to read the flow back.
  std::vector<std::vector<std::pair<Graph::Arc, ShiftIdx>>> choices(n);
  for (int i = 0; i < n; ++i) {
    for (int v = 0; v < width; ++v) {
      const long c = cost[static_cast<size_t>(i) * width + v];
      if (c == DayFlowQuery::kNoValue) continue;
      const auto arc = g.addArc(employee[i], v == 0 ? sink : shift[v - 1]);
      arc_cost[arc] = c;
      upper[arc] = 1;
      choices[i].emplace_back(arc, static_cast<ShiftIdx>(v - 1));
    }
    if (choices[i].empty()) throw std::invalid_argument("best_day: an employee without a value");
  }
  Graph::NodeMap<long> supply(g, 0);
  for (auto node : employee) supply[node] = 1;
  supply[sink] = -n;
  lemon::NetworkSimplex<Graph, long, long> simplex(g);
  simplex.costMap(arc_cost).upperMap(upper).supplyMap(supply);
  if (simplex.run() != lemon::NetworkSimplex<Graph, long, long>::OPTIMAL)
    throw std::logic_error("best_day: the day's flow has no optimum");
  DayFlowAnswer answer;
  answer.values.assign(n, kOff);
  for (int i = 0; i < n; ++i) {
    for (const auto& [arc, value] : choices[i]) {
      if (simplex.flow(arc) > 0) answer.values[i] = value;
    }
  }
  answer.cost = simplex.totalCost<long>() + constant;
  return answer;
}

}  // namespace rcc::roster
