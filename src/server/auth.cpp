#include "server/auth.h"

#include <sodium.h>

#include <array>
#include <mutex>
#include <stdexcept>

#include "model/enum_names.h"
#include "model/errors.h"

namespace rcc::server {
namespace {

void init_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

template <class T>
std::optional<int> index_of(const std::vector<T>& items, const std::string& id) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::optional<Principal> principal_of(const model::Center& center, const store::TokenRecord& r) {
  const auto role = role_from_name(r.role);
  if (!role || r.revoked) return std::nullopt;
  auto p = bound_principal(center, *role, r.client, r.engineer);
  if (p) {
    p->token_id = r.id;
    p->credential = r.hash;
  }
  return p;
}

}  // namespace

std::string hash_secret(std::string_view secret) {
  init_sodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr,
                     0);
  return to_hex(digest.data(), digest.size());
}

void check_role_binding(const model::Center& center, Role role, const std::string& client,
                        const std::string& engineer) {
  if (role == Role::client && !index_of(center.clients, client)) {
    throw model::BadInput("role client needs a known client id (client), not '" + client + "'");
  }
  if (role == Role::engineer && !index_of(center.engineers, engineer)) {
    throw model::BadInput("role engineer needs a known engineer id (engineer), not '" + engineer +
                          "'");
  }
  if (role != Role::client && !client.empty()) {
    throw model::BadInput("only role client names a client");
  }
  if (role != Role::engineer && !engineer.empty()) {
    throw model::BadInput("only role engineer names an engineer");
  }
}

std::optional<Principal> bound_principal(const model::Center& center, Role role,
                                         const std::string& client, const std::string& engineer) {
  Principal p;
  p.role = role;
  if (role == Role::client) {
    p.client = index_of(center.clients, client);
    if (!p.client) return std::nullopt;
  }
  if (role == Role::engineer) {
    p.engineer = index_of(center.engineers, engineer);
    if (!p.engineer) return std::nullopt;
  }
  return p;
}

std::string random_secret(std::string_view prefix) {
  init_sodium();
  std::array<unsigned char, 32> secret{};
  randombytes_buf(secret.data(), secret.size());
  std::string encoded(
      sodium_base64_ENCODED_LEN(secret.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), secret.data(), secret.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return std::string(prefix) + encoded;
}

std::string random_handle(std::string_view prefix, size_t bytes) {
  init_sodium();
  std::vector<unsigned char> id(bytes);
  randombytes_buf(id.data(), id.size());
  return std::string(prefix) + to_hex(id.data(), id.size());
}

IssuedToken issue_token(const model::Center& center, Role role, const std::string& client,
                        const std::string& engineer, const std::string& label, model::Instant now) {
  check_role_binding(center, role, client, engineer);
  IssuedToken out;
  out.secret = random_secret("rcc_");
  out.record.id = random_handle("tok_");
  out.record.hash = hash_secret(out.secret);
  out.record.role = std::string(role_name(role));
  out.record.client = client;
  out.record.engineer = engineer;
  out.record.label = label;
  out.record.created = now;
  return out;
}

void TokenRegistry::load(const std::vector<store::TokenRecord>& records) {
  std::unordered_map<std::string, Principal> table;
  for (const auto& r : records) {
    if (auto p = principal_of(*center_, r)) table.emplace(r.hash, std::move(*p));
  }
  const std::unique_lock lock(mutex_);
  by_hash_.swap(table);
  generation_.fetch_add(1, std::memory_order_acq_rel);
}

void TokenRegistry::put(const store::TokenRecord& record) {
  const std::unique_lock lock(mutex_);
  by_hash_.erase(record.hash);
  if (auto p = principal_of(*center_, record)) by_hash_.emplace(record.hash, std::move(*p));
  generation_.fetch_add(1, std::memory_order_acq_rel);
}

bool TokenRegistry::in_force(const std::string& hash) const {
  const std::shared_lock lock(mutex_);
  return by_hash_.contains(hash);
}

std::optional<Principal> TokenRegistry::find(std::string_view secret) const {
  const auto hash = hash_secret(secret);
  const std::shared_lock lock(mutex_);
  const auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return std::nullopt;
  return it->second;
}

}  // namespace rcc::server
