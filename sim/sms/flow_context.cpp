#include "sms/flow_context.h"

#include "core/json_object.h"
#include "core/time.h"
#include "sms/text.h"

namespace kalan::flows {

using nlohmann::json;

namespace {

const json& empty_object() {
  static const json e = json::object();
  return e;
}

std::string first_name(const std::string& name) {
  const auto w = text::words(name);
  return w.empty() ? std::string() : w.front();
}

// The contact's part of the context: an object with "contact", "fields" and "urns".
json contact_context(const FlowAssets& assets, const FlowContact& contact) {
  json groups = json::array();
  for (const auto& g : contact.groups) {
    const Ref* ref = assets.group(g);
    groups.push_back(json_object("__default__", ref ? ref->name : g, "uuid", g, "name", ref ? ref->name : g));
  }
  json fields = json::object();
  for (const auto& f : assets.fields) fields[f.key] = nullptr;
  for (const auto& [k, v] : contact.fields) fields[k] = v;
  json urns = json::object();
  for (const auto& u : contact.urns) {
    const auto colon = u.find(':');
    const std::string scheme = colon == std::string::npos ? "tel" : u.substr(0, colon);
    if (!urns.contains(scheme)) urns[scheme] = u;
  }
  json out = json::object();
  out["contact"] = json_object("__default__", contact.name, "uuid", contact.uuid, "name", contact.name,
                               "first_name", first_name(contact.name), "language", contact.language,
                               "created_on", format_iso_time(contact.created_on),
                               "urn", contact.urns.empty() ? json(nullptr) : json(contact.urns.front()),
                               "urns", contact.urns, "groups", std::move(groups), "fields", fields);
  out["fields"] = std::move(fields);
  out["urns"] = std::move(urns);
  return out;
}

const json& null_json() {
  static const json n;
  return n;
}

// @parent or @child: another run of the session, with the contact.
json related_context(const FlowAssets& assets, const json& contact_parts, const Run& other) {
  const Flow* f = assets.flow(other.flow_uuid);
  return json{{"__default__", f ? f->name : other.flow_uuid},
              {"uuid", other.uuid}, {"flow", flow_ref(f)}, {"status", other.status},
              {"run", {{"status", other.status}, {"uuid", other.uuid}}}, {"results", results_json(other)},
              {"contact", contact_parts["contact"]}, {"fields", contact_parts["fields"]}, {"urns", contact_parts["urns"]}};
}

// Top-level names in sorted order (as a JSON object's keys) with their entry bits.
struct EntryName {
  std::string_view name;
  unsigned bit;
};
constexpr EntryName kNames[] = {
    {"child", FlowContext::kRelated}, {"contact", FlowContext::kContact}, {"fields", FlowContext::kContact},
    {"globals", FlowContext::kGlobals}, {"input", FlowContext::kInput}, {"locals", FlowContext::kLocals},
    {"node", FlowContext::kNode}, {"parent", FlowContext::kRelated}, {"results", FlowContext::kResults},
    {"run", FlowContext::kRun}, {"trigger", FlowContext::kTrigger}, {"urns", FlowContext::kContact},
    {"webhook", FlowContext::kWebhook}};

unsigned entry_bit(std::string_view name) {
  for (const auto& n : kNames)
    if (n.name == name) return n.bit;
  return 0;
}

}  // namespace

json flow_ref(const Flow* f) { return f ? json_object("uuid", f->uuid, "name", f->name) : json(nullptr); }

json result_json(const RunResult& r) {
  json j = json_object("__default__", r.value, "category", r.category,
                       "category_localized", r.category_localized.empty() ? r.category : r.category_localized,
                       "created_on", format_iso_time(r.created_on), "input", r.input, "name", r.name,
                       "node_uuid", r.node_uuid, "value", r.value);
  if (!r.extra.is_null()) j["extra"] = r.extra;
  return j;
}

json results_json(const Run& run) {
  json out = json::object();
  for (const auto& [key, r] : run.results) out[key] = result_json(r);
  return out;
}

void FlowContext::refresh(int r, unsigned entries) {
  if (r != run_) {
    run_ = r;
    valid_ = 0;
  }
  const unsigned todo = entries & ~valid_;
  valid_ |= entries;
  if (!todo) return;
  has_run_ = r >= 0 && r < static_cast<int>(session_.runs.size());
  // @input is the message itself, standing for its text: given with a default text, not copied.
  if (todo & kInput) input_text_ = session_.input.is_object() ? session_.input.value("text", "") : std::string();
  if (todo & (kContact | kRelated)) {
    if (contact_.context.is_null()) contact_.context = contact_context(assets_, contact_);
    contact_ctx_ = &contact_.context;
  }
  if (!has_run_) {
    results_ = &empty_object();
    return;
  }
  const Run& run = session_.runs[static_cast<size_t>(r)];
  // @results is kept with the run across sprints: the engine patches it as results are saved.
  if (todo & kResults) {
    if (run.results_context.is_null()) run.results_context = results_json(run);
    results_ = &run.results_context;
  }
  // @run.results is not built: it repeats @results.
  if (todo & kRun)
    run_ctx_ = json_object("uuid", run.uuid, "flow", flow_ref(assets_.flow(run.flow_uuid)), "status", run.status,
                           "created_on", format_iso_time(run.created_on));
  if (todo & kNode) node_ = json_object("uuid", run.path.empty() ? std::string() : run.path.back().node_uuid);
  if (todo & kRelated) {
    parent_ = run.parent >= 0 ? related_context(assets_, *contact_ctx_, session_.runs[static_cast<size_t>(run.parent)])
                              : json();
    child_ = json();
    for (int i = static_cast<int>(session_.runs.size()) - 1; i > r; --i)
      if (session_.runs[static_cast<size_t>(i)].parent == r) {
        child_ = related_context(assets_, *contact_ctx_, session_.runs[static_cast<size_t>(i)]);
        break;
      }
  }
}

void FlowContext::collect(unsigned entries) {
  view_.clear();
  for (const auto& n : kNames) {
    if (!(entries & n.bit)) continue;
    const json* v = nullptr;
    const std::string* default_text = nullptr;
    switch (n.bit) {
      case kGlobals: v = &host_.globals; break;
      case kInput:
        v = session_.input.is_object() ? &session_.input : &null_json();
        default_text = &input_text_;
        break;
      case kTrigger: v = session_.trigger.is_null() ? &empty_object() : &session_.trigger; break;
      case kWebhook: v = &session_.webhook; break;
      case kLocals: v = &empty_object(); break;
      case kContact: v = &contact_ctx_->find(n.name).value(); break;
      case kResults: v = results_; break;
      case kRun: v = has_run_ ? &run_ctx_ : nullptr; break;
      case kNode: v = has_run_ ? &node_ : nullptr; break;
      case kRelated: {
        const json& j = n.name == "parent" ? parent_ : child_;
        v = has_run_ && !j.is_null() ? &j : nullptr;
        break;
      }
    }
    view_.push_back(ContextEntry{n.name, v, default_text});
  }
}

const ContextEntries& FlowContext::for_template(int r, std::string_view tmpl) {
  unsigned need = 0;
  for (const auto& name : template_names_ref(tmpl)) need |= entry_bit(name);
  refresh(r, need);
  collect(need);
  return view_;
}

json FlowContext::whole(int r) {
  refresh(r, kAll);
  collect(kAll);
  json out = json::object();
  for (const auto& e : view_) {
    if (!e.value) continue;
    json& entry = out[std::string(e.name)] = *e.value;
    if (e.default_text && entry.is_object()) entry["__default__"] = *e.default_text;
  }
  return out;
}

json build_context(const FlowAssets& assets, const FlowContact& contact, const FlowSession& session, int run_index,
                   const Host& host) {
  return FlowContext(assets, contact, session, host).whole(run_index);
}

}  // namespace kalan::flows
