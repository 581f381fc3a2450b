#include "clock/clock.h"

#include "cases/workflow.h"
#include "core/apply.h"
#include "sms/channel.h"

namespace kalan {

std::optional<ClockAdvance> ClockAdvance::parse(ObjectReader& r) {
  const int given = int(r.has("minutes")) + int(r.has("hours")) + int(r.has("days"));
  if (given != 1) {
    r.error("", "one_amount");
    r.get("minutes"), r.get("hours"), r.get("days");
    return std::nullopt;
  }
  ClockAdvance c;
  constexpr std::int64_t kMaxMinutes = 10LL * 366 * 24 * 60;
  if (r.has("minutes")) {
    auto n = r.integer("minutes", 1, kMaxMinutes);
    if (!n) return std::nullopt;
    c.seconds = *n * 60;
    c.unit = "minutes";
  } else if (r.has("hours")) {
    auto n = r.integer("hours", 1, kMaxMinutes / 60);
    if (!n) return std::nullopt;
    c.seconds = *n * 3600;
    c.unit = "hours";
  } else {
    auto n = r.integer("days", 1, kMaxMinutes / 1440);
    if (!n) return std::nullopt;
    c.seconds = *n * 86400;
    c.unit = "days";
  }
  return c;
}

void ClockAdvance::write(nlohmann::json& j) const {
  const std::int64_t per = unit == "days" ? 86400 : unit == "hours" ? 3600 : 60;
  j[unit] = seconds / per;
}

std::optional<ClockAdvanceTo> ClockAdvanceTo::parse(ObjectReader& r) {
  auto at = r.time("at");
  if (!at) return std::nullopt;
  return ClockAdvanceTo{*at};
}

void ClockAdvanceTo::write(nlohmann::json& j) const { j["at"] = format_iso_time(at); }

namespace {

// The earliest deadline of the systems: a flow's timeout or expiration, or a case's overdue item.
SimTime next_deadline(const State& s) {
  const SimTime sms = sms_next_deadline(s);
  const SimTime cases = cases_next_deadline(s);
  if (sms == 0 || (cases > 0 && cases < sms)) return cases;
  return sms;
}

// Fires, in time order, every scheduled entry and every deadline of the systems (flow timeouts and
// expirations) due at or before `until`, then sets the clock to `until`.
void run_until(State& s, SimTime until, bool record, ApplyResult& out) {
  std::vector<Event>& events = out.events;
  const SimTime from = s.clock.now;
  for (;;) {
    const ScheduledEntry* e = s.next_scheduled();
    const SimTime deadline = next_deadline(s);
    const bool entry_due = e && e->at <= until;
    const bool deadline_due = deadline > 0 && deadline <= until;
    if (!entry_due && !deadline_due) break;
    // A deadline strictly before the next entry goes first; at the same time, the script goes first.
    if (deadline_due && (!entry_due || deadline < e->at)) {
      if (deadline > s.clock.now) s.clock.now = deadline;
      sms_fire_deadlines(s, record, events);
      cases_fire_deadlines(s, record, events);
      continue;
    }
    // Copy: the handler may read the schedule, and the cursor moves before it runs.
    const ScheduledEntry entry = *e;
    ++s.schedule_cursor;
    if (entry.at > s.clock.now) s.clock.now = entry.at;
    out.emit(record, s.clock.now, "timeline.fired", [&] {
      return nlohmann::json{{"seq", entry.seq}, {"label", entry.label}, {"command", command_type(entry.command)}};
    });
    ApplyResult r = apply(s, entry.command, record);
    if (r.ok) {
      for (auto& ev : r.events) events.push_back(std::move(ev));
    } else {
      // Always recorded: a scenario check looks for these even when replaying silently.
      events.push_back(Event{s.clock.now, "timeline.failed",
                             {{"seq", entry.seq},
                              {"code", r.error.code},
                              {"message", render_message(r.error.code, r.error.args)}}});
    }
  }
  if (until > s.clock.now) s.clock.now = until;
  out.emit(record, s.clock.now, "clock.advanced", [&] { return nlohmann::json{{"from", from}, {"to", s.clock.now}}; });
}

bool may_move_clock(const Actor& a) { return a.kind != Actor::Kind::user; }

}  // namespace

ApplyResult apply_command(State& s, const Actor& a, const ClockAdvance& c) {
  if (!may_move_clock(a)) return forbidden(a, ClockAdvance::kType);
  ApplyResult r;
  run_until(s, s.clock.now + c.seconds, a.record_events, r);
  return r;
}

ApplyResult apply_command(State& s, const Actor& a, const ClockAdvanceTo& c) {
  if (!may_move_clock(a)) return forbidden(a, ClockAdvanceTo::kType);
  if (c.at < s.clock.now)
    return ApplyResult::refuse("clock_backwards", {format_iso_time(c.at), format_iso_time(s.clock.now)});
  ApplyResult r;
  run_until(s, c.at, a.record_events, r);
  return r;
}

ApplyResult apply_command(State& s, const Actor& a, const ClockNext&) {
  if (!may_move_clock(a)) return forbidden(a, ClockNext::kType);
  // The next thing scheduled: a scripted event, or a flow's timeout or expiration.
  const ScheduledEntry* next = s.next_scheduled();
  const SimTime deadline = next_deadline(s);
  if (!next && deadline == 0) return ApplyResult::refuse("no_scheduled_event");
  SimTime at = next ? next->at : deadline;
  if (deadline > 0 && deadline < at) at = deadline;
  ApplyResult r;
  run_until(s, std::max(at, s.clock.now), a.record_events, r);
  return r;
}

}  // namespace kalan
