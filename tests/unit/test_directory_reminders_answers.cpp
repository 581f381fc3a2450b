// The commands added for the curriculum of issue 7: service.add (the service directory),
// reporting.reminder.send (following up missing reports) and exercise.answer with the exercises'
// questions (expected answers fixed or computed from the state, the "dashboard" section).
#include <doctest/doctest.h>

#include "exercises/debrief.h"

#include "exercises/check.h"
#include "helpers.h"
#include "reporting/aggregate.h"
#include "reporting/dashboard.h"
#include "reporting_fixture.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

State mopti_state() {
  json j = scenario_json();
  j["timeline"] = json::array();
  return initial_state(load_ok(j));
}

json one_stop(json changes = json::object()) {
  json c = {{"type", "service.add"}, {"id", "svc-one-stop"}, {"name", "One Stop Center du CSRéf de Mopti"},
            {"service_type", "health"}, {"organisation", "csref-mopti"}, {"location", "mopti-commune"},
            {"phone", "tel:+22370000250"},
            {"hours", json::array({{{"days", "mon-fri"}, {"open", "08:00"}, {"close", "17:00"}}})}};
  for (auto it = changes.begin(); it != changes.end(); ++it) c[it.key()] = it.value();
  return c;
}

// The 2024 Mopti scenario with its simulated year (built once: the year takes a moment).
const Scenario& remontee() {
  static const Scenario sc = load_ok(scenario_json(kRemontee));
  return sc;
}

}  // namespace

TEST_CASE("service.add: the information manager adds a service that then receives referrals") {
  CommandDesk d(mopti_state());
  d.ok("ntogo", one_stop());
  const Service* s = d.s.world.find_service("svc-one-stop");
  REQUIRE(s != nullptr);
  CHECK(s->type == "health");
  CHECK(s->organisation == "csref-mopti");
  REQUIRE(s->hours.size() == 1);
  CHECK(s->hours[0].days.size() == 5);
  CHECK(s->hours[0].open == 8 * 60);
  // The new service is in the canonical world, like a scenario's services.
  bool listed = false;
  const json canonical = canonical_state(d.s);
  for (const auto& j : canonical["world"]["services"]) listed = listed || j["id"] == "svc-one-stop";
  CHECK(listed);
  // A referral to it, answered by its organisation's provider.
  d.ok("fkansaye", {{"type", "case.report"}, {"child_name", "Awa Traoré"}, {"age", 13}, {"sex", "f"}, {"location", "socoura"}});
  d.ok("fkansaye", {{"type", "case.open"}, {"case", "CAS-0001"}, {"risk_level", "high"}});
  d.ok("fkansaye", {{"type", "case.form.save"}, {"case", "CAS-0001"}, {"form", "1A"},
                    {"values", {{"consent_giver", "parent"}, {"consent_services", "oui"}, {"consent_sharing", "oui"}}}});
  d.ok("fkansaye", {{"type", "case.referral.create"}, {"case", "CAS-0001"}, {"service", "svc-one-stop"}});
  d.ok("htapily", {{"type", "case.referral.respond"}, {"case", "CAS-0001"}, {"referral", "RFC-0001"}, {"decision", "accept"}});
  d.ok("htapily", {{"type", "case.referral.done"}, {"case", "CAS-0001"}, {"referral", "RFC-0001"}, {"result", "Vue"}});
  CHECK(d.s.cases.find("CAS-0001")->referrals.back().status == "done");
}

TEST_CASE("service.add: each refusal rule, with nothing changed") {
  CommandDesk d(mopti_state());
  // Roles: only the administrator (own structure), the information manager and the coordinator.
  for (const char* who : {"fkansaye", "mtembely", "htapily", "sdicko"}) d.refused(who, one_stop(), "forbidden");
  d.refused("idjimde", one_stop(), "other_structure");  // an administrator of slpfef-mopti, a CSRéf service
  d.refused("ntogo", one_stop({{"location", "sevare-nord"}}), "unknown_ref");
  d.refused("ntogo", one_stop({{"id", "svc-csref"}}), "user_exists");
  d.refused("ntogo", one_stop({{"id", "fkansaye"}}), "user_exists");
  d.refused("ntogo", one_stop({{"phone", "70 00 02 50"}}), "bad_phone");
  d.refused("ntogo", one_stop({{"email", "pas-une-adresse"}}), "bad_email");
  d.refused("ntogo", one_stop({{"name", "CSREF de Mopti — prise en charge medicale"}, {"organisation", "csref-mopti"}}),
            "service_duplicate");
  d.refused("ntogo", one_stop({{"hours", json::array({{{"days", "mon-fri"}, {"open", "17:00"}, {"close", "08:00"}}})}}),
            "hours_order");
  d.refused("ntogo", one_stop({{"hours", json::array({{{"days", "lundi"}, {"open", "08:00"}, {"close", "12:00"}}})}}),
            "unknown_value");
  // The messages are bilingual.
  ApplyResult r = d.run("fkansaye", one_stop());
  CHECK(render_message(r.error.code, r.error.args, Lang::fr).find("non autorisée") != std::string::npos);
  CHECK(render_message(r.error.code, r.error.args, Lang::en).find("not allowed") != std::string::npos);
  r = d.run("ntogo", one_stop({{"id", "svc-x"}, {"name", "CSRéf de Mopti — prise en charge médicale"}}));
  CHECK(render_message(r.error.code, r.error.args, Lang::fr).find("existe déjà") != std::string::npos);
  CHECK(render_message(r.error.code, r.error.args, Lang::en).find("already exists") != std::string::npos);
  // An administrator adds a service of their own structure (the default organisation).
  json own = one_stop({{"id", "svc-ecoute"}, {"name", "Écoute SLPFEF"}, {"service_type", "psychosocial"}});
  own.erase("organisation");
  d.ok("idjimde", own);
  CHECK(d.s.world.find_service("svc-ecoute")->organisation == "slpfef-mopti");
  d.ok("trainer", one_stop());
}

TEST_CASE("reporting.reminder.send: a missing report is followed up, refused when the report is there") {
  CommandDesk d(initial_state(remontee()));
  // ong-danaya never sent March 2024; slpfef-mopti did.
  d.ok("kdembele", {{"type", "reporting.reminder.send"}, {"structure", "ong-danaya"}, {"year", 2024}, {"month", 3}});
  REQUIRE(d.s.reporting.reminders.size() == 1);
  CHECK(d.s.reporting.reminders[0].by == "kdembele");
  // The focal point is told.
  REQUIRE_FALSE(d.s.messages.items.empty());
  CHECK(d.s.messages.items.back().to == "ndiarra");
  CHECK(d.s.messages.items.back().text.find("mars 2024") != std::string::npos);
  // Without a year: the last such month that has ended (the clock is in January 2025).
  d.ok("ytraore", {{"type", "reporting.reminder.send"}, {"structure", "ong-danaya"}, {"month", 4}});
  CHECK(d.s.reporting.reminders.back().year == 2024);
  d.refused("kdembele", {{"type", "reporting.reminder.send"}, {"structure", "slpfef-mopti"}, {"year", 2024}, {"month", 3}},
            "report_already_received");
  d.refused("kdembele", {{"type", "reporting.reminder.send"}, {"structure", "slpfef-mopti"}, {"year", 2025}, {"month", 1}},
            "report_not_due");
  d.refused("kdembele", {{"type", "reporting.reminder.send"}, {"structure", "csref-mopti"}, {"year", 2024}, {"month", 3}},
            "report_not_expected");
  d.refused("fkansaye", {{"type", "reporting.reminder.send"}, {"structure", "ong-danaya"}, {"year", 2024}, {"month", 8}},
            "forbidden");
  ApplyResult r = d.run("kdembele", {{"type", "reporting.reminder.send"}, {"structure", "slpfef-mopti"}, {"year", 2024}, {"month", 3}});
  CHECK(render_message(r.error.code, r.error.args, Lang::fr) == "slpfef-mopti a déjà envoyé son rapport de mars 2024 : pas de relance");
  CHECK(render_message(r.error.code, r.error.args, Lang::en) == "slpfef-mopti already sent its report for March 2024: no reminder");
  // The dashboard's completeness grid shows the reminders.
  const json dash = reporting::dashboard_json(d.s);
  int reminded = 0;
  for (const auto& row : dash["completeness"])
    if (row["structure"] == "ong-danaya" && row["reminded"] == true) ++reminded;
  CHECK(reminded == 2);
}

TEST_CASE("reporting.reminder.send: a state without reminders keeps its canonical form") {
  State s = initial_state(remontee());
  CHECK_FALSE(canonical_state(s)["reporting"].contains("reminders"));
  CHECK_FALSE(canonical_state(s).contains("answers"));
}

TEST_CASE("dashboard: aggregates, completeness and the referral counted as a new case") {
  State s = initial_state(remontee());
  const json dash = reporting::dashboard_json(s);
  CHECK(dash["years"] == json::array({2024}));
  // ong-benkadi counts the referrals it receives as new cases (the scenario's referrals_as_new).
  bool benkadi = false, other = false;
  for (const auto& row : dash["consistency"]) {
    if (row["referral_counted_as_new"] != true) continue;
    (row["structure"] == "ong-benkadi" ? benkadi : other) = true;
  }
  CHECK(benkadi);
  CHECK_FALSE(other);
  // Missing: ong-danaya in March 2024; months of 2025 that have not ended are not in the grid.
  bool danaya_march = false;
  for (const auto& row : dash["completeness"]) {
    CHECK(row["year"] == 2024);
    if (row["structure"] == "ong-danaya" && row["month"] == 3) danaya_march = row["status"] == "manquant";
  }
  CHECK(danaya_march);
  // The regional table sums the cercles'.
  std::int64_t by_region = 0, by_cercle = 0;
  for (const auto& row : dash["by_region"]) by_region += row["nc_total"].get<std::int64_t>();
  for (const auto& row : dash["by_cercle"]) by_cercle += row["nc_total"].get<std::int64_t>();
  CHECK(by_region == by_cercle);
  CHECK(by_region > 0);
}

TEST_CASE("exercise.answer: recorded in the state and the log; any text, number or list") {
  CommandDesk d(mopti_state());
  d.ok("fkansaye", {{"type", "exercise.answer"}, {"exercise", "ex"}, {"question", "q"}, {"answer", 7}});
  d.ok("trainer", {{"type", "exercise.answer"}, {"exercise", "ex"}, {"question", "q"}, {"answer", json::array({"a", 2})}});
  REQUIRE(d.s.answers.items.size() == 2);
  CHECK(d.s.answers.items[0].answer == 7);
  CHECK(d.s.answers.items[0].by == "fkansaye");
  CHECK(canonical_state(d.s)["answers"]["items"].size() == 2);
  Diagnostics errors;
  for (const char* bad : {R"({"type":"exercise.answer","actor":"fkansaye","exercise":"ex","question":"q","answer":""})",
                          R"({"type":"exercise.answer","actor":"fkansaye","exercise":"ex","question":"q","answer":[]})",
                          R"({"type":"exercise.answer","actor":"fkansaye","exercise":"ex","question":"q","answer":{"x":1}})",
                          R"({"type":"exercise.answer","actor":"fkansaye","exercise":"ex","question":"q"})"}) {
    Diagnostics e;
    CHECK_FALSE(parse_command(json::parse(bad), "", e).has_value());
  }
  // Round trip of the JSON forms of the new commands.
  for (const char* text : {R"({"type":"exercise.answer","actor":"kdembele","exercise":"e","question":"q","answer":"ong-jigiya, slpfef-koro"})",
                           R"({"type":"reporting.reminder.send","actor":"kdembele","structure":"ong-danaya","year":2024,"month":8,"note":"x"})",
                           R"({"type":"service.add","actor":"ntogo","id":"svc-x","name":"X","service_type":"legal","location":"socoura","phone":"tel:+22370000251","hours":[{"days":"sat","open":"08:00","close":"12:00"}]})"})
    CHECK(command_to_json(cmd(text)) == json::parse(text));
}

TEST_CASE("answers: numbers, texts without accents, sets, names for world ids") {
  const World& w = remontee().world;
  CHECK(answer_matches(json("7"), json(7), w));
  CHECK(answer_matches(json(7.0), json(7), w));
  CHECK_FALSE(answer_matches(json(8), json(7), w));
  CHECK(answer_matches(json("Ténenkou"), json("tenenkou"), w));
  CHECK(answer_matches(json("slpfef-koro, ong-jigiya"), json::array({"ong-jigiya", "slpfef-koro"}), w));
  CHECK(answer_matches(json::array({"ONG Jigiya (ONG nationale fictive)", "slpfef-koro"}), json::array({"ong-jigiya", "slpfef-koro"}), w));
  CHECK_FALSE(answer_matches(json("ong-jigiya"), json::array({"ong-jigiya", "slpfef-koro"}), w));
  CHECK_FALSE(answer_matches(json("ong-jigiya, slpfef-koro, ong-danaya"), json::array({"ong-jigiya", "slpfef-koro"}), w));
  CHECK(answer_matches(json("aucune"), json::array(), w));
  CHECK_FALSE(answer_matches(json("ong-jigiya"), json::array(), w));
}

TEST_CASE("exercise questions: expected answers computed from the state, judged when given") {
  json j = scenario_json();
  j["timeline"] = json::array();
  j["exercises"] = json::parse(R"([{
    "id": "lecture", "title": "Lire l'annuaire", "module": "test",
    "questions": [
      {"id": "sante", "text": "Combien de services de santé ?", "expected": {"count": "world.services", "where": {"type": "health"}}},
      {"id": "benkadi", "text": "Quels services gère ONG Benkadi ?",
       "expected": {"values": "world.services", "field": "id", "where": {"organisation": "ong-benkadi"}}},
      {"id": "fixe", "text": "Chef-lieu ?", "expected": "Mopti"}],
    "tasks": [
      {"id": "t-sante", "title": "Santé", "condition": {"answer": "sante"}},
      {"id": "t-benkadi", "title": "Benkadi", "condition": {"answer": "benkadi"}},
      {"id": "t-fixe", "title": "Fixe", "condition": {"answer": "fixe"}}],
    "mistakes": [{"id": "faux", "title": "Faux", "condition": {"answer": "sante", "correct": false}, "explanation": "Recomptez."}],
    "reference_solution": [
      {"type": "exercise.answer", "actor": "ntogo", "exercise": "lecture", "question": "sante", "answer": 1},
      {"type": "service.add", "actor": "ntogo", "id": "svc-one-stop", "name": "One Stop", "service_type": "health",
       "organisation": "csref-mopti", "location": "mopti-commune", "phone": "tel:+22370000250"},
      {"type": "exercise.answer", "actor": "ntogo", "exercise": "lecture", "question": "sante", "answer": "2"},
      {"type": "exercise.answer", "actor": "ntogo", "exercise": "lecture", "question": "benkadi", "answer": "svc-aes; svc-psy"},
      {"type": "exercise.answer", "actor": "ntogo", "exercise": "lecture", "question": "fixe", "answer": "mopti"}],
    "wrong_runs": {"faux": [{"type": "exercise.answer", "actor": "ntogo", "exercise": "lecture", "question": "sante", "answer": 3}]}
  }])");
  Scenario sc = load_ok(j);
  const Exercise& ex = sc.exercises.at(0);
  auto run = play_exercise(sc, ex, ex.reference_solution);
  CHECK(run->achieved_count() == 3);
  // The first answer (1) was right before the new service, the second (2) after it: judged when given.
  REQUIRE(run->answers().size() == 4);
  CHECK(run->answers()[0].correct);
  CHECK(run->answers()[0].expected == 1);
  CHECK(run->answers()[1].correct);
  CHECK(run->answers()[1].expected == 2);
  CHECK_FALSE(run->mistake_found("faux"));
  const json progress = run->progress_json();
  CHECK(progress["questions"].size() == 3);
  CHECK(progress["questions"][0]["correct"] == true);
  CHECK_FALSE(progress["questions"][0].contains("expected"));  // not shown while the exercise runs
  // The debrief shows each question with the answer given and the one expected when it was given.
  const json d = debrief_json(*run, nullptr);
  CHECK(d["questions"][0]["expected"] == 2);
  CHECK(d["questions"][1]["expected"] == json::array({"svc-aes", "svc-psy"}));
  const std::string html = debrief_html(d);
  CHECK(html.find("<h3>Questions</h3>") != std::string::npos);
  CHECK(html.find("Combien de services de santé ?</td><td>2</td><td>2</td><td>ntogo</td>") != std::string::npos);
  CHECK(debrief_html(debrief_json(*run, nullptr, Lang::en), Lang::en).find("Expected answer") != std::string::npos);
  auto unanswered = play_exercise(sc, ex, {});
  CHECK(debrief_html(debrief_json(*unanswered, nullptr)).find("sans réponse") != std::string::npos);
  for (const auto& item : check_exercise(sc, ex)) {
    INFO(item.what << " " << item.detail);
    CHECK(item.ok);
  }
}

TEST_CASE("exercise questions: validated at load, with their paths") {
  json j = scenario_json();
  j["timeline"] = json::array();
  j["exercises"] = json::parse(R"([{
    "id": "lecture", "title": "T", "module": "test",
    "questions": [
      {"id": "q1", "text": "?", "expected": {"count": "nulle.part"}},
      {"id": "q2", "text": "?", "expected": {"sum": "world.services", "where": {"type": {"egal": 1}}}},
      {"id": "q3", "text": "?", "expected": {"count": "world.services", "sum": "world.services"}},
      {"id": "q4", "text": "?", "expected": {}},
      {"id": "q5", "text": "?", "expected": ""}],
    "tasks": [{"id": "t", "title": "T", "condition": {"answer": "q9"}}],
    "reference_solution": [
      {"type": "exercise.answer", "actor": "ntogo", "exercise": "autre", "question": "q1", "answer": 1},
      {"type": "exercise.answer", "actor": "ntogo", "exercise": "lecture", "question": "q8", "answer": 1}]
  }])");
  ScenarioLoad l = load_scenario(j);
  CHECK_FALSE(l.scenario.has_value());
  auto has = [&](const std::string& path, const std::string& code) {
    for (const auto& d : l.errors)
      if (d.path == path && d.code == code) return true;
    for (const auto& d : l.errors) MESSAGE(d.path << " " << d.code);
    return false;
  };
  CHECK(has("/exercises/0/questions/0/expected/count", "cond_bad_root"));
  CHECK(has("/exercises/0/questions/1/expected/where/type/egal", "cond_unknown_operator"));
  CHECK(has("/exercises/0/questions/1/expected", "missing"));  // sum needs a field
  CHECK(has("/exercises/0/questions/2/expected", "cond_form"));
  CHECK(has("/exercises/0/questions/3/expected", "cond_form"));
  CHECK(has("/exercises/0/questions/4/expected", "bad_answer"));
  CHECK(has("/exercises/0/tasks/0/condition/answer", "exercise_unknown_question"));
  CHECK(has("/exercises/0/reference_solution/0/exercise", "exercise_other_exercise"));
  CHECK(has("/exercises/0/reference_solution/1/question", "exercise_unknown_question"));
}
