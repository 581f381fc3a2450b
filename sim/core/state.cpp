#include "core/state.h"

#include <algorithm>

#include "core/hash.h"
#include "reporting/activity.h"
#include "scenario/scenario.h"

namespace kalan {

State initial_state(const Scenario& scenario) {
  State s;
  s.world = scenario.world;
  s.world.reindex();
  s.clock.start = scenario.start;
  s.clock.now = scenario.start;
  s.rng = Rng::from_seed(scenario.seed);
  s.sms.settings = scenario.sms;
  s.cases.policy = scenario.case_policy;
  for (const Contact& c : scenario.world.contacts) {
    flows::FlowContact fc;
    fc.uuid = world_contact_uuid(c.id);
    fc.name = c.name;
    fc.language = c.language;
    fc.urns = {c.phone};
    for (const auto& g : c.groups) {
      const flows::Ref* ref = scenario.sms.assets ? scenario.sms.assets->group_by_name(g) : nullptr;
      fc.groups.push_back(ref ? ref->uuid : g);
    }
    fc.fields = c.fields;
    fc.created_on = scenario.start;
    s.sms.contacts.push_back(std::move(fc));
  }
  s.schedule.reserve(scenario.timeline.size());
  for (size_t i = 0; i < scenario.timeline.size(); ++i) {
    const TimelineEntry& e = scenario.timeline[i];
    s.schedule.push_back(ScheduledEntry{e.at, static_cast<std::int64_t>(i), e.label, e.command});
  }
  std::stable_sort(s.schedule.begin(), s.schedule.end(),
                   [](const ScheduledEntry& a, const ScheduledEntry& b) { return a.at < b.at; });
  if (scenario.reporting.simulate || scenario.reporting.prefill_through) {
    simulate_reporting_year(s, scenario.reporting, scenario.seed);
    s.commands_applied = 0;  // the simulated past is part of the starting state, not of the session
  }
  return s;
}

nlohmann::json canonical_state(const State& s) {
  using nlohmann::json;
  json rng = json::array();
  for (auto w : s.rng.s) rng.push_back(hex16(w));
  json schedule = json::array();
  for (size_t i = s.schedule_cursor; i < s.schedule.size(); ++i) {
    const ScheduledEntry& e = s.schedule[i];
    schedule.push_back(
        {{"at", format_iso_time(e.at)}, {"seq", e.seq}, {"label", e.label}, {"command", command_to_json(e.command)}});
  }
  json j{{"format", "kalan-state"},
              {"version", 1},
              {"clock", {{"start", format_iso_time(s.clock.start)}, {"now", format_iso_time(s.clock.now)}}},
              {"rng", std::move(rng)},
              {"world", world_to_json(s.world)},
              {"schedule", std::move(schedule)},
              {"commands_applied", s.commands_applied},
              {"messages", messages_to_json(s.messages)},
              {"sms", sms_to_json(s.sms)},
              {"cases", cases_to_json(s.cases)}};
  // Only once used, so that states without reporting keep their hashes.
  if (!s.reporting.empty()) j["reporting"] = reporting_to_json(s.reporting);
  if (!s.answers.items.empty()) j["answers"] = answers_to_json(s.answers);
  if (!s.exercises_started.empty()) j["exercises"] = {{"started", s.exercises_started}};
  return j;
}

std::uint64_t state_hash(const State& s) { return canonical_hash(canonical_state(s)); }

}  // namespace kalan
