// An event's detail (model::EventDetail) as a JSON object, as the store keeps it and the API
// shows it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "model/ticket.h"

namespace rcc::io {

nlohmann::ordered_json event_detail_json(const model::EventDetail& detail);
std::string event_detail_text(const model::EventDetail& detail);
// The detail of a stored JSON object; members of other types (arrays, objects) are kept as text.
model::EventDetail parse_event_detail(std::string_view text);

}  // namespace rcc::io
