// People who log in to the dashboard: users with an Argon2id password hash, the sessions their
// browsers hold as a cookie, and the brake on guessing passwords. Machines keep API tokens
// (auth.h); both end in the same Principal, so roles and tenant isolation are the API's.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/auth.h"

namespace rcc::server {

// Argon2id (libsodium's crypto_pwhash_str at its interactive limits): the string carries salt
// and cost, so limits can rise later without invalidating stored hashes.
std::string hash_password(std::string_view password);
bool password_matches(const std::string& hash, std::string_view password);

// A new user, checked: a login name of letters, digits and . _ @ -, a password of at least
// kMinPasswordLength characters, and the role's binding. Throws model::BadInput.
inline constexpr size_t kMinPasswordLength = 10;
store::UserRecord make_user(const model::Center& center, const std::string& name,
                            std::string_view password, Role role, const std::string& client,
                            const std::string& engineer, model::Instant now);

struct IssuedSession {
  std::string secret;  // the cookie's value, given to the browser once
  store::SessionRecord record;
};
IssuedSession issue_session(const std::string& user, model::Instant now,
                            std::chrono::seconds lifetime);

struct SessionPrincipal {
  Principal principal;
  store::SessionRecord record;
};

// The users and live sessions, by name and by hash. Thread-safe.
class SessionRegistry {
 public:
  explicit SessionRegistry(const model::Center& center) : center_(&center) {}
  void load(const std::vector<store::UserRecord>& users,
            const std::vector<store::SessionRecord>& sessions);
  void put(const store::SessionRecord& session);
  std::optional<store::UserRecord> user(const std::string& name) const;
  // The principal of a user who may log in: known, not revoked, still bound to the center.
  std::optional<Principal> user_principal(const std::string& name) const;

  enum class Lookup { found, unknown, expired };
  // The session whose cookie is `secret`. Ended sessions and those of revoked users are unknown.
  Lookup find(std::string_view secret, model::Instant now, SessionPrincipal& out) const;
  // Whether the session whose secret hashes to `hash` still stands: not ended or expired, its
  // user not revoked.
  bool in_force(const std::string& hash, model::Instant now) const;

 private:
  std::optional<Principal> principal_locked(const std::string& name) const;

  const model::Center* center_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, store::UserRecord> users_;
  std::unordered_map<std::string, store::SessionRecord> sessions_;  // by hash
};

// Failed logins slow further tries down, per login name and per address: after a few free
// failures each one doubles the wait, up to a ceiling. A success clears the name's record; an
// address's fades after a quiet spell only, so that logging in to one's own account between
// guesses at others does not reset it. Thread-safe.
class LoginThrottle {
 public:
  static constexpr int kFreeFailures = 3;
  static constexpr std::chrono::seconds kMaxWait{300};

  // Seconds to wait before `user` from `address` may try again; 0 when a try is allowed now.
  long wait_seconds(const std::string& user, const std::string& address, model::Instant now) const;
  void failed(const std::string& user, const std::string& address, model::Instant now);
  void succeeded(const std::string& user);

 private:
  struct Record {
    int failures = 0;
    model::Instant allowed_from{};
  };
  void note_failure(const std::string& key, model::Instant now);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace rcc::server
