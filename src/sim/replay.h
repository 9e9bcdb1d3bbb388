// Replaying a real call log through the simulator with the staffing the log shows: an agent is on
// shift in each clock hour in which they started a service. Answered callers keep their real
// handle time and get a patience longer than the wait they accepted; callers who abandoned the
// queue keep the patience they showed and get a handle time drawn from the fitted lognormal;
// callers who hung up before reaching the queue are lost on both sides. Then the simulated waits
// and abandonment per hour are set against the real ones.
#pragma once

#include <array>
#include <cstdint>

#include "forecast/history_fit.h"
#include "model/history.h"
#include "sim/simulator.h"

namespace rcc::sim {

struct HourComparison {
  int hour = 0;  // hour of day, log time
  long calls = 0;
  double actual_mean_wait = 0, simulated_mean_wait = 0;  // seconds, answered and abandoned
  double actual_abandon = 0, simulated_abandon = 0;      // shares of calls
};

struct ReplayReport {
  int agents = 0;
  long replayed = 0;
  std::array<HourComparison, 24> by_hour{};
  // Call-weighted mean absolute errors over the hours with calls.
  double wait_mae_seconds = 0;
  double abandon_mae = 0;
  double actual_mean_wait = 0, simulated_mean_wait = 0;
  double actual_abandon = 0, simulated_abandon = 0;
};

ReplayReport replay_log(const model::CallLog& log, const forecast::HistoryFit& fit,
                        std::uint64_t seed);

}  // namespace rcc::sim
