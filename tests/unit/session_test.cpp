// Browser sessions through the Api with a clock the test moves: login and its cookie, CSRF on
// changes, expiry, revocation, logout and the brake on failed logins.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "server/api.h"
#include "server/users.h"
#include "store/store.h"
#include "test_center.h"

namespace rcc::server {
namespace {

using nlohmann::json;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("rcc_session_test_" +
              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db"))
                .string();
    remove_db();
    store_ = store::open_store(path_);
    const auto center = testing::tiny_center();
    store_->replace_center(center);
    store::LiveWrite users;
    users.users.push_back(
        make_user(center, "lead.ayesha", "correct horse", Role::lead, "", "", now_));
    users.users.push_back(
        make_user(center, "najd.noc", "client secret 1", Role::client, "najd", "", now_));
    store_->write(center, {users});
    ApiOptions options;
    options.clock = [this] { return now_; };
    options.session_lifetime = std::chrono::hours(1);
    api_ = std::make_unique<Api>(*store_, center, options);
  }
  void TearDown() override {
    api_.reset();
    store_.reset();
    remove_db();
  }
  void remove_db() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  HttpResponse call(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& cookie = "", const std::string& csrf = "") {
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.content_type = "application/json";
    r.cookie = cookie;
    r.csrf_token = csrf;
    r.remote_address = "192.0.2.7";
    return api_->handle(r);
  }
  HttpResponse log_in(const std::string& name, const std::string& password) {
    return call("POST", "/api/v1/session", json{{"name", name}, {"password", password}}.dump());
  }
  static std::string header(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return {};
  }
  // "rcc_session=SECRET" from a Set-Cookie header.
  static std::string cookie_of(const HttpResponse& r) {
    const auto set = header(r, "Set-Cookie");
    return set.substr(0, set.find(';'));
  }
  static std::string code(const HttpResponse& r) { return json::parse(r.body).value("code", ""); }

  std::string path_;
  model::Instant now_ = model::Instant{std::chrono::seconds{1800000000}};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Api> api_;
};

TEST_F(SessionTest, LoginSetsAStrictHttpOnlyCookieThatAuthenticates) {
  const auto r = log_in("lead.ayesha", "correct horse");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto set = header(r, "Set-Cookie");
  EXPECT_NE(set.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(set.find("Max-Age=3600"), std::string::npos);
  const auto body = json::parse(r.body);
  EXPECT_EQ(body["role"], "lead");
  EXPECT_FALSE(body["csrf_token"].get<std::string>().empty());
  const auto me = call("GET", "/api/v1/session", "", cookie_of(r));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body)["user"], "lead.ayesha");
  EXPECT_EQ(json::parse(me.body)["csrf_token"], body["csrf_token"]);
  EXPECT_EQ(call("GET", "/api/v1/tickets", "", cookie_of(r)).status, 200);
}

TEST_F(SessionTest, WrongPasswordAndUnknownNameAreTheSameError) {
  const auto wrong = log_in("lead.ayesha", "wrong password");
  const auto unknown = log_in("nobody", "wrong password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_TRUE(header(wrong, "Set-Cookie").empty());
}

TEST_F(SessionTest, ChangesFromTheBrowserNeedTheCsrfToken) {
  const auto r = log_in("lead.ayesha", "correct horse");
  const auto csrf = json::parse(r.body)["csrf_token"].get<std::string>();
  const std::string ticket =
      R"({"client":"najd","skill":"core.ims","priority":"P3","title":"Link down"})";
  const auto without = call("POST", "/api/v1/tickets", ticket, cookie_of(r));
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(code(without), "csrf");
  EXPECT_EQ(call("POST", "/api/v1/tickets", ticket, cookie_of(r), csrf + "x").status, 403);
  const auto with = call("POST", "/api/v1/tickets", ticket, cookie_of(r), csrf);
  EXPECT_EQ(with.status, 201) << with.body;
}

TEST_F(SessionTest, ASessionExpires) {
  const auto cookie = cookie_of(log_in("lead.ayesha", "correct horse"));
  now_ += std::chrono::minutes(59);
  EXPECT_EQ(call("GET", "/api/v1/session", "", cookie).status, 200);
  now_ += std::chrono::minutes(2);
  const auto late = call("GET", "/api/v1/session", "", cookie);
  EXPECT_EQ(late.status, 401);
  EXPECT_EQ(code(late), "session_expired");
}

TEST_F(SessionTest, LogoutEndsTheSessionAndClearsTheCookie) {
  const auto r = log_in("lead.ayesha", "correct horse");
  const auto csrf = json::parse(r.body)["csrf_token"].get<std::string>();
  const auto out = call("DELETE", "/api/v1/session", "", cookie_of(r), csrf);
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_NE(header(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/session", "", cookie_of(r)).status, 401);
}

TEST_F(SessionTest, ARevokedUserIsLoggedOutAndCannotLogIn) {
  const auto cookie = cookie_of(log_in("najd.noc", "client secret 1"));
  ASSERT_EQ(call("GET", "/api/v1/session", "", cookie).status, 200);
  auto users = store_->load_users();
  for (auto& u : users) u.revoked = now_;
  store::LiveWrite revoke;
  revoke.users = users;
  // Another process's change, as `rcc user revoke` makes it.
  store::open_store(path_)->write(testing::tiny_center(), {revoke});
  api_->tick();
  EXPECT_EQ(call("GET", "/api/v1/session", "", cookie).status, 401);
  EXPECT_EQ(log_in("najd.noc", "client secret 1").status, 401);
}

TEST_F(SessionTest, AClientUserSeesOnlyItsOwnClient) {
  const auto r = log_in("najd.noc", "client secret 1");
  const auto me = json::parse(call("GET", "/api/v1/session", "", cookie_of(r)).body);
  EXPECT_EQ(me["role"], "client");
  EXPECT_EQ(me["client"], "najd");
  EXPECT_EQ(call("GET", "/api/v1/engineers", "", cookie_of(r)).status, 403);
}

TEST_F(SessionTest, RepeatedFailuresAreSlowedDownPerUserAndPerAddress) {
  for (int i = 0; i < LoginThrottle::kFreeFailures + 1; ++i) {
    EXPECT_EQ(log_in("lead.ayesha", "guess " + std::to_string(i)).status, 401);
  }
  // Even the right password waits now.
  const auto slowed = log_in("lead.ayesha", "correct horse");
  EXPECT_EQ(slowed.status, 429);
  EXPECT_EQ(header(slowed, "Retry-After"), "1");
  // The same address trying another name waits too.
  EXPECT_EQ(log_in("najd.noc", "client secret 1").status, 429);
  now_ += std::chrono::seconds(1);
  EXPECT_EQ(log_in("lead.ayesha", "guess again").status, 401);
  now_ += std::chrono::seconds(1);
  EXPECT_EQ(log_in("lead.ayesha", "guess more").status, 429) << "the wait doubles";
  now_ += std::chrono::seconds(2);
  EXPECT_EQ(log_in("lead.ayesha", "correct horse").status, 200);
}

TEST_F(SessionTest, WeakOrMalformedUsersAreRefused) {
  const auto center = testing::tiny_center();
  EXPECT_THROW(make_user(center, "a b", "long enough pw", Role::lead, "", "", now_),
               std::exception);
  EXPECT_THROW(make_user(center, "ok", "short", Role::lead, "", "", now_), std::exception);
  EXPECT_THROW(make_user(center, "ok", "long enough pw", Role::client, "nope", "", now_),
               std::exception);
  EXPECT_THROW(make_user(center, "ok", "long enough pw", Role::lead, "najd", "", now_),
               std::exception);
  const auto u = make_user(center, "ok", "long enough pw", Role::engineer, "", "E1", now_);
  EXPECT_TRUE(password_matches(u.password_hash, "long enough pw"));
  EXPECT_FALSE(password_matches(u.password_hash, "long enough pW"));
  EXPECT_EQ(u.password_hash.rfind("$argon2id$", 0), 0U);
}

}  // namespace
}  // namespace rcc::server
