// Trainer routes: clock control, scripted events, reset, attachments.
#include "server_app.h"
#include "core/reader.h"
#include "core/time.h"
#include "core/hash.h"
#include "exercises/board.h"

namespace kalan::server {

namespace {

const std::vector<std::string> kClockActions = {"pause", "resume", "next", "advance", "next_day", "month_end"};

// Where next_day and month_end take the clock: 08:00 on the next day (offices open), 23:59 on the
// last day of the month (just before the monthly reports are due).
SimTime next_day_morning(SimTime now) { return (now / 86400 + 1) * 86400 + 8 * 3600; }
SimTime month_end(SimTime now) {
  SimTime end = next_month_start(now) - 60;
  if (end <= now) end = next_month_start(next_month_start(now)) - 60;
  return end;
}

}  // namespace

void App::routes_trainer() {
  // {"action": "pause"|"resume"|"next"|"advance" (+ "minutes")|"next_day"|"month_end"}
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/clock)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, true, true);
    if (!call) return;
    auto& room = call->room;
    const Caller* c = &call->caller;
    Diagnostics errors;
    ObjectReader r(call->body, "", errors);
    auto action = r.one_of("action", kClockActions, "action");
    std::optional<std::int64_t> minutes;
    if (action == "advance") minutes = r.integer("minutes", 1, 60 * 24 * 366);
    auto key = r.string("key", false);
    r.reject_unknown_keys();
    if (!errors.empty()) return send_json(res, 400, diagnostics_json(errors, request_lang(req)));
    if (*action == "pause" || *action == "resume") {
      const bool run = *action == "resume";
      store_.set_running(room->row.id, run);
      {
        std::lock_guard<std::mutex> lock(room->mu);
        room->row.running = run;
      }
      return send_json(res, 200, room_json(*room, false, *c));
    }
    nlohmann::json cmd = {{"actor", kTrainer}};
    if (*action == "next") {
      cmd["type"] = "clock.next";
    } else if (*action == "advance") {
      cmd["type"] = "clock.advance";
      cmd["minutes"] = *minutes;
    } else {
      SimTime now;
      {
        std::lock_guard<std::mutex> lock(room->mu);
        now = room->session->state().clock.now;
      }
      cmd["type"] = "clock.advance_to";
      cmd["at"] = format_iso_time(*action == "next_day" ? next_day_morning(now) : month_end(now));
    }
    submit_json(*c, *room, room, cmd, key.value_or(""), req, res);
  });

  // A scripted event, as the timeline would fire it: {"command": {...}}; the actor defaults to system.
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/inject)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, true, true);
    if (!call) return;
    auto cmd = read_command(call->body, req, res);
    if (!cmd) return;
    if (cmd->first.is_object() && !cmd->first.contains("actor")) cmd->first["actor"] = kSystem;
    submit_json(call->caller, *call->room, call->room, cmd->first, cmd->second, req, res);
  });

  // Starts one of the scenario's exercises for the room: {"exercise": ID}. One `exercise.start` command
  // carries its setup and plays it all or nothing, so that nothing (the running clock) comes in between
  // and every page of the room starts following the exercise right after that entry of the log
  // (sim/exercises/board.h). An exercise already started is refused (409).
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/exercise)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, true, true);
    if (!call) return;
    auto& room = call->room;
    Diagnostics errors;
    ObjectReader r(call->body, "", errors);
    auto id = r.string("exercise");
    auto key = r.string("key", false);
    r.reject_unknown_keys();
    if (!errors.empty()) return send_json(res, 400, diagnostics_json(errors, request_lang(req)));
    Command start;
    {
      std::lock_guard<std::mutex> lock(room->mu);
      const Exercise* ex = find_exercise(room->session->scenario().exercises, *id);
      if (!ex) return send_error(res, req, 404, "http_not_found", {"exercise " + *id});
      start = start_command(*ex);
    }
    start.key = key.value_or("");
    Outcome o = writer_.submit(room, std::move(start), 0, request_lang(req));
    send_json(res, o.status, o.body);
  });

  // The room's exercise progress as every page computes it from the log (sim/exercises/board.h), refused
  // attempts included: {"seq", "hash", "board": every run's pair and actors, "runs": each run's tasks,
  // mistakes, hints}. Replays the log in a copy of the core: for tools and tests, not for polling.
  http_.Get(R"(/api/rooms/([A-Za-z0-9]{1,16})/progress)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, true, false);
    if (!call) return;
    auto& room = call->room;
    const Lang lang = request_lang(req);
    std::vector<std::pair<std::string, bool>> entries;
    std::optional<Session> session;
    {
      std::lock_guard<std::mutex> lock(room->mu);
      session.emplace(room->session->scenario());
      for (const auto& e : room->log) entries.emplace_back(e.command, e.refused);
    }
    session->set_journal_limit(0);
    ExerciseBoard board(session->scenario().exercises, session->state());
    watch_exercises(*session, board);
    for (size_t i = 0; i < entries.size(); ++i) {
      Diagnostics errors;
      auto value = parse_json_text(entries[i].first, errors);
      auto c = value ? parse_command(*value, "", errors) : std::nullopt;
      if (!c || !replay_entry(*session, *c, entries[i].second))
        return send_error(res, req, 500, "http_internal", {"progress: log entry " + std::to_string(i + 1)});
    }
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& r : board.runs()) runs.push_back(r->progress_json(lang));
    send_json(res, 200, {{"seq", entries.size()}, {"hash", hex16(session->hash())}, {"board", board.progress_json(lang)},
                         {"runs", std::move(runs)}});
  });

  // Back to the scenario's start: the log and attachments are deleted, participants stay.
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/reset)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, true, false);
    if (!call) return;
    auto& room = call->room;
    const Caller* c = &call->caller;
    Outcome o = writer_.exclusive([&] {
      std::lock_guard<std::mutex> lock(room->mu);
      store_.reset_room(room->row.id, room->row.generation + 1);
      ++room->row.generation;
      room->row.running = false;
      std::vector<std::string> problems;
      replay(*room, {}, problems);
      room->changed.notify_all();
      return Outcome{200, {}};
    });
    if (o.status != 200) return send_json(res, o.status, o.body);
    send_json(res, 200, room_json(*room, false, *c));
  });

  // Attachments: raw bytes in, raw bytes out (?name=photo.jpg, the Content-Type is kept).
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/attachments)", [this](const httplib::Request& req, httplib::Response& res) {
    auto call = room_call(req, res, false, false);
    if (!call) return;
    auto& room = call->room;
    const Caller* c = &call->caller;
    std::string name = req.has_param("name") ? req.get_param_value("name") : "piece-jointe";
    if (name.size() > 200) name.resize(200);
    std::string mime = req.get_header_value("Content-Type");
    if (mime.empty() || mime.size() > 100) mime = "application/octet-stream";
    AttachmentRow a{0, room->row.id, c->participant, name, mime, req.body, now_utc()};
    a.id = store_.add_attachment(a);
    send_json(res, 201, {{"id", a.id}, {"name", a.name}, {"mime", a.mime}, {"size", a.data.size()}, {"created", a.created}});
  });

  http_.Get(R"(/api/rooms/([A-Za-z0-9]{1,16})/attachments(?:/([0-9]{1,18}))?)", [this](const httplib::Request& req,
                                                                                       httplib::Response& res) {
    auto call = room_call(req, res, false, false);
    if (!call) return;
    auto& room = call->room;
    if (req.matches[2].length() == 0) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& a : store_.attachments(room->row.id, false))
        list.push_back({{"id", a.id}, {"name", a.name}, {"mime", a.mime}, {"participant", a.participant}, {"created", a.created}});
      return send_json(res, 200, {{"attachments", list}});
    }
    auto a = store_.attachment(room->row.id, std::stoll(req.matches[2]));
    if (!a) return send_error(res, req, 404, "http_not_found", {req.path});
    res.set_header("Content-Disposition", "attachment");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(a->data, a->mime);
  });
}

}  // namespace kalan::server
