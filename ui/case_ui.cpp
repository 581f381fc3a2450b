#include "case_ui.h"

#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

bool case_command(App& app, const char* type, nlohmann::json args, const char* where, const char* notice) {
  CaseView& v = app.view().cases;
  args["type"] = type;
  args["actor"] = v.user;
  Diagnostics errors;
  std::optional<Command> c = parse_command(args, "", errors);
  v.error_where = where;
  v.notice.clear();
  if (!c) {
    v.error = errors.empty() ? std::string(type) : render_message(errors.front().code, errors.front().args, language());
    return false;
  }
  const ApplyResult r = app.emit(std::move(*c));
  if (!r.ok) {
    v.error = render_message(r.error.code, r.error.args, language());
    return false;
  }
  v.error.clear();
  if (notice) v.notice = tr(notice);
  return true;
}

void show_feedback(App& app, const char* where) {
  const CaseView& v = app.view().cases;
  if (v.error_where != where) return;
  ImGui::PushTextWrapPos(0);
  if (!v.error.empty()) {
    ImGui::TextColored(ImVec4(0.72f, 0.1f, 0.1f, 1), "%s", trf("events.refused", {v.error}).c_str());
    anchor(app, "case.error");
  } else if (!v.notice.empty()) {
    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", v.notice.c_str());
  }
  ImGui::PopTextWrapPos();
}

void draw_sign_in(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  auto label = [&](const std::string& id) {
    const User* u = s.world.find_user(id);
    if (!u) return std::string(tr("who.trainer"));
    return u->name + " — " + tr_value("role.", u->role) + ", " + org_name(s, u->organisation);
  };
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("cases.signed_in"));
  ImGui::SameLine();
  if (v.user_locked) {
    ImGui::TextUnformatted(label(v.user).c_str());
    anchor(app, "cases.user");
    return;
  }
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 460.0f));
  const bool open = ImGui::BeginCombo("##signin", label(v.user).c_str());
  anchor(app, "cases.user");
  if (open) {
    auto item = [&](const std::string& id) {
      if (ImGui::Selectable(label(id).c_str(), v.user == id)) {
        v.user = id;
        v.open_case.clear();
        v.open_form.clear();
        v.error.clear();
        app.view().reporting.instance.clear();  // a report being filled stays on the previous user's phone
        app.view().reporting.new_structure = 0;
      }
      anchor(app, "cases.user." + id);
    };
    item(kTrainer);
    for (const auto& u : s.world.users)
      if (u.active) item(u.id);
    ImGui::EndCombo();
  }
}

std::string org_name(const State& s, const std::string& id) {
  const Organisation* o = s.world.find_organisation(id);
  return o ? o->name : id;
}

std::string place_name(const State& s, const std::string& id) {
  const Location* l = s.world.find_location(id);
  return l ? l->name : id;
}

std::string tr_value(const char* prefix, const std::string& value) {
  if (value.empty()) return "—";
  const std::string key = prefix + value;
  const char* t = tr(key.c_str());
  return key == t ? value : t;
}

std::string base64_encode(const std::string& bytes) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
    out += {k[n >> 18], k[(n >> 12) & 63], k[(n >> 6) & 63], k[n & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = (unsigned char)bytes[i] << 16;
    out += {k[n >> 18], k[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
    out += {k[n >> 18], k[(n >> 12) & 63], k[(n >> 6) & 63], '='};
  }
  return out;
}

bool combo(App& app, const char* id, int& current, const std::vector<std::string>& labels, const char* anchor_id,
           float width) {
  bool changed = false;
  if (current < 0 || current >= static_cast<int>(labels.size())) current = 0;
  ImGui::SetNextItemWidth(width);
  const bool open = ImGui::BeginCombo(id, labels.empty() ? "" : labels[static_cast<size_t>(current)].c_str());
  anchor(app, anchor_id);
  if (open) {
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(labels[static_cast<size_t>(i)].c_str(), i == current)) {
        current = i;
        changed = true;
      }
      anchor(app, std::string(anchor_id) + "." + std::to_string(i));
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace kalan::ui
