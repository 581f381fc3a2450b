// The monthly report on the signed-in user's phone, as in KoboCollect: pick a structure and a month,
// fill the form (the shared renderer, form_view.h) with the computed sums under each total, save the
// draft, finalize, send. With the phone offline, sent reports wait in the outbox and leave when it is
// back online. Below: the drafts, the outbox and the reports sent.
#include <imgui.h>

#include <algorithm>
#include <functional>

#include "case_ui.h"
#include "form_view.h"
#include "i18n.h"
#include "panels.h"
#include "reporting/monthly.h"
#include "reporting_ui.h"

namespace kalan::ui {

namespace {

using nlohmann::json;

const char* kWhere = "monthly";

const ImVec4 kWarn(0.72f, 0.1f, 0.1f, 1);

void online_switch(App& app, bool online) {
  bool offline = !online;
  if (ImGui::Checkbox(tr("monthly.offline"), &offline))
    case_command(app, "reporting.set_online", {{"online", !offline}}, kWhere, offline ? "monthly.now_offline" : "monthly.now_online");
  anchor(app, "monthly.offline");
  if (offline) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.75f, 0.4f, 0.0f, 1), "%s", tr("monthly.offline_note"));
  }
}

void start_report(ReportingView& v, std::string instance, std::string deprecated, json values) {
  v.instance = std::move(instance);
  v.deprecated = std::move(deprecated);
  v.draft = std::move(values);
  v.show_issues = false;
}

void new_report_picker(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const std::string& user = app.view().cases.user;
  const auto structures = report_structures_for(s.world, user);
  if (v.new_year == 0) {
    const auto [year, month] = reporting_month(s.clock.now);
    v.new_year = year;
    v.new_month = month - 1;
  }
  std::vector<std::string> names, months;
  for (const auto& id : structures) names.push_back(short_name(s, id));
  for (int m = 1; m <= 12; ++m) months.push_back(month_name(m));
  combo(app, "##structure", v.new_structure, names, "monthly.structure", 280);
  same_line_if_fits(110);
  combo(app, "##month", v.new_month, months, "monthly.month", 110);
  same_line_if_fits(110);
  ImGui::SetNextItemWidth(110);
  ImGui::InputInt("##year", &v.new_year, 1);
  v.new_year = std::clamp(v.new_year, 2020, 2035);
  same_line_if_fits(button_width(tr("monthly.new")));
  if (ImGui::Button(tr("monthly.new")) && !structures.empty()) {
    const std::string& structure = structures[static_cast<std::size_t>(v.new_structure)];
    start_report(v, new_instance_id(s.reporting, user, structure, v.new_year, v.new_month + 1), "",
                 new_report_values(s.world, structure, v.new_year, v.new_month + 1));
  }
  anchor(app, "monthly.new");
}

std::string report_line(const State& s, const json& values) {
  auto text = [&](const char* k) { return values.contains(k) && values[k].is_string() ? values[k].get<std::string>() : ""; };
  const std::string month = text("month");
  return short_name(s, text("structure")) + " — " + (month.empty() ? "?" : month_name(std::atoi(month.c_str()))) + " " + text("year");
}

void drafts_list(App& app, ReportingView& v, const DeviceLists& l) {
  const State& s = app.session()->state();
  ImGui::TextUnformatted(trf("monthly.drafts", {std::to_string(l.drafts.size())}).c_str());
  // A command may remove a draft from the list being drawn: it is sent after the loop.
  std::function<void()> command;
  for (const Draft* d : l.drafts) {
    ImGui::PushID(d->instance.c_str());
    ImGui::Indent();
    if (ImGui::SmallButton(tr("monthly.open"))) start_report(v, d->instance, d->deprecated, d->values);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("monthly.discard")))
      command = [&app, id = d->instance] { case_command(app, "reporting.draft.discard", {{"instance", id}}, kWhere, "monthly.discarded"); };
    if (d->status == "finalized") {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("monthly.send")))
        command = [&app, id = d->instance, online = l.online] {
          case_command(app, "reporting.send", {{"instance", id}}, kWhere, online ? "monthly.sent" : "monthly.queued");
        };
    }
    ImGui::SameLine();
    ImGui::TextUnformatted((report_line(s, d->values) + " · " + tr_value("draft_status.", d->status) + " · " +
                            format_short(d->saved_at, s.clock.now)).c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (command) command();
}

void outbox_and_sent(App& app, ReportingView& v, const DeviceLists& l) {
  const State& s = app.session()->state();
  ImGui::TextUnformatted(trf("monthly.outbox", {std::to_string(l.outbox.size())}).c_str());
  anchor(app, "monthly.outbox");
  for (const Draft* d : l.outbox) ImGui::BulletText("%s · %s", report_line(s, d->values).c_str(), d->instance.c_str());
  ImGui::TextUnformatted(trf("monthly.sent_list", {std::to_string(l.sent.size())}).c_str());
  for (const Submission* sub : l.sent) {
    ImGui::PushID(static_cast<int>(sub->id));
    ImGui::Indent();
    if (ImGui::SmallButton(tr("monthly.edit")))
      start_report(v, new_instance_id(s.reporting, app.view().cases.user, sub->value("structure"),
                                      static_cast<int>(sub->count("year")), static_cast<int>(sub->count("month"))),
                   sub->uuid, sub->values.to_json());
    ImGui::SameLine();
    ImGui::TextUnformatted(("_id " + std::to_string(sub->id) + " · " + report_line(s, sub->values.to_json()) + " · " +
                            format_short(sub->submitted_at, s.clock.now) + " · " + validation_label(sub->validation)).c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
}

bool save_draft(App& app, const ReportingView& v) {
  json args = {{"instance", v.instance}, {"values", v.draft}};
  if (!v.deprecated.empty()) args["deprecated"] = v.deprecated;
  return case_command(app, "reporting.draft.save", args, kWhere, "monthly.saved");
}

// The form's buttons: save the draft; finalize (the form must be valid); finalize and send.
void form_actions(App& app, ReportingView& v, const forms::Validation& check, bool online) {
  if (ImGui::Button(tr("form.back"))) v.instance.clear();
  ImGui::SameLine();
  if (ImGui::Button(tr("monthly.save"))) save_draft(app, v);
  anchor(app, "monthly.save");
  for (const bool send : {false, true}) {
    const char* label = tr(send ? "monthly.finalize_send" : "monthly.finalize");
    same_line_if_fits(button_width(label));
    if (!ImGui::Button(label)) continue;
    v.show_issues = true;
    CaseView& cv = app.view().cases;
    if (!check.ok()) {
      cv.error_where = kWhere;
      cv.error = trf("form.invalid", {std::to_string(check.issues.size())});
    } else if (save_draft(app, v) && case_command(app, "reporting.finalize", {{"instance", v.instance}}, kWhere, "monthly.finalized") &&
               (!send || case_command(app, "reporting.send", {{"instance", v.instance}}, kWhere, online ? "monthly.sent" : "monthly.queued"))) {
      v.instance.clear();
    }
  }
}

// Under each total: the sums of its breakdowns as the form's answers give them, read-only.
void computed_sums(const forms::Field& f, const json& normalized) {
  const auto it = normalized.find(f.name);
  if (it == normalized.end() || !it->is_string() || std::atoll(it->get<std::string>().c_str()) <= 0) return;
  for (const ComputedTotal& t : computed_totals(normalized)) {
    if (t.total != f.name) continue;
    const std::string line = trf(("monthly.sum." + t.part).c_str(), {std::to_string(t.sum)});
    if (t.matches) ImGui::TextDisabled("%s", line.c_str());
    else ImGui::TextColored(kWarn, "%s", trf("monthly.sum_differs", {line, it->get<std::string>()}).c_str());
  }
}

void fill(App& app, ReportingView& v, const DeviceLists& l) {
  const State& s = app.session()->state();
  forms::EvalContext ctx;
  ctx.now = s.clock.now;
  const forms::Validation check = reporting::validate_monthly(v.draft, s.world, ctx);
  form_actions(app, v, check, l.online);
  show_feedback(app, kWhere);
  ImGui::TextDisabled("%s", (v.deprecated.empty() ? trf("monthly.instance", {v.instance})
                                                  : trf("monthly.instance_edit", {v.instance, v.deprecated})).c_str());
  const forms::Form& form = reporting::monthly_form();
  ImGui::TextUnformatted(form.title.in(language()).c_str());
  ImGui::Separator();
  draw_form_fields(app, form, ctx, check, v.draft, v.show_issues, computed_sums);
}

}  // namespace

void draw_monthly_report(App& app) {
  ReportingView& v = app.view().reporting;
  const State& s = app.session()->state();
  draw_sign_in(app);
  online_switch(app, device_lists(s.reporting, app.view().cases.user).online);
  const DeviceLists lists = device_lists(s.reporting, app.view().cases.user);  // after the switch's flush
  if (!v.instance.empty()) return fill(app, v, lists);
  new_report_picker(app, v);
  show_feedback(app, kWhere);
  ImGui::Separator();
  drafts_list(app, v, lists);
  outbox_and_sent(app, v, lists);
}

}  // namespace kalan::ui
