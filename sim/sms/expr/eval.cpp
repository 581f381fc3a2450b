#include "sms/expr/eval.h"

#include "sms/expr/unicode.h"

namespace kalan::flows::expr {

Ctx::Ctx(const ExprEnv& e, const nlohmann::json& c) : env(e), context(c) {
  if (env.random_seed) rng = Rng::from_seed(*env.random_seed);
}

const nlohmann::json* context_entry(const nlohmann::json& context, std::string_view name, std::string* key) {
  if (!context.is_object()) return nullptr;
  const auto exact = context.find(std::string(name));
  if (exact != context.end()) {
    if (key) *key = exact.key();
    return &exact.value();
  }
  const std::string want = lower(name);
  for (auto it = context.begin(); it != context.end(); ++it)  // sorted keys: deterministic
    if (lower(it.key()) == want) {
      if (key) *key = it.key();
      return &it.value();
    }
  return nullptr;
}

namespace {

// Looks a name up in the scopes, then the context, then the built-in functions.
bool lookup(const std::string& name, const std::shared_ptr<const Scope>& scope, Ctx& cx, Value& out) {
  const std::string low = lower(name);
  for (const Scope* s = scope.get(); s; s = s->parent.get()) {
    auto it = s->vars.find(low);
    if (it != s->vars.end()) {
      out = it->second;
      return true;
    }
  }
  std::string key;
  if (const nlohmann::json* j = context_entry(cx.context, name, &key)) {
    auto it = cx.roots.find(key);
    if (it == cx.roots.end()) it = cx.roots.emplace(key, from_json(*j)).first;
    out = it->second;
    return true;
  }
  if (auto f = find_builtin(low)) {
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

Value number_result(const Decimal& d) {
  if (!d.in_range()) return Value::error("number is too large");
  return Value::number(d);
}

Value binary_op(char op, const Value& a, const Value& b) {
  Value err;
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

Value evaluate(const Node& n, const std::shared_ptr<const Scope>& scope, Ctx& cx) {
  if (--cx.budget < 0) return Value::error("expression takes too long to evaluate");
  switch (n.kind) {
    case Node::Kind::text: return Value::text(n.str);
    case Node::Kind::number: return Value::number(n.num);
    case Node::Kind::boolean: return Value::boolean(n.b);
    case Node::Kind::null: return Value::null();
    case Node::Kind::ref: {
      Value v;
      if (lookup(n.str, scope, cx, v)) return v;
      return Value::error("context has no property '" + lower(n.str) + "'");
    }
    case Node::Kind::dot: {
      const Value container = evaluate(*n.kids[0], scope, cx);
      if (container.is_error()) return container;
      return lookup_property(container, Value::text(n.str), true, *n.kids[0]);
    }
    case Node::Kind::index: {
      const Value container = evaluate(*n.kids[0], scope, cx);
      if (container.is_error()) return container;
      const Value key = evaluate(*n.kids[1], scope, cx);
      if (key.is_error()) return key;
      return lookup_property(container, key, false, *n.kids[0]);
    }
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
      ValueList args;
      args.reserve(n.kids.size() - 1);
      for (size_t i = 1; i < n.kids.size(); ++i) args.push_back(evaluate(*n.kids[i], scope, cx));
      return call_function(*fn.fn, args, cx);
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
