#include "cases/workflow.h"

#include <algorithm>

#include "cases/alerts.h"
#include "core/state.h"

namespace kalan {

const std::vector<std::string>& case_stages() {
  static const std::vector<std::string> stages = {"new",   "assessment", "case_plan", "service_implementation",
                                                  "follow_up", "closure"};
  return stages;
}

const Approval* approval(const CaseRecord& c, const std::string& kind) {
  auto it = c.approvals.find(kind);
  return it == c.approvals.end() ? nullptr : &it->second;
}

bool approved(const CaseRecord& c, const std::string& kind) {
  const Approval* a = approval(c, kind);
  return a && a->status == "approved";
}

std::string case_stage(const CaseRecord& c) {
  if (c.status == "identified") return "new";
  const Approval* closure = approval(c, "closure");
  if (c.status == "closed" || (closure && closure->status != "rejected")) return "closure";
  if (c.latest(case_forms::kFollowUp)) return "follow_up";
  if (approved(c, "case_plan")) return "service_implementation";
  if (approved(c, "assessment")) return "case_plan";
  return "assessment";
}

namespace {

const RiskDeadlines& deadlines_for(const CaseRecord& c, const CasePolicy& p) {
  static const RiskDeadlines none;
  auto it = p.deadlines.find(c.risk_level.empty() ? "medium" : c.risk_level);
  return it == p.deadlines.end() ? none : it->second;
}

}  // namespace

std::vector<CaseDeadline> case_deadlines(const CaseRecord& c, const CasePolicy& p) {
  std::vector<CaseDeadline> out;
  if (!c.is_active()) return out;
  const RiskDeadlines& d = deadlines_for(c, p);
  if (d.assessment > 0 && !c.latest(case_forms::kInitialAssessment))
    out.push_back({"assessment", "assessment", c.opened_at + d.assessment});
  const Approval* plan = approval(c, "case_plan");
  if (d.follow_up > 0 && plan && plan->status == "approved") {
    SimTime last = plan->decided_at;
    int count = 0;
    for (const auto& f : c.forms)
      if (f.form == case_forms::kFollowUp) {
        last = std::max(last, f.saved_at);
        ++count;
      }
    out.push_back({"follow_up:" + std::to_string(count + 1), "follow_up", last + d.follow_up});
  }
  return out;
}

std::vector<CaseDeadline> overdue_items(const CaseRecord& c, const CasePolicy& p, SimTime now) {
  std::vector<CaseDeadline> out;
  for (auto& d : case_deadlines(c, p))
    if (d.due <= now) out.push_back(std::move(d));
  return out;
}

namespace {

bool alerted(const CaseRecord& c, const std::string& key) {
  return std::find(c.alerted.begin(), c.alerted.end(), key) != c.alerted.end();
}

}  // namespace

namespace {

SimTime record_next_deadline(const CaseRecord& c, const CasePolicy& p) {
  SimTime next = 0;
  for (const auto& d : case_deadlines(c, p))
    if (!alerted(c, d.key) && (next == 0 || d.due < next)) next = d.due;
  return next;
}

// The index brought up to date: stale and new records looked at again.
const CasesState::DeadlineIndex& deadline_index(const CasesState& cases) {
  auto& ix = cases.deadline_index;
  // More entries than records (another state's index) or more stale marks than records: start over.
  if (ix.due.size() > cases.records.size() || ix.stale.size() > cases.records.size()) ix = {};
  for (std::size_t i = ix.due.size(); i < cases.records.size(); ++i) {
    ix.due.push_back(0);
    ix.stale.push_back(i);
  }
  for (const std::size_t i : ix.stale) {
    if (ix.due[i] != 0) ix.order.erase({ix.due[i], i});
    ix.due[i] = record_next_deadline(cases.records[i], cases.policy);
    if (ix.due[i] != 0) ix.order.insert({ix.due[i], i});
  }
  ix.stale.clear();
  return ix;
}

}  // namespace

SimTime cases_next_deadline(const State& s) {
  const auto& order = deadline_index(s.cases).order;
  return order.empty() ? 0 : order.begin()->first;
}

SimTime cases_next_deadline_by_scan(const State& s) {
  SimTime next = 0;
  for (const auto& c : s.cases.records) {
    const SimTime due = record_next_deadline(c, s.cases.policy);
    if (due != 0 && (next == 0 || due < next)) next = due;
  }
  return next;
}

void cases_fire_deadlines(State& s, bool record, std::vector<Event>& events) {
  const SimTime now = s.clock.now;
  // The records with a deadline due, in filing order (alerts are numbered in that order).
  std::vector<std::size_t> due;
  for (const auto& [at, i] : deadline_index(s.cases).order) {
    if (at > now) break;
    due.push_back(i);
  }
  std::sort(due.begin(), due.end());
  for (const std::size_t i : due) {
    CaseRecord& c = s.cases.records[i];
    for (const auto& d : case_deadlines(c, s.cases.policy)) {
      if (d.due > now || alerted(c, d.key)) continue;
      c.alerted.push_back(d.key);
      if (!c.owner.empty()) raise_alert(s.cases, c.owner, now, "overdue", c.id, d.what);
      if (record)
        events.push_back(Event{now, "case.overdue", {{"case", c.id}, {"what", d.what}, {"due", d.due}, {"owner", c.owner}}});
    }
    s.cases.deadline_index.stale.push_back(i);
  }
}

}  // namespace kalan
