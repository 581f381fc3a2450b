// Exercises: what a trainee should achieve in a scenario, the hints, the common mistakes to detect,
// a reference solution and, for each mistake, a scripted wrong run that must trigger it.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command.h"
#include "core/diag.h"
#include "exercises/condition.h"
#include "forms/form.h"

namespace kalan {

struct World;

// A text in French, with English when the author gave it (the forms' bilingual text).
using forms::Text;

// A role the exercise needs, bound to a user of the scenario (e.g. "gestionnaire" → fkansaye).
struct RoleSlot {
  std::string slot;
  std::string role;
  std::string user;
};

struct ExerciseTask {
  std::string id;
  Text title;
  Condition condition;
  std::optional<std::int64_t> deadline;  // seconds after the start
  std::int64_t weight = 1;
};

struct ExerciseHint {
  std::string task;  // the task it helps with
  Text text;
  std::optional<std::int64_t> after;  // shown by itself this long after the start; else on request
  std::int64_t cost = 0;
};

// A question the trainee answers with `exercise.answer`; the expected answer is fixed or computed
// from the state when the answer is given (condition {"answer": ID}).
struct ExerciseQuestion {
  std::string id;
  Text text;
  nlohmann::json expected_json;  // as written
  std::shared_ptr<const ExpectedAnswer> expected;
};

struct ExerciseMistake {
  std::string id;
  Text title;
  Condition condition;
  Text explanation;
  std::int64_t penalty = 0;
};

struct Exercise {
  std::string id;
  Text title;
  std::string module;
  std::vector<std::string> objectives;
  std::vector<RoleSlot> roles;
  std::vector<ExerciseQuestion> questions;
  std::vector<Command> setup;  // run when the exercise starts, before the trainee acts
  std::vector<ExerciseTask> tasks;
  std::vector<ExerciseHint> hints;
  std::vector<ExerciseMistake> mistakes;
  std::vector<Command> reference_solution;
  std::map<std::string, std::vector<Command>> wrong_runs;  // by mistake id

  const ExerciseTask* find_task(const std::string& id) const;
  const ExerciseQuestion* find_question(const std::string& id) const;
};

// Reads the scenario's "exercises"; every error carries its JSON path.
std::vector<Exercise> parse_exercises(const nlohmann::json* list, const std::string& path, const World& world,
                                      Diagnostics& out);
const Exercise* find_exercise(const std::vector<Exercise>& list, const std::string& id);

}  // namespace kalan
