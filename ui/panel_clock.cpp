// The clock bar: sim time, play/pause, advance by steps, jump to the next scheduled event.
#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

Command clock_command(CommandBody body) { return Command{kTrainer, "", std::move(body)}; }

ClockAdvance minutes(std::int64_t n) {
  ClockAdvance c;
  c.seconds = n * 60;
  c.unit = "minutes";
  return c;
}

}  // namespace

void draw_clock_bar(App& app, float dt) {
  ViewState& v = app.view();
  const State& s = app.session()->state();

  // While playing, the clock moves by whole sim minutes through commands, never by frame time directly.
  if (v.playing) {
    v.play_debt += static_cast<double>(dt) * v.speed / 60.0;
    if (v.play_debt >= 1.0) {
      const auto n = static_cast<std::int64_t>(v.play_debt);
      v.play_debt -= static_cast<double>(n);
      app.emit(clock_command(minutes(n)));
    }
  }

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(format_when(s.clock.now).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", v.playing ? trf("clock.running", {std::to_string(v.speed)}).c_str() : tr("clock.paused"));

  if (ImGui::Button(v.playing ? tr("clock.pause") : tr("clock.play"))) {
    v.playing = !v.playing;
    v.play_debt = 0;
  }
  const float combo_w = ImGui::CalcTextSize("×14400").x + ImGui::GetFrameHeight() + 20;
  same_line_if_fits(combo_w);
  ImGui::SetNextItemWidth(combo_w);
  static const int speeds[] = {60, 600, 3600, 14400};
  static const char* labels[] = {"×60", "×600", "×3600", "×14400"};
  int current = 0;
  for (int i = 0; i < 4; ++i)
    if (speeds[i] == v.speed) current = i;
  if (ImGui::Combo("##speed", &current, labels, 4)) v.speed = speeds[current];
  same_line_if_fits(button_width(tr("clock.plus15")));
  if (ImGui::Button(tr("clock.plus15"))) app.emit(clock_command(minutes(15)));
  same_line_if_fits(button_width(tr("clock.plus1h")));
  const bool hour = ImGui::Button(tr("clock.plus1h"));
  anchor(app, "clock.plus1h");
  if (hour) app.emit(clock_command(minutes(60)));
  same_line_if_fits(button_width(tr("clock.plus1d")));
  const bool day = ImGui::Button(tr("clock.plus1d"));
  anchor(app, "clock.plus1d");
  if (day) app.emit(clock_command(minutes(1440)));
  const ScheduledEntry* next = s.next_scheduled();
  same_line_if_fits(button_width(tr("clock.next")));
  ImGui::BeginDisabled(next == nullptr);
  const bool jump = ImGui::Button(tr("clock.next"));
  anchor(app, "clock.next");
  if (jump) app.emit(clock_command(ClockNext{}));
  ImGui::EndDisabled();
  ImGui::PushTextWrapPos(0);
  if (next) ImGui::TextDisabled("%s", trf("clock.next_is", {format_short(next->at, s.clock.now), next->label}).c_str());
  else ImGui::TextDisabled("%s", tr("clock.none_left"));
  ImGui::PopTextWrapPos();
  if (!v.status.empty()) ImGui::TextColored(ImVec4(0.6f, 0.25f, 0.0f, 1), "%s", v.status.c_str());
  ImGui::Separator();
}

}  // namespace kalan::ui
