#include "form_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "forms/choices.h"
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
  const FormFiles* files;
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

void draw_choices(Render& r, const forms::Field& f, std::string& value, const json* row) {
  const Lang lang = language();
  const std::vector<const forms::Choice*> choices = forms::offered_choices(r.form, f, DraftResolver(r.normalized, row), r.ctx);
  auto offered = [&](const std::string& name) {
    return std::any_of(choices.begin(), choices.end(), [&](const forms::Choice* c) { return c->name == name; });
  };
  if (f.type == FieldType::select_multiple) {
    std::vector<std::string> picked;
    for (size_t a = 0, b; a < value.size(); a = b + 1) {
      b = value.find(' ', a);
      if (b == std::string::npos) b = value.size();
      if (b > a) picked.push_back(value.substr(a, b - a));
    }
    // An answer the filter no longer offers (the region changed) is dropped, as ODK Collect does.
    const size_t before = picked.size();
    picked.erase(std::remove_if(picked.begin(), picked.end(), [&](const std::string& p) { return !offered(p); }), picked.end());
    bool changed = picked.size() != before;
    for (const forms::Choice* c : choices) {
      bool on = std::find(picked.begin(), picked.end(), c->name) != picked.end();
      if (ImGui::Checkbox(c->label.in(lang).c_str(), &on)) {
        if (on) picked.push_back(c->name);
        else picked.erase(std::remove(picked.begin(), picked.end(), c->name), picked.end());
        changed = true;
      }
    }
    if (changed) {
      value.clear();
      for (const auto& p : picked) value += (value.empty() ? "" : " ") + p;
    }
    return;
  }
  if (!value.empty() && !offered(value)) value.clear();
  if (choices.size() <= 3) {
    for (size_t i = 0; i < choices.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      if (ImGui::RadioButton(choices[i]->label.in(lang).c_str(), value == choices[i]->name)) value = choices[i]->name;
    }
    return;
  }
  std::string shown = "—";
  for (const forms::Choice* c : choices)
    if (c->name == value) shown = c->label.in(lang);
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 420.0f));
  if (ImGui::BeginCombo("##v", shown.c_str())) {
    if (ImGui::Selectable("—", value.empty())) value.clear();
    for (const forms::Choice* c : choices)
      if (ImGui::Selectable(c->label.in(lang).c_str(), c->name == value)) value = c->name;
    ImGui::EndCombo();
  }
}

// A signature drawn with a finger or the mouse, kept between frames per field until it is stored.
struct SignaturePad {
  std::vector<std::vector<ImVec2>> strokes;  // points in 0..1 of the pad
  bool drawing = false;
  std::string saving;  // the attachment name sent, until the record holds it
};

std::map<std::string, SignaturePad>& pads() {
  static std::map<std::string, SignaturePad> p;
  return p;
}

// The strokes as an SVG image of the pad's proportions.
std::string signature_svg(const SignaturePad& pad) {
  constexpr float kW = 400, kH = 150;
  std::string d;
  char buf[48];
  for (const auto& stroke : pad.strokes)
    for (size_t i = 0; i < stroke.size(); ++i) {
      std::snprintf(buf, sizeof buf, "%s%.1f %.1f ", i == 0 ? "M" : "L", stroke[i].x * kW, stroke[i].y * kH);
      d += buf;
    }
  if (!d.empty()) d.pop_back();
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 150\" width=\"400\" height=\"150\">"
         "<path d=\"" + d + "\" fill=\"none\" stroke=\"#1a237e\" stroke-width=\"3\" stroke-linecap=\"round\" "
         "stroke-linejoin=\"round\"/></svg>";
}

// The pad: a press-and-drag draws a stroke.
void draw_pad(App& app, SignaturePad& pad, const std::string& path) {
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  const ImVec2 size(width, width * 150.0f / 400.0f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##pad", size);
  anchor(app, "form.sign_pad." + path);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(255, 255, 255, 255));
  dl->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(120, 120, 120, 255));
  dl->AddLine(ImVec2(at.x + size.x * 0.08f, at.y + size.y * 0.8f), ImVec2(at.x + size.x * 0.92f, at.y + size.y * 0.8f),
              IM_COL32(200, 200, 200, 255));
  if (ImGui::IsItemActive()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const ImVec2 p(std::clamp((m.x - at.x) / size.x, 0.0f, 1.0f), std::clamp((m.y - at.y) / size.y, 0.0f, 1.0f));
    if (!pad.drawing) pad.strokes.emplace_back();
    pad.drawing = true;
    auto& stroke = pad.strokes.back();
    if (stroke.empty() || std::abs(stroke.back().x - p.x) + std::abs(stroke.back().y - p.y) > 0.004f) stroke.push_back(p);
  } else {
    pad.drawing = false;
  }
  for (const auto& stroke : pad.strokes) {
    std::vector<ImVec2> points;
    for (const ImVec2& p : stroke) points.emplace_back(at.x + p.x * size.x, at.y + p.y * size.y);
    if (points.size() == 1) dl->AddCircleFilled(points[0], 2.0f, IM_COL32(26, 35, 126, 255));
    else dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(26, 35, 126, 255), 0, 3.0f);
  }
}

// An attachment or signature field: its value is the id of one of the record's attachments.
void draw_file_field(Render& r, const forms::Field& f, const std::string& path, std::string& value) {
  const FormFiles& files = *r.files;
  std::string shown = tr("form.no_file");
  for (const auto& file : files.files)
    if (file.id == value) shown = file.name + " (" + file.id + ")";
  if (f.type == FieldType::signature && files.add_signature) {
    SignaturePad& pad = pads()[path];
    if (!pad.saving.empty()) {
      // The signature was sent: the field names it once the record holds it.
      for (const auto& file : files.files)
        if (file.name == pad.saving) {
          value = file.id;
          pad = SignaturePad{};
        }
      if (!pad.saving.empty()) ImGui::TextDisabled("%s", tr("form.sign_saving"));
      return;
    }
    if (!value.empty()) {
      ImGui::TextUnformatted(trf("form.signed", {shown}).c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("form.sign_again"))) value.clear();
      anchor(r.app, "form.sign_again." + path);
      return;
    }
    ImGui::TextDisabled("%s", tr("form.sign_here"));
    draw_pad(r.app, pad, path);
    if (ImGui::Button(tr("form.sign_clear"))) pad.strokes.clear();
    ImGui::SameLine();
    ImGui::BeginDisabled(pad.strokes.empty());
    if (ImGui::Button(tr("form.sign_save"))) {
      pad.saving = "signature-" + f.name + "-" + std::to_string(files.files.size() + 1) + ".svg";
      files.add_signature(pad.saving, signature_svg(pad));
    }
    ImGui::EndDisabled();
    anchor(r.app, "form.sign_save." + path);
    return;
  }
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 420.0f));
  if (ImGui::BeginCombo("##v", shown.c_str())) {
    if (ImGui::Selectable(tr("form.no_file"), value.empty())) value.clear();
    for (const auto& file : files.files)
      if (ImGui::Selectable((file.name + " (" + file.id + ")").c_str(), file.id == value)) value = file.id;
    ImGui::EndCombo();
  }
  if (files.files.empty()) ImGui::TextDisabled("%s", tr("form.file_hint"));
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
      draw_choices(r, f, value, row);
    } else if ((f.type == FieldType::attachment || f.type == FieldType::signature) && r.files) {
      draw_file_field(r, f, path, value);
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
                      json& draft, bool show_required, const AfterField& after, const FormFiles* files) {
  Render r{app, form, ctx, check.values, {}, show_required, after, files};
  for (const auto& i : check.issues) r.issues.emplace(i.field, &i);
  draw_fields(r, form.top, draft, check.values, nullptr, "");
}

}  // namespace kalan::ui
