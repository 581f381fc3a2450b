// The forms of a case: the list of forms with their entries, and the form being filled (drawn by the
// shared renderer, form_view.h).
#include <imgui.h>

#include <map>

#include "case_ui.h"
#include "cases/case_forms.h"
#include "form_view.h"
#include "forms/form.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

using nlohmann::json;

// Parsed once: definitions are built into the core and never change while the app runs.
const forms::Form* form_model(const std::string& id) {
  static std::map<std::string, std::optional<forms::Form>> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    const json* def = case_form_definition(id);
    Diagnostics errors;
    it = cache.emplace(id, def ? forms::parse_form(*def, "/forms/" + id, errors) : std::nullopt).first;
  }
  return it->second ? &*it->second : nullptr;
}

void fill(App& app, const CaseRecord& c, const forms::Form& form) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  forms::EvalContext ctx;
  ctx.now = s.clock.now;
  const forms::Validation check = forms::validate(form, v.draft, ctx);
  if (ImGui::Button(tr("form.back"))) {
    v.open_form.clear();
    return;
  }
  ImGui::SameLine();
  // Saving sits at the top: long forms scroll, the button stays in reach.
  if (ImGui::Button(tr("form.save"))) {
    v.show_issues = true;
    if (!check.ok()) {
      v.error_where = "form";
      v.error = trf("form.invalid", {std::to_string(check.issues.size())});
    } else {
      nlohmann::json a = {{"case", c.id}, {"form", form.id}, {"values", check.values}};
      if (!v.open_entry.empty()) a["entry"] = v.open_entry;
      if (case_command(app, "case.form.save", a, "forms", "form.saved")) v.open_form.clear();
    }
  }
  anchor(app, "form.save");
  show_feedback(app, "form");
  show_feedback(app, "forms");
  ImGui::TextUnformatted(form.title.in(language()).c_str());
  if (!form.description.in(language()).empty()) ImGui::TextWrapped("%s", form.description.in(language()).c_str());
  ImGui::Separator();
  // Attachment and signature fields name the case's attachments; a signature drawn here becomes one.
  FormFiles files;
  for (const auto& a : c.attachments)
    if (!a.removed) files.files.push_back({a.id, a.name});
  files.add_signature = [&app, &c](const std::string& name, const std::string& svg) {
    case_command(app, "case.attachment.add",
                 {{"case", c.id}, {"name", name}, {"kind", "document"}, {"mime", "image/svg+xml"}, {"content", base64_encode(svg)}},
                 "form", "case.sent");
  };
  draw_form_fields(app, form, ctx, check, v.draft, v.show_issues, {}, &files);
}

}  // namespace

void draw_case_forms(App& app, const CaseRecord& c) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  if (!v.open_form.empty()) {
    if (const forms::Form* form = form_model(v.open_form)) return fill(app, c, *form);
    v.open_form.clear();
  }
  show_feedback(app, "forms");
  auto open = [&](const std::string& id, const FormEntry* entry) {
    v.open_form = id;
    v.open_entry = entry ? entry->id : "";
    v.draft = entry ? entry->values : json::object();
    v.show_issues = false;
    if (v.error_where == "form") v.error.clear();
  };
  for (const auto& id : case_form_ids()) {
    const forms::Form* form = form_model(id);
    if (!form) continue;
    ImGui::PushID(id.c_str());
    std::vector<const FormEntry*> entries;
    for (const auto& e : c.forms)
      if (e.form == id) entries.push_back(&e);
    if (ImGui::Button(entries.empty() || form->repeatable ? tr("form.new") : tr("form.edit")))
      open(id, entries.empty() || form->repeatable ? nullptr : entries.back());
    anchor(app, "case.form." + id);
    ImGui::SameLine();
    ImGui::TextUnformatted(form->title.in(language()).c_str());
    for (const FormEntry* e : entries) {
      ImGui::Indent();
      ImGui::PushID(e->id.c_str());
      if (ImGui::SmallButton(e->id.c_str())) open(id, e);
      ImGui::SameLine();
      ImGui::TextDisabled("%s", trf("form.entry", {display_name(s, e->saved_by), format_when(e->saved_at),
                                                   std::to_string(e->version)}).c_str());
      ImGui::PopID();
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
}

}  // namespace kalan::ui
