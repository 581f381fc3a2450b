#include "core/apply.h"

#include <exception>

namespace kalan {

bool Actor::may(std::initializer_list<const char*> roles) const {
  if (kind != Kind::user) return true;
  for (const char* r : roles)
    if (user->role == r) return true;
  return false;
}

std::string Actor::role() const {
  switch (kind) {
    case Kind::system: return kSystem;
    case Kind::trainer: return kTrainer;
    default: return user->role;
  }
}

ApplyResult forbidden(const Actor& actor, const char* command_type) {
  return ApplyResult::refuse("forbidden", {command_type, actor.role()});
}

ApplyResult apply(State& state, const Command& command, bool record_events) {
  Actor actor;
  actor.record_events = record_events;
  actor.id = command.actor;
  if (command.actor == kSystem) {
    actor.kind = Actor::Kind::system;
  } else if (command.actor == kTrainer) {
    actor.kind = Actor::Kind::trainer;
  } else {
    actor.kind = Actor::Kind::user;
    actor.user = state.world.find_user(command.actor);
    if (!actor.user) return ApplyResult::refuse("unknown_actor", {command.actor});
    if (!actor.user->active) return ApplyResult::refuse("inactive_actor", {command.actor});
  }
  try {
    ApplyResult r = std::visit([&](const auto& body) { return apply_command(state, actor, body); }, command.body);
    if (r.ok) ++state.commands_applied;
    return r;
  } catch (const std::exception& e) {
    // Handlers validate before they mutate; this only keeps an exception from escaping the core.
    return ApplyResult::refuse("command_refused", {"?", e.what()});
  }
}

}  // namespace kalan
