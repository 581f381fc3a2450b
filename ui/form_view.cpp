#include "form_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

using nlohmann::json;
using forms::FieldType;

// Reads the entry being filled for relevance: a sibling in the same repeat row first, then the form.
class DraftResolver : public forms::Resolver {
 public:
  DraftResolver(const json& top, const json* row) : top_(top), row_(row) {}
  forms::Value field(const std::string& name) const override {
    if (row_ && row_->contains(name) && (*row_)[name].is_string()) return forms::Value::string_of((*row_)[name].get<std::string>());
    if (top_.contains(name) && top_[name].is_string()) return forms::Value::string_of(top_[name].get<std::string>());
    return forms::Value::string_of("");
  }

 private:
  const json& top_;
  const json* row_;
};

struct Render {
  App& app;
  const forms::Form& form;
  forms::EvalContext ctx;
  const json& normalized;  // defaults and calculations applied, for relevance
  std::map<std::string, const forms::Issue*> issues;
  bool show_required;
  const AfterField& after;
};

std::string text_of(const json& values, const std::string& name) {
  auto it = values.find(name);
  return it != values.end() && it->is_string() ? it->get<std::string>() : "";
}

bool input(const char* id, std::string& value, ImGuiInputTextFlags flags = 0, const char* hint = "") {
  char buf[1024];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 420.0f));
  if (!ImGui::InputTextWithHint(id, hint, buf, sizeof buf, flags)) return false;
  value = buf;
  return true;
}

void draw_fields(Render& r, const std::vector<int>& list, json& values, const json& norm_row, const json* row,
                 const std::string& prefix);

void draw_choices(Render& r, const forms::Field& f, std::string& value) {
  const Lang lang = language();
  auto list = r.form.choices.find(f.type == FieldType::yes_no || f.type == FieldType::consent ? "yes_no" : f.choices);
  static const std::vector<forms::Choice> yes_no = {{"oui", {"Oui", "Yes"}, {}}, {"non", {"Non", "No"}, {}}};
  const auto& choices = list != r.form.choices.end() ? list->second : yes_no;
  if (f.type == FieldType::select_multiple) {
    std::vector<std::string> picked;
    for (size_t a = 0, b; a < value.size(); a = b + 1) {
      b = value.find(' ', a);
      if (b == std::string::npos) b = value.size();
      if (b > a) picked.push_back(value.substr(a, b - a));
    }
    for (const auto& c : choices) {
      bool on = std::find(picked.begin(), picked.end(), c.name) != picked.end();
      if (ImGui::Checkbox(c.label.in(lang).c_str(), &on)) {
        if (on) picked.push_back(c.name);
        else picked.erase(std::remove(picked.begin(), picked.end(), c.name), picked.end());
        value.clear();
        for (const auto& p : picked) value += (value.empty() ? "" : " ") + p;
      }
    }
    return;
  }
  if (choices.size() <= 3) {
    for (size_t i = 0; i < choices.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      if (ImGui::RadioButton(choices[i].label.in(lang).c_str(), value == choices[i].name)) value = choices[i].name;
    }
    return;
  }
  std::string shown = "—";
  for (const auto& c : choices)
    if (c.name == value) shown = c.label.in(lang);
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 420.0f));
  if (ImGui::BeginCombo("##v", shown.c_str())) {
    if (ImGui::Selectable("—", value.empty())) value.clear();
    for (const auto& c : choices)
      if (ImGui::Selectable(c.label.in(lang).c_str(), c.name == value)) value = c.name;
    ImGui::EndCombo();
  }
}

void draw_repeat(Render& r, const forms::Field& f, json& values, const json& norm_row, const std::string& path) {
  json& rows = values[f.name];
  if (!rows.is_array()) rows = json::array();
  const json* norm_rows = norm_row.contains(f.name) && norm_row[f.name].is_array() ? &norm_row[f.name] : nullptr;
  ImGui::TextUnformatted(f.label.in(language()).c_str());
  ImGui::Indent();
  size_t remove = rows.size();
  for (size_t i = 0; i < rows.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::TextDisabled("%s", trf("form.row", {std::to_string(i + 1)}).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("form.remove_row"))) remove = i;
    const json& nrow = norm_rows && i < norm_rows->size() ? (*norm_rows)[i] : rows[i];
    draw_fields(r, f.children, rows[i], nrow, &nrow, path + "/" + std::to_string(i) + "/");
    ImGui::PopID();
  }
  if (remove < rows.size()) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(remove));
  if (ImGui::Button(tr("form.add_row"))) rows.push_back(json::object());
  ImGui::Unindent();
}

void draw_field(Render& r, int index, json& values, const json& norm_row, const json* row, const std::string& prefix) {
  const forms::Field& f = r.form.fields[static_cast<size_t>(index)];
  // Calculations are hidden helpers unless the form gives them a label: then they show read-only.
  if (f.type == FieldType::calculate && f.label.fr.empty()) return;
  if (f.relevant && !forms::evaluate_boolean(*f.relevant, DraftResolver(r.normalized, row), r.ctx)) return;
  ImGui::PushID(index);
  const Lang lang = language();
  const std::string path = prefix + f.name;
  if (f.type == FieldType::group) {
    if (ImGui::CollapsingHeader(f.label.in(lang).c_str(), ImGuiTreeNodeFlags_DefaultOpen))
      draw_fields(r, f.children, values, norm_row, row, prefix);
  } else if (f.type == FieldType::repeat) {
    draw_repeat(r, f, values, norm_row, path);
  } else if (f.type == FieldType::note) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", f.label.in(lang).c_str());
    ImGui::PopTextWrapPos();
  } else {
    std::string value = text_of(values, f.name);
    const bool required = f.required || f.required_if;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted((f.label.in(lang) + (required ? " *" : "")).c_str());
    if (!f.hint.in(lang).empty()) ImGui::TextDisabled("%s", f.hint.in(lang).c_str());
    ImGui::PopTextWrapPos();
    if (f.read_only || f.type == FieldType::calculate) {
      ImGui::TextUnformatted(text_of(norm_row, f.name).c_str());
    } else if (f.type == FieldType::select_one || f.type == FieldType::select_multiple || f.type == FieldType::yes_no ||
               f.type == FieldType::consent) {
      draw_choices(r, f, value);
    } else if (f.type == FieldType::integer || f.type == FieldType::decimal) {
      input("##v", value, ImGuiInputTextFlags_CharsDecimal);
    } else if (f.type == FieldType::date) {
      input("##v", value, 0, tr("form.date_hint"));
    } else {
      input("##v", value);
    }
    anchor(r.app, "form.field." + path);
    if (value != text_of(values, f.name)) values[f.name] = value;
    auto it = r.issues.find(path);
    if (it != r.issues.end() && (r.show_required || !value.empty()))
      ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", it->second->message.in(lang).c_str());
    if (r.after) r.after(f, norm_row);
  }
  ImGui::PopID();
}

void draw_fields(Render& r, const std::vector<int>& list, json& values, const json& norm_row, const json* row,
                 const std::string& prefix) {
  for (int i : list) draw_field(r, i, values, norm_row, row, prefix);
}

}  // namespace

void draw_form_fields(App& app, const forms::Form& form, const forms::EvalContext& ctx, const forms::Validation& check,
                      json& draft, bool show_required, const AfterField& after) {
  Render r{app, form, ctx, check.values, {}, show_required, after};
  for (const auto& i : check.issues) r.issues.emplace(i.field, &i);
  draw_fields(r, form.top, draft, check.values, nullptr, "");
}

}  // namespace kalan::ui
