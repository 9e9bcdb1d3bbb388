// What `rcc serve` keeps besides the center: API tokens, tickets with their audit events and
// comments, the published roster and plan runs. A LiveWrite is one state change with its events;
// the server commits several of them in one transaction (group commit).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/ticket.h"

namespace rcc::store {

struct TokenRecord {
  std::string id;        // public handle, shown in lists and audit events
  std::string hash;      // hex BLAKE2b-256 of the secret; the secret itself is never stored
  std::string role;      // admin, planner, lead, engineer, client
  std::string client;    // client id, for role client
  std::string engineer;  // engineer id, for role engineer
  std::string label;
  model::Instant created{};
  std::optional<model::Instant> revoked;
};

struct PlanRun {
  std::string id;
  std::string status;  // queued, running, succeeded, failed
  double progress = 0;
  std::string stage;
  std::string params;  // JSON object text
  std::string result;  // JSON object text, empty until it succeeded
  std::string error;
  std::string actor;
  model::Instant created{};
  std::optional<model::Instant> finished;
};

struct LiveWrite {
  std::vector<model::Ticket> tickets;  // new states (insert or replace)
  std::vector<model::Event> events;
  std::vector<model::Comment> comments;
  std::optional<std::vector<model::PublishedShift>> roster;  // replaces the published roster
  std::vector<TokenRecord> tokens;                           // insert or replace
  std::vector<PlanRun> plan_runs;                            // insert or replace
};

}  // namespace rcc::store
