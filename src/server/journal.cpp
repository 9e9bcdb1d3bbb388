#include "server/journal.h"

#include <stdexcept>
#include <vector>

namespace rcc::server {

Journal::Journal(store::Store& store, const model::Center& center, Committed committed)
    : store_(&store),
      center_(&center),
      committed_(std::move(committed)),
      writer_([this] { run(); }) {}

Journal::~Journal() {
  stop();
}

std::future<void> Journal::submit(store::LiveWrite write) {
  std::promise<void> done;
  auto future = done.get_future();
  {
    const std::lock_guard lock(mutex_);
    if (stats_.failed) throw std::runtime_error("the store failed a commit; writes are refused");
    if (stopping_) throw std::runtime_error("the server is shutting down");
    queue_.emplace_back(std::move(write), std::move(done));
  }
  wake_.notify_one();
  return future;
}

void Journal::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

JournalStats Journal::stats() const {
  const std::lock_guard lock(mutex_);
  return stats_;
}

void Journal::run() {
  std::vector<store::LiveWrite> batch;
  std::vector<std::promise<void>> waiting;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to commit
      for (auto& [write, promise] : queue_) {
        batch.push_back(std::move(write));
        waiting.push_back(std::move(promise));
      }
      queue_.clear();
    }
    try {
      store_->write(*center_, batch);
      if (committed_) committed_(batch);
      const std::lock_guard lock(mutex_);
      ++stats_.commits;
      stats_.writes += static_cast<long>(batch.size());
      stats_.largest_batch = std::max(stats_.largest_batch, static_cast<long>(batch.size()));
      for (auto& p : waiting) p.set_value();
    } catch (...) {
      const auto error = std::current_exception();
      const std::lock_guard lock(mutex_);
      stats_.failed = true;
      for (auto& p : waiting) p.set_exception(error);
      for (auto& [write, promise] : queue_) promise.set_exception(error);
      queue_.clear();
    }
    batch.clear();
    waiting.clear();
  }
}

}  // namespace rcc::server
