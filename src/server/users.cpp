#include "server/users.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>

#include "model/errors.h"

namespace rcc::server {

std::string hash_password(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::string out(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  out.resize(out.find('\0'));
  return out;
}

bool password_matches(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

store::UserRecord make_user(const model::Center& center, const std::string& name,
                            std::string_view password, Role role, const std::string& client,
                            const std::string& engineer, model::Instant now) {
  const auto allowed = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '@' ||
           c == '-';
  };
  if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), allowed)) {
    throw model::BadInput("a user name is 1 to 64 letters, digits and . _ @ -, not '" + name + "'");
  }
  if (password.size() < kMinPasswordLength) {
    throw model::BadInput("a password needs at least " + std::to_string(kMinPasswordLength) +
                          " characters");
  }
  check_role_binding(center, role, client, engineer);
  store::UserRecord user;
  user.name = name;
  user.password_hash = hash_password(password);
  user.role = std::string(role_name(role));
  user.client = client;
  user.engineer = engineer;
  user.created = now;
  return user;
}

IssuedSession issue_session(const std::string& user, model::Instant now,
                            std::chrono::seconds lifetime) {
  IssuedSession out;
  out.secret = random_secret("");
  out.record.id = random_handle("ses_");
  out.record.hash = hash_secret(out.secret);
  out.record.user = user;
  out.record.csrf = random_secret("");
  out.record.created = now;
  out.record.expires = now + lifetime;
  return out;
}

void SessionRegistry::load(const std::vector<store::UserRecord>& users,
                           const std::vector<store::SessionRecord>& sessions) {
  std::map<std::string, store::UserRecord> by_name;
  for (const auto& u : users) by_name.emplace(u.name, u);
  std::unordered_map<std::string, store::SessionRecord> by_hash;
  for (const auto& s : sessions) {
    if (!s.ended) by_hash.emplace(s.hash, s);
  }
  const std::unique_lock lock(mutex_);
  users_.swap(by_name);
  sessions_.swap(by_hash);
}

void SessionRegistry::put(const store::SessionRecord& session) {
  const std::unique_lock lock(mutex_);
  if (session.ended) {
    sessions_.erase(session.hash);
  } else {
    sessions_[session.hash] = session;
  }
}

std::optional<store::UserRecord> SessionRegistry::user(const std::string& name) const {
  const std::shared_lock lock(mutex_);
  const auto it = users_.find(name);
  if (it == users_.end()) return std::nullopt;
  return it->second;
}

std::optional<Principal> SessionRegistry::user_principal(const std::string& name) const {
  const std::shared_lock lock(mutex_);
  return principal_locked(name);
}

std::optional<Principal> SessionRegistry::principal_locked(const std::string& name) const {
  const auto it = users_.find(name);
  if (it == users_.end() || it->second.revoked) return std::nullopt;
  const auto& u = it->second;
  const auto role = role_from_name(u.role);
  if (!role) return std::nullopt;
  auto p = bound_principal(*center_, *role, u.client, u.engineer);
  if (p) p->user = u.name;
  return p;
}

SessionRegistry::Lookup SessionRegistry::find(std::string_view secret, model::Instant now,
                                              SessionPrincipal& out) const {
  const auto hash = hash_secret(secret);
  const std::shared_lock lock(mutex_);
  const auto it = sessions_.find(hash);
  if (it == sessions_.end()) return Lookup::unknown;
  if (it->second.expires <= now) return Lookup::expired;
  auto principal = principal_locked(it->second.user);
  if (!principal) return Lookup::unknown;
  principal->credential = hash;
  out = {std::move(*principal), it->second};
  return Lookup::found;
}

bool SessionRegistry::in_force(const std::string& hash, model::Instant now) const {
  const std::shared_lock lock(mutex_);
  const auto it = sessions_.find(hash);
  return it != sessions_.end() && it->second.expires > now &&
         principal_locked(it->second.user).has_value();
}

long LoginThrottle::wait_seconds(const std::string& user, const std::string& address,
                                 model::Instant now) const {
  const std::lock_guard lock(mutex_);
  long wait = 0;
  for (const auto& key : {"user:" + user, "addr:" + address}) {
    const auto it = records_.find(key);
    if (it == records_.end()) continue;
    wait = std::max(wait, static_cast<long>((it->second.allowed_from - now).count()));
  }
  return wait;
}

void LoginThrottle::failed(const std::string& user, const std::string& address,
                           model::Instant now) {
  const std::lock_guard lock(mutex_);
  // Records whose wait is long over are forgotten, so that a spray of names cannot grow the
  // table without bound.
  if (records_.size() > 100000) {
    std::erase_if(records_, [&](const auto& r) { return r.second.allowed_from + kMaxWait < now; });
  }
  note_failure("user:" + user, now);
  note_failure("addr:" + address, now);
}

void LoginThrottle::note_failure(const std::string& key, model::Instant now) {
  auto& r = records_[key];
  // A name or address quiet for a while starts afresh.
  if (r.failures > 0 && now > r.allowed_from + kMaxWait) r.failures = 0;
  if (r.failures == 0) r.allowed_from = now;
  ++r.failures;
  if (r.failures <= kFreeFailures) return;
  const int doublings = std::min(r.failures - kFreeFailures - 1, 16);
  const auto wait = std::min(std::chrono::seconds(1L << doublings), kMaxWait);
  r.allowed_from = now + wait;
}

void LoginThrottle::succeeded(const std::string& user) {
  const std::lock_guard lock(mutex_);
  records_.erase("user:" + user);
}

}  // namespace rcc::server
