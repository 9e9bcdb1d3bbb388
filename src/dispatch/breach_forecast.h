// Which open tickets will breach if staffing stays as it is: the engineers on shift now work off
// what they hold and then the queue, in the order the dispatcher takes it (earliest response
// deadline first), each ticket taking its client and skill's mean handle time from the forecast;
// nobody new comes on shift and nobody leaves early. A plain projection of the live state, no
// I/O: the board marks the tickets it finds late.
#pragma once

#include <optional>
#include <vector>

#include "dispatch/live_center.h"

namespace rcc::dispatch {

struct TicketOutlook {
  model::TicketId ticket = 0;
  // When an engineer takes it up (responds) and finishes it; nullopt: nobody on shift with the
  // skill frees up before their shifts end.
  std::optional<model::Instant> expected_response;
  std::optional<model::Instant> expected_resolution;
  bool response_breach = false;    // expected response after the response deadline
  bool resolution_breach = false;  // expected resolution after the resolution deadline
};

// Every open ticket (waiting on the client excluded: its clock is stopped), in ticket order.
std::vector<TicketOutlook> forecast_breaches(const model::Center& center, const LiveCenter& live,
                                             model::Instant now);

}  // namespace rcc::dispatch
