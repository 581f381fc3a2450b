#include "exercises/answers.h"

#include <algorithm>

#include "core/apply.h"
#include "core/args.h"
#include "core/state.h"
#include "exercises/commands.h"

namespace kalan {

using nlohmann::json;

namespace {

const std::vector<std::vector<ArgSpec>>& table() {
  static const std::vector<std::vector<ArgSpec>> t = {
      // exercise.answer
      {{"exercise", ArgKind::id, true}, {"question", ArgKind::id, true}, {"answer", ArgKind::answer, true}},
      // exercise.hint
      {{"exercise", ArgKind::id, true}, {"hint", ArgKind::integer, true, {}, "", 0, 999}},
      // exercise.start
      {{"exercise", ArgKind::id, true}, {"setup", ArgKind::commands, false}},
  };
  return t;
}

// Anyone taking part may answer; the answer is recorded as given. Whether it is right is for the
// exercise's conditions to say (the core does not know the scenario's exercises).
ApplyResult answer(State& s, const Actor& a, const json& args) {
  Answer ans{string_arg(args, "exercise"), string_arg(args, "question"), args.at("answer"), a.id, s.clock.now};
  s.answers.items.push_back(ans);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "exercise.answered",
         [&] { return json{{"exercise", ans.exercise}, {"question", ans.question}, {"answer", ans.answer}}; });
  return r;
}

// A hint asked for: nothing changes in the state; the command in the log tells every copy of the
// session (a room's pages, the debrief) who asked for which hint, and the exercise's run charges it.
ApplyResult hint(State& s, const Actor& a, const json& args) {
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "exercise.hint_requested",
         [&] { return json{{"exercise", string_arg(args, "exercise")}, {"hint", args.at("hint")}}; });
  return r;
}

// The trainer (or the timeline) starts an exercise, its setup carried by the command and played inside
// it, all of it or nothing. The start is thus one entry of the log, its setup with it: nothing (a room's
// running clock, another trainee) can come in between, and every copy of the session starts following
// the exercise right after it (sim/exercises/board.h).
ApplyResult start(State& s, const Actor& a, const json& args) {
  if (a.kind == Actor::Kind::user) return forbidden(a, "exercise.start");
  const std::string id = string_arg(args, "exercise");
  if (std::find(s.exercises_started.begin(), s.exercises_started.end(), id) != s.exercises_started.end())
    return ApplyResult::refuse("exercise_already_started", {id});
  std::vector<Command> setup;
  for (const json& c : args.value("setup", json::array())) {
    Diagnostics ignored;  // read when the command was
    if (auto cmd = parse_command(c, "", ignored)) setup.push_back(std::move(*cmd));
  }
  State before = s;  // a refused setup command undoes the whole start
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "exercise.started", [&] { return json{{"exercise", id}}; });
  for (size_t i = 0; i < setup.size(); ++i) {
    ApplyResult step = kalan::apply(s, setup[i], a.record_events);
    if (!step.ok) {
      s = std::move(before);
      return ApplyResult::refuse("exercise_setup_refused", {id, std::to_string(i), command_type(setup[i]),
                                                            render_message(step.error.code, step.error.args)});
    }
    for (auto& e : step.events) r.events.push_back(std::move(e));
  }
  s.exercises_started.push_back(id);
  return r;
}

}  // namespace

const std::vector<ArgSpec>& ExerciseTable::args(std::size_t n) { return table().at(n); }

ApplyResult ExerciseTable::apply(State& s, const Actor& a, std::size_t n, const json& args) {
  if (n == 0) return answer(s, a, args);
  if (n == 1) return hint(s, a, args);
  if (n == 2) return start(s, a, args);
  return ApplyResult::refuse("command_refused", {"?", std::to_string(n)});
}

json answers_to_json(const AnswersState& a) {
  json items = json::array();
  for (const auto& x : a.items)
    items.push_back({{"exercise", x.exercise}, {"question", x.question}, {"answer", x.answer}, {"by", x.by},
                     {"at", format_iso_time(x.at)}});
  return {{"items", std::move(items)}};
}

}  // namespace kalan
