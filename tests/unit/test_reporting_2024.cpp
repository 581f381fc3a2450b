// The 2024 Mopti scenario: a year of case activity simulated from the seed, reports received for
// January–September with gaps and one structure that counts referrals received as new cases.
// Aggregation, completeness and consistency are checked against golden tables (tests/reporting/),
// and every export parses back. Set KALAN_UPDATE_GOLDENS=1 to rewrite the goldens after a reviewed change.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "forms/xlsform.h"
#include "reporting/activity.h"
#include "core/hash.h"
#include "reporting/exports.h"
#include "reporting_fixture.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = source_path("tests/reporting/" + name);
  if (std::getenv("KALAN_UPDATE_GOLDENS")) write_file_atomic(path, actual);
  const auto expected = read_file(path);
  REQUIRE_MESSAGE(expected.has_value(), path);
  CHECK_MESSAGE(*expected == actual, name, " differs from the golden");
}

std::vector<forms::CsvRecord> csv(const std::string& text) {
  Diagnostics errors;
  auto records = forms::parse_csv(text, "export.csv", errors);
  for (const auto& d : errors) MESSAGE(render(d));
  CHECK(errors.empty());
  return records;
}

}  // namespace

TEST_CASE("reporting 2024: the simulated year runs every case command without a refusal") {
  const Scenario sc = load_ok(scenario_json(kRemontee));
  State s = initial_state(load_ok(remontee_world_only()));
  const ActivityResult r = simulate_reporting_year(s, sc.reporting, sc.seed);
  for (const auto& line : r.refusals) MESSAGE(line);
  CHECK(r.refusals.empty());
  CHECK(r.cases >= 150);
  CHECK(r.reports == 13 * 9 - 8);  // 13 structures, January–September, 8 reports missing
  s.commands_applied = 0;
  CHECK(state_hash(s) == state_hash(year_2024()));  // deterministic from the seed
  const State& y = year_2024();
  CHECK(y.clock.now == parse_iso_time("2025-01-06T08:00:00Z").value());
  CHECK(y.commands_applied == 0);
  bool transferred = false, closed = false, referred = false;
  for (const auto& c : y.cases.records) {
    transferred = transferred || !c.transfers.empty();
    closed = closed || c.status == "closed";
    referred = referred || !c.referrals.empty();
  }
  CHECK(transferred);
  CHECK(closed);
  CHECK(referred);
}

TEST_CASE("reporting 2024: completeness grid and aggregates by cercle and month match the goldens") {
  const State& s = year_2024();
  const auto grid = reporting::completeness(s.reporting, s.world, 2024);
  REQUIRE(grid.size() == 13);
  std::map<std::string, std::vector<std::string>> missing;
  for (const auto& row : grid)
    for (std::size_t m = 0; m < 9; ++m)
      if (row.months[m] != "recu") missing[row.structure].push_back(std::to_string(m + 1));
  CHECK(missing == std::map<std::string, std::vector<std::string>>{
                       {"ong-danaya", {"3", "4", "8"}}, {"ong-sinignesigi", {"6", "7", "8", "9"}}, {"slpfef-koro", {"2"}}});
  check_golden("completeness_2024.csv", reporting::completeness_csv(grid, 2024, 1));
  const auto by_cercle = reporting::aggregate(s.reporting, reporting::Level::cercle);
  check_golden("aggregate_cercle_2024.csv", reporting::aggregate_csv(by_cercle, reporting::Level::cercle));
  check_golden("aggregate_region_2024.csv",
               reporting::aggregate_csv(reporting::aggregate(s.reporting, reporting::Level::region), reporting::Level::region));
  // Independently: summing the Kobo export by cercle and month gives the same table.
  std::map<std::pair<std::string, int>, std::int64_t> new_cases;
  const json kobo = reporting::kobo_json(s.reporting);
  for (const auto& r : kobo["results"])
    new_cases[{r["identification/cercle"], std::stoi(r["identification/month"].get<std::string>())}] +=
        std::stoll(r["nouveaux_cas/nc_total"].get<std::string>());
  const auto nc = static_cast<std::size_t>(
      std::find(reporting::indicators().begin(), reporting::indicators().end(), "nc_total") - reporting::indicators().begin());
  REQUIRE(by_cercle.size() == new_cases.size());
  for (const auto& row : by_cercle) CHECK(row.values[nc] == new_cases[{row.cercle, row.month}]);
}

TEST_CASE("reporting 2024: consistency with the case records flags the referrals counted as new cases") {
  const State& s = year_2024();
  const auto reports = reporting::consistency(s.reporting, s.cases, s.world, 2024);
  check_golden("consistency_2024.csv", reporting::consistency_csv(reports));
  int benkadi = 0;
  for (const auto& r : reports) {
    if (!r.submitted) continue;  // missing months: every expected figure is a discrepancy
    if (r.structure != "ong-benkadi") {
      INFO(r.structure, " ", r.month);
      CHECK(r.discrepancies.empty());
      continue;
    }
    if (r.discrepancies.empty()) continue;
    ++benkadi;
    std::map<std::string, std::int64_t> diff;
    for (const auto& d : r.discrepancies) diff[d.field] = d.declared - d.expected;
    const std::int64_t received = -diff["ref_recues"];
    CHECK(received > 0);
    CHECK(diff == std::map<std::string, std::int64_t>{
                      {"nc_total", received}, {"nc_f_12_17", received}, {"rq_autre", received}, {"ref_recues", -received}});
  }
  CHECK(benkadi > 0);
}

TEST_CASE("reporting 2024: every export parses back") {
  const State& s = year_2024();
  const auto& subs = s.reporting.submissions;
  Diagnostics errors;
  const json kobo = json::parse(reporting::kobo_json(s.reporting).dump());
  CHECK(kobo["count"] == subs.size());
  CHECK(kobo["next"].is_null());
  auto back = reporting::parse_kobo_json(kobo, errors);
  REQUIRE(back);
  REQUIRE(back->size() == subs.size());
  const std::string text = reporting::submissions_csv(s.reporting);
  CHECK(text.compare(0, 3, reporting::kUtf8Bom) == 0);
  auto from_csv = reporting::parse_submissions_csv(text, errors);
  for (const auto& d : errors) MESSAGE(render(d));
  REQUIRE(from_csv);
  REQUIRE(from_csv->size() == subs.size());
  for (std::size_t i = 0; i < subs.size(); ++i) {
    json values = json::object();
    const json all = subs[i].values.to_json();
    for (const auto& [key, text] : all.items())
      if (text != "") values[key] = text;
    for (const auto* e : {&(*back)[i], &(*from_csv)[i]}) {
      CHECK(e->id == subs[i].id);
      CHECK(e->uuid == subs[i].uuid);
      CHECK(e->submitted_by == subs[i].submitted_by);
      CHECK(e->values == values);
    }
  }
  // The aggregated table: one record per row plus the header, every cell a number after the zone.
  const auto rows = reporting::aggregate(s.reporting, reporting::Level::structure);
  const auto records = csv(reporting::aggregate_csv(rows, reporting::Level::structure));
  REQUIRE(records.size() == rows.size() + 1);
  CHECK(records[0].cells[0] == "region");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(records[i + 1].cells[2] == rows[i].structure);
    CHECK(records[i + 1].cells.back() == std::to_string(rows[i].values.back()));
  }
  CHECK(csv(reporting::completeness_csv(reporting::completeness(s.reporting, s.world, 2024), 2024, 1)).size() == 14);
  // A CSV with an awkward value (comma, quote, line break) still parses back to the same value.
  State t = s;
  REQUIRE(t.reporting.submissions[0].values.set("observations", "Rupture, \"urgente\"\r\nà suivre"));
  auto tricky = reporting::parse_submissions_csv(reporting::submissions_csv(t.reporting), errors);
  REQUIRE(tricky);
  CHECK((*tricky)[0].values["observations"] == "Rupture, \"urgente\"\r\nà suivre");
  // Errors name where the input is wrong.
  CHECK_FALSE(reporting::parse_kobo_json(json{{"results", json::array({json{{"_id", 1}, {"x", 3}}})}}, errors));
  CHECK(errors.back().path == "/results/0/x");
}
