#include "reporting/activity.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "core/apply.h"
#include "core/state.h"
#include "reporting/aggregate.h"
#include "reporting/expected.h"
#include "reporting/setup.h"

namespace kalan {

namespace {

using nlohmann::json;

constexpr SimTime kHour = 3600, kDay = 86400;

const char* kGirls[] = {"Aminata", "Fanta", "Mariam", "Kadiatou", "Oumou", "Awa", "Rokia", "Hawa", "Djeneba", "Salimata"};
const char* kBoys[] = {"Moussa", "Amadou", "Seydou", "Ibrahim", "Boubacar", "Hamidou", "Oumar", "Souleymane", "Adama", "Issa"};
const char* kFamilies[] = {"Diallo", "Guindo", "Kassogué", "Tembely", "Cissé", "Dicko", "Bocoum", "Sangaré", "Togo", "Maïga"};
const char* kConcerns[] = {"physical_violence", "psychological_violence", "sexual_violence", "neglect", "abandonment",
                           "separated", "unaccompanied", "armed_groups", "worst_forms_labour", "sexual_exploitation",
                           "forced_begging", "child_marriage", "fgm", "trafficking", "street_situation", "other"};
const char* kRisks[] = {"low", "medium", "high"};

struct Staff {
  std::string structure, worker, supervisor, location;
};

// One scripted step of a case: at a time, a command built when it runs (it may need ids created by
// earlier steps, such as the case or the transfer).
struct Step {
  SimTime at = 0;
  std::int64_t seq = 0;
  std::string actor;
  std::function<json()> body;
  std::size_t script = 0;  // the case it belongs to
};

struct CaseScript {
  std::string id, transfer;
};

template <std::size_t N>
const char* pick(Rng& rng, const char* (&list)[N]) {
  return list[rng.below(N)];
}

std::string fake_uuid(Rng& rng) {
  char buf[48];
  const std::uint64_t a = rng.next(), b = rng.next();
  std::snprintf(buf, sizeof buf, "uuid:%08llx-%04llx-4%03llx-a%03llx-%012llx", static_cast<unsigned long long>(a >> 32),
                static_cast<unsigned long long>((a >> 16) & 0xffff), static_cast<unsigned long long>(a & 0xfff),
                static_cast<unsigned long long>(b >> 52), static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

// Complete entries of the case forms the simulated workers fill (a draft could not be sent for
// approval), dated on the day they are saved.
json complete_entry(const std::string& form, SimTime at, int age) {
  const std::string day = format_iso_time(at).substr(0, 10);
  const std::string later = format_iso_time(at + 30 * 86400).substr(0, 10);
  if (form == "3A")
    return {{"plan_date", day}, {"plan_developed_with", "case_worker child caregiver"}, {"child_participated", "oui"},
            {"goals", json::array({{{"goal_domain", "health"}, {"goal", "Prise en charge"}, {"action", "Référencement"},
                                    {"responsible", "Gestionnaire de cas"}, {"due_date", later}}})},
            {"follow_up_frequency", "monthly"}, {"next_review_date", later}, {"case_worker_name", "Gestionnaire de cas"}};
  if (form == "6A")
    return {{"closure_request_date", day}, {"closure_reason", "goals_achieved"}, {"child_safe", "oui"}, {"goals_met", "all"},
            {"risk_level_at_closure", "low"}, {"pending_services", "non"}, {"child_informed", "oui"},
            {"closure_summary", "Objectifs atteints"}, {"case_worker_name", "Gestionnaire de cas"}};
  if (form == "6B")
    return {{"feedback_date", day}, {"interviewer_name", "Superviseur"}, {"child_age", std::to_string(age)},
            {"without_case_worker", "oui"}, {"felt_listened", "yes"}, {"treated_respectfully", "yes"},
            {"understood_decisions", "yes"}, {"feels_safe_now", "yes"}, {"services_helped", "yes"},
            {"satisfaction", "satisfied"}, {"complaint_raised", "non"}, {"supervisor_comment", "Objectifs atteints"}};
  return {{"feedback_date", day}, {"interviewer_name", "Superviseur"}, {"respondent_name", "Parent"},
          {"respondent_relationship", "mother"}, {"kept_informed", "yes"}, {"involved_in_decisions", "yes"},
          {"treated_respectfully", "yes"}, {"services_timely", "yes"}, {"child_situation", "improved"},
          {"able_to_care", "oui"}, {"satisfaction", "very_satisfied"}, {"complaint_raised", "non"},
          {"supervisor_comment", "Famille satisfaite"}};  // 6C
}

// The report a structure would send for a month: the case records' figures, as form strings.
json report_values(const State& s, const std::string& structure, int year, int month, bool referrals_as_new) {
  auto f = reporting::expected_figures(s.cases, s.world, structure, year, month);
  if (referrals_as_new && f["ref_recues"] > 0) {
    // The classic error of seed 002: children received by referral are counted again as new cases.
    f["nc_total"] += f["ref_recues"];
    f["nc_f_12_17"] += f["ref_recues"];
    f["rq_autre"] += f["ref_recues"];
    f["ref_recues"] = 0;
  }
  const reporting::Zone zone = reporting::structure_zone(s.world, structure);
  json v = {{"structure", structure},
            {"region", zone.region},
            {"cercle", zone.cercle},
            {"month", std::to_string(month)},
            {"year", std::to_string(year)}};
  const bool any = f["nc_total"] > 0;
  for (const auto& [name, n] : f) {
    const bool breakdown = name.compare(0, 3, "nc_") == 0 && name != "nc_total";
    if (!any && (breakdown || name.compare(0, 3, "rq_") == 0)) continue;
    if (f["ref_total"] == 0 && name.compare(0, 4, "ref_") == 0 && name != "ref_total" && name != "ref_recues") continue;
    if (f["vbg_total"] == 0 && name.compare(0, 4, "vbg_") == 0 && name != "vbg_total") continue;
    v[name] = std::to_string(n);
  }
  if (!any) v["raison_zero"] = "aucun_signalement";
  return v;
}

}  // namespace

ActivityResult simulate_reporting_year(State& s, const ReportingSetup& setup, std::uint64_t seed) {
  ActivityResult result;
  const SimTime saved_now = s.clock.now;
  Rng rng = Rng::from_seed(seed ^ 0x6b616c616e2d7270ULL);  // its own stream: the state's rng is untouched

  std::vector<Staff> staff;
  for (const std::string& id : reporting::reporting_structures(s.world)) {
    Staff st;
    st.structure = id;
    for (const User& u : s.world.users)
      if (u.organisation == id && u.role == "case_worker" && st.worker.empty()) st.worker = u.id, st.supervisor = u.supervisor;
    const Organisation* o = s.world.find_organisation(id);
    st.location = o ? o->location : "";
    staff.push_back(st);
  }
  std::vector<Step> steps;
  std::vector<CaseScript> scripts;
  std::int64_t seq = 0;
  const SimTime year_end = days_from_civil(setup.year + 1, 1, 1) * kDay;
  if (setup.simulate && !staff.empty()) {
    // Plan every case first: the random draws do not depend on the order steps run in.
    for (int month = 1; month <= 12; ++month)
      for (std::size_t si = 0; si < staff.size(); ++si) {
        const Staff& st = staff[si];
        const int n = setup.min_cases + static_cast<int>(rng.below(static_cast<std::uint64_t>(setup.max_cases - setup.min_cases + 1)));
        for (int k = 0; k < n; ++k) {
          const std::size_t sc = scripts.size();
          scripts.push_back({});
          const int day = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(days_in_month(setup.year, month))));
          const SimTime minute = static_cast<SimTime>(rng.below(8 * 60));  // drawn after the day, on every compiler
          SimTime t = days_from_civil(setup.year, month, day) * kDay + 8 * kHour + minute * 60;
          const bool girl = rng.below(2) == 0;
          // One draw per statement: the order of evaluation of a + b differs between compilers.
          const std::string first = girl ? pick(rng, kGirls) : pick(rng, kBoys);
          const std::string name = first + " " + pick(rng, kFamilies);
          const int age = static_cast<int>(rng.below(18));
          const char* concern = pick(rng, kConcerns);
          const char* risk = pick(rng, kRisks);
          const auto add = [&](SimTime at, const std::string& actor, std::function<json()> body) {
            steps.push_back({at, seq++, actor, std::move(body), sc});
          };
          const auto id = [&scripts, sc] { return scripts[sc].id; };
          add(t, st.worker, [=] {
            return json{{"type", "case.report"}, {"child_name", name}, {"age", age}, {"sex", girl ? "f" : "m"},
                        {"location", st.location}};
          });
          add(t + 1800, st.worker, [=] { return json{{"type", "case.open"}, {"case", id()}, {"risk_level", risk}}; });
          add(t + kHour, st.worker, [=] {
            return json{{"type", "case.form.save"}, {"case", id()}, {"form", "1A"},
                        {"values", {{"consent_giver", "parent"}, {"consent_services", "oui"}, {"consent_sharing", "oui"}}}};
          });
          add(t + 2 * kHour, st.worker, [=] {
            return json{{"type", "case.form.save"}, {"case", id()}, {"form", "1B"}, {"values", {{"protection_concerns", concern}}}};
          });
          SimTime cursor = t + 2 * kHour;
          if (rng.below(100) < 65) {  // a case plan, approved by the supervisor
            cursor += static_cast<SimTime>(3 + rng.below(18)) * kDay;
            add(cursor, st.worker, [=] {
              return json{{"type", "case.form.save"}, {"case", id()}, {"form", "3A"}, {"values", complete_entry("3A", cursor, age)}};
            });
            add(cursor + kHour, st.worker,
                [=] { return json{{"type", "case.approval.request"}, {"case", id()}, {"kind", "case_plan"}}; });
            cursor += kDay;
            add(cursor, st.supervisor, [=] {
              return json{{"type", "case.approval.decide"}, {"case", id()}, {"kind", "case_plan"}, {"decision", "approve"}};
            });
          }
          if (rng.below(100) < 50 && !s.world.services.empty()) {  // a referral to a service
            const Service& svc = s.world.services[rng.below(s.world.services.size())];
            cursor += static_cast<SimTime>(1 + rng.below(20)) * kDay;
            const std::string service = svc.id;
            add(cursor, st.worker, [=] { return json{{"type", "case.referral.create"}, {"case", id()}, {"service", service}}; });
          }
          const bool transfer = staff.size() > 1 && rng.below(100) < 7;
          if (transfer) {  // to the worker of another structure, who accepts the next day
            std::size_t other = rng.below(staff.size() - 1);
            if (other >= si) ++other;
            const std::string to = staff[other].worker;
            cursor += static_cast<SimTime>(5 + rng.below(30)) * kDay;
            add(cursor, st.worker, [=] { return json{{"type", "case.transfer.create"}, {"case", id()}, {"to_user", to}}; });
            cursor += kDay;
            add(cursor, to, [=, &scripts] {
              return json{{"type", "case.transfer.respond"}, {"case", id()}, {"transfer", scripts[sc].transfer}, {"decision", "accept"}};
            });
          } else if (rng.below(100) < 50) {  // closure: 6.A, approval with the supervisor's 6.B and 6.C, close
            cursor += static_cast<SimTime>(20 + rng.below(130)) * kDay;
            add(cursor, st.worker, [=] {
              return json{{"type", "case.form.save"}, {"case", id()}, {"form", "6A"}, {"values", complete_entry("6A", cursor, age)}};
            });
            add(cursor + kHour, st.worker, [=] { return json{{"type", "case.approval.request"}, {"case", id()}, {"kind", "closure"}}; });
            cursor += kDay;
            add(cursor, st.supervisor, [=] {
              return json{{"type", "case.form.save"}, {"case", id()}, {"form", "6B"}, {"values", complete_entry("6B", cursor, age)}};
            });
            add(cursor + 600, st.supervisor, [=] {
              return json{{"type", "case.form.save"}, {"case", id()}, {"form", "6C"}, {"values", complete_entry("6C", cursor, age)}};
            });
            add(cursor + 1200, st.supervisor, [=] {
              return json{{"type", "case.approval.decide"}, {"case", id()}, {"kind", "closure"}, {"decision", "approve"}};
            });
            cursor += kDay;
            add(cursor, st.worker, [=] { return json{{"type", "case.close"}, {"case", id()}}; });
          }
        }
      }
    result.cases = static_cast<int>(scripts.size());
  }
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.at != b.at ? a.at < b.at : a.seq < b.seq;
  });
  for (Step& step : steps) {
    if (step.at >= year_end) continue;  // beyond the simulated year
    json body = step.body();
    if (body.contains("case") && body["case"] == "") continue;  // its case was never created
    body["actor"] = step.actor;
    Diagnostics errors;
    auto cmd = parse_command(body, "", errors);
    s.clock.now = step.at;
    ApplyResult r = cmd ? apply(s, *cmd, false) : ApplyResult::refuse("command_refused", {"?", "parse"});
    ++result.commands;
    if (!r.ok) {
      result.refusals.push_back(body.dump() + ": " + render_message(r.error.code, r.error.args));
      continue;
    }
    const std::string type = body["type"];
    CaseScript& sc = scripts[step.script];
    if (type == "case.report") sc.id = s.cases.records.back().id;
    if (type == "case.transfer.create") sc.transfer = s.cases.find(sc.id)->transfers.back().id;
  }
  // Reports already received: sent on the 5th of the next month by each structure's worker.
  for (int month = 1; month <= setup.prefill_through; ++month)
    for (const Staff& st : staff) {
      auto miss = setup.missing.find(st.structure);
      if (miss != setup.missing.end() && std::count(miss->second.begin(), miss->second.end(), month)) continue;
      const bool wrong = std::count(setup.referrals_as_new.begin(), setup.referrals_as_new.end(), st.structure) > 0;
      const int y = month == 12 ? setup.year + 1 : setup.year, m = month == 12 ? 1 : month + 1;
      s.clock.now = days_from_civil(y, m, 5) * kDay + 10 * kHour;
      json body = {{"type", "reporting.submit"}, {"actor", st.worker}, {"instance", fake_uuid(rng)},
                   {"values", report_values(s, st.structure, setup.year, month, wrong)}};
      Diagnostics errors;
      auto cmd = parse_command(body, "", errors);
      ApplyResult r = cmd ? apply(s, *cmd, false) : ApplyResult::refuse("command_refused", {"?", "parse"});
      if (r.ok) ++result.reports;
      else result.refusals.push_back(body.dump() + ": " + render_message(r.error.code, r.error.args));
    }
  s.clock.now = saved_now;
  return result;
}

}  // namespace kalan
