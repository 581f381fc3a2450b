#include "sms/expr/expressions.h"

#include <algorithm>
#include <map>
#include <memory>

#include "sms/expr/eval.h"
#include "sms/expr/syntax.h"
#include "sms/expr/unicode.h"
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

// Parsed templates and expressions are kept in small caches keyed by their text: flows render the
// same few templates over and over. Parsing is pure, so a cache only saves time and never changes a
// result. Each cache is per thread and bounded (emptied when full): parsed trees take some tens of
// bytes per byte of source, so the bounds keep it to a few MB at worst, far more than real flows need.
constexpr size_t kCacheEntries = 512;
constexpr size_t kCacheBytes = 64 * 1024;  // of keys, in all
constexpr size_t kCacheMaxKey = 2048;      // longer texts are parsed each time

template <typename T>
class TextCache {
 public:
  template <typename Make>
  std::shared_ptr<const T> get(std::string_view key, Make make) {
    // The same text is often asked for twice in a row (the names it reads, then its rendering):
    // one comparison instead of a search among long, similar keys.
    if (last_ != map_.end() && last_->first == key) return last_->second;
    auto it = map_.find(key);
    if (it != map_.end()) {
      last_ = it;
      return it->second;
    }
    std::shared_ptr<const T> v = make(key);
    if (key.size() > kCacheMaxKey) return v;
    if (map_.size() >= kCacheEntries || bytes_ + key.size() > kCacheBytes) {
      map_.clear();
      bytes_ = 0;
    }
    bytes_ += key.size();
    last_ = map_.emplace(std::string(key), v).first;
    return v;
  }

 private:
  using Map = std::map<std::string, std::shared_ptr<const T>, std::less<>>;
  Map map_;
  typename Map::iterator last_ = map_.end();  // the last text found or added (end: none)
  size_t bytes_ = 0;
};

struct CompiledSegment {
  Segment seg;
  expr::Parsed parsed;  // references and expressions
};
struct CompiledTemplate {
  std::vector<CompiledSegment> segments;
  std::vector<std::string> names;  // see template_names()
};

void collect_names(const expr::Node& n, std::vector<std::string>& out) {
  if (n.kind == expr::Node::Kind::ref) out.push_back(expr::lower(n.str));
  for (const auto& k : n.kids)
    if (k) collect_names(*k, out);
}

std::shared_ptr<const CompiledTemplate> compile_template(std::string_view tmpl) {
  thread_local TextCache<CompiledTemplate> cache;
  return cache.get(tmpl, [](std::string_view t) {
    auto out = std::make_shared<CompiledTemplate>();
    for (Segment& seg : expr::scan_template(t)) {
      CompiledSegment cs;
      if (seg.kind != Segment::Kind::text) cs.parsed = expr::parse_expression(seg.text);
      if (seg.kind == Segment::Kind::reference) out->names.push_back(seg.top_level);
      if (cs.parsed.root) collect_names(*cs.parsed.root, out->names);
      cs.seg = std::move(seg);
      out->segments.push_back(std::move(cs));
    }
    std::sort(out->names.begin(), out->names.end());
    out->names.erase(std::unique(out->names.begin(), out->names.end()), out->names.end());
    return out;
  });
}

std::shared_ptr<const expr::Parsed> compile_expression(std::string_view source) {
  thread_local TextCache<expr::Parsed> cache;
  return cache.get(source, [](std::string_view s) { return std::make_shared<expr::Parsed>(expr::parse_expression(s)); });
}

// Evaluates one parsed segment (or one bare expression); false with a message on error.
bool evaluate_parsed(const expr::Parsed& p, Ctx& cx, expr::Slot& out, std::string& error) {
  if (!p.root) {
    error = p.error;
    return false;
  }
  cx.budget = Ctx::kBudget;
  cx.depth = 0;
  out = expr::evaluate_slot(*p.root, nullptr, cx);
  if (!out.j && out.v.is_error()) {
    error = out.v.s;
    return false;
  }
  return true;
}

bool evaluate_source(std::string_view source, Ctx& cx, Value& out, std::string& error) {
  expr::Slot slot;
  if (!evaluate_parsed(*compile_expression(source), cx, slot, error)) return false;
  out = expr::slot_value(std::move(slot), cx);
  return true;
}

}  // namespace

namespace {

template <typename Context>
RenderResult render_with(std::string_view tmpl, const Context& context, const ExprEnv& env) {
  RenderResult result;
  try {
    const auto compiled = compile_template(tmpl);
    Ctx cx(env, context);
    for (const CompiledSegment& cs : compiled->segments) {
      const Segment& seg = cs.seg;
      if (seg.kind == Segment::Kind::text) {
        result.text += seg.text;
        continue;
      }
      // An @name that isn't a variable (an e-mail address, "@home") is plain text.
      if (seg.kind == Segment::Kind::reference && !cx.entry(seg.top_level)) {
        result.text += seg.source;
        continue;
      }
      expr::Slot v;
      std::string error;
      if (!evaluate_parsed(cs.parsed, cx, v, error)) {
        result.errors.push_back("error evaluating " + seg.source + ": " + error);
        continue;
      }
      expr::render_slot(v, cx, result.text);
    }
  } catch (...) {
    result.errors.push_back("error evaluating template: internal error");
  }
  return result;
}

}  // namespace

RenderResult render_template(std::string_view tmpl, const nlohmann::json& context, const ExprEnv& env) {
  return render_with(tmpl, context, env);
}

RenderResult render_template(std::string_view tmpl, const ContextEntries& context, const ExprEnv& env) {
  return render_with(tmpl, context, env);
}

RenderResult evaluate_to_text(std::string_view source, const nlohmann::json& context, const ExprEnv& env) {
  RenderResult result;
  try {
    Ctx cx(env, context);
    expr::Slot v;
    std::string error;
    if (evaluate_parsed(*compile_expression(source), cx, v, error))
      expr::render_slot(v, cx, result.text);
    else
      result.errors.push_back("error evaluating @(" + std::string(source) + "): " + error);
  } catch (...) {
    result.errors.push_back("error evaluating @(" + std::string(source) + "): internal error");
  }
  return result;
}

std::vector<std::string> template_names(std::string_view tmpl) {
  try {
    return compile_template(tmpl)->names;
  } catch (...) {
    return {};
  }
}

const std::vector<std::string>& template_names_ref(std::string_view tmpl) {
  static const std::vector<std::string> none;
  thread_local std::shared_ptr<const CompiledTemplate> last;  // keeps the names alive
  try {
    last = compile_template(tmpl);
    return last->names;
  } catch (...) {
    return none;
  }
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
    if (evaluate_source(source, cx, v, message)) return expr::to_nlohmann(v);
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
    if (evaluate_source(source, cx, v, message)) return expr::truthy(v);
    if (error) *error = "error evaluating @(" + std::string(source) + "): " + message;
  } catch (...) {
    if (error) *error = "error evaluating @(" + std::string(source) + "): internal error";
  }
  return false;
}

std::vector<std::string> function_names() { return expr::builtin_names(); }

}  // namespace kalan::flows
