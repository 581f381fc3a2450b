// Case-list benchmark: 10,000 cases with their (complete) forms, built through commands, then the case list's
// filter and sort (sim/cases/query.h) for several users and filters. Prints the slowest query (best
// of several runs) and the process's resident memory for that world.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>

#include "cases/query.h"
#include "core/apply.h"
#include "scenario/scenario.h"
#include "session/session.h"
#include "../tests/unit/case_fixtures.h"

using namespace kalan;
using nlohmann::json;

namespace {

double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// CPU time of this thread: on a shared, loaded machine it tells the work done better than wall time.
double cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

bool run(State& s, const std::string& actor, json body) {
  body["actor"] = actor;
  Diagnostics errors;
  auto c = parse_command(body, "", errors);
  if (!c) return false;
  const ApplyResult r = apply(s, *c, false);
  if (!r.ok) std::fprintf(stderr, "bench: refused %s: %s\n", body.dump().c_str(), render_message(r.error.code, r.error.args).c_str());
  return r.ok;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "scenarios/mopti-atelier.json";
  const int count = argc > 2 ? std::stoi(argv[2]) : 10000;
  auto text = read_file(path);
  if (!text) return 1;
  auto j = json::parse(*text);
  j.erase("timeline");
  ScenarioLoad load = load_scenario(j);
  if (!load.scenario) return 1;
  State s = initial_state(*load.scenario);
  const char* first[] = {"Awa", "Fanta", "Moussa", "Aminata", "Oumar", "Kadiatou", "Seydou", "Mariam", "Ibrahim", "Hawa"};
  const char* last[] = {"Diallo", "Kassogué", "Traoré", "Coulibaly", "Togo", "Guindo", "Dembélé", "Sangaré"};
  const char* risks[] = {"low", "medium", "high"};
  const double t0 = now_s();
  for (int i = 0; i < count; ++i) {
    const bool benkadi = i % 3 == 2;
    const std::string worker = benkadi ? "kguindo" : "fkansaye";
    const std::string name = std::string(first[i % 10]) + " " + last[(i / 10) % 8];
    json report = {{"type", "case.report"}, {"child_name", name}, {"age", i % 18}, {"sex", i % 2 ? "m" : "f"}, {"location", "socoura"},
                   {"summary", "Enfant signalé par le relais communautaire, situation à vérifier"}};
    if (benkadi) report["organisation"] = "ong-benkadi";
    if (!run(s, worker, report)) return 1;
    const std::string id = s.cases.records.back().id;
    if (i % 10 == 0) continue;  // some cases stay identified
    const char* risk = risks[(i / 3) % 3];
    if (!run(s, worker, {{"type", "case.open"}, {"case", id}, {"risk_level", risk}})) return 1;
    // Complete entries (as a trainee saves them), so that the world holds real forms.
    run(s, worker, {{"type", "case.form.save"}, {"case", id}, {"form", "1A"}, {"values", test::complete_form("1A")}});
    if (i % 4 == 0) continue;
    json c1 = test::complete_form("1C"), a2 = test::complete_form("2A");
    c1["risk_level"] = risk;
    if (std::string(risk) == "low") c1["immediate_safety_risk"] = "non";  // the form refuses low risk with immediate danger
    a2["risk_level"] = risk;
    run(s, worker, {{"type", "case.form.save"}, {"case", id}, {"form", "1C"}, {"values", c1}});
    run(s, worker, {{"type", "case.form.save"}, {"case", id}, {"form", "2A"}, {"values", a2}});
    if (i % 5 == 0) run(s, worker, {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}});
  }
  const double built = now_s() - t0;
  s.clock.now += 40 * 86400;  // deadlines have passed for many cases: the overdue filter has work
  const long rss = rss_kb();

  struct Query {
    const char* what;
    std::string reader;
    CaseFilter filter;
  };
  std::vector<Query> queries;
  auto add = [&](const char* what, const std::string& reader, auto tweak) {
    Query q{what, reader, {}};
    tweak(q.filter);
    queries.push_back(std::move(q));
  };
  add("trainer_all_by_child", kTrainer, [](CaseFilter& f) { f.sort = CaseSort::child; });
  add("trainer_search_accent_by_deadline", kTrainer, [](CaseFilter& f) {
    f.search = "kassogue";
    f.sort = CaseSort::next_deadline;
  });
  add("trainer_search_accent", kTrainer, [](CaseFilter& f) { f.search = "kassogue"; });
  add("trainer_all_by_deadline", kTrainer, [](CaseFilter& f) { f.sort = CaseSort::next_deadline; });
  add("caseworker_all_by_stage", "fkansaye", [](CaseFilter& f) { f.sort = CaseSort::stage; });
  add("supervisor_overdue_high_by_age_desc", "mtembely", [](CaseFilter& f) {
    f.overdue_only = true;
    f.risk = "high";
    f.sort = CaseSort::age;
    f.descending = true;
  });
  add("coordinator_stage_assessment_by_owner", "akarembe", [](CaseFilter& f) {
    f.stage = "assessment";
    f.sort = CaseSort::owner;
  });
  double worst = 0, worst_cpu = 0;
  std::printf("cases %zu\nbuild_s %.2f\n", s.cases.records.size(), built);
  for (const auto& q : queries) {
    const Actor reader = reader_actor(s, q.reader);
    double best = 1e9, best_cpu = 1e9;
    size_t rows = 0;
    for (int rep = 0; rep < 15; ++rep) {
      const double a = now_s(), ac = cpu_s();
      rows = query_cases(s, reader, q.filter).size();
      best_cpu = std::min(best_cpu, cpu_s() - ac);
      best = std::min(best, now_s() - a);
    }
    worst = std::max(worst, best);
    worst_cpu = std::max(worst_cpu, best_cpu);
    std::printf("query_ms %-40s %7.3f wall %7.3f cpu (%zu rows)\n", q.what, best * 1000, best_cpu * 1000, rows);
  }
  std::printf("case_list_filter_sort_ms %.3f wall, %.3f cpu (budget 5; slowest query, best of 15 runs)\n", worst * 1000,
              worst_cpu * 1000);
  std::printf("rss_mb %.1f (budget 200)\n", static_cast<double>(rss) / 1024.0);
  return 0;
}
