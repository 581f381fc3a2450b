// Routes for rooms and participants: info, scenarios, create/list rooms, join, room details.
#include <algorithm>

#include "server_app.h"
#include "assets.h"
#include "cli.h"
#include "core/reader.h"
#include "secret.h"

namespace kalan::server {

namespace {

std::vector<std::string> builtin_scenarios() {
  std::vector<std::string> names;
  for (const Asset* a = assets(); a->name; ++a) {
    std::string n = a->name;
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) names.push_back(n.substr(0, n.size() - 5));
  }
  return names;
}

}  // namespace

void App::routes_rooms() {
  http_.Get("/api/info", [this](const httplib::Request& req, httplib::Response& res) {
    if (!limiter_.allow("ip:" + req.remote_addr)) return send_error(res, req, 429, "http_rate_limited");
    send_json(res, 200, {{"name", "kalan"}, {"version", kVersion}, {"api", 1}, {"sandbox", true},
                         {"notice", "SANDBOX — données fictives"}, {"scenarios", builtin_scenarios()}});
  });

  http_.Get("/api/rooms", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = trainer_only(req, res);
    if (!c) return;
    std::vector<std::shared_ptr<Room>> all;
    {
      std::shared_lock<std::shared_mutex> lock(rooms_mu_);
      all = rooms_;
    }
    nlohmann::json list = nlohmann::json::array();
    for (auto& r : all) list.push_back(room_json(*r, false, *c));
    send_json(res, 200, {{"rooms", list}});
  });

  // {"scenario": "mopti-atelier"} for a built-in one, or {"scenario": {...}} for an uploaded one.
  http_.Post("/api/rooms", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = trainer_only(req, res);
    if (!c) return;
    auto body = read_json_body(req, res);
    if (!body) return;
    const Lang lang = request_lang(req);
    Diagnostics errors;
    ObjectReader r(*body, "", errors);
    const nlohmann::json* sc = r.required("scenario");
    r.reject_unknown_keys();
    if (!errors.empty()) return send_json(res, 400, diagnostics_json(errors, lang));
    nlohmann::json scenario;
    if (sc->is_string()) {
      const std::string name = sc->get<std::string>();
      const Asset* a = find_asset((name + ".json").c_str());
      if (!a || name.find('/') != std::string::npos)
        return send_error(res, req, 404, "http_unknown_scenario", {name, join_list(builtin_scenarios())});
      if (!(scenario = parse_json_text(std::string(reinterpret_cast<const char*>(a->data), a->size), errors).value_or(nullptr)).is_object())
        return send_json(res, 500, diagnostics_json(errors, lang));
    } else {
      scenario = *sc;
    }
    auto room = create_room(scenario, errors);
    if (!room) {
      for (auto& d : errors) d.path = "/scenario" + d.path;  // where in the request body
      return send_json(res, 400, diagnostics_json(errors, lang));
    }
    send_json(res, 201, room_json(*room, false, *c));
  });

  http_.Get(R"(/api/rooms/([A-Za-z0-9]{1,16}))", [this](const httplib::Request& req, httplib::Response& res) {
    if (auto call = room_call(req, res, false, false)) send_json(res, 200, room_json(*call->room, true, call->caller));
  });

  // Joining needs no token, only the code: {"name", "role"} binds the participant to the active user of
  // that role with the fewest participants; {"name", "user"} (trainer only) names the user.
  http_.Post(R"(/api/rooms/([A-Za-z0-9]{1,16})/(join|participants))", [this](const httplib::Request& req,
                                                                             httplib::Response& res) {
    const bool by_trainer = req.matches[2] == "participants";
    Caller c;
    if (by_trainer) {
      auto t = trainer_only(req, res);
      if (!t) return;
      c = *t;
    } else {
      if (!limiter_.allow("ip:" + req.remote_addr)) return send_error(res, req, 429, "http_rate_limited");
      c.trainer = true;  // the code is the credential: any room may be joined
    }
    auto room = room_for(c, req, res);
    if (!room) return;
    auto body = read_json_body(req, res);
    if (!body) return;
    const Lang lang = request_lang(req);
    Diagnostics errors;
    ObjectReader r(*body, "", errors);
    auto name = r.string("name");
    if (name && (name->size() > 80)) r.error("name", "out_of_range", {std::to_string(name->size()), "1", "80"});
    std::optional<std::string> role, user;
    if (by_trainer && r.has("user")) user = r.id("user");
    else role = r.one_of("role", user_roles(), "@role");
    r.reject_unknown_keys();
    if (!errors.empty()) return send_json(res, 400, diagnostics_json(errors, lang));

    ParticipantRow p;
    {
      std::lock_guard<std::mutex> lock(room->mu);
      const World& w = room->session->scenario().world;
      const User* chosen = nullptr;
      if (user) {
        chosen = w.find_user(*user);
        if (!chosen) {
          add_error(errors, "/user", "unknown_ref", {"@user", *user});
          return send_json(res, 409, diagnostics_json(errors, lang));
        }
      } else {
        size_t fewest = SIZE_MAX;
        for (const auto& u : w.users) {
          if (u.role != *role || !u.active) continue;
          const size_t n = static_cast<size_t>(std::count_if(room->participants.begin(), room->participants.end(),
                                                             [&](const Participant& q) { return q.row.user == u.id; }));
          if (n < fewest) fewest = n, chosen = &u;
        }
        if (!chosen) return send_error(res, req, 409, "http_no_user_for_role", {*role});
      }
      p.room = room->row.id;
      p.name = *name;
      p.role = chosen->role;
      p.user = chosen->id;
    }
    const std::string token = random_hex(16);
    p.token_hash = sha256_hex(token);
    p.created = now_utc();
    p.id = store_.add_participant(p);
    {
      std::unique_lock<std::shared_mutex> lock(rooms_mu_);
      by_token_hash_[p.token_hash] = {room, p.id};
    }
    {
      std::lock_guard<std::mutex> lock(room->mu);
      room->participants.push_back(Participant{p, "", "", 0});
      room->changed.notify_all();
    }
    send_json(res, 201, {{"token", token},
                         {"room", room->row.code},
                         {"participant", {{"id", p.id}, {"name", p.name}, {"role", p.role}, {"user", p.user}}}});
  });
}

}  // namespace kalan::server
