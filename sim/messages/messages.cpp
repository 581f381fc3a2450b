#include "messages/messages.h"

#include "core/apply.h"
#include "world/world.h"

namespace kalan {

namespace {
constexpr size_t kMaxText = 4000;
}

std::optional<SendMessage> SendMessage::parse(ObjectReader& r) {
  auto to = r.id("to");
  auto text = r.string("text");
  if (text && text->size() > kMaxText)
    r.error("text", "out_of_range", {std::to_string(text->size()), "1", std::to_string(kMaxText)});
  if (!to || !text || text->size() > kMaxText) return std::nullopt;
  return SendMessage{*to, *text};
}

void SendMessage::write(nlohmann::json& j) const {
  j["to"] = to;
  j["text"] = text;
}

void SendMessage::check_refs(const World& w, const std::string& path, Diagnostics& out) const {
  if (!w.find_user(to)) add_error(out, path + "/to", "unknown_ref", {"@user", to});
}

ApplyResult apply_command(State& s, const Actor& a, const SendMessage& c) {
  // Anyone may write to a user; the recipient must exist and be active.
  const User* to = s.world.find_user(c.to);
  if (!to) return ApplyResult::refuse("unknown_ref", {"@user", c.to});
  if (!to->active) return ApplyResult::refuse("inactive_actor", {c.to});
  UserMessage m;
  m.id = static_cast<std::int64_t>(s.messages.items.size()) + 1;
  m.at = s.clock.now;
  m.from = a.id;
  m.to = c.to;
  m.text = c.text;
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "message.delivered",
         [&] { return nlohmann::json{{"id", m.id}, {"to", c.to}, {"text", c.text}}; });
  s.messages.items.push_back(std::move(m));
  return r;
}

nlohmann::json messages_to_json(const MessagesState& m) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& msg : m.items)
    out.push_back({{"id", msg.id}, {"at", format_iso_time(msg.at)}, {"from", msg.from}, {"to", msg.to}, {"text", msg.text}});
  return out;
}

}  // namespace kalan
