// Messages to users of the simulated systems: notices from the trainer, a supervisor or the system.
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

struct UserMessage {
  std::int64_t id = 0;
  SimTime at = 0;
  std::string from;  // actor id
  std::string to;    // user id
  std::string text;
};

struct MessagesState {
  std::vector<UserMessage> items;
};

// Sends a message to a user's inbox.
struct SendMessage {
  static constexpr const char* kType = "message.send";
  std::string to;
  std::string text;

  static std::optional<SendMessage> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World& w, const std::string& path, Diagnostics& out) const;
};

nlohmann::json messages_to_json(const MessagesState& m);

}  // namespace kalan
