// Readers of ticket and call history. Two formats:
//  - rcc's ticket history CSV (docs/history.md): one row per ticket with ISO-8601 instants;
//  - the "Anonymous Bank" call-centre log (Technion SEE Center): tab-separated, H:MM:SS times
//    with 0:00:00 for a stage that did not happen, rows ordered by VRU line instead of time, a few
//    calls that cross midnight, answered calls without a named agent.
// Both give a model::CallLog sorted by arrival; rows that cannot be read are diagnostics with
// file:line, and the rest is still returned.
#pragma once

#include <string>
#include <string_view>

#include "io/diagnostics.h"
#include "model/history.h"

namespace rcc::io {

model::CallLog read_anonymous_bank_log(std::string_view text, const std::string& file,
                                       Diagnostics& diagnostics);

model::CallLog read_ticket_history_csv(std::string_view text, const std::string& file,
                                       Diagnostics& diagnostics);

}  // namespace rcc::io
