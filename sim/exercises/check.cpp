#include "exercises/check.h"

#include "session/session.h"

namespace kalan {

std::unique_ptr<ExerciseRun> play_exercise(const Scenario& scenario, const Exercise& exercise,
                                           const std::vector<Command>& commands, Diagnostics* setup_errors) {
  Session session(scenario);
  session.set_journal_limit(0);
  auto run = start_exercise(session, exercise, setup_errors);
  for (const Command& c : commands) session.submit(c);
  session.set_observer(nullptr);
  return run;
}

std::unique_ptr<ExerciseRun> replay_exercise(const Session& saved, const Exercise& exercise) {
  const auto& cmds = saved.commands();
  const auto& refused = saved.refused();
  // The run starts right after the command that started the exercise; in sessions saved before
  // exercise.start existed, after its setup at the start of the log; else with the session.
  size_t setup = cmds.size() + 1;
  for (size_t i = 0; i < cmds.size() && setup > cmds.size(); ++i)
    if (exercise_started_by(cmds[i]) == exercise.id) setup = i + 1;
  if (setup > cmds.size()) {
    setup = exercise.setup.size();
    for (size_t i = 0; i < setup; ++i)
      if (i >= cmds.size() || command_to_json(cmds[i]) != command_to_json(exercise.setup[i])) setup = 0;
  }
  Session session(saved.scenario());
  session.set_journal_limit(0);
  std::unique_ptr<ExerciseRun> run;
  size_t next = 0;
  auto catch_up = [&](size_t i) {
    if (!run && i == setup) {
      run = std::make_unique<ExerciseRun>(exercise, session.state());
      ExerciseRun* observer = run.get();
      session.set_observer([observer](const Command& c, const ApplyResult& r, const State& s) { observer->observe(c, r, s); });
    }
    for (; next < refused.size() && refused[next].before <= i; ++next) session.submit(refused[next].command);
  };
  for (size_t i = 0; i < cmds.size(); ++i) {
    catch_up(i);
    session.submit(cmds[i]);
  }
  catch_up(cmds.size());
  session.set_observer(nullptr);
  return run;
}

namespace {

std::vector<std::string> task_ids(const ExerciseRun& run, bool achieved) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < run.tasks().size(); ++i)
    if (run.tasks()[i].achieved == achieved) ids.push_back(run.exercise().tasks[i].id);
  return ids;
}

std::vector<std::string> mistake_ids(const ExerciseRun& run) {
  std::vector<std::string> ids;
  for (const auto& m : run.mistakes()) ids.push_back(run.exercise().mistakes[m.mistake].id);
  return ids;
}

// The refusals met while playing, which usually explain a task not achieved.
std::string refusals(const ExerciseRun& run, Lang lang) {
  std::string out;
  for (const auto& a : run.actions())
    if (!a.ok) out += "\n    #" + std::to_string(a.step + 1) + " " + a.type + " : " + render_message(a.refusal, a.refusal_args, lang);
  return out;
}

}  // namespace

std::vector<CheckItem> check_exercise(const Scenario& scenario, const Exercise& exercise, Lang lang) {
  std::vector<CheckItem> items;
  auto item = [&](std::string what, bool ok, std::string detail) {
    items.push_back(CheckItem{exercise.id, std::move(what), ok, std::move(detail)});
  };
  Diagnostics setup_errors;
  auto reference = play_exercise(scenario, exercise, exercise.reference_solution, &setup_errors);
  std::string setup_detail;
  for (const auto& d : setup_errors) setup_detail += render(d, lang) + "\n";
  item("setup", setup_errors.empty(), setup_detail);

  auto missing = task_ids(*reference, false);
  item("reference", !exercise.reference_solution.empty() && missing.empty(),
       exercise.reference_solution.empty()
           ? render_message("missing", {"reference_solution"}, lang)
           : (missing.empty() ? "" : render_message("exercise_tasks_not_done", {join_list(missing)}, lang) +
                                         refusals(*reference, lang)));
  auto fired = mistake_ids(*reference);
  item("reference_mistakes", fired.empty(), render_message("exercise_mistakes_fired", {join_list(fired)}, lang));

  auto empty = play_exercise(scenario, exercise, {});
  auto done = task_ids(*empty, true);
  item("empty", done.empty(), render_message("exercise_tasks_done_empty", {join_list(done)}, lang));

  for (const auto& m : exercise.mistakes) {
    auto it = exercise.wrong_runs.find(m.id);
    if (it == exercise.wrong_runs.end()) {
      item("wrong_run:" + m.id, false, render_message("exercise_no_wrong_run", {m.id}, lang));
      continue;
    }
    auto wrong = play_exercise(scenario, exercise, it->second);
    item("wrong_run:" + m.id, wrong->mistake_found(m.id),
         render_message("exercise_mistake_not_fired", {m.id}, lang) + refusals(*wrong, lang));
  }
  return items;
}

}  // namespace kalan
