// The scenario's "reporting" section: a year of case activity simulated from the scenario's seed
// when the state is created, and the monthly reports already received (docs/reporting.md).
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"

namespace kalan {

struct ReportingSetup {
  bool simulate = false;        // "activity" present
  int year = 0;                 // the simulated year (before the scenario's start)
  int min_cases = 0, max_cases = 0;  // new cases per structure and month, uniform
  int prefill_through = 0;      // reports already received for months 1..prefill_through
  std::map<std::string, std::vector<int>> missing;  // structure -> months it never sent
  std::vector<std::string> referrals_as_new;        // structures that count referrals received as new cases
};

ReportingSetup parse_reporting_setup(const nlohmann::json* value, const std::string& path, Diagnostics& out);

}  // namespace kalan
