// The exercise commands, declared as a command table (core/command_table.h) like the case and
// reporting commands: a trainee answers a question of an exercise, or asks for one of its hints; the
// trainer starts an exercise (its setup played in one command, so nothing can come in between).
#pragma once
#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command_table.h"

namespace kalan {

struct State;
struct Actor;
struct ApplyResult;

struct ExerciseTable {
  static constexpr const char* kTypes[] = {
      "exercise.answer",  // 0  {exercise, question, answer}
      "exercise.hint",    // 1  {exercise, hint}
      "exercise.start",   // 2  {exercise}
  };
  static constexpr std::size_t kCount = sizeof(kTypes) / sizeof(kTypes[0]);
  static const std::vector<ArgSpec>& args(std::size_t n);
  static ApplyResult apply(State& s, const Actor& a, std::size_t n, const nlohmann::json& args);
};
inline constexpr std::size_t kExerciseCommandCount = ExerciseTable::kCount;

template <std::size_t N>
using ExerciseCommand = TableCommand<ExerciseTable, N>;

}  // namespace kalan
