// Text names of enumerations, one table per enumeration: the name of a value, and the value of a
// name (nullopt when the text names none). Files and the API speak names; engines speak values.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace rcc::model {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
constexpr std::string_view name_of(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <class E, std::size_t N>
constexpr std::optional<E> value_of(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace rcc::model
