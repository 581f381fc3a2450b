// Evaluation of operators with XPath 1.0 comparison rules (node-sets compare existentially;
// then boolean, then number, then string), dates counting as numbers of days.
#include <cmath>

#include "core/diag.h"
#include "forms/xpath_ast.h"
#include "forms/xpath_operators.h"

namespace kalan::forms {

Value Resolver::field(const std::string&) const { return Value::string_of(""); }
Value Resolver::reference(const Expr& e, int i) const { return field(e.references()[static_cast<std::size_t>(i)]); }
Value Resolver::self() const { return Value::string_of(""); }
Value Resolver::child(const std::string&) const { return Value::nodes_of({}); }
int Resolver::position() const { return 0; }
std::string Resolver::choice_label(const std::string&, const std::string&) const { return ""; }

std::string render_error(const XPathError& e, bool english) {
  const Lang lang = english ? Lang::en : Lang::fr;
  return render_message("xpath_at", {std::to_string(e.column), render_message(e.code, e.args, lang)}, lang);
}

namespace {

bool numeric_kind(Kind k) { return k == Kind::number || k == Kind::date; }

bool compare_numbers(Op op, double a, double b) {
  switch (op) {
    case Op::eq: return a == b;
    case Op::ne: return a != b;
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    default: return a >= b;
  }
}

// Two values neither of which is a node-set.
bool compare_atoms(Op op, const Value& a, const Value& b, int offset) {
  if (op == Op::eq || op == Op::ne) {
    bool equal;
    if (a.kind == Kind::boolean || b.kind == Kind::boolean) equal = to_boolean(a) == to_boolean(b);
    else if (numeric_kind(a.kind) || numeric_kind(b.kind)) equal = to_number(a, offset) == to_number(b, offset);
    else equal = to_string(a, offset) == to_string(b, offset);
    return op == Op::eq ? equal : !equal;
  }
  return compare_numbers(op, to_number(a, offset), to_number(b, offset));
}

bool compare(Op op, const Value& a, const Value& b, int offset) {
  if (a.kind == Kind::nodeset || b.kind == Kind::nodeset) {
    // A node-set against a boolean compares its boolean(); otherwise some node must satisfy it.
    if (a.kind == Kind::boolean || b.kind == Kind::boolean) {
      const Value ba = Value::boolean_of(to_boolean(a)), bb = Value::boolean_of(to_boolean(b));
      return compare_atoms(op, ba, bb, offset);
    }
    const Value& set = a.kind == Kind::nodeset ? a : b;
    const Value& other = a.kind == Kind::nodeset ? b : a;
    const bool set_left = a.kind == Kind::nodeset;
    if (other.kind == Kind::nodeset) {
      for (const auto& x : a.nodes)
        for (const auto& y : b.nodes)
          if (compare_atoms(op, Value::string_of(x), Value::string_of(y), offset)) return true;
      return false;
    }
    for (const auto& x : set.nodes) {
      const Value node = Value::string_of(x);
      if (set_left ? compare_atoms(op, node, other, offset) : compare_atoms(op, other, node, offset)) return true;
    }
    return false;
  }
  return compare_atoms(op, a, b, offset);
}

}  // namespace

Value Evaluator::fail(const Node& n, const char* code, std::vector<std::string> args) {
  if (error_.code.empty()) error_ = XPathError{code, std::move(args), n.column};
  return Value::string_of("");
}

Value Evaluator::eval(int index) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  switch (n.op) {
    case Op::literal: return n.lit;
    case Op::self: return r_.self();
    case Op::parent: return Value::string_of("");
    case Op::field: return r_.reference(e_, n.problem);
    case Op::child: return r_.child(n.name);
    case Op::neg: {
      const Value v = eval(n.a);
      return Value::number_of(-to_number(v, offset()));
    }
    case Op::or_:
    case Op::and_: {
      const bool left = to_boolean(eval(n.a));
      if (failed()) return {};
      if (n.op == Op::or_ ? left : !left) return Value::boolean_of(left);
      return Value::boolean_of(to_boolean(eval(n.b)));
    }
    case Op::call: return call(n);
    case Op::problem: {
      const XPathError& p = e_.problems()[static_cast<std::size_t>(n.problem)];
      if (error_.code.empty()) error_ = p;
      return {};
    }
    default: return binary(n);
  }
}

const Value& Evaluator::operand(int index, Value& scratch) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  if (n.op == Op::literal) return n.lit;
  scratch = eval(index);
  return scratch;
}

Value Evaluator::binary(const Node& n) {
  Value scratch_a, scratch_b;
  const Value& a = operand(n.a, scratch_a);
  if (failed()) return {};
  const Value& b = operand(n.b, scratch_b);
  if (failed()) return {};
  switch (n.op) {
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: return Value::boolean_of(compare(n.op, a, b, offset()));
    default: break;
  }
  const double x = to_number(a, offset()), y = to_number(b, offset());
  switch (n.op) {
    case Op::add: return Value::number_of(x + y);
    case Op::sub: return Value::number_of(x - y);
    case Op::mul: return Value::number_of(x * y);
    case Op::div: return Value::number_of(x / y);
    default: return Value::number_of(std::fmod(x, y));
  }
}

std::vector<std::string> Evaluator::flatten(const Node& n, std::size_t from) {
  std::vector<std::string> out;
  for (std::size_t i = from; i < n.args.size() && !failed(); ++i) {
    Value v = arg(n, i);
    if (v.kind == Kind::nodeset) out.insert(out.end(), v.nodes.begin(), v.nodes.end());
    else out.push_back(to_string(v, offset()));
  }
  return out;
}

namespace {

// A value of an operators-only expression: a text read in place, a number or a boolean.
struct Atom {
  Kind kind = Kind::string;
  bool flag = false;
  double num = 0;
  std::string_view str;
};

Atom text_atom(std::string_view s) { return Atom{Kind::string, false, 0, s}; }
Atom number_atom(double d) { return Atom{Kind::number, false, d, {}}; }
Atom boolean_atom(bool b) { return Atom{Kind::boolean, b, 0, {}}; }

bool atom_boolean(const Atom& a) {
  switch (a.kind) {
    case Kind::string: return !a.str.empty();
    case Kind::number: return a.num != 0 && !std::isnan(a.num);
    default: return a.flag;
  }
}

// Evaluator::eval restricted to literals, `.`, plain references and operators, with the same
// conversions and comparison rules (compare_atoms), on atoms instead of Values. `unsupported` is set
// on anything else; the result is then meaningless.
class OperatorEvaluator {
 public:
  OperatorEvaluator(const Expr& e, const std::vector<Node>& nodes, const TextSource& src, int offset)
      : e_(e), nodes_(nodes), src_(src), offset_(offset) {}
  bool unsupported = false;

  Atom eval(int index) {
    const Node& n = nodes_[static_cast<std::size_t>(index)];
    switch (n.op) {
      case Op::literal:
        return n.lit.kind == Kind::string ? text_atom(n.lit.str) : n.lit.kind == Kind::number ? number_atom(n.lit.num) : boolean_atom(n.lit.flag);
      case Op::self: return text_atom(src_.self_text());
      case Op::field: {
        const std::string* t = src_.reference_text(e_, n.problem);
        if (!t) unsupported = true;
        return t ? text_atom(*t) : Atom{};
      }
      case Op::neg: return number_atom(-number(eval(n.a)));
      case Op::or_:
      case Op::and_: {
        const bool left = atom_boolean(eval(n.a));
        if (n.op == Op::or_ ? left : !left) return boolean_atom(left);
        return boolean_atom(atom_boolean(eval(n.b)));
      }
      case Op::parent:
      case Op::child:
      case Op::call:
      case Op::problem: unsupported = true; return {};
      default: break;
    }
    const Atom a = eval(n.a), b = eval(n.b);
    switch (n.op) {
      case Op::eq:
      case Op::ne: {
        bool equal;
        if (a.kind == Kind::boolean || b.kind == Kind::boolean) equal = atom_boolean(a) == atom_boolean(b);
        else if (a.kind == Kind::number || b.kind == Kind::number) equal = number(a) == number(b);
        else equal = a.str == b.str;
        return boolean_atom(n.op == Op::eq ? equal : !equal);
      }
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: return boolean_atom(compare_numbers(n.op, number(a), number(b)));
      default: break;
    }
    const double x = number(a), y = number(b);
    switch (n.op) {
      case Op::add: return number_atom(x + y);
      case Op::sub: return number_atom(x - y);
      case Op::mul: return number_atom(x * y);
      case Op::div: return number_atom(x / y);
      default: return number_atom(std::fmod(x, y));
    }
  }

 private:
  double number(const Atom& a) const {
    switch (a.kind) {
      case Kind::string: return string_to_number(a.str, offset_);
      case Kind::number: return a.num;
      default: return a.flag ? 1 : 0;
    }
  }

  const Expr& e_;
  const std::vector<Node>& nodes_;
  const TextSource& src_;
  int offset_;
};

}  // namespace

std::optional<bool> Evaluator::operators(const Expr& e, const TextSource& src, const EvalContext& ctx) {
  OperatorEvaluator ev(e, *e.nodes_, src, ctx.utc_offset_minutes);
  const bool result = atom_boolean(ev.eval(e.root_));
  if (ev.unsupported) return std::nullopt;
  return result;
}

std::optional<bool> evaluate_operators(const Expr& e, const TextSource& src, const EvalContext& ctx) {
  return Evaluator::operators(e, src, ctx);
}

std::optional<Value> evaluate(const Expr& e, const Resolver& r, const EvalContext& ctx, XPathError& error) {
  Evaluator ev(e, r, ctx);
  Value v = ev.run();
  if (ev.failed()) {
    error = ev.error();
    return std::nullopt;
  }
  return v;
}

bool evaluate_boolean(const Expr& e, const Resolver& r, const EvalContext& ctx, XPathError* error) {
  Evaluator ev(e, r, ctx);
  const Value v = ev.run();
  if (ev.failed()) {
    if (error) *error = ev.error();
    return false;
  }
  return to_boolean(v);
}

std::string evaluate_string(const Expr& e, const Resolver& r, const EvalContext& ctx, XPathError* error) {
  Evaluator ev(e, r, ctx);
  const Value v = ev.run();
  if (ev.failed()) {
    if (error) *error = ev.error();
    return "";
  }
  return to_string(v, ctx.utc_offset_minutes);
}

}  // namespace kalan::forms
