// An exercise being played: after every submitted command it reads the state and the events, and
// records the tasks achieved, the deadlines missed, the hints shown and the mistakes detected.
// It only observes: the state, the command log and the hash are those of the session without it.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/apply.h"
#include "exercises/condition.h"
#include "exercises/exercise.h"
#include "exercises/view.h"

namespace kalan {

class Session;

struct TaskProgress {
  bool achieved = false;
  SimTime at = 0;
  std::string by;          // the actor whose command completed it
  std::int64_t step = -1;  // that command's place in the run (-1: already true at the start)
  bool late = false;       // achieved after its deadline: no points
  bool missed = false;     // its deadline passed before it was achieved
  SimTime missed_at = 0;
};

struct HintShown {
  std::size_t hint = 0;
  SimTime at = 0;
  std::string by;  // who asked; empty when shown by itself after its delay
};

struct MistakeFound {
  std::size_t mistake = 0;
  SimTime at = 0;
  std::string by;
  std::int64_t step = -1;
};

// An answer given to one of the exercise's questions, judged on the state when it was given.
struct AnswerGiven {
  std::string question;
  nlohmann::json answer, expected;
  bool correct = false;
  SimTime at = 0;
  std::string by;
  std::int64_t step = -1;
};

// One submitted command, for the debrief's timeline.
struct ActionRecord {
  std::int64_t step = 0;
  SimTime at = 0;
  std::string actor;
  std::string type;
  bool ok = true;
  std::string refusal;  // the refusal's code
  std::vector<std::string> refusal_args;
};

class ExerciseRun {
 public:
  // Starts now, in state `s` (after the exercise's setup).
  ExerciseRun(Exercise exercise, const State& s);

  // Reads what a submitted command did; called by the session's observer.
  void observe(const Command& c, const ApplyResult& r, const State& s);
  // Shows a hint asked for by `actor`; false if unknown or already shown.
  bool request_hint(std::size_t hint, const std::string& actor, const State& s);

  const Exercise& exercise() const { return exercise_; }
  SimTime started_at() const { return start_; }
  SimTime now() const { return now_; }
  const std::vector<TaskProgress>& tasks() const { return tasks_; }
  const std::vector<HintShown>& hints_shown() const { return hints_; }
  const std::vector<MistakeFound>& mistakes() const { return mistakes_; }
  const std::vector<ActionRecord>& actions() const { return actions_; }
  const std::vector<RunEvent>& events() const { return events_; }
  const std::vector<AnswerGiven>& answers() const { return answers_; }
  bool hint_shown(std::size_t hint) const;
  bool mistake_found(const std::string& id) const;
  std::size_t achieved_count() const;

  // Weighted tasks achieved in time, minus hint costs and penalties.
  std::int64_t score() const;
  std::int64_t max_score() const;
  // The score of one actor: the tasks their commands completed, the hints they asked, their mistakes.
  std::int64_t score_of(const std::string& actor) const;

  // Progress for a trainee's panel or a trainer's console.
  nlohmann::json progress_json(Lang lang = Lang::fr) const;

 private:
  void evaluate(const State& s, const std::string& actor, std::int64_t step);
  void push_event(SimTime at, std::string type, const std::string& actor, nlohmann::json data);

  Exercise exercise_;
  std::vector<std::string> roots_;  // state sections the conditions read
  StateView view_;
  std::vector<RunEvent> events_;
  std::vector<TaskProgress> tasks_;
  std::vector<HintShown> hints_;
  std::vector<MistakeFound> mistakes_;
  std::vector<bool> mistake_done_;
  std::vector<ActionRecord> actions_;
  std::vector<AnswerGiven> answers_;
  std::size_t answers_seen_ = 0;  // events already read for answers
  SimTime start_ = 0, now_ = 0;
  std::int64_t step_ = 0;
};

// The command that starts an exercise: `exercise.start` by the trainer, carrying the exercise's setup,
// played inside it all or nothing, so that the start and its setup are one entry of a log.
Command start_command(const Exercise& exercise);
// The exercise an `exercise.start` command starts; empty for any other command.
std::string exercise_started_by(const Command& c);

// Starts the exercise on the session (start_command, when it has a setup), then attaches a run that
// observes every later command. A refused setup is reported in `errors` (path /setup/N). The run must outlive the session's use.
std::unique_ptr<ExerciseRun> start_exercise(Session& session, const Exercise& exercise, Diagnostics* errors = nullptr);

}  // namespace kalan
