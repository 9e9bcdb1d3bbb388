// The actions on a ticket, as one transition table: from which statuses each may be taken and
// which roles may take it. The API checks the roles, the live center the statuses, both here.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "model/ticket.h"
#include "model/user_role.h"

namespace rcc::dispatch {

enum class Action { assign, accept, wait_on_client, resume, resolve, close };
inline constexpr std::size_t kActions = 6;

struct ActionRule {
  Action action;
  std::string_view name;   // in the API's path: "wait-on-client"
  unsigned from_statuses;  // bit per model::TicketStatus
  unsigned roles;          // bit per model::UserRole
};

constexpr unsigned bit(model::TicketStatus status) {
  return 1U << static_cast<unsigned>(status);
}
constexpr unsigned bit(model::UserRole role) {
  return 1U << static_cast<unsigned>(role);
}

namespace detail {
using S = model::TicketStatus;
using R = model::UserRole;
inline constexpr unsigned kOpen =
    bit(S::open) | bit(S::assigned) | bit(S::in_progress) | bit(S::waiting_on_client);
}  // namespace detail

// Indexed by Action.
inline constexpr std::array<ActionRule, kActions> kActionRules{{
    {Action::assign, "assign", detail::kOpen, bit(detail::R::admin) | bit(detail::R::lead)},
    {Action::accept, "accept", bit(detail::S::assigned),
     bit(detail::R::admin) | bit(detail::R::lead) | bit(detail::R::engineer)},
    {Action::wait_on_client, "wait-on-client", bit(detail::S::in_progress),
     bit(detail::R::admin) | bit(detail::R::lead) | bit(detail::R::engineer)},
    {Action::resume, "resume", bit(detail::S::waiting_on_client),
     bit(detail::R::admin) | bit(detail::R::lead) | bit(detail::R::engineer) |
         bit(detail::R::client)},
    {Action::resolve, "resolve", bit(detail::S::in_progress),
     bit(detail::R::admin) | bit(detail::R::lead) | bit(detail::R::engineer)},
    {Action::close, "close", bit(detail::S::resolved),
     bit(detail::R::admin) | bit(detail::R::lead) | bit(detail::R::client)},
}};

constexpr const ActionRule& action_rule(Action action) {
  return kActionRules.at(static_cast<std::size_t>(action));
}
constexpr bool may_take(model::UserRole role, Action action) {
  return (action_rule(action).roles & bit(role)) != 0;
}
constexpr bool takes_from(Action action, model::TicketStatus status) {
  return (action_rule(action).from_statuses & bit(status)) != 0;
}

std::string_view action_name(Action action);  // "assign", "accept", "wait-on-client", ...
std::optional<Action> action_from_name(std::string_view name);
// "status in_progress", "an open ticket": what the action needs, for its refusal.
std::string action_needs(Action action);

}  // namespace rcc::dispatch
