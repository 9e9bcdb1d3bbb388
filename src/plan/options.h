// The options of the planning pipeline, declared once: name, default, bounds, unit and help. The
// CLI builds its flags from these declarations, the API's body parser checks plan runs against
// them and the dashboard's forms read them from the API, so a bound never differs between them.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/errors.h"

namespace rcc::plan {

// The stages of the pipeline (plan::run), in the order they run.
inline constexpr std::string_view kStageNames[] = {"capacity", "forecast", "shifts",
                                                   "roster",   "staffing", "simulate"};

// A numeric option; `integer` options take whole values only.
struct NumberOption {
  std::string_view name;  // the API field; the CLI flag is the same with dashes
  std::string_view help;
  std::string_view unit;
  double lowest = 0;
  double highest = 0;
  double fallback = 0;  // the default
  bool integer = false;
};

// An option that takes one of a few words.
struct ChoiceOption {
  std::string_view name;
  std::string_view help;
  std::span<const std::string_view> choices;
  std::string_view fallback;
};

// The values one plan runs with; every field is declared below with its bounds.
struct PlanOptions {
  double service_level = 0.80;
  double shrinkage = 0.30;
  std::string shift_patterns = "center";
  int roster_weeks = 4;
  long roster_moves = 2000000;
  long seed = 1;
};

// The simulated week of a plan, and `rcc simulate`'s defaults: the live center's dispatch
// policy, and a share of tickets that stop once to wait on the client for a mean answer time.
inline constexpr std::string_view kSimulatedPolicy = "sla-risk-first";
inline constexpr double kClientWaitShare = 0.15;
inline constexpr double kClientWaitMinutes = 120;

namespace options {
inline constexpr NumberOption kServiceLevel{
    "service_level", "Share of tickets to answer within their response target",
    "share",         0.01,
    0.999,           0.80};
inline constexpr NumberOption kShrinkage{
    "shrinkage", "Share of paid time not on tickets (breaks, training, meetings)",
    "share",     0.0,
    0.9,         0.30};
inline constexpr std::string_view kShiftPatternChoices[] = {"center", "any"};
inline constexpr ChoiceOption kShiftPatterns{
    "shift_patterns",
    "Shift design candidates: center (the center's shift types) or any (every hourly start, 8 or "
    "9 h)",
    kShiftPatternChoices, "center"};
inline constexpr NumberOption kRosterWeeks{
    "roster_weeks",
    "Weeks the roster covers, from the first Monday of the plan",
    "weeks",
    1,
    8,
    4,
    true};
inline constexpr NumberOption kRosterMoves{
    "roster_moves",
    "Moves the roster engine may try (a budget, so plans are reproducible)",
    "moves",
    1000,
    1e9,
    2000000,
    true};
inline constexpr NumberOption kSeed{
    "seed", "Random seed of the simulated week", "", 0, 4294967295.0, 1, true};
}  // namespace options

// Every option of the pipeline with the field of PlanOptions it sets, in the order of `--help`.
template <class Visit>
void for_each_option(PlanOptions& o, Visit&& visit) {
  visit(options::kServiceLevel, o.service_level);
  visit(options::kShrinkage, o.shrinkage);
  visit(options::kShiftPatterns, o.shift_patterns);
  visit(options::kRosterWeeks, o.roster_weeks);
  visit(options::kRosterMoves, o.roster_moves);
  visit(options::kSeed, o.seed);
}

// An option outside its declaration: bad input, named by the option (not by a CLI flag).
class OptionError : public model::BadInput {
 public:
  OptionError(std::string_view option, const std::string& message)
      : model::BadInput(message), option_(option) {}
  const std::string& option() const { return option_; }

 private:
  std::string option_;
};

// "0.01..0.999 (share)": the one wording of a bound for `--help`, the API and errors.
std::string bounds_text(const NumberOption& option);
// "must be 0.01..0.999 (share)", or "must be a whole number 1..8 (weeks)".
std::string describe_bounds(const NumberOption& option);
std::string describe_choices(const ChoiceOption& option);

// Throws OptionError naming the first option out of its declaration.
void validate(const PlanOptions& options);

}  // namespace rcc::plan
