// A client's monthly SLA report from the store's real tickets (not a simulation): attainment per
// priority of the response and resolution targets, the breaches with their cause, time spent
// waiting on the client, and the trend against the months before. The month is the client's
// own: tickets opened between its first and last day in the client's time zone. No I/O.
#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/center.h"
#include "model/ticket.h"

namespace rcc::report {

using Json = nlohmann::ordered_json;

struct SlaClockCount {
  long met = 0;
  long breached = 0;
  long pending = 0;  // not answered (or resolved) yet, and not due yet
  // met / (met + breached); nullopt when nothing was decided
  std::optional<double> attainment() const;
};

struct SlaPriorityRow {
  model::Priority priority = model::Priority::p1;
  int response_target_minutes = 0;
  int resolution_target_minutes = 0;
  bool around_the_clock = false;
  long tickets = 0;
  SlaClockCount response, resolution;
  long waited_on_client = 0;  // tickets that waited on the client at least once
  long waiting_seconds = 0;   // wall-clock time spent waiting on the client
};

struct SlaBreach {
  model::TicketId ticket = 0;
  model::Priority priority = model::Priority::p1;
  std::string clock;  // "response" or "resolution"
  model::Instant due;
  std::optional<model::Instant> done;  // answered or resolved, when it was
  std::string cause;
};

struct SlaMonth {
  model::Date month;  // first day, client time
  long tickets = 0;
  SlaClockCount response, resolution;
};

struct SlaReport {
  std::string client_id, client_name, timezone;
  model::Date month;
  model::Instant generated;
  std::array<SlaPriorityRow, model::kPriorities> priorities{};
  SlaClockCount response, resolution;  // all priorities
  long tickets = 0;
  long waiting_seconds = 0;
  std::vector<SlaBreach> breaches;
  std::vector<SlaMonth> trend;  // the months before, oldest first, then this one
};

// Events of each ticket, oldest first.
using TicketEvents = std::map<model::TicketId, std::vector<model::Event>>;

// The report of `client` for `month` (its first day) as of `now`, with `trend_months` months
// before it. Throws model::BadInput when the client has no ticket opened in that month.
SlaReport sla_report(const model::Center& center, model::ClientIdx client, model::Date month,
                     const std::vector<model::Ticket>& tickets, const TicketEvents& events,
                     model::Instant now, int trend_months = 5);

Json sla_report_json(const SlaReport& report);
// One self-contained page (no script, no external file) that prints to A4.
std::string sla_report_html(const SlaReport& report);
// Throws std::runtime_error when the file cannot be written.
void write_sla_report_xlsx(const SlaReport& report, const std::string& path);

}  // namespace rcc::report
