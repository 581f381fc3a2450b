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

std::string format_day(SimTime t) {
  if (t == 0) return "—";
  const CivilDate c = civil_from_days(day_of(t));
  return std::to_string(c.day) + " " + tr(key_of("month.", c.month).c_str()) + " " + std::to_string(c.year);
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

std::string describe_flow_event(const State& s, const Event& e) {
  const auto& d = e.data;
  const std::string t(e.type);
  if (t == "flow.run_result_changed") {
    const std::string category = d.value("category", "");
    return category.empty() ? trf("pill.result_plain", {d.value("name", ""), d.value("value", "")})
                            : trf("pill.result", {d.value("name", ""), d.value("value", ""), category});
  }
  if (t == "flow.contact_field_changed")
    return trf("pill.field", {d["field"].value("name", ""), d["value"].is_object() ? d["value"].value("text", "") : "—"});
  if (t == "flow.contact_name_changed") return trf("pill.name", {d.value("name", "")});
  if (t == "flow.contact_groups_changed") {
    std::string g;
    for (const char* k : {"groups_added", "groups_removed"})
      if (d.contains(k))
        for (const auto& x : d[k]) g += (g.empty() ? "" : ", ") + std::string(k[7] == 'a' ? "+" : "-") + x.value("name", "");
    return trf("pill.groups", {g});
  }
  if (t == "flow.webhook_called")
    return trf("pill.webhook", {d.value("url", ""), d.contains("status_code") ? std::to_string(d.value("status_code", 0)) : d.value("status", "")});
  if (t == "flow.run_started") return trf("pill.started", {d["flow"].value("name", "")});
  if (t == "flow.run_ended") return trf("pill.ended", {d["flow"].value("name", ""), d.value("status", "")});
  if (t == "flow.flow_entered") return trf("pill.entered", {d["flow"].value("name", "")});
  if (t == "flow.broadcast_created") {
    std::string to;
    for (const auto& u : d["urns"]) to += (to.empty() ? "" : ", ") + u.get<std::string>().substr(4);
    return trf("pill.broadcast", {to});
  }
  if (t == "flow.error") return trf("pill.error", {d.value("text", "")});
  if (t == "flow.msg_wait") return tr("pill.wait");
  if (t == "case.identified") return trf("pill.case", {d.value("id", ""), d.value("reference", "")});
  (void)s;
  return {};
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
    return trf("ev.sms.received", {state.sms.settings.shortcode, from, str("text")});
  }
  if (e.type == "message.delivered") return trf("ev.message.delivered", {display_name(state, str("to")), str("text")});
  if (e.type == "case.identified") {
    const Organisation* o = state.world.find_organisation(str("organisation"));
    return trf("ev.case.identified", {str("id"), str("child_name"), o ? o->name : str("organisation")});
  }
  if (e.type == "sms.sent") return trf("ev.sms.sent", {str("to").substr(4), str("text")});
  if (e.type == "flow.msg_created") {
    const auto& msg = d["msg"];
    const std::string urn = msg.value("urn", "");
    const std::string owner = state.world.owner_of_phone(urn);
    return trf("ev.flow.msg_created", {owner.empty() ? urn.substr(4) : display_name(state, owner), msg.value("text", "")});
  }
  const std::string flow_text = describe_flow_event(state, e);
  return flow_text.empty() ? std::string(e.type) : flow_text;
}

}  // namespace kalan::ui
