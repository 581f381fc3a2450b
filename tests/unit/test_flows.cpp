// Loading RapidPro exports: supported content loads; anything unsupported is refused with its node.
#include <doctest/doctest.h>

#include "helpers.h"
#include "sms/flow.h"

using namespace kalan;
using namespace kalan::flows;
using nlohmann::json;

namespace {

json rapidprotection() {
  auto text = read_file(test::source_path("tests/flows/rapidprotection-export.json"));
  REQUIRE(text);
  return json::parse(*text);
}

Diagnostics errors_of(const json& j) {
  Diagnostics out;
  parse_flow_export(j, "", out);
  return out;
}

bool has_error(const Diagnostics& errors, const std::string& path, const std::string& code, const std::string& node = "") {
  for (const auto& d : errors)
    if (d.path == path && d.code == code && (node.empty() || render(d).find(node) != std::string::npos)) return true;
  for (const auto& d : errors) MESSAGE((render(d) + " [" + d.code + "]"));
  return false;
}

}  // namespace

TEST_CASE("the RapidProtection export loads: three flows, four keywords, fields and groups") {
  Diagnostics out;
  const FlowAssets a = parse_flow_export(rapidprotection(), "", out);
  for (const auto& d : out) MESSAGE(render(d));
  REQUIRE(out.empty());
  CHECK(a.flows.size() == 3);
  CHECK(a.keyword_triggers.size() == 4);
  CHECK(a.keyword_triggers[0].keyword == "jam");
  CHECK(a.fields.size() == 5);
  CHECK(a.groups.size() == 2);
  CHECK(a.flows[0].name == "Signalement Jam");
  CHECK(a.flows[0].node(a.flows[0].nodes[3].uuid) == &a.flows[0].nodes[3]);
}

TEST_CASE("result names become keys as in RapidPro") {
  CHECK(result_key("Type de violence") == "type_de_violence");
  CHECK(result_key("Âge") == "age");
  CHECK(result_key("  Info victime! ") == "info_victime");
  CHECK(result_key("Rôle 2") == "role_2");
}

TEST_CASE("every unsupported item is refused with its node UUID, all at once") {
  json j = rapidprotection();
  json& nodes = j["flows"][0]["nodes"];
  const std::string n2 = nodes[2]["uuid"], n4 = nodes[4]["uuid"], n7 = nodes[7]["uuid"];
  nodes[2]["actions"][0]["type"] = "send_email";
  nodes[4]["router"]["wait"]["type"] = "dial";
  nodes[7]["router"]["cases"][0]["type"] = "has_intent";
  j["triggers"][0]["trigger_type"] = "M";
  const Diagnostics e = errors_of(j);
  CHECK(has_error(e, "/flows/0/nodes/2/actions/0/type", "unsupported", n2));
  CHECK(has_error(e, "/flows/0/nodes/4/router/wait/type", "unsupported", n4));
  CHECK(has_error(e, "/flows/0/nodes/7/router/cases/0/type", "unsupported", n7));
  CHECK(has_error(e, "/triggers/0/trigger_type", "unsupported"));
  CHECK(e.size() == 4);
  CHECK(render(e[0]).find("non pris en charge (nœud " + n2 + ")") != std::string::npos);
}

TEST_CASE("inconsistent flows are refused: dangling exits, categories, subflows; bad templates and arities") {
  json j = rapidprotection();
  json& nodes = j["flows"][0]["nodes"];
  nodes[0]["exits"][0]["destination_uuid"] = "00000000-0000-4000-8000-00000000dead";
  nodes[0]["router"]["cases"][0]["category_uuid"] = "00000000-0000-4000-8000-00000000beef";
  nodes[3]["actions"][0]["text"] = "Bonjour @(upper(contact.name) +)";
  nodes[7]["router"]["cases"][0]["arguments"] = json::array();  // has_number_between needs 2
  json enter = {{"uuid", "00000000-0000-4000-8000-000000000e01"}, {"type", "enter_flow"},
                {"flow", {{"uuid", "00000000-0000-4000-8000-00000000f10f"}, {"name", "Absent"}}}};
  nodes[5]["actions"].push_back(enter);
  const Diagnostics e = errors_of(j);
  CHECK(has_error(e, "/flows/0/nodes/0/exits/0/destination_uuid", "dangling"));
  CHECK(has_error(e, "/flows/0/nodes/0/router/cases/0/category_uuid", "dangling"));
  CHECK(has_error(e, "/flows/0/nodes/3/actions/0/text", "bad_template"));
  CHECK(has_error(e, "/flows/0/nodes/7/router/cases/0/arguments", "bad_arity"));
  CHECK(has_error(e, "/flows/0/nodes/5/actions/1/flow", "dangling"));
}

TEST_CASE("malformed exports never crash the loader") {
  for (const char* text : {"null", "[]", "{}", "{\"flows\": 3}", "{\"flows\": [null]}", "{\"flows\": [{\"nodes\": [1]}]}",
                           "{\"flows\": [{\"uuid\": \"x\", \"name\": \"y\", \"nodes\": [{\"uuid\": \"n\", \"exits\": [], \"router\": []}]}]}",
                           "{\"nodes\": []}", "{\"flows\": [], \"triggers\": [{}]}"}) {
    CAPTURE(text);
    CHECK_FALSE(errors_of(json::parse(text)).empty());
  }
  // Every truncation of the real export, parsed as far as JSON allows, is refused or loads; never throws.
  const std::string full = rapidprotection().dump();
  for (size_t n = 0; n < full.size(); n += 1013) {
    Diagnostics out;
    if (auto v = parse_json_text(full.substr(0, n), out)) errors_of(*v);
  }
}

TEST_CASE("a scenario's flows are validated with paths under /sms/flows") {
  json s = test::scenario_json();
  s["sms"]["flows"]["flows"][0]["nodes"][2]["actions"][0]["type"] = "send_email";
  ScenarioLoad l = load_scenario(s);
  CHECK_FALSE(l.scenario);
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].path == "/sms/flows/flows/0/nodes/2/actions/0/type");
}
