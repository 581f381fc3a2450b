#include "cases/case_forms.h"

#include <algorithm>
#include <map>

#include "core/state.h"
#include "forms/builtin_forms.h"

namespace kalan {

namespace {

using nlohmann::json;

// The built-in forms, parsed once: they are part of the program, checked by the forms tests.
const std::map<std::string, json>& library() {
  static const std::map<std::string, json> forms = [] {
    std::map<std::string, json> out;
    for (const Asset* a = builtin_forms(); a->name; ++a) {
      json j = json::parse(reinterpret_cast<const char*>(a->data), reinterpret_cast<const char*>(a->data) + a->size,
                           nullptr, false);
      if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) continue;
      const std::string id = j["id"].get<std::string>();
      out.emplace(id, std::move(j));
    }
    return out;
  }();
  return forms;
}

// Names of every field of a definition (groups and repeats included), with their repeat if any.
void collect_fields(const json& fields, std::map<std::string, const json*>& out) {
  for (const auto& f : fields) {
    out[f.value("name", "")] = &f;
    if (f.contains("fields")) collect_fields(f["fields"], out);
  }
}

// Values are strings (XForms); a repeat is a list of objects of strings; every name is a field.
bool check_values(const json& values, const std::string& form, const std::map<std::string, const json*>& fields,
                  Diagnostic& error, bool in_repeat = false) {
  for (auto it = values.begin(); it != values.end(); ++it) {
    auto f = fields.find(it.key());
    if (f == fields.end()) {
      error = Diagnostic{"", "form_invalid", {form, it.key(), "champ inconnu"}};
      return false;
    }
    const bool repeat = f->second->value("type", "") == "repeat";
    if (it->is_string() && !repeat) continue;
    if (repeat && !in_repeat && it->is_array() &&
        std::all_of(it->begin(), it->end(), [&](const json& row) {
          return row.is_object() && check_values(row, form, fields, error, true);
        }))
      continue;
    if (error.code.empty()) error = Diagnostic{"", "form_invalid", {form, it.key(), "valeur texte attendue"}};
    return false;
  }
  return true;
}

}  // namespace

const nlohmann::json* case_form_definition(const std::string& id) {
  auto it = library().find(id);
  return it == library().end() ? nullptr : &it->second;
}

const std::vector<std::string>& case_form_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& [id, def] : library()) out.push_back(id);
    // Steps first (1A..6C), then annexes (A1..B1), then the file's checklist and cover page.
    auto rank = [](const std::string& id) { return std::isdigit(static_cast<unsigned char>(id[0])) ? 0 : id.size() == 2 ? 1 : 2; };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return out;
  }();
  return ids;
}

FormCheck check_case_form(const State& s, const std::string& form, const nlohmann::json& values) {
  (void)s;
  FormCheck r;
  const json* def = case_form_definition(form);
  if (!def) {
    r.ok = false;
    r.error = Diagnostic{"", "unknown_ref", {"@form", form}};
    return r;
  }
  std::map<std::string, const json*> fields;
  if (def->contains("fields")) collect_fields(def->at("fields"), fields);  // pointers into the library
  if (!check_values(values, form, fields, r.error)) {
    r.ok = false;
    return r;
  }
  r.values = values;
  r.repeatable = def->value("repeatable", false);
  return r;
}

}  // namespace kalan
