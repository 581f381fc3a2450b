// The SMS channel at run time: an inbound message finds its contact, then a keyword trigger, a waiting
// flow or the catch-all; the flow's events become outbound messages in the log and events on screen.
#include "core/apply.h"
#include "core/json_object.h"
#include "sms/channel.h"
#include "sms/sandbox.h"
#include "sms/text.h"

namespace kalan {

namespace {

using nlohmann::json;

// Kalan event types for the engine's events ("flow." + RapidPro's type), as string literals.
std::string_view flow_event_type(std::string_view t) {
  static const char* known[] = {"flow.msg_created",          "flow.msg_wait",           "flow.run_result_changed",
                                "flow.contact_field_changed", "flow.contact_name_changed", "flow.contact_language_changed",
                                "flow.contact_groups_changed", "flow.input_labels_added", "flow.broadcast_created",
                                "flow.webhook_called",       "flow.flow_entered",       "flow.run_started",
                                "flow.run_ended",            "flow.error"};
  for (const char* k : known)
    if (t == k + 5) return k;
  return "flow.other";
}

flows::Host make_host(State& s, bool record) {
  flows::Host host;
  host.all_events = record;  // a replay keeps the messages only
  host.segments = false;     // the game does not show the node moves
  host.now = s.clock.now;
  host.utc_offset_minutes = s.sms.settings.utc_offset_minutes;
  host.rng = &s.rng;
  host.globals = json_object("shortcode", s.sms.settings.shortcode, "open_reporting", s.sms.settings.open_reporting ? "oui" : "non");
  return host;
}

flows::FlowContact& contact_for(State& s, const std::string& urn, bool& created) {
  created = false;
  if (flows::FlowContact* c = s.sms.contact_by_urn(urn)) return *c;
  flows::FlowContact c;
  c.uuid = flows::new_uuid(s.rng);
  c.urns = {urn};
  c.language = "fra";
  c.created_on = s.clock.now;
  s.sms.contacts.push_back(std::move(c));
  created = true;
  return s.sms.contacts.back();
}

void log_out(State& s, const std::string& urn, const std::string& text, std::vector<std::string> quick) {
  SmsMessage m;
  m.id = static_cast<std::int64_t>(s.sms.log.size()) + 1;
  m.at = s.clock.now;
  m.inbound = false;
  m.urn = urn;
  m.text = text;
  m.quick_replies = std::move(quick);
  s.sms.log.push_back(std::move(m));
}

// Turns a sprint into outbound messages and on-screen events.
void deliver(State& s, const flows::FlowContact& contact, flows::Sprint& sprint, bool record, std::vector<Event>& out) {
  for (auto& m : sprint.messages) {
    std::vector<std::string> urns = std::move(m.urns);
    for (const auto& uuid : m.contact_uuids)
      if (const auto* fc = s.sms.contact_by_uuid(uuid); fc && !fc->urns.empty()) urns.push_back(fc->urns.front());
    for (const auto& g : m.group_uuids)
      for (const auto& fc : s.sms.contacts)
        for (const auto& cg : fc.groups)
          if (cg == g && !fc.urns.empty()) urns.push_back(fc.urns.front());
    for (const auto& u : urns) log_out(s, u, m.text, m.quick_replies);
  }
  if (!record) return;
  out.reserve(out.size() + sprint.events.size());
  for (json& e : sprint.events) {
    const auto type = e.find("type");
    const std::string_view kalan_type = flow_event_type(
        type != e.end() && type->is_string() ? std::string_view(type->get_ref<const std::string&>()) : std::string_view());
    e["contact_uuid"] = contact.uuid;
    out.push_back(Event{s.clock.now, kalan_type, std::move(e)});
  }
}

using Sessions = std::map<std::string, flows::FlowSession>;

// Runs one sprint of the contact's session (made if there is none). `near`: where the caller found
// that session, or end(); it spares a second search among the sessions.
void run_sprint(State& s, Sessions::iterator near, flows::FlowContact& contact, bool record, std::vector<Event>& out,
                const std::function<flows::Sprint(flows::Host&, flows::FlowSession&)>& step) {
  flows::Host host = make_host(s, record);
  // The contact reference stays valid: webhooks never add contacts.
  host.webhook = [&](const flows::WebhookRequest& req) { return sandbox_webhook(s, contact, req, record, out); };
  const auto it = s.sms.sessions.try_emplace(near, contact.uuid);
  flows::FlowSession& session = it->second;
  flows::Sprint sprint = step(host, session);
  deliver(s, contact, sprint, record, out);
  if (!session.waiting()) s.sms.sessions.erase(it);  // only waiting sessions are kept
}

// The keyword trigger a message fires for this contact, if any.
const flows::KeywordTrigger* match_trigger(const flows::FlowAssets& assets, const flows::FlowContact& c,
                                           const std::string& text) {
  const auto words = text::words(text);
  if (words.empty()) return nullptr;
  const std::string first = text::fold(words.front());
  auto in_group = [&](const std::string& g) {
    for (const auto& cg : c.groups)
      if (cg == g) return true;
    return false;
  };
  for (const auto& t : assets.keyword_triggers) {
    if (t.keyword != first || (t.only_word && words.size() != 1)) continue;
    bool allowed = t.groups.empty();
    for (const auto& g : t.groups) allowed = allowed || in_group(g);
    for (const auto& g : t.exclude_groups) allowed = allowed && !in_group(g);
    if (allowed) return &t;
  }
  return nullptr;
}

}  // namespace

ApplyResult apply_command(State& s, const Actor& a, const ReceiveSms& c) {
  // A user texts from their own phone; the trainer and the system may inject any number.
  if (a.kind == Actor::Kind::user && a.user->phone != c.from) return ApplyResult::refuse("not_reporter", {c.from});
  ApplyResult r;
  // Phones send anything; the state keeps valid UTF-8 only (invalid bytes become U+FFFD).
  const std::string clean = text::sanitize_utf8(c.text);
  if (clean != c.text) return apply_command(s, a, ReceiveSms{c.from, clean});
  bool created = false;
  flows::FlowContact& contact = contact_for(s, c.from, created);
  SmsMessage m;
  m.id = static_cast<std::int64_t>(s.sms.log.size()) + 1;
  m.at = s.clock.now;
  m.inbound = true;
  m.urn = c.from;
  m.text = c.text;
  const std::int64_t id = m.id;
  s.sms.log.push_back(std::move(m));
  const std::string msg_uuid = flows::new_uuid(s.rng);
  json msg = json_object("uuid", msg_uuid, "urn", c.from, "text", c.text, "created_on", format_iso_time(s.clock.now),
                         "channel", json_object("uuid", "00000000-0000-4000-8000-000000021999",
                                                "name", "Kalan " + s.sms.settings.shortcode));
  r.emit(a.record_events, s.clock.now, "sms.received", [&] {
    return json_object("id", id, "from", c.from, "text", c.text, "owner", s.world.owner_of_phone(c.from),
                       "contact_uuid", contact.uuid, "new_contact", created, "msg", msg);
  });

  const flows::FlowAssets& assets = *s.sms.settings.assets;
  const auto it = s.sms.sessions.find(contact.uuid);
  const bool waiting = it != s.sms.sessions.end() && it->second.waiting();
  // RapidPro's rule: a trigger keyword starts its flow even while another flow waits; any other
  // message resumes the waiting flow.
  if (const flows::KeywordTrigger* t = match_trigger(assets, contact, c.text)) {
    const flows::Flow* f = assets.flow(t->flow_uuid);
    json trigger =
        json_object("type", "msg", "msg", std::move(msg),
                    "keyword_match", json_object("type", t->only_word ? "only_word" : "first_word", "keyword", t->keyword),
                    "flow", json_object("uuid", t->flow_uuid, "name", f ? f->name : std::string()),
                    "triggered_on", format_iso_time(s.clock.now));
    run_sprint(s, it, contact, a.record_events, r.events, [&](flows::Host& host, flows::FlowSession& session) {
      return flows::start_flow(assets, contact, session, t->flow_uuid, std::move(trigger), host);
    });
  } else if (waiting) {
    run_sprint(s, it, contact, a.record_events, r.events, [&](flows::Host& host, flows::FlowSession& session) {
      return flows::resume_with_msg(assets, contact, session, std::move(msg), host);
    });
  } else if (!assets.catchall_flow_uuid.empty()) {
    json trigger = json_object("type", "msg", "msg", std::move(msg), "flow", json_object("uuid", assets.catchall_flow_uuid),
                               "triggered_on", format_iso_time(s.clock.now));
    run_sprint(s, it, contact, a.record_events, r.events, [&](flows::Host& host, flows::FlowSession& session) {
      return flows::start_flow(assets, contact, session, assets.catchall_flow_uuid, std::move(trigger), host);
    });
  } else if (!s.sms.settings.unknown_reply.empty()) {
    log_out(s, c.from, s.sms.settings.unknown_reply, {});
    r.emit(a.record_events, s.clock.now, "sms.sent",
           [&] { return json{{"to", c.from}, {"text", s.sms.settings.unknown_reply}, {"contact_uuid", contact.uuid}}; });
  }
  return r;
}

ApplyResult apply_command(State& s, const Actor& a, const FireSmsTimeout& c) {
  if (a.kind == Actor::Kind::user && a.user->phone != c.urn) return forbidden(a, FireSmsTimeout::kType);
  const flows::FlowContact* found = s.sms.contact_by_urn(c.urn);
  if (!found) return ApplyResult::refuse("unknown_contact", {c.urn});
  const auto it = s.sms.sessions.find(found->uuid);
  if (it == s.sms.sessions.end() || !it->second.waiting()) return ApplyResult::refuse("no_waiting_session", {c.urn});
  bool created = false;
  flows::FlowContact& contact = contact_for(s, c.urn, created);
  ApplyResult r;
  const flows::FlowAssets& assets = *s.sms.settings.assets;
  run_sprint(s, it, contact, a.record_events, r.events, [&](flows::Host& host, flows::FlowSession& session) {
    return flows::resume_with_timeout(assets, contact, session, host);
  });
  return r;
}

SimTime sms_next_deadline(const State& s) {
  SimTime next = 0;
  for (const auto& [uuid, session] : s.sms.sessions) {
    if (!session.waiting()) continue;
    for (SimTime t : {session.timeout_on, session.expires_on})
      if (t > 0 && (next == 0 || t < next)) next = t;
  }
  return next;
}

void sms_fire_deadlines(State& s, bool record, std::vector<Event>& out) {
  // Collect first: firing changes the map.
  std::vector<std::string> due;
  for (const auto& [uuid, session] : s.sms.sessions)
    if (session.waiting() && ((session.timeout_on > 0 && session.timeout_on <= s.clock.now) ||
                              (session.expires_on > 0 && session.expires_on <= s.clock.now)))
      due.push_back(uuid);
  const flows::FlowAssets& assets = *s.sms.settings.assets;
  for (const auto& uuid : due) {
    flows::FlowContact* contact = nullptr;
    for (auto& c : s.sms.contacts)
      if (c.uuid == uuid) contact = &c;
    if (!contact) continue;
    const auto it = s.sms.sessions.find(uuid);
    if (it == s.sms.sessions.end()) continue;
    const bool timeout = it->second.timeout_on > 0 && it->second.timeout_on <= s.clock.now;
    run_sprint(s, it, *contact, record, out, [&](flows::Host& host, flows::FlowSession& sess) {
      return timeout ? flows::resume_with_timeout(assets, *contact, sess, host)
                     : flows::expire_session(assets, *contact, sess, host);
    });
  }
}

}  // namespace kalan
