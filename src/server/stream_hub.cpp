#include "server/stream_hub.h"

namespace rcc::server {

bool may_see(const Principal& p, const model::Ticket& t) {
  if (p.role == Role::client) return p.client && t.client == *p.client;
  if (p.role == Role::engineer) return p.engineer && t.engineer == p.engineer;
  return true;
}

std::uint64_t StreamHub::subscribe(Principal principal, StreamSink sink) {
  const std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  subscribers_.emplace(id, Subscriber{std::move(principal), std::move(sink), {}});
  return id;
}

void StreamHub::unsubscribe(std::uint64_t id) {
  const std::lock_guard lock(mutex_);
  subscribers_.erase(id);
}

void StreamHub::publish_ticket(const model::Ticket& t, const std::string& json) {
  const std::lock_guard lock(mutex_);
  if (subscribers_.empty()) return;
  const auto event_id = std::to_string(next_event_++);
  const std::string message = "id: " + event_id + "\nevent: ticket\ndata: " + json + "\n\n";
  const std::string gone =
      "id: " + event_id + "\nevent: ticket-gone\ndata: {\"id\":" + std::to_string(t.id) + "}\n\n";
  for (auto& [id, s] : subscribers_) {
    if (may_see(s.principal, t)) {
      if (s.principal.role == Role::engineer) s.shown.insert(t.id);
      s.sink.send(message);
    } else if (s.shown.erase(t.id) > 0) {
      s.sink.send(gone);
    }
  }
}

void StreamHub::end_where(const std::function<bool(const Principal&)>& void_credential) {
  const std::lock_guard lock(mutex_);
  for (auto it = subscribers_.begin(); it != subscribers_.end();) {
    if (void_credential(it->second.principal)) {
      it->second.sink.finish("event: session-ended\ndata: {}\n\n");
      it = subscribers_.erase(it);
    } else {
      ++it;
    }
  }
}

std::size_t StreamHub::subscribers() const {
  const std::lock_guard lock(mutex_);
  return subscribers_.size();
}

}  // namespace rcc::server
