// The signed-in user's inbox: approvals asked and answered (with the comment), referrals and
// transfers received or answered, overdue deadlines. Opening an alert opens its case and marks it read.
#include <imgui.h>

#include "case_ui.h"
#include "cases/alerts.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_inbox(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  show_feedback(app, "inbox");
  const auto alerts = inbox(s.cases, v.user);
  if (alerts.empty()) ImGui::TextDisabled("%s", tr("inbox.empty"));
  int row = 0;
  for (const Alert* a : alerts) {
    ImGui::PushID(static_cast<int>(a->id));
    ImGui::Separator();
    const std::string what = trf(("alert." + a->kind).c_str(), {a->case_id, tr_value("approval.", a->ref), a->ref, tr_value("deadline.", a->ref)});
    ImGui::PushTextWrapPos(0);
    if (a->read) ImGui::TextDisabled("%s", what.c_str());
    else ImGui::Text("● %s", what.c_str());
    if (!a->comment.empty()) ImGui::Text("« %s »", a->comment.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", format_when(a->at).c_str());
    ImGui::SameLine();
    const std::string id = std::to_string(a->id);
    if (ImGui::SmallButton(tr("inbox.open"))) {
      if (!a->read) case_command(app, "alert.read", {{"alert", a->id}}, "inbox");
      v.open_case = a->case_id;
      v.open_form.clear();
      v.select_cases_tab = true;
    }
    if (row < 20) anchor(app, "inbox.open." + std::to_string(row));
    if (!a->read) {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("inbox.mark_read"))) case_command(app, "alert.read", {{"alert", a->id}}, "inbox");
      if (row < 20) anchor(app, "inbox.read." + std::to_string(row));
    }
    ImGui::PopID();
    ++row;
  }
}

}  // namespace kalan::ui
