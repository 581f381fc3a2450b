// `kalan exercise check|run|debrief`: check a scenario's exercises, play one, debrief a session.
#include <ostream>

#include "cli.h"
#include "core/reader.h"
#include "exercises/check.h"
#include "exercises/debrief.h"
#include "scenario/scenario.h"
#include "session/session.h"

namespace kalan {

namespace {

const char* kExerciseUsage =
    "Usage :\n"
    "  kalan exercise check SCÉNARIO...       vérifie chaque exercice (solution de référence, parcours vide,\n"
    "                                          parcours fautifs) ; affiche « N passed, N failed »\n"
    "  kalan exercise run SCÉNARIO --exercise ID --commands F.jsonl [--save SESSION] [--lang en]\n"
    "                                          joue un exercice (mise en place, puis les commandes)\n"
    "  kalan exercise debrief SESSION... --exercise ID [--html SORTIE.html] [--json SORTIE.json] [--lang en]\n"
    "                                          débriefing d'une session, ou de la salle avec plusieurs sessions\n";

struct ExOptions {
  Lang lang = Lang::fr;
  std::vector<std::string> positional;
  std::string exercise, html, json, commands, save, error;
};

ExOptions parse_ex_options(const std::vector<std::string>& args) {
  CliOptions c = parse_cli_options(args, {"--exercise", "--html", "--json", "--commands", "--save"});
  return ExOptions{c.lang,           c.positional,          c.value("--exercise"), c.value("--html"),
                   c.value("--json"), c.value("--commands"), c.value("--save"),     c.error};
}

// A scenario file, or the scenario of a saved session.
std::optional<Scenario> load_scenario_file(const std::string& file, std::ostream& err, Lang lang) {
  auto value = read_json_file(file, err);
  if (!value) return std::nullopt;
  const nlohmann::json* sc = &*value;
  if (value->is_object() && value->contains("format") && (*value)["format"] == kSessionFormat && value->contains("scenario"))
    sc = &(*value)["scenario"];
  ScenarioLoad l = load_scenario(*sc);
  for (const auto& d : l.errors) err << file << ":" << render(d, lang) << "\n";
  return std::move(l.scenario);
}

int cmd_check(const ExOptions& o, std::ostream& out, std::ostream& err) {
  if (o.positional.empty()) {
    err << kExerciseUsage;
    return 2;
  }
  int passed = 0, failed = 0;
  for (const auto& file : o.positional) {
    auto scenario = load_scenario_file(file, err, o.lang);
    if (!scenario) {
      ++failed;
      out << "FAIL: " << file << " (scénario invalide)\n";
      continue;
    }
    if (scenario->exercises.empty()) out << file << ": aucun exercice\n";
    for (const auto& ex : scenario->exercises) {
      if (!o.exercise.empty() && ex.id != o.exercise) continue;
      for (const CheckItem& item : check_exercise(*scenario, ex, o.lang)) {
        (item.ok ? passed : failed)++;
        out << (item.ok ? "ok: " : "FAIL: ") << item.exercise << " " << item.what;
        if (!item.ok && !item.detail.empty()) out << " — " << item.detail;
        out << "\n";
      }
    }
  }
  out << passed << " passed, " << failed << " failed\n";
  return failed ? 1 : 0;
}

bool write_out(const std::string& file, const std::string& content, std::ostream& err) {
  std::string why;
  if (write_file_atomic(file, content, &why)) return true;
  err << "kalan exercise : " << why << "\n";
  return false;
}

const Exercise* pick(const Scenario& s, const std::string& id, std::ostream& err) {
  if (id.empty()) {
    err << "kalan exercise : --exercise ID manquant\n";
    return nullptr;
  }
  const Exercise* ex = find_exercise(s.exercises, id);
  if (!ex) {
    std::vector<std::string> ids;
    for (const auto& e : s.exercises) ids.push_back(e.id);
    err << "kalan exercise : exercice « " << id << " » introuvable (exercices : " << join_list(ids) << ")\n";
  }
  return ex;
}

// Writes a debrief as JSON (stdout or --json) and HTML (--html).
int write_debrief(const nlohmann::json& d, const ExOptions& o, std::ostream& out, std::ostream& err) {
  if (o.json.empty()) out << dump_json(d, 1) << "\n";
  else if (!write_out(o.json, dump_json(d, 1), err)) return 1;
  if (!o.html.empty() && !write_out(o.html, debrief_html(d, o.lang), err)) return 1;
  return 0;
}

int emit_debrief(const ExerciseRun& run, const Scenario& scenario, const Exercise& ex, const ExOptions& o,
                 std::ostream& out, std::ostream& err) {
  auto reference = play_exercise(scenario, ex, ex.reference_solution);
  return write_debrief(debrief_json(run, reference.get(), o.lang), o, out, err);
}

int cmd_run(const ExOptions& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() != 1 || o.commands.empty()) {
    err << kExerciseUsage;
    return 2;
  }
  auto scenario = load_scenario_file(o.positional[0], err, o.lang);
  if (!scenario) return 1;
  const Exercise* ex = pick(*scenario, o.exercise, err);
  if (!ex) return 1;
  auto text = read_file(o.commands);
  if (!text) {
    err << o.commands << ": " << render_message("file_unreadable", {o.commands}, o.lang) << "\n";
    return 1;
  }
  Session session(*scenario);
  session.set_journal_limit(0);
  Diagnostics setup_errors;
  auto run = start_exercise(session, *ex, &setup_errors);
  for (const auto& d : setup_errors) err << o.positional[0] << ":" << render(d, o.lang) << "\n";
  bool malformed = false;
  for (const CommandLine& cl : read_command_lines(*text)) {
    for (const auto& d : cl.errors) err << o.commands << ":" << cl.line << ":" << render(d, o.lang) << "\n";
    if (cl.command) session.submit(*cl.command);
    else malformed = true;
  }
  session.set_observer(nullptr);
  if (!o.save.empty() && !write_out(o.save, dump_json(session.to_json(), 1), err)) return 1;
  const int code = emit_debrief(*run, *scenario, *ex, o, out, err);
  return malformed ? 1 : code;
}

// One session: that trainee's (or pair's) debrief. Several sessions: the room's.
int cmd_debrief(const ExOptions& o, std::ostream& out, std::ostream& err) {
  if (o.positional.empty()) {
    err << kExerciseUsage;
    return 2;
  }
  std::vector<std::unique_ptr<ExerciseRun>> runs;
  std::optional<Scenario> scenario;
  const Exercise* ex = nullptr;
  for (const auto& file : o.positional) {
    auto value = read_json_file(file, err);
    if (!value) return 1;
    SessionLoad sl = load_session(*value);
    for (const auto& d : sl.errors) err << file << ":" << render(d, o.lang) << "\n";
    if (!sl.session) return 1;
    if (!scenario) scenario = sl.session->scenario();
    const Exercise* found = pick(sl.session->scenario(), o.exercise, err);
    if (!found) return 1;
    runs.push_back(replay_exercise(*sl.session, *found));
    if (!ex) ex = find_exercise(scenario->exercises, o.exercise);
  }
  if (runs.size() == 1) return emit_debrief(*runs[0], *scenario, *ex, o, out, err);
  auto reference = play_exercise(*scenario, *ex, ex->reference_solution);
  std::vector<const ExerciseRun*> list;
  for (const auto& r : runs) list.push_back(r.get());
  return write_debrief(room_debrief_json(list, reference.get(), o.lang), o, out, err);
}

}  // namespace

int run_exercise_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kExerciseUsage;
    return 2;
  }
  ExOptions o = parse_ex_options(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!o.error.empty()) {
    err << "kalan exercise : " << o.error << "\n";
    return 2;
  }
  if (args[0] == "check") return cmd_check(o, out, err);
  if (args[0] == "run") return cmd_run(o, out, err);
  if (args[0] == "debrief") return cmd_debrief(o, out, err);
  err << "kalan exercise : sous-commande inconnue « " << args[0] << " »\n" << kExerciseUsage;
  return 2;
}

}  // namespace kalan
