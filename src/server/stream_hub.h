// Live updates for the dashboard: every open event stream (Server-Sent Events) is a subscriber
// with the principal that opened it. Each committed ticket change is offered to every subscriber
// and reaches only those who may see the ticket, exactly as the API's reads decide: a client's
// stream never carries another client's ticket, an engineer's only its own.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_set>

#include "model/ticket.h"
#include "server/auth.h"

namespace rcc::server {

// Receives framed SSE messages ("event: ...\ndata: ...\n\n") from the journal's writer thread;
// it must not block.
using StreamSink = std::function<void(const std::string& message)>;

bool may_see(const Principal& p, const model::Ticket& t);

class StreamHub {
 public:
  std::uint64_t subscribe(Principal principal, StreamSink sink);
  void unsubscribe(std::uint64_t id);
  // `json` is the ticket as GET /api/v1/tickets/{id} renders it. A subscriber that was shown the
  // ticket but may no longer see it (an engineer it was taken from) is told it is gone.
  void publish_ticket(const model::Ticket& t, const std::string& json);
  std::size_t subscribers() const;

 private:
  struct Subscriber {
    Principal principal;
    StreamSink sink;
    std::unordered_set<model::TicketId> shown;  // engineers only: what may later be taken away
  };
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::uint64_t next_event_ = 1;
  std::map<std::uint64_t, Subscriber> subscribers_;
};

}  // namespace rcc::server
