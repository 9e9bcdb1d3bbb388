#include "forecast/demand.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "calendar/zones.h"
#include "forecast/erlang.h"
#include "model/errors.h"

namespace rcc::forecast {

using model::Date;

namespace {

// Share of tickets answered within their own priority's response target (FCFS, pooled queue).
double mixed_service_level(int servers, const Load& load,
                           const std::array<double, model::kPriorities>& share,
                           const std::array<double, model::kPriorities>& target_minutes) {
  double level = 0;
  for (int p = 0; p < model::kPriorities; ++p) {
    if (share[p] > 0) level += share[p] * erlang_c(servers, load, target_minutes[p]).service_level;
  }
  return level;
}

}  // namespace

std::vector<SkillHourlyNeed> required_engineers(const model::Center& center,
                                                const StaffingTarget& target, Date week_start) {
  if (!(target.service_level > 0 && target.service_level < 1)) {
    throw std::invalid_argument("service level target must be in (0, 1)");
  }
  if (!(target.shrinkage >= 0 && target.shrinkage < 1)) {
    throw std::invalid_argument("shrinkage must be in [0, 1)");
  }
  const auto& center_zone = calendar::zone(center.timezone);
  while (std::chrono::weekday{week_start} != std::chrono::Monday)
    week_start += std::chrono::days{1};
  const auto start =
      calendar::to_utc(calendar::LocalTime{week_start.time_since_epoch()}, center_zone);

  // Per skill and center hour: arrivals, handle-minute volume, and arrivals per priority target.
  struct Pool {
    std::array<double, model::kHoursPerWeek> arrivals{}, handle_volume{};
    std::array<std::array<double, model::kPriorities>, model::kHoursPerWeek> priority_arrivals{};
    std::array<double, model::kPriorities> target{1e18, 1e18, 1e18, 1e18};
    bool used = false;
  };
  std::vector<Pool> pools(center.skills.size());
  for (const auto& f : center.forecast) {
    const auto& client = center.clients[f.client];
    const auto& zone = calendar::zone(client.timezone);
    auto& pool = pools[f.skill];
    pool.used = true;
    for (int p = 0; p < model::kPriorities; ++p) {
      pool.target[p] =
          std::min(pool.target[p], static_cast<double>(client.sla[p].response_minutes));
    }
    for (int h = 0; h < model::kHoursPerWeek; ++h) {
      const auto local = calendar::to_local(start + std::chrono::hours{h}, zone);
      const auto day = std::chrono::floor<std::chrono::days>(local.time_since_epoch());
      const int weekday = (static_cast<int>(std::chrono::weekday{Date{day}}.c_encoding()) + 6) % 7;
      const int hour = static_cast<int>(
          std::chrono::floor<std::chrono::hours>(local.time_since_epoch() - day).count());
      const double rate = f.arrivals_per_hour[weekday * 24 + hour];
      pool.arrivals[h] += rate;
      pool.handle_volume[h] += rate * f.mean_handle_minutes;
      for (int p = 0; p < model::kPriorities; ++p) {
        pool.priority_arrivals[h][p] += rate * f.priority_mix[p];
      }
    }
  }

  std::vector<SkillHourlyNeed> out;
  for (int s = 0; s < static_cast<int>(pools.size()); ++s) {
    const auto& pool = pools[s];
    if (!pool.used) continue;
    SkillHourlyNeed need;
    need.skill = s;
    for (int h = 0; h < model::kHoursPerWeek; ++h) {
      const double lambda = pool.arrivals[h];
      need.arrivals[h] = lambda;
      if (lambda <= 0) continue;
      const double mean_handle = pool.handle_volume[h] / lambda;  // minutes
      const Load load{lambda / 60.0, 1.0 / mean_handle};          // per minute
      need.erlangs[h] = load.offered();
      std::array<double, model::kPriorities> share{};
      for (int p = 0; p < model::kPriorities; ++p) share[p] = pool.priority_arrivals[h][p] / lambda;
      int n = std::max(1, static_cast<int>(std::floor(load.offered())) + 1);
      while (mixed_service_level(n, load, share, pool.target) < target.service_level) {
        if (++n > 100000) {
          throw model::BadInput("skill " + center.skills[s].id +
                                ": no staffing reaches the service-level target");
        }
      }
      need.engineers[h] = static_cast<int>(std::ceil(n / (1 - target.shrinkage) - 1e-9));
    }
    out.push_back(need);
  }

  // What center.json's support coverage puts on shift, hour by hour (shifts may cross midnight).
  for (auto& need : out) {
    for (const auto& c : center.coverage) {
      if (c.skill != need.skill) continue;
      const auto& type = center.shift_types[c.shift];
      for (int day = 0; day < 7; ++day) {
        const int first = day * 24 * 60 + type.start_minute;
        for (int m = first; m < first + type.length_minutes; m += 60) {
          need.covered[(m / 60) % model::kHoursPerWeek] += c.engineers;
        }
      }
    }
  }
  return out;
}

std::vector<Shortfall> shortfalls(const std::vector<SkillHourlyNeed>& needs) {
  std::vector<Shortfall> out;
  for (const auto& need : needs) {
    int h = 0;
    while (h < model::kHoursPerWeek) {
      if (need.engineers[h] <= need.covered[h]) {
        ++h;
        continue;
      }
      Shortfall s{need.skill, h, 0, 0};
      while (h < model::kHoursPerWeek && need.engineers[h] > need.covered[h]) {
        s.worst_gap = std::max(s.worst_gap, need.engineers[h] - need.covered[h]);
        ++s.hours;
        ++h;
      }
      out.push_back(s);
    }
  }
  return out;
}

}  // namespace rcc::forecast
