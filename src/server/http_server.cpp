#include "server/http_server.h"

#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <thread>

namespace rcc::server {
namespace {

HttpRequest to_api(const httplib::Request& req) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.query.emplace_back(k, v);
  r.authorization = req.get_header_value("Authorization");
  r.content_type = req.get_header_value("Content-Type");
  r.body = req.body;
  return r;
}

sigset_t stop_signal_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

void block_stop_signals() {
  const auto set = stop_signal_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

int serve(Api& api, const ServeOptions& options) {
  // Signals are taken by one thread with sigwait; every other thread inherits the mask.
  block_stop_signals();
  const auto stop_signals = stop_signal_set();

  httplib::Server http;
  http.new_task_queue = [n = options.threads] {
    return new httplib::ThreadPool(static_cast<size_t>(n));
  };
  http.set_payload_max_length(options.max_body_bytes);
  http.set_keep_alive_max_count(100000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10);
  http.set_tcp_nodelay(true);
  const auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
    const auto out = api.handle(to_api(req));
    res.status = out.status;
    res.set_content(out.body, out.content_type.c_str());
  };
  for (const char* pattern : {"/.*", "/"}) {
    http.Get(pattern, handler);
    http.Post(pattern, handler);
    http.Put(pattern, handler);
    http.Patch(pattern, handler);
    http.Delete(pattern, handler);
  }
  // What httplib answers itself (oversized bodies, bad request lines) gets the API's error shape.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string code = res.status == 413   ? "payload_too_large"
                             : res.status == 404 ? "not_found"
                                                 : "invalid_request";
    res.set_content(Api::error_body(res.status, code,
                                    res.status == 413 ? "the body is too large"
                                                      : "the request could not be read (a POST "
                                                        "needs Content-Length or a chunked body)"),
                    "application/json");
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(Api::error_body(500, "internal", "internal error"), "application/json");
      });

  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.host);
    if (port < 0) port = 0;
  } else if (!http.bind_to_port(options.host, port)) {
    port = 0;
  }
  if (port == 0) {
    std::cerr << "rcc serve: cannot listen on " << options.host << ":" << options.port << "\n";
    return 1;
  }
  if (!options.port_file.empty()) {
    std::ofstream(options.port_file + ".tmp") << port << "\n";
    std::rename((options.port_file + ".tmp").c_str(), options.port_file.c_str());
  }
  std::cout << "rcc serve: listening on http://" << options.host << ":" << port << std::endl;

  std::mutex tick_mutex;
  std::condition_variable tick_wake;
  bool stopping = false;
  std::thread ticker([&] {
    std::unique_lock lock(tick_mutex);
    while (!tick_wake.wait_for(lock, std::chrono::milliseconds(options.tick_milliseconds),
                               [&] { return stopping; })) {
      lock.unlock();
      try {
        api.tick();
      } catch (const std::exception& e) {
        std::cerr << "rcc serve: tick failed: " << e.what() << "\n";
      }
      lock.lock();
    }
  });
  std::thread signals([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    std::cout << "rcc serve: stopping (signal " << received << ")" << std::endl;
    http.stop();
  });

  http.listen_after_bind();  // returns once stopped, after the requests in flight finished
  {
    const std::lock_guard lock(tick_mutex);
    stopping = true;
  }
  tick_wake.notify_one();
  ticker.join();
  if (signals.joinable()) {
    // listen ended without a signal (socket error): wake the signal thread to let it end.
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
  }
  api.shutdown();
  std::cout << "rcc serve: stopped" << std::endl;
  return 0;
}

}  // namespace rcc::server
