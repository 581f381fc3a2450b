// Exercises: the condition language, runs (tasks, deadlines, hints, mistakes, scores), debriefs,
// and the built-in curriculum checked the way `kalan exercise check` does.
#include <doctest/doctest.h>

#include "exercises/check.h"
#include "exercises/debrief.h"
#include "exercises/view.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

json no_timeline() {
  json j = scenario_json();
  j["timeline"] = json::array();
  return j;
}

// Compiles `cond` (no error allowed) and evaluates it on the session's state and the given events.
bool holds(const json& cond, const Session& s, const std::vector<RunEvent>& events = {}, SimTime start = 0) {
  Diagnostics errors;
  Condition c = compile_condition(cond, "/c", errors);
  for (const auto& d : errors) MESSAGE(render(d));
  REQUIRE(errors.empty());
  StateView view;
  view.refresh(s.state(), c.roots());
  ConditionContext ctx{s.state(), view, events, start ? start : s.state().clock.start};
  return c.evaluate(ctx);
}

Diagnostics compile_errors(const json& cond) {
  Diagnostics errors;
  compile_condition(cond, "/exercises/0/tasks/0/condition", errors);
  return errors;
}

bool has_error(const Diagnostics& d, const std::string& path, const std::string& code) {
  for (const auto& x : d)
    if (x.path == path && x.code == code) return true;
  for (const auto& x : d) MESSAGE(x.path << " " << x.code);
  return false;
}

Session awa_session() {
  Session s(load_ok(no_timeline()));
  REQUIRE(s.submit(cmd(R"({"type":"case.report","actor":"fkansaye","child_name":"Awa Traoré","age":13,"sex":"f","location":"socoura"})")).ok);
  REQUIRE(s.submit(cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001","risk_level":"high"})")).ok);
  return s;
}

RunEvent event(SimTime at, const std::string& type, json data, const std::string& actor = "fkansaye") {
  data["actor"] = actor;
  return RunEvent{at, type, actor, 0, std::move(data)};
}

}  // namespace

TEST_CASE("exercise conditions: each operator over the state") {
  Session s = awa_session();
  CHECK(holds({{"exists", "cases.records"}}, s));
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"child_name", "Awa Traoré"}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"child_name", "Awa"}}}}, s));
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"child_name", {{"equals", "Awa Traoré"}}}}}}, s));
  // contains folds case and accents on both sides.
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"child_name", {{"contains", "AWA TRAORE"}}}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"child_name", {{"contains", "Fanta"}}}}}}, s));
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"status", {{"in", {"open", "reopened"}}}}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"status", {{"in", json::array({"closed"})}}}}}}, s));
  // Numbers and numeric text compare alike; gt/lt on numbers.
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"age", "13"}}}}, s));
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"age", {{"gt", 12}, {"lt", 14}}}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"age", {{"gt", 13}}}}}}, s));
  // gt/lt on times: ISO, or "+duration" from the exercise's start.
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"identified_at", {{"lt", "2024-03-05T00:00:00Z"}}}}}}, s));
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"identified_at", {{"lt", "+1h"}}}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"identified_at", {{"gt", "+1h"}}}}}}, s));
  // exists true/false on a path; role of the user a value names.
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"owner", {{"exists", true}}}, {"closure_reason", {{"exists", false}}}}}}, s));
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"owner", {{"role", "case_worker"}}}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"owner", {{"role", "supervisor"}}}}}}, s));
  // not, all, any, count.
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"status", {{"not", "closed"}}}}}}, s));
  CHECK(holds({{"all", {{{"exists", "cases.records"}}, {{"exists", "world.users"}, {"where", {{"id", "mtembely"}}}}}}}, s));
  CHECK(holds({{"any", {{{"exists", "cases.alerts"}}, {{"exists", "world.users"}}}}}, s));
  CHECK(holds({{"not", {{"exists", "cases.records"}, {"where", {{"status", "closed"}}}}}}, s));
  CHECK(holds({{"count", "cases.records"}, {"min", 1}, {"max", 1}}, s));
  CHECK_FALSE(holds({{"count", "cases.records"}, {"min", 2}}, s));
  CHECK(holds({{"count", "world.users"}, {"where", {{"role", "supervisor"}}}, {"min", 2}}, s));
  // some: several tests on the same element of a list.
  REQUIRE(s.submit(cmd(R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})")).ok);
  CHECK(holds({{"exists", "cases.records"}, {"where", {{"forms", {{"some", {{"form", "1A"}, {"values.consent_services", "oui"}}}}}}}}, s));
  CHECK_FALSE(holds({{"exists", "cases.records"}, {"where", {{"forms", {{"some", {{"form", "1A"}, {"missing", {{"exists", false}}}}}}}}}}, s));
  CHECK(holds({{"exists", "cases.records[*].forms"}, {"where", {{"form", "1A"}}}}, s));
  // Other sections: the clock, the SMS system.
  CHECK(holds({{"exists", "clock"}, {"where", {{"now", "2024-03-04T08:00:00Z"}}}}, s));
  CHECK_FALSE(holds({{"exists", "sms.reports"}}, s));
}

TEST_CASE("exercise conditions: events, within and after") {
  Session s = awa_session();
  const SimTime t0 = s.state().clock.start;
  std::vector<RunEvent> ev = {event(t0 + 60, "sms.received", {{"from", "tel:+22370000111"}, {"text", "Jam"}}),
                              event(t0 + 1200, "case.referral_created", {{"service_type", "health"}}),
                              event(t0 + 4000, "case.referral_created", {{"service_type", "legal"}}, "mtembely")};
  CHECK(holds({{"event", "case.referral_created"}}, s, ev));
  CHECK(holds({{"event", "case.referral_created"}, {"where", {{"service_type", "legal"}, {"actor", {{"role", "supervisor"}}}}}}, s, ev));
  CHECK_FALSE(holds({{"event", "case.referral_created"}, {"where", {{"service_type", "psychosocial"}}}}, s, ev));
  CHECK(holds({{"event", "case.referral_created"}, {"within", "30m"}}, s, ev));
  CHECK_FALSE(holds({{"event", "case.referral_created"}, {"where", {{"service_type", "legal"}}}, {"within", "30m"}}, s, ev));
  json after = {{"event", "sms.received"}, {"where", {{"text", {{"contains", "jam"}}}}}};
  CHECK(holds({{"event", "case.referral_created"}, {"within", "20m"}, {"after", after}}, s, ev));
  CHECK_FALSE(holds({{"event", "case.referral_created"}, {"within", "10m"}, {"after", after}}, s, ev));
  // "after" requires the order: nothing matches before the SMS.
  CHECK_FALSE(holds({{"event", "sms.received"}, {"after", {{"event", "case.referral_created"}}}}, s, ev));
  CHECK(holds({{"count", {{"event", "case.referral_created"}}}, {"min", 2}}, s, ev));
  CHECK_FALSE(holds({{"count", {{"event", "case.referral_created"}}}, {"max", 1}}, s, ev));
}

TEST_CASE("exercise conditions: validation errors name their JSON path") {
  const std::string p = "/exercises/0/tasks/0/condition";
  CHECK(has_error(compile_errors({{"exists", "cases.records"}, {"where", {{"status", {{"equal", "open"}}}}}}),
                  p + "/where/status/equal", "cond_unknown_operator"));
  CHECK(has_error(compile_errors({{"exists", "dossiers.records"}}), p + "/exists", "cond_bad_root"));
  CHECK(has_error(compile_errors({{"exists", "cases..records"}}), p + "/exists", "cond_bad_path"));
  CHECK(has_error(compile_errors({{"event", "sms.received"}, {"within", "30 minutes"}}), p + "/within", "bad_duration"));
  CHECK(has_error(compile_errors({{"exist", "cases.records"}}), p, "cond_form"));
  CHECK(has_error(compile_errors({{"exists", "cases.records"}, {"event", "x"}}), p, "cond_form"));
  CHECK(has_error(compile_errors({{"all", {{{"exists", "cases.records"}}, {{"any", json::array()}}}}}), p + "/all/1/any", "empty_list"));
  CHECK(has_error(compile_errors({{"exists", "cases.records"}, {"wher", json::object()}}), p + "/wher", "unknown_key"));
  CHECK(has_error(compile_errors({{"exists", "world.users"}, {"where", {{"id", {{"role", "chef"}}}}}}), p + "/where/id/role/0", "unknown_value"));
  CHECK(has_error(compile_errors({{"exists", "cases.records"}, {"where", {{"opened_at", {{"gt", "hier"}}}}}}), p + "/where/opened_at/gt", "bad_time"));
  CHECK(has_error(compile_errors({{"count", "cases.records"}}), p, "missing"));
  CHECK(compile_errors({{"exists", "cases.records"}, {"where", {{"status", "open"}}}}).empty());
}

TEST_CASE("exercise conditions: a misspelled state path is reported at load, with the closest key") {
  const std::string p = "/exercises/0/tasks/0/condition";
  Diagnostics e = compile_errors({{"exists", "cases.record"}});
  REQUIRE(e.size() == 1);
  CHECK(render(e[0]).rfind(p + "/exists: « record » n'existe pas dans « cases » de l'état : vouliez-vous dire « records » ?", 0) == 0);
  CHECK(render(e[0], Lang::en).rfind(p + "/exists: \"record\" does not exist in the state's \"cases\": did you mean \"records\"?", 0) == 0);
  e = compile_errors(json::parse(R"({"exists": "cases.records", "where": {"forms": {"some": {"form": "2A", "mising": {"exists": false}}}}})"));
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == p + "/where/forms/some/mising");
  CHECK(render(e[0]).find("« cases.records.forms » de l'état : vouliez-vous dire « missing » ?") != std::string::npos);
  // Nothing close: the keys that exist there.
  e = compile_errors({{"exists", "messages.items"}});
  REQUIRE(e.size() == 1);
  CHECK(render(e[0]).find("« items » n'existe pas dans « messages » de l'état (clés : at, from, id, text, to ;") != std::string::npos);
  // Valid paths: wildcards, lists at any depth, the approvals' kinds, maps keyed by data (form values,
  // contact fields), sections written only once used, and the computed dashboard — with no case yet.
  for (const json& ok : {json{{"exists", "cases.records[*].forms[*].values.consent_services"}},
                         json{{"exists", "cases.records"}, {"where", {{"approvals.case_plan.decided_by", {{"role", "supervisor"}}},
                                                                    {"referrals.result", {{"exists", true}}}, {"age", {{"lt", 18}}}}}},
                         json{{"count", "sms.contacts.fields.cdpe"}, {"min", 1}},
                         json{{"exists", "reporting.submissions"}, {"where", {{"values.nc_total", {{"gt", 0}}}, {"history.values.month", 3}}}},
                         json{{"exists", "answers.items"}, {"where", {{"question", "q"}}}},
                         json{{"exists", "dashboard.completeness"}, {"where", {{"status", "manquant"}}}},
                         json{{"exists", "clock.now"}},
                         json{{"event", "case.referral_created"}, {"where", {{"anything.goes", 1}}}}}) {
    CAPTURE(ok.dump());
    CHECK(compile_errors(ok).empty());
  }
}

TEST_CASE("exercise format: errors in a scenario's exercises carry their paths") {
  json j = no_timeline();
  j["exercises"] = json::array({{{"id", "e1"}, {"title", "Essai"}, {"module", "m"},
                                 {"roles", {{{"slot", "sup"}, {"role", "supervisor"}, {"user", "fkansaye"}}}},
                                 {"tasks", {{{"id", "t1"}, {"title", "T"}, {"condition", {{"exists", "nowhere"}}}},
                                            {{"id", "t1"}, {"title", "T"}, {"condition", {{"exists", "cases.records"}}}, {"deadline", "soon"}}}},
                                 {"hints", {{{"task", "t9"}, {"text", "x"}}}},
                                 {"mistakes", {{{"id", "m1"}, {"condition", {{"event", "x"}}}, {"explanation", "Parce que"}}}},
                                 {"wrong_runs", {{"m2", json::array()}}},
                                 {"reference_solution", {{{"type", "case.open"}, {"actor", "nobody"}, {"case", "CAS-0001"}}}}}});
  ScenarioLoad l = load_scenario(j);
  CHECK_FALSE(l.scenario.has_value());
  CHECK(has_error(l.errors, "/exercises/0/roles/0/user", "exercise_role_mismatch"));
  CHECK(has_error(l.errors, "/exercises/0/tasks/0/condition/exists", "cond_bad_root"));
  CHECK(has_error(l.errors, "/exercises/0/tasks/1/id", "duplicate_id"));
  CHECK(has_error(l.errors, "/exercises/0/tasks/1/deadline", "bad_duration"));
  CHECK(has_error(l.errors, "/exercises/0/hints/0/task", "unknown_ref"));
  CHECK(has_error(l.errors, "/exercises/0/wrong_runs/m2", "exercise_unknown_mistake"));
  CHECK(has_error(l.errors, "/exercises/0/reference_solution/0/actor", "unknown_ref"));
}

namespace {

// A small exercise on the default world: report Awa's case, open it, fill 1A.
Exercise small_exercise() {
  json j = no_timeline();
  j["exercises"] = json::parse(R"([{
    "id": "petit", "title": {"fr": "Petit exercice", "en": "Small exercise"}, "module": "test",
    "roles": [{"slot": "gestionnaire", "role": "case_worker", "user": "fkansaye"}],
    "tasks": [
      {"id": "ouvert", "title": "Dossier ouvert", "condition": {"exists": "cases.records", "where": {"status": "open"}}, "weight": 4},
      {"id": "1a", "title": "1A saisi", "condition": {"event": "case.form_saved", "where": {"form": "1A"}}, "deadline": "1h", "weight": 6}
    ],
    "hints": [
      {"task": "1a", "text": "Remplir 1A", "after": "30m", "cost": 1},
      {"task": "ouvert", "text": "Ouvrir le dossier", "cost": 2}
    ],
    "mistakes": [{"id": "auto", "condition": {"event": "command.refused", "where": {"command": "case.approval.decide"}},
                  "explanation": {"fr": "Pas soi-même", "en": "Not yourself"}, "penalty": 3}],
    "setup": [{"type": "case.report", "actor": "fkansaye", "child_name": "Awa Traoré", "age": 13, "sex": "f", "location": "socoura"}]
  }])");
  return load_ok(j).exercises.at(0);
}

}  // namespace

TEST_CASE("exercise runs: tasks, deadlines, hints, mistakes and scores; the state hash is untouched") {
  Exercise ex = small_exercise();
  json j = no_timeline();
  Scenario sc = load_ok(j);
  Session with(sc), without(sc);
  auto run = start_exercise(with, ex);
  without.submit(start_command(ex));  // the same start, without a run observing
  CHECK(run->achieved_count() == 0);
  const std::vector<Command> cmds = {
      cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})"),
      cmd(R"({"type":"case.approval.decide","actor":"fkansaye","case":"CAS-0001","kind":"assessment","decision":"approve"})"),
      cmd(R"({"type":"clock.advance","actor":"trainer","minutes":45})"),
      cmd(R"({"type":"clock.advance","actor":"trainer","minutes":30})"),
      cmd(R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})")};
  for (const auto& c : cmds) {
    with.submit(c);
    without.submit(c);
  }
  CHECK(with.hash() == without.hash());
  REQUIRE(run->tasks().size() == 2);
  CHECK(run->tasks()[0].achieved);
  CHECK(run->tasks()[0].by == "fkansaye");
  CHECK(run->tasks()[0].step == 0);
  // 1A came after its one-hour deadline: achieved, late, no points.
  CHECK(run->tasks()[1].achieved);
  CHECK(run->tasks()[1].late);
  CHECK(run->tasks()[1].missed);
  CHECK(run->mistake_found("auto"));
  CHECK(run->mistakes()[0].step == 1);
  // The 30-minute hint showed by itself; the other one only on request.
  CHECK(run->hint_shown(0));
  CHECK_FALSE(run->hint_shown(1));
  CHECK(run->request_hint(1, "fkansaye", with.state()));
  CHECK_FALSE(run->request_hint(1, "fkansaye", with.state()));
  CHECK(run->score() == 4 - 1 - 2 - 3);
  CHECK(run->max_score() == 10);
  CHECK(run->score_of("fkansaye") == 4 - 2 - 3);
  const json p = run->progress_json(Lang::en);
  CHECK(p["title"] == "Small exercise");
  CHECK(p["mistakes"][0]["explanation"] == "Not yourself");
  CHECK(p["trainees"]["fkansaye"]["refused"] == 1);
}

TEST_CASE("exercise runs: refusals are saved with the session and replayed for the debrief") {
  Exercise ex = small_exercise();
  Session s(load_ok(no_timeline()));
  auto run = start_exercise(s, ex);
  s.submit(cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})"));
  s.submit(cmd(R"({"type":"case.approval.decide","actor":"fkansaye","case":"CAS-0001","kind":"assessment","decision":"approve"})"));
  s.set_observer(nullptr);
  REQUIRE(s.refused().size() == 1);
  SessionLoad sl = load_session(s.to_json());
  for (const auto& d : sl.errors) MESSAGE(render(d));
  REQUIRE(sl.session.has_value());
  CHECK(sl.session->hash() == s.hash());
  CHECK(sl.session->refused().size() == 1);
  auto replayed = replay_exercise(*sl.session, ex);
  REQUIRE(replayed);
  CHECK(replayed->mistake_found("auto"));
  CHECK(replayed->tasks()[0].achieved);
  CHECK(replayed->actions().size() == 2);  // the setup's case.report is not the trainee's
}

TEST_CASE("exercise debrief: JSON and HTML, with the reference solution") {
  Exercise ex = small_exercise();
  ex.reference_solution = {cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})"),
                           cmd(R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})")};
  Scenario sc = load_ok(no_timeline());
  auto reference = play_exercise(sc, ex, ex.reference_solution);
  auto trainee = play_exercise(sc, ex, {cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})")});
  json d = debrief_json(*trainee, reference.get());
  CHECK(d["reference"]["tasks_achieved"].size() == 2);
  CHECK(d["reference"]["tasks_missing"] == json::array({"1a"}));
  CHECK(d["timeline"].size() == 1);
  const std::string fr = debrief_html(d);
  CHECK(fr.find("Débriefing d'exercice") != std::string::npos);
  CHECK(fr.find("Dossier ouvert") != std::string::npos);
  CHECK(fr.find("<style>") != std::string::npos);
  const std::string en = debrief_html(debrief_json(*trainee, reference.get(), Lang::en), Lang::en);
  CHECK(en.find("Exercise debrief") != std::string::npos);
  json room = room_debrief_json({trainee.get(), reference.get()}, reference.get());
  CHECK(room["runs"].size() == 2);
  CHECK(room["best_score"] == 10);
  CHECK(debrief_html(room).find("2 participant(s)") != std::string::npos);
}

TEST_CASE("exercise check: a wrong reference solution and a silent detector are reported") {
  Exercise ex = small_exercise();
  Scenario sc = load_ok(no_timeline());
  ex.reference_solution = {cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})")};
  ex.wrong_runs["auto"] = {cmd(R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001"})")};
  int failed = 0;
  for (const auto& item : check_exercise(sc, ex)) {
    if (item.ok) continue;
    ++failed;
    CHECK((item.what == "reference" || item.what == "wrong_run:auto"));
  }
  CHECK(failed == 2);
}

TEST_CASE("exercise check: every built-in exercise passes (reference, empty run, wrong runs)") {
  for (const char* name : {"curriculum-rapidprotection.json", "curriculum-cpims.json", "curriculum-remontee.json",
                           "curriculum-cartographie.json"}) {
    Scenario sc = load_ok(scenario_json(name));
    CHECK(sc.exercises.size() >= 1);
    for (const auto& ex : sc.exercises)
      for (const auto& item : check_exercise(sc, ex)) {
        INFO(name << " " << item.exercise << " " << item.what << " " << item.detail);
        CHECK(item.ok);
      }
  }
}
