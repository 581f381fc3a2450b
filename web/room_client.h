// The browser's room mode: joins a room of `kalan serve`, replays its log in the wasm core, follows
// its event stream, and sends the app's commands to the server (queued while the network is down).
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "app.h"

namespace kalan::web {

// The roles a trainee may pick on the join screen (the server binds them to a scenario user).
inline const char* const kRoomRoles[] = {"case_worker", "supervisor", "service_provider", "community_reporter",
                                         "information_manager"};

class RoomClient : public ui::CommandSink {
 public:
  explicit RoomClient(ui::App& app) : app_(app) {}

  // Asks the page whether it is served by `kalan serve` (answer through on_answer("info")).
  void probe();
  // Every answer of web/room.js: `what` names the request, status 0 a network failure.
  void on_answer(const std::string& what, int status, const std::string& key, const std::string& body);
  // Once per frame: retries after a failure.
  void tick(double now);

  ApplyResult submit(Command command) override;
  // Joined: the room decides the scenario and takes the app's commands.
  bool in_room() const { return phase_ == Phase::live; }

  // Screens and lines drawn by web/room_view.cpp.
  bool draw_screen();
  void draw_header();
  nlohmann::json debug() const;

  enum class Phase { off, join, joining, loading, live };

 private:
  struct Pending {
    std::string key;   // idempotency key: the same on every resend
    std::string body;  // {"command": …, "key": …}
    std::string type;  // for the "pending" list
  };
  struct Form {
    bool trainer = false;
    char code[16] = "";
    char name[64] = "";
    char token[80] = "";
    int role = 0;
  };

  void join();
  void on_joined(int status, const std::string& body);
  void load_snapshot(int status, const std::string& body);
  void on_event(const std::string& type, const std::string& data);
  void on_verdict(int status, const std::string& key, const std::string& body);
  void on_trainer(const std::string& what, int status, const std::string& body);
  void send_front();
  void went_down();
  void resync(const std::string& why);
  bool check_hash(std::int64_t seq, const std::string& server_hash);
  void trainer_call(const std::string& what, const std::string& method, const std::string& path,
                    const std::string& body = "");
  std::string url(const std::string& path) const;
  void draw_join();
  void draw_trainer_console();
  void draw_exercise_progress();

  ui::App& app_;
  Phase phase_ = Phase::off;
  Form form_;
  std::string error_;  // on the join screen
  std::string code_, token_, name_, role_, user_;
  bool trainer_ = false;
  std::int64_t seq_ = 0, generation_ = 0;
  std::map<std::int64_t, std::string> hashes_;  // recent local hashes by seq, for late `hash` events
  std::deque<Pending> queue_;                   // front is in flight when sending_
  bool sending_ = false;
  bool online_ = false;
  bool need_snapshot_ = false;  // a divergence or reset: reload the whole log
  double now_ = 0, retry_at_ = 0;
  double sent_at_ = 0, applied_at_ = 0;  // epoch ms of the last POST and of the last command applied
  std::string alert_;   // mismatch, conflict, reset: shown until dismissed
  int resyncs_ = 0, mismatches_ = 0, conflicts_ = 0, resent_ = 0;
  // Trainer console.
  nlohmann::json room_ = nlohmann::json::object();
  double refresh_at_ = 0;
  char inject_[2048] = "{\"type\": \"sms.receive\", \"from\": \"tel:+22370000112\", \"text\": \"Jam\"}";
  bool confirm_reset_ = false;
  std::string trainer_msg_;
};

}  // namespace kalan::web
