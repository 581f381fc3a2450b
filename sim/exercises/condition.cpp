#include "exercises/condition.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "core/reader.h"
#include "core/state.h"
#include "exercises/view.h"
#include "sms/text.h"
#include "world/world.h"

namespace kalan {

namespace {

using nlohmann::json;

// One test on a value: `{"equals": x}`, `{"gt": 3}`, ... A where-clause holds them by path.
struct Test;
using Segments = std::vector<std::string>;
struct WhereItem;
using Where = std::vector<WhereItem>;

struct Test {
  enum class Op { equals, in, contains, exists, gt, lt, role, some, not_ } op = Op::equals;
  json operand;                   // equals, in (array), contains (folded text), exists (bool), role
  double number = 0;              // gt, lt on numbers
  std::optional<SimTime> time;    // gt, lt on times (absolute)
  std::optional<std::int64_t> offset;  // gt, lt on times given as "+2h" from the start
  std::shared_ptr<Where> where;   // some
  std::vector<Test> negated;      // not
};

struct WhereItem {
  Segments path;
  std::vector<Test> tests;
};

const std::vector<std::string>& operator_names() {
  static const std::vector<std::string> n = {"equals", "in", "contains", "exists", "gt", "lt", "role", "some", "not"};
  return n;
}

const std::vector<std::string>& form_names() {
  static const std::vector<std::string> n = {"all", "any", "not", "exists", "count", "event", "answer"};
  return n;
}

// "a.b[*].c" → {a, b, c}; nullopt when a segment is empty or holds other brackets.
std::optional<Segments> split_path(const std::string& text) {
  Segments out;
  std::string cur;
  auto flush = [&]() -> bool {
    if (cur.size() >= 3 && cur.compare(cur.size() - 3, 3, "[*]") == 0) cur.resize(cur.size() - 3);
    if (cur.empty() || cur.find_first_of("[]* ") != std::string::npos) return false;
    out.push_back(cur);
    cur.clear();
    return true;
  };
  for (char c : text) {
    if (c == '.') {
      if (!flush()) return std::nullopt;
    } else {
      cur += c;
    }
  }
  if (!flush()) return std::nullopt;
  return out;
}

// Scalars as text, so that 11 equals "11" (form answers are text).
std::optional<std::string> scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number()) return dump_json(v);
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return std::nullopt;
}

std::optional<double> as_number(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  const std::string s = v.get<std::string>();
  if (s.empty() || s.size() > 32) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return d;
}

// A time in the view: integer seconds (opened_at) or ISO text (identified_at, events' "at").
std::optional<SimTime> as_time(const json& v) {
  if (v.is_number_integer()) return v.get<SimTime>();
  if (v.is_string()) return parse_iso_time(v.get<std::string>());
  return std::nullopt;
}

// Calls `fn` on every value that `path` reaches from `v`, fanning out over lists; stops when fn says so.
bool resolve(const json& v, const Segments& path, size_t i, const std::function<bool(const json&)>& fn) {
  if (i == path.size()) return fn(v);
  if (v.is_array()) {
    for (const auto& e : v)
      if (resolve(e, path, i, fn)) return true;
    return false;
  }
  if (!v.is_object()) return false;
  auto it = v.find(path[i]);
  if (it == v.end()) return false;
  return resolve(*it, path, i + 1, fn);
}

bool is_present(const json& v) {
  if (v.is_null()) return false;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();  // json::empty() is false for any text
  if (v.is_array() || v.is_object()) return !v.empty();
  return true;
}

bool match_where(const Where& where, const json& v, const ConditionContext& ctx);

bool is_role(const std::string& r) {
  const auto& roles = user_roles();
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

bool test_scalar(const Test& t, const json& v, const ConditionContext& ctx) {
  switch (t.op) {
    case Test::Op::equals: {
      if (t.operand.is_null()) return v.is_null();
      auto a = scalar_text(v), b = scalar_text(t.operand);
      return a && b ? *a == *b : v == t.operand;
    }
    case Test::Op::in: {
      auto a = scalar_text(v);
      for (const auto& o : t.operand)
        if (a && scalar_text(o) == a) return true;
      return false;
    }
    case Test::Op::contains: {
      auto a = scalar_text(v);
      return a && text::fold(*a).find(t.operand.get<std::string>()) != std::string::npos;
    }
    case Test::Op::gt:
    case Test::Op::lt: {
      if (t.time || t.offset) {
        auto at = as_time(v);
        if (!at) return false;
        const SimTime ref = t.time ? *t.time : ctx.start + *t.offset;
        return t.op == Test::Op::gt ? *at > ref : *at < ref;
      }
      auto n = as_number(v);
      return n && (t.op == Test::Op::gt ? *n > t.number : *n < t.number);
    }
    case Test::Op::role: {
      if (!v.is_string()) return false;
      const User* u = ctx.state.world.find_user(v.get<std::string>());
      if (!u) return false;
      for (const auto& r : t.operand)
        if (r == u->role) return true;
      return false;
    }
    default:
      return false;
  }
}

// Whether the tests hold for the values that one path reaches.
bool test_path(const std::vector<Test>& tests, const json& root, const Segments& path, const ConditionContext& ctx) {
  for (const Test& t : tests) {
    bool ok = false;
    if (t.op == Test::Op::exists) {
      const bool found = resolve(root, path, 0, [](const json& v) { return is_present(v); });
      ok = found == t.operand.get<bool>();
    } else if (t.op == Test::Op::not_) {
      ok = !test_path(t.negated, root, path, ctx);
    } else if (t.op == Test::Op::some) {
      ok = resolve(root, path, 0, [&](const json& v) {
        if (v.is_array()) {
          for (const auto& e : v)
            if (match_where(*t.where, e, ctx)) return true;
          return false;
        }
        return match_where(*t.where, v, ctx);
      });
    } else {
      ok = resolve(root, path, 0, [&](const json& v) {
        if (v.is_array()) {
          for (const auto& e : v)
            if (test_scalar(t, e, ctx)) return true;
          return false;
        }
        return test_scalar(t, v, ctx);
      });
    }
    if (!ok) return false;
  }
  return true;
}

bool match_where(const Where& where, const json& v, const ConditionContext& ctx) {
  for (const auto& item : where)
    if (!test_path(item.tests, v, item.path, ctx)) return false;
  return true;
}

}  // namespace

struct ConditionNode {
  enum class Kind { all, any, not_, exists, count, event, answer } kind = Kind::all;
  std::vector<std::unique_ptr<ConditionNode>> children;  // all, any, not (one), count of events (one)

  // A state query: the path from a section, split into the section and the rest.
  std::string root;
  Segments rest;
  bool over_records = false;  // the path starts with cases.records: cached record by record
  Where where;
  std::optional<std::int64_t> min, max;

  // Cache of a query over the records: the stamp seen and the matches found, per record.
  std::vector<std::uint64_t> record_stamp;
  std::vector<std::int64_t> record_matches;

  // An event query.
  std::string event_type;
  std::optional<std::int64_t> within;
  std::unique_ptr<ConditionNode> after;  // an event query that must come before
  std::size_t seen = 0;                  // events already read
  std::int64_t matched = 0;              // how many events matched so far
  std::optional<SimTime> last_after;     // when the "after" event last matched

  // An answer query: answers to a question of the exercise, right (want_correct) or wrong.
  std::string answer_exercise, answer_question;
  std::shared_ptr<const ExpectedAnswer> expected;
  bool want_correct = true;

  std::unique_ptr<ConditionNode> clone() const {
    auto n = std::make_unique<ConditionNode>();
    n->kind = kind;
    for (const auto& c : children) n->children.push_back(c->clone());
    n->root = root;
    n->rest = rest;
    n->over_records = over_records;
    n->where = where;
    n->min = min;
    n->max = max;
    n->record_stamp = record_stamp;
    n->record_matches = record_matches;
    n->event_type = event_type;
    n->within = within;
    if (after) n->after = after->clone();
    n->seen = seen;
    n->matched = matched;
    n->last_after = last_after;
    n->answer_exercise = answer_exercise;
    n->answer_question = answer_question;
    n->expected = expected;
    n->want_correct = want_correct;
    return n;
  }

  // How many values the state query matches.
  std::int64_t count_state(const ConditionContext& ctx) {
    auto count_in = [&](const json& base) {
      std::int64_t n = 0;
      resolve(base, rest, 0, [&](const json& v) {
        if (v.is_array()) {
          for (const auto& e : v) n += match_where(where, e, ctx) ? 1 : 0;
        } else if (!v.is_null()) {
          n += match_where(where, v, ctx) ? 1 : 0;
        }
        return false;
      });
      return n;
    };
    if (!over_records) return count_in(ctx.view.root(root));
    const auto& recs = ctx.view.records();
    const auto& stamps = ctx.view.stamps();
    record_stamp.resize(recs.size(), 0);
    record_matches.resize(recs.size(), 0);
    std::int64_t total = 0;
    for (size_t i = 0; i < recs.size(); ++i) {
      if (record_stamp[i] != stamps[i]) {
        record_matches[i] = count_in(recs[i]);
        record_stamp[i] = stamps[i];
      }
      total += record_matches[i];
    }
    return total;
  }

  bool event_matches(const RunEvent& e, const ConditionContext& ctx) const {
    return e.type == event_type && match_where(where, e.data, ctx);
  }

  // Reads the events added since the last call; returns how many matched in all.
  std::int64_t count_events(const ConditionContext& ctx) {
    for (; seen < ctx.events.size(); ++seen) {
      const RunEvent& e = ctx.events[seen];
      if (event_matches(e, ctx)) {
        bool ok = true;
        if (after) ok = last_after.has_value() && (!within || e.at - *last_after <= *within);
        else if (within) ok = e.at - ctx.start <= *within;
        if (ok) ++matched;
      }
      if (after && after->event_matches(e, ctx)) last_after = e.at;
    }
    return matched;
  }

  bool evaluate(const ConditionContext& ctx) {
    switch (kind) {
      case Kind::all:
        for (auto& c : children)
          if (!c->evaluate(ctx)) return false;
        return true;
      case Kind::any:
        for (auto& c : children)
          if (c->evaluate(ctx)) return true;
        return false;
      case Kind::not_:
        return !children[0]->evaluate(ctx);
      case Kind::exists:
        return count_state(ctx) > 0;
      case Kind::count: {
        const std::int64_t n = children.empty() ? count_state(ctx) : children[0]->count_events(ctx);
        return (!min || n >= *min) && (!max || n <= *max);
      }
      case Kind::event:
        return count_events(ctx) > 0;
      case Kind::answer:
        return count_answers(ctx) > 0;
    }
    return false;
  }

  // Reads the answers given since the last call, each judged on the state right after it was given
  // (conditions are evaluated after every command).
  std::int64_t count_answers(const ConditionContext& ctx);

  // Calls fn on every element the state query matches.
  void visit_matches(const ConditionContext& ctx, const std::function<void(const json&)>& fn) const {
    auto visit_in = [&](const json& base) {
      resolve(base, rest, 0, [&](const json& v) {
        if (v.is_array()) {
          for (const auto& e : v)
            if (match_where(where, e, ctx)) fn(e);
        } else if (!v.is_null() && match_where(where, v, ctx)) {
          fn(v);
        }
        return false;
      });
    };
    if (!over_records) return visit_in(ctx.view.root(root));
    for (const auto& rec : ctx.view.records()) visit_in(rec);
  }
};

struct ExpectedAnswer {
  enum class Mode { fixed, count, sum, values } mode = Mode::fixed;
  json fixed;
  ConditionNode query;  // root, rest, where
  Segments field;
  std::vector<std::string> roots;
};

std::int64_t ConditionNode::count_answers(const ConditionContext& ctx) {
  for (; seen < ctx.events.size(); ++seen) {
    const RunEvent& e = ctx.events[seen];
    if (e.type != "exercise.answered" || e.data.value("exercise", "") != answer_exercise ||
        e.data.value("question", "") != answer_question || !expected)
      continue;
    const bool right = answer_matches(e.data.value("answer", json()), expected_value(*expected, ctx), ctx.state.world);
    if (right == want_correct) ++matched;
  }
  return matched;
}

namespace {

std::vector<Test> compile_tests(const json& value, const std::string& path, Diagnostics& out, const StateShape* at,
                                const std::string& label);

// Checks a path against the shape of the state's view, from `base` (the shape of `label`, e.g. the
// elements of "cases.records"); reports an unknown key at `path` with the closest known one. Returns
// the shape reached, or nullptr (an unknown key, or nothing to check against: an event's data).
const StateShape* check_path(const StateShape* base, const Segments& segs, const std::string& label,
                             const std::string& path, Diagnostics& out) {
  if (!base) return nullptr;
  size_t bad = 0;
  if (const StateShape* at = base->walk(segs, &bad)) return at;
  std::string where = label;
  const StateShape* parent = base;
  for (size_t i = 0; i < bad; ++i) {
    where += (where.empty() ? "" : ".") + segs[i];
    parent = &parent->keys.at(segs[i]);
  }
  const std::string meant = parent->closest(segs[bad]);
  if (parent->keys.empty()) {
    add_error(out, path, "cond_path_value", {segs[bad], where});
  } else if (!meant.empty()) {
    add_error(out, path, "cond_unknown_key", {segs[bad], where, meant});
  } else {
    std::vector<std::string> known;
    for (const auto& [k, v] : parent->keys) known.push_back(k);
    add_error(out, path, "cond_unknown_key_list", {segs[bad], where, join_list(known)});
  }
  return nullptr;
}

// A where-clause; its paths start from the elements of `label`, of shape `base` (nullptr: unchecked).
Where compile_where(const json& value, const std::string& path, Diagnostics& out, const StateShape* base = nullptr,
                    const std::string& label = "") {
  Where w;
  if (!value.is_object()) {
    add_error(out, path, "type_object", {json_type_name(value)});
    return w;
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string p = path_join(path, it.key());
    auto segs = split_path(it.key());
    if (!segs) {
      add_error(out, p, "cond_bad_path", {it.key()});
      continue;
    }
    const StateShape* at = check_path(base, *segs, label, p, out);
    w.push_back(WhereItem{*segs, compile_tests(it.value(), p, out, at, label.empty() ? it.key() : label + "." + it.key())});
  }
  return w;
}

// Reads "+2h" (from the exercise's start) or an ISO time for gt/lt.
void compile_comparison(Test& t, const json& v, const std::string& path, Diagnostics& out) {
  if (v.is_number()) {
    t.number = v.get<double>();
  } else if (v.is_string() && !v.get<std::string>().empty() && v.get<std::string>()[0] == '+') {
    t.offset = parse_duration(v.get<std::string>().substr(1));
    if (!t.offset) add_error(out, path, "bad_duration", {v.get<std::string>()});
  } else if (v.is_string()) {
    t.time = parse_iso_time(v.get<std::string>());
    if (!t.time) add_error(out, path, "bad_time", {v.get<std::string>()});
  } else {
    add_error(out, path, "cond_bad_operand", {"gt/lt", "@number_or_time"});
  }
}

std::vector<Test> compile_tests(const json& value, const std::string& path, Diagnostics& out, const StateShape* at,
                                const std::string& label) {
  std::vector<Test> tests;
  if (!value.is_object()) {  // a plain value: equality
    Test t;
    t.operand = value;
    tests.push_back(std::move(t));
    return tests;
  }
  if (value.empty()) add_error(out, path, "cond_unknown_operator", {"{}", join_list(operator_names())});
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string& op = it.key();
    const json& v = it.value();
    const std::string p = path_join(path, op);
    Test t;
    t.operand = v;
    if (op == "equals") {
      t.op = Test::Op::equals;
    } else if (op == "in") {
      t.op = Test::Op::in;
      if (!v.is_array()) add_error(out, p, "type_array", {json_type_name(v)});
    } else if (op == "contains") {
      t.op = Test::Op::contains;
      if (!v.is_string()) add_error(out, p, "type_string", {json_type_name(v)});
      else t.operand = text::fold(v.get<std::string>());
    } else if (op == "exists") {
      t.op = Test::Op::exists;
      if (!v.is_boolean()) add_error(out, p, "type_bool", {json_type_name(v)});
    } else if (op == "gt" || op == "lt") {
      t.op = op == "gt" ? Test::Op::gt : Test::Op::lt;
      compile_comparison(t, v, p, out);
    } else if (op == "role") {
      t.op = Test::Op::role;
      if (v.is_string()) t.operand = json::array({v});
      if (!t.operand.is_array() || t.operand.empty()) add_error(out, p, "type_string", {json_type_name(v)});
      for (size_t i = 0; t.operand.is_array() && i < t.operand.size(); ++i)
        if (!t.operand[i].is_string() || !is_role(t.operand[i].get<std::string>()))
          add_error(out, path_join(p, i), "unknown_value", {"@role", dump_json(t.operand[i]), join_list(user_roles())});
    } else if (op == "some") {
      t.op = Test::Op::some;
      t.where = std::make_shared<Where>(compile_where(v, p, out, at, label));
    } else if (op == "not") {
      t.op = Test::Op::not_;
      t.negated = compile_tests(v, p, out, at, label);
    } else {
      add_error(out, p, "cond_unknown_operator", {op, join_list(operator_names())});
      continue;
    }
    tests.push_back(std::move(t));
  }
  return tests;
}

std::unique_ptr<ConditionNode> compile_node(const json& value, const std::string& path, Diagnostics& out,
                                            std::vector<std::string>& roots, const QuestionBook* book);

// {"event": TYPE, "where": {...}, "within": "30m", "after": {"event": ...}}
std::unique_ptr<ConditionNode> compile_event(ObjectReader& r, Diagnostics& out) {
  auto n = std::make_unique<ConditionNode>();
  n->kind = ConditionNode::Kind::event;
  n->event_type = r.string("event").value_or("");
  if (const json* w = r.get("where")) n->where = compile_where(*w, r.path_of("where"), out);
  if (r.has("within")) n->within = r.duration("within");
  if (const json* a = r.get("after")) {
    ObjectReader ar(*a, r.path_of("after"), out);
    if (ar.is_object()) {
      if (!ar.has("event")) ar.error("", "missing", {"event"});
      else n->after = compile_event(ar, out);
      if (n->after && n->after->after) ar.error("after", "cond_nested_after");
      ar.reject_unknown_keys();
    }
  }
  return n;
}

// The state path of exists/count: its section must be one of the state's, each key one the view writes.
// Returns the shape of the elements it reaches, for the paths of the where-clause (nullptr: unchecked).
const StateShape* compile_state_path(ConditionNode& n, ObjectReader& r, const std::string& key,
                                     std::vector<std::string>& roots) {
  auto text = r.string(key);
  if (!text) return nullptr;
  auto segs = split_path(*text);
  if (!segs) {
    r.error(key, "cond_bad_path", {*text});
    return nullptr;
  }
  const auto& known = state_roots();
  if (std::find(known.begin(), known.end(), (*segs)[0]) == known.end()) {
    r.error(key, "cond_bad_root", {(*segs)[0], join_list(known)});
    return nullptr;
  }
  const StateShape* shape = check_path(&state_shape(), *segs, "", r.path_of(key), r.diagnostics());
  n.root = (*segs)[0];
  n.rest.assign(segs->begin() + 1, segs->end());
  if (n.root == "cases" && !n.rest.empty() && n.rest[0] == "records") {
    n.over_records = true;
    n.rest.erase(n.rest.begin());
  }
  if (std::find(roots.begin(), roots.end(), n.root) == roots.end()) roots.push_back(n.root);
  return shape;
}

std::unique_ptr<ConditionNode> compile_node(const json& value, const std::string& path, Diagnostics& out,
                                            std::vector<std::string>& roots, const QuestionBook* book) {
  ObjectReader r(value, path, out);
  if (!r.is_object()) return nullptr;
  std::vector<std::string> forms;
  for (const auto& f : form_names())
    if (r.has(f)) forms.push_back(f);
  if (forms.size() != 1) {
    r.error("", "cond_form", {join_list(form_names())});
    return nullptr;
  }
  const std::string& form = forms[0];
  std::unique_ptr<ConditionNode> n;
  if (form == "all" || form == "any") {
    n = std::make_unique<ConditionNode>();
    n->kind = form == "all" ? ConditionNode::Kind::all : ConditionNode::Kind::any;
    if (const json* list = r.array(form)) {
      if (list->empty()) r.error(form, "empty_list");
      for (size_t i = 0; i < list->size(); ++i)
        if (auto c = compile_node((*list)[i], path_join(r.path_of(form), i), out, roots, book))
          n->children.push_back(std::move(c));
    }
  } else if (form == "not") {
    n = std::make_unique<ConditionNode>();
    n->kind = ConditionNode::Kind::not_;
    if (auto c = compile_node(*r.get("not"), r.path_of("not"), out, roots, book)) n->children.push_back(std::move(c));
  } else if (form == "event") {
    n = compile_event(r, out);
  } else if (form == "answer") {  // {"answer": QUESTION, "correct": true|false}
    n = std::make_unique<ConditionNode>();
    n->kind = ConditionNode::Kind::answer;
    n->answer_question = r.id("answer").value_or("");
    n->want_correct = r.boolean("correct", false).value_or(true);
    if (!book) {
      r.error("answer", "unknown_ref", {"@question", n->answer_question});
    } else if (!n->answer_question.empty()) {
      n->answer_exercise = book->exercise;
      auto q = book->questions.find(n->answer_question);
      if (q == book->questions.end()) {
        r.error("answer", "exercise_unknown_question", {n->answer_question, book->exercise});
      } else {
        n->expected = q->second;
        if (q->second)
          for (const auto& root : q->second->roots)
            if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
      }
    }
  } else {  // exists, count
    n = std::make_unique<ConditionNode>();
    n->kind = form == "exists" ? ConditionNode::Kind::exists : ConditionNode::Kind::count;
    const json* target = r.get(form);
    if (form == "count" && target && target->is_object()) {  // a count of events
      ObjectReader er(*target, r.path_of("count"), out);
      if (!er.has("event")) er.error("", "missing", {"event"});
      else n->children.push_back(compile_event(er, out));
      er.reject_unknown_keys();
    } else {
      const StateShape* elements = compile_state_path(*n, r, form, roots);
      if (const json* w = r.get("where"))
        n->where = compile_where(*w, r.path_of("where"), out, elements, r.get(form)->is_string() ? r.get(form)->get<std::string>() : "");
    }
    if (form == "count") {
      n->min = r.integer("min", 0, 1000000, false);
      n->max = r.integer("max", 0, 1000000, false);
      if (!r.has("min") && !r.has("max")) r.error("", "missing", {"min"});
    }
  }
  r.reject_unknown_keys();
  return n;
}

}  // namespace

Condition::Condition() = default;
Condition::~Condition() = default;
Condition::Condition(Condition&&) noexcept = default;
Condition& Condition::operator=(Condition&&) noexcept = default;
Condition::Condition(const Condition& other) : node_(other.node_ ? other.node_->clone() : nullptr), roots_(other.roots_) {}
Condition& Condition::operator=(const Condition& other) {
  if (this != &other) {
    node_ = other.node_ ? other.node_->clone() : nullptr;
    roots_ = other.roots_;
  }
  return *this;
}

bool Condition::evaluate(const ConditionContext& ctx) { return node_ && node_->evaluate(ctx); }

Condition compile_condition(const nlohmann::json& value, const std::string& path, Diagnostics& out,
                            const QuestionBook* questions) {
  Condition c;
  const size_t before = out.size();
  auto node = compile_node(value, path, out, c.roots_, questions);
  if (out.size() == before) c.node_ = std::move(node);
  return c;
}

std::shared_ptr<const ExpectedAnswer> compile_expected(const nlohmann::json& value, const std::string& path,
                                                       Diagnostics& out) {
  auto e = std::make_shared<ExpectedAnswer>();
  const size_t before = out.size();
  if (!value.is_object()) {  // a fixed value: a text, a number or a list of those
    e->fixed = value;
    const bool scalar = value.is_number() || (value.is_string() && !value.get<std::string>().empty());
    bool list = value.is_array() && !value.empty();
    for (size_t i = 0; list && i < value.size(); ++i) list = value[i].is_number() || value[i].is_string();
    if (!scalar && !list) add_error(out, path, "bad_answer");
    return out.size() == before ? e : nullptr;
  }
  ObjectReader r(value, path, out);
  std::vector<std::string> modes;
  for (const char* m : {"count", "sum", "values"})
    if (r.has(m)) modes.push_back(m);
  if (modes.size() != 1) {
    r.error("", "cond_form", {"count, sum, values"});
    return nullptr;
  }
  const std::string& mode = modes[0];
  e->mode = mode == "count" ? ExpectedAnswer::Mode::count : mode == "sum" ? ExpectedAnswer::Mode::sum : ExpectedAnswer::Mode::values;
  const StateShape* elements = compile_state_path(e->query, r, mode, e->roots);
  const std::string label = r.get(mode)->is_string() ? r.get(mode)->get<std::string>() : "";
  if (const json* w = r.get("where")) e->query.where = compile_where(*w, r.path_of("where"), out, elements, label);
  if (e->mode != ExpectedAnswer::Mode::count) {
    if (auto f = r.string("field")) {
      auto segs = split_path(*f);
      if (!segs) {
        r.error("field", "cond_bad_path", {*f});
      } else {
        e->field = *segs;
        check_path(elements, *segs, label, r.path_of("field"), out);
      }
    }
  }
  r.reject_unknown_keys();
  return out.size() == before ? e : nullptr;
}

const std::vector<std::string>& expected_roots(const ExpectedAnswer& e) { return e.roots; }

nlohmann::json expected_value(const ExpectedAnswer& e, const ConditionContext& ctx) {
  switch (e.mode) {
    case ExpectedAnswer::Mode::fixed:
      return e.fixed;
    case ExpectedAnswer::Mode::count: {
      std::int64_t n = 0;
      e.query.visit_matches(ctx, [&](const json&) { ++n; });
      return n;
    }
    case ExpectedAnswer::Mode::sum: {
      double total = 0;
      e.query.visit_matches(ctx, [&](const json& v) {
        resolve(v, e.field, 0, [&](const json& x) {
          if (auto n = as_number(x)) total += *n;
          return false;
        });
      });
      if (total == static_cast<double>(static_cast<std::int64_t>(total))) return static_cast<std::int64_t>(total);
      return total;
    }
    case ExpectedAnswer::Mode::values: {
      std::map<std::string, json> distinct;
      e.query.visit_matches(ctx, [&](const json& v) {
        resolve(v, e.field, 0, [&](const json& x) {
          if (auto t = scalar_text(x)) distinct.emplace(*t, x);
          return false;
        });
      });
      json out = json::array();
      for (auto& [k, v] : distinct) out.push_back(v);
      return out;
    }
  }
  return json();
}

namespace {

// The tokens of an answer: the elements of a list, or a text split at commas, semicolons and new lines.
std::vector<std::string> answer_tokens(const json& v) {
  std::vector<std::string> out;
  auto add_text = [&](const std::string& t) {
    std::string cur;
    auto flush = [&] {
      const auto b = cur.find_first_not_of(" \t\r");
      const auto e = cur.find_last_not_of(" \t\r");
      if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
      cur.clear();
    };
    for (char c : t) {
      if (c == ',' || c == ';' || c == '\n') flush();
      else cur += c;
    }
    flush();
  };
  auto add = [&](const json& x) {
    if (x.is_string()) add_text(x.get<std::string>());
    else if (auto t = scalar_text(x)) out.push_back(*t);
  };
  if (v.is_array()) {
    for (const auto& x : v) add(x);
  } else {
    add(v);
  }
  return out;
}

bool token_matches(const std::string& given, const std::string& expected, const World& w) {
  auto a = as_number(json(given)), b = as_number(json(expected));
  if (a && b) return *a == *b;
  const std::string g = text::fold(given);
  if (g == text::fold(expected)) return true;
  // An id of the world may be answered by the name it stands for.
  std::string name;
  if (const Organisation* o = w.find_organisation(expected)) name = o->name;
  else if (const User* u = w.find_user(expected)) name = u->name;
  else if (const Service* s = w.find_service(expected)) name = s->name;
  else if (const Location* l = w.find_location(expected)) name = l->name;
  return !name.empty() && g == text::fold(name);
}

}  // namespace

bool answer_matches(const nlohmann::json& given, const nlohmann::json& expected, const World& w) {
  const auto g = answer_tokens(given), e = answer_tokens(expected);
  if (g.empty()) return false;
  if (e.empty()) {  // nothing expected (e.g. no structure is missing): "aucune", "none", "0"
    static const std::vector<std::string> none = {"aucune", "aucun", "none", "0", "-"};
    return g.size() == 1 && std::find(none.begin(), none.end(), text::fold(g[0])) != none.end();
  }
  auto covered = [&](const std::vector<std::string>& from, const std::vector<std::string>& to, bool given_first) {
    for (const auto& x : from) {
      bool found = false;
      for (const auto& y : to) found = found || (given_first ? token_matches(x, y, w) : token_matches(y, x, w));
      if (!found) return false;
    }
    return true;
  };
  return covered(g, e, true) && covered(e, g, false);
}

const std::vector<std::string>& state_roots() {
  static const std::vector<std::string> roots = [] {
    std::vector<std::string> r;
    const json whole = canonical_state(State{});
    for (auto it = whole.begin(); it != whole.end(); ++it)
      if (it.value().is_object() || it.value().is_array()) r.push_back(it.key());
    // Sections written only once used (monthly reporting, answers), and the computed dashboard.
    for (const char* extra : {"reporting", "answers", "dashboard"})
      if (std::find(r.begin(), r.end(), extra) == r.end()) r.push_back(extra);
    return r;
  }();
  return roots;
}

}  // namespace kalan
