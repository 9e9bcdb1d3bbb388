// Pakistani given names and family names for sample engineers.
#pragma once

#include <span>
#include <string_view>

namespace rcc::generate {
std::span<const std::string_view> given_names();
std::span<const std::string_view> family_names();
}  // namespace rcc::generate
