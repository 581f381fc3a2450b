// The trainee's exercise panel: pick an exercise of the scenario, see its tasks, progress, score,
// the hints (shown after their delay or on request) and the mistakes with their explanations.
#include <imgui.h>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

void draw_exercise(App& app) {
  const Scenario& sc = app.session()->scenario();
  if (sc.exercises.empty()) {
    ImGui::TextWrapped("%s", tr("exercise.none"));
    return;
  }
  const ExerciseRun* run = app.exercise_run();
  if (!run) {
    ImGui::TextWrapped("%s", tr("exercise.pick"));
    for (size_t i = 0; i < sc.exercises.size(); ++i) {
      const Exercise& ex = sc.exercises[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::Separator();
      ImGui::TextWrapped("%s", ex.title.in(language()).c_str());
      ImGui::TextDisabled("%s", ex.module.c_str());
      if (ImGui::Button(tr("exercise.start"))) app.start_exercise(i);
      anchor(app, "exercise.start." + ex.id);
      ImGui::PopID();
    }
    return;
  }
  const Exercise& ex = run->exercise();
  ImGui::TextWrapped("%s", ex.title.in(language()).c_str());
  ImGui::Text("%s", trf("exercise.score", {std::to_string(run->score()), std::to_string(run->max_score()),
                                           std::to_string(run->achieved_count()), std::to_string(ex.tasks.size())})
                        .c_str());
  anchor(app, "exercise.score");
  ImGui::Separator();
  ImGui::TextUnformatted(tr("exercise.tasks"));
  for (size_t i = 0; i < ex.tasks.size(); ++i) {
    const TaskProgress& p = run->tasks()[i];
    const char* mark = p.achieved ? (p.late ? "[~]" : "[x]") : (p.missed ? "[!]" : "[ ]");
    ImGui::TextWrapped("%s %s (%lld)", mark, ex.tasks[i].title.in(language()).c_str(),
                       static_cast<long long>(ex.tasks[i].weight));
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr("exercise.hints"));
  for (size_t i = 0; i < ex.hints.size(); ++i) {
    ImGui::PushID(static_cast<int>(i) + 1000);
    if (run->hint_shown(i)) {
      ImGui::TextWrapped("- %s", ex.hints[i].text.in(language()).c_str());
    } else if (ImGui::SmallButton(trf("exercise.hint_ask", {std::to_string(ex.hints[i].cost)}).c_str())) {
      app.request_hint(i);
    }
    ImGui::PopID();
  }
  if (!run->mistakes().empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("exercise.mistakes"));
    for (const auto& m : run->mistakes())
      ImGui::TextWrapped("- %s", ex.mistakes[m.mistake].explanation.in(language()).c_str());
  }
  if (ImGui::Button(tr("exercise.debrief"))) app.save_debrief();
}

}  // namespace kalan::ui
