// What a history says about demand: arrivals per hour of the week, the handle-time distribution
// (mean and coefficient of variation; lognormal parameters), and the patience of callers
// (exponential, by maximum likelihood with the waits of answered callers as censored patience).
#pragma once

#include <array>

#include "model/history.h"

namespace rcc::forecast {

struct HistoryFit {
  int calls = 0, answered = 0, abandoned = 0, phantom = 0;
  double days = 0;
  std::array<double, 168> arrivals_per_hour{};  // hour 0 = Monday 00:00, log time
  double handle_mean = 0;                       // seconds, answered calls
  double handle_cv = 0;
  double lognormal_mu = 0, lognormal_sigma = 0;  // of handle seconds
  double patience_mean = 0;                      // seconds; 0 when nobody abandoned
};

HistoryFit fit_history(const model::CallLog& log);

}  // namespace rcc::forecast
