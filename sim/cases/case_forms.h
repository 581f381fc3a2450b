// The forms a case holds: the harmonized forms built into the core, whether a case may hold several
// entries of one, and the check of the values saved.
#pragma once
#include <string>
#include <vector>

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

// The definition of a built-in form (docs/forms-format.md), or nullptr.
const nlohmann::json* case_form_definition(const std::string& id);
// Ids of the built-in forms, in the order of the six steps (1A ... 6C, A1 ..., B1, checklist, cover).
const std::vector<std::string>& case_form_ids();

}  // namespace kalan
