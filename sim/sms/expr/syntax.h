// The syntax of templates and expressions: splitting a template into text, @references and
// @(expressions), and parsing an expression into a tree.
//
// Expression grammar, from the loosest to the tightest binding:
//   (a, b) => body          anonymous function (its body extends as far as possible)
//   a & b                   text concatenation
//   a = b, a != b           textual equality
//   a < b, <=, >, >=        numeric comparison
//   a + b, a - b
//   a * b, a / b
//   a ^ b                   power (left-associative, like RapidPro)
//   -a                      negation
//   atom(args), atom.name, atom.0, atom[expr]   calls and lookups on names and parenthesized expressions
//   "text" (with \ escapes), 12, 1.5, TRUE, FALSE, NULL (any case), names
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sms/expr/decimal.h"

namespace kalan::flows::expr {

struct Node {
  enum class Kind : std::uint8_t { text, number, boolean, null, ref, dot, index, call, lambda, negate, binary };
  Kind kind = Kind::null;
  char op = 0;      // binary: + - * / ^ & = ! (for !=) < l (for <=) > g (for >=)
  bool b = false;   // boolean literal
  int height = 1;   // levels of nodes below and including this one
  std::string str;  // text literal, reference name, property name after a dot
  Decimal num;      // number literal
  // dot: {container}; index: {container, key}; call: {callee, args...}; negate: {operand};
  // binary: {left, right}; lambda: {body}
  std::vector<std::shared_ptr<const Node>> kids;
  std::vector<std::string> params;  // lambda
};

struct Parsed {
  std::shared_ptr<const Node> root;  // null when there is an error
  std::string error;                 // "syntax error at ..."
};

// Parses one bare expression.
Parsed parse_expression(std::string_view src);

// Canonical source of a parsed expression, for messages: "upper(contact.name)".
std::string to_source(const Node& n);

struct Segment {
  enum class Kind : std::uint8_t { text, reference, expression };
  Kind kind = Kind::text;
  std::string text;       // text: the text with @@ unescaped; reference and expression: the expression
  std::string source;     // the original source: "@contact.name", "@(1 + 2)"
  std::string top_level;  // reference: lower-cased first name ("contact")
};

// Splits a template into segments. An unclosed "@(" and everything after it is text.
std::vector<Segment> scan_template(std::string_view tmpl);

}  // namespace kalan::flows::expr
