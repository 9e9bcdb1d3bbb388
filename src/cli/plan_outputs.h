// `rcc plan --out DIR`: the plan's files for people to forward, written whole or not at all.
// plan.json, plan.html, plan.xlsx and rosters/ENGINEER.ics are written into a staging folder inside
// DIR and renamed into place only when every one of them is complete; calendars published there
// before decide the SEQUENCE of each event, so a re-published roster updates phone calendars.
#pragma once

#include <string>

#include "model/center.h"
#include "plan/pipeline.h"
#include "report/plan_json.h"

namespace rcc::cli {

struct WrittenOutputs {
  int calendars = 0;
  int calendar_events_changed = 0;  // new, moved or cancelled since the last publication
  bool page = false;                // plan.html: only when the web front end was built
};

// Throws model::BadInput when DIR cannot be created or written, std::runtime_error when a file
// fails on the way (disk full); in both cases DIR holds what it held before.
WrittenOutputs write_plan_outputs(const std::string& dir, const model::Center& center,
                                  const plan::PlanResult& result, const report::Json& plan);

}  // namespace rcc::cli
