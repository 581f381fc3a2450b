// The validator of the file being written (desktop): every error of the watched scenario or session
// with its JSON path; a click shows where it is in the file (line, column, the JSON text) and the path
// can be copied. The last good version of the file keeps running meanwhile.
#include <imgui.h>

#include <algorithm>

#include "core/json_locate.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_validation(App& app) {
  WatchedFile& w = app.view().watched;
  if (w.errors.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.92f, 0.90f, 1));
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float rows = static_cast<float>(std::min<size_t>(w.errors.size(), 5)) + (w.selected >= 0 ? 7.5f : 1.5f);
  ImGui::BeginChild("##validation", ImVec2(0, rows * line + ImGui::GetStyle().WindowPadding.y * 2), true);
  ImGui::TextColored(ImVec4(0.6f, 0.05f, 0.05f, 1), "%s",
                     trf(app.has_session() ? "validate.title_running" : "validate.title",
                         {w.path, std::to_string(w.errors.size())})
                         .c_str());
  anchor(app, "validate.title");
  if (w.selected >= static_cast<int>(w.errors.size())) w.selected = -1;
  if (w.selected >= 0) {
    const Diagnostic& d = w.errors[static_cast<size_t>(w.selected)];
    const JsonLocation at = locate_json_pointer(w.text, d.path);
    ImGui::TextUnformatted(trf(at.found ? "validate.at" : "validate.at_parent",
                               {std::to_string(at.line), std::to_string(at.column), d.path.empty() ? "/" : d.path,
                                at.reached.empty() ? "/" : at.reached})
                               .c_str());
    anchor(app, "validate.location");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("validate.copy"))) ImGui::SetClipboardText(d.path.c_str());
    anchor(app, "validate.copy");
    std::string snippet = at.snippet;  // read-only, but InputTextMultiline wants a writable buffer
    ImGui::InputTextMultiline("##snippet", snippet.data(), snippet.size() + 1, ImVec2(-1, line * 4.5f),
                              ImGuiInputTextFlags_ReadOnly);
  }
  ImGui::BeginChild("##errors", ImVec2(0, 0), false);
  for (size_t i = 0; i < w.errors.size(); ++i) {
    const Diagnostic& d = w.errors[i];
    const std::string label = (d.path.empty() ? std::string("/") : d.path) + " : " + render_message(d.code, d.args, language());
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(label.c_str(), w.selected == static_cast<int>(i))) w.selected = static_cast<int>(i);
    anchor(app, "validate.error." + std::to_string(i));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace kalan::ui
