// Internal to sim/forms: the AST of an XPath expression and the table of functions.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "forms/xpath.h"
#include "sms/router_regex.h"

namespace kalan::forms {

enum class Op : std::uint8_t {
  literal, self, parent, field, child,  // operands
  neg, or_, and_, eq, ne, lt, le, gt, ge, add, sub, mul, div, mod,
  call,
  problem  // a call that cannot run (unknown function, wrong arity): fails only when reached
};

enum class Fn : std::uint8_t {
  if_, coalesce, once, selected, count_selected, selected_at, sum, count, count_non_empty, join,
  string_length, concat, substr, substring, substring_before, substring_after, contains, starts_with,
  ends_with, regex, translate, normalize_space, string, number, boolean, boolean_from_string, not_,
  true_, false_, int_, round, floor, ceiling, abs, pow, min, max, sqrt, exp, exp10, log, log10, sin, cos,
  tan, asin, acos, atan, atan2, pi, today, now, date, date_time, decimal_date_time, decimal_time,
  format_date, format_date_time, position, uuid, random, choice_name, lower, upper, indexed_repeat
};

class TextSource;

struct FnInfo {
  const char* name;
  Fn fn;
  int min_args, max_args;  // max -1: any number
};
// The function of a name ("jr:choice-name" and "choice-name" alike), or nullptr.
const FnInfo* find_function(const std::string& name);

// number() of a string: XPath's number syntax, else a date string as days since 1970-01-01.
double string_to_number(std::string_view s, int offset);

struct Node {
  Op op = Op::literal;
  Fn fn = Fn::true_;
  int a = -1, b = -1;      // operands of unary/binary operators
  std::vector<int> args;   // call arguments
  Value lit;               // literal value
  std::string name;        // field / child name; function name for calls
  std::size_t column = 0;  // 1-based, for messages
  int problem = -1;        // Op::problem: index into Expr::problems(); Op::field: into references()
  std::shared_ptr<const flows::detail::Regex> regex;  // regex() with a literal pattern: compiled once
};

}  // namespace kalan::forms

namespace kalan::forms {

// One evaluation of one expression: holds the first error, so operators stop early without throwing.
class Evaluator {
 public:
  Evaluator(const Expr& e, const Resolver& r, const EvalContext& ctx) : e_(e), nodes_(*e.nodes_), r_(r), ctx_(ctx) {}
  Value run() { return eval(e_.root_); }
  // evaluate_operators (xpath_operators.h): Evaluator is the friend of Expr that reads its nodes.
  static std::optional<bool> operators(const Expr& e, const TextSource& src, const EvalContext& ctx);
  bool failed() const { return !error_.code.empty(); }
  const XPathError& error() const { return error_; }

 private:
  Value eval(int index);
  Value binary(const Node& n);
  // An operand's value: a literal's in place (no copy), else evaluated into `scratch`.
  const Value& operand(int index, Value& scratch);
  Value call(const Node& n);  // xpath_functions.cpp
  Value fail(const Node& n, const char* code, std::vector<std::string> args = {});
  int offset() const { return ctx_.utc_offset_minutes; }
  // Helpers for functions.
  Value arg(const Node& n, std::size_t i) { return eval(n.args[i]); }
  std::string arg_string(const Node& n, std::size_t i) { return to_string(eval(n.args[i]), offset()); }
  double arg_number(const Node& n, std::size_t i) { return to_number(eval(n.args[i]), offset()); }
  // Every node value of every argument (node-sets expanded), as strings.
  std::vector<std::string> flatten(const Node& n, std::size_t from);
  Value date_function(const Node& n, bool strict);
  Value call_math(const Node& n);
  Value call_string(const Node& n);
  Value call_dates(const Node& n);
  std::uint64_t next_random();

  const Expr& e_;
  const std::vector<Node>& nodes_;
  const Resolver& r_;
  const EvalContext& ctx_;
  XPathError error_;
  std::uint64_t draws_ = 0;
};

}  // namespace kalan::forms
