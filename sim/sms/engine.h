// The flow engine: runs RapidPro flows for one contact, sprint by sprint, emitting RapidPro's events.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.h"
#include "sms/flow.h"

namespace kalan::flows {

// A contact as the flow engine sees it (RapidPro's contact model).
struct FlowContact {
  std::string uuid;
  std::string name;
  std::string language;                       // ISO 639-3, e.g. "fra"; may be empty
  std::vector<std::string> urns;              // "tel:+22370000111"
  std::vector<std::string> groups;            // group uuids, in the order joined
  std::map<std::string, std::string> fields;  // field key -> text value
  std::int64_t created_on = 0;
  // @contact, @fields and @urns as expressions see them ({"contact", "fields", "urns"}), kept from one
  // sprint to the next; a cache, not part of the state (null: not built). The engine drops it when an
  // action changes the contact.
  mutable nlohmann::json context;
};

struct RunResult {
  std::string name, value, category, category_localized, input, node_uuid;
  std::int64_t created_on = 0;
  nlohmann::json extra;
};

struct Step {
  std::string uuid, node_uuid, exit_uuid;
  std::int64_t arrived_on = 0;
};

struct Run {
  std::string uuid;
  std::string flow_uuid;
  std::string status = "active";  // active, waiting, completed, expired, interrupted, failed
  // A deque, not a vector: a path grows a step at a time, and a vector would move it into ever larger
  // blocks. Blocks of a kilobyte or more are the costliest allocations (glibc's malloc sweeps its
  // lists of small free blocks for each one); a deque takes small blocks only.
  std::deque<Step> path;
  std::map<std::string, RunResult> results;  // by result key
  int parent = -1;                           // index of the parent run in the session
  std::int64_t created_on = 0, modified_on = 0, exited_on = 0;
  bool had_input = false;
  // @results as expressions see them, kept across sprints; a cache, not part of the state (null: not built).
  mutable nlohmann::json results_context;
};

struct FlowSession {
  std::string uuid;
  std::string status;  // waiting, completed, interrupted, expired, failed; empty before start
  std::vector<Run> runs;
  nlohmann::json trigger;               // {type, flow, keyword_match?, params?}
  nlohmann::json input;                 // the last message received, or null
  std::int64_t timeout_on = 0;          // when the current wait times out (0: no timeout)
  std::int64_t expires_on = 0;          // when the waiting run expires
  int sprints = 0;
  nlohmann::json webhook;               // parsed body of the last webhook response

  bool waiting() const { return status == "waiting"; }
  // The run that waits (or -1).
  int waiting_run() const;
};

// A webhook call, answered by the host: sandbox handlers or test mocks, never the network.
struct WebhookRequest {
  std::string method, url, body;
  std::vector<std::pair<std::string, std::string>> headers;
};
struct WebhookResponse {
  int status_code = 0;  // 0: connection error
  std::string body;
  // A host that has the body as JSON already gives it here (then `body` may be left empty when the
  // host does not want events); the engine parses `body` otherwise.
  bool has_value = false;
  nlohmann::json value;
};

// What the engine needs from its surroundings.
struct Host {
  std::int64_t now = 0;
  int utc_offset_minutes = 0;
  std::string date_format = "DD-MM-YYYY";
  std::string default_country = "ML";
  Rng* rng = nullptr;  // for uuids and random routers; must be set
  std::function<WebhookResponse(const WebhookRequest&)> webhook;
  nlohmann::json globals = nlohmann::json::object();
  // What a sprint reports besides its messages: the events and the node moves, only when the caller
  // shows or keeps them (a replay needs neither).
  bool all_events = true;
  bool segments = true;
};

// A message a sprint sends (what its msg_created or broadcast_created event says), for the host's
// message log: built whether or not the host wants the events.
struct OutMessage {
  std::vector<std::string> urns;  // a message: the contact's URN(s); a broadcast: its rendered URNs
  std::vector<std::string> contact_uuids, group_uuids;  // a broadcast's contacts and groups
  std::string text;
  std::vector<std::string> quick_replies;  // rendered; messages only
};

// The events of one sprint, in RapidPro's shapes ({"type": "msg_created", "created_on": ..., ...}).
struct Sprint {
  std::vector<nlohmann::json> events;
  std::vector<nlohmann::json> segments;  // node -> node moves, for the flow view
  std::vector<OutMessage> messages;      // in the order of their events
};

// Starts `flow_uuid` for the contact; any previous session is interrupted first.
Sprint start_flow(const FlowAssets& assets, FlowContact& contact, FlowSession& session, const std::string& flow_uuid,
                  nlohmann::json trigger, Host& host);
// Resumes a waiting session with an incoming message.
Sprint resume_with_msg(const FlowAssets& assets, FlowContact& contact, FlowSession& session, nlohmann::json msg,
                       Host& host);
// Resumes a waiting session because its wait timed out ("No Response").
Sprint resume_with_timeout(const FlowAssets& assets, FlowContact& contact, FlowSession& session, Host& host);
// Expires every run of a waiting session.
Sprint expire_session(const FlowAssets& assets, FlowContact& contact, FlowSession& session, Host& host);
// Ends a waiting session because another flow starts.
void interrupt_session(FlowSession& session, Host& host, Sprint& sprint);

// A new random (version 4) UUID from the generator.
std::string new_uuid(Rng& rng);
// The expression context of a session for a contact: @contact, @results, @input, @run, ...
nlohmann::json build_context(const FlowAssets& assets, const FlowContact& contact, const FlowSession& session,
                             int run_index, const Host& host);
// JSON forms for saving and inspecting.
nlohmann::json contact_to_json(const FlowContact& c);
nlohmann::json session_to_json(const FlowSession& s);

}  // namespace kalan::flows
