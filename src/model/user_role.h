// Who uses rcc: the roles of people and API tokens. What each may do to a ticket is the
// transition table of dispatch/ticket_actions.h; what each may see, the API's.
#pragma once

#include <optional>
#include <string_view>

#include "model/enum_names.h"

namespace rcc::model {

enum class UserRole { admin, planner, lead, engineer, client };

inline constexpr NameTable<UserRole, 5> kUserRoleNames{{
    {UserRole::admin, "admin"},
    {UserRole::planner, "planner"},
    {UserRole::lead, "lead"},
    {UserRole::engineer, "engineer"},
    {UserRole::client, "client"},
}};

inline std::string_view role_name(UserRole role) {
  return name_of(kUserRoleNames, role);
}
inline std::optional<UserRole> role_from_name(std::string_view name) {
  return value_of(kUserRoleNames, name);
}

}  // namespace rcc::model
