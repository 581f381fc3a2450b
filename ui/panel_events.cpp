// The event log: what every command caused, newest first, with a filter.
#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_event_log(App& app) {
  ViewState& v = app.view();
  const Session& session = *app.session();
  const State& s = session.state();
  ImGui::TextUnformatted(tr("events.title"));
  hint_input("##filter", tr("events.filter"), v.event_filter, sizeof v.event_filter, -1);
  ImGuiTextFilter filter(v.event_filter);
  ImGui::BeginChild("##log", ImVec2(0, 0), false);
  const auto& journal = session.journal();
  bool any = false;
  for (auto it = journal.rbegin(); it != journal.rend(); ++it) {
    if (!it->result.ok) {
      const std::string line = trf("events.refused", {render_message(it->result.error.code, it->result.error.args, language())});
      if (!filter.PassFilter(line.c_str())) continue;
      any = true;
      ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", line.c_str());
      continue;
    }
    for (auto ev = it->result.events.rbegin(); ev != it->result.events.rend(); ++ev) {
      // Plain clock steps are noise while playing; show them only when nothing else happened.
      if (ev->type == "clock.advanced" && it->result.events.size() > 1) continue;
      const std::string line = describe_event(s, *ev);
      if (!filter.PassFilter(line.c_str())) continue;
      any = true;
      ImGui::TextDisabled("%s", format_short(ev->at, s.clock.now).c_str());
      ImGui::SameLine();
      const bool important = ev->type != "clock.advanced";
      ImGui::PushTextWrapPos(0);
      if (ev->type == "timeline.failed") ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", line.c_str());
      else if (important) ImGui::TextUnformatted(line.c_str());
      else ImGui::TextDisabled("%s", line.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  if (!any) ImGui::TextDisabled("%s", tr("events.empty"));
  ImGui::EndChild();
}

}  // namespace kalan::ui
