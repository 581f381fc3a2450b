// The submissions behind a click on the dashboard (a bar, a table row, a grid cell), and one
// submission as KoboToolbox shows it: group-prefixed keys with the form's labels, _id, _uuid,
// _submission_time, _submitted_by, its versions, and its validation status, which the information
// manager or the coordination may change.
#include <imgui.h>

#include "case_ui.h"
#include "i18n.h"
#include "panels.h"
#include "reporting_ui.h"

namespace kalan::ui {

namespace {

const Submission* find_submission(const ReportingState& r, std::int64_t id) {
  for (const Submission& s : r.submissions)
    if (s.id == id) return &s;
  return nullptr;
}

void answers_table(const char* id, const nlohmann::json& values) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(id, 3, flags)) return;
  ImGui::TableSetupColumn(tr("sub.col.key"));
  ImGui::TableSetupColumn(tr("sub.col.label"));
  ImGui::TableSetupColumn(tr("sub.col.value"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const AnswerLine& a : submission_answers(values)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", a.key.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", a.label->in(language()).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.value.c_str());
  }
  ImGui::EndTable();
}

void validation_controls(App& app, const Submission& sub) {
  const State& s = app.session()->state();
  ImGui::TextUnformatted(trf("sub.validation", {validation_label(sub.validation)}).c_str());
  anchor(app, "sub.validation");
  if (!sub.validated_by.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("sub.validated_by", {display_name(s, sub.validated_by), format_when(sub.validated_at)}).c_str());
  }
  if (!may_validate_reports(s.world, app.view().cases.user)) {
    ImGui::TextDisabled("%s", tr("sub.validation_forbidden"));
    return;
  }
  for (const char* status : {"approved", "not_approved", "on_hold"}) {
    const std::string label = trf("sub.set_validation", {validation_label(status)});
    if (status != std::string("approved")) same_line_if_fits(button_width(label.c_str()));
    ImGui::BeginDisabled(sub.validation == status);
    if (ImGui::Button(label.c_str()))
      case_command(app, "reporting.validation.set", {{"submission", sub.id}, {"status", status}}, "validation", "sub.validated");
    anchor(app, std::string("sub.set.") + status);
    ImGui::EndDisabled();
  }
  show_feedback(app, "validation");
}

void draw_submission(App& app, const Submission& sub) {
  const State& s = app.session()->state();
  ImGui::Separator();
  ImGui::TextUnformatted(trf("sub.title", {std::to_string(sub.id), short_name(s, sub.value("structure")),
                                           month_name(static_cast<int>(sub.count("month"))), sub.value("year")}).c_str());
  anchor(app, "sub.title");
  ImGui::TextDisabled("_id %lld · _uuid %s", static_cast<long long>(sub.id), sub.uuid.c_str());
  ImGui::TextDisabled("_submission_time %s · _submitted_by %s", format_iso_time(sub.submitted_at).c_str(), sub.submitted_by.c_str());
  ImGui::TextDisabled("%s", trf("sub.versions", {std::to_string(sub.history.size() + 1), display_name(s, sub.submitted_by),
                                                 format_when(sub.submitted_at)}).c_str());
  if (!sub.deprecated.empty()) ImGui::TextDisabled("meta/deprecatedID %s", sub.deprecated.c_str());
  validation_controls(app, sub);
  answers_table("##answers", sub.values.to_json());
  for (std::size_t i = sub.history.size(); i-- > 0;) {
    const SubmissionVersion& old = sub.history[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string head = trf("sub.old_version", {std::to_string(i + 1), old.uuid, display_name(s, old.submitted_by),
                                                     format_when(old.submitted_at)});
    if (ImGui::CollapsingHeader(head.c_str())) answers_table("##old", old.values.to_json());
    ImGui::PopID();
  }
}

}  // namespace

void draw_report_submissions(App& app) {
  ReportingView& v = app.view().reporting;
  const State& s = app.session()->state();
  if (ImGui::Button(tr("dash.back"))) {
    v.drill.reset();
    v.open_submission = 0;
    return;
  }
  anchor(app, "dash.back");
  const auto subs = drill_submissions(s.reporting, *v.drill);
  v.listed = subs.size();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(trf("dash.drill_title", {v.drill_title, std::to_string(subs.size())}).c_str());
  if (subs.empty()) ImGui::TextUnformatted(tr("dash.drill_none"));
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(subs.size()) + 1.5f), 220.0f);
  if (!subs.empty() && ImGui::BeginTable("##subs", 6, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* c : {"sub.col.id", "dash.col.structure", "dash.col.month", "sub.col.time", "sub.col.by", "sub.col.validation"})
      ImGui::TableSetupColumn(tr(c));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < subs.size(); ++i) {
      const Submission& sub = *subs[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(sub.id));
      if (ImGui::Selectable(std::to_string(sub.id).c_str(), v.open_submission == sub.id, ImGuiSelectableFlags_SpanAllColumns))
        v.open_submission = sub.id;
      anchor(app, "dash.sub." + std::to_string(i));
      ImGui::PopID();
      for (const std::string& cell : {short_name(s, sub.value("structure")), month_name(static_cast<int>(sub.count("month"))),
                                      format_short(sub.submitted_at, s.clock.now), display_name(s, sub.submitted_by),
                                      validation_label(sub.validation)}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell.c_str());
      }
    }
    ImGui::EndTable();
  }
  if (const Submission* sub = find_submission(s.reporting, v.open_submission)) draw_submission(app, *sub);
}

}  // namespace kalan::ui
