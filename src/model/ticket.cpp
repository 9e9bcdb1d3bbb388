#include "model/ticket.h"

#include "model/enum_names.h"

namespace rcc::model {
namespace {
constexpr NameTable<TicketStatus, kTicketStatuses> kStatusNames{{
    {TicketStatus::open, "open"},
    {TicketStatus::assigned, "assigned"},
    {TicketStatus::in_progress, "in_progress"},
    {TicketStatus::waiting_on_client, "waiting_on_client"},
    {TicketStatus::resolved, "resolved"},
    {TicketStatus::closed, "closed"},
}};
constexpr NameTable<Escalation, 3> kEscalationNames{{
    {Escalation::none, "none"},
    {Escalation::at_risk, "at_risk"},
    {Escalation::breached, "breached"},
}};
}  // namespace

std::string_view status_name(TicketStatus status) {
  return name_of(kStatusNames, status);
}

std::optional<TicketStatus> status_from_name(std::string_view name) {
  return value_of(kStatusNames, name);
}

std::string_view escalation_name(Escalation escalation) {
  return name_of(kEscalationNames, escalation);
}

std::optional<Escalation> escalation_from_name(std::string_view name) {
  return value_of(kEscalationNames, name);
}

}  // namespace rcc::model
