#include "forecast/history_fit.h"

#include <cmath>

namespace rcc::forecast {

HistoryFit fit_history(const model::CallLog& log) {
  HistoryFit fit;
  fit.days = log.days;
  // How many times each hour of the week occurs in the log's span.
  std::array<int, 168> occurrences{};
  const int first_weekday =
      (static_cast<int>(std::chrono::weekday{log.first_day}.c_encoding()) + 6) % 7;  // Monday 0
  for (int d = 0; d < log.days; ++d) {
    for (int h = 0; h < 24; ++h) ++occurrences[((first_weekday + d) % 7) * 24 + h];
  }
  double sum = 0, sum_sq = 0, log_sum = 0, log_sq = 0, exposure = 0;
  int positive = 0;
  for (const auto& c : log.calls) {
    ++fit.calls;
    const int day = static_cast<int>(c.arrival / 86400);
    const int hour = static_cast<int>(std::fmod(c.arrival, 86400) / 3600);
    fit.arrivals_per_hour[((first_weekday + day) % 7) * 24 + hour] += 1;
    switch (c.outcome) {
      case model::CallOutcome::answered:
        ++fit.answered;
        exposure += c.wait;  // patience lasted at least this long
        sum += c.handle;
        sum_sq += c.handle * c.handle;
        if (c.handle > 0) {
          log_sum += std::log(c.handle);
          log_sq += std::log(c.handle) * std::log(c.handle);
          ++positive;
        }
        break;
      case model::CallOutcome::abandoned:
        ++fit.abandoned;
        exposure += c.wait;
        break;
      case model::CallOutcome::phantom:
        ++fit.phantom;
        break;
    }
  }
  for (int h = 0; h < 168; ++h) {
    if (occurrences[h] > 0) fit.arrivals_per_hour[h] /= occurrences[h];
  }
  if (fit.answered > 0) {
    fit.handle_mean = sum / fit.answered;
    const double var = sum_sq / fit.answered - fit.handle_mean * fit.handle_mean;
    fit.handle_cv = fit.handle_mean > 0 ? std::sqrt(std::max(0.0, var)) / fit.handle_mean : 0;
  }
  if (positive > 1) {
    fit.lognormal_mu = log_sum / positive;
    fit.lognormal_sigma =
        std::sqrt(std::max(0.0, log_sq / positive - fit.lognormal_mu * fit.lognormal_mu));
  }
  // Exponential patience: abandonments / total time callers were exposed to abandoning.
  if (fit.abandoned > 0) fit.patience_mean = exposure / fit.abandoned;
  return fit;
}

}  // namespace rcc::forecast
