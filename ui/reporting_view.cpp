#include "reporting_view.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/command.h"
#include "reporting/commands.h"
#include "reporting/monthly.h"
#include "reporting/psea.h"
#include "world/world.h"

namespace kalan::ui {

namespace {

bool in_range(std::int64_t v, int from, int to) { return v >= from && v <= to; }

void add_once(std::vector<std::string>& list, const std::string& v) {
  if (!v.empty() && std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
}

std::string year_month(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::int64_t number(const nlohmann::json& values, const std::string& field) {
  auto it = values.find(field);
  if (it == values.end() || !it->is_string()) return 0;
  return std::strtoll(it->get_ref<const std::string&>().c_str(), nullptr, 10);
}

bool answered(const nlohmann::json& values, const std::string& field) {
  auto it = values.find(field);
  return it != values.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

// The effective reports (the ones that count) that the filter keeps.
std::vector<const Submission*> kept(const ReportingState& r, const ReportFilter& f) {
  std::vector<const Submission*> out;
  for (const Submission* s : reporting::effective_submissions(r))
    if (f.keeps(*s)) out.push_back(s);
  return out;
}

std::string zone_of(const Submission& s, reporting::Level level) {
  switch (level) {
    case reporting::Level::structure: return s.value("structure");
    case reporting::Level::cercle: return s.value("cercle");
    case reporting::Level::region: return s.value("region");
  }
  return "";
}

// The answers of a group's members, by name (the form is the source of the breakdowns).
std::vector<std::string> group_members(const char* group) {
  const forms::Form& form = reporting::monthly_form();
  std::vector<std::string> out;
  if (const forms::Field* g = form.find(group))
    for (int i : g->children) out.push_back(form.fields[static_cast<std::size_t>(i)].name);
  return out;
}

bool has_role(const World& w, const std::string& user, std::initializer_list<const char*> roles) {
  const User* u = w.find_user(user);
  if (!u) return user == kTrainer;
  return std::any_of(roles.begin(), roles.end(), [&](const char* r) { return u->role == r; });
}

}  // namespace

bool may_see_dashboard(const World& w, const std::string& user) {
  return has_role(w, user, {"information_manager", "coordinator", "supervisor", "administrator"});
}

bool may_validate_reports(const World& w, const std::string& user) {
  return has_role(w, user, {"information_manager", "coordinator"});
}

std::vector<std::string> report_structures_for(const World& w, const std::string& user) {
  std::vector<std::string> all = reporting::reporting_structures(w);
  if (may_validate_reports(w, user)) return all;
  const User* u = w.find_user(user);
  if (u && std::find(all.begin(), all.end(), u->organisation) != all.end()) return {u->organisation};
  return {};
}

bool ReportFilter::keeps(const Submission& s) const {
  if (s.count("year") != year || !in_range(s.count("month"), from_month, to_month)) return false;
  return (region.empty() || s.value("region") == region) && (cercle.empty() || s.value("cercle") == cercle) &&
         (structure.empty() || s.value("structure") == structure);
}

bool ReportFilter::keeps_structure(const World& w, const std::string& id) const {
  if (!structure.empty() && id != structure) return false;
  const reporting::Zone z = reporting::structure_zone(w, id);
  return (region.empty() || z.region == region) && (cercle.empty() || z.cercle == cercle);
}

ZoneChoices zone_choices(const World& w, const ReportFilter& f) {
  ZoneChoices out;
  ReportFilter zone_only = f;
  zone_only.structure.clear();
  for (const std::string& s : reporting::reporting_structures(w)) {
    const reporting::Zone z = reporting::structure_zone(w, s);
    add_once(out.regions, z.region);
    if (f.region.empty() || z.region == f.region) add_once(out.cercles, z.cercle);
    if (zone_only.keeps_structure(w, s)) add_once(out.structures, s);
  }
  return out;
}

std::int64_t StackedBars::total(std::size_t bar) const {
  std::int64_t t = 0;
  for (std::int64_t v : values.at(bar)) t += v;
  return t;
}

std::int64_t StackedBars::max_total() const {
  std::int64_t m = 0;
  for (std::size_t i = 0; i < values.size(); ++i) m = std::max(m, total(i));
  return m;
}

const std::vector<std::string>& sex_age_fields() {
  static const std::vector<std::string> names = group_members("nc_sexe_age");
  return names;
}

StackedBars new_cases_by_month(const ReportingState& r, const ReportFilter& f) {
  StackedBars out;
  out.series = sex_age_fields();
  for (int m = f.from_month; m <= f.to_month; ++m) {
    out.labels.push_back(year_month(f.year, m));
    out.values.emplace_back(out.series.size(), 0);
  }
  for (const Submission* s : kept(r, f)) {
    auto& bar = out.values[static_cast<std::size_t>(s->count("month") - f.from_month)];
    for (std::size_t i = 0; i < out.series.size(); ++i) bar[i] += s->count(out.series[i]);
  }
  return out;
}

StackedBars indicator_by_zone(const ReportingState& r, const ReportFilter& f, reporting::Level level,
                              const std::string& indicator) {
  std::map<std::string, std::int64_t> sums;
  for (const Submission* s : kept(r, f)) sums[zone_of(*s, level)] += s->count(indicator);
  StackedBars out;
  out.series = {indicator};
  for (const auto& [zone, sum] : sums) {
    out.labels.push_back(zone);
    out.values.push_back({sum});
  }
  return out;
}

ReportingState filtered_reports(const ReportingState& r, const ReportFilter& f) {
  ReportingState out;
  for (const Submission& s : r.submissions)
    if (f.keeps(s)) out.submissions.push_back(s);
  out.next_submission = r.next_submission;
  return out;
}

std::vector<reporting::AggregateRow> filtered_aggregate(const ReportingState& r, const ReportFilter& f,
                                                        reporting::Level level) {
  return reporting::aggregate(filtered_reports(r, f), level);
}

std::vector<reporting::ConsistencyReport> filtered_consistency(const std::vector<reporting::ConsistencyReport>& all,
                                                               const World& w, const ReportFilter& f) {
  std::vector<reporting::ConsistencyReport> out;
  for (const auto& c : all)
    if (c.year == f.year && in_range(c.month, f.from_month, f.to_month) && f.keeps_structure(w, c.structure))
      out.push_back(c);
  return out;
}

SimTime report_due(int year, int month) {
  const int next_year = month == 12 ? year + 1 : year, next_month = month == 12 ? 1 : month + 1;
  return days_from_civil(next_year, next_month, kReportDueDay + 1) * 86400;  // first second late
}

const char* cell_state_name(CellState s) {
  switch (s) {
    case CellState::received: return "recu";
    case CellState::late: return "en_retard";
    case CellState::not_approved: return "non_approuve";
    case CellState::missing: return "manquant";
    case CellState::not_due: return "pas_encore_du";
  }
  return "";
}

CompletenessGrid completeness_grid(const ReportingState& r, const World& w, const ReportFilter& f, SimTime now) {
  CompletenessGrid grid;
  grid.year = f.year;
  grid.from_month = f.from_month;
  for (const std::string& structure : reporting::reporting_structures(w)) {
    if (!f.keeps_structure(w, structure)) continue;
    GridRow row{structure, {}};
    for (int m = f.from_month; m <= f.to_month; ++m) {
      const Submission* s = reporting::latest_report(r, structure, f.year, m);
      const SimTime late_from = report_due(f.year, m);
      GridCell cell;
      if (!s) cell.state = now >= late_from ? CellState::missing : CellState::not_due;
      else if (s->validation == "not_approved") cell.state = CellState::not_approved;
      else cell.state = s->submitted_at >= late_from ? CellState::late : CellState::received;
      if (s) cell.submission = s->id;
      grid.missing += cell.state == CellState::missing;
      grid.late += cell.state == CellState::late;
      grid.not_approved += cell.state == CellState::not_approved;
      row.cells.push_back(cell);
    }
    grid.rows.push_back(std::move(row));
  }
  return grid;
}

DrillDown drill_month(const ReportFilter& f, int month) {
  DrillDown d{f, false};
  d.filter.from_month = d.filter.to_month = month;
  return d;
}

DrillDown drill_zone(const ReportFilter& f, reporting::Level level, const std::string& zone) {
  DrillDown d{f, false};
  if (level == reporting::Level::structure) d.filter.structure = zone;
  if (level == reporting::Level::cercle) d.filter.cercle = zone;
  if (level == reporting::Level::region) d.filter.region = zone;
  return d;
}

DrillDown drill_row(const ReportFilter& f, const reporting::AggregateRow& row) {
  DrillDown d = drill_month(f, row.month);
  d.filter.year = row.year;
  d.filter.region = row.region;
  if (!row.cercle.empty()) d.filter.cercle = row.cercle;
  if (!row.structure.empty()) d.filter.structure = row.structure;
  return d;
}

DrillDown drill_cell(const ReportFilter& f, const std::string& structure, int month) {
  DrillDown d = drill_month(f, month);
  d.filter.structure = structure;
  d.every_version = true;
  return d;
}

std::vector<const Submission*> drill_submissions(const ReportingState& r, const DrillDown& d) {
  if (!d.every_version) return kept(r, d.filter);
  std::vector<const Submission*> out;
  for (const Submission& s : r.submissions)
    if (d.filter.keeps(s)) out.push_back(&s);
  std::sort(out.begin(), out.end(), [](const Submission* a, const Submission* b) {
    return std::tie(a->submitted_at, a->id) > std::tie(b->submitted_at, b->id);
  });
  return out;
}

std::vector<AnswerLine> submission_answers(const nlohmann::json& values) {
  std::vector<AnswerLine> out;
  const forms::Form& form = reporting::monthly_form();
  for (const std::string& name : reporting::value_fields())
    if (answered(values, name))
      out.push_back({reporting::kobo_key(name), &form.find(name)->label, values[name].get<std::string>()});
  return out;
}

std::array<int, 2> reporting_month(SimTime now) {
  const CivilDate d = civil_from_days(now / 86400);
  return d.month == 1 ? std::array<int, 2>{d.year - 1, 12} : std::array<int, 2>{d.year, d.month - 1};
}

nlohmann::json new_report_values(const World& w, const std::string& structure, int year, int month) {
  const reporting::Zone z = reporting::structure_zone(w, structure);
  return {{"structure", structure}, {"region", z.region}, {"cercle", z.cercle},
          {"month", std::to_string(month)}, {"year", std::to_string(year)}};
}

std::string new_instance_id(const ReportingState& r, const std::string& user, const std::string& structure,
                            int year, int month) {
  const std::string base = "uuid:" + structure + "-" + year_month(year, month) + "-" + user + "-";
  auto used = [&](const std::string& id) {
    if (r.find_by_uuid(id)) return true;
    for (const Device& d : r.devices)
      for (const Draft& draft : d.drafts)
        if (draft.instance == id) return true;
    return false;
  };
  for (int n = 1;; ++n)
    if (!used(base + std::to_string(n))) return base + std::to_string(n);
}

std::vector<ComputedTotal> computed_totals(const nlohmann::json& values) {
  struct Breakdown {
    const char* total;
    const char* part;
    std::vector<std::string> members;
  };
  static const std::vector<Breakdown> breakdowns = {
      {"nc_total", "sex_age", group_members("nc_sexe_age")},
      {"nc_total", "risk", group_members("nc_risque")},
      {"ref_total", "service", group_members("references")},
      {"vbg_total", "sex", {"vbg_f", "vbg_m"}},
      {"vbg_total", "type", {"vbg_sexuelle", "vbg_exploitation", "vbg_mariage", "vbg_mgf"}},
  };
  std::vector<ComputedTotal> out;
  for (const Breakdown& b : breakdowns) {
    ComputedTotal t{b.total, b.part, 0, true};
    bool any = false;
    for (const std::string& m : b.members) {
      t.sum += number(values, m);
      any = any || answered(values, m);
    }
    t.matches = !any || number(values, b.total) == t.sum;
    out.push_back(std::move(t));
  }
  return out;
}

DeviceLists device_lists(const ReportingState& r, const std::string& user) {
  DeviceLists out;
  if (const Device* dev = r.find_device(user)) {
    out.online = dev->online;
    for (const Draft& d : dev->drafts) (d.status == "queued" ? out.outbox : out.drafts).push_back(&d);
  }
  for (const Submission& s : r.submissions)
    if (s.submitted_by == user) out.sent.push_back(&s);
  return out;
}

bool may_handle_psea(const World& w, const std::string& user) {
  return has_role(w, user, {"case_worker", "supervisor", "information_manager", "coordinator", "service_provider"});
}

const std::vector<std::string>& psea_choices(const char* arg) {
  static const std::vector<std::string> none;
  for (std::size_t n = 0; n < ReportingTable::kCount; ++n) {
    if (std::string(ReportingTable::kTypes[n]) != "psea.complaint.create") continue;
    for (const ArgSpec& spec : ReportingTable::args(n))
      if (std::string(spec.name) == arg) return spec.choices;
  }
  return none;
}

nlohmann::json complaint_create_args(const PseaIntake& in) {
  const auto pick = [](const char* arg, int i) {
    const auto& list = psea_choices(arg);
    return i >= 0 && static_cast<std::size_t>(i) < list.size() ? list[static_cast<std::size_t>(i)] : std::string();
  };
  nlohmann::json args = {{"channel", pick("channel", in.channel)}, {"age", in.age}, {"sex", pick("sex", in.sex)},
                         {"complaint_type", pick("complaint_type", in.type)}};
  if (!in.received.empty()) args["received"] = in.received;
  if (!in.structure.empty()) args["structure"] = in.structure;
  if (!in.note.empty()) args["note"] = in.note;
  return args;
}

const char* deadline_name(Deadline d) {
  switch (d) {
    case Deadline::in_time: return "dans_les_delais";
    case Deadline::late: return "en_retard";
    case Deadline::pending: return "a_faire";
    case Deadline::overdue: return "depasse";
  }
  return "";
}

Deadline deadline_state(SimTime received, SimTime done, SimTime limit, SimTime now) {
  if (done) return done - received <= limit ? Deadline::in_time : Deadline::late;
  return now - received <= limit ? Deadline::pending : Deadline::overdue;
}

std::vector<ComplaintLine> complaint_lines(const ReportingState& r, SimTime now) {
  std::vector<ComplaintLine> out;
  for (const Complaint& c : r.complaints)
    out.push_back({&c, deadline_state(c.received_at, c.referred_at, reporting::kReferralDeadline, now),
                   deadline_state(c.received_at, c.answered_at, reporting::kResponseDeadline, now),
                   c.received_at + reporting::kReferralDeadline, c.received_at + reporting::kResponseDeadline});
  std::stable_sort(out.begin(), out.end(), [](const ComplaintLine& a, const ComplaintLine& b) {
    return std::tie(a.complaint->received_at, a.complaint->id) > std::tie(b.complaint->received_at, b.complaint->id);
  });
  return out;
}

}  // namespace kalan::ui
