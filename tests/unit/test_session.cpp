#include <doctest/doctest.h>

#include <cstdio>

#include "core/hash.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;

namespace {
Session played() {
  Session s(load_ok(scenario_json()));
  s.submit(cmd(R"({"type":"clock.advance","actor":"trainer","hours":3})"));
  s.submit(cmd(R"({"type":"message.send","actor":"fkansaye","to":"mtembely","text":"Cas enregistré, évaluation initiale demain."})"));
  s.submit(cmd(R"({"type":"sms.receive","actor":"sdicko","from":"tel:+22370000111","text":"Merci"})"));
  s.submit(cmd(R"({"type":"case.report","actor":"kguindo","child_name":"Bintou Karambé","age":15,"sex":"f","location":"sio"})"));
  s.submit(cmd(R"({"type":"clock.next","actor":"trainer"})"));
  return s;
}
}  // namespace

TEST_CASE("replaying the command log gives the same state and hash") {
  Session a = played();
  Session b(load_ok(scenario_json()));
  for (const auto& c : a.commands()) REQUIRE(b.submit(c).ok);
  CHECK(canonical_state(a.state()) == canonical_state(b.state()));
  CHECK(a.hash() == b.hash());
}

TEST_CASE("golden hashes: the same on every platform and every build") {
  // These values are checked by the native and the WebAssembly build of this same test.
  Session s(load_ok(scenario_json()));
  s.run_timeline();
  CHECK(hex16(s.hash()) == "c9126065a8464b1d");
  CHECK(hex16(played().hash()) == "c819371909e9e164");
}

TEST_CASE("a saved session loads back, replays and checks its hash") {
  Session a = played();
  const std::string path = source_path("build/test-session.json");
  std::string err;
  REQUIRE(write_file_atomic(path, a.to_json().dump(1, '\t'), &err));
  auto text = read_file(path);
  REQUIRE(text);
  SessionLoad l = load_session_text(*text);
  for (const auto& d : l.errors) MESSAGE(render(d));
  REQUIRE(l.session);
  CHECK(l.session->hash() == a.hash());
  CHECK(l.session->commands().size() == a.commands().size());
  std::remove(path.c_str());
}

TEST_CASE("a session whose hash was tampered with is refused") {
  nlohmann::json j = played().to_json();
  j["hash"] = "0000000000000000";
  SessionLoad l = load_session(j);
  CHECK_FALSE(l.session);
  REQUIRE(l.errors.size() == 1);
  CHECK(l.errors[0].path == "/hash");
  CHECK(l.errors[0].code == "session_hash_mismatch");
}

TEST_CASE("a session with an edited command log names the command that no longer applies") {
  nlohmann::json j = played().to_json();
  j["commands"][1]["to"] = "inconnu";
  j.erase("hash");
  SessionLoad l = load_session(j);
  CHECK_FALSE(l.session);
  REQUIRE_FALSE(l.errors.empty());
  CHECK(l.errors[0].path == "/commands/1");
}

TEST_CASE("a room exported by the sandbox server opens as a session; other extra keys are still refused") {
  nlohmann::json j = played().to_json();
  j["room"] = {{"format", "kalan-room"}, {"version", 1}, {"code", "ACDEFG"}, {"participants", nlohmann::json::array()}};
  j["attachments"] = nlohmann::json::array();
  SessionLoad l = load_session(j);
  for (const auto& d : l.errors) MESSAGE(render(d));
  REQUIRE(l.session);
  CHECK(l.session->hash() == played().hash());
  j["roomz"] = 1;
  SessionLoad bad = load_session(j);
  CHECK_FALSE(bad.session);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].code == "unknown_key");
}

TEST_CASE("a session of another format version is refused with its path") {
  nlohmann::json j = played().to_json();
  j["version"] = 9;
  SessionLoad l = load_session(j);
  CHECK_FALSE(l.session);
  CHECK(l.errors[0].path == "/version");
}

TEST_CASE("an atomic write leaves no temporary file and replaces the old content whole") {
  const std::string path = source_path("build/atomic-test.txt");
  REQUIRE(write_file_atomic(path, "première version"));
  REQUIRE(write_file_atomic(path, "seconde"));
  CHECK(read_file(path) == std::string("seconde"));
  CHECK_FALSE(read_file(path + ".tmp"));
  std::remove(path.c_str());
  CHECK_FALSE(write_file_atomic(source_path("build/no-such-dir/x.json"), "x"));
}
