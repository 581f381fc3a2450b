// A fast way to evaluate the expressions forms use most (`. >= 0`, `. = ${a} + ${b}`,
// `${total} > 0`): literals, `.`, ${references} and operators only, on texts read in place, with no
// Value and no allocation. Same results as evaluate_boolean (same conversions and comparison rules).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "forms/xpath.h"

namespace kalan::forms {

// The texts such an expression reads, without copies.
class TextSource {
 public:
  virtual ~TextSource() = default;
  // The i-th ${reference} of `e` when it is a plain value (not a node-set), else nullptr.
  virtual const std::string* reference_text(const Expr& e, int i) const = 0;
  // `.`.
  virtual std::string_view self_text() const = 0;
};

// boolean() of the expression, or nullopt when it holds anything else (a function call, a bare
// name, `..`) or a reference the source does not give as a plain text: evaluate_boolean then.
std::optional<bool> evaluate_operators(const Expr& e, const TextSource& src, const EvalContext& ctx);

}  // namespace kalan::forms
