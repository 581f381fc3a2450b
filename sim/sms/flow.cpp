#include "sms/flow.h"

#include <algorithm>
#include <set>

#include "core/reader.h"
#include "sms/expr/expressions.h"
#include "sms/router_tests.h"
#include "sms/text.h"

namespace kalan::flows {

const Category* Router::category(const std::string& uuid) const {
  for (const auto& c : categories)
    if (c.uuid == uuid) return &c;
  return nullptr;
}

const Exit* Node::exit(const std::string& uuid) const {
  for (const auto& e : exits)
    if (e.uuid == uuid) return &e;
  return nullptr;
}

const Node* Flow::node(const std::string& uuid) const {
  const auto it = node_index_.find(uuid);
  return it == node_index_.end() ? nullptr : &nodes[it->second];
}

void Flow::reindex() {
  node_index_.clear();
  for (size_t i = 0; i < nodes.size(); ++i) node_index_.emplace(nodes[i].uuid, i);
}

const Flow* FlowAssets::flow(const std::string& uuid) const {
  for (const auto& f : flows)
    if (f.uuid == uuid) return &f;
  return nullptr;
}

const Ref* FlowAssets::group(const std::string& uuid) const {
  for (const auto& g : groups)
    if (g.uuid == uuid) return &g;
  return nullptr;
}

const Ref* FlowAssets::group_by_name(const std::string& name) const {
  const std::string folded = text::fold(name);
  for (const auto& g : groups)
    if (text::fold(g.name) == folded) return &g;
  return nullptr;
}

const FieldDef* FlowAssets::field(const std::string& key) const {
  for (const auto& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

namespace {

struct ActionType {
  const char* name;
  ActionKind kind;
};
constexpr ActionType kActionTypes[] = {
    {"send_msg", ActionKind::send_msg},
    {"set_run_result", ActionKind::set_run_result},
    {"set_contact_field", ActionKind::set_contact_field},
    {"set_contact_name", ActionKind::set_contact_name},
    {"set_contact_language", ActionKind::set_contact_language},
    {"add_contact_groups", ActionKind::add_contact_groups},
    {"remove_contact_groups", ActionKind::remove_contact_groups},
    {"add_input_labels", ActionKind::add_input_labels},
    {"send_broadcast", ActionKind::send_broadcast},
    {"enter_flow", ActionKind::enter_flow},
    {"call_webhook", ActionKind::call_webhook}};

}  // namespace

const std::vector<std::string>& supported_action_types() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> out;
    for (const auto& t : kActionTypes) out.emplace_back(t.name);
    return out;
  }();
  return types;
}

ActionKind action_kind(std::string_view type) {
  for (const auto& t : kActionTypes)
    if (type == t.name) return t.kind;
  return ActionKind::unknown;
}

std::string result_key(const std::string& name) {
  std::string out;
  bool underscore = false;
  for (char32_t c : text::decode_utf8(text::fold(name))) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) {
      if (underscore && !out.empty()) out += '_';
      underscore = false;
      out += static_cast<char>(c);
    } else {
      underscore = true;
    }
  }
  return out;
}

namespace {

struct FlowReader {
  Diagnostics& out;
  std::string node_uuid;  // for messages

  void unsupported(const std::string& path, const std::string& what, const std::string& value) {
    add_error(out, path, "unsupported", {what, value, node_uuid});
  }
  void dangling(const std::string& path, const std::string& what, const std::string& value) {
    add_error(out, path, "dangling", {what, value, node_uuid});
  }
  void check_template(const std::string& path, const std::string& tmpl) {
    std::string error;
    if (!kalan::flows::check_template(tmpl, &error)) add_error(out, path, "bad_template", {error, node_uuid});
  }

  std::vector<std::string> strings(ObjectReader& r, const char* key) {
    auto v = r.strings(key, false);
    return v ? *v : std::vector<std::string>{};
  }

  std::vector<Ref> refs(ObjectReader& r, const char* key) {
    std::vector<Ref> refs;
    const nlohmann::json* list = r.array(key, false);
    if (!list) return refs;
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader o((*list)[i], path_join(r.path_of(key), i), out);
      if (!o.is_object()) continue;
      Ref ref;
      ref.uuid = o.string("uuid", false).value_or("");
      ref.name = o.string("name", false, true).value_or("");
      if (o.has("name_match")) o.get("name_match");
      if (o.has("query")) o.get("query");
      if (o.has("key")) ref.uuid = o.string("key").value_or("");
      o.reject_unknown_keys();
      refs.push_back(std::move(ref));
    }
    return refs;
  }

  Action action(const nlohmann::json& value, const std::string& path) {
    Action a;
    ObjectReader r(value, path, out);
    if (!r.is_object()) return a;
    a.uuid = r.string("uuid").value_or("");
    a.type = r.string("type").value_or("");
    a.kind = action_kind(a.type);
    if (!a.type.empty() && a.kind == ActionKind::unknown) {
      unsupported(r.path_of("type"), "@action", a.type);
      return a;  // its other keys are unknown to us: one error is enough
    }
    if (a.type == "send_msg" || a.type == "send_broadcast") {
      a.text = r.string("text", true, true).value_or("");
      check_template(r.path_of("text"), a.text);
      a.quick_replies = strings(r, "quick_replies");
      a.attachments = strings(r, "attachments");
      if (a.type == "send_msg") {
        a.all_urns = r.boolean("all_urns", false).value_or(false);
        if (const auto* t = r.get("templating"); t && !t->is_null()) unsupported(r.path_of("templating"), "@action", "templating");
        r.get("topic");
      } else {
        a.urns = strings(r, "urns");
        a.contacts = refs(r, "contacts");
        a.groups = refs(r, "groups");
        r.get("legacy_vars");
        r.get("contact_query");
      }
    } else if (a.type == "set_run_result") {
      a.name = r.string("name").value_or("");
      a.value = r.string("value", true, true).value_or("");
      check_template(r.path_of("value"), a.value);
      a.category = r.string("category", false, true).value_or("");
    } else if (a.type == "set_contact_field") {
      if (const auto* f = r.object("field")) {
        ObjectReader fr(*f, r.path_of("field"), out);
        a.field.uuid = fr.string("key").value_or("");
        a.field.name = fr.string("name", false, true).value_or("");
        fr.reject_unknown_keys();
      }
      a.value = r.string("value", true, true).value_or("");
      check_template(r.path_of("value"), a.value);
    } else if (a.type == "set_contact_name") {
      a.name = r.string("name", true, true).value_or("");
      check_template(r.path_of("name"), a.name);
    } else if (a.type == "set_contact_language") {
      a.language = r.string("language", true, true).value_or("");
    } else if (a.type == "add_contact_groups" || a.type == "remove_contact_groups") {
      a.groups = refs(r, "groups");
      if (a.type == "remove_contact_groups") a.all_groups = r.boolean("all_groups", false).value_or(false);
    } else if (a.type == "add_input_labels") {
      a.labels = refs(r, "labels");
    } else if (a.type == "enter_flow") {
      if (const auto* f = r.object("flow")) {
        ObjectReader fr(*f, r.path_of("flow"), out);
        a.flow.uuid = fr.string("uuid").value_or("");
        a.flow.name = fr.string("name", false, true).value_or("");
        fr.reject_unknown_keys();
      }
      a.terminal = r.boolean("terminal", false).value_or(false);
    } else if (a.type == "call_webhook") {
      a.method = r.one_of("method", {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}, "method").value_or("GET");
      a.url = r.string("url").value_or("");
      check_template(r.path_of("url"), a.url);
      a.body = r.string("body", false, true).value_or("");
      check_template(r.path_of("body"), a.body);
      a.result_name = r.string("result_name", false, true).value_or("");
      if (const auto* h = r.object("headers", false))
        for (auto it = h->begin(); it != h->end(); ++it)
          if (it->is_string()) a.headers.emplace_back(it.key(), it->get<std::string>());
    }
    r.reject_unknown_keys();
    return a;
  }

  Router router(const nlohmann::json& value, const std::string& path) {
    Router rt;
    ObjectReader r(value, path, out);
    if (!r.is_object()) return rt;
    rt.type = r.string("type").value_or("");
    if (rt.type != "switch" && rt.type != "random") {
      if (!rt.type.empty()) unsupported(r.path_of("type"), "@router", rt.type);
      return rt;
    }
    rt.result_name = r.string("result_name", false, true).value_or("");
    if (const auto* cats = r.array("categories")) {
      for (size_t i = 0; i < cats->size(); ++i) {
        ObjectReader c((*cats)[i], path_join(r.path_of("categories"), i), out);
        if (!c.is_object()) continue;
        Category cat;
        cat.uuid = c.string("uuid").value_or("");
        cat.name = c.string("name").value_or("");
        cat.exit_uuid = c.string("exit_uuid").value_or("");
        c.reject_unknown_keys();
        rt.categories.push_back(std::move(cat));
      }
    }
    if (rt.type == "switch") {
      rt.operand = r.string("operand").value_or("");
      check_template(r.path_of("operand"), rt.operand);
      rt.default_category_uuid = r.string("default_category_uuid", false).value_or("");
      if (const auto* cases = r.array("cases", false)) {
        for (size_t i = 0; i < cases->size(); ++i) {
          const std::string cp = path_join(r.path_of("cases"), i);
          ObjectReader c((*cases)[i], cp, out);
          if (!c.is_object()) continue;
          Case cs;
          cs.uuid = c.string("uuid").value_or("");
          cs.type = c.string("type").value_or("");
          cs.arguments = strings(c, "arguments");
          cs.category_uuid = c.string("category_uuid").value_or("");
          const auto arity = case_test_arity(cs.type);
          if (!cs.type.empty() && !arity) {
            unsupported(c.path_of("type"), "@test", cs.type);
          } else if (arity && (static_cast<int>(cs.arguments.size()) < arity->first ||
                               static_cast<int>(cs.arguments.size()) > arity->second)) {
            add_error(out, c.path_of("arguments"), "bad_arity",
                      {cs.type, std::to_string(arity->first), std::to_string(arity->second),
                       std::to_string(cs.arguments.size()), node_uuid});
          }
          for (size_t k = 0; k < cs.arguments.size(); ++k)
            check_template(path_join(c.path_of("arguments"), k), cs.arguments[k]);
          if (!cs.category_uuid.empty() && !rt.category(cs.category_uuid))
            dangling(c.path_of("category_uuid"), "@category", cs.category_uuid);
          c.reject_unknown_keys();
          rt.cases.push_back(std::move(cs));
        }
      }
      if (!rt.default_category_uuid.empty() && !rt.category(rt.default_category_uuid))
        dangling(r.path_of("default_category_uuid"), "@category", rt.default_category_uuid);
    }
    if (const auto* w = r.object("wait", false)) {
      ObjectReader wr(*w, r.path_of("wait"), out);
      rt.wait.type = wr.string("type").value_or("");
      if (rt.wait.type != "msg") {
        if (!rt.wait.type.empty()) unsupported(wr.path_of("type"), "@wait", rt.wait.type);
      }
      if (const auto* t = wr.object("timeout", false)) {
        ObjectReader tr(*t, wr.path_of("timeout"), out);
        rt.wait.timeout_seconds = tr.integer("seconds", 1, 30LL * 86400).value_or(0);
        rt.wait.timeout_category_uuid = tr.string("category_uuid").value_or("");
        if (!rt.wait.timeout_category_uuid.empty() && !rt.category(rt.wait.timeout_category_uuid))
          dangling(tr.path_of("category_uuid"), "@category", rt.wait.timeout_category_uuid);
        tr.reject_unknown_keys();
      }
      wr.get("hint");
      wr.reject_unknown_keys();
    }
    r.reject_unknown_keys();
    return rt;
  }

  Node node(const nlohmann::json& value, const std::string& path) {
    Node n;
    ObjectReader r(value, path, out);
    if (!r.is_object()) return n;
    n.uuid = r.string("uuid").value_or("");
    node_uuid = n.uuid;
    if (const auto* actions = r.array("actions", false))
      for (size_t i = 0; i < actions->size(); ++i) n.actions.push_back(action((*actions)[i], path_join(r.path_of("actions"), i)));
    if (const auto* router_json = r.object("router", false)) n.router = router(*router_json, r.path_of("router"));
    if (const auto* exits = r.array("exits")) {
      for (size_t i = 0; i < exits->size(); ++i) {
        ObjectReader e((*exits)[i], path_join(r.path_of("exits"), i), out);
        if (!e.is_object()) continue;
        Exit ex;
        ex.uuid = e.string("uuid").value_or("");
        if (const auto* d = e.get("destination_uuid"); d && !d->is_null()) ex.destination_uuid = e.string("destination_uuid").value_or("");
        e.reject_unknown_keys();
        n.exits.push_back(std::move(ex));
      }
    }
    if (n.router)
      for (size_t i = 0; i < n.router->categories.size(); ++i)
        if (!n.exit(n.router->categories[i].exit_uuid))
          dangling(path_join(r.path_of("router") + "/categories", i) + "/exit_uuid", "@exit", n.router->categories[i].exit_uuid);
    r.reject_unknown_keys();
    return n;
  }

  Flow flow(const nlohmann::json& value, const std::string& path) {
    Flow f;
    ObjectReader r(value, path, out);
    if (!r.is_object()) return f;
    f.uuid = r.string("uuid").value_or("");
    f.name = r.string("name").value_or("");
    f.language = r.string("language", false).value_or("fra");
    f.type = r.string("type", false).value_or("messaging");
    if (f.type != "messaging") unsupported(r.path_of("type"), "@flow", f.type);
    f.spec_version = r.string("spec_version", false).value_or("13.0.0");
    if (f.spec_version.rfind("13.", 0) != 0) unsupported(r.path_of("spec_version"), "version", f.spec_version);
    f.expire_after_minutes = r.integer("expire_after_minutes", 0, 525600, false).value_or(10080);
    if (const auto* loc = r.object("localization", false)) f.localization = *loc;
    if (const auto* nodes = r.array("nodes"))
      for (size_t i = 0; i < nodes->size(); ++i) f.nodes.push_back(node((*nodes)[i], path_join(r.path_of("nodes"), i)));
    for (const char* k : {"revision", "_ui", "vars", "integrations", "metadata", "version"}) r.get(k);
    r.reject_unknown_keys();
    f.reindex();
    // Exits must lead to nodes of the same flow.
    for (size_t i = 0; i < f.nodes.size(); ++i) {
      node_uuid = f.nodes[i].uuid;
      for (size_t k = 0; k < f.nodes[i].exits.size(); ++k) {
        const std::string& dest = f.nodes[i].exits[k].destination_uuid;
        if (!dest.empty() && !f.node(dest))
          dangling(path_join(path_join(path + "/nodes", i) + "/exits", k) + "/destination_uuid", "@node", dest);
      }
    }
    return f;
  }
};

}  // namespace

FlowAssets parse_flow_export(const nlohmann::json& value, const std::string& path, Diagnostics& out) {
  FlowAssets assets;
  FlowReader fr{out, ""};
  ObjectReader r(value, path, out);
  if (!r.is_object()) return assets;
  if (r.has("nodes") && !r.has("flows")) {  // a single flow definition
    assets.flows.push_back(fr.flow(value, path));
    return assets;
  }
  for (const char* k : {"version", "site", "campaigns", "$comment"}) r.get(k);
  if (const auto* flows = r.array("flows")) {
    if (flows->empty()) r.error("flows", "no_flows");
    for (size_t i = 0; i < flows->size(); ++i) assets.flows.push_back(fr.flow((*flows)[i], path_join(r.path_of("flows"), i)));
  }
  assets.groups = fr.refs(r, "groups");
  if (const auto* fields = r.array("fields", false)) {
    for (size_t i = 0; i < fields->size(); ++i) {
      ObjectReader f((*fields)[i], path_join(r.path_of("fields"), i), out);
      if (!f.is_object()) continue;
      FieldDef def;
      def.key = f.string("key").value_or("");
      def.name = f.string("name", false, true).value_or(def.key);
      def.type = f.one_of("type", {"text", "number", "datetime", "state", "district", "ward"}, "type", false).value_or("text");
      f.reject_unknown_keys();
      assets.fields.push_back(std::move(def));
    }
  }
  if (const auto* triggers = r.array("triggers", false)) {
    for (size_t i = 0; i < triggers->size(); ++i) {
      const std::string tp = path_join(r.path_of("triggers"), i);
      ObjectReader t((*triggers)[i], tp, out);
      if (!t.is_object()) continue;
      fr.node_uuid = "-";
      const std::string type = t.string("trigger_type").value_or("");
      std::string flow_uuid;
      if (const auto* f = t.object("flow")) {
        ObjectReader fl(*f, t.path_of("flow"), out);
        flow_uuid = fl.string("uuid").value_or("");
        fl.get("name");
        fl.reject_unknown_keys();
        if (!flow_uuid.empty() && !assets.flow(flow_uuid)) fr.dangling(t.path_of("flow"), "@flow", flow_uuid);
      }
      for (const char* k : {"channel", "exclude_groups", "groups", "keyword", "keywords", "match_type"}) t.get(k);
      if (type == "K") {
        KeywordTrigger kt;
        std::vector<std::string> keywords;
        if (t.has("keywords")) keywords = fr.strings(t, "keywords");
        if (const auto* k = t.get("keyword"); k && k->is_string()) keywords.push_back(k->get<std::string>());
        if (keywords.empty()) t.error("", "missing", {"keyword"});
        for (const auto& g : fr.refs(t, "groups")) kt.groups.push_back(g.uuid);
        for (const auto& g : fr.refs(t, "exclude_groups")) kt.exclude_groups.push_back(g.uuid);
        const auto* mt = t.get("match_type");
        kt.only_word = mt && mt->is_string() && mt->get<std::string>() == "O";
        kt.flow_uuid = flow_uuid;
        for (const auto& k : keywords) {
          kt.keyword = text::fold(text::trim(k));
          assets.keyword_triggers.push_back(kt);
        }
      } else if (type == "C") {
        assets.catchall_flow_uuid = flow_uuid;
      } else {
        fr.unsupported(t.path_of("trigger_type"), "@trigger", type);
      }
      t.reject_unknown_keys();
    }
  }
  r.reject_unknown_keys();
  // Cross-flow references: subflows must exist in the same export.
  for (size_t fi = 0; fi < assets.flows.size(); ++fi) {
    const Flow& f = assets.flows[fi];
    for (size_t ni = 0; ni < f.nodes.size(); ++ni)
      for (size_t ai = 0; ai < f.nodes[ni].actions.size(); ++ai) {
        const Action& a = f.nodes[ni].actions[ai];
        if (a.type == "enter_flow" && !assets.flow(a.flow.uuid)) {
          fr.node_uuid = f.nodes[ni].uuid;
          fr.dangling(path_join(path_join(path_join(path + "/flows", fi) + "/nodes", ni) + "/actions", ai) + "/flow", "@flow",
                      a.flow.uuid);
        }
      }
  }
  return assets;
}

}  // namespace kalan::flows
