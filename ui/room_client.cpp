#include "room_client.h"

#include <cstdio>
#include <random>

#include "core/hash.h"
#include "i18n.h"
#include "panels.h"
#include "session/session.h"

namespace kalan::ui {

namespace {

constexpr double kRetrySeconds = 2.0;
constexpr size_t kHashMemory = 256;

// A 128-bit idempotency key (std::random_device reads the browser's crypto.getRandomValues).
std::string random_key() {
  std::random_device rd;
  char out[33];
  for (int i = 0; i < 4; ++i) std::snprintf(out + i * 8, 9, "%08x", static_cast<unsigned>(rd()));
  return out;
}

std::optional<nlohmann::json> parse(const std::string& text) {
  Diagnostics ignored;
  return parse_json_text(text, ignored);
}

// The first error message of a server answer ({"error"} or {"errors": [...]}), else the status.
std::string error_message(int status, const std::string& body) {
  if (status == 0) return ui::tr("room.no_server");
  if (auto j = parse(body); j && j->is_object()) {
    if (j->contains("error") && (*j)["error"].is_object()) return (*j)["error"].value("message", "");
    if (j->contains("errors") && (*j)["errors"].is_array() && !(*j)["errors"].empty())
      return (*j)["errors"][0].value("message", "");
  }
  return "HTTP " + std::to_string(status);
}

}  // namespace

std::string RoomClient::url(const std::string& path) const {
  std::string u = "/api/rooms/" + code_ + path;
  if (ui::language() == Lang::en) u += (path.find('?') == std::string::npos ? "?" : "&") + std::string("lang=en");
  return u;
}

void RoomClient::probe() { transport_.probe(); }

void RoomClient::on_answer(const std::string& what, int status, const std::string& key, const std::string& body) {
  if (what == "info") {
    if (status != 200) return;  // a plain static server: single-player
    phase_ = Phase::join;
    if (auto p = parse(key); p && p->is_object()) {
      std::snprintf(form_.code, sizeof form_.code, "%s", p->value("room", "").c_str());
      std::snprintf(form_.name, sizeof form_.name, "%s", p->value("name", "").c_str());
      const std::string trainer = p->value("trainer", "");
      if (!trainer.empty()) form_.trainer = true, std::snprintf(form_.token, sizeof form_.token, "%s", trainer.c_str());
      const std::string role = p->value("role", "");
      for (int i = 0; i < 5; ++i)
        if (role == kRoomRoles[i]) form_.role = i;
    }
    if (auto_join_ && form_.code[0] && form_.trainer && form_.token[0]) return join();
    // A seat this browser already holds in the room: back in the room without joining again.
    if (auto p = parse(key); p && p->is_object() && !form_.trainer && form_.code[0] && !p->value("seat", "").empty()) {
      code_ = form_.code;
      token_ = p->value("seat", "");
      resuming_ = true;
      phase_ = Phase::joining;
      transport_.snapshot(code_, token_);
    }
  } else if (what == "join") {
    on_joined(status, body);
  } else if (what == "snapshot") {
    load_snapshot(status, body);
  } else if (what == "open") {
    online_ = true;
    if (!sending_ && !queue_.empty()) send_front();
  } else if (what == "down") {
    went_down();
  } else if (what == "event") {
    on_event(key, body);
  } else if (what == "command") {
    on_verdict(status, key, body);
  } else {
    on_trainer(what, status, body);
  }
}

void RoomClient::join() {
  code_ = form_.code;
  for (auto& ch : code_) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  error_.clear();
  phase_ = Phase::joining;
  if (form_.trainer) {
    trainer_ = true;
    token_ = form_.token;
    name_ = ui::tr("room.trainer");
    transport_.snapshot(code_, token_);
    return;
  }
  const nlohmann::json body = {{"name", std::string(form_.name)}, {"role", kRoomRoles[form_.role]}};
  transport_.request("join", "POST", url("/join"), "", dump_json(body), "");
}

void RoomClient::on_joined(int status, const std::string& body) {
  auto j = parse(body);
  if (status != 201 || !j || !j->is_object()) {
    phase_ = Phase::join;
    error_ = ui::trf("room.join_failed", {error_message(status, body)});
    return;
  }
  token_ = j->value("token", "");
  transport_.remember(code_, token_);
  const auto& p = (*j)["participant"];
  name_ = p.value("name", "");
  role_ = p.value("role", "");
  user_ = p.value("user", "");
  phase_ = Phase::loading;
  transport_.snapshot(code_, token_);
}

void RoomClient::load_snapshot(int status, const std::string& body) {
  auto j = parse(body);
  if (status != 200 || !j || !j->is_object()) {
    if (phase_ == Phase::live) return went_down();  // a failed resync: retry later
    phase_ = Phase::join;
    if (resuming_ && status != 0) {
      // The seat is gone (the room was deleted, or the data folder replaced): join again.
      transport_.remember(code_, "");
      token_.clear();
      error_ = ui::tr("room.seat_lost");
    } else {
      error_ = ui::trf("room.join_failed", {error_message(status, body)});
    }
    resuming_ = false;
    return;
  }
  const nlohmann::json& room = (*j)["room"];
  ScenarioLoad load = load_scenario(room["scenario"]);
  if (!load.scenario) {
    phase_ = Phase::join;
    error_ = ui::trf("room.join_failed", {render_message(load.errors.front().code, load.errors.front().args, ui::language())});
    return;
  }
  // Silent replay: no events are built for commands the trainee did not see happen, unless the room
  // has exercises: their conditions read the events, and every page follows them from the log.
  Session session(*load.scenario);
  std::unique_ptr<ExerciseBoard> board;
  if (!load.scenario->exercises.empty()) {
    board = std::make_unique<ExerciseBoard>(load.scenario->exercises, session.state());
    watch_exercises(session, *board);
  }
  session.set_record_events(board != nullptr);
  std::int64_t seq = 0;
  std::string last_hash;
  for (const auto& row : (*j)["commands"]) {
    Diagnostics errors;
    auto c = parse_command(row["command"], "/command", errors);
    if (!c || !replay_entry(session, *c, row.value("refused", false))) break;  // the server decided otherwise: a divergence
    seq = row.value("seq", seq + 1);
    last_hash = row.value("hash", "");
  }
  session.set_record_events(true);
  // The last command's checkpoint, else the room's own hash when it is after that same command.
  if (last_hash.empty() && room.value("hash_seq", std::int64_t{-1}) == seq) last_hash = room.value("hash", "");
  const bool diverged = !last_hash.empty() && hex16(session.hash()) != last_hash;
  room_ = room;
  generation_ = room.value("generation", std::int64_t{0});
  if (room.contains("you")) {
    const nlohmann::json& you = room["you"];
    user_ = you.value("user", user_);
    name_ = you.value("name", name_);
    role_ = you.value("role", role_);
  }
  resuming_ = false;
  seq_ = seq;
  hashes_.clear();
  hashes_[seq_] = hex16(session.hash());
  app_.start(std::move(session), std::move(board));
  app_.set_sink(this);
  // A participant works as their scenario user: the workspaces show what that user may see.
  app_.view().cases.user = trainer_ || user_.empty() ? "trainer" : user_;
  app_.view().cases.user_locked = !trainer_ && !user_.empty();
  if (!user_.empty())
    for (const auto& u : app_.session()->state().world.users)
      if (u.id == user_ && !u.phone.empty()) app_.view().phone = u.phone;  // the trainee's own phone first
  phase_ = Phase::live;
  online_ = true;  // the server just answered; the stream's "open" or "down" follows
  need_snapshot_ = false;
  if (diverged) ++mismatches_, alert_ = ui::trf("room.mismatch", {std::to_string(seq_)});
  transport_.follow(code_, token_, static_cast<double>(seq_));
}

bool RoomClient::check_hash(std::int64_t seq, const std::string& server_hash) {
  auto it = hashes_.find(seq);
  if (server_hash.empty() || it == hashes_.end() || it->second == server_hash) return true;
  ++mismatches_;
  resync(ui::trf("room.mismatch", {std::to_string(seq)}));
  return false;
}

void RoomClient::on_event(const std::string& type, const std::string& data) {
  auto j = parse(data);
  if (!j || !j->is_object() || phase_ != Phase::live) return;
  if (type == "reset") return resync(ui::tr("room.reset_done"));
  const std::int64_t seq = j->value("seq", std::int64_t{0});
  if (type == "hash") {
    check_hash(seq, j->value("hash", ""));
    return;
  }
  if (seq <= seq_) return;                        // already applied (a reconnection replays from Last-Event-ID)
  if (seq != seq_ + 1) return resync("");         // a gap: fetch the log again
  Diagnostics errors;
  auto c = parse_command((*j)["command"], "/command", errors);
  if (!c || !app_.replay(*c, j->value("refused", false))) {
    ++mismatches_;
    return resync(ui::trf("room.mismatch", {std::to_string(seq)}));
  }
  seq_ = seq;
  applied_at_ = transport_.epoch_ms();
  hashes_[seq_] = hex16(app_.session()->hash());
  while (hashes_.size() > kHashMemory) hashes_.erase(hashes_.begin());
  check_hash(seq, j->value("hash", ""));
}

void RoomClient::resync(const std::string& why) {
  if (!why.empty()) alert_ = why;
  ++resyncs_;
  need_snapshot_ = true;
  transport_.stop();
  transport_.snapshot(code_, token_);
}

ApplyResult RoomClient::submit(Command command) {
  if (phase_ != Phase::live) return ApplyResult::refuse("no_session");
  // A participant always acts as their scenario user; the server checks that user's role.
  if (!trainer_) command.actor = user_;
  Pending p;
  p.key = random_key();
  p.type = command_type(command);
  p.body = dump_json({{"command", command_to_json(command)}, {"key", p.key}});
  queue_.push_back(std::move(p));
  if (online_ && !sending_) send_front();
  return ApplyResult{};
}

// One command in flight at a time, so the server sees them in the order the trainee acted.
void RoomClient::send_front() {
  if (queue_.empty()) return;
  sending_ = true;
  sent_at_ = transport_.epoch_ms();
  const Pending& p = queue_.front();
  transport_.request("command", "POST", url("/commands"), token_, p.body, p.key);
}

void RoomClient::on_verdict(int status, const std::string& key, const std::string& body) {
  if (queue_.empty() || queue_.front().key != key) return;
  sending_ = false;
  if (status == 0 || status == 429 || status >= 500) {
    // Not decided: keep it (same key) and resend after reconnecting.
    ++resent_;
    if (status == 0) went_down();
    else retry_at_ = now_ + 1.0;
    return;
  }
  online_ = true;  // the server answered
  queue_.pop_front();
  if (status >= 400) {
    const std::string msg = error_message(status, body);
    app_.view().status = ui::trf("room.refused", {msg});
    if (status == 409) ++conflicts_, alert_ = ui::trf("room.conflict", {msg});
  }
  if (online_) send_front();
}

void RoomClient::went_down() {
  online_ = false;
  transport_.stop();
  if (retry_at_ < now_) retry_at_ = now_ + kRetrySeconds;
}

void RoomClient::tick(double now) {
  now_ = now;
  if (phase_ != Phase::live) return;
  if (!online_ && now >= retry_at_) {
    // Try again: the log (after a divergence) or the stream, and the first waiting command (same key).
    retry_at_ = now + kRetrySeconds;
    if (need_snapshot_) return transport_.snapshot(code_, token_);
    transport_.follow(code_, token_, static_cast<double>(seq_));
    if (!sending_) send_front();
  } else if (online_ && !sending_ && !queue_.empty() && now >= retry_at_) {
    send_front();
  }
  if (trainer_ && now >= refresh_at_) {
    refresh_at_ = now + 3.0;
    trainer_call("room", "GET", "");
  }
}

void RoomClient::trainer_call(const std::string& what, const std::string& method, const std::string& path,
                              const std::string& body) {
  const std::string u = url(path);
  transport_.request(what, method, u, token_, body, "");
}

void RoomClient::on_trainer(const std::string& what, int status, const std::string& body) {
  if (what == "room") {
    if (status != 200) return;
    Diagnostics ignored;
    if (auto j = parse_json_text(body, ignored); j && j->is_object()) {
      j->erase("scenario");
      room_ = std::move(*j);
    }
    return;
  }
  if (what == "export" && status == 200 && app_.platform().save_file) {
    const std::string name = "kalan-salle-" + code_ + ".json";
    const std::string err = app_.platform().save_file(name, body);
    trainer_msg_ = err.empty() ? ui::trf("trainer.done", {name}) : ui::trf("trainer.failed", {err});
    return;
  }
  if (status >= 200 && status < 300) {
    auto j = parse(body);
    const bool numbered = j && j->is_object() && j->contains("seq") && (*j)["seq"].is_number_integer();
    trainer_msg_ = numbered ? ui::trf("trainer.done_seq", {std::to_string((*j)["seq"].get<std::int64_t>())})
                            : ui::trf("trainer.done", {what});
    refresh_at_ = 0;  // show the new clock state at once
  } else {
    trainer_msg_ = ui::trf("trainer.failed", {error_message(status, body)});
  }
}

nlohmann::json RoomClient::debug() const {
  static const char* phases[] = {"off", "join", "joining", "loading", "live"};
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& p : queue_) pending.push_back(p.type);
  // What the trainer console's progress table shows: each participant's progress over the room's exercises.
  nlohmann::json progress = nlohmann::json::array();
  if (const ExerciseBoard* board = app_.board())
    for (const auto& p : room_.value("participants", nlohmann::json::array())) {
      nlohmann::json row = ui::progress_of(*board, p.value("user", "")).to_json();
      row["name"] = p.value("name", "");
      progress.push_back(std::move(row));
    }
  return {{"phase", phases[static_cast<int>(phase_)]}, {"code", code_}, {"user", user_}, {"trainer", trainer_},
          {"seq", seq_}, {"online", online_}, {"pending", pending}, {"alert", alert_}, {"error", error_},
          {"resyncs", resyncs_}, {"sent_at", sent_at_}, {"applied_at", applied_at_}, {"mismatches", mismatches_}, {"conflicts", conflicts_}, {"resent", resent_},
          {"participants", room_.value("participants", nlohmann::json::array()).size()},
          {"running", room_.value("running", false)}, {"progress", std::move(progress)}};
}

}  // namespace kalan::ui
