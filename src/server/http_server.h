// `rcc serve`: the Api behind Boost.Beast on a loopback or public address. Asio I/O threads (one
// per core) serve keep-alive connections and answer reads in place; commands, which wait for
// their group commit, run on a worker pool. A ticker thread drives shift changes and escalations;
// SIGTERM/SIGINT stop accepting, let the requests in flight finish, commit what is queued and
// return.
#pragma once

#include <string>

#include "server/api.h"

namespace rcc::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;   // 0: any free port
  int threads = 64;  // workers for commands waiting on their commit
  int tick_milliseconds = 1000;
  std::string port_file;  // written with the bound port once listening, for scripts
};

// Blocks SIGTERM and SIGINT in the calling thread, so that threads started afterwards (the
// journal's writer, plan runs) inherit the mask and `serve` alone takes the signal. Call it before
// constructing the Api.
void block_stop_signals();

// Blocks until SIGTERM or SIGINT. Returns 0 after a graceful stop, 1 when the address cannot be
// bound.
int serve(Api& api, const ServeOptions& options);

}  // namespace rcc::server
