// The one path for every change: apply a command to the state, or refuse it and change nothing.
#pragma once
#include "core/command.h"
#include "core/event.h"
#include "core/state.h"

namespace kalan {

// Who is acting, resolved against the world.
struct Actor {
  enum class Kind { system, trainer, user } kind = Kind::system;
  std::string id;
  const User* user = nullptr;
  bool record_events = true;  // false while replaying a log, when only the state matters

  // True for the trainer, the system, or a user whose role is in `roles`.
  bool may(std::initializer_list<const char*> roles) const;
  std::string role() const;
};

// Applies one command. On refusal, returns ok=false and leaves `state` exactly as it was.
// With record_events=false the state changes identically but no event is built (fast replay).
ApplyResult apply(State& state, const Command& command, bool record_events = true);

// Refusal for an actor whose role may not do `command_type`.
ApplyResult forbidden(const Actor& actor, const char* command_type);

// Per-system handlers, called by apply() once the actor is resolved.
ApplyResult apply_command(State& s, const Actor& a, const ClockAdvance& c);
ApplyResult apply_command(State& s, const Actor& a, const ClockAdvanceTo& c);
ApplyResult apply_command(State& s, const Actor& a, const ClockNext& c);
ApplyResult apply_command(State& s, const Actor& a, const SendMessage& c);
ApplyResult apply_command(State& s, const Actor& a, const ReceiveSms& c);
ApplyResult apply_command(State& s, const Actor& a, const FireSmsTimeout& c);
ApplyResult apply_command(State& s, const Actor& a, const ReportCase& c);
// The commands of a table (case management, reporting): Table::apply runs the N-th row.
template <class Table, std::size_t N>
ApplyResult apply_command(State& s, const Actor& a, const TableCommand<Table, N>& c) {
  return Table::apply(s, a, N, c.args);
}

}  // namespace kalan
