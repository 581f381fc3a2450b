// The condition language of exercises: a small JSON query form over the state's JSON view and the
// run's event log, compiled once when the scenario loads so that evaluation after a command is cheap.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "core/time.h"

namespace kalan {

struct State;
class StateView;

// One entry of a run's event log: an event of the core, or a command accepted or refused.
struct RunEvent {
  SimTime at = 0;
  std::string type;      // "case.referral_created", "command.accepted", "command.refused", ...
  std::string actor;     // who submitted the command that caused it
  std::int64_t step = 0;  // index of the submitted command in the run (setup excluded)
  nlohmann::json data;   // the event's data, plus "actor" and "at" (and the command for command.*)
};

// What a condition reads while it is evaluated.
struct ConditionContext {
  const State& state;
  const StateView& view;
  const std::vector<RunEvent>& events;
  SimTime start = 0;                // the exercise's start, for "+2h" times and "within"
};

struct ConditionNode;
struct World;

// How the expected answer to an exercise question is found: a fixed value, or a query over the state
// ({"count": PATH, "where"}, {"sum": PATH, "field", "where"}, {"values": PATH, "field", "where"}).
struct ExpectedAnswer;

// The questions of one exercise, for the "answer" condition.
struct QuestionBook {
  std::string exercise;
  std::map<std::string, std::shared_ptr<const ExpectedAnswer>> questions;
};

// Compiles the "expected" of a question; errors name their JSON path. nullptr when invalid.
std::shared_ptr<const ExpectedAnswer> compile_expected(const nlohmann::json& value, const std::string& path,
                                                       Diagnostics& out);
// The state sections the expected value reads.
const std::vector<std::string>& expected_roots(const ExpectedAnswer& e);
// The expected value in the context's state: a number (count, sum), a sorted list (values) or the fixed value.
nlohmann::json expected_value(const ExpectedAnswer& e, const ConditionContext& ctx);
// Whether an answer gives the expected value: numbers compare as numbers, texts without case or
// accents, lists (or texts separated by commas) as sets; an id of the world may be answered by its name.
bool answer_matches(const nlohmann::json& given, const nlohmann::json& expected, const World& w);

// A compiled condition. Event queries read only the events added since their last evaluation, and
// queries over case records only the records changed since: keep one copy per run, evaluated in order.
class Condition {
 public:
  Condition();
  ~Condition();
  Condition(const Condition& other);
  Condition& operator=(const Condition& other);
  Condition(Condition&&) noexcept;
  Condition& operator=(Condition&&) noexcept;

  bool evaluate(const ConditionContext& ctx);
  // The top-level state sections the condition reads ("cases", "sms", ...), for StateView::refresh.
  const std::vector<std::string>& roots() const { return roots_; }
  bool valid() const { return node_ != nullptr; }

  friend Condition compile_condition(const nlohmann::json& value, const std::string& path, Diagnostics& out,
                                     const QuestionBook* questions);

 private:
  std::unique_ptr<ConditionNode> node_;
  std::vector<std::string> roots_;
};

// Compiles and validates a condition; errors name their JSON path. Invalid conditions are !valid().
// `questions` are the exercise's, for {"answer": QUESTION} (without them that form is an error).
Condition compile_condition(const nlohmann::json& value, const std::string& path, Diagnostics& out,
                            const QuestionBook* questions = nullptr);

// The top-level sections of the state's JSON view (the keys of canonical_state).
const std::vector<std::string>& state_roots();

}  // namespace kalan
