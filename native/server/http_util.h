// HTTP helpers shared by every route: JSON errors from the message catalogue, request guards (JSON
// depth, same origin) and the per-client rate limiter.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/diag.h"

namespace kalan::server {

// ?lang=en gives English messages; French otherwise.
Lang request_lang(const httplib::Request& req);
// Writes a JSON body (never throws on invalid UTF-8).
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// Writes {"errors":[{"code","message"}]} with a catalogue message.
void send_error(httplib::Response& res, const httplib::Request& req, int status, const std::string& code,
                std::vector<std::string> args = {});
// Diagnostics with paths as {"errors":[{"code","path","message"}]}.
nlohmann::json diagnostics_json(const Diagnostics& errors, Lang lang);

// Parses a request body as a JSON object, answering 400 itself when it is not one; parse_json_text
// refuses text nested deeper than 64 levels before parsing it ("too_deep").
std::optional<nlohmann::json> read_json_body(const httplib::Request& req, httplib::Response& res);

// A mutating request from another origin (browser Origin header not matching Host) is refused.
bool is_cross_origin(const httplib::Request& req);
// The bearer token: Authorization header, or ?token= for EventSource which cannot set headers.
std::string request_token(const httplib::Request& req);

// Token buckets keyed by client (token or address): `rate` requests per second, bursts up to `burst`.
class RateLimiter {
 public:
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst) {}
  bool allow(const std::string& client);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace kalan::server
