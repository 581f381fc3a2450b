#include "cases/cases.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/apply.h"
#include "world/world.h"

namespace kalan {

std::optional<ReportCase> ReportCase::parse(ObjectReader& r) {
  ReportCase c;
  const size_t before = r.diagnostics().size();
  c.child_name = r.string("child_name").value_or("");
  c.age = static_cast<int>(r.integer("age", 0, 17, false).value_or(-1));
  c.sex = r.one_of("sex", {"f", "m"}, "@sex").value_or("");
  c.location = r.id("location").value_or("");
  c.organisation = r.id("organisation", false).value_or("");
  c.summary = r.string("summary", false, true).value_or("");
  if (r.diagnostics().size() != before) return std::nullopt;
  return c;
}

void ReportCase::write(nlohmann::json& j) const {
  j["child_name"] = child_name;
  if (age >= 0) j["age"] = age;
  j["sex"] = sex;
  j["location"] = location;
  if (!organisation.empty()) j["organisation"] = organisation;
  if (!summary.empty()) j["summary"] = summary;
}

void ReportCase::check_refs(const World& w, const std::string& path, Diagnostics& out) const {
  if (!w.find_location(location)) add_error(out, path + "/location", "unknown_ref", {"@location", location});
  if (!organisation.empty() && !w.find_organisation(organisation))
    add_error(out, path + "/organisation", "unknown_ref", {"@organisation", organisation});
}

ApplyResult apply_command(State& s, const Actor& a, const ReportCase& c) {
  if (!a.may({"case_worker", "supervisor"})) return forbidden(a, ReportCase::kType);
  if (!s.world.find_location(c.location)) return ApplyResult::refuse("unknown_ref", {"@location", c.location});
  // A worker registers the case for their own structure; the system must say which one.
  std::string org = c.organisation;
  if (org.empty() && a.user) org = a.user->organisation;
  if (org.empty()) return ApplyResult::refuse("missing", {"organisation"});
  if (!s.world.find_organisation(org)) return ApplyResult::refuse("unknown_ref", {"@organisation", org});
  CaseRecord rec;
  rec.identified_at = s.clock.now;
  rec.child_name = c.child_name;
  rec.age = c.age;
  rec.sex = c.sex;
  rec.location = c.location;
  rec.organisation = org;
  rec.reported_by = a.id;
  rec.summary = c.summary;
  const CaseRecord& filed = file_case(s.cases, std::move(rec));
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.identified",
         [&] { return nlohmann::json{{"id", filed.id}, {"organisation", org}, {"child_name", c.child_name}}; });
  return r;
}

const CaseRecord& file_case(CasesState& cases, CaseRecord record) {
  char id[24];
  std::snprintf(id, sizeof id, "CAS-%04lld", static_cast<long long>(cases.next_number));
  record.id = id;
  ++cases.next_number;
  cases.records.push_back(std::move(record));
  return cases.records.back();
}

const FormEntry* CaseRecord::latest(const std::string& form) const {
  for (auto it = forms.rbegin(); it != forms.rend(); ++it)
    if (it->form == form) return &*it;
  return nullptr;
}

std::string CaseRecord::field(const std::string& form, const std::string& name) const {
  const FormEntry* e = latest(form);
  if (!e) return "";
  auto it = e->values.find(name);
  return it != e->values.end() && it->is_string() ? it->get<std::string>() : "";
}

namespace {

// The position of case `id` in `records`: ids are "CAS-<n>" numbered from 1 in filing order.
std::optional<std::size_t> case_index(const std::deque<CaseRecord>& records, const std::string& id) {
  if (id.size() <= 4 || id.compare(0, 4, "CAS-") != 0) return std::nullopt;
  char* end = nullptr;
  const long long n = std::strtoll(id.c_str() + 4, &end, 10);
  if (!end || *end != '\0' || n < 1 || n > static_cast<long long>(records.size())) return std::nullopt;
  const auto i = static_cast<std::size_t>(n - 1);
  if (records[i].id != id) return std::nullopt;
  return i;
}

}  // namespace

CaseRecord* CasesState::find(const std::string& id) {
  const auto i = case_index(records, id);
  if (!i) return nullptr;
  // The caller may change the record: its deadlines are looked at again before the next clock step.
  deadline_index.stale.push_back(*i);
  return &records[*i];
}

const CaseRecord* CasesState::find(const std::string& id) const {
  const auto i = case_index(records, id);
  return i ? &records[*i] : nullptr;
}

std::string CasesState::next_id(const char* prefix) {
  char id[40];
  std::snprintf(id, sizeof id, "%s-%04lld", prefix, static_cast<long long>(++counters[prefix]));
  return id;
}

CasePolicy default_case_policy() {
  CasePolicy p;
  constexpr std::int64_t h = 3600, d = 86400;
  p.deadlines["high"] = {24 * h, 7 * d};
  p.deadlines["medium"] = {3 * d, 14 * d};
  p.deadlines["low"] = {7 * d, 30 * d};
  auto& perm = p.permissions;
  perm["case_worker"] = {"own", true, false, false, false};
  perm["supervisor"] = {"group", true, true, false, false};
  perm["service_provider"] = {"none", false, false, false, false};
  perm["administrator"] = {"none", false, false, false, true};
  perm["information_manager"] = {"all", false, false, false, false};
  perm["coordinator"] = {"all", false, false, false, false};
  perm["community_reporter"] = {"none", false, false, false, false};
  return p;
}

CasePolicy parse_case_policy(const nlohmann::json* value, const std::string& path, Diagnostics& out) {
  CasePolicy p = default_case_policy();
  if (!value) return p;
  ObjectReader r(*value, path, out);
  if (!r.is_object()) return p;
  if (const auto* deadlines = r.object("deadlines", false)) {
    ObjectReader dr(*deadlines, r.path_of("deadlines"), out);
    for (const char* level : {"low", "medium", "high"}) {
      const auto* one = dr.object(level, false);
      if (!one) continue;
      ObjectReader lr(*one, dr.path_of(level), out);
      RiskDeadlines& d = p.deadlines[level];
      if (auto v = lr.duration("assessment", false)) d.assessment = *v;
      if (auto v = lr.duration("follow_up", false)) d.follow_up = *v;
      lr.reject_unknown_keys();
    }
    dr.reject_unknown_keys();
  }
  if (const auto* perms = r.object("permissions", false)) {
    ObjectReader pr(*perms, r.path_of("permissions"), out);
    for (const auto& role : user_roles()) {
      const auto* one = pr.object(role, false);
      if (!one) continue;
      ObjectReader rr(*one, pr.path_of(role), out);
      RolePermission& rp = p.permissions[role];
      if (auto v = rr.one_of("scope", {"none", "own", "group", "agency", "all"}, "@scope", false)) rp.scope = *v;
      if (auto v = rr.boolean("write", false)) rp.write = *v;
      if (auto v = rr.boolean("approve", false)) rp.approve = *v;
      if (auto v = rr.boolean("approve_own", false)) rp.approve_own = *v;
      if (auto v = rr.boolean("manage_users", false)) rp.manage_users = *v;
      rr.reject_unknown_keys();
    }
    pr.reject_unknown_keys();
  }
  r.reject_unknown_keys();
  return p;
}

nlohmann::json case_policy_to_json(const CasePolicy& p) {
  nlohmann::json j;
  for (const auto& [level, d] : p.deadlines) j["deadlines"][level] = {{"assessment", d.assessment}, {"follow_up", d.follow_up}};
  for (const auto& [role, rp] : p.permissions)
    j["permissions"][role] = {{"scope", rp.scope},     {"write", rp.write},
                              {"approve", rp.approve}, {"approve_own", rp.approve_own},
                              {"manage_users", rp.manage_users}};
  return j;
}

namespace {

using nlohmann::json;

json form_entry_json(const FormEntry& f) {
  return {{"id", f.id}, {"form", f.form}, {"values", f.values}, {"saved_at", f.saved_at},
          {"saved_by", f.saved_by}, {"version", f.version}, {"missing", f.missing}};
}

json referral_json(const Referral& r) {
  return {{"id", r.id},           {"service", r.service},         {"service_type", r.service_type},
          {"to_organisation", r.to_organisation}, {"status", r.status}, {"created_by", r.created_by},
          {"created_at", r.created_at}, {"note", r.note},         {"responded_by", r.responded_by},
          {"responded_at", r.responded_at}, {"response", r.response}, {"result", r.result},
          {"done_at", r.done_at}};
}

json transfer_json(const Transfer& t) {
  return {{"id", t.id},           {"to_user", t.to_user},       {"to_organisation", t.to_organisation},
          {"from_user", t.from_user}, {"status", t.status},     {"remote", t.remote},
          {"created_by", t.created_by}, {"created_at", t.created_at}, {"note", t.note},
          {"responded_by", t.responded_by}, {"responded_at", t.responded_at}, {"response", t.response}};
}

json attachment_json(const Attachment& a) {
  return {{"id", a.id},     {"name", a.name},         {"kind", a.kind},         {"mime", a.mime},
          {"size", a.size}, {"content", a.content},   {"added_by", a.added_by}, {"added_at", a.added_at},
          {"removed", a.removed}};
}

template <class Items, class F>
json list_json(const Items& items, F&& one) {
  json out = json::array();
  for (const auto& x : items) out.push_back(one(x));
  return out;
}

}  // namespace

json case_to_json(const CaseRecord& r) {
  json approvals = json::object();
  for (const auto& [kind, a] : r.approvals)
    approvals[kind] = {{"status", a.status},           {"requested_by", a.requested_by},
                       {"requested_at", a.requested_at}, {"decided_by", a.decided_by},
                       {"decided_at", a.decided_at},   {"comment", a.comment}};
  json j = {{"id", r.id},
            {"identified_at", format_iso_time(r.identified_at)},
            {"opened_at", r.opened_at},
            {"closed_at", r.closed_at},
            {"status", r.status},
            {"child_name", r.child_name},
            {"sex", r.sex},
            {"location", r.location},
            {"organisation", r.organisation},
            {"owner", r.owner},
            {"reported_by", r.reported_by},
            {"report_reference", r.report_reference},
            {"summary", r.summary},
            {"risk_level", r.risk_level},
            {"closure_reason", r.closure_reason},
            {"reopen_count", r.reopen_count},
            {"forms", list_json(r.forms, form_entry_json)},
            {"approvals", approvals},
            {"referrals", list_json(r.referrals, referral_json)},
            {"transfers", list_json(r.transfers, transfer_json)},
            {"transfer_requests", list_json(r.transfer_requests,
                                            [](const TransferRequest& q) {
                                              return json{{"id", q.id}, {"by", q.by}, {"organisation", q.organisation},
                                                          {"at", q.at}, {"note", q.note}, {"status", q.status}};
                                            })},
            {"attachments", list_json(r.attachments, attachment_json)},
            {"audit", list_json(r.audit,
                                [](const AuditEntry& e) {
                                  return json{{"at", e.at}, {"actor", e.actor}, {"action", e.action},
                                              {"target", e.target}, {"before", e.before}, {"after", e.after}};
                                })},
            {"alerted", r.alerted}};
  if (r.age >= 0) j["age"] = r.age;
  return j;
}

json cases_to_json(const CasesState& c) {
  json j = cases_meta_to_json(c);
  j["records"] = list_json(c.records, case_to_json);
  return j;
}

json cases_meta_to_json(const CasesState& c) {
  json alerts = list_json(c.alerts, [](const Alert& a) {
    return json{{"id", a.id},     {"user", a.user},       {"at", a.at},   {"kind", a.kind},
                {"case", a.case_id}, {"ref", a.ref}, {"comment", a.comment}, {"read", a.read}};
  });
  json tracing = list_json(c.tracing, [](const TracingRequest& t) {
    return json{{"id", t.id},
                {"inquirer_name", t.inquirer_name},
                {"relation", t.relation},
                {"child_name", t.child_name},
                {"age", t.age},
                {"sex", t.sex},
                {"location", t.location},
                {"description", t.description},
                {"created_by", t.created_by},
                {"created_at", t.created_at},
                {"status", t.status},
                {"matched_case", t.matched_case}};
  });
  return {{"next_number", c.next_number},
          {"next_alert", c.next_alert},
          {"counters", c.counters},
          {"alerts", std::move(alerts)},
          {"tracing", std::move(tracing)},
          {"policy", case_policy_to_json(c.policy)}};
}

}  // namespace kalan
