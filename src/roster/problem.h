// The roster problem: employees x days -> one shift type or off. The model of the Employee Shift
// Scheduling Benchmark (Curtois & Qu), which the RCC roster is an instance of: shift types with
// lengths and forbidden successions, a contract per employee, fixed days off, weighted shift-on
// and shift-off requests, and cover per day and shift with under/over weights.
// Dense integer ids throughout; the text ids are kept for reading and writing files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rcc::roster {

using ShiftIdx = std::int16_t;
constexpr ShiftIdx kOff = -1;

struct ShiftType {
  std::string id;
  int minutes = 0;
  std::vector<ShiftIdx> forbidden_next;  // shift types that may not follow on the next day
  bool night = false;                    // counts toward the fairness of nights
};

struct Employee {
  std::string id;
  std::vector<int> max_shifts;  // per shift type
  int max_total_minutes = 0;
  int min_total_minutes = 0;
  int max_consecutive_shifts = 0;
  int min_consecutive_shifts = 0;
  int min_consecutive_days_off = 0;
  int max_weekends = 0;
  std::vector<int> days_off;  // days on which no shift may be assigned
};

struct Request {
  int employee = 0;
  int day = 0;
  ShiftIdx shift = 0;
  int weight = 0;
};

struct Cover {
  int requirement = 0;
  int under_weight = 0;
  int over_weight = 0;
};

struct Problem {
  int days = 0;  // day 0 is a Monday
  std::vector<ShiftType> shifts;
  std::vector<Employee> employees;
  std::vector<Request> on_requests;   // penalty when the employee does not work that shift
  std::vector<Request> off_requests;  // penalty when the employee works that shift
  std::vector<Cover> cover;           // [day * shifts + shift]
  // Fairness, a search preference outside the benchmark objective: the solver adds
  // weight x (nights^2 + weekend days^2) per employee, which spreads nights and weekends evenly
  // for the same cover. 0 (the benchmark) turns it off.
  int fairness_weight = 0;

  const Cover& cover_of(int day, ShiftIdx shift) const {
    return cover[static_cast<size_t>(day) * shifts.size() + shift];
  }
};

// assignment[employee][day] = shift type or kOff.
using Roster = std::vector<std::vector<ShiftIdx>>;

inline Roster empty_roster(const Problem& p) {
  // Parentheses on purpose: braces here would make the reader check whether the count and the
  // row become two elements of an initializer list.
  return Roster(p.employees.size(),  // NOLINT(modernize-return-braced-init-list)
                std::vector<ShiftIdx>(p.days, kOff));
}

}  // namespace rcc::roster
