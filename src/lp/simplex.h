// An LP solved by CLP and grown between solves: rows and columns added, bounds changed, solved
// again from the last basis (column and row generation). No I/O.
#pragma once

#include "lp/handles.h"
#include "lp/model.h"

namespace rcc::lp {

enum class SimplexMethod {
  primal,   // after new columns: the basis stays primal feasible
  dual,     // after new rows: the basis stays dual feasible
  barrier,  // from scratch, then crossover to a basis
};

class Simplex {
 public:
  Simplex();                             // no rows and no columns
  explicit Simplex(const ModelView& m);  // that model, minimised

  // `rows` empty rows (bounds set later), keeping the columns.
  void resize(int rows, int columns);
  void set_row_bounds(const double* lower, const double* upper);
  void set_column_lower(const double* lower);
  // `count` rows; row r's entries are [start[r], start[r+1]) of column/value.
  void add_rows(int count, const double* lower, const double* upper, const int* start,
                const int* column, const double* value);
  // `count` columns; column c's entries are [start[c], start[c+1]) of row/value.
  void add_columns(int count, const double* lower, const double* upper, const double* cost,
                   const int* start, const int* row, const double* value);

  // Solves within `seconds` (negative: no limit); true when proven optimal.
  bool solve(SimplexMethod method, double seconds = -1);
  bool optimal() const;
  double objective() const;
  // Per column and per row; nullptr before the first solve.
  const double* values() const;
  const double* duals() const;
  int rows() const;

 private:
  ClpModel model_;
};

}  // namespace rcc::lp
