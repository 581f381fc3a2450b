// Replay benchmark: builds a 100,000-command session on the default scenario and replays it.
// Prints commands/s for apply-only replay and for parse+replay, plus the final hash (same natively and in wasm).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/apply.h"
#include "core/hash.h"
#include "core/rng.h"
#include "scenario/scenario.h"
#include "session/session.h"

using namespace kalan;

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::vector<Command> make_commands(size_t n) {
  Rng rng = Rng::from_seed(99);
  std::vector<Command> out;
  out.reserve(n);
  const char* users[] = {"fkansaye", "mtembely", "kguindo", "bsankare"};
  const char* phones[] = {"tel:+22370000111", "tel:+22370000112", "tel:+22370000113", "tel:+22370009999"};
  const char* places[] = {"socoura", "fatoma", "sio", "mopti-commune"};
  for (size_t i = 0; i < n; ++i) {
    const auto roll = rng.below(100);
    Command c;
    if (roll < 70) {
      ClockAdvance a;
      a.seconds = static_cast<std::int64_t>(1 + rng.below(10)) * 60;
      c = Command{kTrainer, "", a};
    } else if (roll < 85) {
      c = Command{users[rng.below(4)], "", SendMessage{users[rng.below(4)], "Point sur le cas, merci de rappeler."}};
    } else if (roll < 95) {
      // Not a trigger keyword: the SMS takes the channel's plain path (flows are measured by bench_sms).
      c = Command{kSystem, "", ReceiveSms{phones[rng.below(4)], "Merci pour le suivi"}};
    } else {
      ReportCase r;
      r.child_name = "Enfant fictif";
      r.age = static_cast<int>(rng.below(18));
      r.sex = rng.below(2) ? "f" : "m";
      r.location = places[rng.below(4)];
      c = Command{users[rng.below(4) & 2], "", r};
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "scenarios/mopti-atelier.json";
  const size_t n = argc > 2 ? std::stoul(argv[2]) : 100000;
  auto text = read_file(path);
  if (!text) {
    std::fprintf(stderr, "bench: cannot read %s\n", path.c_str());
    return 1;
  }
  ScenarioLoad load = load_scenario_text(*text);
  if (!load.scenario) {
    for (const auto& d : load.errors) std::fprintf(stderr, "%s\n", render(d).c_str());
    return 1;
  }
  const std::vector<Command> commands = make_commands(n);

  // Record once to get the accepted log, as a saved session holds it.
  Session recorded(*load.scenario);
  recorded.set_journal_limit(0);
  for (const auto& c : commands) recorded.submit(c);
  const std::string saved = recorded.to_json().dump();

  double best_apply = 1e9, best_events = 1e9, best_load = 1e9;
  std::uint64_t hash = 0;
  for (int round = 0; round < 3; ++round) {
    State state = initial_state(*load.scenario);
    const double t0 = now_s();
    for (const auto& c : recorded.commands()) apply(state, c, false);
    const double t1 = now_s();
    best_apply = std::min(best_apply, t1 - t0);
    hash = state_hash(state);

    State with_events = initial_state(*load.scenario);
    size_t events = 0;
    const double t4 = now_s();
    for (const auto& c : recorded.commands()) events += apply(with_events, c).events.size();
    const double t5 = now_s();
    best_events = std::min(best_events, t5 - t4);
    if (state_hash(with_events) != hash || events == 0) {
      std::fprintf(stderr, "bench: replay with events diverged\n");
      return 1;
    }

    const double t2 = now_s();
    SessionLoad sl = load_session_text(saved);
    const double t3 = now_s();
    if (!sl.session || sl.session->hash() != hash) {
      std::fprintf(stderr, "bench: session reload failed\n");
      return 1;
    }
    best_load = std::min(best_load, t3 - t2);
  }
  const double cmds = static_cast<double>(recorded.commands().size());
  std::printf("commands %zu (accepted %zu)\n", commands.size(), recorded.commands().size());
  std::printf("replay_apply_per_s %.0f (silent replay: state only, as on load)\n", cmds / best_apply);
  std::printf("apply_with_events_per_s %.0f (events built for display)\n", cmds / best_events);
  std::printf("replay_load_per_s %.0f (parse JSON + validate + replay + hash check)\n", cmds / best_load);
  std::printf("session_json_bytes %zu\n", saved.size());
  std::printf("hash %s\n", hex16(hash).c_str());
  return 0;
}
