#include "sms/expr/expressions.h"

#include "sms/expr/eval.h"
#include "sms/expr/syntax.h"
#include "sms/expr/value.h"

namespace kalan::flows {

namespace {

using expr::Ctx;
using expr::Segment;
using expr::Value;

// The top-level variables RapidPro puts in a flow's context: references to them are checked at load
// time even though the context isn't known then. Other @names (e-mail addresses...) can't be checked.
bool standard_top_level(const std::string& name) {
  static const char* names[] = {"child",  "contact", "fields", "globals", "input",   "legacy_extra", "locals", "node",
                                "parent", "results", "resume", "run",     "ticket",  "trigger",      "urns",   "webhook"};
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

// Evaluates the source of one segment (or one bare expression); false with a message on error.
bool evaluate_source(const std::string& source, Ctx& cx, Value& out, std::string& error) {
  const expr::Parsed p = expr::parse_expression(source);
  if (!p.root) {
    error = p.error;
    return false;
  }
  cx.budget = Ctx::kBudget;
  cx.depth = 0;
  out = expr::evaluate(*p.root, nullptr, cx);
  if (out.is_error()) {
    error = out.s;
    return false;
  }
  return true;
}

}  // namespace

RenderResult render_template(std::string_view tmpl, const nlohmann::json& context, const ExprEnv& env) {
  RenderResult result;
  try {
    Ctx cx(env, context);
    for (const Segment& seg : expr::scan_template(tmpl)) {
      if (seg.kind == Segment::Kind::text) {
        result.text += seg.text;
        continue;
      }
      // An @name that isn't a variable (an e-mail address, "@home") is plain text.
      if (seg.kind == Segment::Kind::reference && !expr::context_entry(context, seg.top_level, nullptr)) {
        result.text += seg.source;
        continue;
      }
      Value v;
      std::string error;
      if (!evaluate_source(seg.text, cx, v, error)) {
        result.errors.push_back("error evaluating " + seg.source + ": " + error);
        continue;
      }
      result.text += expr::render(v);
    }
  } catch (...) {
    result.errors.push_back("error evaluating template: internal error");
  }
  return result;
}

RenderResult evaluate_to_text(std::string_view source, const nlohmann::json& context, const ExprEnv& env) {
  RenderResult result;
  try {
    Ctx cx(env, context);
    Value v;
    std::string error;
    if (evaluate_source(std::string(source), cx, v, error))
      result.text = expr::render(v);
    else
      result.errors.push_back("error evaluating @(" + std::string(source) + "): " + error);
  } catch (...) {
    result.errors.push_back("error evaluating @(" + std::string(source) + "): internal error");
  }
  return result;
}

bool check_template(std::string_view tmpl, std::string* error) {
  try {
    for (const Segment& seg : expr::scan_template(tmpl)) {
      if (seg.kind == Segment::Kind::text) continue;
      if (seg.kind == Segment::Kind::reference && !standard_top_level(seg.top_level)) continue;
      const expr::Parsed p = expr::parse_expression(seg.text);
      if (!p.root) {
        if (error) *error = seg.source + ": " + p.error;
        return false;
      }
    }
    return true;
  } catch (...) {
    if (error) *error = "internal error";
    return false;
  }
}

nlohmann::json evaluate_to_json(std::string_view source, const nlohmann::json& context, const ExprEnv& env,
                                std::string* error) {
  try {
    Ctx cx(env, context);
    Value v;
    std::string message;
    if (evaluate_source(std::string(source), cx, v, message)) return expr::to_nlohmann(v);
    if (error) *error = "error evaluating @(" + std::string(source) + "): " + message;
  } catch (...) {
    if (error) *error = "error evaluating @(" + std::string(source) + "): internal error";
  }
  return nullptr;
}

bool evaluate_truthy(std::string_view source, const nlohmann::json& context, const ExprEnv& env, std::string* error) {
  try {
    Ctx cx(env, context);
    Value v;
    std::string message;
    if (evaluate_source(std::string(source), cx, v, message)) return expr::truthy(v);
    if (error) *error = "error evaluating @(" + std::string(source) + "): " + message;
  } catch (...) {
    if (error) *error = "error evaluating @(" + std::string(source) + "): internal error";
  }
  return false;
}

std::vector<std::string> function_names() { return expr::builtin_names(); }

}  // namespace kalan::flows
