// The exercises of a shared session (a workshop room): runs started from the log, every actor's
// progress, hints asked through the log, a trainee's debrief and a room's.
#include <doctest/doctest.h>

#include "exercises/board.h"
#include "exercises/check.h"
#include "exercises/debrief.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

// Two exercises on the default world: "sans-setup" starts with the session, "avec-setup" at its
// exercise.start (which plays its setup: Awa's report).
Scenario board_scenario() {
  json j = scenario_json();
  j["timeline"] = json::array();
  j["exercises"] = json::parse(R"([{
    "id": "sans-setup", "title": {"fr": "Ouvrir un dossier", "en": "Open a case"}, "module": "test",
    "roles": [{"slot": "gestionnaire", "role": "case_worker", "user": "fkansaye"},
              {"slot": "superviseur", "role": "supervisor", "user": "mtembely"}],
    "tasks": [
      {"id": "signale", "title": "Cas signalé", "condition": {"exists": "cases.records"}, "weight": 2},
      {"id": "ouvert", "title": "Dossier ouvert", "condition": {"exists": "cases.records", "where": {"status": "open"}}, "weight": 4},
      {"id": "message", "title": "Message au superviseur", "condition": {"exists": "messages", "where": {"to": "fkansaye"}}, "weight": 3}
    ],
    "hints": [{"task": "ouvert", "text": "Ouvrir le dossier", "cost": 1}],
    "mistakes": [{"id": "auto", "condition": {"event": "command.refused", "where": {"command": "case.approval.decide"}},
                  "explanation": "Pas soi-même", "penalty": 2}]
  }, {
    "id": "avec-setup", "title": "Avec mise en place", "module": "test",
    "setup": [{"type": "case.report", "actor": "fkansaye", "child_name": "Awa Traoré", "age": 13, "sex": "f", "location": "socoura"},
              {"type": "case.open", "actor": "fkansaye", "case": "CAS-0001"}],
    "tasks": [{"id": "1a", "title": "1A saisi", "condition": {"event": "case.form_saved", "where": {"form": "1A"}}, "weight": 5}]
  }])");
  return load_ok(j);
}

Command report_awa() {
  return cmd(R"({"type":"case.report","actor":"fkansaye","child_name":"Awa Traoré","age":13,"sex":"f","location":"socoura"})");
}

}  // namespace

TEST_CASE("exercise board: exercises without setup start at once, the others at their exercise.start") {
  Scenario sc = board_scenario();
  Session s(sc);
  ExerciseBoard board(sc.exercises, s.state());
  watch_exercises(s, board);
  REQUIRE(board.runs().size() == 1);
  CHECK(board.runs()[0]->exercise().id == "sans-setup");
  // The setup's commands played by hand are only commands: the start is explicit.
  REQUIRE(s.submit(sc.exercises[1].setup[0]).ok);
  CHECK(board.find("avec-setup") == nullptr);
  CHECK(board.progress_json()["not_started"] == json::array({"avec-setup"}));
  // A trainee may not start an exercise; the trainer's start carries the setup in one command.
  Command by_trainee = start_command(sc.exercises[1]);
  by_trainee.actor = "fkansaye";
  CHECK(s.submit(by_trainee).error.code == "forbidden");
  const std::uint64_t before = s.hash();
  const std::size_t logged = s.commands().size();
  const ApplyResult r = s.submit(start_command(sc.exercises[1]));
  REQUIRE(r.ok);
  CHECK(s.commands().size() == logged + 1);  // one entry of the log, its setup inside
  CHECK(s.hash() != before);
  CHECK(s.state().cases.records.size() == 2);  // the setup's report made CAS-0002, its case.open opened CAS-0001
  bool identified = false;
  for (const auto& e : r.events) identified = identified || e.type == "case.identified";
  CHECK(identified);  // the setup's events come with the start
  const ExerciseRun* run = board.find("avec-setup");
  REQUIRE(run != nullptr);
  CHECK(run->actions().empty());  // the setup is not the trainee's
  CHECK(run->started_at() == s.state().clock.now);
  // Started once: a second start is refused and changes nothing.
  CHECK(s.submit(start_command(sc.exercises[1])).error.code == "exercise_already_started");
  CHECK(board.runs().size() == 2);
  REQUIRE(s.submit(cmd(R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})")).ok);
  CHECK(run->achieved_count() == 1);
  CHECK(run->tasks()[0].by == "fkansaye");
}

TEST_CASE("exercise.start: the setup plays all or nothing, and the same start replays the same") {
  Scenario sc = board_scenario();
  // A setup command the core refuses (CAS-0009 does not exist): nothing of the setup is played.
  Exercise broken = sc.exercises[1];
  broken.setup.push_back(cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0009"})"));
  Session s(sc);
  const std::uint64_t before = s.hash();
  const ApplyResult r = s.submit(start_command(broken));
  CHECK(r.error.code == "exercise_setup_refused");
  CHECK(r.error.args.at(1) == "2");
  CHECK(s.hash() == before);
  CHECK(s.state().cases.records.empty());
  Diagnostics errors;
  Session t(sc);
  start_exercise(t, broken, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/setup/2");
  // A session started in single-player saves the start; its replay starts the run at the same place,
  // whatever came before it (a clock step, say), and gives the same progress.
  Session u(sc);
  REQUIRE(u.submit(cmd(R"({"type":"clock.advance","actor":"trainer","minutes":30})")).ok);
  auto run = start_exercise(u, sc.exercises[1]);
  u.submit(cmd(R"({"type":"clock.advance","actor":"trainer","minutes":30})"));
  u.submit(cmd(R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})"));
  u.set_observer(nullptr);
  SessionLoad sl = load_session(u.to_json());
  REQUIRE(sl.session.has_value());
  CHECK(sl.session->hash() == u.hash());
  auto replayed = replay_exercise(*sl.session, sc.exercises[1]);
  REQUIRE(replayed);
  CHECK(replayed->started_at() == run->started_at());
  CHECK(replayed->achieved_count() == 1);
  CHECK(replayed->progress_json() == run->progress_json());
  // A setup naming another exercise's start is rejected when the command is read.
  Diagnostics nested;
  parse_command(json::parse(R"({"type":"exercise.start","actor":"trainer","exercise":"a","setup":[
    {"type":"exercise.start","actor":"trainer","exercise":"b","setup":[]}]})"), "/c", nested);
  REQUIRE(nested.size() == 1);
  CHECK(nested[0].path == "/c/setup/0/type");
  CHECK(nested[0].code == "nested_commands");
}

TEST_CASE("exercise board: every actor's progress, the pair's and the room's, hints asked through the log") {
  Scenario sc = board_scenario();
  Session s(sc), plain(sc);
  ExerciseBoard board(sc.exercises, s.state());
  watch_exercises(s, board);
  const std::vector<Command> cmds = {
      report_awa(),
      cmd(R"({"type":"exercise.hint","actor":"fkansaye","exercise":"sans-setup","hint":0})"),
      cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})"),
      cmd(R"({"type":"case.approval.decide","actor":"mtembely","case":"CAS-0001","kind":"assessment","decision":"approve"})"),
      cmd(R"({"type":"message.send","actor":"mtembely","to":"fkansaye","text":"Bien reçu"})")};
  for (const auto& c : cmds) {
    s.submit(c);
    plain.submit(c);
  }
  CHECK(s.hash() == plain.hash());  // the board only observes
  const ExerciseRun& run = *board.runs().at(0);
  CHECK(run.hint_shown(0));
  CHECK(run.hints_shown()[0].by == "fkansaye");
  const auto actors = actor_progress(run);
  REQUIRE(actors.size() == 2);
  CHECK(actors[0].actor == "fkansaye");
  CHECK(actors[0].tasks_done == 2);
  CHECK(actors[0].tasks_total == 3);
  CHECK(actors[0].score == 2 + 4 - 1);
  CHECK(actors[0].hints == 1);
  CHECK(actors[0].mistakes == 0);
  CHECK(actors[1].actor == "mtembely");
  CHECK(actors[1].tasks_done == 1);
  CHECK(actors[1].mistakes == 1);  // the refused self-approval is a mistake of the supervisor's
  CHECK(actors[1].score == 3 - 2);
  const ProgressSummary pair = summarize(run);
  CHECK(pair.tasks_done == 3);
  CHECK(pair.score == 9 - 1 - 2);
  CHECK(pair.max_score == 9);
  const json p = board.progress_json(Lang::en);
  CHECK(p["runs"][0]["title"] == "Open a case");
  CHECK(p["runs"][0]["pair"]["tasks_done"] == 3);
  CHECK(p["runs"][0]["actors"][1]["actor"] == "mtembely");
  CHECK(p["room"]["tasks_total"] == 3);
  CHECK(p["room"]["score"] == 6);
  // A hint asked twice, or one that does not exist, is charged once and never fails the command.
  CHECK(s.submit(cmd(R"({"type":"exercise.hint","actor":"mtembely","exercise":"sans-setup","hint":0})")).ok);
  CHECK(s.submit(cmd(R"({"type":"exercise.hint","actor":"mtembely","exercise":"sans-setup","hint":7})")).ok);
  CHECK(run.hints_shown().size() == 1);
}

TEST_CASE("exercise board: a trainee's debrief holds their part; a room's debrief every run with its reference") {
  Scenario sc = board_scenario();
  Session s(sc);
  ExerciseBoard board(sc.exercises, s.state());
  watch_exercises(s, board);
  s.submit(report_awa());
  s.submit(cmd(R"({"type":"case.approval.decide","actor":"mtembely","case":"CAS-0001","kind":"assessment","decision":"approve"})"));
  s.submit(cmd(R"({"type":"exercise.hint","actor":"mtembely","exercise":"sans-setup","hint":0})"));
  const ExerciseRun& run = *board.runs().at(0);
  json mine = trainee_debrief_json(run, nullptr, "fkansaye");
  CHECK(mine["trainee"] == "fkansaye");
  CHECK(mine["score"] == 2);
  CHECK(mine["achieved"] == 1);
  CHECK(mine["tasks"][0]["mine"] == true);
  CHECK(mine["mistakes"].empty());
  CHECK(mine["timeline"].size() == 1);
  CHECK(mine["hints"][0]["shown"] == false);  // the supervisor asked for it, not her
  json theirs = trainee_debrief_json(run, nullptr, "mtembely");
  CHECK(theirs["score"] == -2 - 1);
  CHECK(theirs["mistakes"].size() == 1);
  CHECK(theirs["hints"][0]["shown"] == true);
  CHECK(debrief_html(theirs).find("Pas soi-même") != std::string::npos);
  // The second exercise starts, then the room's debrief compares each run with its own reference.
  REQUIRE(s.submit(start_command(sc.exercises[1])).ok);
  REQUIRE(board.runs().size() == 2);
  Exercise second = sc.exercises[1];
  second.reference_solution = {cmd(R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})")};
  auto ref = play_exercise(sc, second, second.reference_solution);
  json room = room_debrief_json(board.run_list(), {nullptr, ref.get()});
  REQUIRE(room["runs"].size() == 2);
  CHECK_FALSE(room["runs"][0].contains("reference"));
  CHECK(room["runs"][1]["reference"]["tasks_missing"] == json::array({"1a"}));
}

TEST_CASE("exercise.hint: in a scenario's command lists it must name that exercise and one of its hints") {
  json j = scenario_json();
  j["exercises"] = json::parse(R"([{"id": "e", "title": "E", "module": "m",
    "tasks": [{"id": "t", "title": "T", "condition": {"exists": "cases.records"}}],
    "hints": [{"task": "t", "text": "H"}],
    "reference_solution": [{"type": "exercise.hint", "actor": "fkansaye", "exercise": "e", "hint": 0},
                           {"type": "exercise.hint", "actor": "fkansaye", "exercise": "e", "hint": 3},
                           {"type": "exercise.hint", "actor": "fkansaye", "exercise": "autre", "hint": 0}]}])");
  ScenarioLoad l = load_scenario(j);
  const auto lines = rendered(l.errors);
  CHECK(has_line(lines, "/exercises/0/reference_solution/1/hint"));
  CHECK(has_line(lines, "aucun indice n° 3"));
  CHECK(has_line(lines, "/exercises/0/reference_solution/2/exercise"));
  CHECK(l.errors.size() == 2);
}
