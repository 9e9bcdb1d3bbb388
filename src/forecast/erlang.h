// Queueing formulas that turn a ticket load into engineers: Erlang C (M/M/n, callers wait forever)
// and Erlang A (M/M/n+M, callers abandon after an exponential patience). Stable for hundreds of
// servers and loads close to the number of servers: Erlang B by its recursion, Erlang A by a
// normalised birth-death chain, never by factorials or powers.
#pragma once

#include <optional>

namespace rcc::forecast {

// Rates share one time unit (e.g. per minute): arrival rate, service rate per engineer.
struct Load {
  double arrival_rate = 0;                                        // lambda
  double service_rate = 0;                                        // mu = 1 / mean handle time
  double offered() const { return arrival_rate / service_rate; }  // A = lambda / mu, in Erlangs
};

// Probability that an arrival finds all n servers busy in M/M/n/n (blocked calls lost).
double erlang_b(int servers, double offered_erlangs);

struct ErlangCResult {
  bool stable = false;       // offered load < servers; otherwise the queue grows without bound
  double p_wait = 1;         // probability an arrival waits
  double mean_wait = 0;      // average speed of answer, in the time unit of the rates
  double service_level = 0;  // probability the wait is <= the target time
  double occupancy = 1;      // share of server time busy
};

// M/M/n with infinite patience. `target_wait` in the time unit of the rates.
ErlangCResult erlang_c(int servers, const Load& load, double target_wait);

struct ErlangAResult {
  double p_wait = 0;         // probability an arrival waits
  double p_abandon = 0;      // probability an arrival abandons
  double mean_wait = 0;      // mean time in queue of all arrivals (served or not)
  double service_level = 0;  // probability an arrival is answered within the target time
  double occupancy = 0;      // share of server time busy
};

// M/M/n+M: patience exponential with rate `abandon_rate` (> 0).
ErlangAResult erlang_a(int servers, const Load& load, double abandon_rate, double target_wait);

// The fewest servers with service level >= `target_level` (in (0, 1)) within `target_wait`,
// or nullopt if none up to `max_servers` is enough.
std::optional<int> min_servers_erlang_c(const Load& load, double target_wait, double target_level,
                                        int max_servers = 100000);
std::optional<int> min_servers_erlang_a(const Load& load, double abandon_rate, double target_wait,
                                        double target_level, int max_servers = 100000);

}  // namespace rcc::forecast
