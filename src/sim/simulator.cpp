#include "sim/simulator.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "model/random.h"
#include "sim/event_queue.h"

namespace rcc::sim {

namespace {

using events::Event;
using events::EventKey;
using events::EventQueue;
using events::Kind;

enum class Status : std::uint8_t { waiting, in_service, on_client, done, abandoned };

struct TicketState {
  double arrival = 0;
  double deadline = 0;
  double work = 0;           // service seconds still to do
  double service_start = 0;  // of the current service period
  double patience = 0;
  double pause_at_work = -1;  // work left when the ticket stops for the client; < 0: never
  double client_since = 0;    // start of the client wait, then of the queue after the answer
  double client_paused = 0;   // business seconds waiting on the client (not on the clock)
  double after_client = 0;    // business seconds queued after the client answered
  double first_wait = 0;      // business seconds from arrival to the first answer
  std::int32_t agent = -1;
  std::int32_t client = 0;
  model::SkillIdx skill = 0;
  std::int8_t min_level = 1;
  std::int8_t priority = 3;
  std::int8_t original_priority = 3;
  dispatch::LanguageId language = dispatch::kAnyLanguage;
  Status status = Status::waiting;
  bool answered = false;
  bool counted = true;
  bool skill_on_shift = true;
  bool requeued_by_client = false;  // in the queue because the client answered
  std::uint32_t version = 0;
  std::uint8_t hour_of_day = 0;   // of the arrival, for the per-hour statistics
  dispatch::WaitHandle wait = 0;  // while in the dispatcher's queue
};

class Simulation {
 public:
  Simulation(const SimInput& input, const SimOptions& options)
      : in_(input),
        opt_(options),
        rng_(options.seed),
        dispatcher_(
            {options.policy, input.languages, input.skills, options.p1_shift_end_guard_seconds}) {
    for (const auto& agent : in_.agents) dispatcher_.add_agent(agent.profile);
    busy_.assign(in_.agents.size(), 0.0);
    result_.by_client.resize(in_.clients.size());
    waits_.resize(in_.clients.size() * model::kPriorities);
  }

  SimResult run() {
    // Only each engineer's next shift is pending: a year of shifts would otherwise sit in the
    // event heap and deepen every push and pop.
    for (int a = 0; a < static_cast<int>(in_.agents.size()); ++a) {
      const auto& shifts = in_.agents[a].shifts;
      int s = 0;
      while (s < static_cast<int>(shifts.size()) && shifts[s].second <= 0) ++s;
      schedule_shift(a, s);
    }
    if (!in_.replay.empty()) {
      push(in_.replay.front().arrival, Kind::replay, 0, 0);
    } else {
      for (int s = 0; s < static_cast<int>(in_.streams.size()); ++s) schedule_arrival(s, 0.0);
    }
    while (!events_.empty()) {
      const Event e = events_.take();
      ++result_.events;
      handle(e);
      events_.settle();
    }
    return finish();
  }

 private:
  // Events before the start (a shift begun the day before) happen at the start.
  void push(double time, Kind kind, std::int32_t a, std::int64_t b, std::uint32_t version = 0) {
    events_.push({static_cast<EventKey>(std::bit_cast<std::uint64_t>(std::max(time, 0.0))) << 64 |
                      (seq_++ << 8 | static_cast<std::uint64_t>(kind)),
                  a, version, b});
  }

  void schedule_shift(std::int32_t agent, int shift) {
    const auto& shifts = in_.agents[agent].shifts;
    if (shift < static_cast<int>(shifts.size()) && shifts[shift].first < opt_.horizon_seconds) {
      push(shifts[shift].first, Kind::shift_start, agent, shift);
    }
  }

  // Next arrival of a non-homogeneous Poisson stream with hourly piecewise-constant rates.
  void schedule_arrival(int stream, double from) {
    const auto& rates = in_.streams[stream].arrivals_per_hour;
    double need = rng_.exponential();  // unit-rate exponential "area" to cover
    double t = from;
    for (auto hour = static_cast<size_t>(t / 3600.0); hour < rates.size(); ++hour) {
      const double end = std::min(static_cast<double>(hour + 1) * 3600.0, opt_.horizon_seconds);
      const double per_second = rates[hour] / 3600.0;
      const double area = per_second * (end - t);
      if (per_second > 0 && need <= area) {
        push(t + need / per_second, Kind::arrival, stream, 0);
        return;
      }
      need -= area;
      t = end;
      if (t >= opt_.horizon_seconds) return;
    }
  }

  double draw_handle(double mean) {
    if (opt_.handle == HandleDistribution::exponential) return mean * rng_.exponential();
    const double s2 = std::log(1 + opt_.handle_cv * opt_.handle_cv);
    const double mu = std::log(mean) - s2 / 2;
    // Box-Muller: one standard normal from two uniforms.
    const double z = std::sqrt(-2 * std::log(1.0 - rng_.unit())) * std::cos(2 * M_PI * rng_.unit());
    return std::exp(mu + std::sqrt(s2) * z);
  }

  int draw_priority(const std::array<double, model::kPriorities>& mix) {
    double x = rng_.unit();
    for (int p = 0; p < model::kPriorities - 1; ++p) {
      if (x < mix[p]) return p;
      x -= mix[p];
    }
    return model::kPriorities - 1;
  }

  dispatch::Ticket as_dispatch_ticket(std::int64_t id) const {
    const auto& t = tickets_[id];
    return {id, t.skill, t.min_level, t.language, t.priority, t.arrival, t.deadline};
  }

  // Tickets live in slots that are reused once a ticket is closed, so the table stays as small as
  // the open tickets and in cache; a slot's version only grows, so events for the slot's earlier
  // tickets are recognised as stale. The new ticket is filled in place, then opened.
  std::int64_t new_ticket() {
    if (free_slots_.empty()) {
      tickets_.emplace_back();
      return static_cast<std::int64_t>(tickets_.size()) - 1;
    }
    const std::int64_t id = free_slots_.back();
    free_slots_.pop_back();
    const std::uint32_t version = tickets_[id].version + 1;
    tickets_[id] = TicketState{};
    tickets_[id].version = version;
    return id;
  }

  void open_ticket(std::int64_t id, double now) {
    auto& t = tickets_[id];
    const auto& sla = in_.clients[t.client];
    t.arrival = now;
    t.hour_of_day = static_cast<std::uint8_t>(static_cast<std::int64_t>(now / 3600.0) % 24);
    t.original_priority = t.priority;
    t.language = sla.language[t.priority];
    t.deadline = sla.clock[t.priority].add(now, sla.response_seconds[t.priority]);
    t.counted = now >= opt_.warmup_seconds;
    t.skill_on_shift = dispatcher_.qualified_on_shift(t.skill, t.min_level) > 0;
    if (t.counted) {
      ++result_.tickets;
      ++stats(t).tickets;
      ++hour_of(t).tickets;
    }
    if (const auto agent = dispatcher_.route(as_dispatch_ticket(id), now)) {
      start_service(*agent, id, now);
      return;
    }
    if (t.counted) ++result_.waited;
    t.wait = dispatcher_.enqueue(as_dispatch_ticket(id));
    if (t.patience > 0) push(now + t.patience, Kind::abandon, 0, id, t.version);
    if (opt_.escalate && t.deadline > now && std::isfinite(t.deadline)) {
      push(t.deadline, Kind::escalate, 0, id, t.version);
    }
  }

  void start_service(std::int32_t agent, std::int64_t id, double now) {
    auto& t = tickets_[id];
    t.status = Status::in_service;
    t.agent = agent;
    t.service_start = now;
    if (!t.answered) {
      t.answered = true;
      t.first_wait = clock_of(t).between(t.arrival, now);
      if (t.counted) {
        auto& s = stats(t);
        ++s.answered;
        if (now <= t.deadline) {
          ++s.answered_in_target;
        } else {
          count_breach(t);
        }
        waits_[t.client * model::kPriorities + t.original_priority].push_back(
            static_cast<float>(now - t.arrival));
        hour_of(t).queue_seconds += now - t.arrival;
      }
    }
    if (t.requeued_by_client) {
      t.requeued_by_client = false;
      t.after_client += clock_of(t).between(t.client_since, now);
    }
    if (t.pause_at_work >= 0 && t.work > t.pause_at_work) {
      push(now + (t.work - t.pause_at_work), Kind::client_waits, agent, id, t.version);
    } else {
      push(now + t.work, Kind::complete, agent, id, t.version);
    }
  }

  const BusinessTimeline& clock_of(const TicketState& t) const {
    return in_.clients[t.client].clock[t.original_priority];
  }

  // Resolution against the target, on the priority's clock without the client's time.
  void count_resolution(const TicketState& t, double now) {
    auto& s = stats(t);
    ++s.resolved;
    const double target = in_.clients[t.client].resolution_seconds[t.original_priority];
    const double used = clock_of(t).between(t.arrival, now) - t.client_paused;
    const double late = used - target;
    if (target <= 0 || late <= 0) {
      ++s.resolved_in_target;
    } else if (t.after_client >= late) {
      ++s.resolution_breached_waiting_on_client;
    } else if (t.first_wait >= late) {
      ++(t.skill_on_shift ? s.resolution_breached_no_capacity : s.resolution_breached_no_skill);
    } else {
      ++s.resolution_breached_handling;
    }
  }

  HourStats& hour_of(const TicketState& t) { return result_.by_hour_of_day[t.hour_of_day]; }

  ClientPriorityStats& stats(const TicketState& t) {
    return result_.by_client[t.client][t.original_priority];
  }
  void count_breach(const TicketState& t) {
    auto& s = stats(t);
    if (t.skill_on_shift) {
      ++s.breached_no_capacity;
    } else {
      ++s.breached_no_skill;
    }
  }

  void fill(std::int32_t agent, double now) {
    while (const auto next = dispatcher_.pull(agent, now)) start_service(agent, *next, now);
  }

  void handle(const Event& e) {
    const double now = e.time();
    switch (e.kind()) {
      case Kind::arrival: {
        const auto& s = in_.streams[e.a];
        const auto id = new_ticket();
        auto& t = tickets_[id];
        t.client = s.client;
        t.skill = s.skill;
        t.min_level = static_cast<std::int8_t>(s.min_level);
        t.priority = static_cast<std::int8_t>(draw_priority(s.priority_mix));
        t.work = draw_handle(s.mean_handle_seconds);
        if (opt_.mean_patience_seconds > 0) {
          t.patience = opt_.mean_patience_seconds * rng_.exponential();
        }
        if (opt_.client_wait_probability > 0 && rng_.chance(opt_.client_wait_probability)) {
          t.pause_at_work = t.work * rng_.unit();
        }
        schedule_arrival(e.a, now);
        open_ticket(id, now);
        break;
      }
      case Kind::replay: {
        const auto& r = in_.replay[e.b];
        const auto id = new_ticket();
        auto& t = tickets_[id];
        t.client = r.client;
        t.skill = r.skill;
        t.priority = static_cast<std::int8_t>(r.priority);
        t.work = r.handle_seconds;
        t.patience = r.patience_seconds;
        if (e.b + 1 < static_cast<std::int64_t>(in_.replay.size())) {
          push(in_.replay[e.b + 1].arrival, Kind::replay, 0, e.b + 1);
        }
        open_ticket(id, now);
        break;
      }
      case Kind::complete: {
        auto& t = tickets_[e.b];
        if (t.status != Status::in_service || t.version != e.version) break;  // handed over
        t.status = Status::done;
        busy_[e.a] += now - t.service_start;
        if (t.counted) count_resolution(t, now);
        free_slots_.push_back(e.b);
        if (const auto next = dispatcher_.release_and_pull(e.a, e.b, now)) {
          start_service(e.a, *next, now);
          fill(e.a, now);  // an engineer taking several tickets at once
        }
        break;
      }
      case Kind::abandon: {
        auto& t = tickets_[e.b];
        if (t.version != e.version || t.status != Status::waiting || t.answered) break;
        dispatcher_.withdraw(t.wait);
        t.status = Status::abandoned;
        free_slots_.push_back(e.b);
        if (t.counted) {
          ++stats(t).abandoned;
          ++hour_of(t).abandoned;
          hour_of(t).queue_seconds += now - t.arrival;
          count_breach(t);
        }
        break;
      }
      case Kind::escalate: {
        auto& t = tickets_[e.b];
        // An answered ticket (handed over, or back from the client) has met its response clock.
        if (t.version != e.version || t.status != Status::waiting || t.answered ||
            t.priority == 0) {
          break;
        }
        dispatcher_.withdraw(t.wait);
        t.priority = 0;  // jumps the queue of its skill; anyone qualified takes it next
        if (t.counted) ++stats(t).escalated;
        t.wait = dispatcher_.enqueue(as_dispatch_ticket(e.b));
        break;
      }
      case Kind::client_waits: {
        auto& t = tickets_[e.b];
        if (t.status != Status::in_service || t.version != e.version) break;  // handed over
        busy_[e.a] += now - t.service_start;
        t.work = t.pause_at_work;
        t.pause_at_work = -1;
        t.status = Status::on_client;
        t.client_since = now;
        if (t.counted) ++stats(t).waited_on_client;
        push(now + opt_.mean_client_wait_seconds * rng_.exponential(), Kind::client_answers, 0, e.b,
             t.version);
        if (const auto next = dispatcher_.release_and_pull(e.a, e.b, now)) {
          start_service(e.a, *next, now);
          fill(e.a, now);
        }
        break;
      }
      case Kind::client_answers: {
        auto& t = tickets_[e.b];
        if (t.status != Status::on_client || t.version != e.version) break;
        t.client_paused += clock_of(t).between(t.client_since, now);
        t.status = Status::waiting;
        t.client_since = now;
        t.requeued_by_client = true;
        if (const auto agent = dispatcher_.route(as_dispatch_ticket(e.b), now)) {
          start_service(*agent, e.b, now);
        } else {
          t.wait = dispatcher_.enqueue(as_dispatch_ticket(e.b));
        }
        break;
      }
      case Kind::shift_start: {
        const auto& shift = in_.agents[e.a].shifts[e.b];
        dispatcher_.start_shift(e.a, now, shift.second);
        push(shift.second, Kind::shift_end, e.a, e.b);  // shifts begun run to their end
        fill(e.a, now);
        break;
      }
      case Kind::shift_end: {
        const auto& shift = in_.agents[e.a].shifts[e.b];
        shift_seconds_by_agent(e.a) += now - std::max(shift.first, 0.0);
        schedule_shift(e.a, static_cast<int>(e.b) + 1);
        for (const auto id : dispatcher_.end_shift(e.a, now)) {
          auto& t = tickets_[id];
          busy_[e.a] += now - t.service_start;
          t.work -= now - t.service_start;
          t.status = Status::waiting;
          ++t.version;  // its completion event is now stale
          ++result_.handovers;
          if (const auto agent = dispatcher_.route(as_dispatch_ticket(id), now)) {
            start_service(*agent, id, now);
          } else {
            t.wait = dispatcher_.enqueue(as_dispatch_ticket(id));
          }
        }
        break;
      }
    }
  }

  double& shift_seconds_by_agent(std::int32_t agent) {
    if (shift_seconds_.empty()) shift_seconds_.assign(in_.agents.size(), 0.0);
    return shift_seconds_[agent];
  }

  SimResult finish() {
    double total_wait = 0;
    long answered = 0;
    for (size_t c = 0; c < result_.by_client.size(); ++c) {
      for (int p = 0; p < model::kPriorities; ++p) {
        auto& w = waits_[c * model::kPriorities + p];
        auto& s = result_.by_client[c][p];
        if (w.empty()) continue;
        double sum = 0;
        for (float x : w) sum += x;
        s.mean_wait = sum / static_cast<double>(w.size());
        total_wait += sum;
        answered += static_cast<long>(w.size());
        // Ascending quantiles: each selection searches only above the previous one, which
        // nth_element has already partitioned.
        auto from = w.begin();
        auto pct = [&](double q) {
          const size_t k =
              std::min(w.size() - 1, static_cast<size_t>(q * static_cast<double>(w.size())));
          const auto at = w.begin() + static_cast<std::ptrdiff_t>(k);
          std::nth_element(from, at, w.end());
          from = at;
          return static_cast<double>(*at);
        };
        s.wait_p50 = pct(0.50);
        s.wait_p90 = pct(0.90);
        s.wait_p99 = pct(0.99);
      }
    }
    for (const auto& t : tickets_) {
      // Never answered and never abandoned: still waiting when the horizon closed.
      if (t.counted && !t.answered && t.status == Status::waiting) count_breach(t);
    }
    result_.mean_wait = answered > 0 ? total_wait / static_cast<double>(answered) : 0;
    std::vector<double> busy(in_.skills, 0.0), shift(in_.skills, 0.0);
    if (shift_seconds_.empty()) shift_seconds_.assign(in_.agents.size(), 0.0);
    for (size_t a = 0; a < in_.agents.size(); ++a) {
      if (in_.agents[a].profile.skills.empty()) continue;
      const auto skill = in_.agents[a].profile.skills.front().skill;
      busy[skill] += busy_[a];
      shift[skill] += shift_seconds_[a];
    }
    result_.utilisation_by_skill.assign(in_.skills, 0.0);
    for (int s = 0; s < in_.skills; ++s) {
      result_.utilisation_by_skill[s] = shift[s] > 0 ? busy[s] / shift[s] : 0.0;
    }
    return std::move(result_);
  }

  const SimInput& in_;
  const SimOptions& opt_;
  model::Rng rng_;
  dispatch::Dispatcher dispatcher_;
  EventQueue events_;
  std::uint64_t seq_ = 0;
  std::vector<TicketState> tickets_;
  std::vector<std::int64_t> free_slots_;
  std::vector<double> busy_;
  std::vector<double> shift_seconds_;
  std::vector<std::vector<float>> waits_;
  SimResult result_;
};

}  // namespace

SimResult simulate(const SimInput& input, const SimOptions& options) {
  for (const auto& s : input.streams) {
    if (s.mean_handle_seconds <= 0) throw std::invalid_argument("handle time must be positive");
    if (s.client < 0 || s.client >= static_cast<int>(input.clients.size())) {
      throw std::invalid_argument("stream for an unknown client");
    }
  }
  if (options.client_wait_probability < 0 || options.client_wait_probability > 1) {
    throw std::invalid_argument("the share of tickets waiting on the client must be in 0..1");
  }
  if (options.client_wait_probability > 0 && options.mean_client_wait_seconds <= 0) {
    throw std::invalid_argument("the client's answer time must be positive");
  }
  return Simulation(input, options).run();
}

}  // namespace rcc::sim
