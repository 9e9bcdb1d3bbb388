// API tokens and who they speak for. A token is 256 random bits shown once; the store keeps only
// its BLAKE2b hash, so a copy of the database opens no door. People log in instead (users.h);
// either way a request is made by a Principal.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/center.h"
#include "model/user_role.h"
#include "store/live.h"

namespace rcc::server {

using Role = model::UserRole;
using model::role_from_name;
using model::role_name;

struct Principal {
  Role role = Role::client;
  std::string token_id;                        // a machine with an API token, or
  std::string user;                            // a person logged in through a session
  std::string credential;                      // hash of the token's or the session's secret
  std::optional<model::ClientIdx> client;      // role client
  std::optional<model::EngineerIdx> engineer;  // role engineer
  std::string actor() const { return user.empty() ? "token:" + token_id : "user:" + user; }
};

// Checks the role's binding: a client principal names a known client, an engineer principal a
// known engineer, and no other role names either. Throws model::BadInput naming what is wrong.
void check_role_binding(const model::Center& center, Role role, const std::string& client,
                        const std::string& engineer);
// The principal a role binding stands for, or nullopt when the client or engineer it names left
// the center (the credential is then void).
std::optional<Principal> bound_principal(const model::Center& center, Role role,
                                         const std::string& client, const std::string& engineer);

// 256 random bits, URL-safe base64, behind `prefix`.
std::string random_secret(std::string_view prefix);
// `bytes` random bytes as hex, behind `prefix`: public handles such as tok_... and ses_...
std::string random_handle(std::string_view prefix, size_t bytes = 8);

// The secret to hand out once, and the record to store.
struct IssuedToken {
  std::string secret;
  store::TokenRecord record;
};

// Checks the role's binding (a client token names a known client, an engineer token a known
// engineer) and draws the secret. Throws std::invalid_argument naming what is wrong.
IssuedToken issue_token(const model::Center& center, Role role, const std::string& client,
                        const std::string& engineer, const std::string& label, model::Instant now);

std::string hash_secret(std::string_view secret);

// The tokens in force, by hash. Thread-safe: requests look up while a reload replaces the table.
class TokenRegistry {
 public:
  explicit TokenRegistry(const model::Center& center) : center_(&center) {}
  void load(const std::vector<store::TokenRecord>& records);
  void put(const store::TokenRecord& record);
  std::optional<Principal> find(std::string_view secret) const;
  // Whether the token whose secret hashes to `hash` is still in force (not revoked meanwhile).
  bool in_force(const std::string& hash) const;
  // Changes with every load or put: a principal remembered under an older generation is stale.
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::uint64_t> generation_{0};
  const model::Center* center_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Principal> by_hash_;
};

}  // namespace rcc::server
