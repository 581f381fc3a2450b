// Every exercise of a shared session (a workshop room): the trainer's console and each trainee's page
// follow the same log, so each copy computes the same progress for every participant.
// An exercise without setup starts with the session; one with a setup starts right after the
// `exercise.start` command that played its setup (start_command), as replay_exercise does.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exercises/run.h"

namespace kalan {

class Session;

// What one trainee (an actor), a pair (a whole run) or a room (several runs) achieved.
struct ProgressSummary {
  std::string actor;  // "*" for a pair or a room
  std::size_t tasks_done = 0, tasks_total = 0;
  std::int64_t score = 0, max_score = 0;
  std::size_t mistakes = 0, hints = 0;

  ProgressSummary& operator+=(const ProgressSummary& o);
  nlohmann::json to_json() const;
};

// One actor's part of a run ("*": the whole pair): the tasks their commands completed, their score
// (ExerciseRun::score_of), the mistakes their commands made and the hints they asked for.
ProgressSummary summarize(const ExerciseRun& run, const std::string& actor = "*");
// Every actor of a run, in the order they first appear: the users of the exercise's roles, then
// whoever acted or asked for a hint (the system's own commands aside).
std::vector<ProgressSummary> actor_progress(const ExerciseRun& run);

class ExerciseBoard {
 public:
  // Follows `exercises` in a session now in state `s` (its start).
  ExerciseBoard(const std::vector<Exercise>& exercises, const State& s);

  // Reads what a submitted command did; called by the session's observer.
  void observe(const Command& c, const ApplyResult& r, const State& s);

  // The runs started so far, in the order they started.
  const std::vector<std::unique_ptr<ExerciseRun>>& runs() const { return runs_; }
  std::vector<const ExerciseRun*> run_list() const;
  const ExerciseRun* find(const std::string& exercise) const;
  const std::vector<Exercise>& exercises() const { return exercises_; }

  // The progress of everyone: per run its pair and its actors, and the room's total.
  nlohmann::json progress_json(Lang lang = Lang::fr) const;

 private:
  void start(std::size_t exercise, const State& s);

  std::vector<Exercise> exercises_;
  std::vector<bool> started_;
  std::vector<std::unique_ptr<ExerciseRun>> runs_;
};

// Makes `board` the session's observer (it must outlive the session's use).
void watch_exercises(Session& session, ExerciseBoard& board);

}  // namespace kalan
