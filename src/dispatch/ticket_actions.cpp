#include "dispatch/ticket_actions.h"

namespace rcc::dispatch {

std::string_view action_name(Action action) {
  return action_rule(action).name;
}

std::optional<Action> action_from_name(std::string_view name) {
  for (const auto& rule : kActionRules) {
    if (rule.name == name) return rule.action;
  }
  return std::nullopt;
}

std::string action_needs(Action action) {
  const unsigned from = action_rule(action).from_statuses;
  if (from == detail::kOpen) return "an open ticket";
  std::string text;
  for (std::size_t s = 0; s < model::kTicketStatuses; ++s) {
    const auto status = static_cast<model::TicketStatus>(s);
    if ((from & bit(status)) == 0) continue;
    text += (text.empty() ? "status " : " or ") + std::string(model::status_name(status));
  }
  return text;
}

}  // namespace rcc::dispatch
