// Referrals (A.1) and transfers (A.2): a service asked of a provider, or the case handed to another worker.
#include <algorithm>

#include "cases/access.h"
#include "cases/alerts.h"
#include "cases/handlers.h"
#include "core/state.h"

namespace kalan::case_ops {

using nlohmann::json;

namespace {

// Consent of form 1A: services always; sharing when the data leaves the case's structure.
bool check_consent(const CaseRecord& c, bool services, bool sharing, ApplyResult& refusal) {
  if (services && consent(c, "consent_services") != "oui") {
    refusal = ApplyResult::refuse("missing_consent", {c.id, "consent_services"});
    return false;
  }
  if (sharing && consent(c, "consent_sharing") != "oui") {
    refusal = ApplyResult::refuse("missing_consent", {c.id, "consent_sharing"});
    return false;
  }
  return true;
}

template <class T>
T* find_item(std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}

ApplyResult bad_transition(const char* what, const std::string& id, const std::string& from, const char* to) {
  return ApplyResult::refuse("bad_transition", {what, id, from, to});
}

// The referral named by the command, on a case the actor may read.
Referral* find_referral(State& s, const Actor& a, const json& args, CaseRecord*& c, ApplyResult& refusal) {
  c = visible_case(s, a, args, refusal);
  if (!c) return nullptr;
  Referral* ref = find_item(c->referrals, arg(args, "referral"));
  if (!ref) refusal = ApplyResult::refuse("unknown_ref", {"@referral", arg(args, "referral")});
  return ref;
}

// The provider's answer comes from the receiving structure (or the trainer playing it); a provider
// with no structure in the world is played by the case's own team.
bool is_receiver(const State& s, const Actor& a, const CaseRecord& c, const Referral& ref) {
  if (!a.user) return true;
  if (ref.to_organisation.empty()) return may_edit(s, a, c);
  return a.user->organisation == ref.to_organisation;
}

// The referral named by the command, when the actor answers for its receiving structure.
Referral* receivers_referral(State& s, const Actor& a, const json& args, CaseRecord*& c, ApplyResult& refusal) {
  Referral* ref = find_referral(s, a, args, c, refusal);
  if (ref && !is_receiver(s, a, *c, *ref)) {
    refusal = ApplyResult::refuse("not_receiver", {a.id, ref->id});
    return nullptr;
  }
  return ref;
}

}  // namespace

ApplyResult referral_create(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  if (!require_active(*c, refusal)) return refusal;
  const Service* svc = s.world.find_service(arg(args, "service"));
  if (!svc) return ApplyResult::refuse("unknown_ref", {"@service", arg(args, "service")});
  if (!check_consent(*c, true, svc->organisation != c->organisation, refusal)) return refusal;
  Referral ref;
  ref.id = s.cases.next_id("RFC");
  ref.service = svc->id;
  ref.service_type = svc->type;
  ref.to_organisation = svc->organisation;
  ref.created_by = a.id;
  ref.created_at = s.clock.now;
  ref.note = arg(args, "note");
  audit(*c, s, a, "case.referral.create", "referrals/" + ref.id, json(), ref.status);
  for (const auto& u : s.world.users)
    if (u.active && !ref.to_organisation.empty() && u.organisation == ref.to_organisation)
      raise_alert(s.cases, u.id, s.clock.now, "referral_received", c->id, ref.id);
  c->referrals.push_back(std::move(ref));
  const Referral& made = c->referrals.back();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.referral_created", [&] {
    return json{{"case", c->id}, {"referral", made.id}, {"service", made.service}, {"service_type", made.service_type}};
  });
  return r;
}

ApplyResult referral_respond(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = nullptr;
  Referral* ref = receivers_referral(s, a, args, c, refusal);
  if (!ref) return refusal;
  const char* to = arg(args, "decision") == "accept" ? "accepted" : "rejected";
  if (ref->status != "in_progress") return bad_transition("@referral", ref->id, ref->status, to);
  audit(*c, s, a, "case.referral.respond", "referrals/" + ref->id + "/status", ref->status, to);
  ref->status = to;
  ref->responded_by = a.id;
  ref->responded_at = s.clock.now;
  ref->response = arg(args, "comment");
  raise_alert(s.cases, c->owner, s.clock.now, "referral_answered", c->id, ref->id, ref->response);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.referral_answered",
         [&] { return json{{"case", c->id}, {"referral", ref->id}, {"status", ref->status}}; });
  return r;
}

ApplyResult referral_done(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = nullptr;
  Referral* ref = receivers_referral(s, a, args, c, refusal);
  if (!ref) return refusal;
  if (ref->status != "accepted") return bad_transition("@referral", ref->id, ref->status, "done");
  audit(*c, s, a, "case.referral.done", "referrals/" + ref->id + "/status", ref->status, "done");
  ref->status = "done";
  ref->result = arg(args, "result");
  ref->done_at = s.clock.now;
  raise_alert(s.cases, c->owner, s.clock.now, "referral_done", c->id, ref->id, ref->result);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.referral_done",
         [&] { return json{{"case", c->id}, {"referral", ref->id}, {"result", ref->result}}; });
  return r;
}

ApplyResult referral_revoke(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  Referral* ref = find_item(c->referrals, arg(args, "referral"));
  if (!ref) return ApplyResult::refuse("unknown_ref", {"@referral", arg(args, "referral")});
  if (ref->status != "in_progress" && ref->status != "accepted")
    return bad_transition("@referral", ref->id, ref->status, "revoked");
  audit(*c, s, a, "case.referral.revoke", "referrals/" + ref->id + "/status", ref->status, "revoked");
  ref->status = "revoked";
  ref->response = arg(args, "comment");
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.referral_revoked",
         [&] { return json{{"case", c->id}, {"referral", ref->id}}; });
  return r;
}

ApplyResult transfer_create(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  if (!require_active(*c, refusal)) return refusal;
  const std::string to_user = arg(args, "to_user");
  const bool remote = args.value("remote", false);
  if (to_user.empty() == !remote) return ApplyResult::refuse("transfer_target");
  for (const auto& t : c->transfers)
    if (t.status == "in_progress") return ApplyResult::refuse("transfer_pending", {t.id, c->id});
  if (!check_consent(*c, false, true, refusal)) return refusal;
  const User* u = remote ? nullptr : s.world.find_user(to_user);
  if (!remote) {
    if (!u) return ApplyResult::refuse("unknown_ref", {"@user", to_user});
    if (!u->active) return ApplyResult::refuse("user_disabled", {to_user});
    if (!follows_cases(u->role)) return ApplyResult::refuse("not_case_worker", {to_user, u->role});
    if (to_user == c->owner) return ApplyResult::refuse("already_owner", {to_user, c->id});
  }
  Transfer t;
  t.id = s.cases.next_id("TRF");
  t.to_user = to_user;
  t.to_organisation = u ? u->organisation : arg(args, "to_system");
  t.from_user = c->owner;
  t.remote = remote;
  t.created_by = a.id;
  t.created_at = s.clock.now;
  t.note = arg(args, "note");
  audit(*c, s, a, "case.transfer.create", "transfers/" + t.id, json(), remote ? "accepted" : "in_progress");
  if (remote) {
    // The case leaves this system: it stays here, read-only, as "transferred".
    t.status = "accepted";
    audit(*c, s, a, "case.transfer.create", "status", c->status, "transferred");
    c->status = "transferred";
  } else {
    raise_alert(s.cases, to_user, s.clock.now, "transfer_received", c->id, t.id);
  }
  c->transfers.push_back(std::move(t));
  const Transfer& made = c->transfers.back();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.transfer_created", [&] {
    return json{{"case", c->id}, {"transfer", made.id}, {"to_user", made.to_user}, {"remote", made.remote},
                {"status", made.status}};
  });
  return r;
}

ApplyResult transfer_respond(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  const std::string case_id = arg(args, "case");
  CaseRecord* c = s.cases.find(case_id);
  if (!c) return ApplyResult::refuse("unknown_ref", {"@case", case_id});
  Transfer* t = find_item(c->transfers, arg(args, "transfer"));
  if (!t) return ApplyResult::refuse("unknown_ref", {"@transfer", arg(args, "transfer")});
  // The receiver answers (they cannot see the case before accepting).
  if (a.user && a.id != t->to_user) return ApplyResult::refuse("not_receiver", {a.id, t->id});
  const bool accept = arg(args, "decision") == "accept";
  const char* to = accept ? "accepted" : "rejected";
  if (t->status != "in_progress") return bad_transition("@transfer", t->id, t->status, to);
  if (accept) {
    const User* u = s.world.find_user(t->to_user);
    if (!u || !u->active) return ApplyResult::refuse("user_disabled", {t->to_user});
    audit(*c, s, a, "case.transfer.respond", "owner", c->owner, t->to_user);
    audit(*c, s, a, "case.transfer.respond", "organisation", c->organisation, t->to_organisation);
    c->owner = t->to_user;
    c->organisation = t->to_organisation;
    for (auto& q : c->transfer_requests)
      if (q.status == "pending" && q.organisation == t->to_organisation) q.status = "accepted";
  }
  audit(*c, s, a, "case.transfer.respond", "transfers/" + t->id + "/status", t->status, to);
  t->status = to;
  t->responded_by = a.id;
  t->responded_at = s.clock.now;
  t->response = arg(args, "comment");
  raise_alert(s.cases, t->from_user, s.clock.now, "transfer_answered", c->id, t->id, t->response);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.transfer_answered",
         [&] { return json{{"case", c->id}, {"transfer", t->id}, {"status", t->status}, {"owner", c->owner}}; });
  return r;
}

ApplyResult transfer_revoke(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  Transfer* t = find_item(c->transfers, arg(args, "transfer"));
  if (!t) return ApplyResult::refuse("unknown_ref", {"@transfer", arg(args, "transfer")});
  if (t->status != "in_progress") return bad_transition("@transfer", t->id, t->status, "revoked");
  audit(*c, s, a, "case.transfer.revoke", "transfers/" + t->id + "/status", t->status, "revoked");
  t->status = "revoked";
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.transfer_revoked",
         [&] { return json{{"case", c->id}, {"transfer", t->id}}; });
  return r;
}

ApplyResult transfer_request(State& s, const Actor& a, const json& args) {
  const std::string case_id = arg(args, "case");
  CaseRecord* c = s.cases.find(case_id);
  if (!c) return ApplyResult::refuse("unknown_ref", {"@case", case_id});
  if (a.user && !follows_cases(a.user->role)) return forbidden(a, "case.transfer.request");
  ApplyResult refusal;
  if (!require_active(*c, refusal)) return refusal;
  const std::string org = a.user ? a.user->organisation : "";
  if (a.user && org == c->organisation) return ApplyResult::refuse("same_structure", {a.id, org});
  TransferRequest q;
  q.id = s.cases.next_id("TRQ");
  q.by = a.id;
  q.organisation = org;
  q.at = s.clock.now;
  q.note = arg(args, "note");
  audit(*c, s, a, "case.transfer.request", "transfer_requests/" + q.id, json(), "pending");
  raise_alert(s.cases, c->owner, s.clock.now, "transfer_requested", c->id, q.id, q.note);
  c->transfer_requests.push_back(std::move(q));
  const TransferRequest& made = c->transfer_requests.back();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.transfer_requested",
         [&] { return json{{"case", c->id}, {"request", made.id}, {"by", made.by}}; });
  return r;
}

}  // namespace kalan::case_ops
