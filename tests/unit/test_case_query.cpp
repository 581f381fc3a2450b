// The case list's filter and sort (sim/cases/query.h): visibility, search without accents, filters,
// sorting both ways.
#include <doctest/doctest.h>

#include "cases/query.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

struct World3 {
  State s;
  World3() : s(initial_state(load_ok([] {
               json j = scenario_json();
               j.erase("timeline");
               return j;
             }()))) {}
  void ok(const std::string& actor, json body) {
    body["actor"] = actor;
    ApplyResult r = apply(s, cmd(body.dump()));
    INFO(body.dump(), " -> ", render_message(r.error.code, r.error.args));
    REQUIRE(r.ok);
  }
  std::string report(const std::string& actor, const std::string& name, int age, const std::string& org = "") {
    json b = {{"type", "case.report"}, {"child_name", name}, {"age", age}, {"sex", "f"}, {"location", "socoura"}};
    if (!org.empty()) b["organisation"] = org;
    ok(actor, b);
    return s.cases.records.back().id;
  }
  std::vector<std::string> ids(const std::string& reader, const CaseFilter& f) {
    std::vector<std::string> out;
    for (size_t i : query_cases(s, reader_actor(s, reader), f)) out.push_back(s.cases.records[i].id);
    return out;
  }
};

}  // namespace

TEST_CASE("case list: visibility, accent-insensitive search, filters and sort") {
  World3 w;
  const std::string a = w.report("fkansaye", "Fanta Kassogué", 12);
  const std::string b = w.report("fkansaye", "Awa Diallo", 9);
  const std::string c = w.report("kguindo", "Moussa Traoré", 15, "ong-benkadi");
  w.ok("fkansaye", {{"type", "case.open"}, {"case", b}, {"risk_level", "high"}});

  CaseFilter all;
  CHECK(w.ids(kTrainer, all) == std::vector<std::string>{a, b, c});
  // A worker of another structure does not see the SLPFEF's cases, nor the reverse.
  CHECK(w.ids("kguindo", all) == std::vector<std::string>{c});
  CHECK(w.ids("fkansaye", all) == std::vector<std::string>{a, b});

  CaseFilter search;
  search.search = "KASSOGUE";
  CHECK(w.ids(kTrainer, search) == std::vector<std::string>{a});
  search.search = "traore";
  CHECK(w.ids("fkansaye", search).empty());

  CaseFilter status;
  status.status = "open";
  CHECK(w.ids(kTrainer, status) == std::vector<std::string>{b});
  CaseFilter risk;
  risk.risk = "high";
  CHECK(w.ids(kTrainer, risk) == std::vector<std::string>{b});
  CaseFilter stage;
  stage.stage = "new";
  CHECK(w.ids(kTrainer, stage) == std::vector<std::string>{a, c});
  CaseFilter owner;
  owner.owner = "fkansaye";
  CHECK(w.ids(kTrainer, owner) == std::vector<std::string>{b});

  CaseFilter by_age;
  by_age.sort = CaseSort::age;
  CHECK(w.ids(kTrainer, by_age) == std::vector<std::string>{b, a, c});
  by_age.descending = true;
  CHECK(w.ids(kTrainer, by_age) == std::vector<std::string>{c, a, b});
  CaseFilter by_child;
  by_child.sort = CaseSort::child;
  CHECK(w.ids(kTrainer, by_child) == std::vector<std::string>{b, a, c});
  CaseFilter by_stage;
  by_stage.sort = CaseSort::stage;
  by_stage.descending = true;
  CHECK(w.ids(kTrainer, by_stage).front() == b);

  // Overdue: the high-risk deadline of the initial assessment passes.
  CaseFilter overdue;
  overdue.overdue_only = true;
  CHECK(w.ids(kTrainer, overdue).empty());
  w.s.clock.now += 30 * 86400;
  CHECK(w.ids(kTrainer, overdue) == std::vector<std::string>{b});
  CHECK(next_deadline(*w.s.cases.find(b), w.s.cases.policy) > 0);
  CHECK(next_deadline(*w.s.cases.find(a), w.s.cases.policy) == 0);
}

TEST_CASE("case list: the search follows every change to a case and leaves the state hash alone") {
  World3 w;
  const std::string a = w.report("fkansaye", "Fanta Kassogué", 12);
  CaseFilter f;
  f.search = "kansaye";  // the owner's name: none before the case is opened
  CHECK(w.ids(kTrainer, f).empty());
  const std::uint64_t before = state_hash(w.s);
  w.ok("fkansaye", {{"type", "case.open"}, {"case", a}, {"risk_level", "low"}});
  CHECK(w.ids(kTrainer, f) == std::vector<std::string>{a});
  f.search = "ÀWA";
  CHECK(w.ids(kTrainer, f).empty());
  w.s.cases.records[0].child_name = "Awa Kassogué";  // what an edit of the record does
  CHECK(w.ids(kTrainer, f) == std::vector<std::string>{a});
  w.s.cases.records[0].summary = "";
  w.s.cases.records[0].child_name = "Fanta";
  CHECK(w.ids(kTrainer, f).empty());
  // A query changes nothing that is hashed.
  const std::uint64_t after = state_hash(w.s);
  w.ids(kTrainer, f);
  CHECK(state_hash(w.s) == after);
  CHECK(after != before);
}
