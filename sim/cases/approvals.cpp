// Approvals of the assessment, the case plan and closure: the worker requests, the supervisor decides.
#include "cases/access.h"
#include "cases/alerts.h"
#include "cases/handlers.h"
#include "cases/workflow.h"
#include "core/state.h"

namespace kalan::case_ops {

using nlohmann::json;

namespace {

// The form an approval is about.
const char* form_of(const std::string& kind) {
  if (kind == "assessment") return case_forms::kAssessment;
  if (kind == "case_plan") return case_forms::kCasePlan;
  return case_forms::kClosure;
}

// Supervisors told of a request: the owner's supervisor, else those of the case's structure.
void alert_supervisors(State& s, const CaseRecord& c, const std::string& kind) {
  const std::string sup = case_supervisor(s, c);
  if (!sup.empty()) return raise_alert(s.cases, sup, s.clock.now, "approval_requested", c.id, kind);
  for (const auto& u : s.world.users)
    if (u.active && u.organisation == c.organisation && role_permission(s.cases, u.role).approve)
      raise_alert(s.cases, u.id, s.clock.now, "approval_requested", c.id, kind);
}

}  // namespace

ApplyResult approval_request(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  if (!require_active(*c, refusal)) return refusal;
  const std::string kind = arg(args, "kind");
  const FormEntry* filled = c->latest(form_of(kind));
  if (!filled) return ApplyResult::refuse("form_first", {form_of(kind), c->id});
  if (!filled->missing.empty()) return ApplyResult::refuse("form_incomplete", {form_of(kind), filled->missing.front()});
  Approval& ap = c->approvals[kind];
  if (ap.status == "requested") return ApplyResult::refuse("approval_pending", {kind, c->id});
  if (ap.status == "approved") return ApplyResult::refuse("approval_done", {kind, c->id});
  audit(*c, s, a, "case.approval.request", "approvals/" + kind, ap.status, "requested");
  ap = Approval{};
  ap.status = "requested";
  ap.requested_by = a.id;
  ap.requested_at = s.clock.now;
  ap.comment = arg(args, "comment");
  alert_supervisors(s, *c, kind);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.approval_requested",
         [&] { return json{{"case", c->id}, {"kind", kind}, {"by", a.id}}; });
  return r;
}

ApplyResult approval_decide(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  const std::string kind = arg(args, "kind");
  const bool approve = arg(args, "decision") == "approve";
  const std::string comment = arg(args, "comment");
  if (a.user) {
    const RolePermission& p = role_permission(s.cases, a.user->role);
    if (!p.approve) return forbidden(a, "case.approval.decide");
    if (c->owner == a.id && !p.approve_own) return ApplyResult::refuse("self_approval", {a.id, c->id});
    const std::string sup = case_supervisor(s, *c);
    if (!sup.empty() && sup != a.id && c->owner != a.id)
      return ApplyResult::refuse("not_case_supervisor", {a.id, c->id, sup});
    if (sup.empty() && a.user->organisation != c->organisation)
      return ApplyResult::refuse("other_structure", {a.id, c->organisation});
  }
  auto it = c->approvals.find(kind);
  if (it == c->approvals.end() || it->second.status != "requested")
    return ApplyResult::refuse("approval_none",
                               {kind, c->id, it == c->approvals.end() ? "—" : it->second.status});
  if (!approve && comment.empty()) return ApplyResult::refuse("comment_required");
  if (approve && kind == "closure") {
    for (const char* f : {case_forms::kClosureReview, case_forms::kFeedback}) {
      const FormEntry* e = c->latest(f);
      if (!e) return ApplyResult::refuse("closure_forms_missing", {f, c->id});
      if (!e->missing.empty()) return ApplyResult::refuse("form_incomplete", {f, e->missing.front()});
    }
  }
  Approval& ap = it->second;
  const std::string status = approve ? "approved" : "rejected";
  audit(*c, s, a, "case.approval.decide", "approvals/" + kind, ap.status, status);
  ap.status = status;
  ap.decided_by = a.id;
  ap.decided_at = s.clock.now;
  ap.comment = comment;
  // A rejection returns the form to the worker, with the comment.
  raise_alert(s.cases, ap.requested_by, s.clock.now, "approval_decided", c->id, kind, comment);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.approval_decided", [&] {
    return json{{"case", c->id}, {"kind", kind}, {"decision", status}, {"by", a.id}, {"comment", comment}};
  });
  return r;
}

}  // namespace kalan::case_ops
