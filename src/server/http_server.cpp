#include "server/http_server.h"

#include <signal.h>  // NOLINT(modernize-deprecated-headers): sigaction and sigset_t are POSIX

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "server/api_error.h"

namespace rcc::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

sigset_t stop_signal_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding of a query component ('+' is a space in forms).
std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 &&
               hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

HttpRequest to_api(const http::request<http::string_body>& req) {
  HttpRequest r;
  r.method = std::string(req.method_string());
  const std::string_view target(req.target().data(), req.target().size());
  const auto q = target.find('?');
  r.path = url_decode(target.substr(0, q));
  if (q != std::string_view::npos) {
    auto rest = target.substr(q + 1);
    while (!rest.empty()) {
      const auto amp = rest.find('&');
      const auto part = rest.substr(0, amp);
      if (!part.empty()) {
        const auto eq = part.find('=');
        r.query.emplace_back(url_decode(part.substr(0, eq)),
                             eq == std::string_view::npos ? "" : url_decode(part.substr(eq + 1)));
      }
      if (amp == std::string_view::npos) break;
      rest = rest.substr(amp + 1);
    }
  }
  if (const auto it = req.find(http::field::authorization); it != req.end()) {
    r.authorization = std::string(it->value());
  }
  if (const auto it = req.find(http::field::content_type); it != req.end()) {
    r.content_type = std::string(it->value());
  }
  if (const auto it = req.find(http::field::cookie); it != req.end()) {
    r.cookie = std::string(it->value());
  }
  if (const auto it = req.find("X-CSRF-Token"); it != req.end()) {
    r.csrf_token = std::string(it->value());
  }
  r.body = req.body();
  return r;
}

struct Shared {
  Api* api;
  const ServeOptions* options;
  asio::thread_pool* workers;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
};

// One keep-alive connection: read a request, answer it, read the next. Reads answer on the I/O
// thread; commands (which wait for their group commit) run on the worker pool so that a slow
// fsync never stalls the connections the same I/O thread serves.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared)
      : stream_(std::move(socket)),
        shared_(shared),
        api_(shared.api),
        heartbeat_(stream_.get_executor()) {
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_address_ = peer.address().to_string();
  }

  ~Session() {
    if (stream_id_ != 0) api_->close_stream(stream_id_);
  }

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(shared_.api->max_body_bytes());
    parser_->header_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(shared_.stopping ? 1 : 30));
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return close();
    }
    if (ec == http::error::body_limit) {
      return reply_error(413, "payload_too_large", "the body is too large");
    }
    if (ec) return reply_error(400, "invalid_request", "the request could not be read");
    auto req = parser_->release();
    keep_alive_ = req.keep_alive() && !shared_.stopping;
    version_ = req.version();
    ++shared_.in_flight;
    auto request = to_api(req);
    request.remote_address = remote_address_;
    // Reads that touch only memory answer here; the rest may wait on the store.
    const auto ends_with = [&](std::string_view tail) {
      return request.path.size() >= tail.size() &&
             request.path.compare(request.path.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (request.method == "GET" && request.path == Api::kStreamPath) return open_stream(request);
    if (request.method == "GET" && !ends_with("/events") && !ends_with("/comments")) {
      write(shared_.api->handle(request, &auth_));
      return;
    }
    asio::post(*shared_.workers, [self = shared_from_this(), request = std::move(request)] {
      // The worker owns the connection's auth memo meanwhile: the session reads nothing else
      // until the answer is written.
      auto response = self->shared_.api->handle(request, &self->auth_);
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response)] { self->write(response); });
    });
  }

  // Server-Sent Events: the answer's head, then messages as the hub hands them over, for as long
  // as the browser listens. A comment every few seconds keeps proxies from timing the stream out
  // and finds connections that went away.
  void open_stream(const HttpRequest& request) {
    std::weak_ptr<Session> weak = shared_from_this();
    try {
      const auto post = [weak](bool last) {
        return [weak, last](const std::string& message) {
          if (auto self = weak.lock()) {
            asio::post(self->stream_.get_executor(), [self, message, last] {
              self->finishing_ = self->finishing_ || last;
              self->send(message);
            });
          }
        };
      };
      stream_id_ = api_->open_stream(request, {post(false), post(true)});
    } catch (const ApiError& e) {
      keep_alive_ = false;
      return write({e.status, Api::error_body(e.status, e.code, e.what(), e.details)});
    }
    --shared_.in_flight;  // a stream is not a request in flight: stopping does not wait for it
    stream_.expires_never();
    streaming_ = true;
    send(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        "retry: 1000\nevent: hello\ndata: {}\n\n");
    beat();
  }

  void beat() {
    heartbeat_.expires_after(std::chrono::seconds(shared_.stopping ? 1 : 10));
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->streaming_) return;
      if (self->shared_.stopping) return self->end_stream();
      self->send(": keep-alive\n\n");
      self->beat();
    });
  }

  // Queued behind what is being written; a browser that falls this far behind is dropped and
  // reconnects, rereading the board.
  void send(const std::string& message) {
    if (!streaming_) return;
    if (outbox_.size() + message.size() > kMaxStreamBacklog) return end_stream();
    outbox_ += message;
    if (!sending_.empty()) return;
    sending_.swap(outbox_);
    asio::async_write(stream_.socket(), asio::buffer(sending_),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->sending_.clear();
                        if (ec) return self->end_stream();
                        if (!self->outbox_.empty()) return self->send("");
                        if (self->finishing_) self->end_stream();
                      });
  }

  void end_stream() {
    if (!streaming_) return;
    streaming_ = false;
    api_->close_stream(stream_id_);
    stream_id_ = 0;
    heartbeat_.cancel();
    close();
  }

  void reply_error(int status, const std::string& code, const std::string& message) {
    keep_alive_ = false;
    ++shared_.in_flight;
    write({status, Api::error_body(status, code, message), "application/json"});
  }

  void write(const HttpResponse& out) {
    response_ = {};
    response_.version(version_);
    response_.result(static_cast<unsigned>(out.status));
    response_.set(http::field::content_type, out.content_type);
    for (const auto& [name, value] : out.headers) response_.insert(name, value);
    response_.keep_alive(keep_alive_);
    response_.body() = out.body;
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        --self->shared_.in_flight;
                        if (ec || !self->keep_alive_) return self->close();
                        self->read();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  ConnectionAuth auth_;
  std::string remote_address_;
  // The stream, when this connection holds GET /api/v1/stream.
  static constexpr std::size_t kMaxStreamBacklog = 4 << 20;
  Api* api_;
  asio::steady_timer heartbeat_;
  std::uint64_t stream_id_ = 0;
  bool streaming_ = false;
  bool finishing_ = false;  // close once what is queued is written
  std::string outbox_, sending_;
};

void accept(tcp::acceptor& acceptor, Shared& shared) {
  acceptor.async_accept(asio::make_strand(acceptor.get_executor()),
                        [&acceptor, &shared](beast::error_code ec, tcp::socket socket) {
                          if (ec) return;  // the acceptor was closed: stopping
                          socket.set_option(tcp::no_delay(true));
                          std::make_shared<Session>(std::move(socket), shared)->start();
                          accept(acceptor, shared);
                        });
}

}  // namespace

void block_stop_signals() {
  const auto set = stop_signal_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

int serve(Api& api, const ServeOptions& options) {
  block_stop_signals();
  const auto stop_signals = stop_signal_set();

  asio::io_context io;
  tcp::acceptor acceptor(io);
  try {
    const tcp::endpoint endpoint(asio::ip::make_address(options.host),
                                 static_cast<unsigned short>(options.port));
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
  } catch (const std::exception& e) {
    std::cerr << "rcc serve: cannot listen on " << options.host << ":" << options.port << ": "
              << e.what() << "\n";
    return 1;
  }
  const int port = acceptor.local_endpoint().port();
  if (!options.port_file.empty()) {
    std::ofstream(options.port_file + ".tmp") << port << "\n";
    std::rename((options.port_file + ".tmp").c_str(), options.port_file.c_str());
  }
  std::cout << "rcc serve: listening on http://" << options.host << ":" << port << std::endl;

  asio::thread_pool workers(static_cast<size_t>(options.threads));
  Shared shared{&api, &options, &workers};
  accept(acceptor, shared);

  std::mutex tick_mutex;
  std::condition_variable tick_wake;
  bool ticker_stop = false;
  std::thread ticker([&] {
    std::unique_lock lock(tick_mutex);
    while (!tick_wake.wait_for(lock, std::chrono::milliseconds(options.tick_milliseconds),
                               [&] { return ticker_stop; })) {
      lock.unlock();
      try {
        api.tick();
      } catch (const std::exception& e) {
        std::cerr << "rcc serve: tick failed: " << e.what() << "\n";
      }
      lock.lock();
    }
  });

  // I/O threads: the machine's cores (at least two).
  const auto n_io = std::max(2U, std::thread::hardware_concurrency());
  std::vector<std::thread> io_threads;
  auto guard = asio::make_work_guard(io);
  for (unsigned i = 0; i < n_io; ++i) io_threads.emplace_back([&io] { io.run(); });

  int received = 0;
  sigwait(&stop_signals, &received);
  std::cout << "rcc serve: stopping (signal " << received << ")" << std::endl;
  // Stop accepting; let the requests in flight finish (their commits included), then stop.
  shared.stopping = true;
  asio::post(io, [&acceptor] {
    beast::error_code ignored;
    acceptor.close(ignored);
  });
  for (int i = 0; i < 300 && shared.in_flight.load() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  workers.join();
  guard.reset();
  io.stop();
  for (auto& t : io_threads) t.join();
  {
    const std::lock_guard lock(tick_mutex);
    ticker_stop = true;
  }
  tick_wake.notify_one();
  ticker.join();
  api.shutdown();
  std::cout << "rcc serve: stopped" << std::endl;
  return 0;
}

}  // namespace rcc::server
