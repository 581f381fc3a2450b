// Attachments of a case (desktop: a file path; browser: a file dropped on the page), and family
// tracing: requests that may be this child, with their scores, and the workspace's list of requests.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "case_ui.h"
#include "cases/tracing.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

bool ends_with_any(const std::string& name, std::initializer_list<const char*> exts) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  for (const char* e : exts) {
    const std::string x = e;
    if (lower.size() >= x.size() && lower.compare(lower.size() - x.size(), x.size(), x) == 0) return true;
  }
  return false;
}

std::string mime_of(const std::string& name) {
  if (ends_with_any(name, {".jpg", ".jpeg"})) return "image/jpeg";
  if (ends_with_any(name, {".png"})) return "image/png";
  if (ends_with_any(name, {".pdf"})) return "application/pdf";
  if (ends_with_any(name, {".txt"})) return "text/plain";
  return "application/octet-stream";
}

void add_attachment(App& app, const CaseRecord& c, const std::string& name, const std::string& base64) {
  const std::string mime = mime_of(name);
  case_command(app, "case.attachment.add",
               {{"case", c.id}, {"name", name}, {"kind", mime.rfind("image/", 0) == 0 ? "photo" : "document"}, {"mime", mime},
                {"content", base64}},
               "attachments", "case.sent");
}

std::string size_text(std::int64_t n) {
  char buf[32];
  if (n < 1024) std::snprintf(buf, sizeof buf, "%lld o", static_cast<long long>(n));
  else std::snprintf(buf, sizeof buf, "%.1f Ko", static_cast<double>(n) / 1024.0);
  return buf;
}

void confirm_button(App& app, const TracingRequest& t, const std::string& case_id, const char* where) {
  if (!t.matched_case.empty()) return;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("trace.confirm")))
    case_command(app, "tracing.match.confirm", {{"request", t.id}, {"case", case_id}}, where, "case.sent");
  anchor(app, "trace.confirm." + t.id + "." + case_id);
}

}  // namespace

void draw_case_attachments(App& app, const CaseRecord& c) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  show_feedback(app, "attachments");
  for (const auto& a : c.attachments) {
    if (a.removed) continue;
    ImGui::PushID(a.id.c_str());
    ImGui::BulletText("%s — %s, %s, %s (%s, %s)", a.name.c_str(), tr_value("attach.", a.kind).c_str(), a.mime.c_str(),
                      size_text(a.size).c_str(), display_name(s, a.added_by).c_str(), format_short(a.added_at, s.clock.now).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("attach.remove")))
      case_command(app, "case.attachment.remove", {{"case", c.id}, {"attachment", a.id}}, "attachments", "case.sent");
    ImGui::PopID();
  }
  ImGui::Separator();
  if (app.platform().read_file) {
    hint_input("##path", tr("picker.path"), v.attach_path, sizeof v.attach_path, std::min(ImGui::GetContentRegionAvail().x, 380.0f));
    same_line_if_fits(button_width(tr("attach.add")));
    if (ImGui::Button(tr("attach.add"))) {
      const std::string path = v.attach_path;
      if (auto bytes = app.platform().read_file(path)) {
        add_attachment(app, c, path.substr(path.find_last_of("/\\") + 1), base64_encode(*bytes));
      } else {
        v.error_where = "attachments";
        v.error = trf("attach.unreadable", {path});
      }
    }
  } else {
    ImGui::TextWrapped("%s", tr("attach.drop"));
    if (!v.dropped_name.empty()) {
      ImGui::Text("%s", v.dropped_name.c_str());
      ImGui::SameLine();
      if (ImGui::Button(tr("attach.add"))) {
        add_attachment(app, c, v.dropped_name, v.dropped_content);
        v.dropped_name.clear();
        v.dropped_content.clear();
      }
    }
  }
}

void draw_case_tracing(App& app, const CaseRecord& c) {
  const State& s = app.session()->state();
  show_feedback(app, "tracing");
  int shown = 0;
  for (const auto& t : s.cases.tracing) {
    const bool matched = t.matched_case == c.id;
    double score = 0;
    if (!matched) {
      for (const auto& m : tracing_matches(s.cases, s.world, t))
        if (m.case_id == c.id) score = m.score;
      if (score == 0) continue;
    }
    ImGui::PushID(t.id.c_str());
    ImGui::BulletText("%s", trf("trace.line", {t.id, t.inquirer_name, t.relation, t.child_name, tr_value("trace_status.", t.status)}).c_str());
    if (!matched) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", trf("trace.score", {std::to_string(static_cast<int>(score * 100 + 0.5))}).c_str());
      confirm_button(app, t, c.id, "tracing");
    }
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("%s", tr("trace.none"));
}

void draw_tracing_requests(App& app) {
  CaseView& v = app.view().cases;
  const State& s = app.session()->state();
  show_feedback(app, "tracing");
  for (const auto& t : s.cases.tracing) {
    ImGui::PushID(t.id.c_str());
    ImGui::Separator();
    ImGui::TextWrapped("%s", trf("trace.line", {t.id, t.inquirer_name, t.relation, t.child_name, tr_value("trace_status.", t.status)}).c_str());
    if (!t.description.empty()) ImGui::TextDisabled("%s", t.description.c_str());
    if (!t.matched_case.empty()) ImGui::Text("%s", trf("trace.matched", {t.matched_case}).c_str());
    else
      for (const auto& m : tracing_matches(s.cases, s.world, t)) {
        const CaseRecord* c = s.cases.find(m.case_id);
        ImGui::PushID(m.case_id.c_str());
        if (ImGui::SmallButton(m.case_id.c_str())) v.open_case = m.case_id;
        ImGui::SameLine();
        ImGui::Text("%s — %s", c ? c->child_name.c_str() : "",
                    trf("trace.score", {std::to_string(static_cast<int>(m.score * 100 + 0.5))}).c_str());
        confirm_button(app, t, m.case_id, "tracing");
        ImGui::PopID();
      }
    ImGui::PopID();
  }
  if (!ImGui::CollapsingHeader(tr("trace.new"))) return;
  ImGui::PushID("newtrace");
  const float w = std::min(ImGui::GetContentRegionAvail().x, 260.0f);
  hint_input("##inq", tr("trace.inquirer"), v.inquirer, sizeof v.inquirer, w);
  same_line_if_fits(w);
  hint_input("##rel", tr("trace.relation"), v.note, sizeof v.note, w);
  hint_input("##child", tr("col.child"), v.child, sizeof v.child, w);
  same_line_if_fits(90);
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(tr("col.age"), &v.age, 0);
  v.age = std::clamp(v.age, -1, 17);
  ImGui::RadioButton(tr("sex.f"), &v.sex, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr("sex.m"), &v.sex, 1);
  hint_input("##desc", tr("cases.summary"), v.summary, sizeof v.summary, std::min(ImGui::GetContentRegionAvail().x, 400.0f));
  if (ImGui::Button(tr("trace.create"))) {
    nlohmann::json a = {{"inquirer_name", v.inquirer}, {"relation", v.note}, {"child_name", v.child},
                        {"sex", v.sex == 0 ? "f" : "m"}, {"description", v.summary}};
    if (v.age >= 0) a["age"] = v.age;
    if (case_command(app, "tracing.request.create", a, "tracing", "case.sent")) v.inquirer[0] = v.child[0] = 0;
  }
  ImGui::PopID();
}

}  // namespace kalan::ui
