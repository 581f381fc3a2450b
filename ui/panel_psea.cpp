// PSEA complaints (community-based complaint mechanism, seed 004): record a complaint (channel, date
// it arrived, survivor's age and sex, type), refer the survivor to assistance, record the response to
// the complainant. The list shows each complaint against its deadlines (72 h to refer, 7 days to
// answer). Everything goes through psea.complaint.create / refer / respond; the core decides.
#include <imgui.h>

#include <algorithm>

#include "case_ui.h"
#include "i18n.h"
#include "panels.h"
#include "reporting/psea.h"
#include "reporting_ui.h"
#include "world/world.h"

namespace kalan::ui {

namespace {

using nlohmann::json;

const char* kNew = "psea.new";
const char* kActions = "psea.actions";

// A section title over a line.
void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

std::vector<std::string> labels(const char* prefix, const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(tr_value(prefix, v));
  return out;
}

ImVec4 deadline_colour(Deadline d) {
  switch (d) {
    case Deadline::in_time: return ImVec4(0.1f, 0.5f, 0.2f, 1);
    case Deadline::late:
    case Deadline::overdue: return ImVec4(0.72f, 0.1f, 0.1f, 1);
    case Deadline::pending: return ImVec4(0.75f, 0.4f, 0.0f, 1);
  }
  return ImVec4(0, 0, 0, 1);
}

// "✓ dans les délais", "… à faire avant le 9 janv. 08:00", in its colour.
void deadline_text(Deadline d, SimTime due, SimTime now) {
  std::string text = tr_value("psea_deadline.", deadline_name(d));
  if (d == Deadline::pending) text = trf("psea.due_before", {text, format_short(due, now)});
  ImGui::TextColored(deadline_colour(d), "%s", text.c_str());
}

void intake(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  PseaIntake& in = v.psea;
  heading(tr("psea.new"));
  combo(app, "##channel", in.channel, labels("psea_channel.", psea_choices("channel")), "psea.channel", 220);
  same_line_if_fits(200);
  hint_input("##received", tr("psea.received_hint"), v.psea_received, sizeof v.psea_received, 200);
  anchor(app, "psea.received");
  ImGui::SetNextItemWidth(110);
  ImGui::InputInt(tr("psea.age"), &in.age, 1);
  in.age = std::clamp(in.age, -1, 120);
  anchor(app, "psea.age");
  same_line_if_fits(130);
  combo(app, "##sex", in.sex, labels("psea_person.", psea_choices("sex")), "psea.sex", 130);
  same_line_if_fits(260);
  combo(app, "##type", in.type, labels("psea_type.", psea_choices("complaint_type")), "psea.type", 260);
  // The structure that received it: the signed-in user's by default.
  std::vector<std::string> orgs = {tr("psea.own_structure")};
  for (const Organisation& o : s.world.organisations) orgs.push_back(o.name);
  combo(app, "##structure", v.psea_structure, orgs, "psea.structure", 300);
  same_line_if_fits(320);
  hint_input("##note", tr("psea.note_hint"), v.psea_note, sizeof v.psea_note, 320);
  if (ImGui::Button(tr("psea.record"))) {
    in.received = v.psea_received;
    in.note = v.psea_note;
    in.structure = v.psea_structure > 0 ? s.world.organisations[static_cast<std::size_t>(v.psea_structure - 1)].id : "";
    // In a room the server applies it later: the new complaint appears in the list when it does.
    if (case_command(app, "psea.complaint.create", complaint_create_args(in), kNew, "psea.recorded")) {
      in = PseaIntake{};
      v.psea_received[0] = v.psea_note[0] = '\0';
    }
  }
  anchor(app, "psea.record");
  show_feedback(app, kNew);
}

void complaint_list(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const auto lines = complaint_lines(s.reporting, s.clock.now);
  heading(trf("psea.list", {std::to_string(lines.size())}).c_str());
  if (lines.empty()) return ImGui::TextDisabled("%s", tr("psea.none"));
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_ScrollY;
  const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(lines.size()) + 2.5f), 260.0f);
  if (!ImGui::BeginTable("##complaints", 7, flags, ImVec2(0, height))) return;
  for (const char* c : {"psea.col.id", "psea.col.received", "psea.col.channel", "psea.col.survivor", "psea.col.type",
                        "psea.col.referral", "psea.col.response"})
    ImGui::TableSetupColumn(tr(c));
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ComplaintLine& l = lines[i];
    const Complaint& c = *l.complaint;
    ImGui::PushID(c.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable(c.id.c_str(), v.psea_open == c.id, ImGuiSelectableFlags_SpanAllColumns)) v.psea_open = c.id;
    anchor(app, "psea.row." + std::to_string(i));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_short(c.received_at, s.clock.now).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr_value("psea_channel.", c.channel).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted((tr_value("psea_age.", reporting::age_group(c.age)) + " · " + tr_value("psea_person.", c.sex)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr_value("psea_type.", c.type).c_str());
    ImGui::TableNextColumn();
    deadline_text(l.referral, l.referral_due, s.clock.now);
    ImGui::TableNextColumn();
    deadline_text(l.response, l.response_due, s.clock.now);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// The complaint opened: what was recorded, then the referral and the response still to record.
void actions(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const auto it = std::find_if(s.reporting.complaints.begin(), s.reporting.complaints.end(),
                               [&](const Complaint& c) { return c.id == v.psea_open; });
  if (it == s.reporting.complaints.end()) return;
  const Complaint c = *it;  // a copy: the commands below change the list
  heading(trf("psea.open", {c.id}).c_str());
  ImGui::TextWrapped("%s", trf("psea.summary", {format_when(c.received_at), tr_value("psea_channel.", c.channel),
                                                 std::to_string(c.age), tr_value("psea_person.", c.sex), tr_value("psea_type.", c.type),
                                                 org_name(s, c.structure)}).c_str());
  if (!c.note.empty()) ImGui::TextWrapped("%s", c.note.c_str());
  if (c.referred_at) {
    ImGui::TextUnformatted(trf("psea.referred", {format_when(c.referred_at), c.referred_to.empty() ? "—" : c.referred_to}).c_str());
  } else {
    std::vector<std::string> services = {tr("psea.no_service")};
    for (const Service& svc : s.world.services) services.push_back(svc.name);
    combo(app, "##service", v.psea_service, services, "psea.service", 300);
    same_line_if_fits(260);
    hint_input("##refer_note", tr("psea.note_hint"), v.psea_refer_note, sizeof v.psea_refer_note, 260);
    same_line_if_fits(button_width(tr("psea.refer")));
    if (ImGui::Button(tr("psea.refer"))) {
      json args = {{"complaint", c.id}};
      if (v.psea_service > 0) args["service"] = s.world.services[static_cast<std::size_t>(v.psea_service - 1)].id;
      if (v.psea_refer_note[0]) args["note"] = v.psea_refer_note;
      if (case_command(app, "psea.complaint.refer", args, kActions, "psea.referred_ok")) v.psea_refer_note[0] = '\0';
    }
    anchor(app, "psea.refer");
  }
  if (c.answered_at) {
    ImGui::TextWrapped("%s", trf("psea.answered", {format_when(c.answered_at), c.response}).c_str());
  } else {
    hint_input("##response", tr("psea.response_hint"), v.psea_response, sizeof v.psea_response,
               std::min(ImGui::GetContentRegionAvail().x - button_width(tr("psea.respond")) - 8, 480.0f));
    same_line_if_fits(button_width(tr("psea.respond")));
    if (ImGui::Button(tr("psea.respond")) &&
        case_command(app, "psea.complaint.respond", {{"complaint", c.id}, {"response", v.psea_response}}, kActions, "psea.answered_ok"))
      v.psea_response[0] = '\0';
    anchor(app, "psea.respond");
  }
  show_feedback(app, kActions);
}

}  // namespace

void draw_psea(App& app) {
  ReportingView& v = app.view().reporting;
  const State& s = app.session()->state();
  draw_sign_in(app);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr("psea.help"));
  ImGui::PopTextWrapPos();
  if (!may_handle_psea(s.world, app.view().cases.user)) {
    ImGui::TextWrapped("%s", tr("psea.not_allowed"));
    return;
  }
  intake(app, v);
  complaint_list(app, v);
  actions(app, v);
}

}  // namespace kalan::ui
