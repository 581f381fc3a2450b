// The world browser: organisations, users, services, contacts and places, with a search field.
#include <imgui.h>

#include <algorithm>

#include "case_ui.h"
#include "i18n.h"
#include "panels.h"
#include "sms/text.h"

namespace kalan::ui {

namespace {

bool matches(const std::string& needle, std::initializer_list<std::string> hay) {
  if (needle.empty()) return true;
  for (const auto& h : hay)
    if (text::fold(h).find(needle) != std::string::npos) return true;
  return false;
}

std::string location_name(const World& w, const std::string& id) {
  const Location* l = w.find_location(id);
  return l ? l->name : id;
}

std::string org_name(const World& w, const std::string& id) {
  const Organisation* o = w.find_organisation(id);
  return o ? o->name : id;
}

std::string phone(const std::string& urn) { return urn.rfind("tel:", 0) == 0 ? urn.substr(4) : urn; }

std::string hours_text(const Service& s) {
  std::string out;
  for (const auto& h : s.hours) {
    if (!out.empty()) out += " ; ";
    out += tr(("day." + std::to_string(h.days.front())).c_str());
    if (h.days.size() > 1) out += std::string("–") + tr(("day." + std::to_string(h.days.back())).c_str());
    char buf[32];
    std::snprintf(buf, sizeof buf, " %02d:%02d–%02d:%02d", h.open / 60, h.open % 60, h.close / 60, h.close % 60);
    out += buf;
  }
  return out;
}

bool begin_table(const char* id, int columns) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  return ImGui::BeginTable(id, columns, flags);
}

void headers(std::initializer_list<const char*> keys) {
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* k : keys) ImGui::TableSetupColumn(tr(k));
  ImGui::TableHeadersRow();
}

void cells(std::initializer_list<std::string> values) {
  ImGui::TableNextRow();
  for (const auto& v : values) {
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(v.c_str());
    ImGui::PopTextWrapPos();
  }
}

// The form under the services list: every field of service.add; the actor is the user signed in to
// case management (the trainer when nobody is), and the core decides (roles, phone, duplicates).
void add_service_form(App& app) {
  ViewState& v = app.view();
  const World& w = app.session()->state().world;
  if (!v.svc_form) {
    if (ImGui::Button(tr("svc.add_open"))) v.svc_form = true;
    anchor(app, "svc.add_open");
    return;
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr("svc.add_title"));
  const float width = std::min(ImGui::GetContentRegionAvail().x, 260.0f);
  hint_input("##svc_id", tr("svc.id"), v.svc_id, sizeof v.svc_id, width);
  same_line_if_fits(width);
  hint_input("##svc_name", tr("col.name"), v.svc_name, sizeof v.svc_name, width);
  std::vector<std::string> types;
  for (const auto& t : service_types()) types.push_back(tr(("svc." + t).c_str()));
  combo(app, "##svc_type", v.svc_type, types, "svc.type", width);
  same_line_if_fits(width);
  std::vector<std::string> orgs = {tr("svc.no_org")};
  for (const auto& o : w.organisations) orgs.push_back(o.name);
  v.svc_org = std::clamp(v.svc_org, 0, static_cast<int>(orgs.size()) - 1);
  combo(app, "##svc_org", v.svc_org, orgs, "svc.organisation", width);
  std::vector<std::string> places;
  for (const auto& l : w.locations) places.push_back(l.name + " (" + l.id + ")");
  if (places.empty()) return;
  v.svc_place = std::clamp(v.svc_place, 0, static_cast<int>(places.size()) - 1);
  combo(app, "##svc_place", v.svc_place, places, "svc.place", width);
  same_line_if_fits(width);
  hint_input("##svc_phone", tr("col.phone"), v.svc_phone, sizeof v.svc_phone, width);
  static const char* kDays[] = {"mon-fri", "mon-sat", "mon-sun"};
  const char* day_labels[] = {tr("svc.days_mon_fri"), tr("svc.days_mon_sat"), tr("svc.days_mon_sun")};
  combo(app, "##svc_days", v.svc_days, {day_labels[0], day_labels[1], day_labels[2]}, "svc.days", width);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(70);
  ImGui::InputText("##svc_open", v.svc_open, sizeof v.svc_open);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(70);
  ImGui::InputText("##svc_close", v.svc_close, sizeof v.svc_close);
  const std::string phone_text = v.svc_phone;
  nlohmann::json c = {{"type", "service.add"},
                      {"actor", app.view().cases.user.empty() ? std::string(kTrainer) : app.view().cases.user},
                      {"id", v.svc_id},
                      {"name", v.svc_name},
                      {"service_type", service_types()[static_cast<size_t>(v.svc_type)]},
                      {"location", w.locations[static_cast<size_t>(v.svc_place)].id},
                      {"phone", phone_text.empty() || phone_text.rfind("tel:", 0) == 0 ? phone_text : "tel:" + phone_text},
                      {"hours", {{{"days", kDays[std::clamp(v.svc_days, 0, 2)]}, {"open", v.svc_open}, {"close", v.svc_close}}}}};
  if (v.svc_org > 0) c["organisation"] = w.organisations[static_cast<size_t>(v.svc_org - 1)].id;
  if (ImGui::Button(tr("svc.add"))) {
    Diagnostics errors;
    std::optional<Command> cmd = parse_command(c, "", errors);
    if (!cmd) {
      v.svc_ok = false;
      v.svc_message = errors.empty() ? "service.add" : render(errors.front(), language());
    } else {
      const ApplyResult r = app.emit(std::move(*cmd));
      v.svc_ok = r.ok;
      v.svc_message = r.ok ? tr("svc.added") : render_message(r.error.code, r.error.args, language());
      if (r.ok) v.svc_id[0] = v.svc_name[0] = v.svc_phone[0] = 0;
    }
  }
  anchor(app, "svc.add");
  ImGui::SameLine();
  if (ImGui::Button(tr("acc.cancel"))) v.svc_form = false;
  if (!v.svc_message.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(v.svc_ok ? ImVec4(0.2f, 0.6f, 0.3f, 1) : ImVec4(0.8f, 0.2f, 0.2f, 1), "%s", v.svc_message.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void draw_world(App& app) {
  ViewState& v = app.view();
  const World& w = app.session()->state().world;
  ImGui::TextUnformatted(tr("world.title"));
  hint_input("##search", tr("world.search"), v.world_search, sizeof v.world_search, -1);
  anchor(app, "world.search");
  const std::string q = text::fold(v.world_search);
  if (!ImGui::BeginTabBar("##worldtabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  if (ImGui::BeginTabItem(tr("world.organisations"))) {
    if (begin_table("##orgs", 3)) {
      headers({"col.name", "col.kind", "col.location"});
      for (const auto& o : w.organisations)
        if (matches(q, {o.name, o.id, location_name(w, o.location)}))
          cells({o.name, tr(("kind." + o.kind).c_str()), location_name(w, o.location)});
      ImGui::EndTable();
    }
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(tr("world.users"))) {
    if (begin_table("##users", 4)) {
      headers({"col.name", "col.role", "col.organisation", "col.phone"});
      for (const auto& u : w.users) {
        const std::string role = tr(("role." + u.role).c_str());
        if (!matches(q, {u.name, u.id, role, org_name(w, u.organisation)})) continue;
        cells({u.active ? u.name : u.name + " (" + tr("status.disabled") + ")", role, org_name(w, u.organisation), phone(u.phone)});
      }
      ImGui::EndTable();
    }
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(tr("world.services"))) {
    add_service_form(app);
    if (begin_table("##services", 5)) {
      headers({"col.name", "col.kind", "col.location", "col.phone", "col.hours"});
      for (const auto& s : w.services) {
        const std::string type = tr(("svc." + s.type).c_str());
        if (!matches(q, {s.name, s.id, type, location_name(w, s.location)})) continue;
        cells({s.name, type, location_name(w, s.location), phone(s.phone), hours_text(s)});
      }
      ImGui::EndTable();
    }
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(tr("world.contacts"))) {
    if (begin_table("##contacts", 4)) {
      headers({"col.name", "col.phone", "col.location", "col.groups"});
      for (const auto& c : w.contacts) {
        std::string groups;
        for (const auto& g : c.groups) groups += (groups.empty() ? "" : ", ") + g;
        if (!matches(q, {c.name, c.id, groups, location_name(w, c.location)})) continue;
        cells({c.name, phone(c.phone), location_name(w, c.location), groups});
      }
      ImGui::EndTable();
    }
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(tr("world.locations"))) {
    if (begin_table("##places", 3)) {
      headers({"col.name", "col.level", "col.parent"});
      for (const auto& l : w.locations) {
        if (!matches(q, {l.name, l.id})) continue;
        cells({l.name, tr(("level." + level_name(l.level)).c_str()), l.parent.empty() ? "" : location_name(w, l.parent)});
      }
      ImGui::EndTable();
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace kalan::ui
