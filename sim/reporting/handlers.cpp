// The reporting commands: a device per user (drafts, finalize, outbox) and the server that receives
// submissions (duplicates by instanceID, edits by deprecatedID, validation status); PSEA complaints.
#include <algorithm>
#include <utility>

#include "core/apply.h"
#include "core/args.h"
#include "core/state.h"
#include "reporting/aggregate.h"
#include "reporting/monthly.h"
#include "reporting/psea.h"

namespace kalan {

namespace {

using nlohmann::json;

forms::EvalContext context(const State& s) {
  forms::EvalContext ctx;
  ctx.now = s.clock.now;
  ctx.seed = s.rng.s[0];
  return ctx;
}

// KoboCollect instance ids are "uuid:" followed by the client's identifier.
bool valid_instance(const std::string& id) { return id.size() > 5 && id.compare(0, 5, "uuid:") == 0; }

// The first issue, as a refusal naming the field and its French message.
ApplyResult refuse_issue(const std::vector<forms::Issue>& issues) {
  const forms::Issue& i = issues.front();
  return ApplyResult::refuse("form_invalid", {reporting::kMonthlyFormId, i.field, i.message.fr});
}

// A focal point reports for their own structure; information managers and coordinators for any.
bool may_report_for(const Actor& a, const std::string& structure) {
  if (a.kind != Actor::Kind::user) return true;
  if (a.may({"information_manager", "coordinator"})) return true;
  return a.user->organisation == structure;
}

// The server receives one report. A known instanceID is a duplicate (no change); a deprecatedID
// names the version it replaces, which is kept in the history.
ApplyResult receive(State& s, const Actor& a, const std::string& instance, const std::string& deprecated,
                    const json& values) {
  if (!valid_instance(instance)) return ApplyResult::refuse("report_bad_instance", {instance});
  ReportingState& rep = s.reporting;
  ApplyResult r;
  if (const Submission* dup = rep.find_by_uuid(instance)) {
    r.emit(a.record_events, s.clock.now, "reporting.duplicate",
           [&] { return json{{"instance", instance}, {"_id", dup->id}}; });
    return r;
  }
  forms::Validation v = reporting::validate_monthly(values, s.world, context(s), forms::Output::texts);
  if (!v.ok()) return refuse_issue(v.issues);
  ReportValues answers(std::move(v.texts));
  const std::string structure = answers.text("structure");
  if (!may_report_for(a, structure)) return ApplyResult::refuse("report_other_structure", {a.id, structure});
  Submission* target = nullptr;
  if (!deprecated.empty()) {
    for (auto& sub : rep.submissions)
      if (sub.uuid == deprecated) target = &sub;
    if (!target) {
      if (rep.find_by_uuid(deprecated)) return ApplyResult::refuse("report_stale_edit", {deprecated});
      return ApplyResult::refuse("unknown_ref", {"@submission", deprecated});
    }
    target->history.push_back({target->uuid, std::move(target->values), target->submitted_at, target->submitted_by});
    target->deprecated = deprecated;
  } else {
    rep.submissions.emplace_back();
    target = &rep.submissions.back();
    target->id = rep.next_submission++;
  }
  target->uuid = instance;
  target->values = std::move(answers);
  target->submitted_at = s.clock.now;
  target->submitted_by = a.id;
  r.emit(a.record_events, s.clock.now, deprecated.empty() ? "reporting.received" : "reporting.edited", [&] {
    return json{{"_id", target->id}, {"instance", instance}, {"structure", structure},
                {"version", target->history.size() + 1}};
  });
  return r;
}

Draft* find_draft(State& s, const Actor& a, const json& args, ApplyResult& refusal) {
  const std::string instance = string_arg(args, "instance");
  Device* dev = s.reporting.find_device(a.id);
  Draft* d = dev ? dev->find(instance) : nullptr;
  if (!d) refusal = ApplyResult::refuse("unknown_ref", {"@draft", instance});
  return d;
}

ApplyResult draft_save(State& s, const Actor& a, const json& args) {
  const std::string instance = string_arg(args, "instance"), deprecated = string_arg(args, "deprecated");
  if (!valid_instance(instance)) return ApplyResult::refuse("report_bad_instance", {instance});
  if (!deprecated.empty() && !s.reporting.find_by_uuid(deprecated))
    return ApplyResult::refuse("unknown_ref", {"@submission", deprecated});
  if (s.reporting.find_by_uuid(instance)) return ApplyResult::refuse("report_already_sent", {instance});
  Device& dev = s.reporting.device(a.id);
  Draft* d = dev.find(instance);
  if (d && d->status == "queued") return ApplyResult::refuse("report_queued", {instance});
  if (!d) {
    dev.drafts.emplace_back();
    d = &dev.drafts.back();
    d->instance = instance;
  }
  d->deprecated = deprecated;
  d->values = args.at("values");
  d->status = "draft";
  d->saved_at = s.clock.now;
  // A draft may be incomplete: its issues are reported for the fields, not refused.
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "reporting.draft_saved", [&] {
    const forms::Validation v = reporting::validate_monthly(d->values, s.world, context(s));
    return json{{"instance", instance}, {"issues", forms::issues_to_json(v.issues)}};
  });
  return r;
}

ApplyResult draft_discard(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  Draft* d = find_draft(s, a, args, refusal);
  if (!d) return refusal;
  if (d->status == "queued") return ApplyResult::refuse("report_queued", {d->instance});
  auto& drafts = s.reporting.device(a.id).drafts;
  drafts.erase(drafts.begin() + (d - drafts.data()));
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "reporting.draft_discarded", [&] { return json{{"instance", string_arg(args, "instance")}}; });
  return r;
}

ApplyResult finalize(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  Draft* d = find_draft(s, a, args, refusal);
  if (!d) return refusal;
  if (d->status == "queued") return ApplyResult::refuse("report_queued", {d->instance});
  forms::Validation v = reporting::validate_monthly(d->values, s.world, context(s));
  if (!v.ok()) return refuse_issue(v.issues);
  if (!may_report_for(a, v.values.value("structure", "")))
    return ApplyResult::refuse("report_other_structure", {a.id, v.values.value("structure", "")});
  d->values = std::move(v.values);
  d->status = "finalized";
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "reporting.finalized", [&] { return json{{"instance", d->instance}}; });
  return r;
}

// Sends the drafts of a device with one of `statuses`, in order; all or nothing.
ApplyResult flush(State& s, const Actor& a, const std::string& only, std::initializer_list<const char*> statuses) {
  ReportingState backup = s.reporting;
  ApplyResult out;
  auto& drafts = s.reporting.device(a.id).drafts;
  for (std::size_t i = 0; i < drafts.size();) {
    const Draft d = drafts[i];
    bool wanted = only.empty() || d.instance == only;
    bool status_ok = false;
    for (const char* st : statuses) status_ok = status_ok || d.status == st;
    if (!wanted || !status_ok) {
      ++i;
      continue;
    }
    ApplyResult r = receive(s, a, d.instance, d.deprecated, d.values);
    if (!r.ok) {
      s.reporting = std::move(backup);
      return r;
    }
    for (auto& e : r.events) out.events.push_back(std::move(e));
    auto& list = s.reporting.device(a.id).drafts;
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return out;
}

ApplyResult send(State& s, const Actor& a, const json& args) {
  const std::string only = string_arg(args, "instance");
  Device* found = s.reporting.find_device(a.id);
  if (!found) return ApplyResult::refuse("report_nothing_to_send", {a.id});
  Device& dev = *found;
  if (!only.empty()) {
    const Draft* d = dev.find(only);
    if (!d) return ApplyResult::refuse("unknown_ref", {"@draft", only});
    if (d->status == "draft") return ApplyResult::refuse("report_not_finalized", {only});
  }
  if (dev.online) return flush(s, a, only, {"finalized"});
  // Offline: finalized reports wait in the outbox.
  ApplyResult r;
  for (auto& d : dev.drafts)
    if (d.status == "finalized" && (only.empty() || d.instance == only)) {
      d.status = "queued";
      r.emit(a.record_events, s.clock.now, "reporting.queued", [&] { return json{{"instance", d.instance}}; });
    }
  return r;
}

ApplyResult set_online(State& s, const Actor& a, const json& args) {
  const bool online = args.at("online").get<bool>();
  Device& dev = s.reporting.device(a.id);
  const bool was = dev.online;
  dev.online = online;
  if (!online || was) {
    ApplyResult r;
    r.emit(a.record_events, s.clock.now, "reporting.connectivity", [&] { return json{{"online", online}}; });
    return r;
  }
  ApplyResult r = flush(s, a, "", {"queued"});
  if (!r.ok) s.reporting.device(a.id).online = was;
  return r;
}

ApplyResult submit(State& s, const Actor& a, const json& args) {
  return receive(s, a, string_arg(args, "instance"), string_arg(args, "deprecated"), args.at("values"));
}

ApplyResult set_validation(State& s, const Actor& a, const json& args) {
  if (!a.may({"information_manager", "coordinator"})) return forbidden(a, ReportingTable::kTypes[6]);
  const std::int64_t id = args.at("submission").get<std::int64_t>();
  Submission* sub = s.reporting.find_submission(id);
  if (!sub) return ApplyResult::refuse("unknown_ref", {"@submission", std::to_string(id)});
  sub->validation = string_arg(args, "status");
  sub->validated_by = a.id;
  sub->validated_at = s.clock.now;
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "reporting.validated",
         [&] { return json{{"_id", id}, {"status", sub->validation}}; });
  return r;
}

const char* kMonths[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                         "novembre", "décembre"};
const char* kMonthsEn[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"};

// "mars 2024" / "March 2024", as a bilingual message argument.
std::string month_label(int year, int month) {
  const std::string y = " " + std::to_string(year);
  return std::string(1, kBilingual) + kMonths[month - 1] + y + kBilingual + kMonthsEn[month - 1] + y;
}

// A reminder to a structure whose report for a month has not arrived: recorded, and sent to the
// structure's case workers (focal points) as a message. Refused when the report is there.
ApplyResult send_reminder(State& s, const Actor& a, const json& args) {
  if (!a.may({"information_manager", "coordinator"})) return forbidden(a, ReportingTable::kTypes[10]);
  const std::string structure = string_arg(args, "structure");
  const int month = static_cast<int>(args.at("month").get<std::int64_t>());
  const CivilDate today = civil_from_days(s.clock.now / 86400);
  // Without a year: the last such month that has ended (in January 2025, March is March 2024).
  const int year = args.contains("year") ? static_cast<int>(args.at("year").get<std::int64_t>())
                                         : (month < today.month ? today.year : today.year - 1);
  const auto expected = reporting::reporting_structures(s.world);
  if (std::find(expected.begin(), expected.end(), structure) == expected.end())
    return ApplyResult::refuse("report_not_expected", {structure});
  if (year > today.year || (year == today.year && month >= today.month))
    return ApplyResult::refuse("report_not_due", {month_label(year, month)});
  for (const Submission* sub : reporting::effective_submissions(s.reporting))
    if (sub->value("structure") == structure && sub->count("year") == year && sub->count("month") == month)
      return ApplyResult::refuse("report_already_received", {structure, month_label(year, month)});
  Reminder m{structure, year, month, a.id, s.clock.now, string_arg(args, "note")};
  s.reporting.reminders.push_back(m);
  json to = json::array();
  for (const User& u : s.world.users) {
    if (u.organisation != structure || u.role != "case_worker" || !u.active) continue;
    UserMessage msg;
    msg.id = static_cast<std::int64_t>(s.messages.items.size()) + 1;
    msg.at = s.clock.now;
    msg.from = a.id;
    msg.to = u.id;
    msg.text = "Relance : le rapport mensuel de " + std::string(kMonths[month - 1]) + " " + std::to_string(year) +
               " n'est pas arrivé. Merci de l'envoyer." + (m.note.empty() ? "" : " " + m.note);
    s.messages.items.push_back(std::move(msg));
    to.push_back(u.id);
  }
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "reporting.reminder_sent", [&] {
    return json{{"structure", structure}, {"year", year}, {"month", month}, {"to", to}};
  });
  return r;
}

}  // namespace

ApplyResult ReportingTable::apply(State& s, const Actor& a, std::size_t n, const json& args) {
  switch (n) {
    case 0: return draft_save(s, a, args);
    case 1: return draft_discard(s, a, args);
    case 2: return finalize(s, a, args);
    case 3: return send(s, a, args);
    case 4: return set_online(s, a, args);
    case 5: return submit(s, a, args);
    case 6: return set_validation(s, a, args);
    case 7: return reporting::complaint_create(s, a, args);
    case 8: return reporting::complaint_refer(s, a, args);
    case 9: return reporting::complaint_respond(s, a, args);
    case 10: return send_reminder(s, a, args);
    default: return ApplyResult::refuse("command_refused", {"?", std::to_string(n)});
  }
}

}  // namespace kalan
