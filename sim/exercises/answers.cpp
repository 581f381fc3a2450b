#include "exercises/answers.h"

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

}  // namespace

const std::vector<ArgSpec>& ExerciseTable::args(std::size_t n) { return table().at(n); }

ApplyResult ExerciseTable::apply(State& s, const Actor& a, std::size_t n, const json& args) {
  if (n == 0) return answer(s, a, args);
  if (n == 1) return hint(s, a, args);
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
