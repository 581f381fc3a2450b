#include "sms/sms.h"

#include "core/apply.h"
#include "world/world.h"

namespace kalan {

namespace {
constexpr size_t kMaxSms = 1600;  // ten concatenated SMS parts
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
  return ReceiveSms{*from, *text};
}

void ReceiveSms::write(nlohmann::json& j) const {
  j["from"] = from;
  j["text"] = text;
}

ApplyResult apply_command(State& s, const Actor& a, const ReceiveSms& c) {
  // A user texts from their own phone; the trainer and the system may inject any number.
  if (a.kind == Actor::Kind::user && a.user->phone != c.from) return ApplyResult::refuse("not_reporter", {c.from});
  SmsMessage m;
  m.id = static_cast<std::int64_t>(s.sms.log.size()) + 1;
  m.at = s.clock.now;
  m.inbound = true;
  m.urn = c.from;
  m.text = c.text;
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "sms.received", [&] {
    return nlohmann::json{{"id", m.id}, {"from", c.from}, {"text", c.text}, {"owner", s.world.owner_of_phone(c.from)}};
  });
  s.sms.log.push_back(std::move(m));
  return r;
}

nlohmann::json sms_to_json(const SmsState& s) {
  nlohmann::json log = nlohmann::json::array();
  for (const auto& m : s.log)
    log.push_back({{"id", m.id}, {"at", format_iso_time(m.at)}, {"direction", m.inbound ? "in" : "out"},
                   {"urn", m.urn}, {"text", m.text}});
  return {{"shortcode", s.shortcode}, {"log", std::move(log)}};
}

}  // namespace kalan
