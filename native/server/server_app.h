// The sandbox server's state and routes: rooms (in memory, rebuilt from SQLite), callers, HTTP handlers.
#pragma once
#include <atomic>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http_util.h"
#include "rooms.h"
#include "store.h"

namespace kalan::server {

struct ServeOptions {
  int port = 8080;
  std::string data = "kalan-data";
  std::string scenario;  // file for the default room; the built-in mopti-atelier otherwise
  std::string web;       // the browser app's folder; found next to the binary otherwise
  bool lan = false;
  bool full_sync = true;  // --sync full|normal
  double rate = 100, burst = 200;  // per client, requests per second
  size_t threads = 192;            // SSE streams and keep-alive connections each hold one
  size_t max_body = 2 * 1024 * 1024;     // every call's body...
  size_t max_import = 64 * 1024 * 1024;  // ...but a room import's, which carries the attachments
};

// Who is calling: the trainer, or a participant bound to one room and one scenario user.
struct Caller {
  bool trainer = false;
  std::shared_ptr<Room> room;  // participant's room
  std::int64_t participant = 0;
};

// A call on /api/rooms/{code}/...: the caller, the room, and the JSON body when one is expected.
struct RoomCall {
  Caller caller;
  std::shared_ptr<Room> room;
  nlohmann::json body;
};

class App {
 public:
  App(ServeOptions options, std::string trainer_token);
  ~App();

  // Loads every room from the database (replay + hash checks); returns the problems found.
  std::vector<std::string> load();
  // The room made at first start so that the main job works out of the box.
  void ensure_default_room(std::ostream& out);
  // Binds the port (false if taken), then serves until stop().
  bool bind(const std::string& host);
  bool serve();
  void stop();
  std::shared_ptr<Room> default_room();

 private:
  // Creates a room from validated scenario JSON; returns it, or fills `errors`.
  std::shared_ptr<Room> create_room(const nlohmann::json& scenario, Diagnostics& errors);
  std::shared_ptr<Room> find_room(const std::string& code);
  std::shared_ptr<Room> find_channel(const std::string& uuid);
  void add_room(std::shared_ptr<Room> room);

  // Rate limit and identify; answers 401/403/404/429 itself and returns nullopt then.
  std::optional<Caller> authenticate(const httplib::Request& req, httplib::Response& res);
  std::optional<Caller> trainer_only(const httplib::Request& req, httplib::Response& res);
  // The room named in the path, visible to this caller (a participant sees only theirs).
  std::shared_ptr<Room> room_for(const Caller& c, const httplib::Request& req, httplib::Response& res);
  // authenticate (or trainer_only), room_for and read_json_body (when `with_body`) in one step.
  std::optional<RoomCall> room_call(const httplib::Request& req, httplib::Response& res, bool trainer, bool with_body);
  // Reads {"command": {...}, "key"?} from a body, answering 400 itself.
  static std::optional<std::pair<nlohmann::json, std::string>> read_command(const nlohmann::json& body,
                                                                            const httplib::Request& req,
                                                                            httplib::Response& res);

  void routes();
  // The largest body a request to `path` may send.
  size_t body_limit(const std::string& path) const;
  void routes_rooms();
  void routes_commands();
  void routes_trainer();
  void routes_export();
  void routes_channel();
  void routes_static();
  void routes_primero();  // api_primero.cpp
  void routes_kobo();     // api_kobo.cpp: KoboToolbox data and OpenRosa

  // Primero-like routes: the caller's room (the trainer names it with ?room=CODE), answering 404 itself.
  std::shared_ptr<Room> primero_room(const Caller& c, const httplib::Request& req, httplib::Response& res);
  // Submits one case command as the caller and answers {"data": case} or Primero-shaped errors.
  void primero_submit(const Caller& c, const std::shared_ptr<Room>& room, nlohmann::json command,
                      const std::string& case_id, const httplib::Request& req, httplib::Response& res);

  // Submits command JSON as the caller (a participant acts as their user) and answers.
  void submit_json(const Caller& c, Room& room, const std::shared_ptr<Room>& room_ptr, nlohmann::json command,
                   const std::string& key, const httplib::Request& req, httplib::Response& res);
  nlohmann::json room_json(Room& room, bool full, const Caller& c);
  nlohmann::json export_room(Room& room);
  std::shared_ptr<Room> import_room(const nlohmann::json& file, Diagnostics& errors, nlohmann::json& tokens);
  void tick();  // advances the clock of running rooms

  ServeOptions options_;
  std::string trainer_token_;
  Store store_;
  Writer writer_;
  RateLimiter limiter_;
  httplib::Server http_;
  std::shared_mutex rooms_mu_;
  std::vector<std::shared_ptr<Room>> rooms_;
  std::unordered_map<std::string, std::shared_ptr<Room>> by_code_, by_channel_;
  std::unordered_map<std::string, std::pair<std::shared_ptr<Room>, std::int64_t>> by_token_hash_;
  std::atomic<bool> stopping_{false};
  std::thread ticker_;
};

}  // namespace kalan::server
