// The top banner: « SANDBOX — données fictives », the scenario, the language switch.
#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_banner(App& app, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetFrameHeight() + 8;
  dl->AddRectFilled(ImVec2(0, p.y - 8), ImVec2(width, p.y + h), IM_COL32(232, 163, 23, 255));
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 4));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("app.banner"));
  if (const Session* s = app.session(); s && width > 520) {
    ImGui::SameLine();
    ImGui::TextUnformatted("·");
    ImGui::SameLine();
    ImGui::TextUnformatted(s->scenario().meta.title.c_str());
  }
  // Right-aligned actions.
  float right = ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize(tr("app.language")).x;
  if (app.session()) right += ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize(tr("app.change_scenario")).x + 8;
  if (app.session() && app.platform().save_file)
    right += ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize(tr("app.save_session")).x + 8;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 8, width - right - 12));
  if (app.session() && app.platform().save_file) {
    if (ImGui::SmallButton(tr("app.save_session"))) app.save_session();
    ImGui::SameLine();
  }
  if (app.session()) {
    if (ImGui::SmallButton(tr("app.change_scenario"))) app.close_session();
    ImGui::SameLine();
  }
  if (ImGui::SmallButton(tr("app.language"))) set_language(language() == Lang::fr ? Lang::en : Lang::fr);
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 6));
}

}  // namespace kalan::ui
