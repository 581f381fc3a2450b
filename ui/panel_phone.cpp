// The phone simulator, like RapidPro's: phones side by side, chat bubbles, quick replies, event pills,
// the "no response" button and the @ context explorer.
#include <imgui.h>

#include <algorithm>

#include "i18n.h"
#include "panels.h"
#include "sms/engine.h"

namespace kalan::ui {

namespace {

struct Phone {
  std::string urn, label;
};

// Every phone worth showing: SMS contacts, then users with a phone (providers, supervisors, ...).
std::vector<Phone> phones(const State& s) {
  std::vector<Phone> out;
  auto add = [&](const std::string& urn, const std::string& label) {
    if (urn.empty()) return;
    for (const auto& p : out)
      if (p.urn == urn) return;
    out.push_back({urn, label});
  };
  for (const auto& c : s.sms.contacts) add(c.urns.empty() ? "" : c.urns.front(), c.name.empty() ? c.urns.front().substr(4) : c.name);
  for (const auto& u : s.world.users) add(u.phone, u.name + " (" + tr(("role." + u.role).c_str()) + ")");
  for (const auto& sv : s.world.services) add(sv.phone, sv.name);
  return out;
}

void send(App& app, const std::string& urn, const std::string& text) {
  Command c{kTrainer, "", ReceiveSms{urn, text}};
  app.emit(std::move(c));
}

void json_tree(const char* label, const nlohmann::json& v) {
  if (v.is_object() || v.is_array()) {
    if (ImGui::TreeNode(label)) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string key = v.is_object() ? it.key() : std::to_string(&*it - &*v.begin());
        if (key == "__default__") continue;
        json_tree(key.c_str(), *it);
      }
      ImGui::TreePop();
    }
  } else {
    ImGui::BulletText("%s = %s", label, v.is_string() ? v.get<std::string>().c_str() : dump_json(v).c_str());
  }
}

}  // namespace

void draw_phones(App& app) {
  ViewState& v = app.view();
  const Session& session = *app.session();
  const State& s = session.state();
  const auto list = phones(s);
  if (v.phone.empty() && !list.empty()) v.phone = list.front().urn;

  // Phone picker and a field for an unknown number.
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 320.0f));
  std::string current = v.phone;
  for (const auto& p : list)
    if (p.urn == v.phone) current = p.label + " · " + p.urn.substr(4);
  if (ImGui::BeginCombo("##phone", current.c_str())) {
    for (const auto& p : list)
      if (ImGui::Selectable((p.label + " · " + p.urn.substr(4)).c_str(), p.urn == v.phone)) v.phone = p.urn;
    ImGui::EndCombo();
  }
  anchor(app, "phone.select");
  same_line_if_fits(160);
  ImGui::SetNextItemWidth(150);
  ImGui::InputText("##newnumber", v.new_number, sizeof v.new_number, ImGuiInputTextFlags_CharsDecimal);
  same_line_if_fits(button_width(tr("phone.other")));
  if (ImGui::Button(tr("phone.other"))) {
    std::string digits = v.new_number;
    digits.erase(std::remove(digits.begin(), digits.end(), '+'), digits.end());
    v.phone = "tel:+" + digits;
  }

  const flows::FlowContact* contact = s.sms.contact_by_urn(v.phone);
  const auto session_it = contact ? s.sms.sessions.find(contact->uuid) : s.sms.sessions.end();
  const bool waiting = session_it != s.sms.sessions.end() && session_it->second.waiting();

  // Chat bubbles.
  const float input_h = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("##chat", ImVec2(0, -input_h), true);
  const float width = ImGui::GetContentRegionAvail().x;
  const SmsMessage* last_out = nullptr;
  for (const auto& m : s.sms.log) {
    if (m.urn != v.phone) continue;
    const float bubble_w = std::min(width * 0.78f, 520.0f);
    const ImVec2 text_size = ImGui::CalcTextSize(m.text.c_str(), nullptr, false, bubble_w - 16);
    const float x = m.inbound ? width - std::min(bubble_w, text_size.x + 16) : 0;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(std::min(bubble_w, text_size.x + 16), text_size.y + 10);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y),
                                              m.inbound ? IM_COL32(210, 236, 212, 255) : IM_COL32(232, 232, 238, 255), 8);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 8, p.y + 5));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x - 16);
    ImGui::TextUnformatted(m.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + 1));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (m.inbound ? width - 60 : 4));
    ImGui::TextDisabled("%s", format_short(m.at, s.clock.now).c_str());
    if (!m.inbound) last_out = &m;
  }
  if (last_out && !last_out->quick_replies.empty() && waiting) {
    for (size_t i = 0; i < last_out->quick_replies.size(); ++i) {
      if (i) same_line_if_fits(button_width(last_out->quick_replies[i].c_str()));
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton(last_out->quick_replies[i].c_str())) send(app, v.phone, last_out->quick_replies[i]);
      ImGui::PopID();
    }
  }
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();

  // Composer.
  ImGui::SetNextItemWidth(-button_width(tr("phone.send")) - 12);
  const bool enter = ImGui::InputTextWithHint("##msg", tr("phone.hint"), v.phone_input, sizeof v.phone_input,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  anchor(app, "phone.input");
  ImGui::SameLine();
  const bool clicked = ImGui::Button(tr("phone.send"));
  anchor(app, "phone.send");
  if ((enter || clicked) && v.phone_input[0]) {
    send(app, v.phone, v.phone_input);
    v.phone_input[0] = '\0';
    if (enter) ImGui::SetKeyboardFocusHere(-1);
  }
  ImGui::BeginDisabled(!waiting);
  if (ImGui::Button(tr("phone.no_response"))) app.emit(Command{kTrainer, "", FireSmsTimeout{v.phone}});
  anchor(app, "phone.no_response");
  ImGui::EndDisabled();
  if (waiting) {
    ImGui::SameLine();
    const auto& sess = session_it->second;
    ImGui::TextDisabled("%s", sess.timeout_on ? trf("phone.waiting_until", {format_short(sess.timeout_on, s.clock.now)}).c_str()
                                              : tr("phone.waiting"));
  }

  // Event pills and context explorer.
  if (ImGui::CollapsingHeader(tr("phone.events"), ImGuiTreeNodeFlags_DefaultOpen)) {
    int shown = 0;
    const auto& journal = session.journal();
    for (auto it = journal.rbegin(); it != journal.rend() && shown < 40; ++it)
      for (auto ev = it->result.events.rbegin(); ev != it->result.events.rend() && shown < 40; ++ev) {
        if (!contact || ev->data.value("contact_uuid", "") != contact->uuid) {
          if (!(ev->type == "case.identified" && contact)) continue;
        }
        const std::string text = describe_flow_event(s, *ev);
        if (text.empty()) continue;
        ImGui::TextDisabled("%s", format_short(ev->at, s.clock.now).c_str());
        ImGui::SameLine();
        ImGui::TextColored(ev->type == "flow.error" ? ImVec4(0.7f, 0.1f, 0.1f, 1) : ImVec4(0.15f, 0.35f, 0.55f, 1), "• %s", text.c_str());
        ++shown;
      }
    if (!shown) ImGui::TextDisabled("%s", tr("phone.no_events"));
  }
  if (contact && ImGui::CollapsingHeader(tr("phone.context"))) {
    const flows::FlowSession empty;
    const flows::FlowSession& sess = session_it != s.sms.sessions.end() ? session_it->second : empty;
    flows::Host host;
    host.now = s.clock.now;
    host.globals = {{"shortcode", s.sms.settings.shortcode}, {"open_reporting", s.sms.settings.open_reporting ? "oui" : "non"}};
    const nlohmann::json ctx = flows::build_context(*s.sms.settings.assets, *contact, sess, sess.waiting_run(), host);
    for (auto it = ctx.begin(); it != ctx.end(); ++it) json_tree(("@" + it.key()).c_str(), *it);
  }
}

}  // namespace kalan::ui
