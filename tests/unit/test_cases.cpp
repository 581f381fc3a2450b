// Case management (CPIMS+): the whole lifecycle, and every refusal rule, on the default scenario.
// fkansaye (case worker) and mtembely (her supervisor) work at the SLPFEF of Mopti; kguindo and bsankare at
// ONG Benkadi; htapily is the provider of the CSRéf (health); idjimde administers the SLPFEF's accounts.
#include <doctest/doctest.h>

#include "cases/alerts.h"
#include "cases/case_forms.h"
#include "cases/tracing.h"
#include "cases/workflow.h"
#include "case_fixtures.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

struct Desk : CommandDesk {
  Desk() : Desk(scenario_json()) {}
  explicit Desk(json scenario) : CommandDesk(initial_state(load_ok(quiet(std::move(scenario))))) {}
  static json quiet(json j) {
    j.erase("timeline");
    return j;
  }

  // Reports a case for Socoura as fkansaye; returns its id.
  std::string report(const std::string& name = "Awa Diallo", int age = 12, const std::string& actor = "fkansaye") {
    ok(actor, {{"type", "case.report"}, {"child_name", name}, {"age", age}, {"sex", "f"}, {"location", "socoura"}});
    return s.cases.records.back().id;
  }
  void save(const std::string& actor, const std::string& id, const std::string& form, json values) {
    ok(actor, {{"type", "case.form.save"}, {"case", id}, {"form", form}, {"values", std::move(values)}});
  }
  void consent(const std::string& id, const char* services = "oui", const char* sharing = "oui") {
    json v = complete_form("1A");
    v["consent_services"] = services;
    v["consent_sharing"] = sharing;
    save("fkansaye", id, "1A", v);
  }
  // Saves the complete fixture entry of a form, with some answers changed.
  void fill(const std::string& actor, const std::string& id, const std::string& form, const json& changes = json::object()) {
    json v = complete_form(form);
    for (auto it = changes.begin(); it != changes.end(); ++it) v[it.key()] = it.value();
    save(actor, id, form, v);
  }
  // An open case owned by fkansaye, with consent.
  std::string open_case(const std::string& name = "Awa Diallo") {
    const std::string id = report(name);
    ok("fkansaye", {{"type", "case.open"}, {"case", id}, {"risk_level", "high"}});
    consent(id);
    return id;
  }
  void approve(const std::string& id, const std::string& kind) {
    ok("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", kind}});
    ok("mtembely", {{"type", "case.approval.decide"}, {"case", id}, {"kind", kind}, {"decision", "approve"}});
  }
  const CaseRecord& rec(const std::string& id) { return *s.cases.find(id); }
  bool has_alert(const std::string& user, const std::string& kind, const std::string& case_id) {
    for (const Alert* a : inbox(s.cases, user))
      if (a->kind == kind && a->case_id == case_id) return true;
    return false;
  }
};

json decide(const std::string& id, const std::string& kind, const std::string& decision, const std::string& comment = "") {
  json j = {{"type", "case.approval.decide"}, {"case", id}, {"kind", kind}, {"decision", decision}};
  if (!comment.empty()) j["comment"] = comment;
  return j;
}

}  // namespace

TEST_CASE("cases: the 25 harmonized forms load in the forms engine, and the fixtures are complete") {
  for (const auto& d : case_form_errors()) MESSAGE(render(d));
  CHECK(case_form_errors().empty());
  CHECK(case_form_ids().size() == 25);
  CHECK(case_form_ids().front() == "1A");
  Desk d;
  const std::string id = d.open_case();
  for (const char* form : {"1A", "1C", "2A", "3A", "5A", "6A", "6B", "6C"}) {
    const bool supervisor_form = form[0] == '6' && form[1] != 'A';  // 6B and 6C
    d.fill(supervisor_form ? "mtembely" : "fkansaye", id, form);
    INFO(form);
    CHECK(d.rec(id).latest(form)->missing.empty());
  }
}

TEST_CASE("cases: identification, opening and who may open") {
  Desk d;
  const std::string id = d.report();
  CHECK(d.rec(id).status == "identified");
  CHECK(case_stage(d.rec(id)) == "new");
  // The provider of another structure and a worker of another structure do not even see it.
  d.refused("htapily", {{"type", "case.open"}, {"case", id}}, "case_not_visible");
  d.refused("kguindo", {{"type", "case.open"}, {"case", id}}, "case_not_visible");
  // The information manager sees every case but changes none.
  d.refused("ntogo", {{"type", "case.open"}, {"case", id}}, "case_read_only");
  d.refused("fkansaye", {{"type", "case.open"}, {"case", "CAS-0099"}}, "unknown_ref");
  // The owner must be a worker of the case's structure.
  d.refused("mtembely", {{"type", "case.open"}, {"case", id}, {"owner", "kguindo"}}, "other_structure");
  d.refused("mtembely", {{"type", "case.open"}, {"case", id}, {"owner", "htapily"}}, "not_case_worker");
  d.ok("fkansaye", {{"type", "case.open"}, {"case", id}, {"risk_level", "medium"}});
  CHECK(d.rec(id).status == "open");
  CHECK(d.rec(id).owner == "fkansaye");
  CHECK(d.rec(id).risk_level == "medium");
  CHECK(case_stage(d.rec(id)) == "assessment");
  d.refused("fkansaye", {{"type", "case.open"}, {"case", id}}, "case_status");
  // Now owned, the case is out of reach of another worker of the same structure with "own" scope.
  d.ok("idjimde", {{"type", "user.create"}, {"id", "ocisse"}, {"name", "Oumou Cissé"}, {"role", "case_worker"}});
  d.refused("ocisse", {{"type", "case.form.save"}, {"case", id}, {"form", "1A"}, {"values", json::object()}},
            "case_not_visible");
  // Every change is in the audit trail.
  REQUIRE(d.rec(id).audit.size() >= 2);
  CHECK(d.rec(id).audit[0].target == "status");
  CHECK(d.rec(id).audit[0].before == "identified");
  CHECK(d.rec(id).audit[0].after == "open");
  CHECK(d.rec(id).audit[0].actor == "fkansaye");
}

TEST_CASE("cases: forms are saved, versioned and audited; unknown forms and bad values are refused") {
  Desk d;
  const std::string id = d.open_case();
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "9Z"}, {"values", json::object()}},
            "unknown_ref");
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "1C"}, {"values", {{"risk_level", 3}}}},
            "form_invalid");
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "1C"}, {"values", {{"age_en_lettres", "douze"}}}},
            "form_invalid");
  // Values are checked by the forms engine, with the form's own French message at the field.
  json bad_age = complete_form("1A");
  bad_age["child_age"] = "25";
  ApplyResult r = d.run("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "1A"}, {"values", bad_age}});
  REQUIRE_FALSE(r.ok);
  CHECK(r.error.code == "form_invalid");
  CHECK(r.error.args[1] == "child_age");
  CHECK(render_message(r.error.code, r.error.args).find("formulaire 1A, champ « child_age »") == 0);
  json future = complete_form("1A");
  future["consent_date"] = "2024-03-05";  // after the sim's today
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "1A"}, {"values", future}}, "form_invalid");
  json no_choice = complete_form("1A");
  no_choice["consent_giver"] = "voisin";
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "1A"}, {"values", no_choice}}, "form_invalid");
  // An answer to a question that is not relevant is cleared; the calculated age comes from the engine.
  json refused_sharing = complete_form("1A");
  refused_sharing["consent_sharing"] = "non";  // sharing_services is asked only when sharing is accepted
  d.save("fkansaye", id, "1A", refused_sharing);
  CHECK(d.rec(id).field("1A", "sharing_services") == "");
  d.save("fkansaye", id, "1C", {{"risk_level", "low"}});
  d.save("fkansaye", id, "1C", {{"risk_level", "high"}});
  const FormEntry* e = d.rec(id).latest("1C");
  REQUIRE(e);
  CHECK(e->version == 2);  // a form held once is edited in place
  CHECK(d.rec(id).risk_level == "high");
  // Follow-ups are repeatable: each save is a new entry.
  d.save("fkansaye", id, "5A", {{"observations", "visite 1"}});
  d.save("fkansaye", id, "5A", {{"observations", "visite 2"}});
  int follow_ups = 0;
  for (const auto& f : d.rec(id).forms) follow_ups += f.form == "5A";
  CHECK(follow_ups == 2);
  bool audited = false;
  for (const auto& a : d.rec(id).audit)
    audited |= a.target == "forms/1C/risk_level" && a.before == "low" && a.after == "high";
  CHECK(audited);
}

TEST_CASE("cases: approvals — request, rejection with comment, approval; the status never changes by itself") {
  Desk d;
  const std::string id = d.open_case();
  d.refused("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}}, "form_first");
  // A draft may be saved incomplete, but not sent for approval.
  d.save("fkansaye", id, "2A", {{"risk_level", "high"}});
  CHECK_FALSE(d.rec(id).latest("2A")->missing.empty());
  d.refused("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}}, "form_incomplete");
  d.fill("fkansaye", id, "2A");
  CHECK(d.rec(id).latest("2A")->missing.empty());
  d.ok("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}});
  CHECK(d.has_alert("mtembely", "approval_requested", id));
  d.refused("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}}, "approval_pending");
  // Only a supervisor decides, and only the case's supervisor.
  d.refused("fkansaye", decide(id, "assessment", "approve"), "forbidden");
  d.refused("bsankare", decide(id, "assessment", "approve"), "case_not_visible");
  d.refused("mtembely", decide(id, "case_plan", "approve"), "approval_none");
  d.refused("mtembely", decide(id, "assessment", "reject"), "comment_required");
  d.ok("mtembely", decide(id, "assessment", "reject", "Préciser les besoins en éducation."));
  CHECK(d.rec(id).approvals.at("assessment").status == "rejected");
  // The rejection goes back to the worker with the comment.
  bool returned = false;
  for (const Alert* a : inbox(d.s.cases, "fkansaye"))
    returned |= a->kind == "approval_decided" && a->comment == "Préciser les besoins en éducation.";
  CHECK(returned);
  d.refused("mtembely", decide(id, "assessment", "approve"), "approval_none");
  d.fill("fkansaye", id, "2A", {{"education_needs", "Inscription scolaire et soutien"}});
  d.ok("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}});
  d.ok("mtembely", decide(id, "assessment", "approve"));
  CHECK(approved(d.rec(id), "assessment"));
  CHECK(d.rec(id).status == "open");  // an approval never changes the status
  CHECK(case_stage(d.rec(id)) == "case_plan");
  d.refused("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}}, "approval_done");
}

TEST_CASE("cases: a supervisor cannot approve their own case unless the role allows it") {
  Desk d;
  const std::string id = d.report("Moussa Kanta", 10, "mtembely");
  d.ok("mtembely", {{"type", "case.open"}, {"case", id}});
  d.fill("mtembely", id, "2A", {{"risk_level", "low"}});
  d.ok("mtembely", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}});
  d.refused("mtembely", decide(id, "assessment", "approve"), "self_approval");

  json j = scenario_json();
  j.erase("timeline");
  j["case_management"] = {{"permissions", {{"supervisor", {{"scope", "group"}, {"write", true}, {"approve", true}, {"approve_own", true}}}}}};
  Desk allowed(j);
  const std::string id2 = allowed.report("Moussa Kanta", 10, "mtembely");
  allowed.ok("mtembely", {{"type", "case.open"}, {"case", id2}});
  allowed.fill("mtembely", id2, "2A", {{"risk_level", "low"}});
  allowed.ok("mtembely", {{"type", "case.approval.request"}, {"case", id2}, {"kind", "assessment"}});
  allowed.ok("mtembely", decide(id2, "assessment", "approve"));
}

TEST_CASE("cases: referrals need consent, go to the provider, and follow in_progress → accepted → done") {
  Desk d;
  const std::string bare = d.report("Sali Traoré");
  d.ok("fkansaye", {{"type", "case.open"}, {"case", bare}});
  json refer = {{"type", "case.referral.create"}, {"case", bare}, {"service", "svc-csref"}};
  d.refused("fkansaye", refer, "missing_consent");
  d.consent(bare, "oui", "non");
  d.refused("fkansaye", refer, "missing_consent");  // the CSRéf is another structure: sharing consent too

  const std::string id = d.open_case();
  d.refused("fkansaye", {{"type", "case.referral.create"}, {"case", id}, {"service", "svc-nulle-part"}}, "unknown_ref");
  d.ok("fkansaye", {{"type", "case.referral.create"}, {"case", id}, {"service", "svc-csref"}, {"note", "blessures"}});
  const std::string ref = d.rec(id).referrals.back().id;
  CHECK(d.rec(id).referrals.back().service_type == "health");
  CHECK(d.rec(id).referrals.back().status == "in_progress");
  CHECK(d.has_alert("htapily", "referral_received", id));
  auto answer = [&](const char* decision) {
    return json{{"type", "case.referral.respond"}, {"case", id}, {"referral", ref}, {"decision", decision}};
  };
  json done = {{"type", "case.referral.done"}, {"case", id}, {"referral", ref}, {"result", "Soins donnés, certificat"}};
  d.refused("fkansaye", answer("accept"), "not_receiver");  // the sender does not answer for the provider
  d.refused("htapily", done, "bad_transition");              // done before accepted
  d.ok("htapily", answer("accept"));
  d.refused("htapily", answer("accept"), "bad_transition");  // accepting twice
  d.ok("htapily", done);
  CHECK(d.rec(id).referrals.back().status == "done");
  CHECK(d.rec(id).referrals.back().result == "Soins donnés, certificat");
  CHECK(d.has_alert("fkansaye", "referral_done", id));
  d.refused("fkansaye", {{"type", "case.referral.revoke"}, {"case", id}, {"referral", ref}}, "bad_transition");
  // The owner never changes; the provider reads the case but may not change it.
  CHECK(d.rec(id).owner == "fkansaye");
  CHECK(d.rec(id).organisation == "slpfef-mopti");
  d.refused("htapily", {{"type", "case.form.save"}, {"case", id}, {"form", "5A"}, {"values", json::object()}},
            "case_read_only");

  // A revoked referral cannot be answered.
  d.ok("fkansaye", {{"type", "case.referral.create"}, {"case", id}, {"service", "svc-psy"}});
  const std::string ref2 = d.rec(id).referrals.back().id;
  d.ok("fkansaye", {{"type", "case.referral.revoke"}, {"case", id}, {"referral", ref2}});
  d.refused("kguindo", {{"type", "case.referral.respond"}, {"case", id}, {"referral", ref2}, {"decision", "accept"}},
            "case_not_visible");
  d.refused("trainer", {{"type", "case.referral.respond"}, {"case", id}, {"referral", ref2}, {"decision", "accept"}},
            "bad_transition");
}

TEST_CASE("cases: transfers need consent; accepted, the case changes owner and structure; rejected, nothing changes") {
  Desk d;
  const std::string id = d.open_case();
  json to_kguindo = {{"type", "case.transfer.create"}, {"case", id}, {"to_user", "kguindo"}, {"note", "La famille déménage"}};
  d.refused("fkansaye", {{"type", "case.transfer.create"}, {"case", id}}, "transfer_target");
  d.refused("fkansaye", {{"type", "case.transfer.create"}, {"case", id}, {"to_user", "htapily"}}, "not_case_worker");
  d.refused("fkansaye", {{"type", "case.transfer.create"}, {"case", id}, {"to_user", "fkansaye"}}, "already_owner");
  // To a disabled account: refused.
  d.ok("trainer", {{"type", "user.disable"}, {"user", "kguindo"}});
  d.refused("fkansaye", to_kguindo, "user_disabled");
  d.ok("trainer", {{"type", "user.enable"}, {"user", "kguindo"}});

  d.ok("fkansaye", to_kguindo);
  const std::string t1 = d.rec(id).transfers.back().id;
  CHECK(d.has_alert("kguindo", "transfer_received", id));
  d.refused("fkansaye", to_kguindo, "transfer_pending");
  d.refused("bsankare", {{"type", "case.transfer.respond"}, {"case", id}, {"transfer", t1}, {"decision", "accept"}},
            "not_receiver");
  d.ok("kguindo", {{"type", "case.transfer.respond"}, {"case", id}, {"transfer", t1}, {"decision", "reject"}, {"comment", "Hors zone"}});
  CHECK(d.rec(id).owner == "fkansaye");
  CHECK(d.rec(id).organisation == "slpfef-mopti");
  d.refused("kguindo", {{"type", "case.transfer.respond"}, {"case", id}, {"transfer", t1}, {"decision", "accept"}},
            "bad_transition");

  // A revoked transfer cannot be accepted.
  d.ok("fkansaye", to_kguindo);
  const std::string t2 = d.rec(id).transfers.back().id;
  d.ok("fkansaye", {{"type", "case.transfer.revoke"}, {"case", id}, {"transfer", t2}});
  d.refused("kguindo", {{"type", "case.transfer.respond"}, {"case", id}, {"transfer", t2}, {"decision", "accept"}},
            "bad_transition");

  // Benkadi asks for the case, then the transfer is made and accepted.
  d.ok("kguindo", {{"type", "case.transfer.request"}, {"case", id}, {"note", "L'enfant vit maintenant à Fatoma"}});
  CHECK(d.has_alert("fkansaye", "transfer_requested", id));
  d.refused("mtembely", {{"type", "case.transfer.request"}, {"case", id}}, "same_structure");
  d.ok("fkansaye", to_kguindo);
  const std::string t3 = d.rec(id).transfers.back().id;
  d.ok("kguindo", {{"type", "case.transfer.respond"}, {"case", id}, {"transfer", t3}, {"decision", "accept"}});
  CHECK(d.rec(id).owner == "kguindo");
  CHECK(d.rec(id).organisation == "ong-benkadi");
  CHECK(d.rec(id).transfer_requests.back().status == "accepted");
  // The former owner and her supervisor lose access; the new supervisor gains it.
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "5A"}, {"values", json::object()}},
            "case_not_visible");
  d.ok("kguindo", {{"type", "case.form.save"}, {"case", id}, {"form", "5A"}, {"values", {{"observations", "Accueil"}}}});
}

TEST_CASE("cases: a remote transfer leaves the case read-only as « transferred »") {
  Desk d;
  const std::string id = d.open_case();
  d.ok("fkansaye", {{"type", "case.transfer.create"}, {"case", id}, {"remote", true}, {"to_system", "CPIMS+ Sénégal"}});
  CHECK(d.rec(id).status == "transferred");
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "5A"}, {"values", json::object()}},
            "case_frozen");
}

TEST_CASE("cases: assignment within the structure") {
  Desk d;
  const std::string id = d.open_case();
  d.ok("idjimde", {{"type", "user.create"}, {"id", "ocisse"}, {"name", "Oumou Cissé"}, {"role", "case_worker"}, {"supervisor", "mtembely"}});
  d.refused("mtembely", {{"type", "case.assign"}, {"case", id}, {"user", "kguindo"}}, "other_structure");
  d.refused("mtembely", {{"type", "case.assign"}, {"case", id}, {"user", "fkansaye"}}, "already_owner");
  d.ok("mtembely", {{"type", "case.assign"}, {"case", id}, {"user", "ocisse"}});
  CHECK(d.rec(id).owner == "ocisse");
  CHECK(d.has_alert("ocisse", "case_assigned", id));
  d.refused("fkansaye", {{"type", "case.assign"}, {"case", id}, {"user", "fkansaye"}}, "case_not_visible");
}

TEST_CASE("cases: closure needs the supervisor's 6.B and 6.C and an approval; then reopening (B.1)") {
  Desk d;
  const std::string id = d.open_case();
  d.fill("fkansaye", id, "2A");
  d.approve(id, "assessment");
  d.fill("fkansaye", id, "3A");
  d.approve(id, "case_plan");
  CHECK(case_stage(d.rec(id)) == "service_implementation");
  d.fill("fkansaye", id, "5A");
  CHECK(case_stage(d.rec(id)) == "follow_up");
  d.refused("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "closure"}}, "form_first");
  d.fill("fkansaye", id, "6A");
  d.ok("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "closure"}});
  CHECK(case_stage(d.rec(id)) == "closure");
  d.refused("fkansaye", {{"type", "case.close"}, {"case", id}}, "closure_not_approved");
  d.refused("mtembely", decide(id, "closure", "approve"), "closure_forms_missing");
  d.fill("mtembely", id, "6B");
  d.refused("mtembely", decide(id, "closure", "approve"), "closure_forms_missing");
  d.save("mtembely", id, "6C", {{"satisfaction", "very_satisfied"}});
  d.refused("mtembely", decide(id, "closure", "approve"), "form_incomplete");
  d.fill("mtembely", id, "6C");
  d.ok("mtembely", decide(id, "closure", "approve"));
  CHECK(d.rec(id).status == "open");
  d.ok("fkansaye", {{"type", "case.close"}, {"case", id}});
  CHECK(d.rec(id).status == "closed");
  CHECK(d.rec(id).closure_reason == "goals_achieved");
  // A closed case cannot be edited.
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "5A"}, {"values", json::object()}},
            "case_frozen");
  d.refused("fkansaye", {{"type", "case.referral.create"}, {"case", id}, {"service", "svc-psy"}}, "case_frozen");
  d.refused("ntogo", {{"type", "case.reopen"}, {"case", id}, {"reason", "x"}}, "case_read_only");
  d.ok("fkansaye", {{"type", "case.reopen"}, {"case", id}, {"reason", "Nouvel incident signalé"}});
  CHECK(d.rec(id).status == "reopened");
  CHECK(d.rec(id).reopen_count == 1);
  CHECK(approval(d.rec(id), "closure") == nullptr);  // a new closure needs a new approval
  d.fill("fkansaye", id, "B1");
  d.refused("fkansaye", {{"type", "case.reopen"}, {"case", id}, {"reason", "encore"}}, "case_status");
}

TEST_CASE("cases: risk level sets deadlines on the sim clock; overdue items raise alerts") {
  Desk d;
  const std::string id = d.open_case();  // high risk: initial assessment within 24 h
  REQUIRE(case_deadlines(d.rec(id), d.s.cases.policy).size() == 1);
  CHECK(overdue_items(d.rec(id), d.s.cases.policy, d.s.clock.now).empty());
  d.ok("trainer", {{"type", "clock.advance"}, {"hours", 23}});
  CHECK_FALSE(d.has_alert("fkansaye", "overdue", id));
  ApplyResult r = d.run("trainer", {{"type", "clock.advance"}, {"hours", 2}});
  REQUIRE(r.ok);
  bool event = false;
  for (const auto& e : r.events) event |= e.type == "case.overdue" && e.data["case"] == id;
  CHECK(event);
  CHECK(d.has_alert("fkansaye", "overdue", id));
  CHECK(overdue_items(d.rec(id), d.s.cases.policy, d.s.clock.now).size() == 1);
  // The alert fires once; saving the initial assessment ends the deadline.
  d.ok("trainer", {{"type", "clock.advance"}, {"days", 1}});
  int alerts = 0;
  for (const Alert* a : inbox(d.s.cases, "fkansaye")) alerts += a->kind == "overdue";
  CHECK(alerts == 1);
  d.save("fkansaye", id, "1C", {{"risk_level", "high"}});
  CHECK(case_deadlines(d.rec(id), d.s.cases.policy).empty());
  // Weekly follow-up once the plan is approved (high risk).
  d.fill("fkansaye", id, "2A");
  d.approve(id, "assessment");
  d.fill("fkansaye", id, "3A");
  d.approve(id, "case_plan");
  auto due = case_deadlines(d.rec(id), d.s.cases.policy);
  REQUIRE(due.size() == 1);
  CHECK(due[0].what == "follow_up");
  CHECK(due[0].due == d.s.clock.now + 7 * 86400);
  // A scenario may set its own deadlines; a malformed one names its path.
  json j = scenario_json();
  j["case_management"] = {{"deadlines", {{"high", {{"assessment", "demain"}}}}}};
  ScenarioLoad bad = load_scenario(j);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].path == "/case_management/deadlines/high/assessment");
}

TEST_CASE("cases: the clock's index of case deadlines agrees with a scan of every record") {
  Desk d;
  auto agree = [&] {
    CHECK(cases_next_deadline(d.s) == cases_next_deadline_by_scan(d.s));
    State copy = d.s;  // a copy carries its index along
    CHECK(cases_next_deadline(copy) == cases_next_deadline_by_scan(copy));
  };
  agree();
  const std::string a = d.open_case("Awa Diallo");  // high: assessment due in 24 h
  agree();
  CHECK(cases_next_deadline(d.s) == d.rec(a).opened_at + 86400);
  d.ok("trainer", {{"type", "clock.advance"}, {"hours", 3}});
  const std::string b = d.report("Binta Cissé");
  agree();
  d.ok("fkansaye", {{"type", "case.open"}, {"case", b}, {"risk_level", "medium"}});
  agree();
  const std::string c = d.open_case("Kadia Maïga");
  agree();
  // The first deadline fires (Awa's), the next one is Kadia's, 3 h later.
  d.ok("trainer", {{"type", "clock.advance"}, {"hours", 22}});
  agree();
  CHECK(d.has_alert("fkansaye", "overdue", a));
  CHECK(cases_next_deadline(d.s) == d.rec(c).opened_at + 86400);
  // Saving Kadia's initial assessment ends her deadline: the index moves on without a clock step.
  d.save("fkansaye", c, "1C", {{"risk_level", "high"}});
  agree();
  d.fill("fkansaye", a, "1C", {{"risk_level", "high"}});
  d.fill("fkansaye", a, "2A");
  d.approve(a, "assessment");
  d.fill("fkansaye", a, "3A");
  d.approve(a, "case_plan");  // weekly follow-up from now
  agree();
  for (int day = 0; day < 20; ++day) {
    d.ok("trainer", {{"type", "clock.advance"}, {"days", 1}});
    agree();
    if (day == 9) d.fill("fkansaye", a, "5A");
    agree();
  }
  int overdue = 0;
  for (const Alert* x : inbox(d.s.cases, "fkansaye")) overdue += x->kind == "overdue";
  CHECK(overdue >= 3);
}

TEST_CASE("cases: attachments keep name, type, size and content; limits and removal") {
  Desk d;
  const std::string id = d.open_case();
  d.ok("fkansaye", {{"type", "case.attachment.add"}, {"case", id}, {"name", "photo.jpg"}, {"kind", "photo"},
                    {"mime", "image/jpeg"}, {"content", "/9j/4AAQ"}});
  const Attachment& a = d.rec(id).attachments.back();
  CHECK(a.size == 6);
  CHECK(a.content == "/9j/4AAQ");
  std::string big(3 * 1024 * 1024, 'A');
  d.refused("fkansaye", {{"type", "case.attachment.add"}, {"case", id}, {"name", "gros.pdf"}, {"kind", "document"},
                         {"mime", "application/pdf"}, {"content", big}}, "too_large");
  Diagnostics errors;
  CHECK_FALSE(parse_command(json{{"type", "case.attachment.add"}, {"actor", "fkansaye"}, {"case", id}, {"name", "x"},
                                 {"kind", "photo"}, {"mime", "image/png"}, {"content", "pas du base64!"}},
                            "", errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "/content");
  d.ok("fkansaye", {{"type", "case.attachment.remove"}, {"case", id}, {"attachment", a.id}});
  d.refused("fkansaye", {{"type", "case.attachment.remove"}, {"case", id}, {"attachment", a.id}}, "unknown_ref");
}

TEST_CASE("cases: tracing a separated child through to reunification") {
  Desk d;
  const std::string id = d.open_case("Mariam Coulibaly");
  d.report("Fanta Kassogué");
  d.save("fkansaye", id, "1D", {{"separation_status", "unaccompanied"}});
  d.ok("fkansaye", {{"type", "tracing.request.create"}, {"inquirer_name", "Bakary Coulibaly"}, {"relation", "père"},
                    {"child_name", "Coulibaly Mariam"}, {"age", 11}, {"sex", "f"}, {"location", "socoura"}});
  const TracingRequest& t = d.s.cases.tracing.back();
  const auto matches = tracing_matches(d.s.cases, d.s.world, t);
  REQUIRE_FALSE(matches.empty());
  CHECK(matches[0].case_id == id);  // same name in another order, age within a year, same sex and commune
  CHECK(matches[0].score > 0.9);
  for (const auto& m : matches) CHECK(d.rec(m.case_id).child_name != "Fanta Kassogué");
  d.refused("htapily", {{"type", "tracing.request.create"}, {"inquirer_name", "x"}, {"child_name", "y"}}, "forbidden");
  d.ok("fkansaye", {{"type", "tracing.match.confirm"}, {"request", t.id}, {"case", id}});
  d.refused("fkansaye", {{"type", "tracing.match.confirm"}, {"request", t.id}, {"case", id}}, "tracing_matched");
  // The adult's verification (4C) needs three matching answers to be « verified ».
  json adult = {{"verification_date", "2024-03-04"}, {"adult_name", "Bakary Coulibaly"}, {"adult_relationship", "father"},
                {"adult_id_document", "nina"}, {"adult_address", "Socoura, quartier Sud"}, {"knows_child_full_name", "oui"},
                {"knows_child_age", "oui"}, {"describes_child", "non"}, {"knows_separation", "non"}, {"has_proof", "non"},
                {"community_confirms", "non"}, {"willing_to_care", "oui"}, {"capacity_to_care", "adequate"},
                {"verification_result", "verified"}, {"verifier_name", "Fatoumata Kansaye"}};
  d.refused("fkansaye", {{"type", "case.form.save"}, {"case", id}, {"form", "4C"}, {"values", adult}}, "form_invalid");
  adult["has_proof"] = "oui";
  d.save("fkansaye", id, "4C", adult);
  CHECK(d.rec(id).field("4C", "matches_count") == "3");  // computed by the form
  json reunion = {{"reunification_date", "2024-03-04"}, {"reunification_place", "Socoura"},
                  {"receiving_adult_name", "Bakary Coulibaly"}, {"receiving_adult_relationship", "father"},
                  {"adult_verified", "oui"}, {"child_verified", "oui"}, {"child_agrees", "oui"},
                  {"reintegration_support", "school_kit food"}, {"post_reunification_visit", "2024-03-18"},
                  {"follow_up_organisation", "SLPFEF Mopti"}, {"receiving_adult_signature", "ATT-signature"},
                  {"case_worker_name", "Fatoumata Kansaye"}};
  json draft = reunion;
  draft.erase("receiving_adult_signature");
  d.save("fkansaye", id, "4E", draft);
  CHECK(d.s.cases.tracing.back().status == "matched");  // an incomplete 4E is a draft
  d.save("fkansaye", id, "4E", reunion);
  CHECK(d.s.cases.tracing.back().status == "reunified");
}

TEST_CASE("accounts: an administrator manages the accounts of their own structure only") {
  Desk d;
  json create = {{"type", "user.create"}, {"id", "ocisse"}, {"name", "Oumou Cissé"}, {"role", "case_worker"},
                 {"phone", "tel:+22370000188"}, {"supervisor", "mtembely"}};
  d.refused("fkansaye", create, "forbidden");
  d.refused("idjimde", {{"type", "user.create"}, {"id", "x1"}, {"name", "X"}, {"role", "case_worker"}, {"organisation", "ong-benkadi"}},
            "other_structure");
  d.refused("idjimde", {{"type", "user.create"}, {"id", "fkansaye"}, {"name", "X"}, {"role", "case_worker"}}, "user_exists");
  d.refused("idjimde", {{"type", "user.create"}, {"id", "x2"}, {"name", "X"}, {"role", "case_worker"}, {"phone", "70000188"}},
            "bad_phone");
  d.refused("idjimde", {{"type", "user.create"}, {"id", "x3"}, {"name", "X"}, {"role", "case_worker"}, {"phone", "tel:+22370000101"}},
            "duplicate_id");
  d.ok("idjimde", create);
  const User* u = d.s.world.find_user("ocisse");
  REQUIRE(u);
  CHECK(u->organisation == "slpfef-mopti");
  CHECK(u->supervisor == "mtembely");
  d.ok("idjimde", {{"type", "user.update"}, {"user", "ocisse"}, {"role", "supervisor"}});
  CHECK(d.s.world.find_user("ocisse")->role == "supervisor");
  d.refused("idjimde", {{"type", "user.disable"}, {"user", "kguindo"}}, "other_structure");
  d.refused("idjimde", {{"type", "user.disable"}, {"user", "idjimde"}}, "forbidden");
  d.ok("idjimde", {{"type", "user.disable"}, {"user", "ocisse"}});
  // A disabled account can no longer act.
  d.refused("ocisse", {{"type", "case.report"}, {"child_name", "A"}, {"sex", "f"}, {"location", "socoura"}}, "inactive_actor");
}

TEST_CASE("inbox: alerts are read by their owner only") {
  Desk d;
  const std::string id = d.open_case();
  d.fill("fkansaye", id, "2A");
  d.ok("fkansaye", {{"type", "case.approval.request"}, {"case", id}, {"kind", "assessment"}});
  REQUIRE(unread_count(d.s.cases, "mtembely") == 1);
  const std::int64_t alert = inbox(d.s.cases, "mtembely").front()->id;
  d.refused("fkansaye", {{"type", "alert.read"}, {"alert", alert}}, "not_your_alert");
  d.refused("mtembely", {{"type", "alert.read"}, {"alert", 9999}}, "unknown_ref");
  d.ok("mtembely", {{"type", "alert.read"}, {"alert", alert}});
  CHECK(unread_count(d.s.cases, "mtembely") == 0);
}
