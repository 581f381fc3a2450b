// Evaluation of parsed expressions: scopes, the context, calls to built-in and anonymous functions.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.h"
#include "sms/expr/expressions.h"
#include "sms/expr/syntax.h"
#include "sms/expr/value.h"

namespace kalan::flows::expr {

// Names bound by anonymous functions, innermost first.
struct Scope {
  std::map<std::string, Value> vars;  // lower-case names
  std::shared_ptr<const Scope> parent;
};

// Everything one evaluation needs; it lives for one render or one evaluate call.
struct Ctx {
  Ctx(const ExprEnv& e, const nlohmann::json& c);
  Ctx(const ExprEnv& e, const ContextEntries& c);

  const ExprEnv& env;
  const nlohmann::json* context = nullptr;   // the context as one JSON object,
  const ContextEntries* entries = nullptr;   // or as entries held elsewhere
  // The context's top-level entry matching `name` (exact, then ignoring case); nullptr if none.
  const nlohmann::json* entry(std::string_view name) const;
  // The default text a top-level entry was given with (see ContextEntry), or nullptr.
  const std::string* entry_default(const nlohmann::json* entry) const;
  // Context objects and arrays already converted in this evaluation (context data is looked up
  // lazily, by path; only what an expression uses as a whole is converted, once).
  std::vector<std::pair<const nlohmann::json*, Value>> converted;
  std::optional<Rng> rng;              // seeded from env.random_seed
  int depth = 0;                       // nested function calls
  long budget = 0;                     // evaluation steps left for the current expression

  static constexpr long kBudget = 100000;
  static constexpr int kMaxDepth = 48;
};

Value evaluate(const Node& n, const std::shared_ptr<const Scope>& scope, Ctx& cx);

// What a name or a lookup evaluates to before conversion: context data (looked up by path, not
// converted yet) or a value. evaluate() is slot_value(evaluate_slot()).
struct Slot {
  const nlohmann::json* j = nullptr;  // context data, `depth` levels below its top-level entry
  int depth = 0;
  Value v;                            // the value, when j is null
};
Slot evaluate_slot(const Node& n, const std::shared_ptr<const Scope>& scope, Ctx& cx);
Value slot_value(Slot s, Ctx& cx);
// Appends render(slot_value(s)) to `out`, converting as little as possible.
void render_slot(const Slot& s, Ctx& cx, std::string& out);
Value call_function(const Function& f, const ValueList& args, Ctx& cx);

// The context's top-level key matching `name` (exact, then ignoring case); nullptr if none.
const nlohmann::json* context_entry(const nlohmann::json& context, std::string_view name, std::string* key);

// Built-in functions by lower-case name; nullptr if unknown.
std::shared_ptr<const Function> find_builtin(std::string_view name);
std::vector<std::string> builtin_names();

}  // namespace kalan::flows::expr
