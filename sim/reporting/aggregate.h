// Aggregation of the monthly reports by zone (region, cercle), month, structure and indicator, and
// the completeness grid (which structures have not reported for which months).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "reporting/reporting.h"

namespace kalan {

struct World;

namespace reporting {

// The report that counts for each structure and month: the latest received (edits replace their
// version), unless the information manager marked it "not approved".
std::vector<const Submission*> effective_submissions(const ReportingState& r);

// The latest report received for a structure and month, not-approved ones included, or nullptr.
const Submission* latest_report(const ReportingState& r, const std::string& structure, int year, int month);

enum class Level { structure, cercle, region };

struct AggregateRow {
  std::string region, cercle, structure;  // cercle and structure empty above their level
  int year = 0, month = 0;
  int reports = 0;                        // reports summed into the row
  std::vector<std::int64_t> values;       // one per indicators()
};

// One row per zone (or structure) and month, sorted by zone then month; rows are sums of the
// effective reports. New cases are only ever the reporting structure's own (a referral received
// is counted in ref_recues, never as a new case), so sums do not count a child twice.
std::vector<AggregateRow> aggregate(const ReportingState& r, Level level);

// Where a structure reports from: the cercle that holds its place (a commune's cercle) and its region.
struct Zone {
  std::string region, cercle;
};
Zone structure_zone(const World& w, const std::string& structure);

// The structures expected to report: organisations with a case worker, in world order.
std::vector<std::string> reporting_structures(const World& w);

struct CompletenessRow {
  std::string structure;
  std::vector<std::string> months;  // per month of the period: "recu", "manquant", "non_approuve"
  int received = 0;
};

// The grid for the months [from_year/from_month, to_year/to_month].
std::vector<CompletenessRow> completeness(const ReportingState& r, const World& w, int year, int from_month = 1,
                                          int to_month = 12);

}  // namespace reporting
}  // namespace kalan
