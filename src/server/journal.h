// Group commit: request threads hand their writes to one writer thread, which commits everything
// that queued up meanwhile in a single transaction and then wakes them. A request answers only
// after its write is committed, so an acknowledged change survives a crash; under load one flush
// serves many requests. A failed commit stops the journal: the in-memory state is then ahead of
// the database, and the server refuses further writes rather than serve what it cannot keep.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "store/store.h"

namespace rcc::server {

struct JournalStats {
  long commits = 0;
  long writes = 0;
  long largest_batch = 0;
  bool failed = false;
};

class Journal {
 public:
  // `committed` (optional) sees each batch after its commit, on the writer thread, before the
  // writers waiting on it wake: live streams hear of a change no later than its answer.
  using Committed = std::function<void(const std::vector<store::LiveWrite>&)>;
  Journal(store::Store& store, const model::Center& center, Committed committed = {});
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Queues `write` behind all earlier ones; the future is ready once it is committed, or holds
  // the error. Throws std::runtime_error at once when the journal has failed before.
  std::future<void> submit(store::LiveWrite write);
  // Commits what is queued and stops the writer.
  void stop();
  JournalStats stats() const;

 private:
  void run();

  store::Store* store_;
  const model::Center* center_;
  Committed committed_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<store::LiveWrite, std::promise<void>>> queue_;
  bool stopping_ = false;
  JournalStats stats_;
  std::thread writer_;
};

}  // namespace rcc::server
