#include "sms/sms.h"

#include "core/apply.h"
#include "core/hash.h"
#include "sms/text.h"
#include "world/world.h"

namespace kalan {

namespace {
constexpr size_t kMaxSms = 1600;  // ten concatenated SMS parts
}

const flows::FlowContact* SmsState::contact_by_urn(const std::string& urn) const {
  if (urn_indexed > contacts.size()) {  // contacts were replaced: index them again
    urn_index.clear();
    urn_indexed = 0;
  }
  for (; urn_indexed < contacts.size(); ++urn_indexed)
    for (const auto& u : contacts[urn_indexed].urns) urn_index.emplace(u, urn_indexed);  // keeps the first
  const auto it = urn_index.find(urn);
  if (it == urn_index.end()) return nullptr;
  const flows::FlowContact& c = contacts[it->second];
  for (const auto& u : c.urns)
    if (u == urn) return &c;
  // The index is out of date (contacts replaced by as many others): rebuild it once.
  urn_index.clear();
  urn_indexed = 0;
  return contact_by_urn(urn);
}

flows::FlowContact* SmsState::contact_by_urn(const std::string& urn) {
  return const_cast<flows::FlowContact*>(static_cast<const SmsState*>(this)->contact_by_urn(urn));
}

const flows::FlowContact* SmsState::contact_by_uuid(const std::string& uuid) const {
  for (const auto& c : contacts)
    if (c.uuid == uuid) return &c;
  return nullptr;
}

std::string world_contact_uuid(const std::string& id) {
  const std::uint64_t a = fnv1a64("kalan-contact:" + id), b = fnv1a64("kalan-contact-b:" + id);
  const std::string h = hex16(a) + hex16(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-8" + h.substr(17, 3) + "-" + h.substr(20, 12);
}

SmsSettings parse_sms_settings(const nlohmann::json* value, const std::string& path, Diagnostics& out) {
  SmsSettings s;
  s.assets = std::make_shared<flows::FlowAssets>();
  if (!value) return s;
  ObjectReader r(*value, path, out);
  if (!r.is_object()) return s;
  if (auto code = r.string("shortcode", false)) {
    if (code->empty() || code->size() > 15 || code->find_first_not_of("0123456789") != std::string::npos)
      r.error("shortcode", "unknown_value", {"@shortcode", *code, "@shortcode_rule"});
    else
      s.shortcode = *code;
  }
  s.open_reporting = r.boolean("open_reporting", false).value_or(false);
  s.unknown_reply = r.string("unknown_reply", false).value_or("");
  s.utc_offset_minutes = static_cast<int>(r.integer("utc_offset_minutes", -720, 840, false).value_or(0));
  if (const auto* flows_json = r.object("flows", false))
    s.assets = std::make_shared<flows::FlowAssets>(flows::parse_flow_export(*flows_json, r.path_of("flows"), out));
  r.reject_unknown_keys();
  return s;
}

std::optional<ReceiveSms> ReceiveSms::parse(ObjectReader& r) {
  auto from = r.string("from");
  auto text = r.string("text", true, true);
  if (from && !is_valid_phone(*from)) {
    r.error("from", "bad_phone", {*from});
    return std::nullopt;
  }
  if (text && text->size() > kMaxSms) {
    r.error("text", "out_of_range", {std::to_string(text->size()), "0", std::to_string(kMaxSms)});
    return std::nullopt;
  }
  if (!from || !text) return std::nullopt;
  return ReceiveSms{*from, text::sanitize_utf8(*text)};
}

void ReceiveSms::write(nlohmann::json& j) const {
  j["from"] = from;
  j["text"] = text;
}

std::optional<FireSmsTimeout> FireSmsTimeout::parse(ObjectReader& r) {
  auto urn = r.string("urn");
  if (urn && !is_valid_phone(*urn)) {
    r.error("urn", "bad_phone", {*urn});
    return std::nullopt;
  }
  if (!urn) return std::nullopt;
  return FireSmsTimeout{*urn};
}

void FireSmsTimeout::write(nlohmann::json& j) const { j["urn"] = urn; }

nlohmann::json sms_to_json(const SmsState& s) {
  using nlohmann::json;
  json log = json::array();
  for (const auto& m : s.log) {
    json j = {{"id", m.id}, {"at", format_iso_time(m.at)}, {"direction", m.inbound ? "in" : "out"}, {"urn", m.urn},
              {"text", m.text}};
    if (!m.quick_replies.empty()) j["quick_replies"] = m.quick_replies;
    log.push_back(std::move(j));
  }
  json contacts = json::array();
  for (const auto& c : s.contacts) contacts.push_back(flows::contact_to_json(c));
  json sessions = json::object();
  for (const auto& [uuid, session] : s.sessions) sessions[uuid] = flows::session_to_json(session);
  json reports = json::array();
  for (const auto& r : s.reports)
    reports.push_back({{"reference", r.reference}, {"at", format_iso_time(r.at)}, {"reporter_urn", r.reporter_urn},
                       {"child_name", r.child_name}, {"age", r.age}, {"sex", r.sex}, {"type", r.type},
                       {"location", r.location}, {"danger", r.danger}, {"service", r.service_id},
                       {"case", r.case_id}, {"follow_ups", r.follow_ups}});
  return {{"shortcode", s.settings.shortcode}, {"log", std::move(log)}, {"contacts", std::move(contacts)},
          {"sessions", std::move(sessions)}, {"reports", std::move(reports)}};
}

}  // namespace kalan
