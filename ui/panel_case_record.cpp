// The record of one case: header, the six-step workflow bar, overdue items, lifecycle actions and the
// tabs of the record (forms, approvals, referrals, transfers, attachments, tracing, audit trail).
#include <imgui.h>

#include <algorithm>

#include "case_ui.h"
#include "cases/access.h"
#include "cases/query.h"
#include "cases/workflow.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

const std::vector<std::string> kRisks = {"low", "medium", "high"};
const std::vector<std::string> kApprovals = {"assessment", "case_plan", "closure"};

void header(App& app, const CaseRecord& c) {
  const State& s = app.session()->state();
  if (ImGui::Button(tr("cases.back"))) app.view().cases.open_case.clear();
  anchor(app, "case.back");
  ImGui::SameLine();
  ImGui::Text("%s — %s", c.id.c_str(), c.child_name.c_str());
  anchor(app, "case.title");
  const std::string age = c.age < 0 ? "—" : trf("cases.years", {std::to_string(c.age)});
  const std::string lines[] = {
      trf("case.line1", {age, tr_value("sex.", c.sex), place_name(s, c.location)}),
      trf("case.line2", {c.owner.empty() ? "—" : display_name(s, c.owner), org_name(s, c.organisation)}),
      trf("case.line3", {tr_value("risk.", c.risk_level), tr_value("case_status.", c.status), format_day(c.identified_at)}),
  };
  ImGui::PushTextWrapPos(0);
  for (const auto& l : lines) ImGui::TextUnformatted(l.c_str());
  if (!c.summary.empty()) ImGui::TextDisabled("%s", c.summary.c_str());
  ImGui::PopTextWrapPos();
}

// Six boxes; steps done are pale green, the current one dark teal, the ones ahead grey.
void workflow_bar(App& app, const CaseRecord& c) {
  const std::string now = case_stage(c);
  const auto& stages = case_stages();
  const size_t at = static_cast<size_t>(std::find(stages.begin(), stages.end(), now) - stages.begin());
  for (size_t i = 0; i < stages.size(); ++i) {
    const std::string label = std::to_string(i + 1) + ". " + tr_value("stage.", stages[i]);
    const ImVec4 colour = i < at ? ImVec4(0.80f, 0.92f, 0.82f, 1) : i == at ? ImVec4(0.13f, 0.45f, 0.45f, 1)
                                                                          : ImVec4(0.90f, 0.90f, 0.89f, 1);
    ImGui::PushStyleColor(ImGuiCol_Button, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour);
    ImGui::PushStyleColor(ImGuiCol_Text, i == at ? ImVec4(1, 1, 1, 1) : ImVec4(0.15f, 0.15f, 0.17f, 1));
    if (i > 0) same_line_if_fits(button_width(label.c_str()));
    ImGui::Button(label.c_str());
    anchor(app, "case.stage." + stages[i]);
    ImGui::PopStyleColor(4);
  }
}

void overdue(App& app, const CaseRecord& c) {
  const State& s = app.session()->state();
  for (const auto& d : overdue_items(c, s.cases.policy, s.clock.now))
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s",
                       trf("case.overdue", {tr_value("deadline.", d.what), format_when(d.due)}).c_str());
  const SimTime next = next_deadline(c, s.cases.policy);
  if (next > s.clock.now) ImGui::TextDisabled("%s", trf("case.next_deadline", {format_when(next)}).c_str());
}

// Opening (with its risk level), closing and reopening.
void lifecycle(App& app, const CaseRecord& c) {
  CaseView& v = app.view().cases;
  ImGui::PushID("life");
  if (c.status == "identified") {
    std::vector<std::string> risks;
    for (const auto& r : kRisks) risks.push_back(tr_value("risk.", r));
    combo(app, "##risk", v.open_risk, risks, "case.open.risk", 140);
    ImGui::SameLine();
    if (ImGui::Button(tr("case.open"))) case_command(app, "case.open", {{"case", c.id}, {"risk_level", kRisks[static_cast<size_t>(v.open_risk)]}}, "life");
    anchor(app, "case.open");
  } else if (c.is_active()) {
    if (ImGui::Button(tr("case.close"))) case_command(app, "case.close", {{"case", c.id}, {"reason", v.note}}, "life");
  } else if (c.status == "closed") {
    hint_input("##reason", tr("case.reopen_reason"), v.note, sizeof v.note, std::min(ImGui::GetContentRegionAvail().x, 300.0f));
    same_line_if_fits(button_width(tr("case.reopen")));
    if (ImGui::Button(tr("case.reopen"))) case_command(app, "case.reopen", {{"case", c.id}, {"reason", v.note}}, "life");
  }
  show_feedback(app, "life");
  ImGui::PopID();
}

void approvals(App& app, const CaseRecord& c) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  hint_input("##comment", tr("case.comment"), v.comment, sizeof v.comment, std::min(ImGui::GetContentRegionAvail().x, 420.0f));
  anchor(app, "case.approval.comment");
  for (const auto& kind : kApprovals) {
    ImGui::PushID(kind.c_str());
    ImGui::Separator();
    const Approval* a = approval(c, kind);
    ImGui::TextUnformatted(tr_value("approval.", kind).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", a ? tr_value("approval_status.", a->status).c_str() : tr("approval_status.none"));
    if (a) {
      ImGui::TextDisabled("%s", trf("case.requested_by", {display_name(s, a->requested_by), format_when(a->requested_at)}).c_str());
      if (!a->decided_by.empty())
        ImGui::TextDisabled("%s", trf("case.decided_by", {display_name(s, a->decided_by), format_when(a->decided_at)}).c_str());
      if (!a->comment.empty()) ImGui::TextWrapped("« %s »", a->comment.c_str());
    }
    if (ImGui::Button(tr("case.request"))) {
      if (case_command(app, "case.approval.request", {{"case", c.id}, {"kind", kind}, {"comment", v.comment}}, "approvals", "case.sent"))
        v.comment[0] = 0;
    }
    anchor(app, "case.approval.request." + kind);
    if (a && a->status == "requested") {
      ImGui::SameLine();
      if (ImGui::Button(tr("case.approve")))
        case_command(app, "case.approval.decide", {{"case", c.id}, {"kind", kind}, {"decision", "approve"}, {"comment", v.comment}},
                     "approvals", "case.sent");
      anchor(app, "case.approval.approve." + kind);
      ImGui::SameLine();
      if (ImGui::Button(tr("case.reject")))
        case_command(app, "case.approval.decide", {{"case", c.id}, {"kind", kind}, {"decision", "reject"}, {"comment", v.comment}},
                     "approvals", "case.sent");
    }
    ImGui::PopID();
  }
  show_feedback(app, "approvals");
}

}  // namespace

void draw_case_audit(App& app, const CaseRecord& c) {
  const State& s = app.session()->state();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##audit", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* k : {"col.when", "col.who", "col.action", "col.before", "col.after"}) ImGui::TableSetupColumn(tr(k));
  ImGui::TableHeadersRow();
  for (auto it = c.audit.rbegin(); it != c.audit.rend(); ++it) {
    ImGui::TableNextRow();
    const std::string before = it->before.is_null() ? "—" : it->before.is_string() ? it->before.get<std::string>() : it->before.dump();
    const std::string after = it->after.is_null() ? "—" : it->after.is_string() ? it->after.get<std::string>() : it->after.dump();
    for (const std::string& cell : {format_short(it->at, s.clock.now), display_name(s, it->actor), it->action + " " + it->target,
                                    before, after}) {
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(cell.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::EndTable();
}

void draw_case_record(App& app, const CaseRecord& c) {
  const State& s = app.session()->state();
  ImGui::PushID(c.id.c_str());
  header(app, c);
  workflow_bar(app, c);
  overdue(app, c);
  if (!may_edit(s, reader_actor(s, app.view().cases.user), c)) ImGui::TextDisabled("%s", tr("case.read_only"));
  lifecycle(app, c);
  if (ImGui::BeginTabBar("##record", ImGuiTabBarFlags_FittingPolicyScroll)) {
    struct Tab {
      const char* key;
      void (*draw)(App&, const CaseRecord&);
    };
    const Tab tabs[] = {{"case.tab.forms", draw_case_forms},         {"case.tab.approvals", approvals},
                        {"case.tab.referrals", draw_case_referrals}, {"case.tab.transfers", draw_case_transfers},
                        {"case.tab.attachments", draw_case_attachments}, {"case.tab.tracing", draw_case_tracing},
                        {"case.tab.audit", draw_case_audit}};
    for (const auto& t : tabs) {
      const bool open = ImGui::BeginTabItem((std::string(tr(t.key)) + "###" + t.key).c_str());
      anchor(app, t.key);
      if (open) {
        ImGui::BeginChild("##tabbody");
        t.draw(app, c);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::PopID();
}

}  // namespace kalan::ui
