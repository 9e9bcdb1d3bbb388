// Dispatch decision latency with thousands of engineers on shift: each decision routes a new
// ticket (or parks it) and every completion pulls the next waiting ticket. Prints one JSON line
// with p50 / p99 / max nanoseconds per decision.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <vector>

#include "dispatch/dispatcher.h"
#include "model/random.h"

int main(int argc, char** argv) {
  const int engineers = argc > 1 ? std::atoi(argv[1]) : 5000;
  const int decisions = argc > 2 ? std::atoi(argv[2]) : 1000000;
  constexpr int kSkills = 21;
  rcc::model::Rng rng(42);
  rcc::dispatch::Dispatcher d({rcc::dispatch::Policy::sla_risk_first, 3, kSkills, 900});
  for (int i = 0; i < engineers; ++i) {
    rcc::dispatch::AgentProfile p;
    p.skills.push_back({rng.below(kSkills), rng.between(1, 5)});
    if (rng.chance(0.5))
      p.skills.push_back(
          {(p.skills[0].skill + 1 + rng.below(kSkills - 1)) % kSkills, rng.between(1, 4)});
    p.languages = {0, 1};
    if (rng.chance(0.2)) p.languages.push_back(2);
    p.capacity = rng.between(1, 3);
    const auto id = d.add_agent(p);
    d.start_shift(id, 0, 1e12);
  }
  std::vector<long> ns;
  ns.reserve(decisions);
  std::deque<std::pair<rcc::dispatch::AgentId, rcc::dispatch::TicketId>> open;
  using clock = std::chrono::steady_clock;
  for (int i = 0; i < decisions; ++i) {
    const double now = i;
    // Keep the center busy but not swamped: complete a random early ticket half of the time.
    if (!open.empty() && (open.size() > static_cast<size_t>(engineers) || rng.chance(0.5))) {
      const auto [agent, ticket] = open.front();
      open.pop_front();
      d.release(agent, ticket, now);
      const auto t0 = clock::now();
      const auto next = d.pull(agent, now);
      ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now() - t0).count());
      if (next) open.emplace_back(agent, *next);
      continue;
    }
    const rcc::dispatch::Ticket t{
        i,
        rng.below(kSkills),
        rng.between(1, 3),
        rng.chance(0.1) ? rcc::dispatch::LanguageId{2} : rcc::dispatch::kAnyLanguage,
        rng.below(4),
        now,
        now + 900};
    const auto t0 = clock::now();
    const auto agent = d.route(t, now);
    if (!agent) d.enqueue(t);
    ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now() - t0).count());
    if (agent) open.emplace_back(*agent, t.id);
  }
  std::sort(ns.begin(), ns.end());
  const auto pct = [&](double q) {
    return ns[static_cast<size_t>(q * static_cast<double>(ns.size() - 1))];
  };
  std::printf(
      "{\"engineers_on_shift\": %d, \"decisions\": %zu, \"waiting_at_end\": %zu, "
      "\"p50_ns\": %ld, \"p99_ns\": %ld, \"max_ns\": %ld}\n",
      engineers, ns.size(), d.waiting(), pct(0.5), pct(0.99), ns.back());
  return 0;
}
