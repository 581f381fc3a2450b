// The browser's room transport (web/room.js through EM_JS).
#pragma once
#include "room_client.h"

namespace kalan::web {

class WebRoomTransport : public ui::RoomTransport {
 public:
  void probe() override;
  void request(const std::string& what, const std::string& method, const std::string& url, const std::string& token,
               const std::string& body, const std::string& key) override;
  void snapshot(const std::string& code, const std::string& token) override;
  void follow(const std::string& code, const std::string& token, double after) override;
  void stop() override;
  double epoch_ms() override;
  void remember(const std::string& code, const std::string& token) override;
};

}  // namespace kalan::web
