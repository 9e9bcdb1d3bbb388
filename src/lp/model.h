// A linear or mixed-integer model in column-major form, the run settings of a MIP, and the one
// answer type every solve returns. No I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lp/status.h"

namespace rcc::lp {

// A model viewed in place: column c's entries are [start[c], start[c+1]). Minimised.
struct ModelView {
  int columns = 0, rows = 0;
  const int* start = nullptr;
  const int* row = nullptr;
  const double *value = nullptr, *column_lower = nullptr, *column_upper = nullptr;
  const double* cost = nullptr;
  const double *row_lower = nullptr, *row_upper = nullptr;
};

// Views any columns with the fields cost, lower, upper, value, start and row (vectors).
template <class Columns>
ModelView view_of(const Columns& c, const std::vector<double>& row_lower,
                  const std::vector<double>& row_upper) {
  return {static_cast<int>(c.cost.size()),
          static_cast<int>(row_lower.size()),
          c.start.data(),
          c.row.data(),
          c.value.data(),
          c.lower.data(),
          c.upper.data(),
          c.cost.data(),
          row_lower.data(),
          row_upper.data()};
}

// Builds a model column by column; rows are declared first with their bounds.
struct ModelBuilder {
  std::vector<int> start{0};
  std::vector<int> row;
  std::vector<double> value, lower, upper, cost;
  std::vector<double> row_lower, row_upper;

  int add_row(double low, double high) {
    row_lower.push_back(low);
    row_upper.push_back(high);
    return static_cast<int>(row_lower.size()) - 1;
  }
  // `entries` are (row, coefficient) pairs.
  template <class Entries>
  int add_column(double column_cost, double low, double high, const Entries& entries) {
    for (const auto& [r, a] : entries) {
      row.push_back(r);
      value.push_back(a);
    }
    start.push_back(static_cast<int>(row.size()));
    cost.push_back(column_cost);
    lower.push_back(low);
    upper.push_back(high);
    return static_cast<int>(cost.size()) - 1;
  }
  ModelView view() const { return view_of(*this, row_lower, row_upper); }
};

struct MipRun {
  std::vector<int> integers;  // columns that take whole values
  std::vector<double> start;  // each integer column's value in a start plan; empty: none
  double seconds = 1.0;
  long nodes = -1;  // a node limit (a seed gives one answer), if not negative
  // Seconds of the wall clock from the call rather than CBC's CPU time from its own start (a
  // large model takes seconds to load that a caller's time limit counts).
  bool wall_clock = false;
  std::vector<std::pair<std::string, std::string>> parameters;  // CBC's, by name, in order
};

struct Answer {
  SolveStatus status = SolveStatus::time_limit_without_solution;
  // Every column's value as the solver left it (after a finished solve, the plan's).
  std::vector<double> values;
  std::vector<double> plan;  // every column's value in the best plan found; empty without one
  double objective = 0;
  // The least objective any plan can have, as proven when the solver stopped (the optimum when
  // it finished).
  double bound = 0;
};

// CBC, quiet, on the calling thread, within the run's time (and node) limit, from its start.
Answer solve_mip(const ModelView& model, const MipRun& run);

}  // namespace rcc::lp
