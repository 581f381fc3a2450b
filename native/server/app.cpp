#include "server_app.h"

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <ostream>

#include "assets.h"
#include "core/hash.h"
#include "core/reader.h"
#include "secret.h"

namespace kalan::server {

namespace {

// cpp-httplib 0.11 listens with a backlog of 5, fixed inside Debian's shared library: a room of browsers
// connecting at once would wait for SYN retries (1 s, then 3 s). listen() again on the bound socket
// raises the backlog; the socket is found among our descriptors by its port.
void widen_backlog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
    sockaddr_in addr{};
    socklen_t alen = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &alen) == 0 && addr.sin_family == AF_INET &&
        ntohs(addr.sin_port) == port)
      ::listen(fd, 1024);
  }
}

}  // namespace

App::App(ServeOptions options, std::string trainer_token)
    : options_(std::move(options)),
      trainer_token_(std::move(trainer_token)),
      store_(options_.data + "/kalan.db", options_.full_sync),
      writer_(store_),
      limiter_(options_.rate, options_.burst) {
  const size_t threads = options_.threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_payload_max_length(std::max(options_.max_body, options_.max_import));
  http_.set_keep_alive_max_count(100000);
  http_.set_tcp_nodelay(true);  // a response is written in pieces: without this, Nagle + delayed ACK add 40 ms
  http_.set_read_timeout(10, 0);
  http_.set_write_timeout(10, 0);
  routes();
  ticker_ = std::thread([this] {
    while (!stopping_) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      if (stopping_) break;
      tick();
      store_.checkpoint_wal();
    }
  });
}

App::~App() {
  stop();
  if (ticker_.joinable()) ticker_.join();
}

void App::stop() {
  stopping_ = true;
  {
    std::shared_lock<std::shared_mutex> lock(rooms_mu_);
    for (auto& r : rooms_) {
      std::lock_guard<std::mutex> room_lock(r->mu);
      r->closing = true;
      r->changed.notify_all();
    }
  }
  http_.stop();
}

bool App::bind(const std::string& host) {
  if (!http_.bind_to_port(host.c_str(), options_.port)) return false;
  widen_backlog(options_.port);
  return true;
}

bool App::serve() { return http_.listen_after_bind(); }

void App::add_room(std::shared_ptr<Room> room) {
  std::unique_lock<std::shared_mutex> lock(rooms_mu_);
  by_code_[room->row.code] = room;
  by_channel_[room->row.channel] = room;
  for (const auto& p : room->participants) by_token_hash_[p.row.token_hash] = {room, p.row.id};
  rooms_.push_back(std::move(room));
}

std::vector<std::string> App::load() {
  std::vector<std::string> problems;
  const auto participants = store_.participants();
  for (const auto& row : store_.rooms()) add_room(rebuild_room(row, participants, store_.commands(row.id), problems));
  return problems;
}

std::shared_ptr<Room> App::default_room() {
  std::shared_lock<std::shared_mutex> lock(rooms_mu_);
  return rooms_.empty() ? nullptr : rooms_.front();
}

void App::ensure_default_room(std::ostream& out) {
  if (default_room()) return;
  std::string text;
  if (!options_.scenario.empty()) {
    auto file = read_file(options_.scenario);
    if (!file) throw std::runtime_error(options_.scenario + ": " + render_message("file_unreadable", {options_.scenario}));
    text = *file;
  } else {
    const Asset* a = find_asset("mopti-atelier.json");
    if (!a) throw std::runtime_error("built-in scenario mopti-atelier.json is missing");
    text.assign(reinterpret_cast<const char*>(a->data), a->size);
  }
  Diagnostics errors;
  auto value = parse_json_text(text, errors);
  std::shared_ptr<Room> room;
  if (value) room = create_room(*value, errors);
  if (!room) {
    std::string all;
    for (const auto& d : errors) all += "\n  " + render(d);
    throw std::runtime_error((options_.scenario.empty() ? std::string("mopti-atelier.json") : options_.scenario) + " : scénario refusé :" + all);
  }
  out << "salle par défaut créée : " << room->row.code << "\n";
}

std::shared_ptr<Room> App::create_room(const nlohmann::json& scenario, Diagnostics& errors) {
  ScenarioLoad sl = load_scenario(scenario);
  if (!sl.scenario) {
    errors = std::move(sl.errors);
    return nullptr;
  }
  RoomRow row;
  row.scenario = dump_json(sl.scenario->source);
  row.created = now_utc();
  row.channel = random_hex(16);
  row.channel = row.channel.substr(0, 8) + "-" + row.channel.substr(8, 4) + "-" + row.channel.substr(12, 4) + "-" +
                row.channel.substr(16, 4) + "-" + row.channel.substr(20);
  for (int attempt = 0;; ++attempt) {
    row.code = random_code(6);
    if (!find_room(row.code)) break;
    if (attempt > 100) throw std::runtime_error("no free join code");
  }
  row.id = store_.add_room(row);
  std::vector<std::string> problems;
  auto room = rebuild_room(row, {}, {}, problems);
  add_room(room);
  return room;
}

std::shared_ptr<Room> App::find_room(const std::string& code) {
  std::shared_lock<std::shared_mutex> lock(rooms_mu_);
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : it->second;
}

std::shared_ptr<Room> App::find_channel(const std::string& uuid) {
  std::shared_lock<std::shared_mutex> lock(rooms_mu_);
  auto it = by_channel_.find(uuid);
  return it == by_channel_.end() ? nullptr : it->second;
}

std::optional<Caller> App::authenticate(const httplib::Request& req, httplib::Response& res) {
  const std::string token = request_token(req);
  if (!limiter_.allow(token.empty() ? "ip:" + req.remote_addr : "token:" + sha256_hex(token).substr(0, 32))) {
    send_error(res, req, 429, "http_rate_limited");
    res.set_header("Retry-After", "1");
    return std::nullopt;
  }
  if (token.empty()) {
    send_error(res, req, 401, "http_unauthorized");
    return std::nullopt;
  }
  if (same_secret(token, trainer_token_)) return Caller{true, nullptr, 0};
  const std::string h = sha256_hex(token);
  std::shared_lock<std::shared_mutex> lock(rooms_mu_);
  auto it = by_token_hash_.find(h);
  if (it == by_token_hash_.end()) {
    send_error(res, req, 401, "http_unauthorized");
    return std::nullopt;
  }
  return Caller{false, it->second.first, it->second.second};
}

std::optional<Caller> App::trainer_only(const httplib::Request& req, httplib::Response& res) {
  auto c = authenticate(req, res);
  if (c && !c->trainer) {
    send_error(res, req, 403, "http_trainer_only");
    return std::nullopt;
  }
  return c;
}

std::shared_ptr<Room> App::room_for(const Caller& c, const httplib::Request& req, httplib::Response& res) {
  const std::string code = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  auto room = find_room(code);
  // A participant gets the same 404 for another room as for a missing one: rooms are not discoverable.
  if (!room || (!c.trainer && room != c.room)) {
    send_error(res, req, 404, "http_unknown_room", {code});
    return nullptr;
  }
  return room;
}

std::optional<RoomCall> App::room_call(const httplib::Request& req, httplib::Response& res, bool trainer, bool with_body) {
  auto c = trainer ? trainer_only(req, res) : authenticate(req, res);
  if (!c) return std::nullopt;
  auto room = room_for(*c, req, res);
  if (!room) return std::nullopt;
  RoomCall call{*c, room, nullptr};
  if (with_body) {
    auto body = read_json_body(req, res);
    if (!body) return std::nullopt;
    call.body = std::move(*body);
  }
  return call;
}

std::optional<std::pair<nlohmann::json, std::string>> App::read_command(const nlohmann::json& body,
                                                                       const httplib::Request& req,
                                                                       httplib::Response& res) {
  Diagnostics errors;
  ObjectReader r(body, "", errors);
  const nlohmann::json* command = r.required("command");
  auto key = r.string("key", false);
  if (key && key->size() > 128) r.error("key", "out_of_range", {std::to_string(key->size()), "1", "128"});
  r.reject_unknown_keys();
  if (!errors.empty()) {
    send_json(res, 400, diagnostics_json(errors, request_lang(req)));
    return std::nullopt;
  }
  return std::make_pair(*command, key.value_or(""));
}

nlohmann::json App::room_json(Room& room, bool full, const Caller& c) {
  std::lock_guard<std::mutex> lock(room.mu);
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : room.participants)
    people.push_back({{"id", p.row.id}, {"name", p.row.name}, {"role", p.row.role}, {"user", p.row.user},
                      {"joined", p.row.created}, {"last_action", p.last_action}, {"last_at", p.last_at},
                      {"actions", p.actions}});
  const Scenario& sc = room.session->scenario();
  nlohmann::json j = {{"code", room.row.code},     {"title", sc.meta.title},       {"created", room.row.created},
                      {"seq", room.seq()},         {"hash", room.hash()},          {"hash_seq", room.checkpoint_seq},          {"generation", room.row.generation},
                      {"running", room.row.running}, {"participants", people}};
  if (c.trainer) j["channel"] = room.row.channel;
  if (full) j["scenario"] = sc.source;
  if (!c.trainer)
    if (const Participant* p = room.participant(c.participant))
      j["you"] = {{"id", p->row.id}, {"name", p->row.name}, {"role", p->row.role}, {"user", p->row.user}};
  return j;
}

void App::submit_json(const Caller& c, Room& room, const std::shared_ptr<Room>& room_ptr, nlohmann::json command,
                      const std::string& key, const httplib::Request& req, httplib::Response& res) {
  const Lang lang = request_lang(req);
  if (!command.is_object()) {
    Diagnostics d;
    add_error(d, "/command", "type_object", {json_type_name(command)});
    send_json(res, 400, diagnostics_json(d, lang));
    return;
  }
  std::string user;
  if (!c.trainer) {
    std::lock_guard<std::mutex> lock(room.mu);
    if (const Participant* p = room.participant(c.participant)) user = p->row.user;
  }
  const std::string self = c.trainer ? kTrainer : user;
  if (!command.contains("actor")) command["actor"] = self;
  const nlohmann::json& actor = command["actor"];
  const bool allowed = actor.is_string() && (actor == self || (c.trainer && actor == kSystem));
  if (!allowed) {
    send_error(res, req, 403, "http_actor_mismatch", {self, actor.is_string() ? actor.get<std::string>() : actor.dump()});
    return;
  }
  if (!key.empty()) command["key"] = key;
  Diagnostics errors;
  auto cmd = parse_command(command, "/command", errors);
  if (!cmd) {
    send_json(res, 400, diagnostics_json(errors, lang));
    return;
  }
  Outcome o = writer_.submit(room_ptr, std::move(*cmd), c.trainer ? 0 : c.participant, lang);
  send_json(res, o.status, o.body);
}

void App::routes() {
  http_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "?";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    send_error(res, req, 500, "http_internal", {what});
  });
  // Errors raised by httplib itself (413, 404 of an unmatched route, 400 of a bad request line).
  http_.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413) send_error(res, req, 413, "http_body_too_large", {std::to_string(body_limit(req.path))});
    else if (req.method != "GET" && req.method != "POST" && req.method != "HEAD")
      send_error(res, req, 405, "http_method", {req.method});
    else if (res.status == 404) send_error(res, req, 404, "http_not_found", {req.path});
    else if (res.status < 500) send_error(res, req, res.status, "http_bad_request");
    else send_error(res, req, res.status, "http_internal", {std::to_string(res.status)});
    return httplib::Server::HandlerResponse::Handled;
  }));
  // Runs before the body is read.
  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    auto refuse = [&](int status, const char* code, std::vector<std::string> args) {
      send_error(res, req, status, code, std::move(args));
      res.set_header("Connection", "close");  // its body was not read: the connection cannot be reused
      return httplib::Server::HandlerResponse::Handled;
    };
    // Same origin only, for every mutating call: a page from elsewhere cannot drive the room.
    if (is_cross_origin(req)) return refuse(403, "http_cross_origin", {req.get_header_value("Origin")});
    // A body over the route's limit is refused before it is read into memory.
    const size_t limit = body_limit(req.path);
    if (req.has_header("Content-Length")) {
      const std::string text = req.get_header_value("Content-Length");
      char* end = nullptr;
      const unsigned long long length = std::strtoull(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || text[0] == '-') return refuse(400, "http_bad_request", {});
      if (length > limit) return refuse(413, "http_body_too_large", {std::to_string(limit)});
    } else if (req.has_header("Transfer-Encoding")) {
      return refuse(411, "http_length_required", {});
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  routes_rooms();
  routes_commands();
  routes_trainer();
  routes_export();
  routes_channel();
  routes_primero();
  routes_kobo();
  routes_static();
}

size_t App::body_limit(const std::string& path) const {
  return path == "/api/rooms/import" ? options_.max_import : options_.max_body;
}

void App::tick() {
  std::vector<std::shared_ptr<Room>> running;
  {
    std::shared_lock<std::shared_mutex> lock(rooms_mu_);
    for (auto& r : rooms_) {
      std::lock_guard<std::mutex> room_lock(r->mu);
      if (r->row.running) running.push_back(r);
    }
  }
  // One sim minute per real second while a room runs, as the app's play button does.
  for (auto& r : running) {
    ClockAdvance a;
    a.seconds = 60;
    writer_.submit(r, Command{kTrainer, "", a}, 0, Lang::fr, false);
  }
}

}  // namespace kalan::server
