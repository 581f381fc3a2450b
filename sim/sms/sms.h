// The simulated SMS channel: a short code, inbound and outbound messages stamped with the sim clock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/reader.h"
#include "core/time.h"

namespace kalan {

struct World;

struct SmsMessage {
  std::int64_t id = 0;
  SimTime at = 0;
  bool inbound = true;
  std::string urn;  // the contact's side: "tel:+223..."
  std::string text;
};

struct SmsState {
  std::string shortcode = "21999";
  std::vector<SmsMessage> log;
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

nlohmann::json sms_to_json(const SmsState& s);

}  // namespace kalan
