// Primero-like API (CPIMS+ v2): /api/v2/cases, referrals, transfers and approvals, shaped like the real
// system so that trainees learn it: bodies are {"data": ...}, errors {"errors": [...]}. Every change is
// one core command, checked against the caller's user as any other (docs/api-primero.md).
#include <algorithm>
#include <cstdlib>

#include "cases/access.h"
#include "cases/query.h"
#include "cases/workflow.h"
#include "core/apply.h"
#include "server_app.h"

namespace kalan::server {

namespace {

using nlohmann::json;

// {"errors": [{"status", "resource", "code", "message"}]}, as Primero answers.
void primero_error(httplib::Response& res, const httplib::Request& req, int status, const std::string& code,
                   const std::string& message) {
  send_json(res, status, {{"errors", json::array({{{"status", status}, {"resource", req.path}, {"code", code},
                                                    {"message", message}}})}});
}

// The case as the API shows it: the record, its derived workflow stage and overdue items.
json case_view(const State& s, const CaseRecord& c) {
  json j = case_to_json(c);
  j.erase("audit");
  j.erase("alerted");
  for (auto& a : j["attachments"]) a.erase("content");  // metadata only; content has its own route
  j["workflow"] = case_stage(c);
  json overdue = json::array();
  for (const auto& d : overdue_items(c, s.cases.policy, s.clock.now)) overdue.push_back({{"what", d.what}, {"due", d.due}});
  j["overdue"] = overdue;
  return j;
}

// A Primero status or decision word, mapped onto the core's.
const char* answer_of(const std::string& status) {
  if (status == "accepted") return "accept";
  if (status == "rejected") return "reject";
  return nullptr;
}

}  // namespace

std::shared_ptr<Room> App::primero_room(const Caller& c, const httplib::Request& req, httplib::Response& res) {
  if (!c.trainer) return c.room;
  // The trainer names the room: ?room=CODE.
  auto room = find_room(req.has_param("room") ? req.get_param_value("room") : "");
  if (!room) primero_error(res, req, 404, "http_unknown_room", render_message("http_unknown_room", {req.get_param_value("room")}, request_lang(req)));
  return room;
}

void App::primero_submit(const Caller& c, const std::shared_ptr<Room>& room, json command, const std::string& case_id,
                         const httplib::Request& req, httplib::Response& res) {
  const Lang lang = request_lang(req);
  std::string user = kTrainer;
  if (!c.trainer) {
    std::lock_guard<std::mutex> lock(room->mu);
    if (const Participant* p = room->participant(c.participant)) user = p->row.user;
  }
  command["actor"] = user;
  if (req.has_header("Idempotency-Key")) command["key"] = req.get_header_value("Idempotency-Key");
  Diagnostics errors;
  auto cmd = parse_command(command, "/data", errors);
  if (!cmd) {
    json body = diagnostics_json(errors, lang);
    for (auto& e : body["errors"]) e["status"] = 422, e["resource"] = req.path;
    send_json(res, 422, body);
    return;
  }
  Outcome o = writer_.submit(room, std::move(*cmd), c.trainer ? 0 : c.participant, lang);
  if (o.status >= 300) {
    json errors_out = json::array();
    for (const auto& e : o.body.value("errors", json::array()))
      errors_out.push_back({{"status", o.status == 409 ? 422 : o.status}, {"resource", req.path},
                            {"code", e.value("code", "")}, {"message", e.value("message", "")}});
    send_json(res, o.status == 409 ? 422 : o.status, {{"errors", errors_out}});
    return;
  }
  std::lock_guard<std::mutex> lock(room->mu);
  const State& s = room->session->state();
  std::string id = case_id.empty() && !s.cases.records.empty() ? s.cases.records.back().id : case_id;
  const CaseRecord* rec = s.cases.find(id);
  json data = rec ? case_view(s, *rec) : json::object();
  send_json(res, o.status == 201 && case_id.empty() ? 201 : 200, {{"data", data}, {"seq", o.body.value("seq", 0)}});
}

void App::routes_primero() {
  // Resolves caller and room, and the body's "data" object for writes; answers errors itself.
  auto start = [this](const httplib::Request& req, httplib::Response& res, bool with_body, json& data,
                      Caller& caller) -> std::shared_ptr<Room> {
    auto c = authenticate(req, res);
    if (!c) return nullptr;
    caller = *c;
    auto room = primero_room(*c, req, res);
    if (!room || !with_body) return room;
    auto body = read_json_body(req, res);
    if (!body) return nullptr;
    if (!body->contains("data") || !(*body)["data"].is_object()) {
      primero_error(res, req, 422, "missing", render_message("missing", {"data"}, request_lang(req)));
      return nullptr;
    }
    data = (*body)["data"];
    return room;
  };
  // The actor as the core sees it, to filter what a caller may read (room locked).
  auto reader = [](const Room& room, const Caller& c, const State& s) {
    std::string user = kTrainer;
    for (const auto& p : room.participants)
      if (!c.trainer && p.row.id == c.participant) user = p.row.user;
    return reader_actor(s, user);
  };
  // GET one case, or one list of it ("referrals", "transfers"); hidden and missing look the same (404).
  auto read_case = [this, start, reader](const httplib::Request& req, httplib::Response& res, const char* part) {
    json unused;
    Caller c;
    auto room = start(req, res, false, unused, c);
    if (!room) return;
    const std::string id = req.matches[1];
    std::lock_guard<std::mutex> lock(room->mu);
    const State& s = room->session->state();
    const CaseRecord* rec = s.cases.find(id);
    if (!rec || !may_view(s, reader(*room, c, s), *rec))
      return primero_error(res, req, 404, "unknown_ref", render_message("unknown_ref", {"@case", id}, request_lang(req)));
    json view = case_view(s, *rec);
    send_json(res, 200, {{"data", part ? view[part] : view}});
  };

  // GET /api/v2/cases?status=open&page=1&per=20: the cases the caller may see.
  http_.Get("/api/v2/cases", [this, start, reader](const httplib::Request& req, httplib::Response& res) {
    json unused;
    Caller c;
    auto room = start(req, res, false, unused, c);
    if (!room) return;
    const std::string status = req.has_param("status") ? req.get_param_value("status") : "";
    const int per = std::clamp(req.has_param("per") ? std::atoi(req.get_param_value("per").c_str()) : 20, 1, 500);
    const int page = std::max(1, req.has_param("page") ? std::atoi(req.get_param_value("page").c_str()) : 1);
    std::lock_guard<std::mutex> lock(room->mu);
    const State& s = room->session->state();
    const Actor a = reader(*room, c, s);
    json data = json::array();
    int total = 0;
    for (const auto& rec : s.cases.records) {
      if (!may_view(s, a, rec) || (!status.empty() && rec.status != status)) continue;
      if (total >= (page - 1) * per && total < page * per) data.push_back(case_view(s, rec));
      ++total;
    }
    send_json(res, 200, {{"data", data}, {"metadata", {{"total", total}, {"per", per}, {"page", page}}}});
  });

  // GET /api/v2/cases/{id}
  http_.Get(R"(/api/v2/cases/([A-Za-z0-9_.-]{1,64}))",
            [read_case](const httplib::Request& req, httplib::Response& res) { read_case(req, res, nullptr); });

  // POST /api/v2/cases {"data": {child_name, age, sex, location, summary}}: a case is identified.
  http_.Post("/api/v2/cases", [this, start](const httplib::Request& req, httplib::Response& res) {
    json data;
    Caller c;
    auto room = start(req, res, true, data, c);
    if (!room) return;
    data["type"] = "case.report";
    primero_submit(c, room, data, "", req, res);
  });

  // PATCH /api/v2/cases/{id} {"data": {"status": "open"|"closed"|"reopened", ...}} or
  // {"data": {"form": "2A", "values": {...}}}: one change per call.
  http_.Patch(R"(/api/v2/cases/([A-Za-z0-9_.-]{1,64}))", [this, start](const httplib::Request& req, httplib::Response& res) {
    json data;
    Caller c;
    auto room = start(req, res, true, data, c);
    if (!room) return;
    const std::string id = req.matches[1];
    json cmd = {{"case", id}};
    const std::string status = data.value("status", "");
    if (data.contains("form")) {
      cmd["type"] = "case.form.save";
      cmd["form"] = data["form"];
      cmd["values"] = data.value("values", json::object());
    } else if (status == "open") {
      cmd["type"] = "case.open";
      if (data.contains("risk_level")) cmd["risk_level"] = data["risk_level"];
      if (data.contains("owner")) cmd["owner"] = data["owner"];
    } else if (status == "closed") {
      cmd["type"] = "case.close";
      if (data.contains("closure_reason")) cmd["reason"] = data["closure_reason"];
    } else if (status == "reopened") {
      cmd["type"] = "case.reopen";
      cmd["reason"] = data.value("reopen_reason", "");
    } else if (data.contains("owned_by")) {
      cmd["type"] = "case.assign";
      cmd["user"] = data["owned_by"];
    } else {
      return primero_error(res, req, 422, "unknown_value",
                           render_message("unknown_value", {"status", status, "open, closed, reopened"}, request_lang(req)));
    }
    primero_submit(c, room, cmd, id, req, res);
  });

  // Approvals: PATCH /api/v2/cases/{id}/approvals/{assessment|case_plan|closure}
  // {"data": {"approval_status": "requested"|"approved"|"rejected", "notes"}}.
  http_.Patch(R"(/api/v2/cases/([A-Za-z0-9_.-]{1,64})/approvals/([a-z_]{1,32}))",
              [this, start](const httplib::Request& req, httplib::Response& res) {
                json data;
                Caller c;
                auto room = start(req, res, true, data, c);
                if (!room) return;
                const std::string id = req.matches[1], kind = req.matches[2];
                const std::string st = data.value("approval_status", "");
                json cmd = {{"case", id}, {"kind", kind}};
                if (data.contains("notes")) cmd["comment"] = data["notes"];
                if (st == "requested") cmd["type"] = "case.approval.request";
                else if (st == "approved" || st == "rejected") {
                  cmd["type"] = "case.approval.decide";
                  cmd["decision"] = st == "approved" ? "approve" : "reject";
                } else {
                  return primero_error(res, req, 422, "unknown_value",
                                       render_message("unknown_value", {"approval_status", st, "requested, approved, rejected"},
                                                      request_lang(req)));
                }
                primero_submit(c, room, cmd, id, req, res);
              });

  // Referrals and transfers: GET and POST on the collection, PATCH on one.
  for (const std::string kind : {"referrals", "transfers"}) {
    const bool referral = kind == "referrals";
    const char* part = referral ? "referrals" : "transfers";
    http_.Get(R"(/api/v2/cases/([A-Za-z0-9_.-]{1,64})/)" + kind,
              [read_case, part](const httplib::Request& req, httplib::Response& res) { read_case(req, res, part); });
    // POST {"data": {"service", "notes"}} (referral) or {"data": {"transitioned_to", "remote", "notes"}} (transfer).
    http_.Post(R"(/api/v2/cases/([A-Za-z0-9_.-]{1,64})/)" + kind,
               [this, start, referral](const httplib::Request& req, httplib::Response& res) {
                 json data;
                 Caller c;
                 auto room = start(req, res, true, data, c);
                 if (!room) return;
                 const std::string id = req.matches[1];
                 json cmd = {{"case", id}, {"type", referral ? "case.referral.create" : "case.transfer.create"}};
                 if (data.contains("notes")) cmd["note"] = data["notes"];
                 if (referral) {
                   cmd["service"] = data.value("service", "");
                 } else {
                   if (data.contains("transitioned_to")) cmd["to_user"] = data["transitioned_to"];
                   if (data.contains("remote")) cmd["remote"] = data["remote"];
                 }
                 primero_submit(c, room, cmd, id, req, res);
               });
    // PATCH {"data": {"status": "accepted"|"rejected"|"done"|"revoked", "notes", "service_result"}}.
    http_.Patch(R"(/api/v2/cases/([A-Za-z0-9_.-]{1,64})/)" + kind + R"(/([A-Za-z0-9_.-]{1,64}))",
                [this, start, referral](const httplib::Request& req, httplib::Response& res) {
                  json data;
                  Caller c;
                  auto room = start(req, res, true, data, c);
                  if (!room) return;
                  const std::string id = req.matches[1], item = req.matches[2];
                  const std::string st = data.value("status", "");
                  const char* noun = referral ? "referral" : "transfer";
                  json cmd = {{"case", id}, {noun, item}};
                  if (const char* answer = answer_of(st)) {
                    cmd["type"] = referral ? "case.referral.respond" : "case.transfer.respond";
                    cmd["decision"] = answer;
                    if (data.contains("notes")) cmd["comment"] = data["notes"];
                  } else if (st == "done" && referral) {
                    cmd["type"] = "case.referral.done";
                    cmd["result"] = data.value("service_result", data.value("notes", ""));
                  } else if (st == "revoked") {
                    cmd["type"] = referral ? "case.referral.revoke" : "case.transfer.revoke";
                  } else {
                    return primero_error(res, req, 422, "unknown_value",
                                         render_message("unknown_value", {"status", st, referral ? "accepted, rejected, done, revoked"
                                                                                                 : "accepted, rejected, revoked"},
                                                        request_lang(req)));
                  }
                  primero_submit(c, room, cmd, id, req, res);
                });
  }
}

}  // namespace kalan::server
