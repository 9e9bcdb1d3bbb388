// The staffing model every phase of the plan shares: the slots (heads of roles over their months),
// each engineer's free FTE per month, and the candidates, every way the rules allow to serve the
// heads of a role. Internal to staffing. No I/O.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "staffing/pool_index.h"
#include "staffing/staffing_plan.h"

namespace rcc::staffing {

// One way to serve the heads of a role: an engineer, a hire or nobody. The heads of a role are
// alike (same months, load, rules and costs), so the solver decides how many of them each
// candidate takes, not which: a model per head would be as many times larger, and its branch
// and bound would try every permutation of the heads.
struct Column {
  int group;  // the role's heads in the plan (Candidates::groups)
  SlotSource source;
  model::EngineerIdx engineer;  // -1 for hire and unfilled
  double cost;                  // per head
  model::Date ready;
  bool certifies = false;  // takes or renews the role's certificate first
  int most = 1;            // heads it can take at once: all for hire and unfilled
};

// The heads of one role in the plan: slots first .. first + heads - 1.
struct Group {
  int first = 0;
  int heads = 0;
};

struct Candidates {
  const model::Center& center;
  const StaffingOptions& options;
  std::vector<model::Date> months;
  int n_months = 0, n_engineers = 0;
  std::vector<Slot> slots;
  std::vector<std::vector<double>> free;  // FTE per engineer and month, less what is committed
  std::vector<Group> groups;
  std::vector<int> group_of;  // per slot
  std::vector<Column> columns;
  std::vector<std::vector<int>> by_group;       // each role's candidates, by cost
  std::vector<std::vector<int>> candidates_of;  // each engineer's candidates
  long per_head = 0;                            // candidates counted per head, as the model has

  int n_slots() const { return static_cast<int>(slots.size()); }
  int n_groups() const { return static_cast<int>(groups.size()); }
  const Slot& slot_of(int group) const { return slots[groups[group].first]; }
  // Index of an engineer-month in flat tables.
  size_t em(model::EngineerIdx e, int m) const {
    return static_cast<size_t>(e) * static_cast<size_t>(n_months) + static_cast<size_t>(m);
  }
  // An engineer-month's capacity rounded down to the most that loads of their candidate slots
  // can fill: with slots of 0.5 FTE, 0.857 free (a leave day) holds no more than 0.5. Every plan
  // keeps to it, and the LP is tighter: without it, the LP gives such an engineer 0.714 of a
  // slot and leaves the rest unfilled, a bound far below any plan.
  double fillable(model::EngineerIdx e, int month, double capacity) const;
};

// Slots, free FTE and every candidate. Throws model::BadInput on an empty plan period and
// std::invalid_argument when options.committed has the wrong shape.
Candidates build_candidates(const model::Center& center, const StaffingOptions& options,
                            const PoolIndex& pool);

// Candidates::fillable of each engineer-month's free FTE, computed when first asked: the LP and
// the bound with whole heads ask again every round.
class FillableFree {
 public:
  explicit FillableFree(const Candidates& model)
      : model_(model),
        cache_(static_cast<size_t>(model.n_engineers) * model.n_months,
               std::numeric_limits<double>::quiet_NaN()) {}
  double operator()(model::EngineerIdx e, int m) {
    double& cached = cache_[model_.em(e, m)];
    if (std::isnan(cached)) cached = model_.fillable(e, m, model_.free[e][m]);
    return cached;
  }

 private:
  const Candidates& model_;
  std::vector<double> cache_;
};

// The MIP over every candidate as benchmarks' peers take it (StaffingOptions::on_full_model).
StaffingMip full_model(const Candidates& model, bool per_candidate);

// How many heads of `slot` fit in `capacity` at once (0: none), up to `heads`.
int heads_fitting(const Slot& slot, const std::vector<double>& capacity, int heads);

// Takes (count > 0) or gives back (count < 0) `count` heads of `slot` from `capacity`.
void reserve(const Slot& slot, std::vector<double>& capacity, double count);

// The plan's time limit.
struct Deadline {
  std::chrono::steady_clock::time_point at;
  double seconds_left() const {
    return std::chrono::duration<double>(at - std::chrono::steady_clock::now()).count();
  }
};

double seconds_since(std::chrono::steady_clock::time_point t);

// A tolerance relative to a cost.
inline double tolerance(double value) {
  return 1e-6 * std::max(1.0, std::abs(value));
}

}  // namespace rcc::staffing
