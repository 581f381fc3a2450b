// Submissions as KoboToolbox receives them (duplicates, edits, validation status) and the device of a
// focal point as in KoboCollect (drafts, finalize, send, outbox while offline).
#include <doctest/doctest.h>

#include "reporting/aggregate.h"
#include "reporting_fixture.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

struct Office : CommandDesk {
  Office() : CommandDesk(initial_state(load_ok(remontee_world_only()))) {}

  static json submit(const std::string& instance, json values, const std::string& deprecated = "") {
    json j = {{"type", "reporting.submit"}, {"instance", instance}, {"values", std::move(values)}};
    if (!deprecated.empty()) j["deprecated"] = deprecated;
    return j;
  }
};

}  // namespace

TEST_CASE("reporting submissions: _id, _uuid, time and submitter; the same instanceID twice is one report") {
  Office o;
  o.ok("fkansaye", Office::submit("uuid:a1", good_report()));
  REQUIRE(o.s.reporting.submissions.size() == 1);
  const Submission& sub = o.s.reporting.submissions[0];
  CHECK(sub.id == 1);
  CHECK(sub.uuid == "uuid:a1");
  CHECK(sub.submitted_at == o.s.clock.now);
  CHECK(sub.submitted_by == "fkansaye");
  const json before = canonical_state(o.s);
  ApplyResult dup = o.run("fkansaye", Office::submit("uuid:a1", good_report()));
  CHECK(dup.ok);
  REQUIRE(dup.events.size() == 1);
  CHECK(dup.events[0].type == "reporting.duplicate");
  CHECK(o.s.reporting.submissions.size() == 1);
  CHECK(canonical_state(o.s)["reporting"] == before["reporting"]);
  o.ok("fkansaye", Office::submit("uuid:a2", good_report()));
  CHECK(o.s.reporting.submissions.back().id == 2);
}

TEST_CASE("reporting submissions: an edit creates a new version and keeps the history") {
  Office o;
  o.ok("fkansaye", Office::submit("uuid:v1", good_report()));
  json edited = good_report();
  edited["ref_recues"] = "3";
  o.ok("trainer", {{"type", "clock.advance"}, {"hours", 2}});
  o.ok("fkansaye", Office::submit("uuid:v2", edited, "uuid:v1"));
  REQUIRE(o.s.reporting.submissions.size() == 1);
  const Submission& sub = o.s.reporting.submissions[0];
  CHECK(sub.id == 1);
  CHECK(sub.uuid == "uuid:v2");
  CHECK(sub.deprecated == "uuid:v1");
  CHECK(sub.count("ref_recues") == 3);
  REQUIRE(sub.history.size() == 1);
  CHECK(sub.history[0].uuid == "uuid:v1");
  CHECK(sub.history[0].values.text("ref_recues") == "1");
  // The old version cannot be edited again, an unknown one neither; resending the old one is a duplicate.
  o.refused("fkansaye", Office::submit("uuid:v3", edited, "uuid:v1"), "report_stale_edit");
  o.refused("fkansaye", Office::submit("uuid:v3", edited, "uuid:nope"), "unknown_ref");
  CHECK(o.run("fkansaye", Office::submit("uuid:v1", good_report())).events[0].type == "reporting.duplicate");
  CHECK(o.s.reporting.submissions[0].uuid == "uuid:v2");
}

TEST_CASE("reporting submissions: invalid reports, other structures and bad ids are refused") {
  Office o;
  json bad = good_report();
  bad["nc_total"] = "9";
  bad["rq_autre"] = "5";
  o.refused("fkansaye", Office::submit("uuid:x", bad), "form_invalid");
  ApplyResult r = o.run("fkansaye", Office::submit("uuid:x", bad));
  CHECK(render_message(r.error.code, r.error.args).find("nc_total") != std::string::npos);
  o.refused("rkassogue", Office::submit("uuid:x", good_report()), "report_other_structure");
  o.refused("fkansaye", Office::submit("x-1", good_report()), "report_bad_instance");
  // The information manager of the DRPFEF may enter a report for any structure.
  o.ok("kdembele", Office::submit("uuid:x", good_report()));
}

TEST_CASE("reporting submissions: validation status by an information manager or coordinator only") {
  Office o;
  o.ok("fkansaye", Office::submit("uuid:a", good_report()));
  o.refused("fkansaye", {{"type", "reporting.validation.set"}, {"submission", 1}, {"status", "approved"}}, "forbidden");
  o.refused("kdembele", {{"type", "reporting.validation.set"}, {"submission", 7}, {"status", "approved"}}, "unknown_ref");
  o.ok("kdembele", {{"type", "reporting.validation.set"}, {"submission", 1}, {"status", "on_hold"}});
  CHECK(o.s.reporting.submissions[0].validation == "on_hold");
  o.ok("ytraore", {{"type", "reporting.validation.set"}, {"submission", 1}, {"status", "not_approved"}});
  CHECK(o.s.reporting.submissions[0].validated_by == "ytraore");
  // A report marked not approved is left out of the aggregates and shows in the completeness grid.
  CHECK(reporting::effective_submissions(o.s.reporting).empty());
  const auto grid = reporting::completeness(o.s.reporting, o.s.world, 2024, 3, 3);
  CHECK(grid[0].structure == "slpfef-mopti");
  CHECK(grid[0].months[0] == "non_approuve");
}

TEST_CASE("reporting device: draft, finalize, send; offline reports wait in the outbox") {
  Office o;
  json partial = good_report();
  partial.erase("clos");
  // A draft may be incomplete: it is kept, and its issues are given for the fields.
  ApplyResult r = o.run("fkansaye", {{"type", "reporting.draft.save"}, {"instance", "uuid:d1"}, {"values", partial}});
  REQUIRE(r.ok);
  CHECK(r.events[0].data["issues"][0]["field"] == "clos");
  CHECK(r.events[0].data["issues"][0]["message"]["fr"] == "Indiquez un nombre (0 s'il n'y en a pas).");
  o.refused("fkansaye", {{"type", "reporting.finalize"}, {"instance", "uuid:d1"}}, "form_invalid");
  o.refused("fkansaye", {{"type", "reporting.send"}, {"instance", "uuid:d1"}}, "report_not_finalized");
  o.refused("fkansaye", {{"type", "reporting.finalize"}, {"instance", "uuid:zz"}}, "unknown_ref");
  o.ok("fkansaye", {{"type", "reporting.draft.save"}, {"instance", "uuid:d1"}, {"values", good_report()}});
  o.ok("fkansaye", {{"type", "reporting.finalize"}, {"instance", "uuid:d1"}});
  CHECK(o.s.reporting.find_device("fkansaye")->drafts[0].status == "finalized");
  // Offline: sending queues the report in the outbox; nothing reaches the server.
  o.ok("fkansaye", {{"type", "reporting.set_online"}, {"online", false}});
  o.ok("fkansaye", {{"type", "reporting.send"}});
  CHECK(o.s.reporting.find_device("fkansaye")->drafts[0].status == "queued");
  CHECK(o.s.reporting.submissions.empty());
  o.refused("fkansaye", {{"type", "reporting.draft.save"}, {"instance", "uuid:d1"}, {"values", good_report()}}, "report_queued");
  // Back online, the outbox is sent.
  r = o.run("fkansaye", {{"type", "reporting.set_online"}, {"online", true}});
  REQUIRE(r.ok);
  CHECK(r.events[0].type == "reporting.received");
  CHECK(o.s.reporting.submissions.size() == 1);
  CHECK(o.s.reporting.find_device("fkansaye")->drafts.empty());
  // A sent report cannot become a draft again under the same instanceID; an edit names it.
  o.refused("fkansaye", {{"type", "reporting.draft.save"}, {"instance", "uuid:d1"}, {"values", good_report()}},
            "report_already_sent");
  json edit = good_report();
  edit["observations"] = "Correction des références reçues";
  o.ok("fkansaye", {{"type", "reporting.draft.save"}, {"instance", "uuid:d2"}, {"values", edit}, {"deprecated", "uuid:d1"}});
  o.ok("fkansaye", {{"type", "reporting.finalize"}, {"instance", "uuid:d2"}});
  o.ok("fkansaye", {{"type", "reporting.send"}, {"instance", "uuid:d2"}});
  CHECK(o.s.reporting.submissions.size() == 1);
  CHECK(o.s.reporting.submissions[0].history.size() == 1);
  CHECK(o.s.reporting.submissions[0].value("observations") == "Correction des références reçues");
  // Discarding a draft.
  o.ok("fkansaye", {{"type", "reporting.draft.save"}, {"instance", "uuid:d3"}, {"values", partial}});
  o.ok("fkansaye", {{"type", "reporting.draft.discard"}, {"instance", "uuid:d3"}});
  CHECK(o.s.reporting.find_device("fkansaye")->drafts.empty());
}

TEST_CASE("reporting commands: JSON forms round-trip and the case commands keep theirs") {
  for (const char* text : {R"({"type":"reporting.submit","actor":"fkansaye","instance":"uuid:1","values":{"month":"3"}})",
                           R"({"type":"psea.complaint.create","actor":"fkansaye","channel":"hotline","age":14,"sex":"f","complaint_type":"sexual_abuse"})",
                           R"({"type":"case.close","actor":"fkansaye","case":"CAS-0001"})"}) {
    const Command c = cmd(text);
    CHECK(command_to_json(c) == json::parse(text));
  }
  Diagnostics errors;
  CHECK_FALSE(parse_command(json::parse(R"({"type":"reporting.set_online","actor":"x","online":"oui"})"), "", errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/online");
}
