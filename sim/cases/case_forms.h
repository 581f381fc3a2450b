// The forms a case holds: which forms exist, whether a case may hold several entries of one, and the
// check of the values saved (through the forms engine).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/diag.h"

namespace kalan {

struct State;

struct FormCheck {
  bool ok = true;
  Diagnostic error;  // the first problem, when !ok
  nlohmann::json values;  // normalized values to store
  bool repeatable = false;
};

FormCheck check_case_form(const State& s, const std::string& form, const nlohmann::json& values);

}  // namespace kalan
