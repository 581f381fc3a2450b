#include <doctest/doctest.h>

#include "core/reader.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

TEST_CASE("every built-in scenario loads without error") {
  for (const char* name : {"mopti-atelier.json", "bandiagara-decouverte.json"}) {
    CAPTURE(name);
    const Scenario s = load_ok(scenario_json(name));
    CHECK_FALSE(s.meta.title.empty());
    CHECK(s.meta.language == "fr");
    CHECK_FALSE(s.world.users.empty());
  }
}

TEST_CASE("the default scenario is set in a zone of Mopti") {
  const Scenario s = load_ok(scenario_json());
  const Location* region = s.world.find_location("mopti");
  REQUIRE(region);
  CHECK(region->level == LocationLevel::region);
  CHECK(s.sms.shortcode == "21999");
  CHECK(s.timeline.size() >= 5);
}

namespace {

struct Malformed {
  const char* name;
  json patch;            // RFC 6902 operations applied to the default scenario
  const char* path;      // expected JSON path in the first matching error
  const char* code;      // expected error code
};

// A patch adding one exercise whose first task has `condition` (and `questions`, if given).
json exercise_patch(const char* condition, const char* questions = "[]") {
  return json::parse(std::string(R"([{"op":"add","path":"/exercises","value":[{"id":"e","title":"E","module":"m","questions":)") +
                     questions + R"(,"tasks":[{"id":"t","title":"T","condition":)" + condition + "}]}]}]");
}

// Applies the patch and returns the errors of the load.
Diagnostics errors_after(const json& patch) {
  json doc = scenario_json();
  json patched = doc.patch(patch);
  return load_scenario(patched).errors;
}

}  // namespace

TEST_CASE("malformed scenarios are rejected with the path of the mistake") {
  const std::vector<Malformed> cases = {
      {"unknown role", json::parse(R"([{"op":"replace","path":"/world/users/3/role","value":"superviser"}])"), "/world/users/3/role", "unknown_value"},
      {"role of wrong type", json::parse(R"([{"op":"replace","path":"/world/users/0/role","value":7}])"), "/world/users/0/role", "type_string"},
      {"missing title", json::parse(R"([{"op":"remove","path":"/meta/title"}])"), "/meta", "missing"},
      {"empty title", json::parse(R"([{"op":"replace","path":"/meta/title","value":"   "}])"), "/meta/title", "empty_string"},
      {"wrong format name", json::parse(R"([{"op":"replace","path":"/format","value":"rapidpro"}])"), "/format", "bad_format"},
      {"future version", json::parse(R"([{"op":"replace","path":"/version","value":2}])"), "/version", "bad_version"},
      {"version as text", json::parse(R"([{"op":"replace","path":"/version","value":"1"}])"), "/version", "type_integer"},
      {"no clock", json::parse(R"([{"op":"remove","path":"/clock"}])"), "", "missing"},
      {"bad start time", json::parse(R"([{"op":"replace","path":"/clock/start","value":"2024-02-30T08:00:00Z"}])"), "/clock/start", "bad_time"},
      {"world is a list", json::parse(R"([{"op":"replace","path":"/world","value":[]}])"), "/world", "type_object"},
      {"users is an object", json::parse(R"([{"op":"replace","path":"/world/users","value":{}}])"), "/world/users", "type_array"},
      {"user is a string", json::parse(R"([{"op":"replace","path":"/world/users/2","value":"kguindo"}])"), "/world/users/2", "type_object"},
      {"duplicate user id", json::parse(R"([{"op":"replace","path":"/world/users/1/id","value":"fkansaye"}])"), "/world/users/1/id", "duplicate_id"},
      {"id shared by service and user", json::parse(R"([{"op":"replace","path":"/world/services/0/id","value":"mtembely"}])"), "/world/services/0/id", "duplicate_id"},
      {"bad id characters", json::parse(R"([{"op":"replace","path":"/world/users/0/id","value":"f kansaye"}])"), "/world/users/0/id", "bad_id"},
      {"unknown organisation", json::parse(R"([{"op":"replace","path":"/world/users/0/organisation","value":"ong-inconnue"}])"), "/world/users/0/organisation", "unknown_ref"},
      {"unknown location of service", json::parse(R"([{"op":"replace","path":"/world/services/1/location","value":"tombouctou"}])"), "/world/services/1/location", "unknown_ref"},
      {"commune under a region", json::parse(R"([{"op":"replace","path":"/world/locations/3/parent","value":"mopti"}])"), "/world/locations/3/parent", "bad_parent"},
      {"region with a parent", json::parse(R"([{"op":"add","path":"/world/locations/0/parent","value":"mopti-cercle"}])"), "/world/locations/0/parent", "parent_forbidden"},
      {"unknown location level", json::parse(R"([{"op":"replace","path":"/world/locations/2/level","value":"village"}])"), "/world/locations/2/level", "unknown_value"},
      {"phone without tel:", json::parse(R"([{"op":"replace","path":"/world/users/0/phone","value":"+22370000101"}])"), "/world/users/0/phone", "bad_phone"},
      {"two contacts with one phone", json::parse(R"([{"op":"replace","path":"/world/contacts/1/phone","value":"tel:+22370000111"}])"), "/world/contacts/1/phone", "duplicate_id"},
      {"bad e-mail", json::parse(R"([{"op":"replace","path":"/world/users/0/email","value":"f.kansaye-at-kalan"}])"), "/world/users/0/email", "bad_email"},
      {"unknown service type", json::parse(R"([{"op":"replace","path":"/world/services/0/type","value":"sante"}])"), "/world/services/0/type", "unknown_value"},
      {"closing before opening", json::parse(R"([{"op":"replace","path":"/world/services/0/hours/0/close","value":"07:00"}])"), "/world/services/0/hours/0/close", "hours_order"},
      {"bad opening time", json::parse(R"([{"op":"replace","path":"/world/services/0/hours/0/open","value":"8h"}])"), "/world/services/0/hours/0/open", "bad_clock_time"},
      {"unknown day", json::parse(R"([{"op":"replace","path":"/world/services/0/hours/0/days","value":"lun-ven"}])"), "/world/services/0/hours/0/days", "unknown_value"},
      {"unknown key with a typo", json::parse(R"([{"op":"add","path":"/world/users/0/rôle","value":"case_worker"}])"), "/world/users/0/rôle", "unknown_key"},
      {"unknown top-level section", json::parse(R"([{"op":"add","path":"/flows","value":[]}])"), "/flows", "unknown_key"},
      {"contact language", json::parse(R"([{"op":"replace","path":"/world/contacts/0/language","value":"french"}])"), "/world/contacts/0/language", "unknown_value"},
      {"contact field not text", json::parse(R"([{"op":"replace","path":"/world/contacts/0/fields/cdpe","value":3}])"), "/world/contacts/0/fields/cdpe", "type_string"},
      {"event before the start", json::parse(R"([{"op":"replace","path":"/timeline/7/at","value":"2024-03-01T10:15:00Z"}])"), "/timeline/7/at", "before_start"},
      {"event ten years later", json::parse(R"([{"op":"replace","path":"/timeline/7/at","value":"2040-03-01T10:15:00Z"}])"), "/timeline/7/at", "too_far"},
      {"bad duration", json::parse(R"([{"op":"replace","path":"/timeline/0/after","value":"45 minutes"}])"), "/timeline/0/after", "bad_duration"},
      {"both at and after", json::parse(R"([{"op":"add","path":"/timeline/0/at","value":"2024-03-04T09:00:00Z"}])"), "/timeline/0", "at_or_after"},
      {"neither at nor after", json::parse(R"([{"op":"remove","path":"/timeline/0/after"}])"), "/timeline/0", "need_at_or_after"},
      {"unknown event type", json::parse(R"([{"op":"replace","path":"/timeline/0/event/type","value":"sms.recieve"}])"), "/timeline/0/event/type", "unknown_value"},
      {"SMS from a bad number", json::parse(R"([{"op":"replace","path":"/timeline/0/event/from","value":"70000111"}])"), "/timeline/0/event/from", "bad_phone"},
      {"message to an unknown user", json::parse(R"([{"op":"replace","path":"/timeline/5/event/to","value":"personne"}])"), "/timeline/5/event/to", "unknown_ref"},
      {"unknown actor in timeline", json::parse(R"([{"op":"replace","path":"/timeline/5/event/actor","value":"personne"}])"), "/timeline/5/event/actor", "unknown_ref"},
      {"child age out of range", json::parse(R"([{"op":"replace","path":"/timeline/13/event/age","value":25}])"), "/timeline/13/event/age", "out_of_range"},
      {"child age as words", json::parse(R"([{"op":"replace","path":"/timeline/13/event/age","value":"douze"}])"), "/timeline/13/event/age", "type_integer"},
      {"unknown sex", json::parse(R"([{"op":"replace","path":"/timeline/13/event/sex","value":"F"}])"), "/timeline/13/event/sex", "unknown_value"},
      {"clock command in timeline", json::parse(R"([{"op":"replace","path":"/timeline/0/event","value":{"type":"clock.next"}}])"), "/timeline/0/event/type", "nested_timeline"},
      {"scripted event the core refuses", json::parse(R"([{"op":"replace","path":"/timeline/13/event/actor","value":"htapily"}])"), "/timeline/13/event", "timeline_failed"},
      {"seed negative", json::parse(R"([{"op":"replace","path":"/seed","value":-1}])"), "/seed", "out_of_range"},
      {"seed decimal", json::parse(R"([{"op":"replace","path":"/seed","value":1.5}])"), "/seed", "type_integer"},
      {"short code with letters", json::parse(R"([{"op":"replace","path":"/sms/shortcode","value":"JAM"}])"), "/sms/shortcode", "unknown_value"},
      {"objectives not text", json::parse(R"([{"op":"replace","path":"/meta/objectives/1","value":{"fr":"x"}}])"), "/meta/objectives/1", "type_string"},
      {"scenario language", json::parse(R"([{"op":"replace","path":"/meta/language","value":"bm"}])"), "/meta/language", "unknown_value"},
      // A misspelled state path in an exercise's condition, checked against the state's view at load.
      {"misspelled state path", exercise_patch(R"({"exists": "cases.record"})"), "/exercises/0/tasks/0/condition/exists", "cond_unknown_key"},
      {"misspelled path in a list's elements", exercise_patch(R"({"count": "cases.records[*].referals", "min": 1})"),
       "/exercises/0/tasks/0/condition/count", "cond_unknown_key"},
      {"misspelled key of a where", exercise_patch(R"({"exists": "cases.records", "where": {"child_nam": {"contains": "awa"}}})"),
       "/exercises/0/tasks/0/condition/where/child_nam", "cond_unknown_key"},
      {"misspelled key inside some", exercise_patch(R"({"exists": "cases.records", "where": {"forms": {"some": {"from": "1A"}}}})"),
       "/exercises/0/tasks/0/condition/where/forms/some/from", "cond_unknown_key"},
      {"misspelled key under not, deep in any", exercise_patch(R"({"any": [{"exists": "sms.log"}, {"not": {"exists": "cases.records", "where": {"approvals.assessment.statut": "approved"}}}]})"),
       "/exercises/0/tasks/0/condition/any/1/not/where/approvals.assessment.statut", "cond_unknown_key"},
      {"unknown state key, none close", exercise_patch(R"({"exists": "messages.items"})"), "/exercises/0/tasks/0/condition/exists", "cond_unknown_key_list"},
      {"exercise.start inside an exercise", [] {
         json p = exercise_patch(R"({"exists": "cases.records"})");
         p[0]["value"][0]["reference_solution"] = json::parse(R"([{"type": "exercise.start", "actor": "trainer", "exercise": "e"}])");
         return p;
       }(), "/exercises/0/reference_solution/0/type", "exercise_start_inside"},
      {"path past a value", exercise_patch(R"({"exists": "cases.records.status.code"})"), "/exercises/0/tasks/0/condition/exists", "cond_path_value"},
      {"misspelled field of an expected answer", exercise_patch(R"({"answer": "q"})",
                                                                  R"([{"id": "q", "text": "Qui ?", "expected": {"values": "world.users", "field": "nmae"}}])"),
       "/exercises/0/questions/0/expected/field", "cond_unknown_key"},
      {"misspelled key of an expected answer's where", exercise_patch(R"({"answer": "q"})",
                                                                     R"([{"id": "q", "text": "Combien ?", "expected": {"count": "world.users", "where": {"roel": "supervisor"}}}])"),
       "/exercises/0/questions/0/expected/where/roel", "cond_unknown_key"},
  };
  CHECK(cases.size() >= 30);
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const Diagnostics errors = errors_after(c.patch);
    REQUIRE_FALSE(errors.empty());
    bool found = false;
    for (const auto& d : errors)
      if (d.path == c.path && d.code == c.code) found = true;
    if (!found)
      for (const auto& d : errors) MESSAGE((render(d) + " [" + d.code + "]"));
    CHECK(found);
    // Every message names its path first, as in "/world/users/3/role: rôle inconnu …".
    CHECK(render(errors.front()).rfind(errors.front().path.empty() ? "/" : errors.front().path, 0) == 0);
  }
}

TEST_CASE("the example message of the issue reads as written") {
  const Diagnostics errors =
      errors_after(json::parse(R"([{"op":"replace","path":"/world/users/3/role","value":"superviser"}])"));
  REQUIRE(errors.size() == 1);
  CHECK(render(errors[0]) ==
        "/world/users/3/role: rôle inconnu « superviser » (attendu : community_reporter, case_worker, supervisor, "
        "service_provider, administrator, information_manager, coordinator)");
  CHECK(render(errors[0], Lang::en).rfind("/world/users/3/role: unknown role \"superviser\"", 0) == 0);
}

TEST_CASE("every error is reported at once, not only the first") {
  const Diagnostics errors = errors_after(json::parse(R"([
    {"op":"replace","path":"/world/users/0/role","value":"chef"},
    {"op":"replace","path":"/world/users/1/organisation","value":"nulle-part"},
    {"op":"replace","path":"/clock/start","value":"hier"}])"));
  CHECK(errors.size() == 3);
}

TEST_CASE("broken JSON text reports its line and column") {
  ScenarioLoad l = load_scenario_text("{\n  \"format\": \"kalan-scenario\",\n  \"version\": 1,,\n}");
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].code == "json_syntax");
  CHECK(l.errors[0].args[0] == "3");
  CHECK_FALSE(l.scenario);
}

TEST_CASE("hostile inputs are rejected without crashing") {
  CHECK_FALSE(load_scenario_text("").scenario);
  CHECK_FALSE(load_scenario_text("null").scenario);
  CHECK_FALSE(load_scenario_text("42").scenario);
  CHECK_FALSE(load_scenario_text("\"kalan\"").scenario);
  CHECK_FALSE(load_scenario_text("[]").scenario);
  CHECK_FALSE(load_scenario_text("{}").scenario);
  CHECK_FALSE(load_scenario_text(std::string(100000, '[')).scenario);
  CHECK_FALSE(load_scenario_text("{\"format\": \"kalan-scenario\", \"version\": 1e400}").scenario);
  CHECK_FALSE(load_scenario_text("{\"a\": \"\xff\xfe\"}").scenario);
  // Every truncation of a valid scenario is refused cleanly.
  const std::string text = scenario_json().dump();
  for (size_t n = 0; n < text.size(); n += 97) CHECK_FALSE(load_scenario_text(text.substr(0, n)).scenario);
}
