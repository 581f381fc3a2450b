// RapidPro's external channel ("EX"), so that a real SMS-gateway phone can relay SMS into a room:
// POST /c/ex/{uuid}/receive (from, text) and GET /c/ex/{uuid}/outbox?after=ID for the replies.
// The channel uuid is the credential, as in RapidPro; it is shown to the trainer in GET /api/rooms/{code}.
#include <algorithm>
#include <cctype>

#include "server_app.h"
#include "core/reader.h"

namespace kalan::server {

namespace {

// "+22370000111", "22370000111" or "tel:+22370000111" → "tel:+22370000111" (the core checks the digits).
std::string to_urn(std::string from) {
  from.erase(std::remove_if(from.begin(), from.end(), [](unsigned char c) { return std::isspace(c); }), from.end());
  if (from.rfind("tel:", 0) == 0) return from;
  if (!from.empty() && from[0] != '+') from = "+" + from;
  return "tel:" + from;
}

}  // namespace

void App::routes_channel() {
  const char* receive = R"(/c/ex/([0-9a-f-]{36})/receive)";
  http_.Post(receive, [this](const httplib::Request& req, httplib::Response& res) {
    if (!limiter_.allow("ip:" + req.remote_addr)) return send_error(res, req, 429, "http_rate_limited");
    auto room = find_channel(req.matches[1]);
    if (!room) return send_error(res, req, 404, "http_not_found", {req.path});
    std::string from, text;
    if (req.get_header_value("Content-Type").find("application/json") == 0) {
      auto body = read_json_body(req, res);
      if (!body) return;
      Diagnostics errors;
      ObjectReader r(*body, "", errors);
      from = r.string("from").value_or("");
      text = r.string("text", true, true).value_or("");
      r.get("date");  // sent by some gateways; the sim clock stamps the message
      r.reject_unknown_keys();
      if (!errors.empty()) return send_json(res, 400, diagnostics_json(errors, request_lang(req)));
    } else {
      if (!req.has_param("from")) {
        Diagnostics d;
        add_error(d, "/from", "missing", {"from"});
        return send_json(res, 400, diagnostics_json(d, request_lang(req)));
      }
      from = req.get_param_value("from");
      text = req.get_param_value("text");
    }
    Caller system{true, nullptr, 0};
    submit_json(system, *room, room, {{"type", "sms.receive"}, {"actor", kSystem}, {"from", to_urn(from)}, {"text", text}},
                req.has_param("id") ? "ex-" + req.get_param_value("id") : "", req, res);
  });

  // Outgoing messages (replies of the flows) after ?after=ID, oldest first, at most 500.
  http_.Get(R"(/c/ex/([0-9a-f-]{36})/outbox)", [this](const httplib::Request& req, httplib::Response& res) {
    if (!limiter_.allow("ip:" + req.remote_addr)) return send_error(res, req, 429, "http_rate_limited");
    auto room = find_channel(req.matches[1]);
    if (!room) return send_error(res, req, 404, "http_not_found", {req.path});
    std::int64_t after = 0;
    try {
      if (req.has_param("after")) after = std::stoll(req.get_param_value("after"));
    } catch (...) {
    }
    nlohmann::json list = nlohmann::json::array();
    std::lock_guard<std::mutex> lock(room->mu);
    const auto& st = room->session->state();
    for (const auto& m : st.sms.log) {
      if (m.inbound || m.id <= after) continue;
      list.push_back({{"id", m.id}, {"to", m.urn.rfind("tel:", 0) == 0 ? m.urn.substr(4) : m.urn}, {"urn", m.urn},
                      {"text", m.text}, {"at", format_iso_time(m.at)}, {"from", st.sms.settings.shortcode}});
      if (list.size() >= 500) break;
    }
    send_json(res, 200, {{"messages", list}});
  });
}

}  // namespace kalan::server
