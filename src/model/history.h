// Contacts as a history file records them: when each arrived, how long it waited, how it ended
// and how long it was served. The input of fitting (forecast/) and replay (sim/).
#pragma once

#include <string>
#include <vector>

#include "model/types.h"

namespace rcc::model {

enum class CallOutcome { answered, abandoned, phantom };

struct CallRecord {
  double arrival =
      0;            // seconds from 00:00 of the log's first day, when the contact joined the queue
  double wait = 0;  // seconds in queue until answered or abandoned
  CallOutcome outcome = CallOutcome::answered;
  double handle = 0;         // seconds of service, answered contacts
  int priority = 3;          // 0 = P1 .. 3 = P4
  std::string client;        // empty when the log has one client
  std::string type;          // skill or call type
  std::string server;        // engineer or agent who answered, empty if none
  double service_start = 0;  // seconds from the first day's 00:00, answered contacts
};

struct CallLog {
  Date first_day;                 // the day second 0 belongs to
  int days = 0;                   // days the log spans
  std::vector<CallRecord> calls;  // sorted by arrival
};

}  // namespace rcc::model
