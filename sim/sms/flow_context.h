// The expression context of a flow run (@contact, @results, @input, @run, ...), built entry by entry.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sms/engine.h"
#include "sms/expr/expressions.h"

namespace kalan::flows {

// {"uuid", "name"} of a flow, or null.
nlohmann::json flow_ref(const Flow* f);
// A result as @results shows it ({"__default__": value, "value", "category", ...}).
nlohmann::json result_json(const RunResult& r);
nlohmann::json results_json(const Run& run);

// The context of one run of a session. Building it is the engine's hot path, so an entry is built only
// when a template names it (rendering reads no other), and kept until the engine marks it stale.
class FlowContext {
 public:
  // Top-level entries, as bits.
  enum : unsigned {
    kGlobals = 1u << 0, kInput = 1u << 1, kTrigger = 1u << 2, kWebhook = 1u << 3, kLocals = 1u << 4,
    kContact = 1u << 5,  // @contact, @fields and @urns, built together
    kResults = 1u << 6, kRun = 1u << 7, kNode = 1u << 8,
    kRelated = 1u << 9,  // @parent and @child
    kAll = (1u << 10) - 1
  };

  FlowContext(const FlowAssets& assets, const FlowContact& contact, const FlowSession& session, const Host& host)
      : assets_(assets), contact_(contact), session_(session), host_(host) {}

  // The entries `tmpl` names, in the context of run `r`.
  const ContextEntries& for_template(int r, std::string_view tmpl);
  // The whole context of run `r` as one JSON object (for inspection).
  nlohmann::json whole(int r);

  int run() const { return run_; }
  bool valid(unsigned entries) const { return (valid_ & entries) == entries; }
  // Something these entries show has changed.
  void stale(unsigned entries) { valid_ &= ~entries; }
  // The contact has changed (its name, language, fields or groups).
  void contact_changed() {
    contact_.context = nullptr;
    stale(kContact | kRelated);
  }

 private:
  void refresh(int r, unsigned entries);
  void collect(unsigned entries);

  const FlowAssets& assets_;
  const FlowContact& contact_;
  const FlowSession& session_;
  const Host& host_;
  int run_ = -2;
  unsigned valid_ = 0;
  nlohmann::json run_ctx_, node_, parent_, child_;
  std::string input_text_;  // what @input stands for: the message's text
  const nlohmann::json* contact_ctx_ = nullptr;  // the contact's context (see FlowContact::context)
  const nlohmann::json* results_ = nullptr;
  bool has_run_ = false;
  ContextEntries view_;
};

}  // namespace kalan::flows
