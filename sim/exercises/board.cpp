#include "exercises/board.h"

#include <algorithm>

#include "core/state.h"
#include "session/session.h"

namespace kalan {

using nlohmann::json;

ProgressSummary& ProgressSummary::operator+=(const ProgressSummary& o) {
  tasks_done += o.tasks_done;
  tasks_total += o.tasks_total;
  score += o.score;
  max_score += o.max_score;
  mistakes += o.mistakes;
  hints += o.hints;
  return *this;
}

json ProgressSummary::to_json() const {
  return {{"actor", actor}, {"tasks_done", tasks_done}, {"tasks_total", tasks_total}, {"score", score},
          {"max_score", max_score}, {"mistakes", mistakes}, {"hints", hints}};
}

ProgressSummary summarize(const ExerciseRun& run, const std::string& actor) {
  const bool all = actor == "*";
  ProgressSummary p;
  p.actor = actor;
  p.tasks_total = run.tasks().size();
  for (const auto& t : run.tasks())
    if (t.achieved && (all || t.by == actor)) ++p.tasks_done;
  p.score = run.score_of(actor);
  p.max_score = run.max_score();
  for (const auto& m : run.mistakes())
    if (all || m.by == actor) ++p.mistakes;
  for (const auto& h : run.hints_shown())
    if (all || h.by == actor) ++p.hints;
  return p;
}

std::vector<ProgressSummary> actor_progress(const ExerciseRun& run) {
  std::vector<std::string> actors;
  auto add = [&actors](const std::string& a) {
    if (!a.empty() && a != kSystem && std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
  };
  for (const auto& r : run.exercise().roles) add(r.user);
  for (const auto& a : run.actions()) add(a.actor);
  for (const auto& h : run.hints_shown()) add(h.by);
  std::vector<ProgressSummary> out;
  for (const auto& a : actors) out.push_back(summarize(run, a));
  return out;
}

ExerciseBoard::ExerciseBoard(const std::vector<Exercise>& exercises, const State& s)
    : exercises_(exercises), started_(exercises.size(), false) {
  for (size_t i = 0; i < exercises_.size(); ++i)
    if (exercises_[i].setup.empty()) start(i, s);
}

void ExerciseBoard::start(std::size_t exercise, const State& s) {
  started_[exercise] = true;
  runs_.push_back(std::make_unique<ExerciseRun>(exercises_[exercise], s));
}

void ExerciseBoard::observe(const Command& c, const ApplyResult& r, const State& s) {
  for (auto& run : runs_) run->observe(c, r, s);
  const std::string started = r.ok ? exercise_started_by(c) : std::string();
  for (size_t i = 0; i < exercises_.size() && !started.empty(); ++i)
    if (!started_[i] && exercises_[i].id == started) start(i, s);
}

std::vector<const ExerciseRun*> ExerciseBoard::run_list() const {
  std::vector<const ExerciseRun*> out;
  for (const auto& r : runs_) out.push_back(r.get());
  return out;
}

const ExerciseRun* ExerciseBoard::find(const std::string& exercise) const {
  for (const auto& r : runs_)
    if (r->exercise().id == exercise) return r.get();
  return nullptr;
}

json ExerciseBoard::progress_json(Lang lang) const {
  json runs = json::array();
  ProgressSummary room;
  room.actor = "*";
  for (const auto& r : runs_) {
    const ProgressSummary pair = summarize(*r);
    room += pair;
    json actors = json::array();
    for (const auto& a : actor_progress(*r)) actors.push_back(a.to_json());
    runs.push_back({{"exercise", r->exercise().id}, {"title", r->exercise().title.in(lang)},
                    {"started_at", format_iso_time(r->started_at())}, {"pair", pair.to_json()},
                    {"actors", std::move(actors)}});
  }
  json waiting = json::array();
  for (size_t i = 0; i < exercises_.size(); ++i)
    if (!started_[i]) waiting.push_back(exercises_[i].id);
  return {{"runs", std::move(runs)}, {"room", room.to_json()}, {"not_started", std::move(waiting)}};
}

void watch_exercises(Session& session, ExerciseBoard& board) {
  ExerciseBoard* b = &board;
  session.set_observer([b](const Command& c, const ApplyResult& r, const State& s) { b->observe(c, r, s); });
}

}  // namespace kalan
