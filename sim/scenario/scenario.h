// Scenarios: versioned JSON that sets up a world, a clock and a timeline of scripted events.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cases/cases.h"
#include "core/command.h"
#include "core/diag.h"
#include "core/time.h"
#include "reporting/setup.h"
#include "exercises/exercise.h"
#include "sms/sms.h"
#include "world/world.h"

namespace kalan {

inline constexpr const char* kScenarioFormat = "kalan-scenario";
inline constexpr int kScenarioVersion = 1;

struct ScenarioMeta {
  std::string title;
  std::string language = "fr";
  std::string description;
  std::vector<std::string> objectives;
};

// A scripted event: at a sim time, a command runs as the system (or a named actor).
struct TimelineEntry {
  SimTime at = 0;
  std::string label;
  Command command;
};

struct Scenario {
  int version = kScenarioVersion;
  ScenarioMeta meta;
  SimTime start = 0;
  std::uint64_t seed = 1;
  SmsSettings sms;
  CasePolicy case_policy;
  ReportingSetup reporting;  // a simulated year of activity and reports already received
  World world;
  std::vector<TimelineEntry> timeline;
  std::vector<Exercise> exercises;
  nlohmann::json source;  // the scenario exactly as loaded, kept for sessions and exports
};

struct ScenarioLoad {
  std::optional<Scenario> scenario;  // set only when there is no error
  Diagnostics errors;                // every error found, each with its JSON path
};

// Validates and reads a scenario from parsed JSON. Never throws.
ScenarioLoad load_scenario(const nlohmann::json& value);
// Same from JSON text; syntax errors are reported with line and column.
ScenarioLoad load_scenario_text(const std::string& text);

}  // namespace kalan
