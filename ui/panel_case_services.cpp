// Referrals (a service of the directory, searched by type and place) and transfers (to a worker of
// another structure), with both sides' answers, transfer requests and assignment within the structure.
#include <imgui.h>

#include <algorithm>
#include <set>

#include "case_ui.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

void note_fields(App& app, const char* hint_comment, const char* hint_note) {
  CaseView& v = app.view().cases;
  const float w = std::min(ImGui::GetContentRegionAvail().x, 300.0f);
  hint_input("##comment", tr(hint_comment), v.comment, sizeof v.comment, w);
  if (hint_note) {
    same_line_if_fits(w);
    hint_input("##note", tr(hint_note), v.note, sizeof v.note, w);
  }
}

void referral_dialog(App& app, const CaseRecord& c) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  if (!ImGui::CollapsingHeader(tr("ref.new"))) return;
  anchor(app, "ref.new");
  std::set<std::string> type_set;
  for (const auto& sv : s.world.services) type_set.insert(sv.type);
  const std::vector<std::string> types(type_set.begin(), type_set.end());
  std::vector<std::string> type_labels = {tr("cases.any")}, place_labels = {tr("cases.any")};
  for (const auto& t : types) type_labels.push_back(tr_value("svc.", t));
  for (const auto& l : s.world.locations) place_labels.push_back(l.name);
  combo(app, "##type", v.service_type, type_labels, "ref.type", 200);
  same_line_if_fits(200);
  combo(app, "##place", v.service_place, place_labels, "ref.place", 200);
  const std::string type = v.service_type > 0 ? types[static_cast<size_t>(v.service_type - 1)] : "";
  const std::string place = v.service_place > 0 ? s.world.locations[static_cast<size_t>(v.service_place - 1)].id : "";
  int shown = 0;
  for (const auto& sv : s.world.services) {
    if (!type.empty() && sv.type != type) continue;
    // A place matches its own services and those of the places it contains.
    bool in_place = place.empty();
    for (const Location* l = s.world.find_location(sv.location); l && !in_place; l = s.world.find_location(l->parent))
      in_place = l->id == place;
    if (!in_place) continue;
    ImGui::PushID(sv.id.c_str());
    if (ImGui::SmallButton(tr("ref.refer")))
      case_command(app, "case.referral.create", {{"case", c.id}, {"service", sv.id}, {"note", v.note}}, "referrals", "case.sent");
    anchor(app, "ref.refer." + sv.id);
    ImGui::SameLine();
    ImGui::TextWrapped("%s — %s, %s", sv.name.c_str(), tr_value("svc.", sv.type).c_str(), place_name(s, sv.location).c_str());
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("%s", tr("ref.none_found"));
}

}  // namespace

void draw_case_referrals(App& app, const CaseRecord& c) {
  const State& s = app.session()->state();
  note_fields(app, "case.comment", "ref.note");
  show_feedback(app, "referrals");
  for (const auto& r : c.referrals) {
    ImGui::PushID(r.id.c_str());
    ImGui::Separator();
    const Service* sv = s.world.find_service(r.service);
    ImGui::Text("%s — %s", r.id.c_str(), sv ? sv->name.c_str() : r.service.c_str());
    ImGui::TextDisabled("%s", trf("ref.line", {tr_value("svc.", r.service_type), tr_value("ref_status.", r.status),
                                               display_name(s, r.created_by), format_when(r.created_at)}).c_str());
    ImGui::PushTextWrapPos(0);
    if (!r.note.empty()) ImGui::Text("%s", trf("ref.note_is", {r.note}).c_str());
    if (!r.response.empty()) ImGui::Text("%s", trf("ref.response_is", {display_name(s, r.responded_by), r.response}).c_str());
    if (!r.result.empty()) ImGui::Text("%s", trf("ref.result_is", {r.result}).c_str());
    ImGui::PopTextWrapPos();
    const auto& v = app.view().cases;
    auto button = [&](const char* key, const char* type, nlohmann::json args, const char* id) {
      args["case"] = c.id;
      args["referral"] = r.id;
      same_line_if_fits(button_width(tr(key)));
      if (ImGui::SmallButton(tr(key))) case_command(app, type, args, "referrals", "case.sent");
      anchor(app, std::string("ref.") + id + "." + r.id);
    };
    if (r.status == "in_progress") {
      button("ref.accept", "case.referral.respond", {{"decision", "accept"}, {"comment", v.comment}}, "accept");
      button("ref.reject", "case.referral.respond", {{"decision", "reject"}, {"comment", v.comment}}, "reject");
    }
    if (r.status == "accepted") {
      button("ref.done", "case.referral.done", {{"result", v.note}}, "done");
    }
    if (r.status == "in_progress" || r.status == "accepted") button("ref.revoke", "case.referral.revoke", {{"comment", v.comment}}, "revoke");
    ImGui::PopID();
  }
  referral_dialog(app, c);
}

void draw_case_transfers(App& app, const CaseRecord& c) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  note_fields(app, "case.comment", "ref.note");
  show_feedback(app, "transfers");
  for (const auto& t : c.transfers) {
    ImGui::PushID(t.id.c_str());
    ImGui::Separator();
    ImGui::Text("%s → %s (%s)", t.id.c_str(), display_name(s, t.to_user).c_str(), org_name(s, t.to_organisation).c_str());
    ImGui::TextDisabled("%s", trf("ref.line", {display_name(s, t.from_user), tr_value("ref_status.", t.status),
                                               display_name(s, t.created_by), format_when(t.created_at)}).c_str());
    if (!t.note.empty()) ImGui::TextWrapped("%s", trf("ref.note_is", {t.note}).c_str());
    if (!t.response.empty()) ImGui::TextWrapped("%s", trf("ref.response_is", {display_name(s, t.responded_by), t.response}).c_str());
    if (t.status == "in_progress") {
      for (const char* d : {"accept", "reject"}) {
        if (ImGui::SmallButton(tr((std::string("ref.") + d).c_str())))
          case_command(app, "case.transfer.respond", {{"case", c.id}, {"transfer", t.id}, {"decision", d}, {"comment", v.comment}},
                       "transfers", "case.sent");
        ImGui::SameLine();
      }
      if (ImGui::SmallButton(tr("ref.revoke")))
        case_command(app, "case.transfer.revoke", {{"case", c.id}, {"transfer", t.id}}, "transfers", "case.sent");
    }
    ImGui::PopID();
  }
  // To a case worker of another structure, or within the structure (assignment).
  std::vector<const User*> others, mine;
  for (const auto& u : s.world.users)
    if (u.role == "case_worker" && u.active) (u.organisation == c.organisation ? mine : others).push_back(&u);
  auto labels = [&](const std::vector<const User*>& list) {
    std::vector<std::string> out;
    for (const User* u : list) out.push_back(u->name + " — " + org_name(s, u->organisation));
    return out;
  };
  ImGui::Separator();
  ImGui::TextUnformatted(tr("trf.new"));
  if (!others.empty()) {
    combo(app, "##to", v.pick_user, labels(others), "trf.to", std::min(ImGui::GetContentRegionAvail().x, 320.0f));
    same_line_if_fits(button_width(tr("trf.send")));
    if (ImGui::Button(tr("trf.send")))
      case_command(app, "case.transfer.create", {{"case", c.id}, {"to_user", others[(size_t)std::min<int>(v.pick_user, (int)others.size() - 1)]->id},
                                                 {"note", v.note}}, "transfers", "case.sent");
    anchor(app, "trf.send");
  }
  if (ImGui::Button(tr("trf.request")))
    case_command(app, "case.transfer.request", {{"case", c.id}, {"note", v.note}}, "transfers", "case.sent");
  for (const auto& q : c.transfer_requests)
    ImGui::BulletText("%s", trf("trf.request_line", {q.id, display_name(s, q.by), org_name(s, q.organisation), tr_value("ref_status.", q.status),
                                                    q.note}).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(tr("trf.assign"));
  if (!mine.empty()) {
    int& pick = v.assign_user;
    combo(app, "##assign", pick, labels(mine), "trf.assign_to", std::min(ImGui::GetContentRegionAvail().x, 320.0f));
    same_line_if_fits(button_width(tr("trf.assign_do")));
    if (ImGui::Button(tr("trf.assign_do")))
      case_command(app, "case.assign", {{"case", c.id}, {"user", mine[(size_t)std::min<int>(pick, (int)mine.size() - 1)]->id}}, "transfers",
                   "case.sent");
  }
}

}  // namespace kalan::ui
