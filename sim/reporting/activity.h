// A year of case activity for every reporting structure, simulated from the scenario's seed when the
// state is created: each case goes through the real case commands (report, open, consent, concerns,
// case plan, referral, transfer, closure), applied in time order, so ids and rules are the core's own.
// Then the reports the scenario says were already received are submitted with the figures the case
// records give (docs/reporting.md).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kalan {

struct State;
struct ReportingSetup;

struct ActivityResult {
  int cases = 0, commands = 0, reports = 0;
  std::vector<std::string> refusals;  // commands the core refused (none for a consistent scenario)
};

// Runs the simulation on `s` (its clock is restored afterwards). Deterministic for a given seed.
ActivityResult simulate_reporting_year(State& s, const ReportingSetup& setup, std::uint64_t seed);

}  // namespace kalan
