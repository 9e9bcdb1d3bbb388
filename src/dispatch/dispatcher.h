// Live routing of tickets to engineers on shift. Each ticket needs a skill at a minimum level and
// possibly a language; an engineer takes up to `capacity` tickets at once. Engineers who can take
// work sit in ordered pools, one per (skill, exact level, language or any) they hold, so a routing
// decision compares the fronts of at most five pools (levels min..5): O(log n) in the engineers
// on shift, and a change of load touches only the pools of the levels the engineer really has.
// Tickets nobody can take wait in queues of the same shape (4-ary heaps) and are pulled when
// someone frees up; `enqueue` gives a handle that withdraws the ticket later without a search.
// Time is seconds on any fixed axis (simulation time, or seconds since the epoch live).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "model/center.h"

namespace rcc::dispatch {

using AgentId = std::int32_t;
using TicketId = std::int64_t;
using LanguageId = std::int8_t;  // dense language index; kAnyLanguage when none is required
constexpr LanguageId kAnyLanguage = -1;
// A waiting ticket's place in the queues, from `enqueue`; it goes stale once the ticket leaves.
using WaitHandle = std::uint64_t;

enum class Policy {
  longest_idle,    // the engineer free for longest; waiting tickets by priority, then age
  least_loaded,    // the engineer with fewest open tickets, then fewest handled; same queue order
  sla_risk_first,  // least loaded engineer; waiting tickets by earliest SLA deadline
};
std::optional<Policy> policy_from_name(std::string_view name);

struct DispatchOptions {
  Policy policy = Policy::least_loaded;
  int languages = 3;                // language ids are 0 .. languages-1
  int skills = 0;                   // skill ids are 0 .. skills-1
  double p1_shift_end_guard = 900;  // no P1 to an engineer whose shift ends within this (s)
};

struct AgentProfile {
  std::vector<model::SkillLevel> skills;
  std::vector<LanguageId> languages;
  int capacity = 1;  // open tickets at once
};

struct Ticket {
  TicketId id = 0;
  model::SkillIdx skill = 0;
  int min_level = 1;
  LanguageId language = kAnyLanguage;
  int priority = 3;  // 0 = P1 .. 3 = P4
  double arrived = 0;
  double deadline = 0;  // response deadline, same axis as `now`
};

class Dispatcher {
 public:
  explicit Dispatcher(DispatchOptions options);

  AgentId add_agent(AgentProfile profile);
  void start_shift(AgentId agent, double now, double shift_end);
  // Takes the engineer off shift; returns the tickets they still held, to be handed over.
  std::vector<TicketId> end_shift(AgentId agent, double now);

  // The engineer the ticket goes to now, or nullopt when nobody qualified is free.
  // A routed ticket counts against the engineer's capacity until `release`.
  std::optional<AgentId> route(const Ticket& ticket, double now);
  // Parks a ticket nobody could take; the handle withdraws it.
  WaitHandle enqueue(const Ticket& ticket);
  // Removes a waiting ticket (abandoned, escalated, taken by a lead); false if it was no longer
  // waiting (already pulled or withdrawn).
  bool withdraw(WaitHandle handle);
  // Hands `ticket` to this engineer whoever else could take it (a lead's decision, or a ticket
  // restored after a restart). It counts against capacity even past it; off shift it is only held.
  void give(AgentId agent, const Ticket& ticket, double now);
  // The engineer finished `ticket`; frees the slot.
  void release(AgentId agent, TicketId ticket, double now);
  // The best waiting ticket this engineer can take now, routed to them; nullopt if none. Only
  // the id comes back: callers keep their tickets, and a whole Ticket returned by value cost the
  // simulator a store-forwarding stall on every call.
  std::optional<TicketId> pull(AgentId agent, double now);
  // `release` then `pull` in one step: a busy engineer who goes straight to the next waiting
  // ticket never passes through the free pools, the common case in a loaded center.
  std::optional<TicketId> release_and_pull(AgentId agent, TicketId ticket, double now);

  bool on_shift(AgentId agent) const { return agents_[agent].on_shift; }
  int load(AgentId agent) const { return static_cast<int>(agents_[agent].held.size()); }
  const std::vector<TicketId>& held(AgentId agent) const { return agents_[agent].held; }
  std::size_t waiting() const { return waiting_; }
  // Engineers on shift who have `skill` at `min_level` or above, busy or not.
  int qualified_on_shift(model::SkillIdx skill, int min_level) const;
  const AgentProfile& profile(AgentId agent) const { return agents_[agent].profile; }

 private:
  // Both keys order lexicographically by their fields, in declaration order.
  struct PoolKey {
    int load;
    double tie;
    AgentId agent;
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted comparison
    friend auto operator<=>(const PoolKey&, const PoolKey&) = default;
  };
  struct QueueKey {
    double first;
    double second;
    TicketId ticket;
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted comparison
    friend auto operator<=>(const QueueKey&, const QueueKey&) = default;
  };
  // 32 bytes in the heap, with the priority the P1 guard needs, so a look at the head of a queue
  // stays in the heap's own memory.
  struct QueueEntry {
    QueueKey key;
    std::uint32_t slot;  // in wait_slots_
    std::int32_t priority;
  };
  struct WaitSlot {
    Ticket ticket;
    std::int32_t queue = -1;  // -1: free
    std::uint32_t position = 0;
    std::uint32_t generation = 0;  // the high half of the handles given for this slot
  };
  struct Agent {
    AgentProfile profile;
    bool on_shift = false;
    double shift_end = 0;
    double idle_since = 0;
    long handled = 0;
    std::vector<TicketId> held;
    std::vector<int> pools;        // pools this engineer sits in: (skill, own level, language)
    std::vector<int> pool_groups;  // (skill, language) of each pool, and its level as a bit
    std::vector<std::uint8_t> pool_levels;
    std::vector<int> classes;  // ticket classes this engineer can take: (skill, <= level, language)
    // Where the engineer sits in each pool while free, so leaving needs no search, and the
    // nodes kept while busy, so that coming back allocates nothing.
    std::vector<std::set<PoolKey>::iterator> seats;
    std::vector<std::set<PoolKey>::node_type> spare;
  };

  int class_index(model::SkillIdx skill, int level, LanguageId language) const;
  int group_index(model::SkillIdx skill, LanguageId language) const;
  PoolKey pool_key(AgentId agent) const;
  void enter_pools(AgentId agent);
  void leave_pools(AgentId agent);
  bool accepts(const Agent& agent, int priority, double now) const;
  void assign(AgentId agent, TicketId ticket);
  QueueKey queue_key(const Ticket& ticket) const;
  int best_waiting(const Agent& agent, double now) const;  // queue index, -1 when none
  TicketId take_waiting(int queue);
  void remove_waiting(int queue, std::uint32_t position);
  void sift_up(int queue, std::uint32_t position, const QueueEntry& entry);
  void sift_down(int queue, std::uint32_t position, const QueueEntry& entry);
  void place(std::vector<QueueEntry>& heap, std::uint32_t position, const QueueEntry& entry) {
    heap[position] = entry;
    wait_slots_[entry.slot].position = position;
  }

  DispatchOptions options_;
  std::vector<Agent> agents_;
  std::vector<std::set<PoolKey>> pools_;  // free engineers per (skill, level, language)
  static_assert(model::kMaxLevel <= 8, "free_levels_ keeps a level per bit of a byte");
  std::vector<std::uint8_t> free_levels_;  // per (skill, language): levels with a free engineer
  std::vector<std::vector<QueueEntry>> queues_;  // waiting tickets per (skill, level, language)
  std::vector<WaitSlot> wait_slots_;
  std::vector<std::uint32_t> free_wait_slots_;
  std::size_t waiting_ = 0;
  std::vector<std::vector<int>> on_shift_by_skill_level_;  // [skill][level] count
};

}  // namespace rcc::dispatch
