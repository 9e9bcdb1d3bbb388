#include "roster/row_ledger.h"

#include <algorithm>
#include <cstdlib>

namespace rcc::roster {

long hard_amount(const Problem& p, int employee, const std::vector<ShiftIdx>& row) {
  long amount = 0;
  for_each_breach(p, employee, row, [&](const Breach& b) {
    switch (b.rule) {
      case Rule::forbidden_succession:
      case Rule::day_off:
        amount += 1;
        break;
      case Rule::max_total_minutes:
      case Rule::min_total_minutes:
        amount += (std::abs(b.found - b.limit) + 59) / 60;
        break;
      default:
        amount += std::abs(b.found - b.limit);
        break;
    }
  });
  return amount;
}

RequestIndex::RequestIndex(const Problem& p)
    : on(p.employees.size(), std::vector<std::vector<std::pair<ShiftIdx, int>>>(p.days)),
      off(p.employees.size(), std::vector<std::vector<std::pair<ShiftIdx, int>>>(p.days)) {
  for (const auto& r : p.on_requests) on[r.employee][r.day].emplace_back(r.shift, r.weight);
  for (const auto& r : p.off_requests) off[r.employee][r.day].emplace_back(r.shift, r.weight);
}

RowLedger::RowLedger(const Problem& p, int employee, const RowTerms& terms,
                     std::vector<ShiftIdx>& row)
    : p_(&p), employee_(employee), terms_(terms), row_(&row) {
  const int width = static_cast<int>(p.shifts.size()) + 1;
  day_cells_.assign(p.days, -1);
  for (int d = 0; d < p.days; ++d) {
    if (terms.requests->on[employee][d].empty() && terms.requests->off[employee][d].empty() &&
        terms.published == nullptr)
      continue;
    day_cells_[d] = static_cast<int>(cell_cost_.size());
    cell_cost_.resize(cell_cost_.size() + width, 0);
    long* c = &cell_cost_[day_cells_[d]];
    for (const auto& [t, w] : terms.requests->on[employee][d]) {
      for (int v = 0; v < width; ++v) c[v] += v != 1 + t ? w : 0;
    }
    for (const auto& [t, w] : terms.requests->off[employee][d]) c[1 + t] += w;
    if (terms.published != nullptr) {
      const ShiftIdx before = (*terms.published)[employee][d];
      for (int v = 0; v < width; ++v) c[v] += v != 1 + before ? terms.change_penalty : 0;
    }
  }
  const size_t shifts = p.shifts.size();
  banned_.assign(shifts * shifts, 0);
  for (size_t t = 0; t < shifts; ++t) {
    for (auto next : p.shifts[t].forbidden_next) ++banned_[t * shifts + next];
  }
  day_off_.assign(p.days, 0);
  for (int d : p.employees[employee].days_off) {
    if (d >= 0 && d < p.days) ++day_off_[d];  // a day listed twice is broken twice
  }
  reset();
}

void RowLedger::reset() {
  per_type_.assign(p_->shifts.size(), 0);
  weekend_cells_.assign(static_cast<size_t>(p_->days) / 7 + 1, 0);
  minutes_ = type_excess_ = weekends_ = half_weekends_ = successions_ = days_off_worked_ = 0;
  cells_ = nights_ = weekend_days_ = 0;
  for (int d = 0; d < p_->days; ++d) {
    count(d, (*row_)[d], +1);
    successions_ += succession(d);
  }
  runs_ = run_amount(0, p_->days);
}

long RowLedger::run_amount(int from, int to) const {
  const auto& e = p_->employees[employee_];
  const auto& row = *row_;
  const int h = p_->days;
  long amount = 0;
  for (int d = from; d < to;) {
    const bool working = row[d] != kOff;
    int end = d + 1;
    while (end < h && (row[end] != kOff) == working) ++end;
    const long length = end - d;
    const bool inside = d > 0 && end < h;
    if (working) {
      if (length > e.max_consecutive_shifts) amount += length - e.max_consecutive_shifts;
      if (inside && length < e.min_consecutive_shifts) amount += e.min_consecutive_shifts - length;
    } else if (inside && length < e.min_consecutive_days_off) {
      amount += e.min_consecutive_days_off - length;
    }
    d = end;
  }
  return amount;
}

long RowLedger::succession(int day) const {
  if (day == 0) return 0;
  const ShiftIdx before = (*row_)[day - 1], after = (*row_)[day];
  if (before == kOff || after == kOff) return 0;
  return banned_[static_cast<size_t>(before) * p_->shifts.size() + after];
}

void RowLedger::count(int day, ShiftIdx value, int sign) {
  if (day_cells_[day] >= 0) cells_ += sign * cell_cost_[day_cells_[day] + 1 + value];
  if (value == kOff) return;
  const int limit = p_->employees[employee_].max_shifts[value];
  int& n = per_type_[value];
  type_excess_ -= std::max(0, n - limit);
  n += sign;
  type_excess_ += std::max(0, n - limit);
  const auto& shift = p_->shifts[value];
  minutes_ += static_cast<long>(sign) * shift.minutes;
  days_off_worked_ += static_cast<long>(sign) * day_off_[day];
  nights_ += shift.night ? sign : 0;
  if (day % 7 >= 5) {
    weekend_days_ += sign;
    const int w = day / 7;
    if (7 * w + 6 < p_->days) {  // only whole weekends count against the limit
      const bool was = weekend_cells_[w] > 0;
      const bool was_half = weekend_cells_[w] == 1;
      weekend_cells_[w] += sign;
      weekends_ += (weekend_cells_[w] > 0) - (was ? 1 : 0);
      half_weekends_ += (weekend_cells_[w] == 1) - (was_half ? 1 : 0);
    }
  }
}

void RowLedger::set(int day, ShiftIdx value) {
  auto& row = *row_;
  const ShiftIdx old = row[day];
  if (old == value) return;
  const int h = p_->days;
  const bool status_changes = (old != kOff) != (value != kOff);
  // The runs that can change tile [from, to): from the start of the run holding the day before
  // to the end of the run holding the day after; their ends outside are fixed by other days.
  int from = day, to = day + 1;
  if (status_changes) {
    if (day > 0) {
      const bool left = row[day - 1] != kOff;
      from = day - 1;
      while (from > 0 && (row[from - 1] != kOff) == left) --from;
    }
    if (day + 1 < h) {
      const bool right = row[day + 1] != kOff;
      to = day + 2;
      while (to < h && (row[to] != kOff) == right) ++to;
    }
    runs_ -= run_amount(from, to);
  }
  successions_ -= succession(day) + (day + 1 < h ? succession(day + 1) : 0);
  count(day, old, -1);
  row[day] = value;
  count(day, value, +1);
  successions_ += succession(day) + (day + 1 < h ? succession(day + 1) : 0);
  if (status_changes) runs_ += run_amount(from, to);
}

long RowLedger::hard() const {
  const auto& e = p_->employees[employee_];
  long amount = successions_ + days_off_worked_ + type_excess_ + runs_;
  if (minutes_ > e.max_total_minutes) amount += (minutes_ - e.max_total_minutes + 59) / 60;
  if (minutes_ < e.min_total_minutes) amount += (e.min_total_minutes - minutes_ + 59) / 60;
  if (weekends_ > e.max_weekends) amount += weekends_ - e.max_weekends;
  return amount;
}

long RowLedger::soft() const {
  return cells_ + terms_.fairness_weight * (nights_ * nights_ + weekend_days_ * weekend_days_);
}

}  // namespace rcc::roster
