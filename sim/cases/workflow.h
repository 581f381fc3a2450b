// The six-step workflow of a case, derived from its record, and the deadlines its risk level sets.
#pragma once
#include <string>
#include <vector>

#include "cases/cases.h"
#include "core/event.h"

namespace kalan {

struct State;

// The forms the workflow reads (ids of the harmonized forms).
namespace case_forms {
inline constexpr const char* kConsent = "1A";
inline constexpr const char* kInitialAssessment = "1C";
inline constexpr const char* kAssessment = "2A";
inline constexpr const char* kCasePlan = "3A";
inline constexpr const char* kFollowUp = "5A";
inline constexpr const char* kClosure = "6A";
inline constexpr const char* kClosureReview = "6B";
inline constexpr const char* kFeedback = "6C";
inline constexpr const char* kReopening = "B1";
}  // namespace case_forms

// The six steps, in order.
const std::vector<std::string>& case_stages();
// new, assessment, case_plan, service_implementation, follow_up or closure.
std::string case_stage(const CaseRecord& c);
// The approval of a kind, or nullptr when none was ever requested.
const Approval* approval(const CaseRecord& c, const std::string& kind);
bool approved(const CaseRecord& c, const std::string& kind);

// A deadline of the workflow for one case.
struct CaseDeadline {
  std::string key;  // "assessment", "follow_up:2": alerted once each
  std::string what;  // assessment, follow_up
  SimTime due = 0;
};
std::vector<CaseDeadline> case_deadlines(const CaseRecord& c, const CasePolicy& p);
// Deadlines passed at `now` (overdue items).
std::vector<CaseDeadline> overdue_items(const CaseRecord& c, const CasePolicy& p, SimTime now);

// The earliest deadline not yet alerted, or 0; the clock stops there to raise the alert.
SimTime cases_next_deadline(const State& s);
// The same, by looking at every record (what the index must agree with; for tests).
SimTime cases_next_deadline_by_scan(const State& s);
// Raises an alert (owner's inbox) and a "case.overdue" event for every deadline due now.
void cases_fire_deadlines(State& s, bool record, std::vector<Event>& events);

}  // namespace kalan
