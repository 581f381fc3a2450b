// The JSON Pointer locator behind the desktop's validation panel: an error's path → line, column and
// the text of the offending value.
#include <doctest/doctest.h>

#include "core/json_locate.h"
#include "helpers.h"
#include "scenario/scenario.h"

using namespace kalan;

namespace {

const std::string kText =
    "{\n"
    "  \"meta\": {\"title\": \"Atelier « Mopti »\", \"a/b\": 1, \"t~x\": [true, null]},\n"
    "  \"exercises\": [\n"
    "    {\"id\": \"e0\"},\n"
    "    {\"id\": \"e\\\"1\", \"tasks\": [\n"
    "      {\"id\": \"t0\",\n"
    "       \"condition\": {\"exists\": \"cases.records\", \"where\": {\"status\": {\"equal\": \"open\"}}}}\n"
    "    ]}\n"
    "  ]\n"
    "}\n";

}  // namespace

TEST_CASE("json locate: a path gives the line, the column and the value's text") {
  JsonLocation l = locate_json_pointer(kText, "/exercises/1/tasks/0/condition");
  CHECK(l.found);
  CHECK(l.line == 7);
  CHECK(l.column == 21);
  CHECK(l.snippet == R"({"exists": "cases.records", "where": {"status": {"equal": "open"}}})");
  l = locate_json_pointer(kText, "/exercises/1/tasks/0/condition/where/status/equal");
  CHECK(l.found);
  CHECK(l.line == 7);
  CHECK(l.snippet == "\"open\"");
  // Columns count characters: « is two bytes but one column.
  l = locate_json_pointer(kText, "/meta/a~1b");
  CHECK(l.found);
  CHECK(l.line == 2);
  CHECK(l.column == 49);
  CHECK(l.snippet == "1");
  l = locate_json_pointer(kText, "/meta/t~0x/1");
  CHECK(l.found);
  CHECK(l.snippet == "null");
  CHECK(locate_json_pointer(kText, "/exercises/1/id").snippet == R"("e\"1")");
  // The whole document.
  l = locate_json_pointer(kText, "");
  CHECK(l.found);
  CHECK(l.line == 1);
  CHECK(l.column == 1);
}

TEST_CASE("json locate: a path into something missing gives its deepest existing part") {
  JsonLocation l = locate_json_pointer(kText, "/exercises/1/tasks/0/deadline");
  CHECK_FALSE(l.found);
  CHECK(l.reached == "/exercises/1/tasks/0");
  CHECK(l.line == 6);
  CHECK(l.column == 7);
  l = locate_json_pointer(kText, "/exercises/5/id");
  CHECK_FALSE(l.found);
  CHECK(l.reached == "/exercises");
  CHECK(l.line == 3);
  // Truncated text: located as far as it can be read; long snippets are cut on a character boundary.
  l = locate_json_pointer(kText.substr(0, 50), "/meta/t~0x");
  CHECK_FALSE(l.found);
  CHECK(l.reached == "/meta");
  l = locate_json_pointer(kText, "/meta", 20);  // byte 20 is inside « : cut before it
  CHECK(l.snippet == "{\"title\": \"Atelier …");
}

TEST_CASE("json locate: every validation error of a broken scenario is found in its file") {
  // A built-in scenario, pretty-printed, with an unknown operator and a task without a title.
  nlohmann::json j = test::scenario_json("curriculum-rapidprotection.json");
  j["exercises"][1]["tasks"][0]["condition"]["where"]["age"] = {{"equal", 10}};
  j["exercises"][2]["tasks"][1].erase("title");
  const std::string text = j.dump(2);
  ScenarioLoad l = load_scenario_text(text);
  REQUIRE_FALSE(l.errors.empty());
  for (const auto& d : l.errors) {
    INFO(d.path);
    const JsonLocation at = locate_json_pointer(text, d.path);
    CHECK(at.line > 1);
    // The reported line is where the value (or the object missing a field) starts in the text.
    std::size_t line = 1;
    for (std::size_t k = 0; k < at.offset; ++k) line += text[k] == '\n';
    CHECK(line == at.line);
  }
  const JsonLocation op = locate_json_pointer(text, "/exercises/1/tasks/0/condition/where/age/equal");
  CHECK(op.found);
  CHECK(op.snippet == "10");
}
