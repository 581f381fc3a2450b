// `kalan flow ...`: check RapidPro exports, evaluate templates, run flows like RapidPro's flow runner.
#include <ostream>

#include "cli.h"
#include "core/reader.h"
#include "core/rng.h"
#include "session/session.h"
#include "sms/engine.h"
#include "sms/expr/expressions.h"
#include "sms/flow.h"

namespace kalan {

namespace {

using nlohmann::json;

int flow_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 1) {
    err << "usage : kalan flow check EXPORT.json\n";
    return 2;
  }
  auto v = read_json_file(args[0], err);
  if (!v) return 1;
  Diagnostics errors;
  const flows::FlowAssets assets = flows::parse_flow_export(*v, "", errors);
  for (const auto& d : errors) err << args[0] << ":" << render(d) << "\n";
  if (!errors.empty()) return 1;
  size_t nodes = 0;
  for (const auto& f : assets.flows) nodes += f.nodes.size();
  out << args[0] << ": ok (" << assets.flows.size() << " flux, " << nodes << " nœuds, " << assets.keyword_triggers.size()
      << " mots-clés)\n";
  return 0;
}

int flow_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  flows::ExprEnv env;
  std::string tmpl;
  bool have = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--utc-offset" && i + 1 < args.size()) {
      auto off = parse_utc_offset(args[++i]);
      if (!off) {
        err << "kalan flow eval : décalage horaire invalide « " << args[i] << " » (attendu : ±HH:MM)\n";
        return 2;
      }
      env.utc_offset_minutes = *off;
    } else if (!have) {
      tmpl = args[i];
      have = true;
    } else {
      err << "usage : kalan flow eval [--utc-offset ±HH:MM] MODÈLE\n";
      return 2;
    }
  }
  if (!have) {
    err << "usage : kalan flow eval [--utc-offset ±HH:MM] MODÈLE\n";
    return 2;
  }
  env.now = 0;
  const flows::RenderResult r = flows::render_template(tmpl, json::object(), env);
  out << r.text << "\n";
  for (const auto& e : r.errors) err << "ERROR: " << e << "\n";
  return r.errors.empty() ? 0 : 1;
}

flows::FlowContact read_contact(const json& j) {
  flows::FlowContact c;
  if (!j.is_object()) return c;
  c.uuid = j.value("uuid", "");
  c.name = j.value("name", "");
  c.language = j.value("language", "");
  if (j.contains("urns") && j["urns"].is_array())
    for (const auto& u : j["urns"])
      if (u.is_string()) c.urns.push_back(u.get<std::string>());
  if (j.contains("groups") && j["groups"].is_array())
    for (const auto& g : j["groups"])
      c.groups.push_back(g.is_object() ? g.value("uuid", "") : g.is_string() ? g.get<std::string>() : "");
  if (j.contains("fields") && j["fields"].is_object())
    for (const auto& [k, v] : j["fields"].items())
      c.fields[k] = v.is_object() ? v.value("text", "") : v.is_string() ? v.get<std::string>() : v.dump();
  return c;
}

int flow_run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 1) {
    err << "usage : kalan flow run ENTRÉE.json\n";
    return 2;
  }
  auto input = read_json_file(args[0], err);
  if (!input) return 1;
  if (!input->is_object()) {
    err << args[0] << ":/: " << render_message("type_object", {json_type_name(*input)}) << "\n";
    return 1;
  }
  Diagnostics errors;
  const json assets_json = input->value("assets", json());
  const flows::FlowAssets assets = flows::parse_flow_export(assets_json, "/assets", errors);
  for (const auto& d : errors) err << args[0] << ":" << render(d) << "\n";
  if (!errors.empty()) return 1;
  flows::FlowContact contact = read_contact(input->value("contact", json::object()));
  const json trigger = input->value("trigger", json::object());
  std::string flow_uuid;
  if (trigger.is_object() && trigger.contains("flow") && trigger["flow"].is_object()) flow_uuid = trigger["flow"].value("uuid", "");
  if (flow_uuid.empty() && !assets.flows.empty()) flow_uuid = assets.flows.front().uuid;
  if (!assets.flow(flow_uuid)) {
    err << args[0] << ":/trigger/flow: " << render_message("unknown_ref", {"@flow", flow_uuid}) << "\n";
    return 1;
  }
  Rng rng = Rng::from_seed(static_cast<std::uint64_t>(input->value("seed", 1)));
  flows::Host host;
  host.rng = &rng;
  host.now = parse_iso_time(input->value("now", "2024-03-04T08:00:00Z")).value_or(0);
  const json mocks = input->value("http_mocks", json::object());
  std::map<std::string, size_t> mock_calls;
  host.webhook = [&](const flows::WebhookRequest& req) {
    flows::WebhookResponse resp;
    if (mocks.is_object() && mocks.contains(req.url) && mocks[req.url].is_array() && !mocks[req.url].empty()) {
      const json& list = mocks[req.url];
      const json& m = list[std::min(mock_calls[req.url]++, list.size() - 1)];
      resp.status_code = m.value("status", 200);
      resp.body = m.value("body", "");
    }
    return resp;  // no mock: a connection error, never the network
  };
  flows::FlowSession session;
  json outputs = json::array();
  auto output = [&](const flows::Sprint& sp) {
    outputs.push_back({{"events", sp.events}, {"segments", sp.segments}, {"session", flows::session_to_json(session)}});
  };
  output(flows::start_flow(assets, contact, session, flow_uuid, trigger, host));
  const json resumes = input->value("resumes", json::array());
  for (size_t i = 0; i < resumes.size(); ++i) {
    const json& r = resumes[i];
    host.now += 60;
    if (r.contains("resumed_on") && r["resumed_on"].is_string())
      if (auto t = parse_iso_time(r["resumed_on"].get<std::string>())) host.now = *t;
    const std::string type = r.value("type", "");
    if (type == "msg") {
      json msg = r.contains("msg") ? r["msg"] : (r.contains("event") ? r["event"].value("msg", json::object()) : json::object());
      if (!msg.contains("uuid")) msg["uuid"] = flows::new_uuid(rng);
      if (!msg.contains("urn") && !contact.urns.empty()) msg["urn"] = contact.urns.front();
      output(flows::resume_with_msg(assets, contact, session, msg, host));
    } else if (type == "wait_timeout") {
      output(flows::resume_with_timeout(assets, contact, session, host));
    } else if (type == "run_expiration") {
      output(flows::expire_session(assets, contact, session, host));
    } else {
      err << args[0] << ":/resumes/" << i << "/type: "
          << render_message("unknown_value", {"type", type, "msg, wait_timeout, run_expiration"}) << "\n";
      return 1;
    }
  }
  out << json{{"outputs", outputs}, {"contact", flows::contact_to_json(contact)}}.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace

int run_flow_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const std::string sub = args.empty() ? "" : args[0];
  const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
  if (sub == "check") return flow_check(rest, out, err);
  if (sub == "eval") return flow_eval(rest, out, err);
  if (sub == "run") return flow_run(rest, out, err);
  err << "usage : kalan flow check EXPORT.json | flow eval [--utc-offset ±HH:MM] MODÈLE | flow run ENTRÉE.json\n";
  return 2;
}

}  // namespace kalan
