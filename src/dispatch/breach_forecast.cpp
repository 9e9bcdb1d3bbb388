#include "dispatch/breach_forecast.h"

#include <algorithm>
#include <map>

namespace rcc::dispatch {
namespace {

using model::Instant;
using model::TicketStatus;

constexpr double kDefaultHandleMinutes = 45;

// Mean handle time per client and skill, from the forecast.
std::map<std::pair<int, int>, std::chrono::seconds> handle_times(const model::Center& center) {
  std::map<std::pair<int, int>, std::chrono::seconds> out;
  for (const auto& f : center.forecast) {
    out[{f.client, f.skill}] = std::chrono::seconds(static_cast<long>(f.mean_handle_minutes * 60));
  }
  return out;
}

// One ticket slot of an engineer on shift: free from `free_at` until the shift ends.
struct Slot {
  model::EngineerIdx engineer = 0;
  Instant free_at{};
  Instant shift_end{};
};

bool qualifies(const model::Engineer& e, const model::Ticket& t) {
  return std::any_of(e.skills.begin(), e.skills.end(),
                     [&](const auto& s) { return s.skill == t.skill && s.level >= t.min_level; });
}

}  // namespace

std::vector<TicketOutlook> forecast_breaches(const model::Center& center, const LiveCenter& live,
                                             Instant now) {
  const auto handle = handle_times(center);
  const auto handle_of = [&](const model::Ticket& t) {
    const auto it = handle.find({t.client, t.skill});
    return it != handle.end() ? it->second
                              : std::chrono::seconds(static_cast<long>(kDefaultHandleMinutes * 60));
  };
  // The slots of the engineers on shift, each freed when the ticket it holds is done.
  std::vector<std::vector<Slot>> slots(center.engineers.size());
  for (int e = 0; e < static_cast<int>(center.engineers.size()); ++e) {
    const auto end = live.shift_end(e, now);
    if (!end) continue;
    slots[e].assign(static_cast<size_t>(live.capacity()), Slot{e, now, *end});
  }
  std::map<model::TicketId, TicketOutlook> out;
  const auto hold = [&](const model::Ticket& t, Instant from) {
    auto& o = out[t.id];
    o.ticket = t.id;
    o.expected_response = t.responded_at ? *t.responded_at : from;
    o.expected_resolution = std::max(from, o.expected_response.value_or(from)) + handle_of(t);
    return *o.expected_resolution;
  };
  std::vector<const model::Ticket*> queue;
  for (const auto& [id, t] : live.tickets()) {
    if (t.status == TicketStatus::waiting_on_client || !model::is_open(t.status)) continue;
    if (t.engineer &&
        (t.status == TicketStatus::assigned || t.status == TicketStatus::in_progress)) {
      const auto done = hold(t, now);
      auto& held = slots[*t.engineer];
      // The slot that frees first takes it; an engineer off shift still finishes what they hold.
      auto slot = std::min_element(held.begin(), held.end(), [](const Slot& a, const Slot& b) {
        return a.free_at < b.free_at;
      });
      if (slot != held.end()) slot->free_at = std::max(slot->free_at, done);
    } else {
      queue.push_back(&t);
    }
  }
  std::sort(queue.begin(), queue.end(), [](const model::Ticket* a, const model::Ticket* b) {
    return a->response_due != b->response_due ? a->response_due < b->response_due : a->id < b->id;
  });
  for (const auto* t : queue) {
    Slot* best = nullptr;
    for (int e = 0; e < static_cast<int>(slots.size()); ++e) {
      if (slots[e].empty() || !qualifies(center.engineers[e], *t)) continue;
      for (auto& s : slots[e]) {
        if (s.free_at >= s.shift_end) continue;
        if (best == nullptr || s.free_at < best->free_at) best = &s;
      }
    }
    auto& o = out[t->id];
    o.ticket = t->id;
    if (best == nullptr) continue;  // nobody frees up in time: no expected response
    best->free_at = hold(*t, best->free_at);
  }
  std::vector<TicketOutlook> list;
  for (auto& [id, o] : out) {
    const auto& t = *live.find(id);
    o.response_breach =
        !t.responded_at && (!o.expected_response || *o.expected_response > t.response_due);
    o.resolution_breach = !o.expected_resolution || *o.expected_resolution > t.resolution_due;
    list.push_back(o);
  }
  return list;
}

}  // namespace rcc::dispatch
