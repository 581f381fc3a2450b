// The desktop's room transport: the same requests as web/room.js (fetch and EventSource), made with
// cpp-httplib on background threads. Answers wait in a queue until the app's thread takes them (pump),
// so the room client only ever runs on the app's thread, as in the browser.
#pragma once
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "room_client.h"

namespace httplib {
class Client;
}

namespace kalan {

class HttpRoomTransport : public ui::RoomTransport {
 public:
  // `address`: "http://HOST:PORT/?room=CODE[&trainer=TOKEN][&name=…&role=…]", as given to trainees.
  explicit HttpRoomTransport(const std::string& address);
  ~HttpRoomTransport() override;

  void probe() override;
  void request(const std::string& what, const std::string& method, const std::string& url, const std::string& token,
               const std::string& body, const std::string& key) override;
  void snapshot(const std::string& code, const std::string& token) override;
  void follow(const std::string& code, const std::string& token, double after) override;
  void stop() override;
  double epoch_ms() override;

  // Hands the waiting answers to the client (on the app's thread).
  void pump();
  bool valid() const { return !host_.empty(); }

 private:
  struct Answer {
    std::string what, key, body;
    int status = 0;
  };
  struct Shared {
    std::mutex mu;
    std::deque<Answer> answers;
    std::atomic<int> stream_tag{0};
    std::atomic<int> threads{0};
    void push(Answer a) {
      std::lock_guard<std::mutex> lock(mu);
      answers.push_back(std::move(a));
    }
  };
  // Runs `job` on a thread of its own with a client of the server (`read_timeout` seconds).
  void spawn(int read_timeout, std::function<void(Shared&, httplib::Client&)> job);

  std::string host_;
  int port_ = 0;
  std::string params_;  // the probe's answer: {room, name, role, trainer} from the address
  std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
};

}  // namespace kalan
