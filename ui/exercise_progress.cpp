// Exercise progress for trainers: the table of every trainee's (or pair's) tasks, score, mistakes and
// hints, and the debrief files of a room's exercises. Used by the exercise panel's trainer view and by
// the room's trainer console (ui/room_view.cpp).
#include <imgui.h>

#include "exercises/check.h"
#include "exercises/debrief.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_progress_table(App& app, const char* id, const std::vector<ProgressRow>& rows, const char* button,
                         const std::function<void(size_t)>& on_button) {
  const bool with_button = button && on_button;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(id, with_button ? 6 : 5, flags)) return;
  for (const char* col : {"progress.col_who", "progress.col_tasks", "progress.col_score", "progress.col_mistakes",
                          "progress.col_hints"})
    ImGui::TableSetupColumn(tr(col));
  if (with_button) ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < rows.size(); ++i) {
    const ProgressRow& r = rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.label.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%zu / %zu", r.p.tasks_done, r.p.tasks_total);
    ImGui::TableNextColumn();
    ImGui::Text("%lld / %lld", static_cast<long long>(r.p.score), static_cast<long long>(r.p.max_score));
    ImGui::TableNextColumn();
    ImGui::Text("%zu", r.p.mistakes);
    ImGui::TableNextColumn();
    ImGui::Text("%zu", r.p.hints);
    if (with_button) {
      ImGui::TableNextColumn();
      if (r.action && ImGui::SmallButton(button)) on_button(i);
      if (r.action && !r.anchor.empty()) anchor(app, r.anchor);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

ProgressSummary progress_of(const ExerciseBoard& board, const std::string& actor) {
  ProgressSummary total;
  total.actor = actor;
  for (const auto& run : board.runs()) total += summarize(*run, actor);
  return total;
}

std::string save_room_debrief(App& app, const std::string& actor, bool as_json) {
  const ExerciseBoard* board = app.board();
  if (!board || !app.session() || !app.platform().save_file) return "";
  const Lang lang = language();
  std::vector<const ExerciseRun*> runs, refs;
  std::vector<std::unique_ptr<ExerciseRun>> played;
  for (const auto& run : board->runs()) {
    bool took_part = actor.empty();
    for (const auto& a : actor_progress(*run)) took_part = took_part || a.actor == actor;
    if (!took_part) continue;
    const Exercise& ex = run->exercise();
    played.push_back(ex.reference_solution.empty() ? nullptr
                                                   : play_exercise(app.session()->scenario(), ex, ex.reference_solution));
    runs.push_back(run.get());
    refs.push_back(played.back().get());
  }
  nlohmann::json d;
  if (actor.empty()) {
    d = room_debrief_json(runs, refs, lang);
  } else {
    d = {{"format", "kalan-trainee-debrief"}, {"lang", lang == Lang::en ? "en" : "fr"}, {"trainee", actor},
         {"runs", nlohmann::json::array()}};
    for (size_t i = 0; i < runs.size(); ++i) d["runs"].push_back(trainee_debrief_json(*runs[i], refs[i], actor, lang));
  }
  const std::string name = "debriefing-" + (actor.empty() ? std::string("salle") : actor) + (as_json ? ".json" : ".html");
  const std::string err = app.platform().save_file(name, as_json ? dump_json(d, 1) : debrief_html(d, lang));
  return err.empty() ? trf("progress.saved", {name}) : trf("app.save_failed", {err});
}

}  // namespace kalan::ui
