// Opening, forms, closure, reopening, assignment and attachments of a case.
#include "cases/access.h"
#include "cases/alerts.h"
#include "cases/case_forms.h"
#include "cases/handlers.h"
#include "cases/workflow.h"
#include "core/state.h"

namespace kalan::case_ops {

using nlohmann::json;

namespace {

// A worker who can take a case of `org`: exists, active, follows cases, in that structure.
bool check_worker(const State& s, const std::string& id, const std::string& org, ApplyResult& refusal) {
  const User* u = s.world.find_user(id);
  if (!u) refusal = ApplyResult::refuse("unknown_ref", {"@user", id});
  else if (!u->active) refusal = ApplyResult::refuse("user_disabled", {id});
  else if (!follows_cases(u->role)) refusal = ApplyResult::refuse("not_case_worker", {id, u->role});
  else if (u->organisation != org) refusal = ApplyResult::refuse("other_structure", {id, org});
  else return true;
  return false;
}

const char* kRisk[] = {"low", "medium", "high"};

}  // namespace

ApplyResult case_open(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  if (c->status != "identified") return ApplyResult::refuse("case_status", {c->id, c->status, "identified"});
  std::string owner = arg(args, "owner");
  if (owner.empty()) owner = c->owner.empty() && a.user ? a.id : c->owner;
  if (owner.empty()) return ApplyResult::refuse("missing", {"owner"});
  if (!check_worker(s, owner, c->organisation, refusal)) return refusal;
  audit(*c, s, a, "case.open", "status", c->status, "open");
  if (owner != c->owner) audit(*c, s, a, "case.open", "owner", c->owner, owner);
  c->status = "open";
  c->opened_at = s.clock.now;
  c->owner = owner;
  if (auto risk = arg(args, "risk_level"); !risk.empty()) {
    audit(*c, s, a, "case.open", "risk_level", c->risk_level, risk);
    c->risk_level = risk;
  }
  if (owner != a.id) raise_alert(s.cases, owner, s.clock.now, "case_assigned", c->id, "");
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.opened",
         [&] { return json{{"case", c->id}, {"owner", owner}, {"risk_level", c->risk_level}}; });
  return r;
}

ApplyResult case_form_save(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  const std::string form = arg(args, "form");
  const std::string entry_id = arg(args, "entry");
  FormCheck check = check_case_form(s, form, args.at("values"));
  if (!check.ok) return ApplyResult::refuse(check.error.code, check.error.args);
  // An entry to update: the one named, else the only entry of a form a case holds once.
  FormEntry* entry = nullptr;
  for (auto& f : c->forms)
    if (f.form == form && (entry_id.empty() ? !check.repeatable : f.id == entry_id)) entry = &f;
  if (!entry_id.empty() && !entry) return ApplyResult::refuse("unknown_ref", {"@form_entry", entry_id});
  static const json absent;
  std::vector<std::pair<json::const_iterator, const json*>> changes;  // (new answer, old answer)
  for (auto it = check.values.cbegin(); it != check.values.cend(); ++it) {
    const json* old = &absent;
    if (entry) {
      auto was = entry->values.find(it.key());
      if (was != entry->values.end()) old = &*was;
    }
    // An unanswered field ("") that was absent has not changed: only answers are audited.
    if (old->is_null() && it.value().is_string() && it.value().get_ref<const std::string&>().empty()) continue;
    if (*old != it.value()) changes.emplace_back(it, old);
  }
  // The audit grows by exactly this save: with thousands of cases it is most of their memory, and
  // growing by doubling would leave about a quarter of it unused.
  c->audit.reserve(c->audit.size() + changes.size());
  for (const auto& [it, old] : changes) audit(*c, s, a, "case.form.save", "forms/" + form + "/" + it.key(), *old, it.value());
  if (entry) {
    entry->missing = std::move(check.missing);
    entry->values = std::move(check.values);
    entry->saved_at = s.clock.now;
    entry->saved_by = a.id;
    ++entry->version;
  } else {
    FormEntry e;
    e.id = s.cases.next_id("F");
    e.form = form;
    e.values = std::move(check.values);
    e.missing = std::move(check.missing);
    e.saved_at = s.clock.now;
    e.saved_by = a.id;
    c->forms.push_back(std::move(e));
    entry = &c->forms.back();
  }
  // Fields the workflow reads: the risk level, and a reunification ends a tracing request.
  if (auto it = entry->values.find("risk_level"); it != entry->values.end() && it->is_string())
    for (const char* level : kRisk)
      if (*it == level && c->risk_level != level) {
        audit(*c, s, a, "case.form.save", "risk_level", c->risk_level, level);
        c->risk_level = level;
      }
  if (form == "4E" && entry->missing.empty())
    for (auto& t : s.cases.tracing)
      if (t.matched_case == c->id && t.status == "matched") t.status = "reunified";
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.form_saved", [&] {
    return json{{"case", c->id}, {"form", form}, {"entry", entry->id}, {"version", entry->version},
                {"missing", entry->missing}};
  });
  return r;
}

ApplyResult case_close(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  if (!require_active(*c, refusal)) return refusal;
  if (!approved(*c, "closure")) return ApplyResult::refuse("closure_not_approved", {c->id});
  std::string reason = arg(args, "reason");
  if (reason.empty()) reason = c->field(case_forms::kClosure, "closure_reason");
  audit(*c, s, a, "case.close", "status", c->status, "closed");
  c->status = "closed";
  c->closed_at = s.clock.now;
  c->closure_reason = reason;
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.closed", [&] { return json{{"case", c->id}, {"reason", reason}}; });
  return r;
}

ApplyResult case_reopen(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = visible_case(s, a, args, refusal);
  if (!c) return refusal;
  if (!may_edit(s, a, *c)) return ApplyResult::refuse("case_read_only", {c->id, a.id});
  if (c->status != "closed") return ApplyResult::refuse("case_status", {c->id, c->status, "closed"});
  const std::string reason = arg(args, "reason");
  audit(*c, s, a, "case.reopen", "status", c->status, "reopened");
  c->status = "reopened";
  c->closed_at = 0;
  ++c->reopen_count;
  // The closure cycle starts again: a new closure needs a new approval.
  c->approvals.erase("closure");
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.reopened", [&] { return json{{"case", c->id}, {"reason", reason}}; });
  return r;
}

ApplyResult case_assign(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  const std::string user = arg(args, "user");
  if (user == c->owner) return ApplyResult::refuse("already_owner", {user, c->id});
  if (!check_worker(s, user, c->organisation, refusal)) return refusal;
  audit(*c, s, a, "case.assign", "owner", c->owner, user);
  const std::string before = c->owner;
  c->owner = user;
  raise_alert(s.cases, user, s.clock.now, "case_assigned", c->id, "");
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.assigned",
         [&] { return json{{"case", c->id}, {"from", before}, {"to", user}}; });
  return r;
}

namespace {

constexpr std::int64_t kMaxAttachment = 2 * 1024 * 1024;

std::int64_t decoded_size(const std::string& b64) {
  std::int64_t pad = 0;
  for (size_t i = b64.size(); i > 0 && b64[i - 1] == '='; --i) ++pad;
  return static_cast<std::int64_t>(b64.size() / 4 * 3) - pad;
}

}  // namespace

ApplyResult attachment_add(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  const std::string content = arg(args, "content");
  const std::int64_t size = decoded_size(content);
  if (size > kMaxAttachment)
    return ApplyResult::refuse("too_large", {std::to_string(size), std::to_string(kMaxAttachment)});
  Attachment at;
  at.id = s.cases.next_id("ATT");
  at.name = arg(args, "name");
  at.kind = arg(args, "kind");
  at.mime = arg(args, "mime");
  at.size = size;
  at.content = content;
  at.added_by = a.id;
  at.added_at = s.clock.now;
  audit(*c, s, a, "case.attachment.add", "attachments/" + at.id, json(), at.name);
  c->attachments.push_back(std::move(at));
  const Attachment& added = c->attachments.back();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.attachment_added", [&] {
    return json{{"case", c->id}, {"attachment", added.id}, {"name", added.name}, {"size", added.size}};
  });
  return r;
}

ApplyResult attachment_remove(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  const std::string id = arg(args, "attachment");
  for (auto& at : c->attachments) {
    if (at.id != id || at.removed) continue;
    at.removed = true;
    audit(*c, s, a, "case.attachment.remove", "attachments/" + id, at.name, json());
    ApplyResult r;
    r.emit(a.record_events, s.clock.now, "case.attachment_removed",
           [&] { return json{{"case", c->id}, {"attachment", id}}; });
    return r;
  }
  return ApplyResult::refuse("unknown_ref", {"@attachment", id});
}

}  // namespace kalan::case_ops
