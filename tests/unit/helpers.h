// Shared fixtures for the core tests: the scenarios of scenarios/ and small command builders.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "core/apply.h"
#include "core/state.h"
#include "scenario/scenario.h"
#include "session/session.h"

namespace kalan::test {

inline std::string source_path(const std::string& rel) { return std::string(KALAN_SOURCE_DIR) + "/" + rel; }

inline nlohmann::json scenario_json(const std::string& name = "mopti-atelier.json") {
  auto text = read_file(source_path("scenarios/" + name));
  REQUIRE(text.has_value());
  return nlohmann::json::parse(*text);
}

inline Scenario load_ok(const nlohmann::json& j) {
  ScenarioLoad l = load_scenario(j);
  for (const auto& d : l.errors) MESSAGE(render(d));
  REQUIRE(l.scenario.has_value());
  return *l.scenario;
}

inline Command cmd(const std::string& text) {
  Diagnostics errors;
  auto c = parse_command(nlohmann::json::parse(text), "", errors);
  for (const auto& d : errors) MESSAGE(render(d));
  REQUIRE(c.has_value());
  return *c;
}

// Each diagnostic rendered in French, and whether some line contains `part`.
inline std::vector<std::string> rendered(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(render(x));
  return out;
}
inline bool has_line(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

// A state driven by JSON commands, as a user would send them: ok() expects acceptance, refused() a
// refusal with its code that leaves the state exactly as it was.
struct CommandDesk {
  State s;
  explicit CommandDesk(State state) : s(std::move(state)) {}

  ApplyResult run(const std::string& actor, nlohmann::json body) {
    body["actor"] = actor;
    return apply(s, cmd(body.dump()));
  }
  void ok(const std::string& actor, nlohmann::json body) {
    const std::string text = body.dump();
    ApplyResult r = run(actor, std::move(body));
    INFO(text, " -> ", render_message(r.error.code, r.error.args));
    CHECK(r.ok);
  }
  void refused(const std::string& actor, nlohmann::json body, const std::string& code) {
    const nlohmann::json before = canonical_state(s);
    const std::string text = body.dump();
    ApplyResult r = run(actor, std::move(body));
    INFO(text);
    CHECK_FALSE(r.ok);
    CHECK(r.error.code == code);
    CHECK(canonical_state(s) == before);
  }
};

}  // namespace kalan::test
