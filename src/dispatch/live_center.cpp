#include "dispatch/live_center.h"

#include <algorithm>

#include "calendar/sla.h"
#include "calendar/zones.h"
#include "dispatch/live_internal.h"
#include "model/dates.h"
#include "model/enum_names.h"

namespace rcc::dispatch {

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
