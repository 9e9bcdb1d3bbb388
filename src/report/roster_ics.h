// Engineers' rosters as iCalendar (RFC 5545, through libical), for phone calendars: one calendar
// per engineer, each shift in the center's time zone with its VTIMEZONE, and a client-facing
// shift described in the clients' own local times. A shift's UID is stable per engineer and
// day, so a calendar that re-imports a re-published roster updates its events instead of adding
// copies; SEQUENCE rises only on the events that changed. No I/O: texts in, texts out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/center.h"
#include "model/ticket.h"
#include "model/types.h"

namespace rcc::report {

// What a calendar published before holds of one event: enough to tell whether it changed, and
// to cancel it when the shift is gone.
struct PublishedEvent {
  int sequence = 0;
  bool cancelled = false;
  std::string start;  // DTSTART as written, e.g. "20270104T060000"
  std::string end;    // DTEND as written
  std::string summary;
  std::string description;
};

// By UID.
using PublishedEvents = std::map<std::string, PublishedEvent>;

// The events of an iCalendar text published before. Throws std::invalid_argument when the
// text is no calendar.
PublishedEvents read_published_events(std::string_view ics);

// "rcc-pk.E0042.20270104@rcc": the UID of an engineer's shift on a day; a second shift the same
// day (`nth` 1, in the roster's order) is "rcc-pk.E0042.20270104-2@rcc".
std::string shift_uid(const model::Center& center, model::EngineerIdx engineer, model::Date day,
                      int nth = 0);

// The calendar of `engineer`: each of their shifts in `shifts` as an event; an event of
// `previous` whose shift changed keeps its UID and gets SEQUENCE + 1, one whose shift is gone
// is published CANCELLED (so calendars that imported it drop it). `stamp` is DTSTAMP.
std::string roster_calendar(const model::Center& center, model::EngineerIdx engineer,
                            const std::vector<model::PublishedShift>& shifts,
                            const PublishedEvents& previous, model::Instant stamp);

// The file name an engineer's calendar goes under: the id with anything but letters, digits,
// '-', '_' and '.' replaced, and ".ics".
std::string calendar_file_name(std::string_view engineer_id);

}  // namespace rcc::report
