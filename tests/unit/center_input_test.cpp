#include "sim/center_input.h"

#include <gtest/gtest.h>

#include "generate/sample_center.h"

namespace rcc::sim {
namespace {

using std::chrono::days;

// Places short are counted per day and shift: an extra engineer on Tuesday does not fill the
// place left empty on Monday.
TEST(CenterInput, UnfilledPlacesAreCountedPerDayAndShift) {
  const auto center = generate::generate_center({200, 3, 5});
  const model::Date monday{std::chrono::year{2027} / 1 / 4};
  const std::vector<ShiftNeed> needs = {{0, 0, 8 * 60, 8 * 60, 2}, {1, 0, 8 * 60, 8 * 60, 1}};
  std::vector<RosterShift> roster = {{0, monday, 8 * 60, 8 * 60},
                                     {1, monday + days{1}, 8 * 60, 8 * 60},
                                     {2, monday + days{1}, 8 * 60, 8 * 60}};
  const auto sim = build_simulation(center, needs, roster, monday, 1, 4);
  EXPECT_EQ(sim.rostered_shifts, 3);
  EXPECT_EQ(sim.unfilled_shifts, 1);  // Monday short one; Tuesday over by one
  roster.push_back({3, monday, 8 * 60, 8 * 60});
  EXPECT_EQ(build_simulation(center, needs, roster, monday, 1, 4).unfilled_shifts, 0);
  roster.back() = {3, monday, 16 * 60, 8 * 60};  // a shift nobody asked for fills nothing
  EXPECT_EQ(build_simulation(center, needs, roster, monday, 1, 4).unfilled_shifts, 1);
}

}  // namespace
}  // namespace rcc::sim
