// The Employee Shift Scheduling Benchmark text format (Curtois & Qu; SECTION_HORIZON, _SHIFTS,
// _STAFF, _DAYS_OFF, _SHIFT_ON_REQUESTS, _SHIFT_OFF_REQUESTS, _COVER), CRLF or LF, and the
// roster grid of its solutions: one tab-separated row per employee, one column per day, a shift
// id or an empty field for a day off. Errors name file:line.
#pragma once

#include <string>
#include <string_view>

#include "io/diagnostics.h"
#include "roster/problem.h"

namespace rcc::roster {

// Throws InputError with every problem found.
roster::Problem read_curtois_instance(std::string_view text, const std::string& file);

roster::Roster read_roster_grid(std::string_view text, const std::string& file,
                                const roster::Problem& problem);
std::string write_roster_grid(const roster::Problem& problem, const roster::Roster& roster);

}  // namespace rcc::roster
