// The top banner: « SANDBOX — données fictives », the scenario, the language switch.
#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

float button_width(const char* label) {
  return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
}

void same_line_if_fits(float next_width) {
  const float next_right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
  const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (next_right <= limit) ImGui::SameLine();
}

void hint_input(const char* id, const char* hint, char* buf, size_t size, float width) {
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint(id, hint, buf, size);
}

void draw_banner(App& app, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  // Draw the content first (channel 1), then the band behind it (channel 0) once its height is known.
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + 2));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("app.banner"));
  if (const Session* s = app.session(); s && width > 760) {
    ImGui::SameLine();
    ImGui::TextUnformatted("·");
    ImGui::SameLine();
    ImGui::TextUnformatted(s->scenario().meta.title.c_str());
  }
  const bool save = app.session() && app.platform().save_file;
  const bool change = app.session() && !(app.platform().fixed_session && app.platform().fixed_session());
  float actions = button_width(tr("app.language"));
  if (change) actions += button_width(tr("app.change_scenario")) + 8;
  if (save) actions += button_width(tr("app.save_session")) + 8;
  const float right = width - actions - ImGui::GetStyle().WindowPadding.x;
  if (ImGui::GetItemRectMax().x + 16 < right) ImGui::SameLine(right);  // same row, right-aligned
  if (save) {
    if (ImGui::SmallButton(tr("app.save_session"))) app.save_session();
    same_line_if_fits(button_width(tr("app.change_scenario")));
  }
  if (change) {
    if (ImGui::SmallButton(tr("app.change_scenario"))) app.close_session();
    same_line_if_fits(button_width(tr("app.language")));
  }
  const bool lang = ImGui::SmallButton(tr("app.language"));
  anchor(app, "app.language");
  if (lang) set_language(language() == Lang::fr ? Lang::en : Lang::fr);
  const float bottom = ImGui::GetItemRectMax().y + 6;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, bottom), IM_COL32(232, 163, 23, 255));
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 6));
}

}  // namespace kalan::ui
