// RapidPro flow definitions (export format, spec 13): flows, nodes, actions, routers, triggers.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"

namespace kalan::flows {

struct Ref {
  std::string uuid;
  std::string name;
};

// What an action does: its type, resolved once when the flow is read, for the engine to dispatch on.
enum class ActionKind : std::uint8_t {
  unknown, send_msg, send_broadcast, set_run_result, set_contact_field, set_contact_name, set_contact_language,
  add_contact_groups, remove_contact_groups, add_input_labels, enter_flow, call_webhook
};

// One action of a node. Only the fields of its type are set.
struct Action {
  std::string uuid;
  std::string type;  // send_msg, set_run_result, set_contact_field, ... (see supported_action_types())
  ActionKind kind = ActionKind::unknown;     // the same, as an enum
  std::string text;                         // send_msg, send_broadcast
  std::vector<std::string> quick_replies;   // send_msg, send_broadcast
  std::vector<std::string> attachments;     // send_msg, send_broadcast
  bool all_urns = false;                    // send_msg
  std::vector<std::string> urns;            // send_broadcast: URN templates
  std::vector<Ref> contacts, groups;        // send_broadcast, add/remove_contact_groups
  bool all_groups = false;                  // remove_contact_groups
  std::string name, value, category;        // set_run_result; name also for set_contact_name
  Ref field;                                // set_contact_field: uuid holds the key
  std::string language;                     // set_contact_language
  std::vector<Ref> labels;                  // add_input_labels
  Ref flow;                                 // enter_flow
  bool terminal = false;                    // enter_flow
  std::string method, url, body, result_name;                    // call_webhook
  std::vector<std::pair<std::string, std::string>> headers;      // call_webhook
};

struct Case {
  std::string uuid;
  std::string type;  // has_text, has_number_between, ...
  std::vector<std::string> arguments;
  std::string category_uuid;
};

struct Category {
  std::string uuid;
  std::string name;
  std::string exit_uuid;
};

struct Wait {
  std::string type;  // "msg"; empty when the router does not wait
  std::int64_t timeout_seconds = 0;  // 0: no timeout
  std::string timeout_category_uuid;
};

struct Router {
  std::string type;  // switch or random
  std::string operand;
  std::vector<Case> cases;
  std::vector<Category> categories;
  std::string default_category_uuid;
  std::string result_name;
  Wait wait;

  const Category* category(const std::string& uuid) const;
};

struct Exit {
  std::string uuid;
  std::string destination_uuid;  // empty: the run ends here
};

struct Node {
  std::string uuid;
  std::vector<Action> actions;
  std::optional<Router> router;
  std::vector<Exit> exits;

  const Exit* exit(const std::string& uuid) const;
};

struct Flow {
  std::string uuid;
  std::string name;
  std::string language = "fra";
  std::string type = "messaging";
  std::string spec_version;
  std::int64_t expire_after_minutes = 10080;
  std::vector<Node> nodes;
  nlohmann::json localization = nlohmann::json::object();  // language -> item uuid -> {text: [...], ...}

  const Node* node(const std::string& uuid) const;
  void reindex();

 private:
  std::map<std::string, size_t> node_index_;
};

struct KeywordTrigger {
  std::string keyword;      // folded (lower case, no accents)
  std::string flow_uuid;
  std::vector<std::string> groups, exclude_groups;  // group uuids
  bool only_word = false;   // match type "O": the message is the keyword alone
};

struct FieldDef {
  std::string key, name, type;
};

// Everything a RapidPro export brings: flows, triggers, fields and groups.
struct FlowAssets {
  std::vector<Flow> flows;
  std::vector<KeywordTrigger> keyword_triggers;
  std::string catchall_flow_uuid;  // a "catch all" trigger, or empty
  std::vector<FieldDef> fields;
  std::vector<Ref> groups;

  const Flow* flow(const std::string& uuid) const;
  const Ref* group(const std::string& uuid) const;
  const Ref* group_by_name(const std::string& name) const;
  const FieldDef* field(const std::string& key) const;
};

const std::vector<std::string>& supported_action_types();
// The kind of an action type ("send_msg" -> ActionKind::send_msg); unknown for any other text.
ActionKind action_kind(std::string_view type);

// Reads a RapidPro export ({"version", "flows", "triggers", "fields", "groups", ...}) or a single flow
// definition. Every unsupported or inconsistent item is reported with its path and its node UUID.
FlowAssets parse_flow_export(const nlohmann::json& value, const std::string& path, Diagnostics& out);

// Lower-cases a result name into its key, as RapidPro does: "Type de violence" -> "type_de_violence".
std::string result_key(const std::string& name);

}  // namespace kalan::flows
