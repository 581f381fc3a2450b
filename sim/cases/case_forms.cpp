#include "cases/case_forms.h"

#include <algorithm>
#include <vector>

#include "core/state.h"

namespace kalan {

namespace {

const std::vector<std::string>& harmonized_forms() {
  static const std::vector<std::string> ids = {"1A", "1B", "1C", "1D", "1E", "2A", "3A", "3B", "4A", "4B",
                                               "4C", "4D", "4E", "5A", "5B", "5C", "6A", "6B", "6C", "A1",
                                               "A2", "A3", "B1", "checklist", "cover"};
  return ids;
}

bool repeatable_form(const std::string& id) {
  return id == "3B" || id == "4A" || id == "5A" || id == "5B" || id == "5C";
}

// Values are strings (XForms); a repeat is a list of objects of strings.
bool check_shape(const nlohmann::json& values, const std::string& form, Diagnostic& error, int depth = 0) {
  for (auto it = values.begin(); it != values.end(); ++it) {
    if (it->is_string()) continue;
    if (depth == 0 && it->is_array() &&
        std::all_of(it->begin(), it->end(), [&](const nlohmann::json& row) {
          return row.is_object() && check_shape(row, form, error, 1);
        }))
      continue;
    error = Diagnostic{"", "form_invalid", {form, it.key(), "valeur texte attendue"}};
    return false;
  }
  return true;
}

}  // namespace

FormCheck check_case_form(const State& s, const std::string& form, const nlohmann::json& values) {
  (void)s;
  FormCheck r;
  const auto& ids = harmonized_forms();
  if (std::find(ids.begin(), ids.end(), form) == ids.end()) {
    r.ok = false;
    r.error = Diagnostic{"", "unknown_ref", {"@form", form}};
    return r;
  }
  if (!check_shape(values, form, r.error)) {
    r.ok = false;
    return r;
  }
  r.values = values;
  r.repeatable = repeatable_form(form);
  return r;
}

}  // namespace kalan
