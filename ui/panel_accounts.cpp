// Account administration for an administrator: the users of their structure (every user for the
// trainer), created, edited, disabled and enabled through user.* commands.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "case_ui.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

void copy_text(char* dst, size_t n, const std::string& src) { std::snprintf(dst, n, "%s", src.c_str()); }

void edit_form(App& app, const std::string& organisation) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  const bool creating = v.edit_user.empty();
  ImGui::Separator();
  ImGui::TextUnformatted(creating ? tr("acc.create_title") : trf("acc.edit_title", {v.edit_user}).c_str());
  ImGui::PushID("accform");
  const float w = std::min(ImGui::GetContentRegionAvail().x, 260.0f);
  if (creating) {
    hint_input("##id", tr("acc.id"), v.acc_id, sizeof v.acc_id, w);
    anchor(app, "acc.id");
    same_line_if_fits(w);
  }
  hint_input("##name", tr("col.name"), v.acc_name, sizeof v.acc_name, w);
  anchor(app, "acc.name");
  std::vector<std::string> roles;
  for (const auto& r : user_roles()) roles.push_back(tr_value("role.", r));
  combo(app, "##role", v.acc_role, roles, "acc.role", w);
  same_line_if_fits(w);
  hint_input("##phone", tr("col.phone"), v.acc_phone, sizeof v.acc_phone, w);
  hint_input("##email", tr("acc.email"), v.acc_email, sizeof v.acc_email, w);
  std::vector<std::string> sup_ids = {""}, sup_labels = {tr("acc.no_supervisor")};
  for (const auto& u : s.world.users)
    if (u.role == "supervisor" && (organisation.empty() || u.organisation == organisation)) {
      sup_ids.push_back(u.id);
      sup_labels.push_back(u.name);
    }
  same_line_if_fits(w);
  combo(app, "##sup", v.acc_supervisor, sup_labels, "acc.supervisor", w);
  // The field shows "+223…"; the world stores phone URNs.
  const std::string phone = v.acc_phone[0] == 0 || std::string(v.acc_phone).rfind("tel:", 0) == 0 ? v.acc_phone
                                                                                                  : "tel:" + std::string(v.acc_phone);
  nlohmann::json a = {{"name", v.acc_name}, {"role", user_roles()[static_cast<size_t>(v.acc_role)]},
                      {"phone", phone}, {"email", v.acc_email}};
  if (v.acc_supervisor > 0) a["supervisor"] = sup_ids[static_cast<size_t>(v.acc_supervisor)];
  if (creating) {
    a["id"] = v.acc_id;
    if (!organisation.empty()) a["organisation"] = organisation;
    if (ImGui::Button(tr("acc.create")) && case_command(app, "user.create", a, "accounts", "acc.done"))
      v.acc_id[0] = v.acc_name[0] = v.acc_phone[0] = v.acc_email[0] = 0;
    anchor(app, "acc.create");
  } else {
    a["user"] = v.edit_user;
    if (ImGui::Button(tr("acc.save")) && case_command(app, "user.update", a, "accounts", "acc.done")) v.edit_user.clear();
    ImGui::SameLine();
    if (ImGui::Button(tr("acc.cancel"))) v.edit_user.clear();
  }
  ImGui::PopID();
}

void start_edit(CaseView& v, const User& u) {
  v.edit_user = u.id;
  copy_text(v.acc_name, sizeof v.acc_name, u.name);
  copy_text(v.acc_phone, sizeof v.acc_phone, u.phone.rfind("tel:", 0) == 0 ? u.phone.substr(4) : u.phone);
  copy_text(v.acc_email, sizeof v.acc_email, u.email);
  const auto& roles = user_roles();
  v.acc_role = static_cast<int>(std::find(roles.begin(), roles.end(), u.role) - roles.begin());
  v.acc_supervisor = 0;
}

}  // namespace

void draw_accounts(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  const User* me = s.world.find_user(v.user);
  const std::string organisation = me ? me->organisation : "";
  if (me) ImGui::TextUnformatted(trf("acc.title", {org_name(s, organisation)}).c_str());
  show_feedback(app, "accounts");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_ScrollY;
  const float height = std::max(120.0f, ImGui::GetContentRegionAvail().y - 200.0f);
  if (ImGui::BeginTable("##accounts", 5, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* k : {"col.name", "col.role", "col.phone", "col.status", "acc.actions"}) ImGui::TableSetupColumn(tr(k));
    ImGui::TableHeadersRow();
    for (const auto& u : s.world.users) {
      if (!organisation.empty() && u.organisation != organisation) continue;
      ImGui::PushID(u.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s (%s)", u.name.c_str(), u.id.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr_value("role.", u.role).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(u.phone.rfind("tel:", 0) == 0 ? u.phone.substr(4).c_str() : u.phone.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(u.active ? "status.active" : "status.disabled"));
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(tr("acc.edit"))) start_edit(v, u);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(u.active ? "acc.disable" : "acc.enable")))
        case_command(app, u.active ? "user.disable" : "user.enable", {{"user", u.id}}, "accounts", "acc.done");
      anchor(app, "acc.toggle." + u.id);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!v.edit_user.empty() && ImGui::Button(tr("acc.new"))) v.edit_user.clear();
  edit_form(app, organisation);
}

}  // namespace kalan::ui
