// Room mode, in the browser and on the desktop: joins a room of `kalan serve`, replays its log in the
// app's core, follows its event stream, and sends the app's commands to the server (queued while the
// network is down). The network itself is a RoomTransport: web/room.js in the browser, cpp-httplib on
// the desktop (native/room_transport.cpp); this code knows URLs and JSON, never sockets.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "app.h"

namespace kalan::ui {

// The roles a trainee may pick on the join screen (the server binds them to a scenario user).
inline const char* const kRoomRoles[] = {"case_worker", "supervisor", "service_provider", "community_reporter",
                                         "information_manager"};

class RoomClient;

// How the room client reaches the server. Every request is answered later, on the app's thread, through
// RoomClient::on_answer(what, status, key, body); status 0 means the network failed.
class RoomTransport {
 public:
  virtual ~RoomTransport() = default;
  // Is there a `kalan serve` at the other end? Answers "info", with the address's parameters
  // ({room, name, role, trainer}, as JSON) as `key`.
  virtual void probe() = 0;
  // One HTTP request to a path of the server; answered as `what`, with `key`.
  virtual void request(const std::string& what, const std::string& method, const std::string& url,
                       const std::string& token, const std::string& body, const std::string& key) = 0;
  // The room and its whole log, answered as "snapshot" with {"room": …, "commands": […]}.
  virtual void snapshot(const std::string& code, const std::string& token) = 0;
  // Follows the room's event stream after `after`: "open", then "event" (key = the event's type, body =
  // its data) for each event, "down" when the stream fails. Replaces any stream being followed.
  virtual void follow(const std::string& code, const std::string& token, double after) = 0;
  virtual void stop() = 0;
  // Wall-clock milliseconds, comparable between clients (latency figures).
  virtual double epoch_ms() = 0;
  // Keeps a participant's token for a room, so that a reload takes the same seat back ("" forgets it).
  // The desktop keeps nothing: it joins as the trainer, with the token given on its command line.
  virtual void remember(const std::string& code, const std::string& token) { (void)code, (void)token; }
  void set_client(RoomClient* client) { client_ = client; }

 protected:
  RoomClient* client_ = nullptr;
};

class RoomClient : public CommandSink {
 public:
  RoomClient(App& app, RoomTransport& transport) : app_(app), transport_(transport) { transport.set_client(this); }

  // Asks whether the app is served by `kalan serve` (answer through on_answer("info")).
  void probe();
  // The trainer console opens by itself when the address gives the room and the trainer's token.
  void set_auto_join(bool on) { auto_join_ = on; }
  // Every answer of the transport: `what` names the request, status 0 a network failure.
  void on_answer(const std::string& what, int status, const std::string& key, const std::string& body);
  // Once per frame: retries after a failure.
  void tick(double now);

  ApplyResult submit(Command command) override;
  // Joined: the room decides the scenario and takes the app's commands.
  bool in_room() const { return phase_ == Phase::live; }
  bool trainer() const { return trainer_; }
  const std::string& code() const { return code_; }
  std::int64_t seq() const { return seq_; }

  // Screens and lines drawn by ui/room_view.cpp.
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

  App& app_;
  RoomTransport& transport_;
  bool auto_join_ = false;
  bool resuming_ = false;  // taking back a remembered seat: a refusal forgets it and shows the join screen
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

}  // namespace kalan::ui
