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

// Where a subscriber's messages go: `send` receives framed SSE messages ("event: ...\ndata:
// ...\n\n") from the journal's writer thread, `finish` a last one after which the stream is to be
// closed. Neither may block.
struct StreamSink {
  std::function<void(const std::string& message)> send;
  std::function<void(const std::string& message)> finish;
};

bool may_see(const Principal& p, const model::Ticket& t);

class StreamHub {
 public:
  std::uint64_t subscribe(Principal principal, StreamSink sink);
  void unsubscribe(std::uint64_t id);
  // `json` is the ticket as GET /api/v1/tickets/{id} renders it. A subscriber that was shown the
  // ticket but may no longer see it (an engineer it was taken from) is told it is gone.
  void publish_ticket(const model::Ticket& t, const std::string& json);
  // Ends the streams whose credential no longer stands (a revoked token, a session that ended or
  // expired, a revoked user) with a last `session-ended` message, so the page asks to log in
  // instead of listening on with rights it lost.
  void end_where(const std::function<bool(const Principal&)>& void_credential);
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
