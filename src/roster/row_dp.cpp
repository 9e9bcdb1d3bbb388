#include "roster/row_dp.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>

namespace rcc::roster {
namespace {

// Shift types whose cap can bind get a counter in every label; more than this many per
// employee is refused rather than silently ignored.
constexpr int kMaxCappedTypes = 24;

struct Label {
  double cost;
  int minutes;
  std::int16_t weekends;
  std::uint8_t last;   // 0: off, 1 + t: shift t, 255: before the first day
  std::uint8_t run;    // length of the current run of work or rest (rest capped)
  std::uint32_t node;  // (last, run) as one number, for sorting
  std::int32_t trail;
  std::array<std::uint16_t, kMaxCappedTypes> counts;
};

struct Step {
  std::int32_t parent;
  ShiftIdx value;
};

bool dominates(const Label& a, const Label& b, int capped) {
  if (a.cost > b.cost || a.weekends > b.weekends) return false;
  for (int k = 0; k < capped; ++k) {
    if (a.counts[k] > b.counts[k]) return false;
  }
  return true;
}

// Keep the labels no other label of the same state and minutes dominates. Ordered by state,
// minutes and cost, a label can only be dominated by one kept before it in its group. States
// are few (last value x run length), so the labels are first bucketed by state in one counting
// pass and only each bucket is sorted, on small keys rather than labels: the sorts were a
// sixth of a search's time.
struct SortKey {
  double cost;
  std::int32_t minutes;
  std::uint32_t index;
  bool operator<(const SortKey& other) const {
    if (minutes != other.minutes) return minutes < other.minutes;
    return cost != other.cost ? cost < other.cost : index < other.index;
  }
};
struct Buckets {
  std::vector<std::uint32_t> first;  // per node, then a running sum: where its keys start
  std::vector<SortKey> keys;
};
void sort_by_node(const std::vector<Label>& labels, int nodes, Buckets& buckets) {
  auto& first = buckets.first;
  first.assign(static_cast<size_t>(nodes) + 1, 0);
  for (const auto& label : labels) ++first[label.node + 1];
  for (int n = 0; n < nodes; ++n) first[n + 1] += first[n];
  buckets.keys.resize(labels.size());
  std::vector<std::uint32_t>& next = first;  // advanced while filling, restored below
  for (size_t k = 0; k < labels.size(); ++k) {
    const Label& label = labels[k];
    buckets.keys[next[label.node]++] = {label.cost, label.minutes, static_cast<std::uint32_t>(k)};
  }
  // next[n] now holds the end of bucket n, which is where bucket n + 1 starts.
  for (int n = nodes; n > 0; --n) first[n] = first[n - 1];
  first[0] = 0;
  for (int n = 0; n < nodes; ++n)
    std::sort(buckets.keys.begin() + first[n], buckets.keys.begin() + first[n + 1]);
}
void keep_non_dominated(std::vector<Label>& labels, std::vector<Label>& scratch, Buckets& buckets,
                        int nodes, int capped, size_t group_cap) {
  sort_by_node(labels, nodes, buckets);
  scratch.clear();
  const auto& keys = buckets.keys;
  for (int n = 0; n < nodes; ++n) {
    size_t group_start = 0;
    for (size_t k = buckets.first[n]; k < buckets.first[n + 1]; ++k) {
      const Label& label = labels[keys[k].index];
      if (k == buckets.first[n] || keys[k].minutes != keys[k - 1].minutes) {
        group_start = scratch.size();
        scratch.push_back(label);
        continue;
      }
      if (scratch.size() - group_start >= group_cap) continue;
      bool dominated = false;
      for (size_t j = group_start; j < scratch.size() && !dominated; ++j)
        dominated = dominates(scratch[j], label, capped);
      if (!dominated) scratch.push_back(label);
    }
  }
  std::swap(labels, scratch);
}

// Over the label cap, keep the cheapest labels of every total of minutes, not the cheapest
// overall: those are all short of minutes early on, and a contract's minimum would become
// unreachable.
void keep_cheapest_per_minutes(std::vector<Label>& labels, std::vector<Label>& scratch,
                               std::vector<SortKey>& keys, size_t cap) {
  keys.clear();
  for (size_t k = 0; k < labels.size(); ++k)
    keys.push_back({labels[k].cost, labels[k].minutes, static_cast<std::uint32_t>(k)});
  std::sort(keys.begin(), keys.end());
  size_t totals = 0;
  for (size_t k = 0; k < keys.size(); ++k)
    totals += k == 0 || keys[k].minutes != keys[k - 1].minutes ? 1 : 0;
  const size_t quota = std::max<size_t>(1, cap / totals);
  scratch.clear();
  size_t in_total = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    in_total = k == 0 || keys[k].minutes != keys[k - 1].minutes ? 0 : in_total + 1;
    if (in_total < quota) scratch.push_back(labels[keys[k].index]);
  }
  std::swap(labels, scratch);
}

// The values each day may take, values[first[d]] to values[first[d + 1]], in one block: a
// query builds them for every day of the horizon, and a vector per day cost a year's queries
// hundreds of allocations each.
struct Allowed {
  std::vector<ShiftIdx> values;
  std::vector<int> first;
  std::span<const ShiftIdx> operator[](int d) const {
    return {values.data() + first[d], values.data() + first[d + 1]};
  }
};

// The programme's tables, kept between calls of one thread so that a small re-plan allocates
// nothing.
struct Workspace {
  Allowed allowed;
  std::vector<char> day_off, banned;
  std::vector<int> most_from, floor_from, weekend_floor_from, days_left;
  std::vector<double> cheapest_from;
  std::vector<Label> previous, current, scratch;
  Buckets buckets;
  std::vector<Step> trail;
};

// The fixed days [from, h) after a re-planned window, summed up once.
struct Tail {
  double cost = 0;
  int minutes = 0;
  int weekends = 0;  // weekends wholly inside the tail that it works
  std::array<int, kMaxCappedTypes> counts{};
  ShiftIdx first = kOff;  // the tail's first day
  int first_run = 0;      // length of its first run of work or rest
};

std::optional<Tail> describe_tail(const Problem& p, const Employee& e,
                                  const std::vector<ShiftIdx>& fixed, int from,
                                  const std::vector<double>& cost, int width,
                                  const std::vector<int>& capped_index, const Allowed& allowed) {
  const int h = p.days;
  Tail tail;
  tail.first = fixed[from];
  for (int d = from; d < h; ++d) {
    if (allowed[d].empty()) return std::nullopt;  // the fixed value breaks a rule by itself
    const ShiftIdx v = fixed[d];
    tail.cost += cost[static_cast<size_t>(d) * width + 1 + v];
    if (v == kOff) continue;
    tail.minutes += p.shifts[v].minutes;
    if (capped_index[v] >= 0) ++tail.counts[capped_index[v]];
    if (d > from) {
      const ShiftIdx before = fixed[d - 1];
      if (before != kOff) {
        const auto& banned = p.shifts[before].forbidden_next;
        if (std::find(banned.begin(), banned.end(), v) != banned.end()) return std::nullopt;
      }
    }
  }
  for (int w = 0; 7 * w + 6 < h; ++w) {
    const int saturday = 7 * w + 5;
    if (saturday >= from && (fixed[saturday] != kOff || fixed[saturday + 1] != kOff))
      ++tail.weekends;
  }
  // Runs after the first one lie wholly in the tail: they either keep the rules or no label
  // can help.
  const bool first_works = tail.first != kOff;
  int d = from;
  while (d < h && (fixed[d] != kOff) == first_works) ++d;
  tail.first_run = d - from;
  while (d < h) {
    const bool working = fixed[d] != kOff;
    int end = d;
    while (end < h && (fixed[end] != kOff) == working) ++end;
    const int length = end - d;
    if (working && length > e.max_consecutive_shifts) return std::nullopt;
    if (end < h && working && length < e.min_consecutive_shifts) return std::nullopt;
    if (end < h && !working && length < e.min_consecutive_days_off) return std::nullopt;
    d = end;
  }
  return tail;
}

// Whether a label at the end of day from-1 can be followed by the tail: the run across the
// border, then minutes, counts and weekends over the whole row.
bool joins_tail(const Problem& p, const Employee& e, const Label& label, const Tail& tail, int from,
                int h, const std::vector<int>& capped_index) {
  const bool label_works = label.last != 0 && label.last != 255;
  const bool tail_works = tail.first != kOff;
  const bool tail_run_inside = from + tail.first_run < h;
  const bool label_run_from_start = label.run == from;  // the run began on day 0
  if (label_works && tail_works) {
    const auto& banned = p.shifts[label.last - 1].forbidden_next;
    if (std::find(banned.begin(), banned.end(), tail.first) != banned.end()) return false;
    const int run = label.run + tail.first_run;
    if (run > e.max_consecutive_shifts) return false;
    if (tail_run_inside && !label_run_from_start && run < e.min_consecutive_shifts) return false;
  } else if (label_works) {
    if (label.run < e.min_consecutive_shifts && !label_run_from_start) return false;
    if (tail_run_inside && tail.first_run < e.min_consecutive_days_off) return false;
  } else if (tail_works) {
    if (label.run < e.min_consecutive_days_off && !label_run_from_start) return false;
    if (tail.first_run > e.max_consecutive_shifts) return false;
    if (tail_run_inside && tail.first_run < e.min_consecutive_shifts) return false;
  } else if (tail_run_inside && !label_run_from_start &&
             label.run + tail.first_run < e.min_consecutive_days_off) {
    return false;
  }
  const int minutes = label.minutes + tail.minutes;
  if (minutes < e.min_total_minutes || minutes > e.max_total_minutes) return false;
  for (size_t t = 0; t < capped_index.size(); ++t) {
    const int k = capped_index[t];
    if (k >= 0 && label.counts[k] + tail.counts[k] > e.max_shifts[t]) return false;
  }
  // A weekend split by the border (Saturday in the window, Sunday in the tail) counts once.
  const bool split_weekend = from % 7 == 6 && tail_works && !label_works;
  return label.weekends + tail.weekends + (split_weekend ? 1 : 0) <= e.max_weekends;
}

}  // namespace

double half_weekend_penalty(const Problem& p, const RowQuery& q, const std::vector<ShiftIdx>& row) {
  if (q.half_weekend_cost == 0) return 0;
  const int h = p.days;
  const int to = q.free_to < 0 ? h : q.free_to;
  // The programme walks the days before `walk_to` and sums up the fixed tail after it.
  const int walk_to = q.fixed != nullptr && q.free_from < to && to < h ? to : h;
  const auto works = [&](int d) { return row[d] != kOff; };
  double penalty = 0;
  for (int d = 6; d < walk_to; d += 7)
    penalty += works(d - 1) != works(d) ? q.half_weekend_cost : 0;
  if (walk_to < h && walk_to % 7 == 6 && works(walk_to - 1) != works(walk_to))
    penalty += q.half_weekend_cost;
  return penalty;
}

namespace {

// The programme over one employee's row: the tables it reads, filled once, and the walk day by
// day over labels kept in the thread's workspace.
struct RowWalk {
  RowWalk(const Problem& problem, const RowQuery& query, Workspace& workspace)
      : p(problem),
        q(query),
        e(problem.employees[query.employee]),
        h(problem.days),
        shifts(static_cast<int>(problem.shifts.size())),
        width(shifts + 1),
        cost(*query.cost),
        from(query.free_from),
        to(query.free_to < 0 ? problem.days : query.free_to),
        work(workspace) {}

  void prepare();
  void extend(int d);  // the labels of day d from those of the day before
  std::optional<RowAnswer> best(int walk_to);

  const Problem& p;
  const RowQuery& q;
  const Employee& e;
  const int h, shifts, width;
  const std::vector<double>& cost;
  const int from, to;
  Workspace& work;
  // Counters only for the types whose cap is below the horizon.
  std::vector<int> capped_index;
  int capped = 0;
  int rest_cap = 1, runs = 1;
  bool weekends_bind = false;  // weekends only tell labels apart when the cap can bind
  size_t group_cap = 0;
};

void RowWalk::prepare() {
  // Values each day may take; forced days take the one they have.
  auto& allowed = work.allowed;
  allowed.values.clear();
  allowed.first.clear();
  auto& day_off = work.day_off;
  day_off.assign(h, 0);
  for (int d : e.days_off) {
    if (d >= 0 && d < h) day_off[d] = 1;
  }
  for (int d = 0; d < h; ++d) {
    allowed.first.push_back(static_cast<int>(allowed.values.size()));
    if (q.fixed != nullptr && (d < from || d >= to)) {
      const ShiftIdx v = (*q.fixed)[d];
      // A fixed day that breaks a rule of its own leaves no row at all.
      if (v == kOff || (!day_off[d] && e.max_shifts[v] > 0)) allowed.values.push_back(v);
      continue;
    }
    if (std::isfinite(cost[static_cast<size_t>(d) * width])) allowed.values.push_back(kOff);
    if (day_off[d]) continue;
    for (int t = 0; t < shifts; ++t) {
      if (e.max_shifts[t] > 0 && std::isfinite(cost[static_cast<size_t>(d) * width + 1 + t]))
        allowed.values.push_back(static_cast<ShiftIdx>(t));
    }
  }
  allowed.first.push_back(static_cast<int>(allowed.values.size()));
  // Counters only for the types whose cap is below the horizon.
  capped_index.assign(shifts, -1);
  for (int t = 0; t < shifts; ++t) {
    if (e.max_shifts[t] > 0 && e.max_shifts[t] < h) {
      if (capped == kMaxCappedTypes) throw std::length_error("too many capped shift types");
      capped_index[t] = capped++;
    }
  }
  // The most minutes the days from d on can still add, to drop labels that cannot reach the
  // contract's minimum.
  auto& most_from = work.most_from;
  most_from.assign(h + 1, 0);
  for (int d = h - 1; d >= 0; --d) {
    int most = 0;
    for (auto v : allowed[d]) most = std::max(most, v == kOff ? 0 : p.shifts[v].minutes);
    most_from[d] = most_from[d + 1] + most;
  }
  rest_cap = std::max(1, e.min_consecutive_days_off);
  runs = std::max(e.max_consecutive_shifts, rest_cap) + 1;
  // Weekends only tell labels apart when the cap can bind.
  weekends_bind = e.max_weekends < h / 7;
  // Below the count a cap can still reach, counts are all alike: a label with 3 of a type
  // capped at 10 and one with 5, both with 4 days to go, face the same future. Raising counts
  // to that floor keeps the programme exact and lets far fewer labels survive.
  // floor_from[d * capped + k]: the floor of the k-th capped type's count from day d on.
  auto& floor_from = work.floor_from;
  floor_from.assign(static_cast<size_t>(h + 1) * capped, 0);
  auto& weekend_floor_from = work.weekend_floor_from;
  weekend_floor_from.assign(h + 1, 0);
  {
    auto& days_left = work.days_left;
    days_left.assign(capped, 0);
    int weekends_left = 0;
    for (int d = h; d >= 0; --d) {
      if (d < h) {
        for (auto v : allowed[d]) {
          if (v != kOff && capped_index[v] >= 0) ++days_left[capped_index[v]];
        }
        if (d % 7 == 6) ++weekends_left;
      }
      for (int t = 0; t < shifts; ++t) {
        if (capped_index[t] >= 0) {
          floor_from[static_cast<size_t>(d) * capped + capped_index[t]] =
              std::max(0, e.max_shifts[t] - days_left[capped_index[t]]);
        }
      }
      weekend_floor_from[d] = std::max(0, e.max_weekends - weekends_left);
    }
  }
  group_cap =
      q.group_cap > 0 ? static_cast<size_t>(q.group_cap) : std::numeric_limits<size_t>::max();
  // The cheapest the days from d on can cost, rules aside: labels that cannot beat the bound
  // even so are dropped.
  auto& cheapest_from = work.cheapest_from;
  cheapest_from.assign(h + 1, 0.0);
  for (int d = h - 1; d >= 0; --d) {
    double low = std::numeric_limits<double>::infinity();
    for (auto v : allowed[d]) low = std::min(low, cost[static_cast<size_t>(d) * width + 1 + v]);
    cheapest_from[d] = cheapest_from[d + 1] + (allowed[d].empty() ? 0.0 : low);
  }

  // banned[before * shifts + after]: whether `after` may not follow `before`.
  auto& banned = work.banned;
  banned.assign(static_cast<size_t>(shifts) * shifts, 0);
  for (int t = 0; t < shifts; ++t) {
    for (auto next : p.shifts[t].forbidden_next) banned[t * shifts + next] = 1;
  }
}

void RowWalk::extend(int d) {
  const auto& allowed = work.allowed;
  const auto& cheapest_from = work.cheapest_from;
  const auto& most_from = work.most_from;
  const auto& floor_from = work.floor_from;
  const auto& weekend_floor_from = work.weekend_floor_from;
  const auto& banned = work.banned;
  const auto& previous = work.previous;
  auto& current = work.current;
  current.clear();
  const int weekday = d % 7;
  for (const auto& from_label : previous) {
    const bool first = from_label.last == 255;
    const bool was_working = !first && from_label.last > 0;
    for (auto v : allowed[d]) {
      // Every rule and the bound are checked before the label is copied: most extensions
      // end here.
      const bool half_weekend = weekday == 6 && d > 0 && !first && (v != kOff) != was_working;
      const double next_cost = from_label.cost + cost[static_cast<size_t>(d) * width + 1 + v] +
                               (half_weekend ? q.half_weekend_cost : 0.0);
      if (next_cost + cheapest_from[d + 1] >= q.bound) continue;
      int run = 1, minutes = from_label.minutes, weekends = from_label.weekends;
      if (v == kOff) {
        // Ending a working run inside the horizon needs the minimum length, unless the run
        // started on day 0 (border exemption).
        if (was_working && from_label.run < e.min_consecutive_shifts && from_label.run != d)
          continue;
        if (!first && !was_working) run = std::min<int>(from_label.run + 1, rest_cap);
      } else {
        if (was_working) {
          if (from_label.run + 1 > e.max_consecutive_shifts) continue;
          if (banned[(from_label.last - 1) * shifts + v]) continue;
          run = from_label.run + 1;
        } else {
          if (!first && from_label.run < e.min_consecutive_days_off && from_label.run != d)
            continue;
          if (e.max_consecutive_shifts < 1) continue;
        }
        minutes += p.shifts[v].minutes;
        if (minutes > e.max_total_minutes) continue;
        if (capped_index[v] >= 0 && from_label.counts[capped_index[v]] + 1 > e.max_shifts[v])
          continue;
        if ((weekday == 5 && d + 1 < h) || (weekday == 6 && !was_working && !first)) {
          if (++weekends > e.max_weekends) continue;
        }
      }
      if (minutes + most_from[d + 1] < e.min_total_minutes) continue;
      Label& next = current.emplace_back(from_label);
      next.cost = next_cost;
      next.minutes = minutes;
      next.run = static_cast<std::uint8_t>(run);
      next.last = static_cast<std::uint8_t>(v + 1);  // 0 for the day off
      if (v != kOff && capped_index[v] >= 0) ++next.counts[capped_index[v]];
      next.weekends = static_cast<std::int16_t>(
          weekends_bind ? std::max<int>(weekends, weekend_floor_from[d + 1]) : 0);
      const int* floor = floor_from.data() + static_cast<size_t>(d + 1) * capped;
      for (int k = 0; k < capped; ++k) {
        next.counts[k] = static_cast<std::uint16_t>(std::max<int>(next.counts[k], floor[k]));
      }
      next.node = static_cast<std::uint32_t>(next.last * runs + next.run);
    }
  }
}

std::optional<RowAnswer> RowWalk::best(int walk_to) {
  const auto& previous = work.previous;
  const auto& trail = work.trail;
  std::optional<Tail> tail;
  if (walk_to < h) {
    tail = describe_tail(p, e, *q.fixed, walk_to, cost, width, capped_index, work.allowed);
    if (!tail) return std::nullopt;
  }
  const Label* best = nullptr;
  double best_cost = 0;
  for (const auto& label : previous) {
    double total = label.cost;
    if (tail) {
      if (!joins_tail(p, e, label, *tail, walk_to, h, capped_index)) continue;
      total += tail->cost;
      // A weekend split by the border: Saturday in the window, Sunday in the tail.
      const bool label_works = label.last != 0 && label.last != 255;
      if (walk_to % 7 == 6 && label.last != 255 && label_works != (tail->first != kOff))
        total += q.half_weekend_cost;
    } else if (label.minutes < e.min_total_minutes) {
      continue;
    }
    if (best == nullptr || total < best_cost) {
      best = &label;
      best_cost = total;
    }
  }
  if (best == nullptr) return std::nullopt;
  RowAnswer answer{best_cost, std::vector<ShiftIdx>(h, kOff)};
  for (int d = walk_to; d < h; ++d) answer.row[d] = (*q.fixed)[d];
  for (std::int32_t k = best->trail, d = walk_to - 1; k >= 0; k = trail[k].parent, --d)
    answer.row[d] = trail[k].value;
  return answer;
}

}  // namespace

std::optional<RowAnswer> best_row(const Problem& p, const RowQuery& q) {
  thread_local Workspace work;
  RowWalk walk(p, q, work);
  walk.prepare();
  auto& previous = work.previous;
  auto& current = work.current;
  auto& trail = work.trail;
  // Labels of one day end in a value (off or a shift) and a run length: node < nodes.
  const int nodes = (walk.shifts + 1) * walk.runs;
  previous.clear();
  trail.clear();
  Label start{};
  start.last = 255;
  start.trail = -1;
  previous.push_back(start);
  // A fixed tail after the window is not walked day by day: its runs, minutes, counts and
  // weekends are constants, and only the run that crosses into it depends on the label.
  const int walk_to =
      q.fixed != nullptr && walk.from < walk.to && walk.to < p.days ? walk.to : p.days;
  for (int d = 0; d < walk_to; ++d) {
    walk.extend(d);
    // A day with one possible value (a fixed day) only extends labels: no new dominance is
    // worth a sort there.
    if (work.allowed[d].size() > 1)
      keep_non_dominated(current, work.scratch, work.buckets, nodes, walk.capped, walk.group_cap);
    if (q.label_cap > 0 && current.size() > static_cast<size_t>(q.label_cap))
      keep_cheapest_per_minutes(current, work.scratch, work.buckets.keys,
                                static_cast<size_t>(q.label_cap));
    // Keep the survivors: their step goes on the trail, the next day extends them.
    for (auto& label : current) {
      trail.push_back({label.trail, static_cast<ShiftIdx>(label.last - 1)});
      label.trail = static_cast<std::int32_t>(trail.size() - 1);
    }
    std::swap(previous, current);
  }
  return walk.best(walk_to);
}

}  // namespace rcc::roster
