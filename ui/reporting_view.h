// What the monthly-reporting screens show, as plain functions over the reporting state (no ImGui):
// the dashboard's filters, stacked bars, completeness grid and drill-downs, and the helpers of the
// monthly form screen. The panels draw these; the unit tests check them.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form.h"
#include "reporting/aggregate.h"
#include "reporting/expected.h"
#include "reporting/reporting.h"

namespace kalan {
struct World;
}

namespace kalan::ui {

// Who sees the dashboard: the trainer, information managers, coordinators, supervisors, administrators.
bool may_see_dashboard(const World& w, const std::string& user);
// Who may change a submission's validation status (as the core decides): the trainer, information
// managers and coordinators.
bool may_validate_reports(const World& w, const std::string& user);
// The structures a user fills the monthly report for: their own organisation when it reports, or
// every reporting structure for the trainer, information managers and coordinators.
std::vector<std::string> report_structures_for(const World& w, const std::string& user);

// The dashboard's filters: a zone (empty = all), a year and an inclusive range of months.
struct ReportFilter {
  std::string region, cercle, structure;
  int year = 0, from_month = 1, to_month = 12;

  // A submission of the zone, the year and a month of the range.
  bool keeps(const Submission& s) const;
  // A structure of the zone (by its place in the world).
  bool keeps_structure(const World& w, const std::string& structure) const;
};

// The zones the filter combos offer, from the reporting structures in world order: the cercles of the
// chosen region, the structures of the chosen cercle.
struct ZoneChoices {
  std::vector<std::string> regions, cercles, structures;
};
ZoneChoices zone_choices(const World& w, const ReportFilter& f);

// Bars made of stacked parts: one label per bar, one value per series in each bar.
struct StackedBars {
  std::vector<std::string> series;                // field names of the parts, in legend order
  std::vector<std::string> labels;                // one per bar: "2024-03", or a zone id
  std::vector<std::vector<std::int64_t>> values;  // [bar][series]
  std::int64_t total(std::size_t bar) const;
  std::int64_t max_total() const;
};

// The new-case breakdown of the form, girls then boys, youngest first: nc_f_0_5 ... nc_m_12_17.
const std::vector<std::string>& sex_age_fields();

// New cases per month of the filter, stacked by sex × age group; a month without a report is a zero bar.
StackedBars new_cases_by_month(const ReportingState& r, const ReportFilter& f);
// One indicator summed per zone (structure, cercle or region) over the filter, zones in id order.
StackedBars indicator_by_zone(const ReportingState& r, const ReportFilter& f, reporting::Level level,
                              const std::string& indicator);
// The aggregated table restricted to the filter.
std::vector<reporting::AggregateRow> filtered_aggregate(const ReportingState& r, const ReportFilter& f,
                                                        reporting::Level level);
// A copy of the reporting state holding only the submissions the filter keeps (exports of what is shown).
ReportingState filtered_reports(const ReportingState& r, const ReportFilter& f);
// The consistency reports of the filter's structures and months.
std::vector<reporting::ConsistencyReport> filtered_consistency(const std::vector<reporting::ConsistencyReport>& all,
                                                               const World& w, const ReportFilter& f);

// A report for a month is due by the end of this day of the next month; sent later, it is late.
inline constexpr int kReportDueDay = 10;
SimTime report_due(int year, int month);

// One cell of the structure × month completeness grid.
enum class CellState { received, late, not_approved, missing, not_due };
const char* cell_state_name(CellState s);  // "recu", "en_retard", "non_approuve", "manquant", "pas_encore_du"
struct GridCell {
  CellState state = CellState::missing;
  std::int64_t submission = 0;  // _id of the report that counts, 0 when none
};
struct GridRow {
  std::string structure;
  std::vector<GridCell> cells;  // one per month of the filter
};
struct CompletenessGrid {
  int year = 0, from_month = 1;
  std::vector<GridRow> rows;
  int missing = 0, late = 0, not_approved = 0;  // cells in each state
};
// The grid of the filter's structures and months at the time `now` (a month not yet due is not missing).
CompletenessGrid completeness_grid(const ReportingState& r, const World& w, const ReportFilter& f, SimTime now);

// What a click on the dashboard opens: the submissions behind a bar, a table row or a grid cell.
struct DrillDown {
  ReportFilter filter;
  bool every_version = false;  // a grid cell lists every report received, not-approved ones too
};
DrillDown drill_month(const ReportFilter& f, int month);
DrillDown drill_zone(const ReportFilter& f, reporting::Level level, const std::string& zone);
DrillDown drill_row(const ReportFilter& f, const reporting::AggregateRow& row);
DrillDown drill_cell(const ReportFilter& f, const std::string& structure, int month);
// The submissions of a drill-down: the reports that count (structure then month order), or for a grid
// cell every report of the structure and month, newest first.
std::vector<const Submission*> drill_submissions(const ReportingState& r, const DrillDown& d);

// One answer of a submission: its Kobo key (groups first), the form's label and the value.
struct AnswerLine {
  std::string key;
  const forms::Text* label = nullptr;
  std::string value;
};
// The answers in form order; empty answers are left out (as in Kobo exports).
std::vector<AnswerLine> submission_answers(const nlohmann::json& values);

// The month a report is filled for now: the month before the clock's (year, month).
std::array<int, 2> reporting_month(SimTime now);
// The identification answers of a new report: the structure, its region and cercle, month and year.
nlohmann::json new_report_values(const World& w, const std::string& structure, int year, int month);
// An instanceID used by no device and no submission: "uuid:<structure>-<yyyy>-<mm>-<user>-<n>".
std::string new_instance_id(const ReportingState& r, const std::string& user, const std::string& structure,
                            int year, int month);

// A total of the form beside the sum of one of its breakdowns, computed from the answers.
struct ComputedTotal {
  std::string total;     // the total field ("nc_total")
  std::string part;      // which breakdown: sex_age, risk, service, sex, type
  std::int64_t sum = 0;  // sum of the breakdown's answers (empty = 0)
  bool matches = true;   // the total's answer equals the sum (or the breakdown is empty)
};
// The sums shown read-only under each total of the monthly form.
std::vector<ComputedTotal> computed_totals(const nlohmann::json& values);

// What a user's phone lists: drafts (not yet sent), the outbox (queued), and the reports they sent.
struct DeviceLists {
  bool online = true;
  std::vector<const Draft*> drafts, outbox;
  std::vector<const Submission*> sent;
};
DeviceLists device_lists(const ReportingState& r, const std::string& user);

// PSEA complaints (the intake screen, ui/panel_psea.cpp).

// Who may record complaints, refer survivors and answer complainants, as the core decides: the
// trainer, case workers, supervisors, information managers, coordinators and service providers.
bool may_handle_psea(const World& w, const std::string& user);

// The values a choice argument of psea.complaint.create takes ("channel", "sex", "complaint_type"),
// read from the command table (the core's lists, in their order).
const std::vector<std::string>& psea_choices(const char* arg);

// What the intake form holds; indices into psea_choices(), age -1 = not given, received "" = now.
struct PseaIntake {
  int channel = 0, sex = 0, type = 0, age = -1;
  std::string received, structure, note;
};
// The arguments of psea.complaint.create (the core checks them: an age not given is refused with
// its message). Empty optional fields are left out.
nlohmann::json complaint_create_args(const PseaIntake& in);

// Where a complaint stands against a deadline (72 h to refer, 7 days to answer) at a time.
enum class Deadline { in_time, late, pending, overdue };  // done within / done after / to do, still time / to do, past
const char* deadline_name(Deadline d);  // "dans_les_delais", "en_retard", "a_faire", "depasse"
Deadline deadline_state(SimTime received, SimTime done, SimTime limit, SimTime now);

struct ComplaintLine {
  const Complaint* complaint = nullptr;
  Deadline referral = Deadline::pending, response = Deadline::pending;
  SimTime referral_due = 0, response_due = 0;
};
// The complaints, newest first (by reception, then id), with their deadlines at `now`.
std::vector<ComplaintLine> complaint_lines(const ReportingState& r, SimTime now);

}  // namespace kalan::ui
