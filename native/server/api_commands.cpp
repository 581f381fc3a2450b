// Routes for commands: submit one, read the log (with long polling), and the Server-Sent Events stream.
#include <chrono>

#include "server_app.h"
#include "core/reader.h"

namespace kalan::server {

namespace {

// {"seq","command","participant","at","refused"?,"hash"?} written around the stored command text.
std::string entry_text(const LogEntry& e) {
  std::string out = "{\"seq\":" + std::to_string(e.seq) + ",\"command\":" + e.command +
                    ",\"participant\":" + std::to_string(e.participant) + ",\"at\":\"" + e.at + "\"";
  if (e.refused) out += ",\"refused\":true";
  if (!e.hash.empty()) out += ",\"hash\":\"" + e.hash + "\"";
  return out + "}";
}

std::int64_t int_param(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t max) {
  if (!req.has_param(name)) return fallback;
  try {
    const long long v = std::stoll(req.get_param_value(name));
    return v < 0 ? 0 : (v > max ? max : v);
  } catch (...) {
    return fallback;
  }
}

constexpr size_t kPage = 5000;  // commands per answer; the client asks again from the last seq

}  // namespace

void App::routes_commands() {
  // {"command": {...}, "key": "..."}: the core decides, as the participant's user (or the trainer).
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/commands)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, false, true);
    if (!call) return;
    if (auto cmd = read_command(call->body, req, res))
      submit_json(call->caller, *call->room, call->room, cmd->first, cmd->second, req, res);
  });

  // The accepted log after ?after=SEQ; with ?wait=N (at most 25 s) it waits for a first new command.
  http_.Get(R"(/api/rooms/([A-Za-z0-9]{1,16})/commands)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, false, false);
    if (!call) return;
    auto room = call->room;
    const std::int64_t after = int_param(req, "after", 0, INT64_MAX);
    const std::int64_t wait = int_param(req, "wait", 0, 25);
    std::unique_lock<std::mutex> lock(room->mu);
    if (wait > 0)
      room->changed.wait_for(lock, std::chrono::seconds(wait), [&] { return room->closing || room->seq() != after; });
    const std::int64_t seq = room->seq();
    std::int64_t i = std::min(after, seq);
    std::string list;
    for (size_t n = 0; i < seq && n < kPage; ++i, ++n) list += (n ? "," : "") + entry_text(room->log[i]);
    nlohmann::json head = {{"seq", seq}, {"hash", room->hash()}, {"hash_seq", room->checkpoint_seq},
                           {"generation", room->row.generation}, {"more", i < seq}};
    std::string text = dump_json(head);
    text.pop_back();  // the log is spliced in as text: no JSON tree per command
    res.set_header("Cache-Control", "no-store");
    res.set_content(text + ",\"commands\":[" + list + "]}", "application/json; charset=utf-8");
  });

  // Server-Sent Events: "command" events {seq, command, refused?, hash?, participant, at} from ?after= (or the
  // Last-Event-ID header on reconnection), "reset" when the trainer resets, a comment every 15 s.
  http_.Get(R"(/api/rooms/([A-Za-z0-9]{1,16})/events)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, false, false);
    if (!call) return;
    auto room = call->room;
    std::int64_t sent = int_param(req, "after", 0, INT64_MAX);
    if (req.has_header("Last-Event-ID")) {
      try {
        sent = std::stoll(req.get_header_value("Last-Event-ID"));
      } catch (...) {
      }
    }
    std::int64_t generation, checkpoint = 0;
    {
      std::lock_guard<std::mutex> lock(room->mu);
      generation = room->row.generation;
    }
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider("text/event-stream", [room, sent, generation, checkpoint](size_t, httplib::DataSink& sink) mutable {
      std::string out;
      {
        std::unique_lock<std::mutex> lock(room->mu);
        room->changed.wait_for(lock, std::chrono::seconds(15), [&] {
          return room->closing || room->seq() > sent || room->row.generation != generation ||
                 (room->checkpoint_seq != checkpoint && room->checkpoint_seq <= sent);
        });
        if (room->closing) return false;
        if (room->row.generation != generation) {
          generation = room->row.generation;
          sent = 0;
          out += "event: reset\ndata: " + dump_json({{"generation", generation}, {"seq", room->seq()}}) + "\n\n";
        }
        if (sent > room->seq()) sent = room->seq();
        const std::int64_t first = sent;
        for (size_t n = 0; sent < room->seq() && n < kPage; ++n, ++sent)
          out += "id: " + std::to_string(sent + 1) + "\nevent: command\ndata: " + entry_text(room->log[sent]) + "\n\n";
        // A checkpoint made after its command was sent (the writer catching up once idle).
        if (room->checkpoint_seq != checkpoint && room->checkpoint_seq <= sent) {
          checkpoint = room->checkpoint_seq;
          if (checkpoint <= first)
            out += "event: hash\ndata: " + dump_json({{"seq", checkpoint}, {"hash", room->checkpoint_hash}}) + "\n\n";
        }
      }
      if (out.empty()) out = ": ping\n\n";
      return sink.write(out.data(), out.size());
    });
  });
}

}  // namespace kalan::server
