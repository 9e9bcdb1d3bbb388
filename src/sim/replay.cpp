#include "sim/replay.h"

#include <cmath>
#include <map>
#include <set>

#include "model/random.h"

namespace rcc::sim {

ReplayReport replay_log(const model::CallLog& log, const forecast::HistoryFit& fit,
                        std::uint64_t seed) {
  ReplayReport report;
  model::Rng rng(seed);
  SimInput in;
  in.skills = 1;
  in.languages = 1;
  ClientSla sla;
  sla.response_seconds = {1e12, 1e12, 1e12, 1e12};
  in.clients.push_back(sla);

  // Staffing the log shows: an agent counts as on shift in every clock hour in which they
  // started a service; consecutive hours merge into one shift.
  std::map<std::string, std::set<long>> hours_worked;
  for (const auto& c : log.calls) {
    if (c.outcome != model::CallOutcome::answered || c.server.empty()) continue;
    hours_worked[c.server].insert(static_cast<long>(c.service_start / 3600));
  }
  for (const auto& [server, hours] : hours_worked) {
    SimAgent agent;
    agent.profile = {{{0, 1}}, {0}, 1};
    for (long h : hours) {
      const double begin = static_cast<double>(h) * 3600;
      if (!agent.shifts.empty() && agent.shifts.back().second == begin) {
        agent.shifts.back().second = begin + 3600;
      } else {
        agent.shifts.emplace_back(begin, begin + 3600);
      }
    }
    in.agents.push_back(std::move(agent));
  }
  report.agents = static_cast<int>(in.agents.size());

  const auto exponential = [&](double mean) { return -mean * std::log(1.0 - rng.unit()); };
  const auto lognormal = [&] {
    const double z = std::sqrt(-2 * std::log(1.0 - rng.unit())) * std::cos(2 * M_PI * rng.unit());
    return std::exp(fit.lognormal_mu + fit.lognormal_sigma * z);
  };
  std::array<double, 24> actual_wait{}, actual_abandoned{}, left_before_queue{};
  for (const auto& c : log.calls) {
    if (c.outcome == model::CallOutcome::phantom) continue;
    const int hour = static_cast<int>(std::fmod(c.arrival, 86400) / 3600);
    ++report.by_hour[hour].calls;
    actual_wait[hour] += c.wait;
    if (c.outcome == model::CallOutcome::abandoned) {
      ++actual_abandoned[hour];
      // Hung up before reaching the queue: lost whatever the staffing, on both sides.
      if (c.wait <= 0) {
        ++left_before_queue[hour];
        continue;
      }
    }
    ReplayedTicket t;
    t.arrival = c.arrival;
    t.priority = c.priority;
    if (c.outcome == model::CallOutcome::answered) {
      // Memoryless patience beyond the wait this caller accepted.
      t.handle_seconds = std::max(1.0, c.handle);
      t.patience_seconds = fit.patience_mean > 0 ? c.wait + exponential(fit.patience_mean) : 0;
    } else {
      t.handle_seconds = std::max(1.0, lognormal());
      t.patience_seconds = c.wait;
    }
    in.replay.push_back(t);
  }
  report.replayed = static_cast<long>(in.replay.size());

  SimOptions opt;
  opt.horizon_seconds = log.days * 86400.0 + 86400;
  opt.seed = seed;
  opt.escalate = false;
  opt.policy = dispatch::Policy::least_loaded;  // priority customers first, then first come
  const auto result = simulate(in, opt);

  long calls = 0;
  double wait_error = 0, abandon_error = 0, actual_wait_total = 0, simulated_wait_total = 0;
  double actual_abandon_total = 0, simulated_abandon_total = 0;
  for (int h = 0; h < 24; ++h) {
    auto& row = report.by_hour[h];
    row.hour = h;
    const auto& sim_hour = result.by_hour_of_day[h];
    if (row.calls == 0) continue;
    const auto n = static_cast<double>(row.calls);
    row.actual_mean_wait = actual_wait[h] / n;
    row.actual_abandon = actual_abandoned[h] / n;
    row.simulated_mean_wait = sim_hour.queue_seconds / n;
    row.simulated_abandon = (static_cast<double>(sim_hour.abandoned) + left_before_queue[h]) / n;
    calls += row.calls;
    wait_error += n * std::abs(row.simulated_mean_wait - row.actual_mean_wait);
    abandon_error += n * std::abs(row.simulated_abandon - row.actual_abandon);
    actual_wait_total += actual_wait[h];
    simulated_wait_total += n * row.simulated_mean_wait;
    actual_abandon_total += actual_abandoned[h];
    simulated_abandon_total += n * row.simulated_abandon;
  }
  if (calls > 0) {
    const auto n = static_cast<double>(calls);
    report.wait_mae_seconds = wait_error / n;
    report.abandon_mae = abandon_error / n;
    report.actual_mean_wait = actual_wait_total / n;
    report.simulated_mean_wait = simulated_wait_total / n;
    report.actual_abandon = actual_abandon_total / n;
    report.simulated_abandon = simulated_abandon_total / n;
  }
  return report;
}

}  // namespace rcc::sim
