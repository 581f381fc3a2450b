// The simulation state: plain data, changed only by apply().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cases/cases.h"
#include "core/command.h"
#include "core/rng.h"
#include "core/time.h"
#include "exercises/answers.h"
#include "messages/messages.h"
#include "reporting/reporting.h"
#include "sms/sms.h"
#include "world/world.h"

namespace kalan {

struct Scenario;

// A scripted event waiting for the clock to reach it.
struct ScheduledEntry {
  SimTime at = 0;
  std::int64_t seq = 0;  // order among entries due at the same time
  std::string label;
  Command command;
};

struct ClockState {
  SimTime start = 0;
  SimTime now = 0;
};

struct State {
  World world;
  ClockState clock;
  Rng rng;
  std::vector<ScheduledEntry> schedule;  // sorted by (at, seq)
  size_t schedule_cursor = 0;            // entries before it have fired
  std::int64_t commands_applied = 0;
  MessagesState messages;
  SmsState sms;
  CasesState cases;
  ReportingState reporting;
  AnswersState answers;  // answers to exercise questions
  std::vector<std::string> exercises_started;  // by `exercise.start`, in order (hashed once one is)

  // The next entry still to fire, or nullptr.
  const ScheduledEntry* next_scheduled() const {
    return schedule_cursor < schedule.size() ? &schedule[schedule_cursor] : nullptr;
  }
};

// The state at the start of a scenario.
State initial_state(const Scenario& scenario);
// The canonical JSON form: sorted keys, integers only; what the hash covers.
nlohmann::json canonical_state(const State& s);
// Stable 64-bit hash of canonical_state().
std::uint64_t state_hash(const State& s);

}  // namespace kalan
