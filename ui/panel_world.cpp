// The world browser: organisations, users, services, contacts and places, with a search field.
#include <imgui.h>

#include <algorithm>

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

}  // namespace

void draw_world(App& app) {
  ViewState& v = app.view();
  const World& w = app.session()->state().world;
  ImGui::TextUnformatted(tr("world.title"));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", tr("world.search"), v.world_search, sizeof v.world_search);
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
