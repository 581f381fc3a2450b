// SMS benchmark: inbound messages per second through the Jam flow of the default scenario.
// Many reporters each run a whole report (Jam, victim, type, place, danger). Prints the figures and the
// final hash (the same natively and in WebAssembly).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "core/apply.h"
#include "core/hash.h"
#include "scenario/scenario.h"
#include "session/session.h"

using namespace kalan;

namespace {
double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }
// Processor time of this process: on a shared, loaded machine it says what a free core would do.
double cpu_s() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "scenarios/mopti-atelier.json";
  const int reporters = argc > 2 ? std::stoi(argv[2]) : 2000;
  auto text = read_file(path);
  if (!text) return 1;
  auto j = nlohmann::json::parse(*text);
  j.erase("timeline");
  j["sms"]["open_reporting"] = true;  // any number may report: no registration step in the benchmark
  ScenarioLoad load = load_scenario(j);
  if (!load.scenario) {
    for (const auto& d : load.errors) std::fprintf(stderr, "%s\n", render(d).c_str());
    return 1;
  }
  const char* answers[] = {"Jam", "Awa Diallo 12 f", "2", "Socoura", "non"};
  std::vector<Command> commands;
  for (int round = 0; round < 5; ++round)
    for (int r = 0; r < reporters; ++r) {
      char phone[32];
      std::snprintf(phone, sizeof phone, "tel:+2237%07d", 1000000 + r);
      commands.push_back(Command{kTrainer, "", ReceiveSms{phone, answers[round]}});
    }
  double best_events = 1e9, best_silent = 1e9, cpu_events = 1e9, cpu_silent = 1e9;
  std::uint64_t hash = 0;
  size_t reports = 0;
  for (int rep = 0; rep < 3; ++rep) {
    for (bool record : {true, false}) {
      State s = initial_state(*load.scenario);
      const double t0 = now_s(), c0 = cpu_s();
      for (const auto& c : commands) apply(s, c, record);
      const double t1 = now_s(), c1 = cpu_s();
      (record ? best_events : best_silent) = std::min(record ? best_events : best_silent, t1 - t0);
      (record ? cpu_events : cpu_silent) = std::min(record ? cpu_events : cpu_silent, c1 - c0);
      const std::uint64_t h = state_hash(s);
      if (hash && h != hash) {
        std::fprintf(stderr, "bench: hash differs between runs\n");
        return 1;
      }
      hash = h;
      reports = s.sms.reports.size();
    }
  }
  const double n = static_cast<double>(commands.size());
  std::printf("inbound_messages %zu (%d reporters x 5 answers), reports %zu\n", commands.size(), reporters, reports);
  std::printf("jam_msgs_per_s %.0f (events built for display)\n", n / best_events);
  std::printf("jam_msgs_per_s_silent %.0f (state only, as a replay)\n", n / best_silent);
  std::printf("jam_msgs_per_s_cpu %.0f with events, %.0f silent (per second of processor time)\n", n / cpu_events,
              n / cpu_silent);
  std::printf("hash %s\n", hex16(hash).c_str());
  return reports == static_cast<size_t>(reporters) ? 0 : 1;
}
