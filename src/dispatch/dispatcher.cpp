#include "dispatch/dispatcher.h"

#include <algorithm>
#include <stdexcept>

#include "model/enum_names.h"

namespace rcc::dispatch {

namespace {
constexpr model::NameTable<Policy, 3> kPolicyNames{{
    {Policy::longest_idle, "longest-idle"},
    {Policy::least_loaded, "least-loaded"},
    {Policy::sla_risk_first, "sla-risk-first"},
}};
}  // namespace

std::optional<Policy> policy_from_name(std::string_view name) {
  return model::value_of(kPolicyNames, name);
}

Dispatcher::Dispatcher(DispatchOptions options) : options_(options) {
  if (options_.skills < 0 || options_.languages < 0) {
    throw std::invalid_argument("dispatcher needs non-negative skill and language counts");
  }
  const int classes = options_.skills * model::kMaxLevel * (options_.languages + 1);
  pools_.resize(classes);
  queues_.resize(classes);
  free_levels_.assign(static_cast<size_t>(options_.skills) * (options_.languages + 1), 0);
  on_shift_by_skill_level_.assign(options_.skills, std::vector<int>(model::kMaxLevel + 1, 0));
}

int Dispatcher::class_index(model::SkillIdx skill, int level, LanguageId language) const {
  return (skill * model::kMaxLevel + (level - 1)) * (options_.languages + 1) + (language + 1);
}

int Dispatcher::group_index(model::SkillIdx skill, LanguageId language) const {
  return skill * (options_.languages + 1) + (language + 1);
}

AgentId Dispatcher::add_agent(AgentProfile profile) {
  Agent a;
  for (const auto& s : profile.skills) {
    if (s.skill < 0 || s.skill >= options_.skills || s.level < 1 || s.level > model::kMaxLevel) {
      throw std::invalid_argument("agent skill outside the dispatcher's skill range");
    }
    for (auto lang : profile.languages) {
      if (lang < 0 || lang >= options_.languages) {
        throw std::invalid_argument("agent language outside the dispatcher's language range");
      }
    }
    const auto sit = [&](LanguageId lang) {
      a.pools.push_back(class_index(s.skill, s.level, lang));
      a.pool_groups.push_back(group_index(s.skill, lang));
      a.pool_levels.push_back(static_cast<std::uint8_t>(1U << (s.level - 1)));
    };
    sit(kAnyLanguage);
    for (auto lang : profile.languages) sit(lang);
    for (int level = 1; level <= s.level; ++level) {
      a.classes.push_back(class_index(s.skill, level, kAnyLanguage));
      for (auto lang : profile.languages) a.classes.push_back(class_index(s.skill, level, lang));
    }
  }
  a.seats.resize(a.pools.size());
  a.spare.resize(a.pools.size());
  a.profile = std::move(profile);
  agents_.push_back(std::move(a));
  return static_cast<AgentId>(agents_.size() - 1);
}

Dispatcher::PoolKey Dispatcher::pool_key(AgentId id) const {
  const auto& a = agents_[id];
  const double tie =
      options_.policy == Policy::longest_idle ? a.idle_since : static_cast<double>(a.handled);
  return {static_cast<int>(a.held.size()), tie, id};
}

void Dispatcher::enter_pools(AgentId id) {
  auto& a = agents_[id];
  const auto key = pool_key(id);
  // The key grows with the engineer's idle time or tickets handled, so it usually goes last.
  // The set nodes are the ones the engineer left with: no allocation on the hot path.
  for (size_t i = 0; i < a.pools.size(); ++i) {
    auto& pool = pools_[a.pools[i]];
    free_levels_[a.pool_groups[i]] |= a.pool_levels[i];
    if (a.spare[i]) {
      a.spare[i].value() = key;
      a.seats[i] = pool.insert(pool.end(), std::move(a.spare[i]));
    } else {
      a.seats[i] = pool.insert(pool.end(), key);
    }
  }
}

void Dispatcher::leave_pools(AgentId id) {
  auto& a = agents_[id];
  for (size_t i = 0; i < a.pools.size(); ++i) {
    auto& pool = pools_[a.pools[i]];
    a.spare[i] = pool.extract(a.seats[i]);
    if (pool.empty())
      free_levels_[a.pool_groups[i]] &= static_cast<std::uint8_t>(~a.pool_levels[i]);
  }
}

void Dispatcher::start_shift(AgentId id, double now, double shift_end) {
  auto& a = agents_[id];
  if (a.on_shift) return;
  a.on_shift = true;
  a.shift_end = shift_end;
  a.idle_since = now;
  for (const auto& s : a.profile.skills) {
    for (int level = 1; level <= s.level; ++level) ++on_shift_by_skill_level_[s.skill][level];
  }
  if (static_cast<int>(a.held.size()) < a.profile.capacity) enter_pools(id);
}

std::vector<TicketId> Dispatcher::end_shift(AgentId id, double) {
  auto& a = agents_[id];
  if (!a.on_shift) return {};
  if (static_cast<int>(a.held.size()) < a.profile.capacity) leave_pools(id);
  a.on_shift = false;
  for (const auto& s : a.profile.skills) {
    for (int level = 1; level <= s.level; ++level) --on_shift_by_skill_level_[s.skill][level];
  }
  std::vector<TicketId> handover;
  handover.swap(a.held);
  return handover;
}

int Dispatcher::qualified_on_shift(model::SkillIdx skill, int min_level) const {
  return on_shift_by_skill_level_[skill][std::clamp(min_level, 1, model::kMaxLevel)];
}

bool Dispatcher::accepts(const Agent& a, int priority, double now) const {
  // A P1 must not land on someone about to leave: it would be handed over at once.
  return priority != 0 || a.shift_end - now >= options_.p1_shift_end_guard;
}

void Dispatcher::assign(AgentId id, TicketId ticket) {
  leave_pools(id);
  auto& a = agents_[id];
  a.held.push_back(ticket);
  ++a.handled;
  if (static_cast<int>(a.held.size()) < a.profile.capacity) enter_pools(id);
}

void Dispatcher::give(AgentId id, const Ticket& t, double) {
  auto& a = agents_[id];
  const bool seated = a.on_shift && static_cast<int>(a.held.size()) < a.profile.capacity;
  if (seated) leave_pools(id);
  a.held.push_back(t.id);
  ++a.handled;
  if (a.on_shift && static_cast<int>(a.held.size()) < a.profile.capacity) enter_pools(id);
}

std::optional<AgentId> Dispatcher::route(const Ticket& t, double now) {
  if (t.skill < 0 || t.skill >= options_.skills) return std::nullopt;
  if (t.language < kAnyLanguage || t.language >= options_.languages) return std::nullopt;
  // The best free engineer among the pools of the levels that qualify, skipping empty ones: in
  // a loaded center most tickets find every pool empty.
  const PoolKey* best = nullptr;
  const int min_level = std::clamp(t.min_level, 1, model::kMaxLevel);
  unsigned levels = free_levels_[group_index(t.skill, t.language)] >> (min_level - 1);
  for (int level = min_level; levels != 0; ++level, levels >>= 1) {
    if ((levels & 1U) == 0) continue;
    for (const auto& key : pools_[class_index(t.skill, level, t.language)]) {
      if (best != nullptr && !(key < *best)) break;
      if (accepts(agents_[key.agent], t.priority, now)) {
        best = &key;
        break;
      }
    }
  }
  if (best == nullptr) return std::nullopt;
  const AgentId chosen = best->agent;
  assign(chosen, t.id);
  return chosen;
}

Dispatcher::QueueKey Dispatcher::queue_key(const Ticket& t) const {
  if (options_.policy == Policy::sla_risk_first) return {t.deadline, t.arrived, t.id};
  return {static_cast<double>(t.priority), t.arrived, t.id};
}

WaitHandle Dispatcher::enqueue(const Ticket& t) {
  const int q = class_index(t.skill, std::clamp(t.min_level, 1, model::kMaxLevel), t.language);
  std::uint32_t slot;
  if (free_wait_slots_.empty()) {
    slot = static_cast<std::uint32_t>(wait_slots_.size());
    wait_slots_.emplace_back();
  } else {
    slot = free_wait_slots_.back();
    free_wait_slots_.pop_back();
  }
  auto& w = wait_slots_[slot];
  w.ticket = t;
  w.queue = q;
  auto& heap = queues_[q];
  heap.emplace_back();
  sift_up(q, static_cast<std::uint32_t>(heap.size() - 1), {queue_key(t), slot, t.priority});
  ++waiting_;
  return static_cast<WaitHandle>(w.generation) << 32 | slot;
}

// The heaps keep each slot's position current, so that a handle finds its entry at once.
void Dispatcher::sift_up(int q, std::uint32_t i, const QueueEntry& e) {
  auto& heap = queues_[q];
  while (i > 0) {
    const std::uint32_t parent = (i - 1) / 4;
    if (!(e.key < heap[parent].key)) break;
    place(heap, i, heap[parent]);
    i = parent;
  }
  place(heap, i, e);
}

void Dispatcher::sift_down(int q, std::uint32_t i, const QueueEntry& e) {
  auto& heap = queues_[q];
  const auto n = static_cast<std::uint32_t>(heap.size());
  while (true) {
    const std::uint32_t first = 4 * i + 1;
    if (first >= n) break;
    std::uint32_t best = first;
    for (std::uint32_t c = first + 1; c < std::min(first + 4, n); ++c) {
      if (heap[c].key < heap[best].key) best = c;
    }
    if (!(heap[best].key < e.key)) break;
    place(heap, i, heap[best]);
    i = best;
  }
  place(heap, i, e);
}

void Dispatcher::remove_waiting(int q, std::uint32_t i) {
  auto& heap = queues_[q];
  auto& w = wait_slots_[heap[i].slot];
  w.queue = -1;
  ++w.generation;  // handles given for this slot are stale from now on
  free_wait_slots_.push_back(heap[i].slot);
  --waiting_;
  const QueueEntry last = heap.back();
  heap.pop_back();
  if (i == heap.size()) return;
  if (i > 0 && last.key < heap[(i - 1) / 4].key) {
    sift_up(q, i, last);
  } else {
    sift_down(q, i, last);
  }
}

bool Dispatcher::withdraw(WaitHandle handle) {
  const auto slot = static_cast<std::uint32_t>(handle & 0xFFFFFFFFu);
  if (slot >= wait_slots_.size()) return false;
  const auto& w = wait_slots_[slot];
  if (w.queue < 0 || w.generation != static_cast<std::uint32_t>(handle >> 32)) return false;
  remove_waiting(w.queue, w.position);
  return true;
}

void Dispatcher::release(AgentId id, TicketId ticket, double now) {
  auto& a = agents_[id];
  const auto it = std::find(a.held.begin(), a.held.end(), ticket);
  if (it == a.held.end()) return;
  const bool was_full = static_cast<int>(a.held.size()) >= a.profile.capacity;
  if (a.on_shift && !was_full) leave_pools(id);
  a.held.erase(it);
  if (a.held.empty()) a.idle_since = now;
  if (a.on_shift && static_cast<int>(a.held.size()) < a.profile.capacity) enter_pools(id);
}

int Dispatcher::best_waiting(const Agent& a, double now) const {
  int best = -1;
  for (int q : a.classes) {
    if (queues_[q].empty()) continue;
    const auto& head = queues_[q].front();
    if (!accepts(a, head.priority, now)) continue;
    if (best < 0 || head.key < queues_[best].front().key) best = q;
  }
  return best;
}

TicketId Dispatcher::take_waiting(int queue) {
  const TicketId t = wait_slots_[queues_[queue].front().slot].ticket.id;
  remove_waiting(queue, 0);
  return t;
}

std::optional<TicketId> Dispatcher::pull(AgentId id, double now) {
  auto& a = agents_[id];
  if (!a.on_shift || static_cast<int>(a.held.size()) >= a.profile.capacity) return std::nullopt;
  const int best = best_waiting(a, now);
  if (best < 0) return std::nullopt;
  const TicketId t = take_waiting(best);
  assign(id, t);
  return t;
}

std::optional<TicketId> Dispatcher::release_and_pull(AgentId id, TicketId ticket, double now) {
  auto& a = agents_[id];
  const auto it = std::find(a.held.begin(), a.held.end(), ticket);
  if (it == a.held.end()) return std::nullopt;
  const auto seated = [&] {
    return a.on_shift && static_cast<int>(a.held.size()) < a.profile.capacity;
  };
  const bool was_seated = seated();
  a.held.erase(it);
  if (a.held.empty()) a.idle_since = now;
  std::optional<TicketId> next;
  if (a.on_shift) {
    if (const int best = best_waiting(a, now); best >= 0) {
      next = take_waiting(best);
      a.held.push_back(*next);
      ++a.handled;
    }
  }
  // The pool key holds the load, so a seat is taken anew whenever the engineer stays seated.
  if (was_seated) leave_pools(id);
  if (seated()) enter_pools(id);
  return next;
}

}  // namespace rcc::dispatch
