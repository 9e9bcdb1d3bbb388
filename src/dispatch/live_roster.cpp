// The live center's roster: who is on shift, hand-overs when a shift ends, publishing.
#include "calendar/sla.h"
#include "calendar/zones.h"
#include "dispatch/live_internal.h"
#include "model/dates.h"

namespace rcc::dispatch {

void LiveCenter::hand_over(model::EngineerIdx from, const std::vector<model::TicketId>& held,
                           Instant now, Recorder& rec) {
  for (auto id : held) {
    auto& t = tickets_.at(id);
    if (!model::is_open(t.status)) continue;
    ++handovers_;
    if (t.status == TicketStatus::in_progress) t.status = TicketStatus::assigned;
    const auto to = route_or_queue(t, now, rec);
    rec.event(
        t, "handed_over",
        {{"from", center_->engineers[from].id},
         {"to", to ? model::DetailValue(center_->engineers[*to].id) : model::DetailValue(nullptr)},
         {"reason", "shift ended"}});
  }
}

std::optional<LiveCenter::Interval> LiveCenter::shift_at(model::EngineerIdx engineer,
                                                         Instant at) const {
  const auto& list = shifts_[engineer];
  auto it = std::upper_bound(list.begin(), list.end(), at,
                             [](Instant x, const Interval& i) { return x < i.begin; });
  if (it == list.begin()) return std::nullopt;
  --it;
  if (at < it->end) return *it;
  return std::nullopt;
}

void LiveCenter::set_on_shift(model::EngineerIdx engineer, Instant now, Recorder& rec) {
  const auto shift = shift_at(engineer, now);
  if (shift && !dispatcher_.on_shift(engineer)) {
    dispatcher_.start_shift(engineer, axis(now), axis(shift->end));
    pull_work(engineer, now, rec);
  } else if (!shift && dispatcher_.on_shift(engineer)) {
    hand_over(engineer, dispatcher_.end_shift(engineer, axis(now)), now, rec);
  }
}

Change LiveCenter::publish_roster(std::vector<model::PublishedShift> shifts, Instant now,
                                  const std::string& actor) {
  const auto& tz = calendar::zone(center_->timezone);
  std::vector<std::vector<Interval>> intervals(center_->engineers.size());
  for (const auto& s : shifts) {
    if (s.engineer < 0 || s.engineer >= static_cast<int>(center_->engineers.size()) ||
        s.shift < 0 || s.shift >= static_cast<int>(center_->shift_types.size()) || s.skill < 0 ||
        s.skill >= static_cast<int>(center_->skills.size())) {
      throw Rejected(Rejected::Kind::invalid,
                     "roster shift refers to an unknown engineer, shift "
                     "or skill");
    }
    const auto& type = center_->shift_types[s.shift];
    const auto begin = calendar::to_utc(
        calendar::LocalTime{std::chrono::duration_cast<seconds>(s.day.time_since_epoch()) +
                            std::chrono::minutes{type.start_minute}},
        tz);
    intervals[s.engineer].push_back({begin, begin + std::chrono::minutes{type.length_minutes}});
  }
  boundaries_.clear();
  for (size_t e = 0; e < intervals.size(); ++e) {
    auto& list = intervals[e];
    std::sort(list.begin(), list.end(),
              [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    // Back-to-back or overlapping shifts are one stretch on shift: no hand-over in between.
    std::vector<Interval> merged;
    for (const auto& i : list) {
      if (!merged.empty() && i.begin <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, i.end);
      } else {
        merged.push_back(i);
      }
    }
    for (const auto& i : merged) {
      if (i.begin > now) boundaries_.emplace(i.begin, static_cast<model::EngineerIdx>(e));
      if (i.end > now) boundaries_.emplace(i.end, static_cast<model::EngineerIdx>(e));
    }
    shifts_[e] = std::move(merged);
  }
  roster_ = std::move(shifts);
  Recorder rec(*this, now, actor);
  rec.event("roster", "current", "published", {{"shifts", roster_.size()}});
  for (size_t e = 0; e < shifts_.size(); ++e) {
    set_on_shift(static_cast<model::EngineerIdx>(e), now, rec);
  }
  return rec.finish();
}

}  // namespace rcc::dispatch
