#include "core/event.h"

namespace kalan {

nlohmann::json event_to_json(const Event& e) {
  nlohmann::json j = {{"at", format_iso_time(e.at)}, {"type", e.type}};
  if (!e.data.is_null()) j["data"] = e.data;
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
