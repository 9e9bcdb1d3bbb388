// One employee's row priced cell by cell. The ledger keeps what the row's price depends on up to
// date (shift counts, minutes, worked weekends, the runs of work and rest, successions, days off,
// requests, fairness counts, changes against a published roster), so that a move is priced from
// the days it touches: a change re-reads only the runs around its day. The rules are those of
// for_each_breach (BEST_KNOWN.md section 2.2, border exemptions included); `hard_amount` is the
// reference the ledger must always equal.
#pragma once

#include <utility>
#include <vector>

#include "roster/evaluator.h"
#include "roster/problem.h"

namespace rcc::roster {

// How badly a row breaks the hard rules: the size of each breach (minutes in hours), so a search
// can tell nearly feasible rows from hopeless ones.
long hard_amount(const Problem& p, int employee, const std::vector<ShiftIdx>& row);

// Requests by employee and day, so that a row prices a day's requests in O(requests that day).
struct RequestIndex {
  explicit RequestIndex(const Problem& p);
  // [employee][day] -> (shift, weight)
  std::vector<std::vector<std::vector<std::pair<ShiftIdx, int>>>> on, off;
};

// What a row costs besides its hard amount.
struct RowTerms {
  const RequestIndex* requests = nullptr;
  long fairness_weight = 0;           // x (nights^2 + weekend days^2)
  const Roster* published = nullptr;  // changes against it cost change_penalty each
  long change_penalty = 0;
};

class RowLedger {
 public:
  // The ledger prices `row` (which must outlive it and change only through `set`).
  RowLedger(const Problem& p, int employee, const RowTerms& terms, std::vector<ShiftIdx>& row);

  void set(int day, ShiftIdx value);
  // The row was replaced wholesale: price it from scratch.
  void reset();

  long hard() const;
  // requests + fairness + change penalties (everything but the hard amount and the cover)
  long soft() const;
  // Weekends worked on one day of the two: each spends a weekend of the contract's limit on
  // half the cover it could give.
  long half_weekends() const { return half_weekends_; }
  // The rules about days alone (runs, successions, fixed days off), without the rules about the
  // whole row (minutes, shift counts, weekends), which a move over many days may model itself.
  long day_rules() const { return successions_ + days_off_worked_ + runs_; }
  long minutes() const { return minutes_; }
  int shifts_of(ShiftIdx type) const { return per_type_[type]; }
  long weekends() const { return weekends_; }

 private:
  long run_amount(int from, int to) const;  // the run rules over the runs tiling [from, to)
  long succession(int day) const;           // forbidden successions into `day` (0 or more)
  void count(int day, ShiftIdx value, int sign);

  const Problem* p_;
  int employee_;
  RowTerms terms_;
  std::vector<ShiftIdx>* row_;
  // What each day's value costs in requests and changes: [day_cells_[day] + 1 + value], for the
  // days that have any (day_cells_ -1 elsewhere). Dense, a year's ledgers were 5 MB, and the
  // small moves waited on cache misses.
  std::vector<long> cell_cost_;
  std::vector<int> day_cells_;
  std::vector<char> day_off_;
  // [before * shifts + after]: how often `after` is listed as forbidden after `before` (the
  // evaluator counts each listing); a table, not a scan of the list on every move.
  std::vector<unsigned char> banned_;
  std::vector<int> per_type_;
  std::vector<int> weekend_cells_;  // cells worked on each weekend's Saturday and Sunday
  long minutes_ = 0;
  long type_excess_ = 0;  // sum over types of max(0, count - max)
  long weekends_ = 0;
  long half_weekends_ = 0;
  long successions_ = 0;
  long days_off_worked_ = 0;
  long runs_ = 0;
  long cells_ = 0;  // requests and change penalties of the row's cells
  long nights_ = 0, weekend_days_ = 0;
};

}  // namespace rcc::roster
