// Simulator throughput. Modes:
//   year: one year of an 850-engineer center (9 clients x 8 skills, diurnal load, rotating
//         24/7 shifts, business-hours SLA clocks, abandonment and escalation), >= 2 million tickets
//   mmc:  the plain M/M/c queue that the SimPy peer (bench/mmc_simpy.py) runs too
// Prints one JSON line: mode, tickets, events, seconds, events_per_second.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sim/simulator.h"

using rcc::sim::SimAgent;
using rcc::sim::SimInput;
using rcc::sim::SimOptions;

namespace {

SimInput year_center(int engineers, int weeks) {
  SimInput in;
  in.skills = 8;
  in.languages = 3;
  const int days = weeks * 7;
  // Sunday-Thursday 08:00-17:00 at UTC+3, as seconds from a Monday 00:00 start.
  std::vector<std::pair<double, double>> open;
  for (int d = 0; d < days + 60; ++d) {
    if ((d % 7) == 4 || (d % 7) == 5) continue;  // Friday, Saturday
    open.emplace_back(d * 86400.0 + 5 * 3600, d * 86400.0 + 14 * 3600);
  }
  for (int c = 0; c < 9; ++c) {
    rcc::sim::ClientSla sla;
    sla.response_seconds = {15 * 60.0, 30 * 60.0, 120 * 60.0, 480 * 60.0};
    sla.clock[2] = rcc::sim::BusinessTimeline(open);
    sla.clock[3] = rcc::sim::BusinessTimeline(open);
    in.clients.push_back(sla);
  }
  const double profile[24] = {0.35, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.3, 1.6, 1.7,  1.6,
                              1.4,  1.4, 1.5,  1.4,  1.2, 1.0, 0.9, 0.9, 0.8, 0.7, 0.55, 0.45};
  for (int c = 0; c < 9; ++c) {
    for (int s = 0; s < 8; ++s) {
      rcc::sim::Stream st;
      st.client = c;
      st.skill = s;
      st.mean_handle_seconds = 25 * 60;
      st.priority_mix = {0.03, 0.12, 0.45, 0.40};
      st.arrivals_per_hour.resize(static_cast<size_t>(days) * 24);
      for (size_t h = 0; h < st.arrivals_per_hour.size(); ++h) {
        st.arrivals_per_hour[h] = 3.9 * profile[h % 24];  // ~250 tickets an hour in all
      }
      in.streams.push_back(st);
    }
  }
  for (int i = 0; i < engineers; ++i) {
    SimAgent a;
    a.profile.skills = {{i % 8, 3}};
    if (i % 3 == 0) a.profile.skills.push_back({(i + 1) % 8, 2});
    a.profile.languages = {0, 1};
    if (i % 5 == 0) a.profile.languages.push_back(2);
    a.profile.capacity = 1;
    const double start_hour = (i % 3) * 8.0;
    for (int d = 0; d < days; ++d) {
      if ((d + i) % 7 >= 5) continue;  // five days in seven
      const double begin = d * 86400.0 + start_hour * 3600;
      a.shifts.emplace_back(begin, begin + 8 * 3600.0);
    }
    in.agents.push_back(std::move(a));
  }
  return in;
}

SimInput mmc(int servers, long customers, double rho) {
  SimInput in;
  in.skills = 1;
  in.languages = 1;
  rcc::sim::ClientSla sla;
  sla.response_seconds = {1e12, 1e12, 1e12, 1e12};
  in.clients.push_back(sla);
  const double handle = 300;  // seconds
  const double per_hour = rho * servers * 3600 / handle;
  rcc::sim::Stream st;
  st.client = 0;
  st.skill = 0;
  st.mean_handle_seconds = handle;
  st.priority_mix = {0, 0, 0, 1};
  st.arrivals_per_hour.assign(
      static_cast<size_t>(std::ceil(static_cast<double>(customers) / per_hour)), per_hour);
  in.streams.push_back(st);
  for (int i = 0; i < servers; ++i) {
    in.agents.push_back({{{{0, 3}}, {}, 1}, {{0.0, 1e15}}});  // M/M/c: no languages
  }
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "year";
  SimOptions opt;
  opt.seed = 1;
  SimInput in;
  if (mode == "year") {
    in = year_center(850, 52);
    opt.horizon_seconds = 52 * 7 * 86400.0;
    opt.mean_patience_seconds = 30 * 60;
    opt.policy = rcc::dispatch::Policy::sla_risk_first;
  } else if (mode == "mmc") {
    const int servers = argc > 2 ? std::atoi(argv[2]) : 10;
    const long customers = argc > 3 ? std::atol(argv[3]) : 1000000;
    in = mmc(servers, customers, 0.9);
    opt.horizon_seconds = static_cast<double>(in.streams[0].arrivals_per_hour.size()) * 3600;
    opt.escalate = false;
  } else {
    std::fprintf(stderr, "usage: %s year | mmc [servers] [customers]\n", argv[0]);
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = rcc::sim::simulate(in, opt);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "{\"mode\": \"%s\", \"engineers\": %zu, \"tickets\": %ld, \"events\": %ld, "
      "\"seconds\": %.3f, \"events_per_second\": %.0f, \"tickets_per_second\": %.0f}\n",
      mode.c_str(), in.agents.size(), r.tickets, r.events, seconds,
      static_cast<double>(r.events) / seconds, static_cast<double>(r.tickets) / seconds);
  return 0;
}
