// The simulated SMS channel: a short code, contacts, inbound and outbound messages stamped with the sim
// clock, keyword triggers and the flow sessions that RapidPro would run for each contact.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/reader.h"
#include "core/time.h"
#include "sms/engine.h"
#include "sms/flow.h"

namespace kalan {

struct World;

struct SmsMessage {
  std::int64_t id = 0;
  SimTime at = 0;
  bool inbound = true;
  std::string urn;  // the contact's side: "tel:+223..."
  std::string text;
  std::vector<std::string> quick_replies;  // outbound only
};

// A report made through the Jam flow, with its reference number ("REF-0001").
struct SmsReport {
  std::string reference;
  SimTime at = 0;
  std::string reporter_urn;
  std::string child_name, sex, type, location, danger;
  int age = -1;
  std::string service_id;  // the competent service that was alerted
  std::string case_id;     // the case created in case management
  std::vector<std::string> follow_ups;  // messages relayed from the provider
};

// The SMS part of a scenario: short code, RapidPro export, reporting rules.
struct SmsSettings {
  std::string shortcode = "21999";
  std::shared_ptr<const flows::FlowAssets> assets;  // never null once loaded (maybe empty)
  bool open_reporting = false;  // "Jam" from an unregistered number is accepted
  std::string unknown_reply;    // reply to a message no trigger or flow takes; empty = none
  int utc_offset_minutes = 0;
};

struct SmsState {
  SmsSettings settings;
  std::vector<SmsMessage> log;
  std::vector<flows::FlowContact> contacts;               // RapidPro's contacts, world contacts first
  std::map<std::string, flows::FlowSession> sessions;     // by contact uuid
  std::vector<SmsReport> reports;

  // The first contact with this URN, or null.
  const flows::FlowContact* contact_by_urn(const std::string& urn) const;
  flows::FlowContact* contact_by_urn(const std::string& urn);
  const flows::FlowContact* contact_by_uuid(const std::string& uuid) const;

  // URN -> position in `contacts` of its first contact, for contact_by_urn: a cache, not part of the state
  // (never saved or hashed). It takes in contacts as they are appended; a contact's URNs never change.
  mutable std::unordered_map<std::string, size_t> urn_index;
  mutable size_t urn_indexed = 0;  // contacts[0, urn_indexed) are in urn_index
};

// An SMS arrives at the short code from a phone.
struct ReceiveSms {
  static constexpr const char* kType = "sms.receive";
  std::string from;
  std::string text;

  static std::optional<ReceiveSms> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World&, const std::string&, Diagnostics&) const {}
};

// The "no response" button: the wait of a contact's flow times out now.
struct FireSmsTimeout {
  static constexpr const char* kType = "sms.timeout";
  std::string urn;

  static std::optional<FireSmsTimeout> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World&, const std::string&, Diagnostics&) const {}
};

// Reads the "sms" section of a scenario.
SmsSettings parse_sms_settings(const nlohmann::json* value, const std::string& path, Diagnostics& out);
// The contact uuid of a world contact: stable, derived from its id.
std::string world_contact_uuid(const std::string& id);

nlohmann::json sms_to_json(const SmsState& s);

}  // namespace kalan
