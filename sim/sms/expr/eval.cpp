#include "sms/expr/eval.h"

#include "sms/expr/unicode.h"

namespace kalan::flows::expr {

Ctx::Ctx(const ExprEnv& e, const nlohmann::json& c) : env(e), context(&c) {
  if (env.random_seed) rng = Rng::from_seed(*env.random_seed);
}

Ctx::Ctx(const ExprEnv& e, const ContextEntries& c) : env(e), entries(&c) {
  if (env.random_seed) rng = Rng::from_seed(*env.random_seed);
}

const nlohmann::json* Ctx::entry(std::string_view name) const {
  if (context) return context_entry(*context, name, nullptr);
  for (const auto& e : *entries)
    if (e.value && e.name == name) return e.value;
  const FoldKey want(name);
  for (const auto& e : *entries)  // sorted names, as a JSON object's keys
    if (e.value && want.matches(e.name)) return e.value;
  return nullptr;
}

const std::string* Ctx::entry_default(const nlohmann::json* entry) const {
  if (!entries) return nullptr;
  for (const auto& e : *entries)
    if (e.value == entry) return e.default_text;
  return nullptr;
}

namespace {

using json = nlohmann::json;

const std::string kDefaultKey = "__default__";

// The property `name` of a JSON object as from_json sees it: the exact name first, then ignoring
// case in key order; never "__default__", which is the object's default rather than a property.
const json* json_property(const json& obj, std::string_view name) {
  const auto& m = obj.get_ref<const json::object_t&>();
  if (name != kDefaultKey) {
    const auto it = m.find(name);
    if (it != m.end()) return &it->second;
  }
  const FoldKey want(name);
  for (const auto& [k, v] : m)
    if (k != kDefaultKey && want.matches(k)) return &v;
  return nullptr;
}

}  // namespace

const nlohmann::json* context_entry(const nlohmann::json& context, std::string_view name, std::string* key) {
  if (!context.is_object()) return nullptr;
  const auto& m = context.get_ref<const json::object_t&>();
  const auto exact = m.find(name);
  if (exact != m.end()) {
    if (key) *key = exact->first;
    return &exact->second;
  }
  const FoldKey want(name);
  for (const auto& [k, v] : m)  // sorted keys: deterministic
    if (want.matches(k)) {
      if (key) *key = k;
      return &v;
    }
  return nullptr;
}

namespace {

Value too_long() { return Value::error("expression takes too long to evaluate"); }

// A name bound by an anonymous function, innermost first.
const Value* scope_var(const std::string& name, const std::shared_ptr<const Scope>& scope) {
  if (!scope) return nullptr;
  const std::string low = lower(name);
  for (const Scope* s = scope.get(); s; s = s->parent.get()) {
    auto it = s->vars.find(low);
    if (it != s->vars.end()) return &it->second;
  }
  return nullptr;
}

// A top-level entry's object as it converts when the entry was given a default text.
Value with_default(Value v, const std::string& text) {
  if (!v.is(Value::Kind::object)) return v;
  auto o = std::make_shared<Object>(*v.obj);
  o->has_default = true;
  o->def = Value::text(text);
  v.obj = std::move(o);
  return v;
}

// Converts context data (objects and arrays once per evaluation).
Value convert(const json& j, int depth, Ctx& cx) {
  if (!j.is_object() && !j.is_array()) return from_json_at(j, depth);
  for (const auto& [p, v] : cx.converted)
    if (p == &j) return v;
  Value v = from_json_at(j, depth);
  if (depth == 0)
    if (const std::string* text = cx.entry_default(&j)) v = with_default(std::move(v), *text);
  if (cx.converted.size() < 64) cx.converted.emplace_back(&j, v);
  return v;
}

// Looks a name up in the scopes, then the context, then the built-in functions.
bool lookup(const std::string& name, const std::shared_ptr<const Scope>& scope, Ctx& cx, Value& out) {
  if (const Value* v = scope_var(name, scope)) {
    out = *v;
    return true;
  }
  if (const json* j = cx.entry(name)) {
    out = convert(*j, 0, cx);
    return true;
  }
  if (auto f = find_builtin(lower(name))) {
    out = Value::function(f);
    return true;
  }
  return false;
}

Value lookup_property(const Value& container, const Value& key, bool dot, const Node& container_node) {
  if (container.is(Value::Kind::array)) {
    std::int64_t index;
    Value err;
    if (!to_integer(key, index, err)) return err;
    const auto count = static_cast<std::int64_t>(container.arr->size());
    if (index >= count || index < -count)
      return Value::error("index " + std::to_string(index) + " out of range for " + std::to_string(count) + " items");
    if (index < 0) index += count;
    return (*container.arr)[static_cast<size_t>(index)];
  }
  if (container.is(Value::Kind::object)) {
    std::string name;
    Value err;
    if (!to_text(key, name, err)) return err;
    if (const Value* v = container.obj->get(name)) return *v;
    // [] lookups of missing properties give null; dotted ones are errors
    if (!dot) return Value::null();
    return Value::error(to_source(container_node) + " has no property '" + name + "'");
  }
  return Value::error(describe(container) + " doesn't support lookups");
}

// The same lookup on context data that hasn't been converted: what lookup_property would give on
// from_json_at(*c.j, c.depth), without converting more than the result.
Slot json_lookup(const Slot& c, const Value& key, const std::string* dot_name, const Node& container_node) {
  const json& j = *c.j;
  Slot out;
  if (j.is_object()) {
    std::string text;
    if (!dot_name) {
      Value err;
      if (!to_text(key, text, err)) {
        out.v = err;
        return out;
      }
    }
    const std::string& name = dot_name ? *dot_name : text;
    if (c.depth < kMaxJsonDepth)
      if (const json* p = json_property(j, name)) {
        out.j = p;
        out.depth = c.depth + 1;
        return out;
      }
    if (!dot_name) return out;  // null
    out.v = Value::error(to_source(container_node) + " has no property '" + name + "'");
    return out;
  }
  if (j.is_array()) {
    std::int64_t index;
    Value err;
    if (!to_integer(dot_name ? Value::text(*dot_name) : key, index, err)) {
      out.v = err;
      return out;
    }
    const auto count = c.depth < kMaxJsonDepth ? static_cast<std::int64_t>(j.size()) : 0;
    if (index >= count || index < -count) {
      out.v = Value::error("index " + std::to_string(index) + " out of range for " + std::to_string(count) + " items");
      return out;
    }
    if (index < 0) index += count;
    out.j = &j[static_cast<size_t>(index)];
    out.depth = c.depth + 1;
    return out;
  }
  out.v = lookup_property(from_json_at(j, c.depth), dot_name ? Value::text(*dot_name) : key, dot_name != nullptr,
                          container_node);
  return out;
}

// Argument lists kept for the next calls: a Value is large, so a long list (object() with a dozen
// pairs) would otherwise be a large allocation at every call, the costliest kind for malloc.
// Only capacity is kept: a list given back is empty.
class SpareArgs {
 public:
  ValueList take() {
    if (lists_.empty()) return {};
    ValueList v = std::move(lists_.back());
    lists_.pop_back();
    return v;
  }
  void give(ValueList&& v) {
    v.clear();
    if (lists_.size() < kKept) lists_.push_back(std::move(v));
  }

 private:
  static constexpr size_t kKept = 16;  // nested calls in flight, in practice a handful
  std::vector<ValueList> lists_;
};

SpareArgs& spare_args() {
  thread_local SpareArgs spare;
  return spare;
}

Value number_result(const Decimal& d) {
  if (!d.in_range()) return Value::error("number is too large");
  return Value::number(d);
}

Value binary_op(char op, const Value& a, const Value& b) {
  Value err;
  // Text compared with text (the common case: a result's category with a literal) needs no copies.
  if ((op == '=' || op == '!') && a.is(Value::Kind::text) && b.is(Value::Kind::text))
    return Value::boolean((a.s == b.s) == (op == '='));
  if (op == '&' || op == '=' || op == '!') {
    std::string x, y;
    if (!to_text(a, x, err) || !to_text(b, y, err)) return err;
    if (op == '&') return Value::text(x + y);
    return Value::boolean((x == y) == (op == '='));
  }
  Decimal x, y;
  if (!to_number(a, x, err) || !to_number(b, y, err)) return err;
  switch (op) {
    case '+': return number_result(x.add(y));
    case '-': return number_result(x.sub(y));
    case '*': return number_result(x.mul(y));
    case '/': {
      const auto q = x.div(y);
      if (!q) return Value::error("division by zero");
      return number_result(*q);
    }
    case '^': {
      if (!y.is_integer()) return Value::error("fractional exponents aren't supported: " + y.to_string());
      const auto e = y.int_part();
      if (!e) return Value::error("number is too large");
      const auto p = x.pow(*e);
      if (!p) return Value::error(x.is_zero() ? "division by zero" : "number is too large");
      return number_result(*p);
    }
    case '<': return Value::boolean(x.compare(y) < 0);
    case 'l': return Value::boolean(x.compare(y) <= 0);
    case '>': return Value::boolean(x.compare(y) > 0);
    case 'g': return Value::boolean(x.compare(y) >= 0);
    default: return Value::error("unknown operator");
  }
}

}  // namespace

Slot evaluate_slot(const Node& n, const std::shared_ptr<const Scope>& scope, Ctx& cx) {
  Slot out;
  switch (n.kind) {
    case Node::Kind::ref: {
      if (--cx.budget < 0) {
        out.v = too_long();
        return out;
      }
      if (const Value* v = scope_var(n.str, scope)) {
        out.v = *v;
        return out;
      }
      if (const json* j = cx.entry(n.str)) {
        out.j = j;
        return out;
      }
      const std::string low = lower(n.str);
      if (auto f = find_builtin(low)) {
        out.v = Value::function(f);
        return out;
      }
      out.v = Value::error("context has no property '" + low + "'");
      return out;
    }
    case Node::Kind::dot: {
      if (--cx.budget < 0) {
        out.v = too_long();
        return out;
      }
      Slot container = evaluate_slot(*n.kids[0], scope, cx);
      if (container.j) return json_lookup(container, Value(), &n.str, *n.kids[0]);
      if (container.v.is_error()) return container;
      out.v = lookup_property(container.v, Value::text(n.str), true, *n.kids[0]);
      return out;
    }
    case Node::Kind::index: {
      if (--cx.budget < 0) {
        out.v = too_long();
        return out;
      }
      Slot container = evaluate_slot(*n.kids[0], scope, cx);
      if (!container.j && container.v.is_error()) return container;
      Value key = evaluate(*n.kids[1], scope, cx);
      if (key.is_error()) {
        out.v = std::move(key);
        return out;
      }
      if (container.j) return json_lookup(container, key, nullptr, *n.kids[0]);
      out.v = lookup_property(container.v, key, false, *n.kids[0]);
      return out;
    }
    default: out.v = evaluate(n, scope, cx); return out;
  }
}

Value slot_value(Slot s, Ctx& cx) {
  if (s.j) return convert(*s.j, s.depth, cx);
  return std::move(s.v);
}

void render_slot(const Slot& s, Ctx& cx, std::string& out) {
  if (!s.j) {
    out += render(s.v);
    return;
  }
  const json* j = s.j;
  int depth = s.depth;
  if (depth == 0)
    if (const std::string* text = cx.entry_default(j); text && j->is_object()) {
      out += *text;
      return;
    }
  // An object with a default renders as its default (as from_json_at + render would).
  while (j->is_object() && depth < kMaxJsonDepth) {
    const auto& m = j->get_ref<const json::object_t&>();
    const auto it = m.find(kDefaultKey);
    if (it == m.end()) break;
    j = &it->second;
    ++depth;
  }
  switch (j->type()) {
    case json::value_t::string: out += j->get_ref<const std::string&>(); return;
    case json::value_t::boolean: out += j->get<bool>() ? "true" : "false"; return;
    case json::value_t::null: return;
    default: out += render(convert(*j, depth, cx)); return;
  }
}

Value evaluate(const Node& n, const std::shared_ptr<const Scope>& scope, Ctx& cx) {
  if (n.kind == Node::Kind::ref || n.kind == Node::Kind::dot || n.kind == Node::Kind::index)
    return slot_value(evaluate_slot(n, scope, cx), cx);
  if (--cx.budget < 0) return too_long();
  switch (n.kind) {
    case Node::Kind::text: return Value::text(n.str);
    case Node::Kind::number: return Value::number(n.num);
    case Node::Kind::boolean: return Value::boolean(n.b);
    case Node::Kind::null: return Value::null();
    case Node::Kind::ref:
    case Node::Kind::dot:
    case Node::Kind::index: break;
    case Node::Kind::call: {
      const Node& callee = *n.kids[0];
      Value fn;
      if (callee.kind == Node::Kind::ref) {
        if (!lookup(callee.str, scope, cx, fn)) return Value::error("unknown function: " + lower(callee.str));
      } else {
        fn = evaluate(callee, scope, cx);
        if (fn.is_error()) return fn;
      }
      if (!fn.is(Value::Kind::function)) return Value::error(to_source(callee) + " is not a function");
      ValueList args = spare_args().take();
      args.reserve(n.kids.size() - 1);
      for (size_t i = 1; i < n.kids.size(); ++i) args.push_back(evaluate(*n.kids[i], scope, cx));
      Value result = call_function(*fn.fn, args, cx);
      spare_args().give(std::move(args));
      return result;
    }
    case Node::Kind::lambda: {
      auto f = std::make_shared<Function>();
      f->params = n.params;
      f->min_args = f->max_args = static_cast<int>(n.params.size());
      f->body = n.kids[0];
      f->scope = scope;
      return Value::function(std::move(f));
    }
    case Node::Kind::negate: {
      const Value v = evaluate(*n.kids[0], scope, cx);
      Decimal d;
      Value err;
      if (!to_number(v, d, err)) return err;
      return Value::number(d.neg());
    }
    case Node::Kind::binary: {
      const Value a = evaluate(*n.kids[0], scope, cx);
      const Value b = evaluate(*n.kids[1], scope, cx);
      return binary_op(n.op, a, b);
    }
  }
  return Value::error("unknown expression");
}

Value call_function(const Function& f, const ValueList& args, Ctx& cx) {
  const int count = static_cast<int>(args.size());
  std::string arity_error;
  if (f.min_args == f.max_args && count != f.min_args) {
    arity_error = "need " + std::to_string(f.min_args) + " argument(s), got " + std::to_string(count);
  } else if (f.max_args < 0 && count < f.min_args) {
    arity_error = "need at least " + std::to_string(f.min_args) + " argument(s), got " + std::to_string(count);
  } else if (f.max_args >= 0 && (count < f.min_args || count > f.max_args)) {
    arity_error = "need " + std::to_string(f.min_args) + " to " + std::to_string(f.max_args) + " argument(s), got " +
                  std::to_string(count);
  }
  const std::string name = f.name.empty() ? "anonymous function" : f.name + "(...)";
  if (!arity_error.empty()) return Value::error("error calling " + name + ": " + arity_error);
  if (cx.depth >= Ctx::kMaxDepth) return Value::error("functions are nested too deeply");
  ++cx.depth;
  Value result;
  if (f.native) {
    result = f.native(cx, args);
  } else {
    auto scope = std::make_shared<Scope>();
    for (size_t i = 0; i < f.params.size(); ++i) scope->vars[f.params[i]] = args[i];
    scope->parent = f.scope;
    result = evaluate(*f.body, scope, cx);
  }
  --cx.depth;
  if (result.is_error() && f.native) {
    // Errors passed in as arguments go through unchanged; errors made here say where they come from.
    for (const Value& a : args)
      if (a.is_error() && a.s == result.s) return result;
    return Value::error("error calling " + name + ": " + result.s);
  }
  return result;
}

}  // namespace kalan::flows::expr
