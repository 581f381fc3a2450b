#include "sms/sandbox.h"

#include <cctype>
#include <cstdio>
#include <map>

#include "cases/cases.h"
#include "core/json_object.h"
#include "core/state.h"
#include "sms/text.h"

namespace kalan {

namespace {

using nlohmann::json;

std::string url_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::map<std::string, std::string> query_params(const std::string& query) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  while (i <= query.size()) {
    const size_t amp = query.find('&', i);
    const std::string part = query.substr(i, amp == std::string::npos ? std::string::npos : amp - i);
    const size_t eq = part.find('=');
    if (!part.empty()) out[url_decode(part.substr(0, eq))] = eq == std::string::npos ? "" : url_decode(part.substr(eq + 1));
    if (amp == std::string::npos) break;
    i = amp + 1;
  }
  return out;
}

// The response as the engine takes it: the JSON value, and its text when the events show it.
flows::WebhookResponse reply(int status, json body, bool record) {
  flows::WebhookResponse r{status, record ? dump_json(body) : std::string(), true, json()};
  r.value = std::move(body);
  return r;
}

// A place of the world named by free text ("Socoura", "sévaré"), or by id.
const Location* find_place(const World& w, const std::string& text) {
  if (const Location* l = w.find_location(text)) return l;
  const std::string want = text::fold(text::trim(text));
  if (want.empty()) return nullptr;
  for (const auto& l : w.locations)
    if (text::fold(l.name) == want) return &l;
  for (const auto& l : w.locations)  // "Commune urbaine de Mopti" for "mopti": prefer the commune
    if (l.level == LocationLevel::commune && text::fold(l.name).find(want) != std::string::npos) return &l;
  return nullptr;
}

json service_json(const World& w, const Service& s, bool fallback) {
  const Location* l = w.find_location(s.location);
  return json_object("found", true, "fallback", fallback, "id", s.id, "name", s.name, "type", s.type, "urn", s.phone,
                     "phone", s.phone.rfind("tel:", 0) == 0 ? s.phone.substr(4) : s.phone, "location", s.location,
                     "location_name", l ? l->name : s.location, "organisation", s.organisation);
}

// The competent service: the requested type in the place, then up its cercle and region; if none of
// that type exists nearby, any service of the type (marked as a fallback).
const Service* competent_service(const World& w, const std::string& type, const Location* place, bool& fallback) {
  fallback = false;
  for (const Location* l = place; l; l = l->parent.empty() ? nullptr : w.find_location(l->parent)) {
    for (const auto& s : w.services)
      if (s.type == type && s.location == l->id) return &s;
    // Services of the type anywhere below this level (same cercle, same region).
    for (const auto& s : w.services) {
      if (s.type != type) continue;
      for (const Location* up = w.find_location(s.location); up; up = up->parent.empty() ? nullptr : w.find_location(up->parent))
        if (up->id == l->id) return &s;
    }
  }
  fallback = true;
  for (const auto& s : w.services)
    if (s.type == type) return &s;
  for (const auto& s : w.services)
    if (s.type == "case_management") return &s;
  return w.services.empty() ? nullptr : &w.services.front();
}

SmsReport* find_report(SmsState& sms, const std::string& reference) {
  const std::string want = text::to_upper(text::trim(reference));
  for (auto& r : sms.reports)
    if (r.reference == want || r.reference == "REF-" + want || r.reference.substr(4) == want) return &r;
  return nullptr;
}

int parse_age(const json& v) {
  if (v.is_number_integer()) return static_cast<int>(v.get<std::int64_t>());
  if (!v.is_string()) return -1;
  int n = 0, digits = 0;
  for (char c : v.get<std::string>()) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      if (++digits > 3) return -1;
    } else if (digits) {
      break;
    }
  }
  return digits ? n : -1;
}

std::string str(const json& body, const char* key) {
  if (!body.is_object() || !body.contains(key)) return {};
  const json& v = body[key];
  return v.is_string() ? v.get<std::string>() : v.is_null() ? std::string() : v.dump();
}

}  // namespace

flows::WebhookResponse sandbox_webhook(State& state, const flows::FlowContact& contact, const flows::WebhookRequest& req,
                                       bool record, std::vector<Event>& events) {
  const std::string prefix = "kalan:";
  if (req.url.rfind(prefix, 0) != 0) return flows::WebhookResponse{};  // the sandbox never reaches the network
  std::string rest = req.url.substr(prefix.size());
  while (!rest.empty() && rest[0] == '/') rest.erase(0, 1);
  const size_t q = rest.find('?');
  const std::string route = rest.substr(0, q);
  auto params = query_params(q == std::string::npos ? "" : rest.substr(q + 1));
  json body = req.body.empty() ? json::object() : json::parse(req.body, nullptr, false);
  if (body.is_discarded()) body = json::object();
  for (const auto& [k, v] : params)
    if (!body.contains(k)) body[k] = v;
  World& w = state.world;

  if (route == "services/find") {
    const Location* place = find_place(w, str(body, "location"));
    if (!place) {
      const flows::FlowContact* c = &contact;
      for (const auto& wc : w.contacts)
        if (!c->urns.empty() && wc.phone == c->urns.front()) place = w.find_location(wc.location);
    }
    bool fallback = false;
    const Service* s = competent_service(w, str(body, "type"), place, fallback);
    if (!s) return reply(404, {{"found", false}}, record);
    return reply(200, service_json(w, *s, fallback), record);
  }

  if (route == "reports/create") {
    SmsReport r;
    char ref[24];
    std::snprintf(ref, sizeof ref, "REF-%04zu", state.sms.reports.size() + 1);
    r.reference = ref;
    r.at = state.clock.now;
    r.reporter_urn = contact.urns.empty() ? "" : contact.urns.front();
    r.child_name = str(body, "child_name");
    r.age = parse_age(body.value("age", json()));
    r.sex = text::fold(str(body, "sex")).substr(0, 1);
    r.type = str(body, "type");
    r.location = str(body, "location");
    r.danger = str(body, "danger");
    r.service_id = str(body, "service");
    const Service* service = w.find_service(r.service_id);
    // The case goes to the structure that manages cases for the place (its case-management service),
    // else to the competent service's structure, else to a state service.
    const Location* place = find_place(w, r.location);
    bool cm_fallback = false;
    const Service* manager = competent_service(w, "case_management", place, cm_fallback);
    std::string org = manager && manager->type == "case_management" ? manager->organisation : "";
    if (org.empty() && service) org = service->organisation;
    if (org.empty())
      for (const auto& o : w.organisations)
        if (o.kind == "state" && org.empty()) org = o.id;
    CaseRecord rec;
    rec.identified_at = state.clock.now;
    rec.child_name = r.child_name;
    rec.age = r.age >= 0 && r.age <= 17 ? r.age : -1;
    rec.sex = r.sex == "f" || r.sex == "m" ? r.sex : "";
    rec.location = place ? place->id : (w.locations.empty() ? "" : w.locations.back().id);
    rec.organisation = org;
    rec.reported_by = "contact:" + contact.uuid;
    rec.report_reference = r.reference;
    rec.summary = "Signalement " + r.reference + " par SMS (" + state.sms.settings.shortcode + ") : " + r.type +
                  (r.danger.empty() ? "" : ", danger immédiat : " + r.danger);
    const CaseRecord& filed = file_case(state.cases, std::move(rec));
    r.case_id = filed.id;
    if (record)
      events.push_back(Event{state.clock.now, "case.identified",
                             {{"id", filed.id}, {"organisation", filed.organisation}, {"child_name", filed.child_name},
                              {"reference", r.reference}}});
    json out = {{"reference", r.reference}, {"case_id", r.case_id}};
    if (service) out["service"] = service_json(w, *service, false);
    state.sms.reports.push_back(std::move(r));
    return reply(201, std::move(out), record);
  }

  if (route == "reports/find" || route == "reports/follow_up") {
    SmsReport* r = find_report(state.sms, str(body, "reference"));
    if (!r) return reply(404, {{"found", false}, {"reference", str(body, "reference")}}, record);
    if (route == "reports/follow_up") r->follow_ups.push_back(str(body, "text"));
    const Service* s = w.find_service(r->service_id);
    return reply(200, {{"found", true},
                       {"reference", r->reference},
                       {"reporter_urn", r->reporter_urn},
                       {"child_name", r->child_name},
                       {"case_id", r->case_id},
                       {"service_name", s ? s->name : ""},
                       {"follow_ups", r->follow_ups.size()}},
                 record);
  }
  return reply(404, {{"error", "adresse inconnue du bac à sable : " + req.url}}, record);
}

}  // namespace kalan
