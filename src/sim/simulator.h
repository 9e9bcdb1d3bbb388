// Discrete-event simulation of a center: tickets arrive (from a forecast or replayed from a
// history), the dispatcher routes them to engineers on shift, engineers work them, callers
// abandon, waiting tickets past their response deadline are escalated, open tickets are handed
// over at shift end. Deterministic for a seed. Times are seconds from the start of the horizon.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "dispatch/dispatcher.h"
#include "model/center.h"
#include "sim/business_timeline.h"

namespace rcc::sim {

enum class HandleDistribution { exponential, lognormal };

// Tickets of one client and skill.
struct Stream {
  int client = 0;  // index into SimInput::clients
  model::SkillIdx skill = 0;
  int min_level = 1;
  std::vector<double> arrivals_per_hour;  // one rate per hour of the horizon
  double mean_handle_seconds = 0;
  std::array<double, model::kPriorities> priority_mix{1, 0, 0, 0};
};

struct ClientSla {
  std::array<double, model::kPriorities> response_seconds{};
  // Business seconds from arrival to resolution, not counting time waiting on the client;
  // 0 = no resolution target.
  std::array<double, model::kPriorities> resolution_seconds{};
  std::array<dispatch::LanguageId, model::kPriorities> language{
      dispatch::kAnyLanguage, dispatch::kAnyLanguage, dispatch::kAnyLanguage,
      dispatch::kAnyLanguage};
  std::array<BusinessTimeline, model::kPriorities> clock{};  // 24x7 by default
};

// A ticket from a history file: replayed as it happened instead of drawn from a forecast.
struct ReplayedTicket {
  double arrival = 0;
  int client = 0;
  model::SkillIdx skill = 0;
  int priority = 3;
  double handle_seconds = 0;
  double patience_seconds = 0;  // 0: never abandons
};

struct SimAgent {
  dispatch::AgentProfile profile;
  std::vector<std::pair<double, double>> shifts;  // [start, end) seconds, sorted, disjoint
};

struct SimOptions {
  double horizon_seconds = 7 * 24 * 3600.0;
  std::uint64_t seed = 1;
  dispatch::Policy policy = dispatch::Policy::least_loaded;
  HandleDistribution handle = HandleDistribution::exponential;
  double handle_cv = 1.0;            // coefficient of variation for lognormal handle times
  double mean_patience_seconds = 0;  // exponential patience; 0 = nobody abandons
  bool escalate = true;              // waiting past the response deadline -> P1 queue
  double p1_shift_end_guard_seconds = 900;
  double warmup_seconds = 0;  // tickets arriving earlier are not counted
  // A ticket may stop once mid-work to wait on the client (a log, a site visit, a test window):
  // the engineer moves on, the resolution clock pauses, and when the client answers the ticket
  // queues again for an engineer with its skill. That queue time after the answer is the breach
  // cause "waiting on client".
  double client_wait_probability = 0;
  double mean_client_wait_seconds = 0;  // exponential
};

struct SimInput {
  std::vector<ClientSla> clients;
  std::vector<Stream> streams;
  std::vector<ReplayedTicket> replay;  // used instead of streams when not empty
  std::vector<SimAgent> agents;
  int skills = 0;
  int languages = 3;
};

struct ClientPriorityStats {
  long tickets = 0;
  long answered = 0;
  long answered_in_target = 0;
  long abandoned = 0;
  long escalated = 0;
  // Response breaches (late answers, abandoned or never answered) by cause: nobody with the
  // skill was on shift when the ticket arrived, or they were all busy.
  long breached_no_skill = 0;
  long breached_no_capacity = 0;
  long resolved = 0;
  long resolved_in_target = 0;
  long waited_on_client = 0;  // tickets that stopped to wait on the client
  // Resolution breaches by the delay that alone made the ticket late: the queue after the
  // client's answer, the first queue (no skill on shift / no capacity), or else the work itself
  // (a long handle time, or several delays together).
  long resolution_breached_no_skill = 0;
  long resolution_breached_no_capacity = 0;
  long resolution_breached_waiting_on_client = 0;
  long resolution_breached_handling = 0;
  double wait_p50 = 0, wait_p90 = 0, wait_p99 = 0, mean_wait = 0;  // seconds, answered tickets
  double attainment() const {
    return tickets == 0 ? 1.0
                        : static_cast<double>(answered_in_target) / static_cast<double>(tickets);
  }
  // Of the tickets resolved, the share resolved within the target.
  double resolution_attainment() const {
    return resolved == 0 ? 1.0
                         : static_cast<double>(resolved_in_target) / static_cast<double>(resolved);
  }
};

// Tickets by the hour of the day they arrived (simulation time modulo a day).
struct HourStats {
  long tickets = 0;
  long abandoned = 0;
  double queue_seconds = 0;  // total time in queue until answered or abandoned
};

struct SimResult {
  // [client][priority]
  std::vector<std::array<ClientPriorityStats, model::kPriorities>> by_client;
  std::vector<double> utilisation_by_skill;  // busy / on-shift time of engineers, by first skill
  std::array<HourStats, 24> by_hour_of_day{};
  long tickets = 0;
  long waited = 0;  // tickets that found nobody free
  long handovers = 0;
  long events = 0;
  double mean_wait = 0;  // seconds, all answered tickets
};

SimResult simulate(const SimInput& input, const SimOptions& options);

}  // namespace rcc::sim
