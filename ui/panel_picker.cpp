// The scenario picker: built-in scenarios, and a file by path on the desktop.
#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_picker(App& app) {
  ViewState& v = app.view();
  ImGui::TextUnformatted(tr("picker.title"));
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr("picker.builtin"));
  const auto& list = app.builtins();
  // Cards as collapsing sections: readable on a phone, expandable on a laptop.
  for (size_t i = 0; i < list.size(); ++i) {
    ImGui::PushID(static_cast<int>(i) + 1000);
    ImGui::SetNextItemOpen(static_cast<int>(i) == v.picked, ImGuiCond_Once);
    const bool open = ImGui::CollapsingHeader(list[i].title.c_str());
    anchor(app, "picker.card." + std::to_string(i));
    if (open) app.load_builtin(i);  // a scenario is loaded when its card first opens
    const ScenarioEntry& e = list[i];
    if (open) {
      ImGui::Indent();
      if (e.scenario) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(e.description.c_str());
        ImGui::PopTextWrapPos();
        const SimTime start_time = e.scenario->start;
        ImGui::TextDisabled("%s", trf("picker.start_at", {format_when(start_time)}).c_str());
        ImGui::TextDisabled("%s", trf("picker.counts", {std::to_string(e.users), std::to_string(e.services),
                                                         std::to_string(e.events)}).c_str());
        if (!e.objectives.empty()) {
          ImGui::TextUnformatted(tr("picker.objectives"));
          for (const auto& o : e.objectives) ImGui::BulletText("%s", o.c_str());
        }
        const bool start = ImGui::Button(tr("picker.start"));
        anchor(app, "picker.start." + std::to_string(i));
        if (start) app.start(*e.scenario);
      } else {
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", tr("picker.errors"));
        for (const auto& d : e.errors) ImGui::BulletText("%s", render(d, language()).c_str());
      }
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  if (app.platform().can_open_paths) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("picker.open_file"));
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr("picker.open")).x - 24);
    const bool enter = ImGui::InputTextWithHint("##path", tr("picker.path"), v.open_path, sizeof v.open_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(tr("picker.open")) || enter) && v.open_path[0]) {
      auto text = app.platform().read_file(v.open_path);
      if (!text) {
        v.open_errors = {Diagnostic{"", "file_unreadable", {v.open_path}}};
      } else {
        app.open_file(v.open_path, *text);
      }
    }
  }
  if (!v.open_errors.empty() && v.watched.errors.empty()) {  // a watched file's errors have their own panel
    ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", tr("picker.errors"));
    ImGui::PushTextWrapPos(0);
    for (const auto& d : v.open_errors) ImGui::BulletText("%s", render(d, language()).c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace kalan::ui
