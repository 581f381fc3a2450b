// Export and import of a room: one versioned file that is also a Kalan session (kalan app FILE opens it).
#include <cstring>

#include "server_app.h"
#include "core/hash.h"
#include "core/reader.h"
#include "secret.h"

namespace kalan::server {

namespace {

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(const std::string& in) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
  }
  if (i + 1 == in.size()) {
    const unsigned v = (unsigned char)in[i] << 16;
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], '='};
  }
  return out;
}

std::optional<std::string> base64_decode(const std::string& in) {
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (char ch : in) {
    if (ch == '=') break;
    const char* p = std::strchr(kB64, ch);
    if (!p || !ch) return std::nullopt;
    v = (v << 6) | static_cast<unsigned>(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xff);
    }
  }
  return out;
}

}  // namespace

nlohmann::json App::export_room(Room& room) {
  nlohmann::json commands = nlohmann::json::array(), refused = nlohmann::json::array(), log = nlohmann::json::array(),
                 people = nlohmann::json::array();
  nlohmann::json file;
  {
    std::lock_guard<std::mutex> lock(room.mu);
    // Refused attempts go where a saved session keeps them ({before, command}); the room's log lists
    // every entry in order, so that an import puts each one back with its participant and time.
    for (const auto& e : room.log) {
      if (e.refused) refused.push_back({{"before", commands.size()}, {"command", nlohmann::json::parse(e.command)}});
      else commands.push_back(nlohmann::json::parse(e.command));
      nlohmann::json meta = {{"seq", e.seq}, {"participant", e.participant}, {"at", e.at}};
      if (!e.hash.empty()) meta["hash"] = e.hash;
      if (e.refused) meta["refused"] = true;
      log.push_back(std::move(meta));
    }
    for (const auto& p : room.participants)
      people.push_back({{"id", p.row.id}, {"name", p.row.name}, {"role", p.row.role}, {"user", p.row.user}, {"joined", p.row.created}});
    file = {{"format", kSessionFormat},
            {"version", kSessionVersion},
            {"scenario", room.session->scenario().source},
            {"commands", std::move(commands)},
            {"hash", hex16(room.session->hash())},
            {"room",
             {{"format", "kalan-room"}, {"version", 1}, {"code", room.row.code}, {"created", room.row.created},
              {"exported", now_utc()}, {"generation", room.row.generation}, {"participants", std::move(people)},
              {"log", std::move(log)}}}};
    if (!refused.empty()) file["refused"] = std::move(refused);
  }
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : store_.attachments(room.row.id, true))
    attachments.push_back({{"id", a.id}, {"name", a.name}, {"mime", a.mime}, {"participant", a.participant},
                           {"created", a.created}, {"data", base64_encode(a.data)}});
  file["attachments"] = std::move(attachments);
  return file;
}

std::shared_ptr<Room> App::import_room(const nlohmann::json& file, Diagnostics& errors, nlohmann::json& tokens) {
  SessionLoad sl = load_session(file);  // validates the scenario, replays the log, checks the hash
  if (!sl.session) {
    errors = std::move(sl.errors);
    return nullptr;
  }
  const nlohmann::json empty = nlohmann::json::object();
  const nlohmann::json& meta = file.contains("room") && file["room"].is_object() ? file["room"] : empty;
  const nlohmann::json& log = meta.contains("log") && meta["log"].is_array() ? meta["log"] : nlohmann::json::array();
  // Attachments are checked before anything is stored.
  std::vector<AttachmentRow> attachments;
  if (file.contains("attachments") && file["attachments"].is_array()) {
    for (size_t i = 0; i < file["attachments"].size(); ++i) {
      const auto& a = file["attachments"][i];
      auto data = a.is_object() && a.value("data", nlohmann::json()).is_string() ? base64_decode(a["data"].get<std::string>())
                                                                                 : std::nullopt;
      if (!data) {
        add_error(errors, path_join("/attachments", i) + "/data", "type_string", {json_type_name(a)});
        continue;
      }
      attachments.push_back({0, 0, 0, a.value("name", "piece-jointe"), a.value("mime", "application/octet-stream"), *data,
                             a.value("created", now_utc())});
    }
  }
  if (!errors.empty()) return nullptr;

  Diagnostics none;
  auto room = create_room(file["scenario"], none);
  if (!room) {
    errors = none;
    return nullptr;
  }
  // Participants come back with new tokens (the old ones were never exported).
  std::map<std::int64_t, std::int64_t> new_id;
  tokens = nlohmann::json::array();
  if (meta.contains("participants") && meta["participants"].is_array()) {
    for (const auto& p : meta["participants"]) {
      if (!p.is_object()) continue;
      ParticipantRow row{0, room->row.id, p.value("name", "?"), p.value("role", ""), p.value("user", ""), "", now_utc()};
      const std::string token = random_hex(16);
      row.token_hash = sha256_hex(token);
      row.id = store_.add_participant(row);
      new_id[p.value("id", std::int64_t(0))] = row.id;
      tokens.push_back({{"name", row.name}, {"user", row.user}, {"token", token}});
      std::unique_lock<std::shared_mutex> lock(rooms_mu_);
      by_token_hash_[row.token_hash] = {room, row.id};
      std::lock_guard<std::mutex> room_lock(room->mu);
      room->participants.push_back(Participant{row, "", "", 0});
    }
  }
  // The log in its order: each refused attempt before the accepted command it came before.
  std::vector<CommandRow> rows;
  const auto& cmds = sl.session->commands();
  const auto& refused = sl.session->refused();
  size_t next_refused = 0;
  auto add_row = [&](const Command& c, bool was_refused) {
    const size_t i = rows.size();
    CommandRow row{room->row.id, static_cast<std::int64_t>(i + 1), 0, dump_json(command_to_json(c)), c.key, now_utc(), "",
                   was_refused};
    if (i < log.size() && log[i].is_object()) {
      const std::int64_t old = log[i].value("participant", std::int64_t(0));
      row.participant = new_id.count(old) ? new_id[old] : 0;
      row.accepted = log[i].value("at", row.accepted);
      row.hash = log[i].value("hash", "");
    }
    rows.push_back(std::move(row));
  };
  for (size_t i = 0; i <= cmds.size(); ++i) {
    for (; next_refused < refused.size() && refused[next_refused].before <= i; ++next_refused)
      add_row(refused[next_refused].command, true);
    if (i < cmds.size()) add_row(cmds[i], false);
  }
  if (!rows.empty()) rows.back().hash = file.value("hash", rows.back().hash);
  for (auto& a : attachments) {
    a.room = room->row.id;
    store_.add_attachment(a);
  }
  Outcome o = writer_.exclusive([&] {
    std::lock_guard<std::mutex> lock(room->mu);
    store_.append_commands(rows);
    std::vector<std::string> problems;
    replay(*room, rows, problems);
    room->changed.notify_all();
    return Outcome{problems.empty() ? 200 : 500, {{"problems", problems}}};
  });
  if (o.status != 200) throw std::runtime_error("import replay: " + o.body.dump());
  return room;
}

void App::routes_export() {
  http_.Get(R"(/api/rooms/([A-Za-z0-9]{1,16})/export)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, true, false);
    if (!call) return;
    auto& room = call->room;
    // On the writer thread: the session then holds exactly the committed log, and its hash is the file's.
    Outcome o = writer_.exclusive([&] { return Outcome{200, export_room(*room)}; });
    if (o.status == 200)
      res.set_header("Content-Disposition", "attachment; filename=\"kalan-" + room->row.code + ".json\"");
    send_json(res, o.status, o.body);
  });

  http_.Post("/api/rooms/import", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = trainer_only(req, res);
    if (!c) return;
    auto body = read_json_body(req, res);
    if (!body) return;
    Diagnostics errors;
    nlohmann::json tokens;
    auto room = import_room(*body, errors, tokens);
    if (!room) return send_json(res, 400, diagnostics_json(errors, request_lang(req)));
    nlohmann::json j = room_json(*room, false, *c);
    j["tokens"] = tokens;
    send_json(res, 201, j);
  });
}

}  // namespace kalan::server
