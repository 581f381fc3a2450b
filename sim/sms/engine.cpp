#include "sms/engine.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/json_object.h"
#include "core/time.h"
#include "sms/expr/expressions.h"
#include "sms/flow_context.h"
#include "sms/router_tests.h"
#include "sms/text.h"

namespace kalan::flows {

using nlohmann::json;

int FlowSession::waiting_run() const {
  for (int i = static_cast<int>(runs.size()) - 1; i >= 0; --i)
    if (runs[static_cast<size_t>(i)].status == "waiting") return i;
  return -1;
}

std::string new_uuid(Rng& rng) {
  // Written by hand: this runs for every step and message, and snprintf is slow in wasm.
  static const char* hex = "0123456789abcdef";
  const std::uint64_t a = rng.next(), b = rng.next();
  std::string out(36, '-');
  auto put = [&](size_t pos, std::uint64_t v, int digits) {
    for (int i = digits - 1; i >= 0; --i, v >>= 4) out[pos + static_cast<size_t>(i)] = hex[v & 0xF];
  };
  put(0, a >> 32, 8);
  put(9, (a >> 16) & 0xFFFF, 4);
  put(14, 0x4000 | (a & 0xFFF), 4);
  put(19, 0x8000 | ((b >> 48) & 0x3FFF), 4);
  put(24, b & 0xFFFFFFFFFFFFULL, 12);
  return out;
}

json contact_to_json(const FlowContact& c) {
  json fields = json::object();
  for (const auto& [k, v] : c.fields) fields[k] = v;
  return {{"uuid", c.uuid}, {"name", c.name}, {"language", c.language}, {"urns", c.urns},
          {"groups", c.groups}, {"fields", fields}, {"created_on", format_iso_time(c.created_on)}};
}

json session_to_json(const FlowSession& s) {
  json runs = json::array();
  for (const auto& r : s.runs) {
    json path = json::array();
    for (const auto& st : r.path) {
      json p = {{"uuid", st.uuid}, {"node_uuid", st.node_uuid}, {"arrived_on", format_iso_time(st.arrived_on)}};
      if (!st.exit_uuid.empty()) p["exit_uuid"] = st.exit_uuid;
      path.push_back(std::move(p));
    }
    json results = results_json(r);
    for (auto& [k, v] : results.items()) v.erase("__default__");
    runs.push_back({{"uuid", r.uuid}, {"flow_uuid", r.flow_uuid}, {"status", r.status}, {"path", path},
                    {"results", results}, {"parent", r.parent}, {"created_on", format_iso_time(r.created_on)},
                    {"modified_on", format_iso_time(r.modified_on)},
                    {"exited_on", r.exited_on ? json(format_iso_time(r.exited_on)) : json(nullptr)},
                    {"had_input", r.had_input}});
  }
  return {{"uuid", s.uuid},   {"status", s.status},     {"runs", runs},
          {"trigger", s.trigger}, {"input", s.input},   {"timeout_on", s.timeout_on},
          {"expires_on", s.expires_on}, {"sprints", s.sprints}, {"webhook", s.webhook}};
}

namespace {

constexpr int kMaxStepsPerSprint = 200;

// "@results.sexe", "@(run.results.sexe.category)" -> "sexe"; the operand itself otherwise.
std::string operand_result_key(const std::string& operand) {
  std::string s;
  for (char c : operand)
    if (c != '@' && c != '(' && c != ')' && c != ' ') s += c;
  for (const char* prefix : {"run.results.", "results."})
    if (s.rfind(prefix, 0) == 0) {
      s = s.substr(std::string(prefix).size());
      return s.substr(0, s.find('.'));
    }
  return s;
}

// Actions that change what @contact, @fields and @urns show.
bool changes_contact(ActionKind k) {
  switch (k) {
    case ActionKind::set_contact_field:
    case ActionKind::set_contact_name:
    case ActionKind::set_contact_language:
    case ActionKind::add_contact_groups:
    case ActionKind::remove_contact_groups: return true;
    default: return false;
  }
}

class Engine {
 public:
  Engine(const FlowAssets& a, FlowContact& c, FlowSession& s, Host& h, Sprint& sp)
      : assets_(a), contact_(c), session_(s), host_(h), sprint_(sp), ctx_(a, c, s, h) {
    env_.now = h.now;
    env_.utc_offset_minutes = h.utc_offset_minutes;
    env_.date_format = h.date_format;
    env_.default_country = h.default_country;
  }

  // Starts a new root run of `flow`.
  void start(const Flow& flow) {
    const int r = new_run(flow, -1);
    go(r, flow.nodes.empty() ? nullptr : &flow.nodes.front());
    settle();
  }

  void resume_msg(json msg) {
    const int r = session_.waiting_run();
    if (r < 0) return;
    session_.input = std::move(msg);
    ctx_.stale(FlowContext::kInput);
    Run& run = session_.runs[static_cast<size_t>(r)];
    run.had_input = true;
    continue_waiting(r, false);
    settle();
  }

  void resume_timeout() {
    const int r = session_.waiting_run();
    if (r < 0) return;
    continue_waiting(r, true);
    settle();
  }

  void expire() {
    for (int i = static_cast<int>(session_.runs.size()) - 1; i >= 0; --i) {
      Run& run = session_.runs[static_cast<size_t>(i)];
      if (run.status == "waiting" || run.status == "active") end_run_only(i, "expired");
    }
    session_.status = "expired";
    session_.timeout_on = session_.expires_on = 0;
  }

 private:
  const FlowAssets& assets_;
  FlowContact& contact_;
  FlowSession& session_;
  Host& host_;
  Sprint& sprint_;
  ExprEnv env_;
  int steps_ = 0;
  bool failed_ = false;
  FlowContext ctx_;

  // The clock does not move during a sprint: its text is made once, for every event.
  const std::string& now_iso() {
    if (now_iso_.empty()) now_iso_ = format_iso_time(host_.now);
    return now_iso_;
  }
  std::string now_iso_;

  // Events other than the messages to send are built only when the host wants them.
  bool all_events() const { return host_.all_events; }

  void emit(json e) {
    e["created_on"] = now_iso();
    sprint_.events.push_back(std::move(e));
  }

  void error(const std::string& text) {
    if (all_events()) emit({{"type", "error"}, {"text", text}});
  }

  const Flow* flow_of(int r) const { return assets_.flow(session_.runs[static_cast<size_t>(r)].flow_uuid); }

  // A run's status shows in @run (its own run) and in @parent/@child (others).
  void run_status_changed(int r) { ctx_.stale(r == ctx_.run() ? FlowContext::kRun : FlowContext::kRelated); }

  std::string render(int r, const std::string& tmpl) {
    if (tmpl.find('@') == std::string::npos) return tmpl;
    RenderResult res = render_template(tmpl, ctx_.for_template(r, tmpl), env_);
    for (const auto& e : res.errors) error(e);
    return std::move(res.text);
  }

  // Text of a localizable item in the contact's language, falling back to the flow's own.
  json localized(int r, const std::string& uuid, const char* key) const {
    const Flow* f = flow_of(r);
    if (!f || contact_.language.empty() || contact_.language == f->language) return nullptr;
    const json& loc = f->localization;
    if (!loc.contains(contact_.language)) return nullptr;
    const json& lang = loc[contact_.language];
    if (!lang.is_object() || !lang.contains(uuid) || !lang[uuid].is_object() || !lang[uuid].contains(key)) return nullptr;
    const json& v = lang[uuid][key];
    if (!v.is_array() || v.empty()) return nullptr;
    return v;
  }

  int new_run(const Flow& flow, int parent) {
    Run run;
    run.uuid = new_uuid(*host_.rng);
    run.flow_uuid = flow.uuid;
    run.parent = parent;
    run.created_on = run.modified_on = host_.now;
    session_.runs.push_back(std::move(run));
    ctx_.stale(FlowContext::kAll);  // a new run may be the @child of the context's run
    const int r = static_cast<int>(session_.runs.size()) - 1;
    if (all_events()) emit(json_object("type", "run_started", "run_uuid", session_.runs.back().uuid, "flow", flow_ref(&flow)));
    return r;
  }

  void save_result(int r, const std::string& name, const std::string& value, const std::string& category,
                   const std::string& category_localized, const std::string& input, const std::string& node_uuid,
                   json extra) {
    Run& run = session_.runs[static_cast<size_t>(r)];
    RunResult res{name, value, category, category_localized, input, node_uuid, host_.now, std::move(extra)};
    const std::string key = result_key(name);
    if (ctx_.run() != r) ctx_.stale(FlowContext::kRelated);
    if (!run.results_context.is_null()) run.results_context[key] = result_json(res);  // kept up to date
    const RunResult& saved = run.results[key] = std::move(res);
    if (!all_events()) return;
    json e = json_object("type", "run_result_changed", "name", name, "value", value, "category", category);
    if (!category_localized.empty() && category_localized != category) e["category_localized"] = category_localized;
    if (!input.empty()) e["input"] = input;
    if (!saved.extra.is_null()) e["extra"] = saved.extra;
    emit(std::move(e));
  }

  json group_refs(const std::vector<Ref>& groups) {
    json out = json::array();
    for (const auto& g : groups) out.push_back({{"uuid", g.uuid}, {"name", g.name}});
    return out;
  }

  void send_msg(int r, const Action& a) {
    const json text = localized(r, a.uuid, "text");
    std::string body = text.is_array() ? render(r, text[0].get<std::string>()) : render(r, a.text);
    const json qr_src = localized(r, a.uuid, "quick_replies");
    const std::vector<std::string> translated_qrs =
        qr_src.is_array() ? qr_src.get<std::vector<std::string>>() : std::vector<std::string>();
    const std::vector<std::string>& qrs = qr_src.is_array() ? translated_qrs : a.quick_replies;
    std::vector<std::string> quick_texts;
    quick_texts.reserve(qrs.size());
    for (const auto& q : qrs) quick_texts.push_back(render(r, q));
    if (contact_.urns.empty()) {
      error("impossible d'envoyer le message : le contact n'a pas de numéro");
      return;
    }
    json quick;  // the quick replies as the events show them (null: none)
    if (all_events())
      for (const auto& q : quick_texts) quick.push_back(json_object("text", q, "type", "text"));
    const size_t n = a.all_urns ? contact_.urns.size() : 1;
    for (size_t i = 0; i < n; ++i) {
      const std::string uuid = new_uuid(*host_.rng);
      const bool last = i + 1 == n;  // the last message takes the texts
      sprint_.messages.push_back(OutMessage{{contact_.urns[i]}, {}, {}, last ? std::move(body) : body,
                                            last ? std::move(quick_texts) : quick_texts});
      if (!all_events()) continue;
      const OutMessage& sent = sprint_.messages.back();
      json msg = json_object("uuid", uuid, "urn", sent.urns.front(), "text", sent.text);
      if (!quick.empty()) msg["quick_replies"] = last ? std::move(quick) : quick;
      if (!a.attachments.empty()) {
        json att = json::array();
        for (const auto& t : a.attachments) att.push_back(render(r, t));
        msg["attachments"] = att;
      }
      emit(json_object("type", "msg_created", "msg", std::move(msg)));
    }
  }

  void send_broadcast(int r, const Action& a) {
    const Flow* f = flow_of(r);
    const std::string lang = f ? f->language : "fra";
    const std::string body = render(r, a.text);
    OutMessage out;
    out.text = body;
    for (const auto& u : a.urns) {
      std::string v = text::trim(render(r, u));
      if (v.empty()) {
        error("diffusion : adresse vide après évaluation de « " + u + " »");
        continue;
      }
      if (v.find(':') == std::string::npos) v = "tel:" + v;
      out.urns.push_back(std::move(v));
    }
    for (const auto& c : a.contacts) out.contact_uuids.push_back(c.uuid);
    for (const auto& g : a.groups) out.group_uuids.push_back(g.uuid);
    const json urns = out.urns;
    sprint_.messages.push_back(std::move(out));
    if (!all_events()) return;
    json contacts = json::array();
    for (const auto& c : a.contacts) contacts.push_back({{"uuid", c.uuid}, {"name", c.name}});
    json translations = {{lang, {{"text", body}}}};
    if (!a.quick_replies.empty()) translations[lang]["quick_replies"] = a.quick_replies;
    emit({{"type", "broadcast_created"}, {"translations", translations}, {"base_language", lang}, {"urns", urns},
          {"contacts", contacts}, {"groups", group_refs(a.groups)}});
  }

  void call_webhook(int r, const Action& a, const Node& node) {
    WebhookRequest req;
    req.method = a.method;
    req.url = text::trim(render(r, a.url));
    req.body = render(r, a.body);
    for (const auto& [k, v] : a.headers) req.headers.emplace_back(k, render(r, v));
    WebhookResponse resp;
    if (host_.webhook) resp = host_.webhook(req);
    const bool ok = resp.status_code >= 200 && resp.status_code < 300;
    if (all_events()) {
      const std::string status = resp.status_code == 0 ? "connection_error" : ok ? "success" : "response_error";
      std::string request = req.method + " " + req.url + " HTTP/1.1\r\n";
      for (const auto& [k, v] : req.headers) request += k + ": " + v + "\r\n";
      request += "\r\n" + req.body;
      json ev = json_object("elapsed_ms", 0, "request", std::move(request), "retries", 0, "status", status, "type",
                            "webhook_called", "url", req.url);
      if (resp.status_code) {
        ev["status_code"] = resp.status_code;
        ev["response"] = "HTTP/1.0 " + std::to_string(resp.status_code) + "\r\n\r\n" + resp.body;
      }
      emit(std::move(ev));
    }
    if (resp.has_value) {
      session_.webhook = std::move(resp.value);
    } else {
      json parsed = json::parse(resp.body, nullptr, false);
      session_.webhook = parsed.is_discarded() ? json(nullptr) : std::move(parsed);
    }
    ctx_.stale(FlowContext::kWebhook);
    if (!a.result_name.empty())
      save_result(r, a.result_name, std::to_string(resp.status_code), ok ? "Success" : "Failure", "",
                  req.method + " " + req.url, node.uuid, session_.webhook);
  }

  void exec(int r, const Action& a, const Node& node) {
    exec_action(r, a, node);
    // Contact actions change @contact, @fields and @urns, also shown in @parent and @child.
    // (Results and @webhook are marked where they are saved.)
    if (changes_contact(a.kind)) ctx_.contact_changed();
  }

  void exec_action(int r, const Action& a, const Node& node) {
    switch (a.kind) {
      case ActionKind::send_msg: send_msg(r, a); break;
      case ActionKind::send_broadcast: send_broadcast(r, a); break;
      case ActionKind::set_run_result:
        save_result(r, a.name, render(r, a.value), a.category, "", "", node.uuid, nullptr);
        break;
      case ActionKind::set_contact_field: set_contact_field(r, a); break;
      case ActionKind::set_contact_name: set_contact_name(r, a); break;
      case ActionKind::set_contact_language: set_contact_language(r, a); break;
      case ActionKind::add_contact_groups: add_contact_groups(a); break;
      case ActionKind::remove_contact_groups: remove_contact_groups(a); break;
      case ActionKind::add_input_labels: add_input_labels(a); break;
      case ActionKind::call_webhook: call_webhook(r, a, node); break;
      case ActionKind::enter_flow:  // go() runs subflows
      case ActionKind::unknown: break;
    }
  }

  void set_contact_field(int r, const Action& a) {
    const std::string value = text::trim(render(r, a.value));
    if (value.empty()) contact_.fields.erase(a.field.uuid);
    else contact_.fields[a.field.uuid] = value;
    if (!all_events()) return;
    const FieldDef* def = assets_.field(a.field.uuid);
    const std::string name = !a.field.name.empty() ? a.field.name : def ? def->name : a.field.uuid;
    emit({{"type", "contact_field_changed"}, {"field", {{"key", a.field.uuid}, {"name", name}}},
          {"value", value.empty() ? json(nullptr) : json{{"text", value}}}});
  }

  void set_contact_name(int r, const Action& a) {
    const std::string name = text::trim(render(r, a.name));
    if (name == contact_.name) return;
    contact_.name = name;
    if (all_events()) emit({{"type", "contact_name_changed"}, {"name", name}});
  }

  void set_contact_language(int r, const Action& a) {
    const std::string lang = text::trim(render(r, a.language));
    if (lang == contact_.language) return;
    contact_.language = lang;
    if (all_events()) emit({{"type", "contact_language_changed"}, {"language", lang}});
  }

  void add_contact_groups(const Action& a) {
    json added = json::array();
    for (const auto& g : a.groups)
      if (std::find(contact_.groups.begin(), contact_.groups.end(), g.uuid) == contact_.groups.end()) {
        contact_.groups.push_back(g.uuid);
        added.push_back({{"uuid", g.uuid}, {"name", g.name}});
      }
    if (!added.empty() && all_events()) emit({{"type", "contact_groups_changed"}, {"groups_added", added}});
  }

  void remove_contact_groups(const Action& a) {
    json removed = json::array();
    for (auto it = contact_.groups.begin(); it != contact_.groups.end();) {
      bool drop = a.all_groups;
      for (const auto& g : a.groups) drop = drop || g.uuid == *it;
      if (drop) {
        const Ref* ref = assets_.group(*it);
        removed.push_back({{"uuid", *it}, {"name", ref ? ref->name : *it}});
        it = contact_.groups.erase(it);
      } else {
        ++it;
      }
    }
    if (!removed.empty() && all_events()) emit({{"type", "contact_groups_changed"}, {"groups_removed", removed}});
  }

  void add_input_labels(const Action& a) {
    if (session_.input.is_object() && all_events())
      emit({{"type", "input_labels_added"}, {"input_uuid", session_.input.value("uuid", "")}, {"labels", group_refs(a.labels)}});
  }

  Step& add_step(int r, const Node* node) {
    Run& run = session_.runs[static_cast<size_t>(r)];
    run.path.push_back(Step{new_uuid(*host_.rng), node->uuid, "", host_.now});
    ctx_.stale(FlowContext::kNode);
    run.modified_on = host_.now;
    return run.path.back();
  }

  // The arguments of a case as its test takes them: most are plain text, given as they are; any
  // other is rendered (into a buffer kept from case to case).
  const std::vector<std::string>& case_arguments(int r, const Case& c) {
    const auto names_context = [](const std::string& a) { return a.find('@') != std::string::npos; };
    if (std::none_of(c.arguments.begin(), c.arguments.end(), names_context)) return c.arguments;
    rendered_arguments_.clear();
    for (const auto& a : c.arguments) rendered_arguments_.push_back(render(r, a));
    return rendered_arguments_;
  }
  std::vector<std::string> rendered_arguments_;

  // Picks the category of a router; saves its result. `timed_out`: the wait's timeout category.
  const Category* evaluate(int r, const Node& node, bool timed_out) {
    const Router& rt = *node.router;
    const Category* cat = nullptr;
    std::string value, operand;
    json extra;
    if (timed_out) {
      cat = rt.category(rt.wait.timeout_category_uuid);
    } else if (rt.type == "random") {
      if (!rt.categories.empty()) {
        const std::uint64_t roll = host_.rng->below(10000);
        cat = &rt.categories[static_cast<size_t>(roll * rt.categories.size() / 10000)];
        char buf[16];
        std::snprintf(buf, sizeof buf, "0.%04llu", static_cast<unsigned long long>(roll));
        value = buf;
      }
    } else {
      operand = render(r, rt.operand);
      TestEnv tenv;
      tenv.now = host_.now;
      tenv.utc_offset_minutes = host_.utc_offset_minutes;
      tenv.date_format = host_.date_format;
      tenv.default_country = host_.default_country;
      // Groups and result categories only for the tests that read them (copying them is not free).
      bool groups = false, categories = false;
      for (const auto& c : rt.cases) {
        groups = groups || c.type == "has_group";
        categories = categories || c.type == "has_category";
      }
      if (groups)
        for (const auto& g : contact_.groups) {
          const Ref* ref = assets_.group(g);
          tenv.contact_groups.emplace_back(g, ref ? ref->name : g);
        }
      if (categories)
        for (const auto& [k, res] : session_.runs[static_cast<size_t>(r)].results) tenv.result_categories[k] = res.category;
      // has_category looks a result up by key: give it the key the operand names ("@results.sexe").
      const std::string category_key = categories ? operand_result_key(rt.operand) : std::string();
      for (const auto& c : rt.cases) {
        const std::string& test_input = c.type == "has_category" ? category_key : operand;
        TestOutcome out = run_case_test(c.type, test_input, case_arguments(r, c), tenv);
        if (out.error) {
          error(out.message);
          continue;
        }
        if (out.matched) {
          cat = rt.category(c.category_uuid);
          value = std::move(out.match);
          extra = std::move(out.extra);
          break;
        }
      }
      if (!cat) {
        cat = rt.category(rt.default_category_uuid);
        value = operand;
      }
    }
    if (host_.segments) sprint_.segments.push_back({{"node_uuid", node.uuid}, {"operand", operand}, {"time", now_iso()}});
    if (cat && !rt.result_name.empty()) {
      json loc = localized(r, cat->uuid, "name");
      const std::string input = session_.input.is_object() && rt.wait.type == "msg" ? session_.input.value("text", operand) : operand;
      save_result(r, rt.result_name, value, cat->name, loc.is_array() ? loc[0].get<std::string>() : "", input, node.uuid,
                  std::move(extra));
    }
    return cat;
  }

  // Follows the exit of `cat` from `node`; returns the next node, or nullptr when the run ends here.
  const Node* follow(int r, const Node& node, const Category* cat) {
    const Exit* exit = nullptr;
    if (cat) exit = node.exit(cat->exit_uuid);
    else if (!node.router && !node.exits.empty()) exit = &node.exits.front();
    Run& run = session_.runs[static_cast<size_t>(r)];
    if (!exit) {
      if (node.router) error("aucune catégorie ne correspond et le routeur n'a pas de catégorie par défaut");
      return nullptr;
    }
    if (!run.path.empty()) run.path.back().exit_uuid = exit->uuid;
    if (!host_.segments) {
      // the flow view's moves are not wanted
    } else if (!sprint_.segments.empty() && sprint_.segments.back().value("node_uuid", "") == node.uuid &&
        !sprint_.segments.back().contains("exit_uuid")) {
      sprint_.segments.back()["exit_uuid"] = exit->uuid;
      sprint_.segments.back()["destination_uuid"] = exit->destination_uuid;
      sprint_.segments.back()["flow_uuid"] = run.flow_uuid;
    } else {
      sprint_.segments.push_back({{"node_uuid", node.uuid}, {"exit_uuid", exit->uuid}, {"destination_uuid", exit->destination_uuid},
                                  {"flow_uuid", run.flow_uuid}, {"time", now_iso()}});
    }
    if (exit->destination_uuid.empty()) return nullptr;
    return flow_of(r)->node(exit->destination_uuid);
  }

  // Runs `r` from `node` until it waits or ends. Returns true if the session now waits.
  bool go(int r, const Node* node) {
    while (node && !failed_) {
      if (++steps_ > kMaxStepsPerSprint) {
        error("boucle infinie : plus de " + std::to_string(kMaxStepsPerSprint) + " étapes dans un même échange");
        failed_ = true;
        break;
      }
      add_step(r, node);
      bool child_waits = false;
      for (const Action& a : node->actions) {
        if (a.kind != ActionKind::enter_flow) {
          exec(r, a, *node);
          continue;
        }
        const Flow* child_flow = assets_.flow(a.flow.uuid);
        if (!child_flow) {
          error("flux introuvable : " + a.flow.uuid);
          continue;
        }
        if (all_events())
          emit({{"type", "flow_entered"}, {"flow", flow_ref(child_flow)},
              {"parent_run_uuid", session_.runs[static_cast<size_t>(r)].uuid}, {"terminal", a.terminal}});
        const int child = new_run(*child_flow, r);
        inline_children_.insert(child);
        const bool waits = go(child, child_flow->nodes.empty() ? nullptr : &child_flow->nodes.front());
        inline_children_.erase(child);
        if (waits) {
          child_waits = true;  // the parent continues when the child ends, in a later sprint
          break;
        }
        if (a.terminal) return end_run(r, "completed");
      }
      if (child_waits) return true;
      if (failed_) break;
      if (node->router && node->router->wait.type == "msg") {
        start_wait(r, *node);
        return true;
      }
      const Category* cat = node->router ? evaluate(r, *node, false) : nullptr;
      node = follow(r, *node, cat);
    }
    return end_run(r, failed_ ? "failed" : "completed");
  }

  void start_wait(int r, const Node& node) {
    Run& run = session_.runs[static_cast<size_t>(r)];
    run.status = "waiting";
    run_status_changed(r);
    const Flow* f = flow_of(r);
    session_.timeout_on = node.router->wait.timeout_seconds ? host_.now + node.router->wait.timeout_seconds : 0;
    session_.expires_on = f && f->expire_after_minutes ? host_.now + f->expire_after_minutes * 60 : 0;
    if (!all_events()) return;
    json e = json_object("type", "msg_wait");
    if (node.router->wait.timeout_seconds) e["timeout_seconds"] = node.router->wait.timeout_seconds;
    if (session_.expires_on) e["expires_on"] = format_iso_time(session_.expires_on);
    emit(std::move(e));
  }

  // Continues the waiting run `r` with the input (or its timeout), then its parents as they end.
  void continue_waiting(int r, bool timed_out) {
    Run& run = session_.runs[static_cast<size_t>(r)];
    run.status = "active";
    run_status_changed(r);
    session_.timeout_on = session_.expires_on = 0;
    const Flow* f = flow_of(r);
    const Node* node = f && !run.path.empty() ? f->node(run.path.back().node_uuid) : nullptr;
    if (!node || !node->router) {
      end_run(r, "failed");
      return;
    }
    if (timed_out && node->router->wait.timeout_category_uuid.empty()) timed_out = false;
    const Category* cat = evaluate(r, *node, timed_out);
    go(r, follow(r, *node, cat));
  }

  void end_run_only(int r, const char* status) {
    Run& run = session_.runs[static_cast<size_t>(r)];
    run.status = status;
    run.exited_on = run.modified_on = host_.now;
    run_status_changed(r);
    if (all_events()) emit(json_object("type", "run_ended", "run_uuid", run.uuid, "flow", flow_ref(flow_of(r)), "status", status));
  }

  // Ends run `r`; a parent waiting on it continues. Returns true if the session waits again.
  bool end_run(int r, const char* status) {
    end_run_only(r, status);
    const int parent = session_.runs[static_cast<size_t>(r)].parent;
    // A child that ends in the sprint that started it returns to go(), which continues the parent.
    if (parent < 0 || failed_ || inline_children_.count(r)) return false;
    Run& p = session_.runs[static_cast<size_t>(parent)];
    if (p.status != "active") return false;
    const Flow* pf = flow_of(parent);
    const Node* node = pf && !p.path.empty() ? pf->node(p.path.back().node_uuid) : nullptr;
    if (!node) return false;
    // A terminal subflow ends its parent with it.
    for (const auto& a : node->actions)
      if (a.kind == ActionKind::enter_flow && a.terminal) return end_run(parent, "completed");
    const Category* cat = node->router ? evaluate(parent, *node, false) : nullptr;
    return go(parent, follow(parent, *node, cat));
  }

  std::set<int> inline_children_;  // children started in this sprint and still running inline

  void settle() {
    const int w = session_.waiting_run();
    if (w >= 0) {
      session_.status = "waiting";
      return;
    }
    session_.timeout_on = session_.expires_on = 0;
    session_.status = failed_ ? "failed" : session_.runs.empty() ? "completed" : session_.runs.front().status;
  }
};

}  // namespace

void interrupt_session(FlowSession& session, Host& host, Sprint& sprint) {
  if (!session.waiting()) return;
  for (int i = static_cast<int>(session.runs.size()) - 1; i >= 0; --i) {
    Run& run = session.runs[static_cast<size_t>(i)];
    if (run.status != "waiting" && run.status != "active") continue;
    run.status = "interrupted";
    run.exited_on = run.modified_on = host.now;
    if (host.all_events)
      sprint.events.push_back({{"type", "run_ended"}, {"created_on", format_iso_time(host.now)}, {"run_uuid", run.uuid},
                             {"flow", {{"uuid", run.flow_uuid}}}, {"status", "interrupted"}});
  }
  session.status = "interrupted";
  session.timeout_on = session.expires_on = 0;
}

Sprint start_flow(const FlowAssets& assets, FlowContact& contact, FlowSession& session, const std::string& flow_uuid,
                  json trigger, Host& host) {
  Sprint sprint;
  interrupt_session(session, host, sprint);
  const Flow* flow = assets.flow(flow_uuid);
  session = FlowSession{};
  session.uuid = new_uuid(*host.rng);
  if (trigger.is_object() && trigger.contains("msg")) session.input = trigger["msg"];
  session.trigger = std::move(trigger);
  session.sprints = 1;
  if (!flow) {
    if (host.all_events)
      sprint.events.push_back({{"type", "error"}, {"created_on", format_iso_time(host.now)}, {"text", "flux introuvable : " + flow_uuid}});
    session.status = "failed";
    return sprint;
  }
  Engine(assets, contact, session, host, sprint).start(*flow);
  return sprint;
}

namespace {

// Runs one more sprint of a waiting session; `step` continues the engine.
template <class Step>
Sprint next_sprint(const FlowAssets& assets, FlowContact& contact, FlowSession& session, Host& host, Step&& step) {
  Sprint sprint;
  if (!session.waiting()) return sprint;
  ++session.sprints;
  Engine engine(assets, contact, session, host, sprint);
  step(engine);
  return sprint;
}

}  // namespace

Sprint resume_with_msg(const FlowAssets& assets, FlowContact& contact, FlowSession& session, json msg, Host& host) {
  return next_sprint(assets, contact, session, host, [&](Engine& e) { e.resume_msg(std::move(msg)); });
}

Sprint resume_with_timeout(const FlowAssets& assets, FlowContact& contact, FlowSession& session, Host& host) {
  return next_sprint(assets, contact, session, host, [](Engine& e) { e.resume_timeout(); });
}

Sprint expire_session(const FlowAssets& assets, FlowContact& contact, FlowSession& session, Host& host) {
  return next_sprint(assets, contact, session, host, [](Engine& e) { e.expire(); });
}

}  // namespace kalan::flows
