// rcc history: fit a ticket or call history and replay it through the simulator.
#include <iostream>

#include "cli/command_support.h"
#include "cli/table.h"
#include "forecast/history_fit.h"
#include "io/history.h"
#include "model/dates.h"
#include "sim/replay.h"

namespace rcc::cli {

int run_history(const std::string& file, const std::string& format, std::uint64_t seed,
                const Output& out) {
  const auto text = read_text_file(file);
  io::Diagnostics d;
  const auto log = format == "anonymous-bank" ? io::read_anonymous_bank_log(text, file, d)
                                              : io::read_ticket_history_csv(text, file, d);
  if (d.has_errors()) throw io::InputError(d);
  if (log.calls.empty()) {
    d.error({file}, "the history holds no calls");
    throw io::InputError(d);
  }
  const auto fit = forecast::fit_history(log);
  const auto report = sim::replay_log(log, fit, seed);

  if (out.json) {
    OrderedJson hours = OrderedJson::array();
    for (const auto& h : report.by_hour) {
      if (h.calls == 0) continue;
      hours.push_back({{"hour", h.hour},
                       {"calls", h.calls},
                       {"actual_mean_wait_s", h.actual_mean_wait},
                       {"simulated_mean_wait_s", h.simulated_mean_wait},
                       {"actual_abandon", h.actual_abandon},
                       {"simulated_abandon", h.simulated_abandon}});
    }
    std::cout << OrderedJson{{"file", file},
                             {"first_day", model::format_date(log.first_day)},
                             {"days", log.days},
                             {"fit",
                              {{"calls", fit.calls},
                               {"answered", fit.answered},
                               {"abandoned", fit.abandoned},
                               {"phantom", fit.phantom},
                               {"handle_mean_s", fit.handle_mean},
                               {"handle_cv", fit.handle_cv},
                               {"lognormal_mu", fit.lognormal_mu},
                               {"lognormal_sigma", fit.lognormal_sigma},
                               {"patience_mean_s", fit.patience_mean},
                               {"arrivals_per_hour_of_week", fit.arrivals_per_hour}}},
                             {"replay",
                              {{"agents", report.agents},
                               {"calls", report.replayed},
                               {"actual_mean_wait_s", report.actual_mean_wait},
                               {"simulated_mean_wait_s", report.simulated_mean_wait},
                               {"actual_abandon", report.actual_abandon},
                               {"simulated_abandon", report.simulated_abandon},
                               {"wait_mae_s", report.wait_mae_seconds},
                               {"abandon_mae", report.abandon_mae},
                               {"by_hour", hours}}}}
                     .dump(2)
              << "\n";
    return kOk;
  }
  std::cout << "rcc history: " << file << ", " << log.days << " day(s) from "
            << model::format_date(log.first_day) << "\n"
            << "  calls " << fit.calls << ": answered " << fit.answered << ", abandoned "
            << fit.abandoned << ", phantom " << fit.phantom << "\n"
            << "  handle time: mean " << fixed(fit.handle_mean) << " s, cv "
            << fixed(fit.handle_cv, 2) << ", lognormal mu " << fixed(fit.lognormal_mu, 3)
            << " sigma " << fixed(fit.lognormal_sigma, 3) << "\n"
            << "  patience (exponential, censored MLE): mean " << fixed(fit.patience_mean)
            << " s\n\n";
  TextTable t({"hour", "calls", "wait actual (s)", "wait simulated (s)", "abandon actual",
               "abandon simulated"});
  for (const auto& h : report.by_hour) {
    if (h.calls == 0) continue;
    t.add_row({std::to_string(h.hour), std::to_string(h.calls), fixed(h.actual_mean_wait),
               fixed(h.simulated_mean_wait), fixed(100 * h.actual_abandon) + "%",
               fixed(100 * h.simulated_abandon) + "%"});
  }
  std::cout << "Replay with the staffing the log shows (" << report.agents
            << " agents, each on shift in every clock hour in which they answered a call)\n"
            << t.render() << "all hours: wait " << fixed(report.actual_mean_wait) << " s actual vs "
            << fixed(report.simulated_mean_wait) << " s simulated; abandonment "
            << fixed(100 * report.actual_abandon) << "% vs "
            << fixed(100 * report.simulated_abandon)
            << "%; mean absolute error per hour (call-weighted): wait "
            << fixed(report.wait_mae_seconds) << " s, abandonment "
            << fixed(100 * report.abandon_mae) << " points\n";
  return kOk;
}

}  // namespace rcc::cli
