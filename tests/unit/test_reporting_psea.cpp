// PSEA complaints (seed 004): intake, referral to assistance, response; quarterly indicators by age
// group and sex, with the boundaries exactly 72 h and exactly 7 days counted as within.
#include <doctest/doctest.h>

#include "forms/xlsform.h"
#include "reporting/exports.h"
#include "reporting/psea.h"
#include "reporting_fixture.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

json with(json base, const json& extra) {
  base.update(extra);
  return base;
}

struct Desk {
  State s = initial_state(load_ok(remontee_world_only()));
  void ok(json body) {
    if (!body.contains("actor")) body["actor"] = "fkansaye";
    ApplyResult r = apply(s, cmd(body.dump()));
    INFO(body.dump(), " -> ", render_message(r.error.code, r.error.args));
    REQUIRE(r.ok);
  }
  void advance(std::int64_t seconds) {
    ok({{"type", "clock.advance_to"}, {"actor", "trainer"}, {"at", format_iso_time(s.clock.now + seconds)}});
  }
  std::string complaint(int age, const char* sex) {
    ok({{"type", "psea.complaint.create"}, {"channel", "hotline"}, {"age", age}, {"sex", sex}, {"complaint_type", "sexual_exploitation"}});
    return s.reporting.complaints.back().id;
  }
};

}  // namespace

TEST_CASE("psea: exactly 72 h and exactly 7 days count as within; one second more does not") {
  Desk d;
  const std::string a = d.complaint(14, "f");
  const std::string b = d.complaint(15, "f");
  CHECK(d.s.reporting.complaints[0].structure == "slpfef-mopti");
  d.advance(72 * 3600);
  d.ok({{"type", "psea.complaint.refer"}, {"complaint", a}, {"service", "svc-sante"}});
  d.advance(1);
  d.ok({{"type", "psea.complaint.refer"}, {"complaint", b}});
  d.advance(7 * 86400 - 72 * 3600 - 1);  // exactly 7 days after reception
  d.ok({{"type", "psea.complaint.respond"}, {"complaint", a}, {"response", "Plainte reçue, enquête ouverte"}});
  d.advance(1);
  d.ok({{"type", "psea.complaint.respond"}, {"complaint", b}, {"response", "Plainte reçue"}});
  const auto rows = reporting::psea_indicators(d.s.reporting.complaints);
  REQUIRE(rows.size() == 2);  // 12–17 girls, and the quarter's total
  CHECK(rows[0].age_group == "12_17");
  CHECK(rows[0].sex == "f");
  CHECK(rows[0].complaints == 2);
  CHECK(rows[0].referred_72h == 1);
  CHECK(rows[0].answered_7d == 1);
  CHECK(rows[0].pct_referred() == doctest::Approx(50.0));
  CHECK(rows[1].age_group == "total");
  // Referral and response are recorded once.
  ApplyResult again = apply(d.s, cmd(R"({"type":"psea.complaint.refer","actor":"fkansaye","complaint":")" + a + R"("})"));
  CHECK_FALSE(again.ok);
  CHECK(again.error.code == "psea_already");
}

TEST_CASE("psea: indicators per quarter, disaggregated by age group and sex; unanswered counts as late") {
  Desk d;  // the scenario starts on 2025-01-06: quarter 1
  d.complaint(4, "m");
  d.complaint(30, "f");
  const std::string c = d.complaint(9, "m");
  d.ok({{"type", "psea.complaint.refer"}, {"complaint", c}});
  d.ok({{"type", "clock.advance_to"}, {"actor", "trainer"}, {"at", "2025-04-02T09:00:00Z"}});
  d.complaint(16, "f");
  const auto rows = reporting::psea_indicators(d.s.reporting.complaints);
  std::vector<std::string> cells;
  for (const auto& r : rows)
    cells.push_back("T" + std::to_string(r.quarter) + " " + r.age_group + " " + r.sex + " " + std::to_string(r.complaints) +
                    "/" + std::to_string(r.referred_72h) + "/" + std::to_string(r.answered_7d));
  CHECK(cells == std::vector<std::string>{"T1 0_5 m 1/0/0", "T1 18+ f 1/0/0", "T1 6_11 m 1/1/0", "T1 total total 3/1/0",
                                          "T2 12_17 f 1/0/0", "T2 total total 1/0/0"});
  // The CSV parses back with one line per row.
  Diagnostics errors;
  const auto records = forms::parse_csv(reporting::psea_csv(rows), "psea.csv", errors);
  CHECK(errors.empty());
  REQUIRE(records.size() == rows.size() + 1);
  CHECK(records[4].cells[3] == "total");
  CHECK(records[4].cells[6] == "33.3");
}

TEST_CASE("psea: a complaint dated when it arrived; the delays run from that date, never from the future") {
  Desk d;  // now: 2025-01-06T08:00Z
  const std::int64_t now = d.s.clock.now;
  d.ok({{"type", "psea.complaint.create"}, {"channel", "complaint_box"}, {"age", 13}, {"sex", "f"},
        {"complaint_type", "sexual_abuse"}, {"received", "2025-01-03"}});
  const Complaint& c = d.s.reporting.complaints.back();
  CHECK(c.received_at == *parse_iso_time("2025-01-03T00:00:00Z"));
  // Referred now: more than 72 h after it arrived, so late in the indicators.
  d.ok({{"type", "psea.complaint.refer"}, {"complaint", c.id}, {"service", "svc-psy"}});
  CHECK(reporting::psea_indicators(d.s.reporting.complaints).back().referred_72h == 0);
  const auto refused = [&](json body, const char* code) {
    body["actor"] = "fkansaye";
    ApplyResult r = apply(d.s, cmd(body.dump()));
    INFO(body.dump());
    CHECK_FALSE(r.ok);
    CHECK(r.error.code == code);
  };
  json create = {{"type", "psea.complaint.create"}, {"channel", "hotline"}, {"age", 9}, {"sex", "m"}, {"complaint_type", "other"}};
  refused(with(create, {{"received", format_iso_time(now + 60)}}), "psea_received_future");
  refused(with(create, {{"received", "03/01/2025"}}), "bad_time");
  refused(with(create, {{"received", "2025-02-30"}}), "bad_time");
  CHECK(d.s.reporting.complaints.size() == 1);
}

TEST_CASE("psea: only the complaint mechanism's roles record, refer and answer; every refusal") {
  json j = remontee_world_only();
  j["world"]["users"].push_back({{"id", "relais"}, {"name", "Relais communautaire"}, {"role", "community_reporter"},
                                 {"organisation", "slpfef-mopti"}, {"phone", "tel:+22370009999"}});
  State s = initial_state(load_ok(j));
  const auto run = [&](json body) { return apply(s, cmd(body.dump())); };
  const json create = {{"type", "psea.complaint.create"}, {"channel", "in_person"}, {"age", 16}, {"sex", "f"},
                       {"complaint_type", "sexual_harassment"}};
  ApplyResult r = run(with(create, {{"actor", "relais"}}));
  CHECK_FALSE(r.ok);
  CHECK(r.error.code == "forbidden");
  REQUIRE(run(with(create, {{"actor", "kdembele"}})).ok);  // the information manager
  const std::string id = s.reporting.complaints.back().id;
  r = run({{"type", "psea.complaint.refer"}, {"actor", "relais"}, {"complaint", id}});
  CHECK(r.error.code == "forbidden");
  r = run({{"type", "psea.complaint.respond"}, {"actor", "relais"}, {"complaint", id}, {"response", "x"}});
  CHECK(r.error.code == "forbidden");
  r = run({{"type", "psea.complaint.refer"}, {"actor", "kdembele"}, {"complaint", "PSEA-9999"}});
  CHECK(r.error.code == "unknown_ref");
  r = run({{"type", "psea.complaint.respond"}, {"actor", "kdembele"}, {"complaint", "PSEA-9999"}, {"response", "x"}});
  CHECK(r.error.code == "unknown_ref");
  r = run({{"type", "psea.complaint.refer"}, {"actor", "kdembele"}, {"complaint", id}, {"service", "svc-inconnu"}});
  CHECK(r.error.code == "unknown_ref");  // not a service of the directory
  CHECK(s.reporting.complaints.back().referred_at == 0);
  // Refused when the command is read: an empty response, a channel or an age out of their lists.
  const auto unreadable = [](const json& body) {
    Diagnostics errors;
    return !parse_command(body, "", errors) && !errors.empty();
  };
  CHECK(unreadable({{"type", "psea.complaint.respond"}, {"actor", "kdembele"}, {"complaint", id}, {"response", ""}}));
  REQUIRE(run({{"type", "psea.complaint.refer"}, {"actor", "trainer"}, {"complaint", id}, {"service", "svc-sante"}}).ok);
  REQUIRE(run({{"type", "psea.complaint.respond"}, {"actor", "ytraore"}, {"complaint", id}, {"response", "Reçue."}}).ok);
  r = run({{"type", "psea.complaint.respond"}, {"actor", "ytraore"}, {"complaint", id}, {"response", "Encore"}});
  CHECK(r.error.code == "psea_already");
  CHECK(unreadable(with(create, {{"actor", "kdembele"}, {"channel", "pigeon"}})));
  CHECK(unreadable(with(create, {{"actor", "kdembele"}, {"age", 121}})));
  CHECK(unreadable(with(create, {{"actor", "kdembele"}, {"sex", "x"}})));
}
