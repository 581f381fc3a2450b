#include "core/event.h"

namespace kalan {

nlohmann::json event_to_json(const Event& e) {
  nlohmann::json j = {{"at", format_iso_time(e.at)}, {"type", std::string(e.type)}};
  if (!e.data.is_null()) j["data"] = e.data;
  if (e.type == "clock.advanced") {
    // Kept as seconds inside (cheap on every step), shown as ISO times outside.
    j["data"]["from"] = format_iso_time(e.data.value("from", e.at));
    j["data"]["to"] = format_iso_time(e.data.value("to", e.at));
  }
  return j;
}

nlohmann::json result_to_json(const ApplyResult& r, Lang lang) {
  nlohmann::json j = {{"ok", r.ok}};
  if (r.ok) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : r.events) events.push_back(event_to_json(e));
    j["events"] = std::move(events);
  } else {
    j["error"] = {{"code", r.error.code}, {"message", render_message(r.error.code, r.error.args, lang)}};
  }
  return j;
}

}  // namespace kalan
