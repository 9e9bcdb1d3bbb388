// Vocabulary of the domain model: dense indices used inside engines, dates, instants, weekdays.
// Files use string ids; the loader resolves them once into these indices.
#pragma once

#include <chrono>
#include <cstdint>

namespace rcc::model {

using SkillIdx = std::int32_t;
using SiteIdx = std::int32_t;
using ContractIdx = std::int32_t;
using ShiftTypeIdx = std::int32_t;
using CalendarIdx = std::int32_t;
using ClientIdx = std::int32_t;
using EngineerIdx = std::int32_t;
using ProjectIdx = std::int32_t;

// A calendar day, without time zone: whose day it is depends on the context (client or center).
using Date = std::chrono::sys_days;
// A point in time (UTC), at second resolution.
using Instant = std::chrono::sys_seconds;

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kHoursPerWeek = 7 * 24;
constexpr int kMinLevel = 1;
constexpr int kMaxLevel = 5;

// A set of weekdays, bit i = std::chrono::weekday{i}.c_encoding() (0 = Sunday).
struct WeekdaySet {
  std::uint8_t bits = 0;

  bool contains(std::chrono::weekday day) const { return (bits >> day.c_encoding()) & 1U; }
  void insert(std::chrono::weekday day) {
    bits = static_cast<std::uint8_t>(bits | (1U << day.c_encoding()));
  }
  bool empty() const { return bits == 0; }
  friend bool operator==(WeekdaySet, WeekdaySet) = default;
};

}  // namespace rcc::model
