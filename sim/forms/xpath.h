// ODK XPath expressions (the subset XLSForms use): parsed once into an AST, evaluated many times
// against an instance that a Resolver exposes. Time comes from the EvalContext, never the machine.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "forms/xpath_value.h"

namespace kalan::forms {

// Where an expression is wrong: a message code of core/messages.cpp, its arguments, and the
// 1-based column in the expression text.
struct XPathError {
  std::string code;
  std::vector<std::string> args;
  std::size_t column = 0;
};
// "colonne 5 : ..." in French or English.
std::string render_error(const XPathError& e, bool english = false);

// What an evaluation may read from the world: the simulated clock and its UTC offset.
struct EvalContext {
  SimTime now = 0;                 // seconds since the epoch (sim time)
  std::int32_t now_millis = 0;     // sub-second part of now
  int utc_offset_minutes = 0;      // wall clock of the place (Mali, Senegal: 0)
  std::uint64_t seed = 0;          // uuid() and random() derive from it: same seed, same values
};

class Expr;

// The instance seen by an expression. Default: no instance (every reference is empty).
class Resolver {
 public:
  virtual ~Resolver() = default;
  // ${name}: the field's value; inside a repeat, a sibling is the same instance and a field of a
  // repeat seen from outside is a node-set of every instance's value.
  virtual Value field(const std::string& name) const;
  // The i-th ${reference} of an expression; by default field(name). An owner that bound the
  // expression (Expr::bind) can answer by slot, without looking the name up.
  virtual Value reference(const Expr& e, int i) const;
  // `.`: the value of the field being checked.
  virtual Value self() const;
  // A bare name (`region` in a choice_filter): an attribute of the current choice.
  virtual Value child(const std::string& name) const;
  // position(..): 1-based index of the current repeat instance (0 outside repeats).
  virtual int position() const;
  // jr:choice-name(value, '${field}'): the label of a choice of a field's list.
  virtual std::string choice_label(const std::string& field, const std::string& value) const;
};

struct Node;

// A parsed expression. Copyable and cheap to share; evaluating never modifies it.
class Expr {
 public:
  Expr();
  const std::string& text() const { return text_; }
  // Every ${name} the expression references, in order of first appearance.
  const std::vector<std::string>& references() const { return refs_; }
  // Problems found after parsing that only matter if evaluation reaches them (unknown function,
  // wrong number of arguments): forms treat them as errors, a context-free evaluation does not.
  const std::vector<XPathError>& problems() const { return problems_; }
  // True when the expression uses `.` (it then depends on the field's own value).
  bool uses_self() const { return uses_self_; }
  // Slots chosen by the expression's owner for references(), in the same order (a form binds them
  // to field positions once, so evaluation needs no name lookups).
  void bind(std::vector<int> slots) { slots_ = std::move(slots); }
  const std::vector<int>& slots() const { return slots_; }

 private:
  friend std::optional<Expr> parse_xpath(const std::string&, XPathError&);
  friend class Evaluator;
  std::string text_;
  std::shared_ptr<const std::vector<Node>> nodes_;
  int root_ = -1;
  std::vector<std::string> refs_;
  std::vector<XPathError> problems_;
  bool uses_self_ = false;
  std::vector<int> slots_;
};

// Parses an expression; on a syntax error returns nullopt and fills `error` (with its column).
std::optional<Expr> parse_xpath(const std::string& text, XPathError& error);

// Evaluates; on failure (a function given a wrong argument, a problem reached) returns nullopt and
// fills `error`. Never throws, never reads the machine's clock.
std::optional<Value> evaluate(const Expr& e, const Resolver& r, const EvalContext& ctx, XPathError& error);
// Shortcuts for forms: the XPath boolean() and string() of the result (false / "" on failure).
bool evaluate_boolean(const Expr& e, const Resolver& r, const EvalContext& ctx, XPathError* error = nullptr);
std::string evaluate_string(const Expr& e, const Resolver& r, const EvalContext& ctx, XPathError* error = nullptr);

}  // namespace kalan::forms
