// Answers given to the questions of exercises (`exercise.answer`): part of the state, so that every
// participant and the debrief see them; the exercise's conditions check them (docs/exercises.md).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace kalan {

struct Answer {
  std::string exercise, question;
  nlohmann::json answer;  // a text, a number, or a list of those
  std::string by;
  SimTime at = 0;
};

struct AnswersState {
  std::vector<Answer> items;  // in the order given; a later answer to a question replaces nothing
};

nlohmann::json answers_to_json(const AnswersState& a);

}  // namespace kalan
