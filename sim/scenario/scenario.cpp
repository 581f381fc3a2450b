#include "scenario/scenario.h"

#include <algorithm>
#include <exception>

#include "core/apply.h"
#include "core/reader.h"
#include "core/state.h"

namespace kalan {

namespace {

constexpr std::int64_t kMaxSpan = 10LL * 366 * 86400;  // a scenario covers at most ten years

ScenarioMeta parse_meta(ObjectReader& root, Diagnostics& out) {
  ScenarioMeta m;
  const nlohmann::json* v = root.required("meta");
  if (!v) return m;
  ObjectReader r(*v, root.path_of("meta"), out);
  if (!r.is_object()) return m;
  m.title = r.string("title").value_or("");
  m.language = r.one_of("language", {"fr", "en"}, "@language", false).value_or("fr");
  m.description = r.string("description", false, true).value_or("");
  m.objectives = r.strings("objectives", false).value_or(std::vector<std::string>{});
  r.reject_unknown_keys();
  return m;
}

void parse_timeline(ObjectReader& root, Scenario& s, bool start_known, Diagnostics& out) {
  const nlohmann::json* list = root.array("timeline", false);
  if (!list) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = path_join(root.path_of("timeline"), i);
    ObjectReader r((*list)[i], p, out);
    if (!r.is_object()) continue;
    TimelineEntry e;
    const bool has_at = r.has("at"), has_after = r.has("after");
    std::optional<SimTime> at;
    if (has_at && has_after) {
      r.error("", "at_or_after");
      r.get("at");
      r.get("after");
    } else if (has_at) {
      at = r.time("at");
    } else if (has_after) {
      if (auto d = r.duration("after")) at = s.start + *d;
    } else {
      r.error("", "need_at_or_after");
    }
    if (!start_known) {
      // Without a valid start, "too early" or "too late" would only repeat the clock's error.
    } else if (at && *at < s.start) {
      r.error(has_at ? "at" : "after", "before_start", {format_iso_time(*at), format_iso_time(s.start)});
      at.reset();
    } else if (at && *at - s.start > kMaxSpan) {
      r.error(has_at ? "at" : "after", "too_far", {format_iso_time(*at)});
      at.reset();
    }
    e.at = at.value_or(s.start);
    e.label = r.string("label", false).value_or("");
    if (const nlohmann::json* ev = r.object("event")) {
      const std::string ep = r.path_of("event");
      if (auto cmd = parse_command(*ev, ep, out, true)) {
        if (cmd->actor != kSystem && cmd->actor != kTrainer && !s.world.find_user(cmd->actor))
          add_error(out, ep + "/actor", "unknown_ref", {"@user", cmd->actor});
        check_command_refs(*cmd, s.world, ep, out);
        if (std::holds_alternative<ClockAdvance>(cmd->body) || std::holds_alternative<ClockAdvanceTo>(cmd->body) ||
            std::holds_alternative<ClockNext>(cmd->body))
          add_error(out, ep + "/type", "nested_timeline");
        e.command = std::move(*cmd);
      }
    }
    r.reject_unknown_keys();
    s.timeline.push_back(std::move(e));
  }
}

// Plays the timeline once so that a scripted event the core would refuse is reported at load time.
void dry_run_timeline(const Scenario& s, Diagnostics& out) {
  State state = initial_state(s);
  const Command next{kSystem, "", ClockNext{}};
  while (state.next_scheduled()) {
    ApplyResult r = apply(state, next, false);
    if (!r.ok) break;
    for (const Event& e : r.events) {
      if (e.type != "timeline.failed") continue;
      const auto seq = e.data.value("seq", std::int64_t{0});
      add_error(out, path_join("/timeline", static_cast<size_t>(seq)) + "/event", "timeline_failed",
                {std::to_string(seq), e.data.value("message", std::string())});
    }
  }
}

ScenarioLoad load_checked(const nlohmann::json& value) {
  ScenarioLoad result;
  Diagnostics& out = result.errors;
  Scenario s;
  ObjectReader root(value, "", out);
  if (!root.is_object()) return result;

  if (auto format = root.string("format")) {
    if (*format != kScenarioFormat) root.error("format", "bad_format", {*format, kScenarioFormat});
  }
  if (auto version = root.integer("version", 0, 1000000)) {
    if (*version != kScenarioVersion)
      root.error("version", "bad_version", {std::to_string(*version), std::to_string(kScenarioVersion)});
  }
  s.meta = parse_meta(root, out);
  bool start_known = false;
  if (const nlohmann::json* clock = root.required("clock")) {
    ObjectReader c(*clock, root.path_of("clock"), out);
    if (c.is_object()) {
      auto start = c.time("start");
      start_known = start.has_value();
      s.start = start.value_or(0);
      c.reject_unknown_keys();
    }
  }
  s.seed = static_cast<std::uint64_t>(root.integer("seed", 0, INT64_MAX, false).value_or(1));
  s.sms = parse_sms_settings(root.object("sms", false), root.path_of("sms"), out);
  s.case_policy = parse_case_policy(root.object("case_management", false), root.path_of("case_management"), out);
  if (const nlohmann::json* world = root.required("world")) s.world = parse_world(*world, "/world", out);
  s.reporting = parse_reporting_setup(root.object("reporting", false), root.path_of("reporting"), out);
  parse_timeline(root, s, start_known, out);
  s.exercises = parse_exercises(root.array("exercises", false), root.path_of("exercises"), s.world, out);
  root.reject_unknown_keys({"$comment"});
  if (out.empty()) dry_run_timeline(s, out);
  if (out.empty()) {
    s.source = value;
    result.scenario = std::move(s);
  }
  return result;
}

}  // namespace

ScenarioLoad load_scenario(const nlohmann::json& value) {
  try {
    return load_checked(value);
  } catch (const std::exception& e) {
    // Defensive: the readers check types first, so this only guards against a missed case.
    ScenarioLoad r;
    add_error(r.errors, "", "json_syntax", {"?", "?", e.what()});
    return r;
  }
}

ScenarioLoad load_scenario_text(const std::string& text) {
  ScenarioLoad r;
  auto value = parse_json_text(text, r.errors);
  if (!value) return r;
  return load_scenario(*value);
}

}  // namespace kalan
