// What `rcc serve` keeps besides the center: API tokens, users and their sessions, tickets with
// their audit events and comments, the published roster and plan runs. A LiveWrite is one state
// change with its events; the server commits several of them in one transaction (group commit).
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

// A person who logs in to the dashboard. The password is kept only as an Argon2id hash string
// (libsodium's crypto_pwhash_str), which carries its own salt and cost.
struct UserRecord {
  std::string name;  // the login name, unique
  std::string password_hash;
  std::string role;      // admin, planner, lead, engineer, client
  std::string client;    // client id, for role client
  std::string engineer;  // engineer id, for role engineer
  model::Instant created{};
  std::optional<model::Instant> revoked;
};

// A logged-in browser. Like tokens, only the hash of the cookie's secret is stored.
struct SessionRecord {
  std::string id;    // public handle, in audit events
  std::string hash;  // hex BLAKE2b-256 of the cookie's secret
  std::string user;  // UserRecord::name
  std::string csrf;  // the token a state-changing request from the page must echo
  model::Instant created{};
  model::Instant expires{};
  std::optional<model::Instant> ended;  // logged out (or revoked with the user)
};

// A secret calendar feed of one engineer's roster, for calendar apps (which cannot send a token):
// the URL carries the secret, the store keeps only its hash. One in force per engineer.
struct CalendarFeedRecord {
  std::string id;        // public handle
  std::string hash;      // hex BLAKE2b-256 of the secret
  std::string engineer;  // engineer id
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
  std::vector<UserRecord> users;                             // insert or replace
  std::vector<SessionRecord> sessions;                       // insert or replace
  std::vector<CalendarFeedRecord> feeds;                     // insert or replace
};

}  // namespace rcc::store
