// Checks an exercise the way `kalan exercise check` does: the reference solution completes every
// task and fires no mistake, doing nothing completes no task, each wrong run fires its mistake.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/diag.h"
#include "exercises/run.h"
#include "scenario/scenario.h"

namespace kalan {

class Session;

// Plays `commands` on a fresh session of the scenario after the exercise's setup; refused commands
// are part of the play (mistake detectors read them). Setup refusals go to `setup_errors`.
std::unique_ptr<ExerciseRun> play_exercise(const Scenario& scenario, const Exercise& exercise,
                                           const std::vector<Command>& commands, Diagnostics* setup_errors = nullptr);

// Replays a saved session with an exercise attached: the commands that repeat the exercise's setup
// at the start of the log are its setup; refused attempts are replayed where they were made.
std::unique_ptr<ExerciseRun> replay_exercise(const Session& saved, const Exercise& exercise);

struct CheckItem {
  std::string exercise;
  std::string what;    // "setup", "reference", "reference_mistakes", "empty", "wrong_run:<mistake>"
  bool ok = false;
  std::string detail;  // what went wrong, in the requested language
};

std::vector<CheckItem> check_exercise(const Scenario& scenario, const Exercise& exercise, Lang lang = Lang::fr);

}  // namespace kalan
