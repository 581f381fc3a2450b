#include "http_util.h"

#include "core/reader.h"

namespace kalan::server {

Lang request_lang(const httplib::Request& req) {
  return req.has_param("lang") && req.get_param_value("lang") == "en" ? Lang::en : Lang::fr;
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(dump_json(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const httplib::Request& req, int status, const std::string& code,
                std::vector<std::string> args) {
  send_json(res, status, {{"errors", {{{"code", code}, {"message", render_message(code, args, request_lang(req))}}}}});
}

nlohmann::json diagnostics_json(const Diagnostics& errors, Lang lang) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : errors)
    list.push_back({{"code", d.code}, {"path", d.path.empty() ? "/" : d.path}, {"message", render_message(d.code, d.args, lang)}});
  return {{"errors", list}};
}

std::optional<nlohmann::json> read_json_body(const httplib::Request& req, httplib::Response& res) {
  Diagnostics errors;
  auto value = parse_json_text(req.body, errors);
  if (!value) {
    send_json(res, 400, diagnostics_json(errors, request_lang(req)));
    return std::nullopt;
  }
  if (!value->is_object()) {
    Diagnostics d;
    add_error(d, "", "type_object", {json_type_name(*value)});
    send_json(res, 400, diagnostics_json(d, request_lang(req)));
    return std::nullopt;
  }
  return value;
}

bool is_cross_origin(const httplib::Request& req) {
  if (!req.has_header("Origin")) return false;  // curl, gateways, same-origin GETs
  const std::string origin = req.get_header_value("Origin");
  const std::string host = req.get_header_value("Host");
  return origin != "http://" + host;
}

std::string request_token(const httplib::Request& req) {
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  if (req.has_param("token")) return req.get_param_value("token");
  return "";
}

bool RateLimiter::allow(const std::string& client) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  if (buckets_.size() > 100000) buckets_.clear();  // a flood of addresses must not grow memory forever
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    b.tokens = std::min(burst_, b.tokens + rate_ * std::chrono::duration<double>(now - b.at).count());
    b.at = now;
  }
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

}  // namespace kalan::server
