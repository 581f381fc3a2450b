#include "cases/handlers.h"

#include "cases/access.h"
#include "core/args.h"
#include "core/state.h"

namespace kalan {

namespace case_ops {

std::string arg(const nlohmann::json& args, const char* key) { return string_arg(args, key); }

CaseRecord* visible_case(State& s, const Actor& a, const nlohmann::json& args, ApplyResult& refusal) {
  const std::string id = arg(args, "case");
  CaseRecord* c = s.cases.find(id);
  if (!c) {
    refusal = ApplyResult::refuse("unknown_ref", {"@case", id});
    return nullptr;
  }
  if (!may_view(s, a, *c)) {
    refusal = ApplyResult::refuse("case_not_visible", {id, a.id});
    return nullptr;
  }
  return c;
}

CaseRecord* editable_case(State& s, const Actor& a, const nlohmann::json& args, ApplyResult& refusal) {
  CaseRecord* c = visible_case(s, a, args, refusal);
  if (!c) return nullptr;
  if (!may_edit(s, a, *c)) {
    refusal = ApplyResult::refuse("case_read_only", {c->id, a.id});
    return nullptr;
  }
  if (c->status == "closed" || c->status == "transferred") {
    refusal = ApplyResult::refuse("case_frozen", {c->id, "@" + c->status});
    return nullptr;
  }
  return c;
}

bool require_active(const CaseRecord& c, ApplyResult& refusal) {
  if (c.is_active()) return true;
  refusal = ApplyResult::refuse("case_status", {c.id, c.status, "open, reopened"});
  return false;
}

void audit(CaseRecord& c, const State& s, const Actor& a, const char* action, const std::string& target,
           nlohmann::json before, nlohmann::json after) {
  c.audit.push_back(AuditEntry{s.clock.now, a.id, action, target, std::move(before), std::move(after)});
}

std::string consent(const CaseRecord& c, const char* field) { return c.field("1A", field); }

bool follows_cases(const std::string& role) { return role == "case_worker" || role == "supervisor"; }

}  // namespace case_ops

ApplyResult CaseTable::apply(State& s, const Actor& a, std::size_t index, const nlohmann::json& args) {
  using namespace case_ops;
  switch (index) {
    case 0: return case_open(s, a, args);
    case 1: return case_form_save(s, a, args);
    case 2: return approval_request(s, a, args);
    case 3: return approval_decide(s, a, args);
    case 4: return case_close(s, a, args);
    case 5: return case_reopen(s, a, args);
    case 6: return case_assign(s, a, args);
    case 7: return referral_create(s, a, args);
    case 8: return referral_respond(s, a, args);
    case 9: return referral_done(s, a, args);
    case 10: return referral_revoke(s, a, args);
    case 11: return transfer_create(s, a, args);
    case 12: return transfer_respond(s, a, args);
    case 13: return transfer_revoke(s, a, args);
    case 14: return transfer_request(s, a, args);
    case 15: return attachment_add(s, a, args);
    case 16: return attachment_remove(s, a, args);
    case 17: return tracing_request(s, a, args);
    case 18: return tracing_confirm(s, a, args);
    case 19: return user_create(s, a, args);
    case 20: return user_update(s, a, args);
    case 21: return user_set_active(s, a, args, false);
    case 22: return user_set_active(s, a, args, true);
    case 23: return alert_read(s, a, args);
    case 24: return service_add(s, a, args);
    default: return ApplyResult::refuse("command_refused", {"?", std::to_string(index)});
  }
}

}  // namespace kalan
