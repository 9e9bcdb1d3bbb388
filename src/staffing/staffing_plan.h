// Project staffing: who fills each head of each project role, who trains first, what must be hired
// (by skill, level, month and city) and which sites the new hires sit in. Exact: the assignment is
// a mixed-integer program solved by CBC (status, objective and best bound reported), and so is the
// choice of sites (capacitated facility location). No I/O.
//
// A "slot" is one head of a role for the role's whole period inside the plan: one engineer keeps it
// throughout (continuity is a hard rule), or it is hired for, or it stays unfilled. An engineer's
// load in a month is the sum of the FTE of their slots times the share of the month each slot is
// active; it never exceeds their contract FTE times the share of the month they are not on leave,
// minus what is already committed (the support pool, existing assignments).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lp/status.h"
#include "model/center.h"

namespace rcc::staffing {

// The assignment MIP over every candidate, in column-major form: minimise cost.x subject to
// row_lower <= A x <= row_upper, x binary. Given to benchmarks that solve it with another solver.
struct StaffingMip {
  std::vector<long> starts;  // column c's entries are [starts[c], starts[c+1])
  std::vector<int> rows;
  std::vector<double> values, cost, row_lower, row_upper;
  std::vector<double> column_upper;  // columns are integers from 0 to this
};

// Weights and rules of the plan; money in USD. Documented in docs/staffing.md.
struct StaffingOptions {
  double overqualified_per_level_fte_month = 300;  // a level above the need, per FTE-month
  double other_city_per_fte_month = 400;           // an engineer outside the role's preferred city
  double level_up_training_cost = 2000;            // one level below the need: trained up
  int level_up_training_months = 2;
  double retraining_cost = 5000;  // from an adjacent skill (skill adjacency is data)
  int retraining_months = 3;
  double hire_cost = 6000;     // recruiting and onboarding of one new engineer
  int hiring_lead_months = 2;  // a hire joins no earlier than this many months after plan start
  // A role's certificate (Role::certificate) an engineer lacks, or holds expiring mid-role.
  double certification_cost = 1500;
  int certification_months = 1;  // to take it from scratch (a renewal does not delay the start)
  double unfilled_per_fte_month = 20000;  // demand nobody serves
  double time_limit_seconds = 60;
  // The heads the LP splits (and those their engineers hold) are solved again by CBC in one
  // model when they have at most this many candidates, else neighbourhood by neighbourhood.
  long most_candidates_at_once = 5000;
  // A plan from the master LP over engineers' whole heads (the bound's), solved in integers by
  // CBC before the neighbourhoods; off only to reach them where the master proves the optimum.
  bool master_in_integers = true;
  // Per engineer and plan month, FTE already committed (support pool, existing assignments);
  // empty: nothing committed.
  std::vector<std::vector<double>> committed;
  // Called once with the MIP over every candidate, before solving (benchmarks); building it and
  // the call count neither in the seconds reported nor against the time limit.
  std::function<void(const StaffingMip&)> on_full_model;
  // The same MIP with an integer per role and candidate (how many of the role's heads it takes)
  // instead of a binary per head: 4-5x fewer columns, for a peer that cannot hold the other.
  bool full_model_per_candidate = false;
};

enum class SlotSource { engineer, upskill, retrain, hire, unfilled };
std::string_view source_name(SlotSource source);

struct Slot {
  model::ProjectIdx project = 0;
  int role = 0;                         // index in the project's roles
  int head = 0;                         // 0 .. headcount-1
  int first_month = 0, last_month = 0;  // plan month indices, inclusive
  std::vector<double> load;             // FTE used per plan month (0 outside the period)
};

struct SlotPlan {
  int slot = 0;
  SlotSource source = SlotSource::unfilled;
  std::optional<model::EngineerIdx> engineer;
  model::Date ready;       // when the engineer or hire can start (training, lead time)
  double cost = 0;         // this slot's share of the objective
  std::string why;         // the choice explained, or why nobody could take it
  bool certifies = false;  // the engineer takes or renews the role's certificate first
};

struct Hire {
  model::SkillIdx skill = 0;
  int level = 1;
  model::Date joins;                   // first day of the month the new engineer starts
  model::Date recruit_from;            // joins minus the hiring lead time
  std::optional<model::SiteIdx> site;  // nullopt when no seat was left anywhere
  std::string city;                    // the city its roles prefer (Role::city); empty for any
  std::vector<int> slots;              // slots the hire fills, one after another
};

struct SiteDecision {
  model::SiteIdx site = 0;
  bool open = false;    // open at the end of the plan
  bool opened = false;  // a candidate site the plan opens
  int seats_used_by_hires = 0;
  int free_seats_after = 0;
};

using lp::SolveStatus;
using lp::status_name;

struct StaffingResult {
  SolveStatus status = SolveStatus::infeasible;
  double objective = 0;
  double bound = 0;
  // The LP relaxation's bound (while the LP is unfinished, the Lagrangian bound of its last
  // duals), and the bound with each engineer's heads whole: the best Lagrangian bound of the
  // master LP's rounds over engineers' patterns, its optimum once they converge (no lower;
  // docs/staffing.md). `bound` is the higher, or the objective itself when proven.
  double lp_bound = 0;
  double whole_heads_bound = 0;
  double seconds = 0;
  std::vector<model::Date> months;  // first days of the plan months
  std::vector<Slot> slots;
  std::vector<SlotPlan> plans;  // parallel to slots
  std::vector<Hire> hires;
  SolveStatus site_status = SolveStatus::optimal;
  double site_cost = 0;
  std::vector<SiteDecision> sites;
  int seats_short = 0;  // hires with no seat anywhere
  double fill_rate =
      0;                // share of slot FTE-months filled by engineers of the pool (incl. training)
  long candidates = 0;  // every (slot, way to serve it) the rules allow
  int variables = 0, constraints = 0;  // of the last model solved (the LP, or a MIP over a subset)
  int lp_rounds = 0;                   // column-generation rounds
  int master_rounds = 0;               // rounds of the master over engineers' patterns
  long patterns = 0;                   // the master's columns at the end
  // The plan's cost once the heads the LP splits were solved again, before any branch and bound
  // over the whole (0 when the LP's rounding was already optimal).
  double objective_resolved = 0;
  // The master's plan in integers, before the neighbourhoods start from it (0 when the master did
  // not plan: smaller centers, or proven at its bound).
  double objective_master = 0;
  double seconds_candidates = 0, seconds_lp = 0, seconds_mip = 0;
};

// Throws std::invalid_argument when the center's plan period is empty or committed has the wrong
// shape.
StaffingResult plan_staffing(const model::Center& center, const StaffingOptions& options = {});

// First days of the months of the center's plan period.
std::vector<model::Date> plan_months(const model::Center& center);

// The monthly FTE an engineer can give: contract FTE times the share of the month not on leave.
double engineer_availability(const model::Center& center, const model::Engineer& engineer,
                             model::Date month);

}  // namespace rcc::staffing
