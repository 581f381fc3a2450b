// The figures a structure should report for a month, computed from its simulated case records, and
// the discrepancy report between them and what was submitted.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cases/cases.h"
#include "reporting/reporting.h"

namespace kalan {

struct World;

namespace reporting {

// Rules (docs/reporting.md): a case counts as new for the structure that identified it, in the month
// of identified_at; referrals made count for the case's structure at that time, by service type;
// referrals received for the structure of the service; transfers when accepted; "plan_approuve"
// when the case plan was approved; active cases are open and not closed at the boundary.
// Returns every indicator of the form, keyed by field name.
std::map<std::string, std::int64_t> expected_figures(const CasesState& cases, const World& w,
                                                     const std::string& structure, int year, int month);

// The main risk category of the form for a case ("rq_violence", ...), from its first protection
// concern (form 1B, else 2A); "rq_autre" when none is recorded.
std::string main_risk(const CaseRecord& c);

struct Discrepancy {
  std::string field;
  std::int64_t declared = 0, expected = 0;
};

struct ConsistencyReport {
  std::string structure;
  int year = 0, month = 0;
  bool submitted = false;               // false: no report, every expected figure is missing
  std::int64_t submission = 0;          // _id of the report compared
  std::vector<Discrepancy> discrepancies;  // only the fields that differ
};

// For each structure expected to report and each month of the year that has a report or expected
// activity, the fields where the report differs from the case records.
std::vector<ConsistencyReport> consistency(const ReportingState& r, const CasesState& cases, const World& w, int year);

}  // namespace reporting
}  // namespace kalan
