#include "cases/case_forms.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/state.h"
#include "forms/builtin_forms.h"

namespace kalan {

namespace {

using nlohmann::json;

struct Library {
  std::map<std::string, json> definitions;
  std::map<std::string, forms::Form> forms;
  Diagnostics errors;
};

// The built-in forms, parsed once: they are part of the program, and a test checks they all load.
const Library& library() {
  static const Library lib = [] {
    Library out;
    for (const Asset* a = builtin_forms(); a->name; ++a) {
      const std::string text(reinterpret_cast<const char*>(a->data), a->size);
      auto j = parse_json_text(text, out.errors, std::string("/") + a->name);
      if (!j) continue;
      auto form = forms::parse_form(*j, std::string("/") + a->name, out.errors);
      if (!form) continue;
      const std::string id = form->id;
      out.definitions.emplace(id, std::move(*j));
      out.forms.emplace(id, std::move(*form));
    }
    return out;
  }();
  return lib;
}

}  // namespace

const forms::Form* case_form(const std::string& id) {
  auto it = library().forms.find(id);
  return it == library().forms.end() ? nullptr : &it->second;
}

const nlohmann::json* case_form_definition(const std::string& id) {
  auto it = library().definitions.find(id);
  return it == library().definitions.end() ? nullptr : &it->second;
}

const Diagnostics& case_form_errors() { return library().errors; }

const std::vector<std::string>& case_form_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& [id, def] : library().forms) out.push_back(id);
    // Steps first (1A..6C), then annexes (A1..B1), then the file's checklist and cover page.
    auto rank = [](const std::string& id) {
      return std::isdigit(static_cast<unsigned char>(id[0])) ? 0 : id.size() == 2 ? 1 : 2;
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return out;
  }();
  return ids;
}

FormCheck check_case_form(const State& s, const std::string& id, const nlohmann::json& values) {
  FormCheck r;
  const forms::Form* form = case_form(id);
  if (!form) {
    r.ok = false;
    r.error = Diagnostic{"", "unknown_ref", {"@form", id}};
    return r;
  }
  forms::EvalContext ctx;
  ctx.now = s.clock.now;
  ctx.seed = s.rng.s[0] ^ static_cast<std::uint64_t>(s.commands_applied);  // uuid(): same run, same value
  forms::Validation v = forms::validate(*form, values, ctx);
  for (const auto& issue : v.issues) {
    if (issue.code == "required") {
      r.missing.push_back(issue.field);
      continue;
    }
    if (r.ok) {
      r.ok = false;
      r.error = Diagnostic{"", "form_invalid", {id, issue.field, bilingual(issue.message.fr, issue.message.en)}};
    }
  }
  r.values = std::move(v.values);
  r.repeatable = form->repeatable;
  return r;
}

}  // namespace kalan
