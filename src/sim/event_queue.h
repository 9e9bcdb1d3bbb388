// The simulator's pending events, earliest first. Internal to sim/simulator.cpp; a header of its
// own so the queue reads apart from the center's rules, inlined as before.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace rcc::sim::events {

enum class Kind : std::uint8_t {
  arrival,
  replay,
  complete,
  abandon,
  escalate,
  shift_start,
  shift_end,
  client_waits,   // the engineer reached the point where the client must answer
  client_answers  // the ticket queues again
};

// 32 bytes: the heap moves these around on every event. The time is kept as the bits of a
// non-negative double, which order like the unsigned integers they spell, and sits above the
// creation sequence in one 128-bit key: the heap compares one integer, without branches (which
// child of a node is least is a coin toss the branch predictor loses).
__extension__ using EventKey = unsigned __int128;
struct Event {
  EventKey key;  // time bits << 64 | creation sequence << 8 | kind: ties broken by creation
  std::int32_t a;
  std::uint32_t version;
  std::int64_t b;
  double time() const { return std::bit_cast<double>(static_cast<std::uint64_t>(key >> 64)); }
  Kind kind() const { return static_cast<Kind>(key & 0xFF); }
  friend bool operator>(const Event& x, const Event& y) { return x.key > y.key; }
};

// The pending events, earliest first: a 4-ary heap, shallower than a binary one, whose four
// children of a node share a cache line or two.
class EventQueue {
 public:
  EventQueue() : heap_(4, kNever) {}
  bool empty() const { return size_ == 0; }
  // The earliest event is handled in place: most handlers schedule one follow-up (the stream's next
  // arrival, the engineer's next completion), which then takes the top's place with one sift down
  // instead of a pop and a push. `take` starts handling the top, `settle` ends it.
  Event take() {
    hole_ = true;
    return heap_[0];
  }
  void settle() {
    if (!hole_) return;
    hole_ = false;
    const Event last = heap_[--size_];
    heap_[size_] = kNever;
    if (size_ > 0) sift_down(last);
  }
  void push(const Event& e) {
    if (hole_) {
      hole_ = false;
      sift_down(e);
      return;
    }
    size_t i = size_++;
    if (heap_.size() < size_ + 3) heap_.resize(size_ + 3, kNever);
    while (i > 0) {
      const size_t parent = (i - 1) / 4;
      if (!(heap_[parent] > e)) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

 private:
  // Past the last event the heap holds never-events, so that every node has four children and
  // the least of them is picked by a fixed tournament the compiler makes branch-free.
  static constexpr Event kNever{~EventKey{0}, 0, 0, 0};

  // Places `last` from the root down.
  void sift_down(const Event& last) {
    size_t i = 0;
    while (true) {
      const size_t first = 4 * i + 1;
      if (first >= size_) break;
      // Indices from comparison results by arithmetic: GCC turns some `?:` here into branches.
      const size_t left = first + static_cast<size_t>(heap_[first] > heap_[first + 1]);
      const size_t right = first + 2 + static_cast<size_t>(heap_[first + 2] > heap_[first + 3]);
      const size_t best =
          left ^ ((left ^ right) & (0 - static_cast<size_t>(heap_[left] > heap_[right])));
      if (!(last > heap_[best])) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = last;
  }

  std::vector<Event> heap_;  // size_ events, then never-events
  size_t size_ = 0;
  bool hole_ = false;
};

}  // namespace rcc::sim::events
