// Exercises benchmark: the time to evaluate every condition of an exercise after a command, on a
// world of 1,000 cases (budget: <= 1 ms natively). Each exercise of the CPIMS+ curriculum is started
// on that world (its tasks are not achieved, so every condition is evaluated after every command),
// then commands that each change one case are observed. Times are processor time (std::clock).
// Usage: bench_exercises [SCENARIO] [CASES] [COMMANDS]
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string>

#include "core/state.h"
#include "exercises/run.h"
#include "scenario/scenario.h"
#include "session/session.h"

using namespace kalan;

namespace {

double now_s() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

Command parse(const nlohmann::json& j) {
  Diagnostics errors;
  auto c = parse_command(j, "", errors);
  if (!c) {
    std::fprintf(stderr, "bad command %s\n", j.dump().c_str());
    std::exit(1);
  }
  return *c;
}

std::string case_id(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "CAS-%04d", i);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string file = argc > 1 ? argv[1] : "scenarios/curriculum-cpims.json";
  const int cases = argc > 2 ? std::atoi(argv[2]) : 1000;
  const int commands = argc > 3 ? std::atoi(argv[3]) : 300;
  auto text = read_file(file);
  if (!text) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return 1;
  }
  ScenarioLoad l = load_scenario_text(*text);
  if (!l.scenario || l.scenario->exercises.empty()) {
    std::fprintf(stderr, "%s: no valid scenario with exercises\n", file.c_str());
    return 1;
  }
  Session session(*l.scenario);
  session.set_journal_limit(0);
  const char* names[] = {"Mariam Coulibaly", "Fanta Kassogué", "Oumar Sidibé", "Bintou Karambé", "Issa Guindo"};
  for (int i = 1; i <= cases; ++i) {
    session.submit(parse({{"type", "case.report"}, {"actor", "fkansaye"}, {"child_name", names[i % 5]},
                          {"age", 5 + i % 12}, {"sex", i % 2 ? "f" : "m"}, {"location", "socoura"}}));
    session.submit(parse({{"type", "case.open"}, {"actor", "fkansaye"}, {"case", case_id(i)}, {"risk_level", "medium"}}));
    session.submit(parse({{"type", "case.form.save"}, {"actor", "fkansaye"}, {"case", case_id(i)}, {"form", "1A"},
                          {"values", {{"consent_services", "oui"}}}}));
  }
  std::printf("world: %zu cases, %zu exercises in %s\n", session.state().cases.records.size(),
              l.scenario->exercises.size(), file.c_str());
  State state = session.state();
  double worst = 0, total = 0;
  int measured = 0;
  for (const Exercise& ex : l.scenario->exercises) {
    ExerciseRun run(ex, state);  // a cold start: every record's JSON is built once here
    double spent = 0;
    for (int k = 0; k < commands; ++k) {
      const int target = 1 + (k * 37) % cases;
      Command c = parse({{"type", "case.form.save"}, {"actor", "fkansaye"}, {"case", case_id(target)}, {"form", "1A"},
                         {"values", {{"child_age", std::to_string(k % 18)}}}});
      ApplyResult r = apply(state, c, true);
      const double t0 = now_s();
      run.observe(c, r, state);
      spent += now_s() - t0;
    }
    const double per = spent / commands * 1e6;
    std::printf("  %-32s %2zu conditions  %8.1f us/command\n", ex.id.c_str(), ex.tasks.size() + ex.mistakes.size(), per);
    worst = std::max(worst, per);
    total += spent;
    measured += commands;
  }
  std::printf("exercise_eval_us_per_command %.1f (mean)\n", total / measured * 1e6);
  std::printf("exercise_eval_us_per_command_worst %.1f (budget 1000)\n", worst);
  return worst <= 1000 ? 0 : 1;
}
