// The forms a case holds: the harmonized forms built into the core, whether a case may hold several
// entries of one, and the check of the values saved, through the forms engine (sim/forms).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "forms/form.h"

namespace kalan {

struct State;

struct FormCheck {
  bool ok = true;
  Diagnostic error;  // the first wrong value, when !ok
  nlohmann::json values;  // normalized: calculates computed, answers of non-relevant questions cleared
  std::vector<std::string> missing;  // required answers still missing: a draft may be saved, not approved
  bool repeatable = false;
};

// Checks an entry of a form at the sim time: a wrong value (type, choice, constraint, unknown field)
// refuses the save; a missing required answer only marks the entry incomplete.
FormCheck check_case_form(const State& s, const std::string& form, const nlohmann::json& values);

// A built-in form, parsed (nullptr if unknown).
const forms::Form* case_form(const std::string& id);
// Its JSON definition (docs/forms-format.md), or nullptr.
const nlohmann::json* case_form_definition(const std::string& id);
// Ids of the built-in forms, in the order of the six steps (1A ... 6C, A1 ..., B1, checklist, cover).
const std::vector<std::string>& case_form_ids();
// Problems of the built-in forms themselves (empty when they all load): for the tests.
const Diagnostics& case_form_errors();

}  // namespace kalan
