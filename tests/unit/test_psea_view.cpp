// The PSEA intake screen's view model (ui/reporting_view.h): who may handle complaints, the create
// command built from the form, and each complaint against its deadlines (72 h, 7 days).
#include <doctest/doctest.h>

#include "../../ui/reporting_view.h"  // plain functions: tested without ImGui
#include "reporting/psea.h"
#include "reporting_fixture.h"

using namespace kalan;
using namespace kalan::test;
using namespace kalan::ui;
using nlohmann::json;

TEST_CASE("psea view: the roles that may handle complaints are the core's") {
  json j = remontee_world_only();
  j["world"]["users"].push_back({{"id", "relais"}, {"name", "Relais"}, {"role", "community_reporter"},
                                 {"organisation", "slpfef-mopti"}, {"phone", "tel:+22370009999"}});
  State s = initial_state(load_ok(j));
  for (const char* user : {"trainer", "fkansaye", "mtembely", "kdembele", "ytraore"}) {
    CHECK(may_handle_psea(s.world, user));
    // The core agrees: the user may record a complaint.
    const json body = {{"type", "psea.complaint.create"}, {"actor", user}, {"channel", "hotline"}, {"age", 12},
                       {"sex", "f"}, {"complaint_type", "other"}};
    CHECK(apply(s, cmd(body.dump())).ok);
  }
  CHECK_FALSE(may_handle_psea(s.world, "relais"));
  CHECK_FALSE(may_handle_psea(s.world, "nobody"));
}

TEST_CASE("psea view: the intake form gives psea.complaint.create's arguments, which the core accepts") {
  CHECK(psea_choices("channel").front() == "hotline");
  CHECK(psea_choices("sex") == std::vector<std::string>{"f", "m"});
  CHECK(psea_choices("complaint_type").size() == 4);
  CHECK(psea_choices("nothing").empty());
  PseaIntake in;
  in.channel = 1;  // complaint_box
  in.sex = 1;
  in.type = 2;
  in.age = 15;
  in.received = "2025-01-04";
  json args = complaint_create_args(in);
  CHECK(args == json{{"channel", "complaint_box"}, {"age", 15}, {"sex", "m"}, {"complaint_type", "sexual_harassment"},
                     {"received", "2025-01-04"}});
  State s = initial_state(load_ok(remontee_world_only()));
  args["type"] = "psea.complaint.create";
  args["actor"] = "kdembele";
  REQUIRE(apply(s, cmd(args.dump())).ok);
  CHECK(s.reporting.complaints.back().received_at == *parse_iso_time("2025-01-04"));
  // Age not given: the core refuses it with its message rather than recording -1.
  in.age = -1;
  in.received.clear();
  args = complaint_create_args(in);
  CHECK_FALSE(args.contains("received"));
  args["type"] = "psea.complaint.create";
  args["actor"] = "kdembele";
  Diagnostics errors;
  CHECK_FALSE(parse_command(args, "", errors));
  CHECK_FALSE(errors.empty());
}

TEST_CASE("psea view: each complaint against its deadlines, newest first") {
  const SimTime t0 = *parse_iso_time("2025-01-06T08:00:00Z");
  CHECK(deadline_state(t0, 0, reporting::kReferralDeadline, t0 + 72 * 3600) == Deadline::pending);
  CHECK(deadline_state(t0, 0, reporting::kReferralDeadline, t0 + 72 * 3600 + 1) == Deadline::overdue);
  CHECK(deadline_state(t0, t0 + 72 * 3600, reporting::kReferralDeadline, t0 + 9 * 86400) == Deadline::in_time);
  CHECK(deadline_state(t0, t0 + 72 * 3600 + 1, reporting::kReferralDeadline, t0 + 9 * 86400) == Deadline::late);
  CHECK(std::string(deadline_name(Deadline::overdue)) == "depasse");
  ReportingState r;
  Complaint a;
  a.id = "PSEA-0001";
  a.received_at = t0;
  a.referred_at = t0 + 3600;
  Complaint b;
  b.id = "PSEA-0002";
  b.received_at = t0 + 86400;
  r.complaints = {a, b};
  const auto lines = complaint_lines(r, t0 + 5 * 86400);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].complaint->id == "PSEA-0002");
  CHECK(lines[0].referral == Deadline::overdue);  // four days without referral
  CHECK(lines[0].response == Deadline::pending);  // still three days to answer
  CHECK(lines[0].response_due == b.received_at + 7 * 86400);
  CHECK(lines[1].referral == Deadline::in_time);
  CHECK(lines[1].referral_due == t0 + 72 * 3600);
}
