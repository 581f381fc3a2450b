// Commands: the closed set of everything that can change the simulation, each with a JSON form.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "cases/cases.h"
#include "cases/commands.h"
#include "clock/clock.h"
#include "core/diag.h"
#include "exercises/commands.h"
#include "messages/messages.h"
#include "reporting/commands.h"
#include "sms/sms.h"

namespace kalan {

struct World;

template <class... Bodies, std::size_t... C, std::size_t... R, std::size_t... E>
std::variant<Bodies..., CaseCommand<C>..., ReportingCommand<R>..., ExerciseCommand<E>...> command_variant(
    std::index_sequence<C...>, std::index_sequence<R...>, std::index_sequence<E...>);

// Every command: the systems' own, then the tables of case management (sim/cases/commands.h),
// monthly reporting (sim/reporting/commands.h) and exercises (sim/exercises/commands.h).
using CommandBody = decltype(command_variant<ClockAdvance, ClockAdvanceTo, ClockNext, SendMessage, ReceiveSms,
                                             FireSmsTimeout, ReportCase>(
    std::make_index_sequence<kCaseCommandCount>{}, std::make_index_sequence<kReportingCommandCount>{},
    std::make_index_sequence<kExerciseCommandCount>{}));

// Who acts: "trainer", "system", or the id of a user of the scenario.
inline const char* kTrainer = "trainer";
inline const char* kSystem = "system";

struct Command {
  std::string actor = kSystem;
  std::string key;  // idempotency key chosen by the client; never part of the state
  CommandBody body;
};

// The "type" of a command, e.g. "clock.advance".
const char* command_type(const Command& c);
// Every known command type, for messages and documentation.
const std::vector<std::string>& command_types();

// Reads a command from JSON. With `scheduled`, the actor is optional ("system") as in a timeline.
std::optional<Command> parse_command(const nlohmann::json& value, const std::string& path, Diagnostics& out,
                                     bool scheduled = false);
// Checks that the ids a command names exist in the world.
void check_command_refs(const Command& c, const World& w, const std::string& path, Diagnostics& out);
// The JSON form of a command; parse_command(command_to_json(c)) gives c back.
nlohmann::json command_to_json(const Command& c);

}  // namespace kalan
