// The column-wise MIPs of the roster's exact moves (group, weekend and column generation's
// master) solved by CBC the one way they all need: one thread, quiet, within a time (and node)
// limit, from a start. No I/O.
#pragma once

#include <vector>

namespace rcc::roster {

// A model in column-major form, viewed in place: column c's entries are [start[c], start[c+1]).
struct MipModel {
  int columns = 0, rows = 0;
  const int* start = nullptr;
  const int* row = nullptr;
  const double *value = nullptr, *column_lower = nullptr, *column_upper = nullptr;
  const double* cost = nullptr;  // minimised
  const double *row_lower = nullptr, *row_upper = nullptr;
};

// Views any columns with the fields cost, lower, upper, value, start and row (vectors).
template <class Columns>
MipModel mip_model(const Columns& c, const std::vector<double>& row_lower,
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

struct MipRun {
  std::vector<int> integers;  // columns that take whole values
  std::vector<double> start;  // each integer column's value in a start plan; empty: none
  double seconds = 1.0;
  long nodes = -1;  // a node limit (a seed gives one answer), if not negative
};

// The value of every column in the best plan CBC found; empty when it found none.
std::vector<double> solve_mip(const MipModel& model, const MipRun& run);

// The same, with the least objective any plan can have that CBC proved when it stopped (its
// best possible value: the optimum when it finished, a valid bound when it did not).
struct MipAnswer {
  std::vector<double> values;
  double bound = 0;
};
MipAnswer solve_mip_with_bound(const MipModel& model, const MipRun& run);

}  // namespace rcc::roster
