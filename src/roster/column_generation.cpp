#include "roster/column_generation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "lp/simplex.h"
#include "model/random.h"
#include "roster/row_dp.h"

namespace rcc::roster {
namespace {

constexpr double kNegative = -1e-6;  // reduced costs below this make a column worth adding
// Caps of the pricing programme once exact pricing is too slow (as the local search's moves).
constexpr int kPricingLabelCap = 500;
constexpr int kPricingGroupCap = 16;

// Request costs of employee i: [day * (shifts + 1) + 1 + value].
std::vector<double> request_costs(const Problem& p, int i) {
  const int width = static_cast<int>(p.shifts.size()) + 1;
  std::vector<double> cost(static_cast<size_t>(p.days) * width, 0.0);
  for (const auto& r : p.on_requests) {
    if (r.employee != i) continue;
    for (int v = 0; v < width; ++v)
      cost[static_cast<size_t>(r.day) * width + v] += v != 1 + r.shift ? r.weight : 0;
  }
  for (const auto& r : p.off_requests) {
    if (r.employee == i) cost[static_cast<size_t>(r.day) * width + 1 + r.shift] += r.weight;
  }
  return cost;
}

// The master's columns in compressed form, kept beside CLP's copy to build the MIP.
struct Columns {
  std::vector<double> cost, lower, upper, value;
  std::vector<int> start{0}, row;
  std::vector<int> employee;  // -1 for a slack
  std::vector<std::vector<ShiftIdx>> rows;

  void add(double c, const std::vector<int>& rows_hit, const std::vector<double>& values, int who,
           std::vector<ShiftIdx> assignment = {}) {
    cost.push_back(c);
    lower.push_back(0);
    upper.push_back(who < 0 ? 1e30 : 1);
    row.insert(row.end(), rows_hit.begin(), rows_hit.end());
    value.insert(value.end(), values.begin(), values.end());
    start.push_back(static_cast<int>(row.size()));
    employee.push_back(who);
    rows.push_back(std::move(assignment));
  }
  int size() const { return static_cast<int>(cost.size()); }
};

// Column generation over the employees' rows: the root LP by pricing (row programme), dives
// that fix rows the LP is sure of, and CBC over the rows found.
struct PriceAndBranch {
  PriceAndBranch(const Problem& problem, const ColumnGenerationOptions& opts)
      : p(problem),
        options(opts),
        began(std::chrono::steady_clock::now()),
        n(static_cast<int>(problem.employees.size())),
        shifts(static_cast<int>(problem.shifts.size())),
        width(shifts + 1),
        cover_rows(problem.days * shifts),
        row_bound(static_cast<size_t>(n + cover_rows), 1.0),
        requests(n),
        start_column(n, -1),
        columns_of(n),
        lp_deadline(opts.time_limit_seconds * (1 - opts.mip_share)),
        price(static_cast<size_t>(problem.days) * width),
        fixed(n, 0),
        point(static_cast<size_t>(n + cover_rows)),
        exact(opts.label_cap == 0 && opts.group_cap == 0),
        label_cap(opts.label_cap),
        group_cap(opts.group_cap) {
    for (int d = 0; d < p.days; ++d) {
      for (int t = 0; t < shifts; ++t)
        row_bound[n + d * shifts + t] = p.cover_of(d, static_cast<ShiftIdx>(t)).requirement;
    }
    for (int i = 0; i < n; ++i) requests[i] = request_costs(p, i);
    for (int r = 0; r < cover_rows; ++r) {
      const auto& c = p.cover[r];
      columns.add(c.under_weight, {n + r}, {1.0}, -1);
      columns.add(c.over_weight, {n + r}, {-1.0}, -1);
    }
    if (options.start != nullptr) {
      for (int i = 0; i < n; ++i) start_column[i] = add_row(i, (*options.start)[i]);
    }
    // The master: every row an equality, one per employee, one per day and shift.
    simplex = std::make_unique<lp::Simplex>(lp::view_of(columns, row_bound, row_bound));
  }

  ColumnGenerationResult run();

  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  }
  int add_row(int i, const std::vector<ShiftIdx>& assignment);
  bool converge(std::optional<double>* bound, int pricing_rounds);
  bool price_at_point(const double* dual, double alpha, double& value, bool& improving);
  void round_lp();
  double objective_of(const std::vector<int>& chosen) const;
  void dive(double& incumbent);
  void solve_over_rows();

  const Problem& p;
  const ColumnGenerationOptions& options;
  std::chrono::steady_clock::time_point began;
  int n, shifts, width, cover_rows;
  std::vector<double> row_bound;
  std::vector<std::vector<double>> requests;
  Columns columns;
  std::vector<int> start_column;
  std::vector<std::vector<int>> columns_of;
  ColumnGenerationResult result;
  std::unique_ptr<lp::Simplex> simplex;
  double lp_deadline;
  std::vector<double> price;
  std::vector<char> fixed;
  // The duals of the cover rows oscillate wildly while the master has few rows per employee
  // (it is massively degenerate), so pricing at the LP's duals alone tails off for dozens of
  // rounds. Rows are priced at a point between the best Lagrangian duals so far (the centre:
  // at first the compact LP's duals, when given) and the LP's (Wentges' smoothing). When the
  // point finds nothing that improves the LP (a mispricing) the centre moves to it, which
  // raises the Lagrangian bound, and the next point is nearer the LP's duals.
  std::vector<double> centre, centre_convexity, point;
  double centre_value = -std::numeric_limits<double>::infinity();
  bool exact;
  int label_cap, group_cap;
};

int PriceAndBranch::add_row(int i, const std::vector<ShiftIdx>& assignment) {
  double c = 0;
  std::vector<int> hit{i};
  for (int d = 0; d < p.days; ++d) {
    c += requests[i][static_cast<size_t>(d) * width + 1 + assignment[d]];
    if (assignment[d] != kOff) hit.push_back(n + d * shifts + assignment[d]);
  }
  columns.add(c, hit, std::vector<double>(hit.size(), 1.0), i, assignment);
  columns_of[i].push_back(columns.size() - 1);
  return columns.size() - 1;
}

// Every employee not fixed priced at `point` (alpha of the way from the LP's duals to the
// centre): rows added, `value` the Lagrangian bound at the point, `improving` whether a row
// improves the LP. False when time ran out.
bool PriceAndBranch::price_at_point(const double* dual, double alpha, double& value,
                                    bool& improving) {
  // An exact round slower than this share of the LP's time turns pricing into the capped
  // heuristic (rows still found, the bound then stays what the exact rounds proved).
  constexpr double kExactRoundShare = 1.0 / 12;
  const auto round_began = elapsed();
  for (int i = 0; i < n; ++i) {
    if (elapsed() > lp_deadline) return false;
    if (fixed[i]) continue;
    if (exact && options.cap_slow_pricing &&
        elapsed() - round_began > kExactRoundShare * lp_deadline) {
      exact = false;  // from this employee on; this round's bound is lost with it
      label_cap = kPricingLabelCap;
      group_cap = kPricingGroupCap;
    }
    for (int d = 0; d < p.days; ++d) {
      const size_t at = static_cast<size_t>(d) * width;
      price[at] = requests[i][at];
      for (int t = 0; t < shifts; ++t)
        price[at + 1 + t] = requests[i][at + 1 + t] - point[n + d * shifts + t];
    }
    // The cheapest row of the master at the point caps the search, so the programme finds the
    // cheapest row of all (and with it the Lagrangian bound) or proves that one is it.
    double known = std::numeric_limits<double>::infinity();
    for (int c : columns_of[i]) {
      double at_point = columns.cost[c];
      for (int k = columns.start[c] + 1; k < columns.start[c + 1]; ++k)
        at_point -= point[columns.row[k]];
      known = std::min(known, at_point);
    }
    RowQuery query;
    query.employee = i;
    query.cost = &price;
    // At the LP's own duals only improving rows are of interest, a tighter cap.
    query.bound = alpha > 0 ? known + 1e-6 : point[i] + kNegative;
    query.label_cap = label_cap;
    query.group_cap = group_cap;
    const auto answer = best_row(p, query);
    value += answer ? std::min(answer->cost, known) : alpha > 0 ? known : point[i];
    if (!answer) continue;
    double reduced = -dual[i];
    for (int d = 0; d < p.days; ++d) {
      reduced += requests[i][static_cast<size_t>(d) * width + 1 + answer->row[d]];
      if (answer->row[d] != kOff) reduced -= dual[n + d * shifts + answer->row[d]];
    }
    improving = improving || reduced < kNegative;
    add_row(i, answer->row);
  }
  return true;
}

// Solve the master and price until no row of an employee not yet fixed has a negative reduced
// cost (or `pricing_rounds` rounds). Returns false when the LP failed or time ran out first;
// `bound` gets the best Lagrangian bound of an exact pricing round.
bool PriceAndBranch::converge(std::optional<double>* bound, int pricing_rounds) {
  for (;;) {
    if (!simplex->solve(lp::SimplexMethod::primal, std::max(0.05, lp_deadline - elapsed())))
      return false;
    if (pricing_rounds-- == 0) return true;
    ++result.rounds;
    const double* dual = simplex->duals();
    const double lp_value = simplex->objective();
    // Dives fix rows, which moves the duals away from any centre found before.
    const bool diving = std::find(fixed.begin(), fixed.end(), 1) != fixed.end();
    const bool from_start = centre.empty() && !diving && options.start_duals != nullptr;
    if (centre.empty() || diving) {
      centre.assign(dual + n, dual + n + cover_rows);
      if (from_start) centre = *options.start_duals;
      centre_convexity.assign(dual, dual + n);
      centre_value = -std::numeric_limits<double>::infinity();
    }
    double alpha = diving ? 0.0 : from_start ? 1.0 : options.smoothing;
    const int before = columns.size();
    for (int attempt = 0;; ++attempt) {
      for (int r = 0; r < cover_rows; ++r)
        point[n + r] = alpha * centre[r] + (1 - alpha) * dual[n + r];
      for (int i = 0; i < n; ++i) point[i] = alpha * centre_convexity[i] + (1 - alpha) * dual[i];
      double value = 0;  // the Lagrangian bound at the point
      for (int r = 0; r < cover_rows; ++r) value += row_bound[n + r] * point[n + r];
      bool improving = false;
      if (!price_at_point(dual, alpha, value, improving)) return false;
      if (value > centre_value && !diving) {
        centre.assign(point.begin() + n, point.end());
        centre_convexity.assign(point.begin(), point.begin() + n);
        centre_value = value;
        if (bound != nullptr && exact && (!*bound || value > **bound)) *bound = value;
      }
      if (improving || alpha == 0) break;
      // Mispriced: price again nearer the LP's duals (at them after a few tries).
      alpha = from_start && attempt == 0 ? options.smoothing : attempt >= 3 ? 0.0 : alpha;
    }
    if (columns.size() == before) return true;
    // The bound met the LP (with capped pricing: the estimate did, and further rounds would
    // gain little): it is optimal once CLP has the new columns too.
    const bool met = !diving && centre_value >= lp_value - 1e-6;
    // Hand CLP the new columns; it keeps its basis and goes on from there.
    const int added = columns.size() - before;
    std::vector<int> starts(added + 1);
    for (int k = 0; k <= added; ++k) starts[k] = columns.start[before + k] - columns.start[before];
    simplex->add_columns(added, &columns.lower[before], &columns.upper[before],
                         &columns.cost[before], starts.data(), &columns.row[columns.start[before]],
                         &columns.value[columns.start[before]]);
    if (met) return simplex->solve(lp::SimplexMethod::primal);
  }
}

// Each employee's heaviest row in the LP.
void PriceAndBranch::round_lp() {
  const double* x = simplex->values();
  std::vector<int> heaviest(n, -1);
  for (int c = 0; c < columns.size(); ++c) {
    const int i = columns.employee[c];
    if (i >= 0 && (heaviest[i] < 0 || x[c] > x[heaviest[i]])) heaviest[i] = c;
  }
  Roster rounding = empty_roster(p);
  for (int i = 0; i < n; ++i) rounding[i] = columns.rows[heaviest[i]];
  result.lp_rounding = std::move(rounding);
}

// The objective of a choice of one column per employee: their costs and the cover slacks.
double PriceAndBranch::objective_of(const std::vector<int>& chosen) const {
  double v = 0;
  std::vector<int> on(static_cast<size_t>(cover_rows), 0);
  for (int i = 0; i < n; ++i) {
    v += columns.cost[chosen[i]];
    for (int k = columns.start[chosen[i]] + 1; k < columns.start[chosen[i] + 1]; ++k)
      ++on[columns.row[k] - n];
  }
  for (int r = 0; r < cover_rows; ++r) {
    const auto& c = p.cover[r];
    v += on[r] < c.requirement ? (c.requirement - on[r]) * c.under_weight
                               : (on[r] - c.requirement) * c.over_weight;
  }
  return v;
}

// Dives: fix the rows the LP is sure of (or the likeliest one, a little at random after the
// first dive), price again, until every employee has a row or the LP cannot beat the best roster
// any more; then start over from the root with the columns found so far.
void PriceAndBranch::dive(double& incumbent) {
  model::Rng rng(options.seed);
  std::vector<int> dive_column(n, -1);
  for (int round = 0; result.lp_optimal && elapsed() < lp_deadline; ++round) {
    std::fill(fixed.begin(), fixed.end(), 0);
    int fixed_count = 0;
    for (int c = 0; c < columns.size(); ++c) columns.lower[c] = 0;
    simplex->set_column_lower(columns.lower.data());
    if (round > 0 && !converge(nullptr, std::numeric_limits<int>::max())) break;
    while (fixed_count < n && elapsed() < lp_deadline) {
      if (simplex->objective() > incumbent - 1 + 1e-6) break;
      const double* x = simplex->values();
      int likeliest = -1;
      double likeliest_score = 0;
      bool any = false;
      for (int c = 0; c < columns.size(); ++c) {
        const int i = columns.employee[c];
        if (i < 0 || fixed[i] || x[c] < 1e-6) continue;
        const double score = x[c] * (round == 0 ? 1.0 : 0.7 + 0.6 * rng.unit());
        if (x[c] > 0.99) {
          fixed[i] = 1;
          dive_column[i] = c;
          columns.lower[c] = 1;
          ++fixed_count;
          any = true;
        } else if (likeliest < 0 || score > likeliest_score) {
          likeliest = c;
          likeliest_score = score;
        }
      }
      if (!any && likeliest >= 0) {
        const int i = columns.employee[likeliest];
        fixed[i] = 1;
        dive_column[i] = likeliest;
        columns.lower[likeliest] = 1;
        ++fixed_count;
      }
      simplex->set_column_lower(columns.lower.data());
      if (!converge(nullptr, std::numeric_limits<int>::max())) break;
    }
    ++result.dives;
    if (fixed_count == n && objective_of(dive_column) < incumbent) {
      incumbent = objective_of(dive_column);
      start_column = dive_column;
      result.dive_complete = true;
      if (result.lower_bound && incumbent <= std::ceil(*result.lower_bound - 1e-6))
        break;  // proved optimal
    }
  }
}

// The master as a MIP over the rows found, started from the start roster.
void PriceAndBranch::solve_over_rows() {
  lp::MipRun run;
  const bool started = options.start != nullptr || result.dive_complete;
  for (int c = 0; c < columns.size(); ++c) {
    if (columns.employee[c] < 0) continue;
    run.integers.push_back(c);
    if (started) run.start.push_back(start_column[columns.employee[c]] == c ? 1.0 : 0.0);
  }
  run.seconds = std::max(0.5, options.time_limit_seconds - elapsed());
  const auto x = lp::solve_mip(lp::view_of(columns, row_bound, row_bound), run).values;
  if (x.empty()) return;
  Roster roster = empty_roster(p);
  std::vector<char> placed(n, 0);
  for (int c = 0; c < columns.size(); ++c) {
    const int i = columns.employee[c];
    if (i < 0 || x[c] < 0.5) continue;
    roster[i] = columns.rows[c];
    placed[i] = 1;
  }
  for (int i = 0; i < n; ++i) {
    if (!placed[i]) return;
  }
  result.roster = std::move(roster);
}

ColumnGenerationResult PriceAndBranch::run() {
  result.lp_optimal = converge(&result.lower_bound, std::numeric_limits<int>::max());
  // The LP is only known optimal when pricing was exact to the end.
  result.lp_optimal = result.lp_optimal && exact;
  result.root_seconds = elapsed();
  if (result.lp_optimal || !options.branch) round_lp();
  if (!options.branch) return result;
  double incumbent = options.start != nullptr ? objective_of(start_column) : 1e300;
  if (result.lower_bound && incumbent <= std::ceil(*result.lower_bound - 1e-6)) {
    result.roster = *options.start;  // the start is optimal already
    return result;
  }
  dive(incumbent);
  result.dive_seconds = elapsed() - result.root_seconds;
  for (int c = 0; c < columns.size(); ++c) columns.lower[c] = 0;
  result.columns = columns.size();
  if (result.dive_complete && result.lower_bound &&
      incumbent <= std::ceil(*result.lower_bound - 1e-6)) {
    Roster roster = empty_roster(p);
    for (int i = 0; i < n; ++i) roster[i] = columns.rows[start_column[i]];
    result.roster = std::move(roster);
    return result;
  }
  solve_over_rows();
  return result;
}

}  // namespace

ColumnGenerationResult price_and_branch(const Problem& p, const ColumnGenerationOptions& options) {
  return PriceAndBranch(p, options).run();
}

}  // namespace rcc::roster
