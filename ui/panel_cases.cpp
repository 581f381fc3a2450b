// The CPIMS+ workspace: who is signed in, then the case list (search, filters, sortable columns), the
// record of the open case, the inbox, family tracing and account administration.
#include <imgui.h>

#include <algorithm>

#include "case_ui.h"
#include "cases/access.h"
#include "cases/alerts.h"
#include "cases/query.h"
#include "cases/workflow.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

const std::vector<std::string> kStatuses = {"identified", "open", "closed", "transferred", "reopened"};
const std::vector<std::string> kRisks = {"low", "medium", "high"};

// "any" followed by the translated values.
std::vector<std::string> choices(const char* prefix, const std::vector<std::string>& values) {
  std::vector<std::string> out = {tr("cases.any")};
  for (const auto& v : values) out.push_back(tr_value(prefix, v));
  return out;
}

std::vector<const User*> case_workers(const State& s) {
  std::vector<const User*> out;
  for (const auto& u : s.world.users)
    if (u.role == "case_worker") out.push_back(&u);
  return out;
}

void report_form(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  if (!ImGui::CollapsingHeader(tr("cases.report"))) return;
  anchor(app, "cases.report");
  ImGui::PushID("report");
  hint_input("##child", tr("col.child"), v.child, sizeof v.child, 220);
  same_line_if_fits(90);
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(tr("col.age"), &v.age, 0);
  v.age = std::clamp(v.age, -1, 17);
  same_line_if_fits(140);
  ImGui::RadioButton(tr("sex.f"), &v.sex, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr("sex.m"), &v.sex, 1);
  std::vector<std::string> places, ids;
  for (const auto& l : s.world.locations)
    if (l.level == LocationLevel::commune) {
      places.push_back(l.name);
      ids.push_back(l.id);
    }
  combo(app, "##place", v.report_place, places, "cases.report.place", 220);
  same_line_if_fits(260);
  hint_input("##summary", tr("cases.summary"), v.summary, sizeof v.summary, std::min(ImGui::GetContentRegionAvail().x, 400.0f));
  if (ImGui::Button(tr("cases.report_send")) && !ids.empty()) {
    nlohmann::json a = {{"child_name", v.child}, {"sex", v.sex == 0 ? "f" : "m"},
                        {"location", ids[static_cast<size_t>(v.report_place)]}, {"summary", v.summary}};
    if (v.age >= 0) a["age"] = v.age;
    if (case_command(app, "case.report", a, "report", "cases.reported")) v.child[0] = v.summary[0] = 0;
  }
  show_feedback(app, "report");
  ImGui::PopID();
}

void filters(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  hint_input("##casesearch", tr("world.search"), v.search, sizeof v.search, std::min(ImGui::GetContentRegionAvail().x, 260.0f));
  anchor(app, "cases.search");
  same_line_if_fits(150);
  combo(app, "##status", v.status, choices("case_status.", kStatuses), "cases.filter.status", 150);
  same_line_if_fits(130);
  combo(app, "##risk", v.risk, choices("risk.", kRisks), "cases.filter.risk", 130);
  same_line_if_fits(200);
  combo(app, "##stage", v.stage, choices("stage.", case_stages()), "cases.filter.stage", 200);
  std::vector<std::string> owners = {tr("cases.any")};
  for (const User* u : case_workers(s)) owners.push_back(u->name);
  same_line_if_fits(180);
  combo(app, "##owner", v.owner, owners, "cases.filter.owner", 180);
  same_line_if_fits(120);
  ImGui::Checkbox(tr("cases.overdue_only"), &v.overdue_only);
  anchor(app, "cases.filter.overdue");
}

CaseFilter make_filter(const State& s, const CaseView& v) {
  CaseFilter f;
  f.search = v.search;
  if (v.status > 0) f.status = kStatuses[static_cast<size_t>(v.status - 1)];
  if (v.risk > 0) f.risk = kRisks[static_cast<size_t>(v.risk - 1)];
  if (v.stage > 0) f.stage = case_stages()[static_cast<size_t>(v.stage - 1)];
  const auto workers = case_workers(s);
  if (v.owner > 0 && v.owner <= static_cast<int>(workers.size())) f.owner = workers[static_cast<size_t>(v.owner - 1)]->id;
  f.overdue_only = v.overdue_only;
  f.sort = static_cast<CaseSort>(v.sort);
  f.descending = v.descending;
  return f;
}

}  // namespace

void draw_case_list(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  const Actor reader = reader_actor(s, v.user);
  filters(app);
  report_form(app);
  const std::vector<size_t> rows = query_cases(s, reader, make_filter(s, v));
  v.listed = rows.size();
  ImGui::TextDisabled("%s", trf("cases.count", {std::to_string(rows.size())}).c_str());
  const char* cols[] = {"col.case", "col.child", "col.age", "col.status", "col.stage", "col.risk", "col.owner",
                        "col.identified", "col.deadline"};
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##cases", 9, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (int i = 0; i < 9; ++i)
    ImGui::TableSetupColumn(tr(cols[i]), i == 0 ? ImGuiTableColumnFlags_DefaultSort : 0, 0, static_cast<ImGuiID>(i));
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      v.sort = static_cast<int>(specs->Specs[0].ColumnUserID);
      v.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const CaseRecord& c = s.cases.records[rows[static_cast<size_t>(r)]];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(r);
      if (ImGui::Selectable(c.id.c_str(), false)) {
        v.open_case = c.id;
        v.open_form.clear();
        v.error.clear();
      }
      if (r < 20) anchor(app, "cases.row." + std::to_string(r));
      ImGui::PopID();
      const bool late = !overdue_items(c, s.cases.policy, s.clock.now).empty();
      const SimTime next = next_deadline(c, s.cases.policy);
      const std::string values[] = {c.child_name, c.age < 0 ? "—" : std::to_string(c.age), tr_value("case_status.", c.status),
                                    tr_value("stage.", case_stage(c)), tr_value("risk.", c.risk_level),
                                    c.owner.empty() ? "—" : display_name(s, c.owner), format_day(c.identified_at),
                                    next == 0 ? "—" : format_day(next)};
      for (int i = 0; i < 8; ++i) {
        ImGui::TableNextColumn();
        if (i == 7 && late) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s ⚠", values[i].c_str());
        else ImGui::TextUnformatted(values[i].c_str());
      }
    }
  }
  ImGui::EndTable();
}

void draw_cases(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  draw_sign_in(app);
  const User* me = s.world.find_user(v.user);
  const int unread = me ? unread_count(s.cases, me->id) : 0;
  if (!ImGui::BeginTabBar("##casetabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  sub_tab(app, tr("cases.tab_cases"), "cases.tab.cases", [&] {
    const CaseRecord* c = v.open_case.empty() ? nullptr : s.cases.find(v.open_case);
    if (c && !may_view(s, reader_actor(s, v.user), *c)) c = nullptr;
    if (c) draw_case_record(app, *c);
    else draw_case_list(app);
  }, v.select_cases_tab ? ImGuiTabItemFlags_SetSelected : 0);
  v.select_cases_tab = false;
  if (me) {
    const std::string inbox = unread > 0 ? trf("cases.inbox_n", {std::to_string(unread)}) : tr("cases.inbox");
    sub_tab(app, inbox, "cases.tab.inbox", [&] { draw_inbox(app); });
  }
  sub_tab(app, tr("cases.tab_tracing"), "cases.tab.tracing", [&] { draw_tracing_requests(app); });
  if (!me || role_permission(s.cases, me->role).manage_users)
    sub_tab(app, tr("cases.tab_accounts"), "cases.tab.accounts", [&] { draw_accounts(app); });
  ImGui::EndTabBar();
}

}  // namespace kalan::ui
