#include "lp/simplex.h"

namespace rcc::lp {

Simplex::Simplex() : model_(make_clp()) {
  Clp_setLogLevel(model_.get(), 0);
}

Simplex::Simplex(const ModelView& m) : Simplex() {
  Clp_loadProblem(model_.get(), m.columns, m.rows, m.start, m.row, m.value, m.column_lower,
                  m.column_upper, m.cost, m.row_lower, m.row_upper);
}

void Simplex::resize(int rows, int columns) {
  Clp_resize(model_.get(), rows, columns);
}

void Simplex::set_row_bounds(const double* lower, const double* upper) {
  Clp_chgRowLower(model_.get(), lower);
  Clp_chgRowUpper(model_.get(), upper);
}

void Simplex::set_column_lower(const double* lower) {
  Clp_chgColumnLower(model_.get(), lower);
}

void Simplex::add_rows(int count, const double* lower, const double* upper, const int* start,
                       const int* column, const double* value) {
  Clp_addRows(model_.get(), count, lower, upper, start, column, value);
}

void Simplex::add_columns(int count, const double* lower, const double* upper, const double* cost,
                          const int* start, const int* row, const double* value) {
  Clp_addColumns(model_.get(), count, lower, upper, cost, start, row, value);
}

bool Simplex::solve(SimplexMethod method, double seconds) {
  if (seconds >= 0) Clp_setMaximumSeconds(model_.get(), seconds);
  switch (method) {
    case SimplexMethod::primal:
      Clp_primal(model_.get(), 0);
      break;
    case SimplexMethod::dual:
      Clp_dual(model_.get(), 0);
      break;
    case SimplexMethod::barrier:
      Clp_initialBarrierSolve(model_.get());
      break;
  }
  return optimal();
}

bool Simplex::optimal() const {
  return Clp_status(model_.get()) == 0;
}

double Simplex::objective() const {
  return Clp_objectiveValue(model_.get());
}

const double* Simplex::values() const {
  return Clp_getColSolution(model_.get());
}

const double* Simplex::duals() const {
  return Clp_dualRowSolution(model_.get());
}

int Simplex::rows() const {
  return Clp_numberRows(model_.get());
}

}  // namespace rcc::lp
