// What the monthly-reporting screens show (ui/reporting_view.h): stacked bars, the completeness grid,
// drill-downs from a bar, a row or a cell to the submissions, and the monthly form's helpers.
#include <doctest/doctest.h>

#include <algorithm>

#include "reporting/exports.h"
#include "../../ui/reporting_view.h"  // the view models are plain functions: tested without ImGui
#include "reporting_fixture.h"

using namespace kalan;
using namespace kalan::test;
using namespace kalan::ui;
using nlohmann::json;

namespace {

ReportFilter year_filter(int year = 2024) {
  ReportFilter f;
  f.year = year;
  return f;
}

std::int64_t indicator_of(const reporting::AggregateRow& row, const std::string& field) {
  const auto& names = reporting::indicators();
  const auto at = std::find(names.begin(), names.end(), field) - names.begin();
  return row.values.at(static_cast<std::size_t>(at));
}

// The world of the 2024 scenario without its simulated year, driven by commands (a fresh office).
struct Office : CommandDesk {
  Office() : CommandDesk(initial_state(load_ok(remontee_world_only()))) {}
  void submit(const std::string& actor, const std::string& instance, json values) {
    ok(actor, {{"type", "reporting.submit"}, {"instance", instance}, {"values", std::move(values)}});
  }
};

}  // namespace

TEST_CASE("dashboard: new cases by month are stacked girls then boys by age and add up to the regional totals") {
  const State& s = year_2024();
  const StackedBars bars = new_cases_by_month(s.reporting, year_filter());
  CHECK(bars.series == std::vector<std::string>{"nc_f_0_5", "nc_f_6_11", "nc_f_12_17", "nc_m_0_5", "nc_m_6_11", "nc_m_12_17"});
  REQUIRE(bars.labels.size() == 12);
  CHECK(bars.labels.front() == "2024-01");
  CHECK(bars.labels.back() == "2024-12");
  std::int64_t year_total = 0;
  for (const auto& row : reporting::aggregate(s.reporting, reporting::Level::region)) {
    if (row.year != 2024) continue;
    const std::size_t bar = static_cast<std::size_t>(row.month - 1);
    CHECK(bars.total(bar) == indicator_of(row, "nc_total"));
    CHECK(bars.values[bar][0] == indicator_of(row, "nc_f_0_5"));
    CHECK(bars.values[bar][5] == indicator_of(row, "nc_m_12_17"));
    year_total += bars.total(bar);
  }
  CHECK(year_total > 0);
  // October to December have no report yet: zero bars, still shown.
  for (std::size_t m = 9; m < 12; ++m) CHECK(bars.total(m) == 0);
  CHECK(bars.max_total() > 0);
  // A narrower range and a structure keep only their part.
  ReportFilter f = year_filter();
  f.from_month = 3;
  f.to_month = 5;
  f.structure = "ong-danaya";
  const StackedBars danaya = new_cases_by_month(s.reporting, f);
  REQUIRE(danaya.labels.size() == 3);
  CHECK(danaya.labels[0] == "2024-03");
  CHECK(danaya.total(0) == 0);  // ong-danaya never sent March
  CHECK(danaya.total(1) == 0);  // nor April
}

TEST_CASE("dashboard: bars by zone sum an indicator per cercle, and the cercles add up to the region") {
  const State& s = year_2024();
  const ReportFilter f = year_filter();
  const StackedBars cercles = indicator_by_zone(s.reporting, f, reporting::Level::cercle, "ref_recues");
  const StackedBars regions = indicator_by_zone(s.reporting, f, reporting::Level::region, "ref_recues");
  REQUIRE(regions.labels == std::vector<std::string>{"mopti"});
  CHECK(cercles.labels.size() >= 5);
  CHECK(std::is_sorted(cercles.labels.begin(), cercles.labels.end()));
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < cercles.labels.size(); ++i) sum += cercles.total(i);
  CHECK(sum == regions.total(0));
  CHECK(sum > 0);
  ReportFilter one = f;
  one.cercle = "djenne-cercle";
  const StackedBars djenne = indicator_by_zone(s.reporting, one, reporting::Level::structure, "nc_total");
  CHECK(djenne.labels == std::vector<std::string>{"ong-jigiya", "slpfef-djenne"});
}

TEST_CASE("dashboard: the filters offer the cercles of the chosen region and the structures of the chosen cercle") {
  const World& w = year_2024().world;
  ReportFilter f = year_filter();
  ZoneChoices all = zone_choices(w, f);
  CHECK(all.regions == std::vector<std::string>{"mopti"});
  CHECK(all.structures.size() == 13);
  f.cercle = "mopti-cercle";
  ZoneChoices mopti = zone_choices(w, f);
  // ong-benkadi sits in a commune of the Mopti cercle: it reports for the cercle.
  CHECK(mopti.structures == std::vector<std::string>{"slpfef-mopti", "oi-enfance-sahel", "ong-benkadi"});
  CHECK(mopti.cercles == all.cercles);
}

TEST_CASE("completeness grid: gaps of January–September, October and November missing, December not due yet") {
  const State& s = year_2024();
  const CompletenessGrid grid = completeness_grid(s.reporting, s.world, year_filter(), s.clock.now);
  REQUIRE(grid.rows.size() == 13);
  int core_missing = 0, received = 0;
  for (const auto& row : reporting::completeness(s.reporting, s.world, 2024, 1, 9))
    for (const auto& m : row.months) core_missing += m == "manquant";
  for (const auto& row : grid.rows) {
    REQUIRE(row.cells.size() == 12);
    CHECK(row.cells[9].state == CellState::missing);
    CHECK(row.cells[10].state == CellState::missing);
    CHECK(row.cells[11].state == CellState::not_due);  // due by 10 January 2025, the clock is on the 6th
    for (const auto& c : row.cells) received += c.state == CellState::received;
  }
  CHECK(core_missing == 8);
  CHECK(grid.missing == core_missing + 13 * 2);
  CHECK(received == 13 * 9 - 8);  // the prefilled reports arrived on the 5th: on time
  CHECK(grid.late == 0);
  const auto danaya = std::find_if(grid.rows.begin(), grid.rows.end(), [](const GridRow& r) { return r.structure == "ong-danaya"; });
  REQUIRE(danaya != grid.rows.end());
  CHECK(danaya->cells[2].state == CellState::missing);
  CHECK(danaya->cells[2].submission == 0);
  CHECK(danaya->cells[0].state == CellState::received);
  CHECK(danaya->cells[0].submission > 0);
  CHECK(std::string(cell_state_name(CellState::not_approved)) == "non_approuve");
}

TEST_CASE("completeness grid: a report sent after the 10th of the next month is late; a rejected one shows as not approved") {
  Office o;  // the clock is on 6 January 2025
  o.submit("fkansaye", "uuid:mars", good_report());
  ReportFilter f = year_filter();
  f.structure = "slpfef-mopti";
  CompletenessGrid grid = completeness_grid(o.s.reporting, o.s.world, f, o.s.clock.now);
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].cells[2].state == CellState::late);
  CHECK(grid.late == 1);
  json december = good_report();
  december["month"] = "12";
  o.submit("fkansaye", "uuid:decembre", december);
  o.ok("kdembele", {{"type", "reporting.validation.set"}, {"submission", 1}, {"status", "not_approved"}});
  grid = completeness_grid(o.s.reporting, o.s.world, f, o.s.clock.now);
  CHECK(grid.rows[0].cells[2].state == CellState::not_approved);
  CHECK(grid.rows[0].cells[11].state == CellState::received);
  CHECK(grid.not_approved == 1);
  CHECK(report_due(2024, 12) == parse_iso_time("2025-01-11T00:00:00Z").value());
  CHECK(grid.rows[0].cells[10].state == CellState::missing);  // November was due by 10 December
}

TEST_CASE("drill-down: a month bar, a table row and a zone bar open the reports that were summed") {
  const State& s = year_2024();
  const ReportFilter f = year_filter();
  for (const auto& row : reporting::aggregate(s.reporting, reporting::Level::cercle)) {
    const auto subs = drill_submissions(s.reporting, drill_row(f, row));
    CHECK(static_cast<int>(subs.size()) == row.reports);
    std::int64_t nc = 0;
    for (const Submission* sub : subs) {
      CHECK(sub->value("cercle") == row.cercle);
      CHECK(sub->count("month") == row.month);
      nc += sub->count("nc_total");
    }
    CHECK(nc == indicator_of(row, "nc_total"));
  }
  std::size_t received_in_march = 0;
  for (const auto& row : reporting::completeness(s.reporting, s.world, 2024, 3, 3)) received_in_march += row.received;
  const auto march = drill_submissions(s.reporting, drill_month(f, 3));
  CHECK(march.size() == received_in_march);
  CHECK(march.size() < 13);  // ong-danaya did not report in March
  const auto benkadi = drill_submissions(s.reporting, drill_zone(f, reporting::Level::structure, "ong-benkadi"));
  CHECK(benkadi.size() == 9);
  for (const Submission* sub : benkadi) CHECK(sub->value("structure") == "ong-benkadi");
  CHECK(drill_submissions(s.reporting, drill_cell(f, "ong-danaya", 3)).empty());
}

TEST_CASE("drill-down: a grid cell lists every report of the structure and month, the rejected one too") {
  Office o;
  o.submit("fkansaye", "uuid:premier", good_report());
  o.ok("kdembele", {{"type", "reporting.validation.set"}, {"submission", 1}, {"status", "not_approved"}});
  o.ok("trainer", {{"type", "clock.advance"}, {"hours", 1}});
  json fixed = good_report();
  fixed["ref_recues"] = "2";
  o.submit("fkansaye", "uuid:second", fixed);
  const ReportFilter f = year_filter();
  const auto cell = drill_submissions(o.s.reporting, drill_cell(f, "slpfef-mopti", 3));
  REQUIRE(cell.size() == 2);
  CHECK(cell[0]->uuid == "uuid:second");  // newest first
  CHECK(cell[1]->validation == "not_approved");
  const auto counted = drill_submissions(o.s.reporting, drill_month(f, 3));
  REQUIRE(counted.size() == 1);
  CHECK(counted[0]->uuid == "uuid:second");
  CHECK(drill_submissions(o.s.reporting, drill_cell(f, "slpfef-mopti", 4)).empty());
}

TEST_CASE("submission view: answers in form order with group-prefixed keys and the form's labels, empty ones left out") {
  json values = good_report();
  values["observations"] = "";
  const auto lines = submission_answers(values);
  REQUIRE(!lines.empty());
  CHECK(lines[0].key == "identification/structure");
  CHECK(lines[0].value == "slpfef-mopti");
  const auto girls = std::find_if(lines.begin(), lines.end(), [](const AnswerLine& l) { return l.key == "nouveaux_cas/nc_sexe_age/nc_f_0_5"; });
  REQUIRE(girls != lines.end());
  CHECK(girls->label->fr == "Filles 0–5 ans");
  CHECK(girls->value == "1");
  CHECK(std::none_of(lines.begin(), lines.end(), [](const AnswerLine& l) { return l.key == "observations"; }));
  CHECK(lines.size() == good_report().size());
}

TEST_CASE("monthly form: the computed sums beside the totals show where a breakdown does not add up") {
  json v = good_report();
  auto totals = computed_totals(v);
  REQUIRE(totals.size() == 5);
  for (const auto& t : totals) CHECK_MESSAGE(t.matches, t.total, " ", t.part);
  CHECK(totals[0].total == "nc_total");
  CHECK(totals[0].part == "sex_age");
  CHECK(totals[0].sum == 5);
  CHECK(totals[2].part == "service");
  CHECK(totals[2].sum == 2);
  v["nc_f_0_5"] = "2";
  totals = computed_totals(v);
  CHECK(totals[0].sum == 6);
  CHECK_FALSE(totals[0].matches);
  CHECK(totals[1].matches);  // the risks still add up to 5
  // No breakdown answered yet (a zero total hides it): nothing to point at.
  const auto empty = computed_totals({{"nc_total", "0"}, {"ref_total", "0"}, {"vbg_total", "0"}});
  for (const auto& t : empty) CHECK(t.matches);
}

TEST_CASE("monthly form: a new report is filled for the previous month with the structure's zone, under a fresh instanceID") {
  CHECK(reporting_month(parse_iso_time("2025-01-06T08:00:00Z").value()) == std::array<int, 2>{2024, 12});
  CHECK(reporting_month(parse_iso_time("2024-03-31T23:59:00Z").value()) == std::array<int, 2>{2024, 2});
  Office o;
  const json id = new_report_values(o.s.world, "ong-benkadi", 2024, 10);
  CHECK(id == json{{"structure", "ong-benkadi"}, {"region", "mopti"}, {"cercle", "mopti-cercle"}, {"month", "10"}, {"year", "2024"}});
  json values = good_report();
  values.update(id);
  forms::EvalContext ctx;
  ctx.now = o.s.clock.now;
  CHECK(reporting::validate_monthly(values, o.s.world, ctx).ok());
  const std::string first = new_instance_id(o.s.reporting, "rkassogue", "ong-benkadi", 2024, 10);
  CHECK(first == "uuid:ong-benkadi-2024-10-rkassogue-1");
  o.ok("rkassogue", {{"type", "reporting.draft.save"}, {"instance", first}, {"values", values}});
  const std::string second = new_instance_id(o.s.reporting, "rkassogue", "ong-benkadi", 2024, 10);
  CHECK(second == "uuid:ong-benkadi-2024-10-rkassogue-2");
  o.ok("rkassogue", {{"type", "reporting.finalize"}, {"instance", first}});
  o.ok("rkassogue", {{"type", "reporting.send"}, {"instance", first}});
  CHECK(new_instance_id(o.s.reporting, "rkassogue", "ong-benkadi", 2024, 10) == second);  // sent ids stay taken
}

TEST_CASE("monthly form: offline, a sent report waits in the outbox and leaves when the phone is back online") {
  Office o;
  const std::string user = "fkansaye";
  CHECK(device_lists(o.s.reporting, user).online);
  o.ok(user, {{"type", "reporting.set_online"}, {"online", false}});
  o.ok(user, {{"type", "reporting.draft.save"}, {"instance", "uuid:m1"}, {"values", good_report()}});
  DeviceLists l = device_lists(o.s.reporting, user);
  CHECK_FALSE(l.online);
  CHECK(l.drafts.size() == 1);
  o.ok(user, {{"type", "reporting.finalize"}, {"instance", "uuid:m1"}});
  o.ok(user, {{"type", "reporting.send"}, {"instance", "uuid:m1"}});
  l = device_lists(o.s.reporting, user);
  CHECK(l.drafts.empty());
  REQUIRE(l.outbox.size() == 1);
  CHECK(l.outbox[0]->instance == "uuid:m1");
  CHECK(l.sent.empty());
  o.ok(user, {{"type", "reporting.set_online"}, {"online", true}});
  l = device_lists(o.s.reporting, user);
  CHECK(l.outbox.empty());
  REQUIRE(l.sent.size() == 1);
  CHECK(l.sent[0]->uuid == "uuid:m1");
  CHECK(device_lists(o.s.reporting, "mtembely").sent.empty());
}

TEST_CASE("dashboard exports: the filter's submissions only, and the aggregated table of the filter") {
  const State& s = year_2024();
  ReportFilter f = year_filter();
  f.structure = "ong-benkadi";
  const ReportingState kept = filtered_reports(s.reporting, f);
  CHECK(reporting::kobo_json(kept)["count"] == 9);
  Diagnostics errors;
  const auto back = reporting::parse_submissions_csv(reporting::submissions_csv(kept), errors);
  REQUIRE(back.has_value());
  CHECK(back->size() == 9);
  const auto rows = filtered_aggregate(s.reporting, f, reporting::Level::structure);
  CHECK(rows.size() == 9);
  for (const auto& r : rows) CHECK(r.structure == "ong-benkadi");
  f.structure.clear();
  f.from_month = f.to_month = 2;
  CHECK(filtered_aggregate(s.reporting, f, reporting::Level::region).size() == 1);
}

TEST_CASE("dashboard consistency: the filter keeps the discrepancies of its structures and months") {
  const State& s = year_2024();
  const auto all = reporting::consistency(s.reporting, s.cases, s.world, 2024);
  ReportFilter f = year_filter();
  f.structure = "ong-benkadi";
  const auto benkadi = filtered_consistency(all, s.world, f);
  REQUIRE(!benkadi.empty());
  bool referral_rule = false;
  for (const auto& c : benkadi) {
    CHECK(c.structure == "ong-benkadi");
    for (const auto& d : c.discrepancies) referral_rule = referral_rule || d.field == "ref_recues";
  }
  CHECK(referral_rule);  // ong-benkadi counts the referrals it received as new cases
}

TEST_CASE("reporting screens: the DRPFEF and supervisors see the dashboard; a focal point reports for their own structure") {
  const World& w = year_2024().world;
  CHECK(may_see_dashboard(w, "kdembele"));
  CHECK(may_see_dashboard(w, "ytraore"));
  CHECK(may_see_dashboard(w, "mtembely"));
  CHECK(may_see_dashboard(w, "trainer"));
  CHECK_FALSE(may_see_dashboard(w, "fkansaye"));
  CHECK(may_validate_reports(w, "kdembele"));
  CHECK_FALSE(may_validate_reports(w, "mtembely"));
  CHECK(report_structures_for(w, "fkansaye") == std::vector<std::string>{"slpfef-mopti"});
  CHECK(report_structures_for(w, "mtembely") == std::vector<std::string>{"slpfef-mopti"});
  CHECK(report_structures_for(w, "kdembele").size() == 13);
  CHECK(report_structures_for(w, "trainer").size() == 13);
  CHECK(report_structures_for(w, "nobody").empty());
}
