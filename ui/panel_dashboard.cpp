// The monthly-reporting dashboard of the DRPFEF: filters (zone, structure, months, indicator), the
// aggregated indicators with bars by month stacked by sex × age and bars by zone, the structure ×
// month completeness grid, consistency with the case records, PSEA indicators and the exports. A click
// on a bar, a table row or a grid cell opens the submissions behind it (panel_submissions.cpp).
#include <imgui.h>

#include <algorithm>
#include <tuple>

#include "case_ui.h"
#include "chart.h"
#include "core/reader.h"
#include "i18n.h"
#include "panels.h"
#include "reporting/exports.h"
#include "reporting/monthly.h"
#include "reporting_ui.h"

namespace kalan::ui {

namespace {

using reporting::Level;

Level level_of(int i) { return i == 0 ? Level::structure : i == 2 ? Level::region : Level::cercle; }
const char* level_id(int i) { return i == 0 ? "structure" : i == 2 ? "region" : "cercle"; }
const char* level_key(int i) { return i == 0 ? "dash.level.structure" : i == 2 ? "dash.level.region" : "dash.level.cercle"; }

void open_drill(ReportingView& v, const DrillDown& d, std::string title) {
  v.drill = d;
  v.drill_title = std::move(title);
  v.open_submission = 0;
}

// A combo of "all" then `ids` by name; `value` is the id picked, "" for all (or when it left the list).
void zone_combo(App& app, const char* id, std::string& value, const std::vector<std::string>& ids, const char* all,
                float width) {
  const State& s = app.session()->state();
  std::vector<std::string> labels = {tr(all)};
  for (const auto& z : ids) labels.push_back(zone_name(s, z));
  int current = static_cast<int>(std::find(ids.begin(), ids.end(), value) - ids.begin()) + 1;
  if (current > static_cast<int>(ids.size())) current = 0;
  combo(app, (std::string("##") + id).c_str(), current, labels, id, width);
  value = current == 0 ? "" : ids[static_cast<std::size_t>(current - 1)];
}

void filters(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  ReportFilter& f = v.filter;
  const ZoneChoices z = zone_choices(s.world, f);
  zone_combo(app, "dash.filter.region", f.region, z.regions, "dash.all_regions", 160);
  same_line_if_fits(180);
  zone_combo(app, "dash.filter.cercle", f.cercle, zone_choices(s.world, f).cercles, "dash.all_cercles", 180);
  same_line_if_fits(260);
  zone_combo(app, "dash.filter.structure", f.structure, zone_choices(s.world, f).structures, "dash.all_structures", 260);
  std::vector<std::string> months;
  for (int m = 1; m <= 12; ++m) months.push_back(month_name(m));
  int from = f.from_month - 1, to = f.to_month - 1;
  same_line_if_fits(100);
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt("##year", &f.year, 1);
  f.year = std::clamp(f.year, 2020, 2035);
  same_line_if_fits(100);
  combo(app, "##from", from, months, "dash.filter.from", 100);
  ImGui::SameLine(0, 4);
  ImGui::TextUnformatted("–");
  ImGui::SameLine(0, 4);
  combo(app, "##to", to, months, "dash.filter.to", 100);
  f.from_month = from + 1;
  f.to_month = std::max(to + 1, f.from_month);
  std::vector<std::string> indicators;
  for (const auto& name : reporting::indicators()) indicators.push_back(field_label(name));
  same_line_if_fits(280);
  combo(app, "##indicator", v.indicator, indicators, "dash.filter.indicator", 280);
  same_line_if_fits(150);
  combo(app, "##level", v.level, {tr(level_key(0)), tr(level_key(1)), tr(level_key(2))}, "dash.filter.level", 150);
}

void aggregate_table(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const auto rows = filtered_aggregate(s.reporting, v.filter, level_of(v.level));
  const auto& names = reporting::indicators();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(rows.size()) + 2.5f), 320.0f);
  if (!ImGui::BeginTable("##aggregate", static_cast<int>(names.size()) + 3, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableSetupColumn(tr(level_key(v.level)));
  ImGui::TableSetupColumn(tr("dash.col.month"));
  ImGui::TableSetupColumn(tr("dash.col.reports"));
  for (const auto& n : names) ImGui::TableSetupColumn(n.c_str());
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::string zone = !row.structure.empty() ? row.structure : !row.cercle.empty() ? row.cercle : row.region;
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable(zone_name(s, zone).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
      open_drill(v, drill_row(v.filter, row), zone_name(s, zone) + " — " + month_name(row.month) + " " + std::to_string(row.year));
    anchor(app, "dash.row." + std::to_string(i));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(month_name(row.month).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", row.reports);
    for (auto value : row.values) {
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(value));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void indicators_tab(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const StackedBars months = new_cases_by_month(s.reporting, v.filter);
  std::vector<std::string> series, labels;
  for (const auto& f : months.series) series.push_back(field_label(f));
  for (int m = v.filter.from_month; m <= v.filter.to_month; ++m) labels.push_back(month_name(m));
  ImGui::TextUnformatted(trf("dash.new_cases_by_month", {std::to_string(v.filter.year)}).c_str());
  int bar = draw_stacked_bars(app, "dash.chart.months", months, series, labels, 190);
  if (bar >= 0) open_drill(v, drill_month(v.filter, v.filter.from_month + bar), labels[static_cast<std::size_t>(bar)] + " " + std::to_string(v.filter.year));
  ImGui::Spacing();
  const std::string& indicator = reporting::indicators()[static_cast<std::size_t>(v.indicator)];
  const StackedBars zones = indicator_by_zone(s.reporting, v.filter, level_of(v.level), indicator);
  std::vector<std::string> zone_labels;
  for (const auto& z : zones.labels) zone_labels.push_back(zone_name(s, z));
  ImGui::TextUnformatted(trf("dash.by_zone", {field_label(indicator), tr(level_key(v.level))}).c_str());
  bar = draw_stacked_bars(app, "dash.chart.zones", zones, {field_label(indicator)}, zone_labels, 170);
  if (bar >= 0)
    open_drill(v, drill_zone(v.filter, level_of(v.level), zones.labels[static_cast<std::size_t>(bar)]),
               zone_labels[static_cast<std::size_t>(bar)]);
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("dash.table"));
  aggregate_table(app, v);
}

ImU32 cell_colour(CellState st) {
  switch (st) {
    case CellState::received: return IM_COL32(198, 232, 200, 255);
    case CellState::late: return IM_COL32(253, 226, 160, 255);
    case CellState::not_approved: return IM_COL32(250, 200, 150, 255);
    case CellState::missing: return IM_COL32(244, 180, 180, 255);
    case CellState::not_due: return IM_COL32(235, 235, 235, 255);
  }
  return 0;
}

std::string cell_text(CellState st) { return tr_value("grid.", cell_state_name(st)); }

void completeness_tab(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const CompletenessGrid g = completeness_grid(s.reporting, s.world, v.filter, s.clock.now);
  v.missing = g.missing;
  ImGui::TextUnformatted(trf("dash.missing_count", {std::to_string(g.missing), std::to_string(g.late),
                                                     std::to_string(g.not_approved)}).c_str());
  anchor(app, "dash.missing");
  for (CellState st : {CellState::received, CellState::late, CellState::not_approved, CellState::missing, CellState::not_due}) {
    const std::string text = cell_text(st);
    same_line_if_fits(ImGui::CalcTextSize(text.c_str()).x + 16);
    const ImVec2 p = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(text.c_str());
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x + 8, p.y + size.y), cell_colour(st), 3);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 4, p.y));
    ImGui::TextUnformatted(text.c_str());
  }
  const int months = v.filter.to_month - v.filter.from_month + 1;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##grid", months + 2, flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr("dash.col.structure"));
  for (int m = v.filter.from_month; m <= v.filter.to_month; ++m) ImGui::TableSetupColumn(month_name(m).c_str());
  ImGui::TableSetupColumn(tr("dash.col.missing"));
  ImGui::TableHeadersRow();
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    const GridRow& row = g.rows[r];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(short_name(s, row.structure).c_str());
    int missing = 0;
    for (std::size_t m = 0; m < row.cells.size(); ++m) {
      const CellState st = row.cells[m].state;
      missing += st == CellState::missing;
      ImGui::TableNextColumn();
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, cell_colour(st));
      ImGui::PushID(static_cast<int>(r * 100 + m));
      const int month = v.filter.from_month + static_cast<int>(m);
      if (ImGui::Selectable(cell_text(st).c_str()))
        open_drill(v, drill_cell(v.filter, row.structure, month),
                   zone_name(s, row.structure) + " — " + month_name(month) + " " + std::to_string(v.filter.year));
      anchor(app, "dash.cell." + std::to_string(r) + "." + std::to_string(month));
      ImGui::PopID();
    }
    ImGui::TableNextColumn();
    ImGui::Text("%d", missing);
  }
  ImGui::EndTable();
}

// The discrepancies of the year, computed again only when the state or the year changes.
const std::vector<reporting::ConsistencyReport>& consistency_of(const App& app, int year) {
  static std::tuple<const Session*, std::size_t, SimTime, std::string, int> key;
  static std::vector<reporting::ConsistencyReport> cached;
  const Session* session = app.session();
  const State& s = session->state();
  const auto now = std::make_tuple(session, session->commands().size(), s.clock.now, session->scenario().meta.title, year);
  if (now != key) {
    cached = reporting::consistency(s.reporting, s.cases, s.world, year);
    key = now;
  }
  return cached;
}

void consistency_tab(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  const auto reports = filtered_consistency(consistency_of(app, v.filter.year), s.world, v.filter);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr("dash.consistency_help"));
  ImGui::PopTextWrapPos();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##consistency", 5, flags)) return;
  for (const char* c : {"dash.col.structure", "dash.col.month", "dash.col.field", "dash.col.declared", "dash.col.expected"})
    ImGui::TableSetupColumn(tr(c));
  ImGui::TableHeadersRow();
  int line = 0;
  for (const auto& rep : reports) {
    if (!rep.submitted || rep.discrepancies.empty()) continue;
    for (const auto& d : rep.discrepancies) {
      ImGui::PushID(line++);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(short_name(s, rep.structure).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
        open_drill(v, drill_cell(v.filter, rep.structure, rep.month), zone_name(s, rep.structure) + " — " + month_name(rep.month));
        v.open_submission = rep.submission;
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(month_name(rep.month).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(field_label(d.field).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(d.declared));
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(d.expected));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  if (line == 0) ImGui::TextUnformatted(tr("dash.no_discrepancy"));
}

void psea_tab(App& app, const ReportingView& v) {
  const State& s = app.session()->state();
  std::vector<reporting::PseaRow> rows;
  for (const auto& r : reporting::psea_indicators(s.reporting.complaints))
    if (r.year == v.filter.year) rows.push_back(r);
  ImGui::TextDisabled("%s", tr("dash.psea_help"));
  if (rows.empty()) {
    ImGui::TextUnformatted(trf("dash.psea_none", {std::to_string(v.filter.year)}).c_str());
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##psea", 6, flags)) return;
  for (const char* c : {"dash.col.quarter", "dash.col.age", "dash.col.sex", "dash.col.complaints", "dash.col.referred",
                        "dash.col.answered"})
    ImGui::TableSetupColumn(tr(c));
  ImGui::TableHeadersRow();
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("T%d", r.quarter);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr_value("psea_age.", r.age_group).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr_value("psea_sex.", r.sex).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", r.complaints);
    ImGui::TableNextColumn();
    ImGui::Text("%.0f %% (%d)", r.pct_referred(), r.referred_72h);
    ImGui::TableNextColumn();
    ImGui::Text("%.0f %% (%d)", r.pct_answered(), r.answered_7d);
  }
  ImGui::EndTable();
}

// Offers an export: the desktop writes it (into the chosen folder) through a temporary file and a
// rename; the browser downloads it.
void offer(App& app, const std::string& name, const std::string& content) {
  const ReportingView& v = app.view().reporting;
  std::string path = name;
  if (app.platform().can_open_paths && v.export_dir[0]) path = std::string(v.export_dir) + "/" + name;
  const std::string err = app.platform().save_file ? app.platform().save_file(path, content) : "?";
  app.view().status = err.empty() ? trf("dash.exported", {path}) : trf("app.save_failed", {err});
}

void exports_tab(App& app, ReportingView& v) {
  const State& s = app.session()->state();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr("dash.exports_help"));
  ImGui::PopTextWrapPos();
  if (app.platform().can_open_paths) {
    hint_input("##exportdir", tr("dash.export_dir"), v.export_dir, sizeof v.export_dir, std::min(ImGui::GetContentRegionAvail().x, 420.0f));
  }
  const std::string year = std::to_string(v.filter.year);
  if (ImGui::Button(tr("dash.export_kobo")))
    offer(app, "mensuel-kobo-" + year + ".json", dump_json(reporting::kobo_json(filtered_reports(s.reporting, v.filter)), 1) + "\n");
  anchor(app, "dash.export.kobo");
  same_line_if_fits(button_width(tr("dash.export_csv")));
  if (ImGui::Button(tr("dash.export_csv")))
    offer(app, "mensuel-soumissions-" + year + ".csv", reporting::submissions_csv(filtered_reports(s.reporting, v.filter)));
  anchor(app, "dash.export.csv");
  same_line_if_fits(button_width(tr("dash.export_aggregate")));
  if (ImGui::Button(tr("dash.export_aggregate"))) {
    const Level level = level_of(v.level);
    offer(app, "mensuel-agrege-" + std::string(level_id(v.level)) + "-" + year + ".csv",
          reporting::aggregate_csv(filtered_aggregate(s.reporting, v.filter, level), level));
  }
  anchor(app, "dash.export.aggregate");
  if (!app.view().status.empty()) ImGui::TextWrapped("%s", app.view().status.c_str());
}

}  // namespace

void draw_dashboard(App& app) {
  ReportingView& v = app.view().reporting;
  const State& s = app.session()->state();
  if (v.filter.year == 0) v.filter.year = reporting_month(s.clock.now)[0];
  draw_sign_in(app);
  if (v.drill) return draw_report_submissions(app);
  v.listed = 0;
  filters(app, v);
  if (!ImGui::BeginTabBar("##dashtabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  sub_tab(app, tr("dash.tab.indicators"), "dash.tab.indicators", [&] { indicators_tab(app, v); });
  sub_tab(app, tr("dash.tab.completeness"), "dash.tab.completeness", [&] { completeness_tab(app, v); });
  sub_tab(app, tr("dash.tab.consistency"), "dash.tab.consistency", [&] { consistency_tab(app, v); });
  sub_tab(app, tr("dash.tab.psea"), "dash.tab.psea", [&] { psea_tab(app, v); });
  sub_tab(app, tr("dash.tab.exports"), "dash.tab.exports", [&] { exports_tab(app, v); });
  ImGui::EndTabBar();
}

}  // namespace kalan::ui
