#include "reporting/psea.h"

#include <cstdio>
#include <map>
#include <tuple>

#include "core/apply.h"
#include "core/args.h"
#include "core/state.h"

namespace kalan::reporting {

namespace {

using nlohmann::json;

// Who runs the complaint mechanism: receives complaints, refers survivors, answers complainants.
bool may_handle(const Actor& a) {
  return a.may({"case_worker", "supervisor", "information_manager", "coordinator", "service_provider"});
}

Complaint* find(State& s, const json& args, ApplyResult& refusal) {
  const std::string id = string_arg(args, "complaint");
  Complaint* c = s.reporting.find_complaint(id);
  if (!c) refusal = ApplyResult::refuse("unknown_ref", {"@complaint", id});
  return c;
}

}  // namespace

std::string age_group(int age) {
  if (age < 0) return "inconnu";
  if (age <= 5) return "0_5";
  if (age <= 11) return "6_11";
  if (age <= 17) return "12_17";
  return "18+";
}

ApplyResult complaint_create(State& s, const Actor& a, const json& args) {
  if (!may_handle(a)) return forbidden(a, "psea.complaint.create");
  // A complaint may be recorded after it arrived (a complaint box opened on Fridays): `received`
  // dates it, never in the future; the delays of the indicators run from it.
  SimTime received = s.clock.now;
  if (const std::string when = string_arg(args, "received"); !when.empty()) {
    auto t = parse_iso_time(when);
    if (!t) return ApplyResult::refuse("bad_time", {when});
    if (*t > s.clock.now) return ApplyResult::refuse("psea_received_future", {when});
    received = *t;
  }
  Complaint c;
  char id[32];
  std::snprintf(id, sizeof id, "PSEA-%04lld", static_cast<long long>(s.reporting.next_complaint));
  c.id = id;
  c.channel = string_arg(args, "channel");
  c.received_at = received;
  c.age = args.at("age").get<int>();
  c.sex = string_arg(args, "sex");
  c.type = string_arg(args, "complaint_type");
  c.structure = string_arg(args, "structure");
  if (c.structure.empty() && a.user) c.structure = a.user->organisation;
  c.received_by = a.id;
  c.note = string_arg(args, "note");
  ++s.reporting.next_complaint;
  s.reporting.complaints.push_back(c);
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "psea.complaint_received", [&] { return json{{"complaint", c.id}}; });
  return r;
}

ApplyResult complaint_refer(State& s, const Actor& a, const json& args) {
  if (!may_handle(a)) return forbidden(a, "psea.complaint.refer");
  ApplyResult refusal;
  Complaint* c = find(s, args, refusal);
  if (!c) return refusal;
  if (c->referred_at) return ApplyResult::refuse("psea_already", {c->id, "@psea_referral"});
  const std::string service = string_arg(args, "service");
  if (!service.empty() && !s.world.find_service(service)) return ApplyResult::refuse("unknown_ref", {"@service", service});
  c->referred_at = s.clock.now;
  c->referred_to = service;
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "psea.complaint_referred",
         [&] { return json{{"complaint", c->id}, {"hours", (c->referred_at - c->received_at) / 3600}}; });
  return r;
}

ApplyResult complaint_respond(State& s, const Actor& a, const json& args) {
  if (!may_handle(a)) return forbidden(a, "psea.complaint.respond");
  ApplyResult refusal;
  Complaint* c = find(s, args, refusal);
  if (!c) return refusal;
  if (c->answered_at) return ApplyResult::refuse("psea_already", {c->id, "@response"});
  c->answered_at = s.clock.now;
  c->response = string_arg(args, "response");
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "psea.complaint_answered", [&] { return json{{"complaint", c->id}}; });
  return r;
}

std::vector<PseaRow> psea_indicators(const std::vector<Complaint>& complaints) {
  // (year, quarter) -> (age group, sex) -> row; "total" sorts after the groups.
  std::map<std::pair<int, int>, std::map<std::pair<std::string, std::string>, PseaRow>> cells;
  for (const Complaint& c : complaints) {
    const CivilDate d = civil_from_days(c.received_at / 86400);
    const int q = (d.month - 1) / 3 + 1;
    const bool referred = c.referred_at && c.referred_at - c.received_at <= kReferralDeadline;
    const bool answered = c.answered_at && c.answered_at - c.received_at <= kResponseDeadline;
    for (auto key : {std::make_pair(age_group(c.age), c.sex), std::make_pair(std::string("~total"), std::string("total"))}) {
      PseaRow& row = cells[{d.year, q}][key];
      row.year = d.year;
      row.quarter = q;
      row.age_group = key.first == "~total" ? "total" : key.first;
      row.sex = key.second;
      ++row.complaints;
      row.referred_72h += referred;
      row.answered_7d += answered;
    }
  }
  std::vector<PseaRow> out;
  for (auto& [quarter, rows] : cells)
    for (auto& [key, row] : rows) out.push_back(row);
  return out;
}

}  // namespace kalan::reporting
