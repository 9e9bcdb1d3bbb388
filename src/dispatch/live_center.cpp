#include "dispatch/live_center.h"

#include <algorithm>

#include "calendar/sla.h"
#include "calendar/zones.h"
#include "model/dates.h"
#include "model/enum_names.h"

namespace rcc::dispatch {

using model::Instant;
using model::TicketStatus;
using std::chrono::seconds;

namespace {

double axis(Instant t) {
  return static_cast<double>(t.time_since_epoch().count());
}

int priority_index(model::Priority p) {
  return static_cast<int>(p);
}

std::string ticket_key(model::TicketId id) {
  return std::to_string(id);
}

[[noreturn]] void conflict(const model::Ticket& t, Action action, std::string_view needs) {
  throw Rejected(Rejected::Kind::conflict, "ticket " + std::to_string(t.id) + " is " +
                                               std::string(model::status_name(t.status)) + "; " +
                                               std::string(action_name(action)) + " needs " +
                                               std::string(needs));
}

}  // namespace

// Collects the tickets a command touched (each once, in first-touch order) and its events.
class LiveCenter::Recorder {
 public:
  Recorder(LiveCenter& live, Instant now, std::string actor)
      : live_(live), now_(now), actor_(std::move(actor)) {}

  void event(const model::Ticket& t, std::string kind, model::EventDetail detail) {
    touch(t);
    events_.push_back(
        {0, now_, actor_, "ticket", ticket_key(t.id), std::move(kind), std::move(detail)});
  }
  void event(std::string entity, std::string id, std::string kind, model::EventDetail detail) {
    events_.push_back(
        {0, now_, actor_, std::move(entity), std::move(id), std::move(kind), std::move(detail)});
  }
  void touch(const model::Ticket& t) {
    if (std::find(touched_.begin(), touched_.end(), t.id) == touched_.end()) {
      touched_.push_back(t.id);
    }
  }
  const std::string& actor() const { return actor_; }

  Change finish() {
    Change change;
    for (auto id : touched_) {
      auto& t = live_.tickets_.at(id);
      ++t.version;
      live_.rearm(t);
      change.tickets.push_back(t);
    }
    change.events = std::move(events_);
    return change;
  }

 private:
  LiveCenter& live_;
  Instant now_;
  std::string actor_;
  std::vector<model::TicketId> touched_;
  std::vector<model::Event> events_;
};

LiveCenter::LiveCenter(const model::Center& center, LiveOptions options)
    : center_(&center), options_(options), dispatcher_([&] {
        DispatchOptions d;
        d.policy = options.policy;
        d.skills = static_cast<int>(center.skills.size());
        std::set<std::string> langs;
        for (const auto& e : center.engineers) langs.insert(e.languages.begin(), e.languages.end());
        d.languages = static_cast<int>(langs.size());
        return d;
      }()) {
  if (options_.capacity < 1) throw std::invalid_argument("live capacity must be at least 1");
  std::set<std::string> langs;
  for (const auto& e : center.engineers) langs.insert(e.languages.begin(), e.languages.end());
  for (const auto& l : langs) languages_.emplace(l, static_cast<LanguageId>(languages_.size()));
  for (const auto& e : center.engineers) {
    AgentProfile profile;
    profile.skills = e.skills;
    for (const auto& l : e.languages) profile.languages.push_back(languages_.at(l));
    profile.capacity = options_.capacity;
    dispatcher_.add_agent(std::move(profile));
  }
  for (const auto& client : center.clients) {
    const auto& holidays = center.calendars.at(client.calendar);
    for (int p = 0; p < model::kPriorities; ++p) {
      clocks_.push_back(calendar::sla_calendar(client, holidays, static_cast<model::Priority>(p)));
    }
  }
  shifts_.resize(center.engineers.size());
}

const calendar::BusinessCalendar& LiveCenter::clock_of(const model::Ticket& t) const {
  return clocks_[static_cast<size_t>(t.client) * model::kPriorities + priority_index(t.priority)];
}

dispatch::Ticket LiveCenter::dispatch_ticket(const model::Ticket& t) const {
  dispatch::Ticket d;
  d.id = t.id;
  d.skill = t.skill;
  d.min_level = t.min_level;
  if (!t.language.empty()) {
    const auto it = languages_.find(t.language);
    // Nobody speaks it: a language id no pool holds keeps the ticket waiting for a lead.
    d.language = it == languages_.end() ? static_cast<LanguageId>(languages_.size()) : it->second;
  }
  d.priority = priority_index(t.priority);
  d.arrived = axis(t.opened);
  d.deadline = axis(t.response_due);
  return d;
}

const model::Ticket* LiveCenter::find(model::TicketId id) const {
  const auto it = tickets_.find(id);
  return it == tickets_.end() ? nullptr : &it->second;
}

bool LiveCenter::routable(const dispatch::Ticket& d) const {
  return d.language < static_cast<LanguageId>(languages_.size());
}

std::optional<model::EngineerIdx> LiveCenter::route_or_queue(model::Ticket& t, Instant now,
                                                             Recorder& rec) {
  const auto d = dispatch_ticket(t);
  const auto agent = routable(d) ? dispatcher_.route(d, axis(now)) : std::nullopt;
  if (agent) {
    t.engineer = *agent;
    if (t.status != TicketStatus::waiting_on_client) t.status = TicketStatus::assigned;
    rec.event(t, "assigned", {{"engineer", center_->engineers[*agent].id}, {"by", "dispatch"}});
    return *agent;
  }
  t.engineer.reset();
  if (t.status == TicketStatus::waiting_on_client) {
    rec.touch(t);  // nobody owns it until the client answers; resume routes it again
    return std::nullopt;
  }
  t.status = TicketStatus::open;
  if (routable(d)) queued_[t.id] = dispatcher_.enqueue(d);
  rec.touch(t);
  return std::nullopt;
}

void LiveCenter::pull_work(model::EngineerIdx engineer, Instant now, Recorder& rec) {
  while (auto d = dispatcher_.pull(engineer, axis(now))) {
    queued_.erase(*d);
    auto& t = tickets_.at(*d);
    t.engineer = engineer;
    t.status = TicketStatus::assigned;
    rec.event(t, "assigned", {{"engineer", center_->engineers[engineer].id}, {"by", "dispatch"}});
  }
}

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

Change LiveCenter::restore(std::vector<model::Ticket> tickets, Instant now) {
  Recorder rec(*this, now, "system");
  for (auto& t : tickets) {
    next_id_ = std::max(next_id_, t.id + 1);
    tickets_[t.id] = std::move(t);
  }
  for (auto& [id, t] : tickets_) {
    if (!model::is_open(t.status)) continue;
    rearm(t);
    if (t.engineer && dispatcher_.on_shift(*t.engineer)) {
      dispatcher_.give(*t.engineer, dispatch_ticket(t), axis(now));
    } else if (t.engineer) {
      const auto from = *t.engineer;
      hand_over(from, {t.id}, now, rec);
    } else if (t.status == TicketStatus::open) {
      route_or_queue(t, now, rec);
    }
  }
  return rec.finish();
}

Change LiveCenter::create(const NewTicket& n, Instant now, const std::string& actor) {
  if (n.client < 0 || n.client >= static_cast<int>(center_->clients.size())) {
    throw Rejected(Rejected::Kind::invalid, "unknown client");
  }
  if (n.skill < 0 || n.skill >= static_cast<int>(center_->skills.size())) {
    throw Rejected(Rejected::Kind::invalid, "unknown skill");
  }
  if (n.min_level < model::kMinLevel || n.min_level > model::kMaxLevel) {
    throw Rejected(Rejected::Kind::invalid, "min_level must be 1..5");
  }
  const auto& client = center_->clients[n.client];
  model::Ticket t;
  t.id = next_id_++;
  t.client = n.client;
  t.skill = n.skill;
  t.min_level = n.min_level;
  t.priority = n.priority;
  const auto& target = client.sla[priority_index(n.priority)];
  t.language = n.language.empty() ? target.language : n.language;
  t.title = n.title;
  t.description = n.description;
  t.opened = now;
  t.version = 0;
  const auto& clock = clock_of(t);
  t.response_due = clock.add_business_minutes(now, std::chrono::minutes{target.response_minutes});
  t.resolution_due =
      clock.add_business_minutes(now, std::chrono::minutes{target.resolution_minutes});
  t.clock_since = now;
  auto& stored = tickets_.emplace(t.id, std::move(t)).first->second;
  Recorder rec(*this, now, actor);
  rec.event(stored, "created",
            {{"client", client.id},
             {"skill", center_->skills[stored.skill].id},
             {"priority", model::priority_code(stored.priority)},
             {"response_due",
              calendar::format_local(stored.response_due, calendar::zone(client.timezone))}});
  route_or_queue(stored, now, rec);
  return rec.finish();
}

std::chrono::seconds LiveCenter::resolution_target(const model::Ticket& t) const {
  return std::chrono::minutes{
      center_->clients[t.client].sla[priority_index(t.priority)].resolution_minutes};
}

void LiveCenter::count_resolution_clock(model::Ticket& t, Instant now) const {
  t.resolution_counted_seconds += clock_of(t).business_time_between(t.clock_since, now).count();
  t.clock_since = now;
}

void LiveCenter::release(model::Ticket& t, Instant now, Recorder& rec) {
  if (!t.engineer) return;
  const auto engineer = *t.engineer;
  dispatcher_.release(engineer, t.id, axis(now));
  pull_work(engineer, now, rec);
}

Change LiveCenter::act(model::TicketId id, Action action,
                       std::optional<model::EngineerIdx> engineer, Instant now,
                       const std::string& actor) {
  const auto it = tickets_.find(id);
  if (it == tickets_.end()) {
    throw Rejected(Rejected::Kind::not_found, "no ticket " + std::to_string(id));
  }
  auto& t = it->second;
  if (!takes_from(action, t.status)) conflict(t, action, action_needs(action));
  Recorder rec(*this, now, actor);
  switch (action) {
    case Action::assign: {
      if (!engineer || *engineer < 0 || *engineer >= static_cast<int>(center_->engineers.size())) {
        throw Rejected(Rejected::Kind::invalid, "assign needs a known engineer");
      }
      const auto& e = center_->engineers[*engineer];
      if (e.level(t.skill) == 0) {
        throw Rejected(Rejected::Kind::conflict,
                       "engineer " + e.id + " does not have skill " + center_->skills[t.skill].id);
      }
      if (!dispatcher_.on_shift(*engineer)) {
        throw Rejected(Rejected::Kind::conflict, "engineer " + e.id + " is not on shift");
      }
      if (t.engineer == engineer) conflict(t, action, "another engineer than the current one");
      const auto d = dispatch_ticket(t);
      if (t.engineer) {
        dispatcher_.release(*t.engineer, t.id, axis(now));
      } else if (const auto q = queued_.find(t.id); q != queued_.end()) {
        dispatcher_.withdraw(q->second);
        queued_.erase(q);
      }
      const auto previous = t.engineer;
      dispatcher_.give(*engineer, d, axis(now));
      t.engineer = *engineer;
      if (t.status != TicketStatus::waiting_on_client) t.status = TicketStatus::assigned;
      rec.event(
          t, "assigned",
          {{"engineer", e.id}, {"by", "lead"}, {"below_level", e.level(t.skill) < t.min_level}});
      if (previous) pull_work(*previous, now, rec);
      break;
    }
    case Action::accept: {
      if (engineer && engineer != t.engineer) {
        throw Rejected(Rejected::Kind::conflict,
                       "ticket " + std::to_string(t.id) + " is assigned to someone else");
      }
      t.status = TicketStatus::in_progress;
      const bool first = !t.responded_at;
      if (first) {
        t.responded_at = now;
        t.escalation = model::Escalation::none;  // the resolution clock is what runs now
      }
      rec.event(t, "accepted",
                {{"engineer", center_->engineers[*t.engineer].id},
                 {"response_met", first ? model::DetailValue(now <= t.response_due)
                                        : model::DetailValue(nullptr)}});
      break;
    }
    case Action::wait_on_client: {
      count_resolution_clock(t, now);
      t.paused_at = now;
      t.status = TicketStatus::waiting_on_client;
      rec.event(t, "waiting_on_client", {{"counted_seconds", t.resolution_counted_seconds}});
      break;
    }
    case Action::resume: {
      const auto remaining = resolution_target(t) - seconds{t.resolution_counted_seconds};
      t.paused_at.reset();
      t.clock_since = now;
      // A deadline already missed before the pause stays where it was.
      if (remaining > seconds{0}) t.resolution_due = clock_of(t).add_business_time(now, remaining);
      t.status = TicketStatus::in_progress;
      if (!t.engineer) {
        t.status = TicketStatus::assigned;
        route_or_queue(t, now, rec);
      }
      rec.event(t, "resumed", {{"remaining_seconds", remaining.count()}});
      break;
    }
    case Action::resolve: {
      count_resolution_clock(t, now);
      t.status = TicketStatus::resolved;
      t.resolved_at = now;
      rec.event(t, "resolved", {{"resolution_met", now <= t.resolution_due}});
      release(t, now, rec);
      break;
    }
    case Action::close: {
      t.status = TicketStatus::closed;
      t.closed_at = now;
      rec.event(t, "closed", {});
      break;
    }
  }
  return rec.finish();
}

// The next instant the running clock of `t` needs a look, if any.
void LiveCenter::rearm(const model::Ticket& t) {
  if (const auto old = alarm_of_.find(t.id); old != alarm_of_.end()) {
    alarms_.erase({old->second, t.id});
    alarm_of_.erase(old);
  }
  const auto& target = center_->clients[t.client].sla[priority_index(t.priority)];
  std::optional<Instant> next;
  const auto& clock = clock_of(t);
  if (t.status == TicketStatus::open || t.status == TicketStatus::assigned) {
    if (!t.responded_at) {
      const auto risk = seconds{static_cast<std::int64_t>(target.response_minutes * 60.0 *
                                                          (1 - options_.at_risk_fraction))};
      if (t.escalation == model::Escalation::none) next = clock.add_business_time(t.opened, risk);
      if (t.escalation == model::Escalation::at_risk) next = t.response_due + seconds{1};
    }
  }
  if (t.status == TicketStatus::in_progress ||
      (t.status == TicketStatus::assigned && t.responded_at)) {
    const auto risk = seconds{static_cast<std::int64_t>(target.resolution_minutes * 60.0 *
                                                        (1 - options_.at_risk_fraction))} -
                      seconds{t.resolution_counted_seconds};
    if (t.escalation == model::Escalation::none) {
      next = clock.add_business_time(t.clock_since, std::max(risk, seconds{0}));
    }
    if (t.escalation == model::Escalation::at_risk) next = t.resolution_due + seconds{1};
  }
  if (!next) return;
  alarms_.emplace(*next, t.id);
  alarm_of_.emplace(t.id, *next);
}

void LiveCenter::escalate(model::Ticket& t, Instant now, Recorder& rec) {
  const bool response = !t.responded_at;
  const auto due = response ? t.response_due : t.resolution_due;
  const auto level = now > due ? model::Escalation::breached : model::Escalation::at_risk;
  if (level <= t.escalation) return;
  t.escalation = level;
  ++escalations_;
  rec.event(t, "escalated",
            {{"level", model::escalation_name(level)},
             {"clock", response ? "response" : "resolution"},
             {"remaining_seconds", clock_of(t).business_time_between(now, due).count()},
             {"engineer", t.engineer ? model::DetailValue(center_->engineers[*t.engineer].id)
                                     : model::DetailValue(nullptr)}});
}

Change LiveCenter::tick(Instant now) {
  Recorder rec(*this, now, "system");
  while (!boundaries_.empty() && boundaries_.begin()->first <= now) {
    const auto engineer = boundaries_.begin()->second;
    boundaries_.erase(boundaries_.begin());
    set_on_shift(engineer, now, rec);
  }
  while (!alarms_.empty() && alarms_.begin()->first <= now) {
    const auto id = alarms_.begin()->second;
    alarms_.erase(alarms_.begin());
    alarm_of_.erase(id);
    escalate(tickets_.at(id), now, rec);
  }
  return rec.finish();
}

SlaStatus LiveCenter::sla(const model::Ticket& t, Instant now) const {
  const auto& clock = clock_of(t);
  SlaStatus s;
  s.response_due = t.response_due;
  s.response_met = t.responded_at && *t.responded_at <= t.response_due;
  s.response_breached = t.responded_at ? *t.responded_at > t.response_due : now > t.response_due;
  s.response_remaining_seconds =
      t.responded_at ? 0 : clock.business_time_between(now, t.response_due).count();
  s.resolution_paused = t.status == TicketStatus::waiting_on_client;
  if (!s.resolution_paused) s.resolution_due = t.resolution_due;
  const auto end = t.resolved_at.value_or(now);
  s.resolution_met = t.resolved_at && *t.resolved_at <= t.resolution_due;
  s.resolution_breached = !s.resolution_paused && end > t.resolution_due;
  const auto target = resolution_target(t).count();
  const auto counted = t.resolution_counted_seconds +
                       (s.resolution_paused || t.resolved_at
                            ? 0
                            : clock.business_time_between(t.clock_since, now).count());
  s.resolution_remaining_seconds = target - counted;
  if (s.resolution_paused) s.resolution_breached = counted > target;
  return s;
}

LiveCounts LiveCenter::counts() const {
  LiveCounts c;
  for (const auto& [id, t] : tickets_) ++c.by_status.at(static_cast<size_t>(t.status));
  c.queued = dispatcher_.waiting();
  for (size_t e = 0; e < center_->engineers.size(); ++e) {
    if (dispatcher_.on_shift(static_cast<AgentId>(e))) ++c.engineers_on_shift;
  }
  c.escalations = escalations_;
  c.handovers = handovers_;
  return c;
}

}  // namespace rcc::dispatch
