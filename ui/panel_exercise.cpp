// The trainee's exercise panel: pick an exercise of the scenario, see its tasks, progress, score,
// the hints (shown after their delay or on request) and the mistakes with their explanations.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <map>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

// Room mode: the trainer starts the room's exercises; the panel shows one of those started so far.
const ExerciseRun* pick_room_run(App& app, const ExerciseBoard& board) {
  if (board.runs().empty()) {
    ImGui::TextWrapped("%s", tr("exercise.room_waiting"));
    return nullptr;
  }
  std::string& shown = app.view().exercise_shown;
  const ExerciseRun* run = board.find(shown);
  if (!run) run = board.runs().back().get(), shown = run->exercise().id;
  if (board.runs().size() > 1 && ImGui::BeginCombo("##room_exercise", run->exercise().title.in(language()).c_str())) {
    for (const auto& r : board.runs())
      if (ImGui::Selectable(r->exercise().title.in(language()).c_str(), r.get() == run)) shown = r->exercise().id;
    ImGui::EndCombo();
  }
  return run;
}

// Every actor's progress in the run, then the pair's (the whole run); in a room, the room's total.
void draw_trainer_view(App& app, const ExerciseRun& run) {
  const State& s = app.session()->state();
  std::vector<ProgressRow> rows;
  for (const auto& a : actor_progress(run)) rows.push_back({display_name(s, a.actor), a, ""});
  rows.push_back({tr("progress.pair"), summarize(run), ""});
  if (const ExerciseBoard* board = app.board()) rows.push_back({tr("progress.room"), progress_of(*board, "*"), ""});
  draw_progress_table(app, "##exercise_actors", rows);
}

}  // namespace

void draw_exercise(App& app) {
  const Scenario& sc = app.session()->scenario();
  if (sc.exercises.empty()) {
    ImGui::TextWrapped("%s", tr("exercise.none"));
    return;
  }
  const ExerciseRun* run = app.exercise_run();
  if (const ExerciseBoard* board = app.board()) {
    run = pick_room_run(app, *board);
    if (!run) return;
  } else if (!run) {
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
  if (!ex.questions.empty()) {
    // Questions: the answer goes through the core as exercise.answer, by the user signed in to case
    // management (the trainer when nobody is); the exercise's conditions judge it.
    ImGui::Separator();
    ImGui::TextUnformatted(tr("exercise.questions"));
    static std::map<std::string, std::array<char, 256>> typed;
    for (const auto& q : ex.questions) {
      ImGui::PushID(q.id.c_str());
      ImGui::TextWrapped("%s", q.text.in(language()).c_str());
      const AnswerGiven* last = nullptr;
      for (const auto& a : run->answers())
        if (a.question == q.id) last = &a;
      if (last)
        ImGui::TextDisabled("%s", trf(last->correct ? "exercise.answer_right" : "exercise.answer_wrong",
                                      {last->answer.is_string() ? last->answer.get<std::string>() : last->answer.dump()})
                                      .c_str());
      auto& buf = typed[ex.id + "/" + q.id];
      ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - 90.0f, 320.0f));
      ImGui::InputText("##answer", buf.data(), buf.size());
      ImGui::SameLine();
      if (ImGui::Button(tr("exercise.answer")) && buf[0] != 0) {
        const std::string& user = app.view().cases.user;
        nlohmann::json c = {{"type", "exercise.answer"}, {"actor", user.empty() ? std::string(kTrainer) : user},
                            {"exercise", ex.id}, {"question", q.id}, {"answer", std::string(buf.data())}};
        Diagnostics errors;
        if (auto cmd = parse_command(c, "", errors)) app.emit(std::move(*cmd));
        buf[0] = 0;
      }
      anchor(app, "exercise.answer." + q.id);
      ImGui::PopID();
    }
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr("exercise.hints"));
  for (size_t i = 0; i < ex.hints.size(); ++i) {
    ImGui::PushID(static_cast<int>(i) + 1000);
    if (run->hint_shown(i)) {
      ImGui::TextWrapped("- %s", ex.hints[i].text.in(language()).c_str());
    } else {
      if (ImGui::SmallButton(trf("exercise.hint_ask", {std::to_string(ex.hints[i].cost)}).c_str())) app.request_hint(i);
      anchor(app, "exercise.hint." + std::to_string(i));
    }
    ImGui::PopID();
  }
  if (!run->mistakes().empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("exercise.mistakes"));
    for (const auto& m : run->mistakes())
      ImGui::TextWrapped("- %s", ex.mistakes[m.mistake].explanation.in(language()).c_str());
  }
  ImGui::Separator();
  ImGui::Checkbox(tr("exercise.trainer_view"), &app.view().exercise_trainer);
  anchor(app, "exercise.trainer_view");
  if (app.view().exercise_trainer) draw_trainer_view(app, *run);
  if (!app.board() && ImGui::Button(tr("exercise.debrief"))) app.save_debrief();
}

}  // namespace kalan::ui
