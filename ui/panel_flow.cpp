// The flow view: the nodes of the running flow, with the current node and the path taken highlighted.
#include <imgui.h>

#include <set>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

std::string shorten(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // stay on a character boundary
  return s.substr(0, cut) + "…";
}

std::string action_text(const flows::Action& a) {
  if (a.type == "send_msg") return tr("flowview.send") + std::string(" « ") + shorten(a.text, 70) + " »";
  if (a.type == "send_broadcast") return tr("flowview.broadcast") + std::string(" « ") + shorten(a.text, 60) + " »";
  if (a.type == "set_run_result") return std::string(tr("flowview.result")) + " " + a.name + " = " + shorten(a.value, 50);
  if (a.type == "set_contact_field") return std::string(tr("flowview.field")) + " " + a.field.uuid + " = " + shorten(a.value, 40);
  if (a.type == "call_webhook") return "webhook " + a.method + " " + shorten(a.url, 60);
  if (a.type == "enter_flow") return std::string(tr("flowview.subflow")) + " " + a.flow.name;
  return a.type;
}

}  // namespace

void draw_flow_view(App& app) {
  const State& s = app.session()->state();
  const flows::FlowAssets& assets = *s.sms.settings.assets;
  if (assets.flows.empty()) {
    ImGui::TextDisabled("%s", tr("flowview.none"));
    return;
  }
  ViewState& v = app.view();
  const flows::FlowContact* contact = s.sms.contact_by_urn(v.phone);
  const flows::FlowSession* session = nullptr;
  if (contact) {
    const auto it = s.sms.sessions.find(contact->uuid);
    if (it != s.sms.sessions.end()) session = &it->second;
  }
  const int run_index = session ? session->waiting_run() : -1;
  const flows::Run* run = run_index >= 0 ? &session->runs[static_cast<size_t>(run_index)] : nullptr;
  int& picked = v.flow_picked;
  const flows::Flow* flow = run ? assets.flow(run->flow_uuid) : nullptr;
  if (!flow) {
    picked = std::min(picked, static_cast<int>(assets.flows.size()) - 1);
    ImGui::TextUnformatted(tr("flowview.pick"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo("##flow", assets.flows[static_cast<size_t>(picked)].name.c_str())) {
      for (size_t i = 0; i < assets.flows.size(); ++i)
        if (ImGui::Selectable(assets.flows[i].name.c_str(), static_cast<int>(i) == picked)) picked = static_cast<int>(i);
      ImGui::EndCombo();
    }
    flow = &assets.flows[static_cast<size_t>(picked)];
  } else {
    ImGui::TextUnformatted(trf("flowview.running", {flow->name, contact->name.empty() ? v.phone.substr(4) : contact->name}).c_str());
  }
  std::set<std::string> visited;
  if (run)
    for (const auto& step : run->path) visited.insert(step.node_uuid);
  const std::string current = run && !run->path.empty() ? run->path.back().node_uuid : "";
  ImGui::BeginChild("##nodes", ImVec2(0, 0), false);
  for (size_t i = 0; i < flow->nodes.size(); ++i) {
    const flows::Node& n = flow->nodes[i];
    const bool is_current = n.uuid == current, was = visited.count(n.uuid) > 0;
    ImGui::PushID(static_cast<int>(i));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::TextColored(is_current ? ImVec4(0.75f, 0.35f, 0.0f, 1) : was ? ImVec4(0.1f, 0.45f, 0.2f, 1) : ImVec4(0.4f, 0.4f, 0.45f, 1),
                       "%s %zu", is_current ? ">>" : was ? "ok" : "  ", i + 1);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0);
    for (const auto& a : n.actions) ImGui::TextUnformatted(action_text(a).c_str());
    if (n.router) {
      std::string cats;
      for (const auto& c : n.router->categories) cats += (cats.empty() ? "" : " | ") + c.name;
      ImGui::TextDisabled("%s%s %s → %s", n.router->wait.type == "msg" ? tr("flowview.wait") : "",
                          n.router->type == "random" ? tr("flowview.random") : n.router->operand.c_str(),
                          n.router->result_name.empty() ? "" : ("(" + n.router->result_name + ")").c_str(), cats.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::EndGroup();
    if (is_current) {
      const ImVec2 q = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - 2, p.y - 2), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - 8, q.y + 2),
                                          IM_COL32(232, 163, 23, 255), 4, 0, 2);
      ImGui::SetScrollHereY(0.3f);
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace kalan::ui
