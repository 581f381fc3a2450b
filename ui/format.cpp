// Formatting of times, names and events for display.
#include <cstdio>

#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

std::string key_of(const char* prefix, long long n) { return std::string(prefix) + std::to_string(n); }

std::string hhmm(SimTime t) {
  const long long rem = ((t % 86400) + 86400) % 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", rem / 3600, rem / 60 % 60);
  return buf;
}

long long day_of(SimTime t) { return t >= 0 ? t / 86400 : (t - 86399) / 86400; }

}  // namespace

std::string format_when(SimTime t) {
  const long long days = day_of(t);
  const CivilDate c = civil_from_days(days);
  const long long weekday = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
  return std::string(tr(key_of("day.", weekday).c_str())) + " " + std::to_string(c.day) + " " +
         tr(key_of("month.", c.month).c_str()) + " " + std::to_string(c.year) + " — " + hhmm(t);
}

std::string format_short(SimTime t, SimTime today) {
  if (day_of(t) == day_of(today)) return hhmm(t);
  const CivilDate c = civil_from_days(day_of(t));
  return std::to_string(c.day) + " " + tr(key_of("month.", c.month).c_str()) + " " + hhmm(t);
}

std::string display_name(const State& state, const std::string& who) {
  if (who == kTrainer) return tr("who.trainer");
  if (who == kSystem) return tr("who.system");
  if (who.rfind("contact:", 0) == 0) {
    if (const Contact* c = state.world.find_contact(who.substr(8))) return c->name;
  }
  if (who.rfind("user:", 0) == 0) {
    if (const User* u = state.world.find_user(who.substr(5))) return u->name;
  }
  if (const User* u = state.world.find_user(who)) return u->name;
  return who;
}

std::string describe_event(const State& state, const Event& e) {
  const auto& d = e.data;
  auto str = [&](const char* k) { return d.is_object() && d.contains(k) && d[k].is_string() ? d[k].get<std::string>() : std::string(); };
  if (e.type == "clock.advanced") {
    const SimTime from = d.value("from", e.at);
    return trf("ev.clock.advanced", {format_short(from, e.at), format_short(e.at, e.at)});
  }
  if (e.type == "timeline.fired") return trf("ev.timeline.fired", {str("label").empty() ? str("command") : str("label")});
  if (e.type == "timeline.failed") return trf("ev.timeline.failed", {str("message")});
  if (e.type == "sms.received") {
    const std::string owner = str("owner");
    const std::string from = owner.empty() ? trf("who.unknown", {str("from").substr(4)}) : display_name(state, owner);
    return trf("ev.sms.received", {state.sms.shortcode, from, str("text")});
  }
  if (e.type == "message.delivered") return trf("ev.message.delivered", {display_name(state, str("to")), str("text")});
  if (e.type == "case.identified") {
    const Organisation* o = state.world.find_organisation(str("organisation"));
    return trf("ev.case.identified", {str("id"), str("child_name"), o ? o->name : str("organisation")});
  }
  return std::string(e.type);
}

}  // namespace kalan::ui
