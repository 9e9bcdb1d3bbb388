#include "model/ticket.h"

#include <array>

namespace rcc::model {
namespace {
constexpr std::array<std::pair<TicketStatus, std::string_view>, 6> kStatusNames{{
    {TicketStatus::open, "open"},
    {TicketStatus::assigned, "assigned"},
    {TicketStatus::in_progress, "in_progress"},
    {TicketStatus::waiting_on_client, "waiting_on_client"},
    {TicketStatus::resolved, "resolved"},
    {TicketStatus::closed, "closed"},
}};
}  // namespace

std::string_view status_name(TicketStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "?";
}

std::optional<TicketStatus> status_from_name(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

std::string_view escalation_name(Escalation escalation) {
  switch (escalation) {
    case Escalation::none:
      return "none";
    case Escalation::at_risk:
      return "at_risk";
    case Escalation::breached:
      return "breached";
  }
  return "?";
}

}  // namespace rcc::model
