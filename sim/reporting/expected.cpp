#include "reporting/expected.h"

#include <algorithm>

#include "reporting/aggregate.h"
#include "reporting/monthly.h"
#include "reporting/psea.h"
#include "world/world.h"

namespace kalan::reporting {

namespace {

// Protection concerns (forms 1B / 2A) grouped into the monthly form's main risks.
const std::map<std::string, std::string>& risk_groups() {
  static const std::map<std::string, std::string> m = {
      {"physical_violence", "rq_violence"},       {"psychological_violence", "rq_violence"},
      {"sexual_violence", "rq_sexuelle"},         {"sexual_exploitation", "rq_sexuelle"},
      {"neglect", "rq_negligence"},               {"abandonment", "rq_negligence"},
      {"separated", "rq_esna"},                   {"unaccompanied", "rq_esna"},
      {"armed_groups", "rq_eafgas"},              {"worst_forms_labour", "rq_travail"},
      {"forced_begging", "rq_travail"},           {"trafficking", "rq_travail"},
      {"child_marriage", "rq_mariage_mgf"},       {"fgm", "rq_mariage_mgf"}};
  return m;
}

// Child GBV (recommendation 9 of seed 002): the concerns the VBG section counts, by type field.
const std::map<std::string, std::string>& gbv_types() {
  static const std::map<std::string, std::string> m = {{"sexual_violence", "vbg_sexuelle"},
                                                      {"sexual_exploitation", "vbg_exploitation"},
                                                      {"child_marriage", "vbg_mariage"},
                                                      {"fgm", "vbg_mgf"}};
  return m;
}

std::string first_concern(const CaseRecord& c) {
  for (const char* form : {"1B", "2A"}) {
    const std::string list = c.field(form, form[0] == '1' ? "protection_concerns" : "risks_identified");
    const size_t start = list.find_first_not_of(" \t\n");
    if (start != std::string::npos) return list.substr(start, list.find_first_of(" \t\n", start) - start);
  }
  return "";
}

// The structure holding a case at time t: accepted (local) transfers move it.
std::string organisation_at(const CaseRecord& c, SimTime t, const World& w) {
  std::vector<const Transfer*> moves;
  for (const Transfer& tr : c.transfers)
    if (tr.status == "accepted" && !tr.remote) moves.push_back(&tr);
  if (moves.empty()) return c.organisation;
  std::sort(moves.begin(), moves.end(), [](const Transfer* a, const Transfer* b) { return a->responded_at < b->responded_at; });
  const User* from = w.find_user(moves.front()->from_user);
  std::string org = from ? from->organisation : c.organisation;
  for (const Transfer* tr : moves)
    if (tr->responded_at <= t) org = tr->to_organisation;
  return org;
}

bool active_at(const CaseRecord& c, SimTime t) {
  return c.opened_at && c.opened_at < t && (c.closed_at == 0 || c.closed_at >= t);
}

}  // namespace

std::string main_risk(const CaseRecord& c) {
  auto it = risk_groups().find(first_concern(c));
  return it == risk_groups().end() ? "rq_autre" : it->second;
}

std::map<std::string, std::int64_t> expected_figures(const CasesState& cases, const World& w,
                                                     const std::string& structure, int year, int month) {
  std::map<std::string, std::int64_t> f;
  for (const std::string& name : indicators()) f[name] = 0;
  const SimTime t0 = days_from_civil(year, month, 1) * 86400;
  const SimTime t1 = t0 + static_cast<SimTime>(days_in_month(year, month)) * 86400;
  const auto in = [&](SimTime t) { return t >= t0 && t < t1; };
  for (const CaseRecord& c : cases.records) {
    const std::string first_org = organisation_at(c, c.identified_at, w);
    if (in(c.identified_at) && first_org == structure) {
      ++f["nc_total"];
      const std::string group = age_group(c.age);
      if ((c.sex == "f" || c.sex == "m") && group != "inconnu" && group != "18+") ++f["nc_" + c.sex + "_" + group];
      ++f[main_risk(c)];
      auto gbv = gbv_types().find(first_concern(c));
      if (gbv != gbv_types().end()) {
        ++f["vbg_total"];
        ++f[gbv->second];
        if (c.sex == "f" || c.sex == "m") ++f["vbg_" + c.sex];
      }
    }
    if (active_at(c, t0) && organisation_at(c, t0 - 1, w) == structure) ++f["actifs_debut"];
    if (active_at(c, t1) && organisation_at(c, t1 - 1, w) == structure) ++f["actifs_fin"];
    if (c.closed_at && in(c.closed_at) && organisation_at(c, c.closed_at, w) == structure) ++f["clos"];
    auto plan = c.approvals.find("case_plan");
    if (plan != c.approvals.end() && plan->second.status == "approved" && in(plan->second.decided_at) &&
        organisation_at(c, plan->second.decided_at, w) == structure)
      ++f["plan_approuve"];
    for (const Referral& ref : c.referrals) {
      if (!in(ref.created_at)) continue;
      const std::string from = organisation_at(c, ref.created_at, w);
      if (from == structure) {
        ++f["ref_total"];
        ++f["ref_" + ref.service_type];
      }
      if (ref.to_organisation == structure && from != structure) ++f["ref_recues"];
    }
    for (const Transfer& tr : c.transfers) {
      if (tr.status != "accepted" || tr.remote || !in(tr.responded_at)) continue;
      if (tr.to_organisation == structure) ++f["tr_entrants"];
      if (organisation_at(c, tr.responded_at - 1, w) == structure) ++f["tr_sortants"];
    }
  }
  return f;
}

std::vector<ConsistencyReport> consistency(const ReportingState& r, const CasesState& cases, const World& w, int year) {
  std::map<std::pair<std::string, int>, const Submission*> reports;
  for (const Submission* s : effective_submissions(r))
    if (s->count("year") == year) reports[{s->value("structure"), static_cast<int>(s->count("month"))}] = s;
  std::vector<ConsistencyReport> out;
  for (const std::string& structure : reporting_structures(w)) {
    for (int month = 1; month <= 12; ++month) {
      const auto expected = expected_figures(cases, w, structure, year, month);
      auto it = reports.find({structure, month});
      ConsistencyReport rep;
      rep.structure = structure;
      rep.year = year;
      rep.month = month;
      rep.submitted = it != reports.end();
      if (rep.submitted) rep.submission = it->second->id;
      for (const std::string& name : indicators()) {
        const std::int64_t want = expected.at(name);
        const std::int64_t got = rep.submitted ? it->second->count(name) : 0;
        if (want != got) rep.discrepancies.push_back({name, got, want});
      }
      if (rep.submitted || !rep.discrepancies.empty()) out.push_back(std::move(rep));
    }
  }
  return out;
}

}  // namespace kalan::reporting
