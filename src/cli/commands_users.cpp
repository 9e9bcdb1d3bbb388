// rcc user: the people who log in to the dashboard. Passwords come from standard input and only
// their Argon2id hash reaches the store.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/command_support.h"
#include "model/errors.h"
#include "server/users.h"
#include "store/store.h"

namespace rcc::cli {
namespace {

std::string read_line_without_echo(const char* prompt) {
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::cerr << prompt << std::flush;
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  std::cerr << "\n";
  return line;
}

// The first line of standard input; on a terminal, asked twice without echo.
std::string read_password() {
  if (isatty(STDIN_FILENO) != 0) {
    auto first = read_line_without_echo("Password: ");
    if (read_line_without_echo("Again: ") != first) {
      throw model::BadInput("the two passwords differ; nothing was written");
    }
    return first;
  }
  std::string line;
  if (!std::getline(std::cin, line)) {
    throw model::BadInput("give the password on standard input (one line)");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

store::UserRecord find_user(store::Store& store, const UserCommand& command) {
  for (auto& u : store.load_users()) {
    if (u.name == command.name) return u;
  }
  throw model::BadInput("no user " + command.name + " in " + command.db);
}

}  // namespace

int run_user_create(const UserCommand& command, const Output& out) {
  const auto store = store::open_store(command.db);
  const auto center = stored_center(*store, command.db);
  const auto role = server::role_from_name(command.role);
  if (!role) throw model::BadInput("--role must be admin, planner, lead, engineer or client");
  for (const auto& u : store->load_users()) {
    if (u.name == command.name) {
      throw model::BadInput("user " + command.name + " exists already in " + command.db);
    }
  }
  const auto password = read_password();
  const auto user = server::make_user(center, command.name, password, *role, command.client,
                                      command.engineer, now_seconds());
  store::LiveWrite write;
  write.users.push_back(user);
  write.events.push_back(
      {0, user.created, "cli", "user", user.name, "created", {{"role", user.role}}});
  store->write(center, {write});
  if (out.json) {
    std::cout << OrderedJson{{"name", user.name}, {"role", user.role}}.dump(2) << "\n";
  } else {
    std::cout << "user " << user.name << " (" << user.role << ") created\n";
  }
  return kOk;
}

int run_user_revoke(const UserCommand& command, const Output& out) {
  const auto store = store::open_store(command.db);
  const auto center = stored_center(*store, command.db);
  auto user = find_user(*store, command);
  if (!user.revoked) {
    user.revoked = now_seconds();
    store::LiveWrite write;
    write.users.push_back(user);
    write.events.push_back({0, *user.revoked, "cli", "user", user.name, "revoked", {}});
    store->write(center, {write});
  }
  if (out.json) {
    std::cout << OrderedJson{{"name", user.name}, {"revoked", true}}.dump(2) << "\n";
  } else {
    std::cout << "user " << user.name << " revoked; its sessions end within a second\n";
  }
  return kOk;
}

int run_user_list(const UserCommand& command, const Output& out) {
  const auto store = store::open_store(command.db);
  OrderedJson items = OrderedJson::array();
  for (const auto& u : store->load_users()) {
    items.push_back({{"name", u.name},
                     {"role", u.role},
                     {"client", u.client},
                     {"engineer", u.engineer},
                     {"revoked", u.revoked.has_value()}});
    if (!out.json) {
      std::cout << u.name << "  " << u.role << "  " << (u.client.empty() ? "-" : u.client) << "  "
                << (u.engineer.empty() ? "-" : u.engineer) << "  "
                << (u.revoked ? "revoked" : "active") << "\n";
    }
  }
  if (out.json) std::cout << items.dump(2) << "\n";
  return kOk;
}

}  // namespace rcc::cli
