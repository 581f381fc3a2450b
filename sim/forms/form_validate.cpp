// Validating an entry: read the values into instances (one per repeat entry), apply defaults,
// compute calculations in dependency order, clear what is not relevant (then recompute), and check
// types, choices, required answers and constraints.
#include <cmath>
#include <stdexcept>

#include "core/reader.h"
#include "forms/choices.h"
#include "forms/form.h"
#include "forms/xpath_operators.h"

namespace kalan::forms {

namespace {

// The values of one scope: the form itself or one entry of a repeat. Indexed by field position.
struct Instance {
  std::vector<std::string> values;
  std::vector<char> relevant;
  explicit Instance(std::size_t n) : values(n), relevant(n, 1) {}
  // Empty again for a form of n fields, keeping the buffers.
  void reset(std::size_t n) {
    values.assign(n, std::string());
    relevant.assign(n, 1);
    repeats_.clear();
  }
  // The entries of repeat field i (made on first use: forms without repeats never allocate them).
  std::vector<Instance>& entries(std::size_t i) {
    if (repeats_.empty()) repeats_.resize(values.size());
    return repeats_[i];
  }
  const std::vector<Instance>& entries(std::size_t i) const {
    static const std::vector<Instance> none;
    return repeats_.empty() ? none : repeats_[i];
  }

 private:
  std::vector<std::vector<Instance>> repeats_;
};

// The root instance of validations on this thread, reused for its buffers: validating thousands of
// entries (monthly reports) allocates no instance each time.
Instance& reusable_root(std::size_t n) {
  thread_local Instance root(0);
  root.reset(n);
  return root;
}

// One level of repeat the evaluation is inside.
struct Frame {
  int repeat;
  Instance* inst;
  int position;  // 1-based
};

class Validator;

class InstanceResolver : public Resolver, public TextSource {
 public:
  InstanceResolver(const Validator& v, Instance& root, const std::vector<Frame>& chain, int self)
      : v_(v), root_(root), chain_(chain), self_(self) {}
  Value field(const std::string& name) const override;
  Value reference(const Expr& e, int i) const override;
  Value self() const override;
  int position() const override { return chain_.empty() ? 0 : chain_.back().position; }
  std::string choice_label(const std::string& field, const std::string& value) const override;
  // TextSource, for operators-only expressions whose references are all outside repeats.
  const std::string* reference_text(const Expr& e, int i) const override;
  std::string_view self_text() const override {
    if (self_ < 0) return {};
    const Instance& inst = chain_.empty() ? root_ : *chain_.back().inst;
    return inst.values[static_cast<std::size_t>(self_)];
  }
  // The boolean() of a relevance, requirement or constraint of the field.
  bool holds(const Expr& e, const EvalContext& ctx) const;

 protected:
  Value value_of(int field) const;
  const Validator& v_;
  Instance& root_;
  const std::vector<Frame>& chain_;
  int self_;
};

// In a choice_filter, bare names are the current choice's attributes.
class ChoiceResolver : public InstanceResolver {
 public:
  ChoiceResolver(const InstanceResolver& base, const Choice& c) : InstanceResolver(base), c_(c) {}
  Value child(const std::string& name) const override { return choice_attribute(c_, name); }

 private:
  const Choice& c_;
};

void collect(const Instance& inst, const std::vector<int>& repeats, std::size_t depth, int field,
             std::vector<std::string>& out) {
  if (depth == repeats.size()) {
    out.push_back(inst.values[static_cast<std::size_t>(field)]);
    return;
  }
  for (const auto& child : inst.entries(static_cast<std::size_t>(repeats[depth]))) collect(child, repeats, depth + 1, field, out);
}

bool is_integer(const std::string& s) {
  std::size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool is_time(const std::string& s) {
  double ms;
  bool has_time;
  return s.size() >= 5 && parse_date_string("1970-01-01T" + s, 0, ms, has_time);
}

Text message(const char* code, const std::vector<std::string>& args = {}) {
  return Text{render_message(code, args, Lang::fr), render_message(code, args, Lang::en)};
}

class Validator {
 public:
  Validator(const Form& f, const EvalContext& ctx) : form_(f), ctx_(ctx) {}

  Validation run(const json& values, Output output) {
    if (output == Output::texts && form_.has_repeats) throw std::logic_error("form " + form_.id + ": texts output with repeats");
    Validation out;
    Instance& root = reusable_root(form_.fields.size());
    read(values, root, form_.top, "", -1, out.issues);
    calculate(root);
    std::vector<Frame> chain;
    walk(root, form_.top, chain, "", true, false, out.issues);
    // Clearing non-relevant answers may change calculations and relevance: settle them again.
    if (cleared_) {
      calculate(root);
      walk(root, form_.top, chain, "", true, false, out.issues);
    }
    walk(root, form_.top, chain, "", true, true, out.issues);
    if (output == Output::json) out.values = write(root, form_.entry_fields);
    else out.texts = texts(root);
    return out;
  }

  const Form& form() const { return form_; }
  const std::vector<int>& chain_of(int field) const { return form_.fields[static_cast<std::size_t>(field)].repeats; }

 private:
  // The value fields and repeats of a scope, looking through groups.
  template <typename F>
  void each_in_scope(const std::vector<int>& fields, F&& fn) const {
    for (int i : fields) {
      const Field& f = form_.fields[static_cast<std::size_t>(i)];
      if (f.type == FieldType::group) each_in_scope(f.children, fn);
      else fn(i, f);
    }
  }

  void read(const json& values, Instance& inst, const std::vector<int>& scope, const std::string& prefix, int owner,
            std::vector<Issue>& issues) {
    if (!values.is_object()) {
      issues.push_back({prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1), "type", message("form_type_entry")});
      return;
    }
    // The keys and the fields an entry may hold are both in name order: one merge finds them.
    const std::vector<int>& fields = owner < 0 ? form_.entry_fields : form_.fields[static_cast<std::size_t>(owner)].entry_fields;
    std::size_t next = 0;
    for (const auto& [key, value] : values.get_ref<const json::object_t&>()) {
      int order = 1;  // the next field's name against the key
      while (next < fields.size() && (order = form_.fields[static_cast<std::size_t>(fields[next])].name.compare(key)) < 0) ++next;
      if (next == fields.size() || order != 0) {
        issues.push_back({prefix + key, "unknown_field", message("form_unknown_field", {key})});
        continue;
      }
      const int field = fields[next];
      const auto i = static_cast<std::size_t>(field);
      const Field* f = &form_.fields[i];
      if (f->type == FieldType::repeat) {
        if (!value.is_array()) {
          issues.push_back({prefix + key, "type", message("form_type_repeat")});
          continue;
        }
        for (std::size_t k = 0; k < value.size(); ++k) {
          inst.entries(i).emplace_back(form_.fields.size());
          read(value[k], inst.entries(i).back(), f->children, prefix + key + "/" + std::to_string(k) + "/", field, issues);
        }
      } else if (value.is_string()) {
        inst.values[i] = value.get_ref<const std::string&>();
      } else if (value.is_number()) {
        inst.values[i] = value.dump();
      } else if (!value.is_null()) {
        issues.push_back({prefix + key, "type", message("form_type_text", {json_type_name(value)})});
      }
      inst.relevant[i] = 2;  // answered (reset to relevance by the walk)
    }
    each_in_scope(scope, [&](int i, const Field& f) {
      const auto u = static_cast<std::size_t>(i);
      if (!f.default_value.empty() && inst.relevant[u] != 2) inst.values[u] = f.default_value;
    });
  }

  // Calls fn(instance, chain) for every instance holding field `i`.
  template <typename F>
  void each_instance(Instance& inst, const std::vector<int>& repeats, std::size_t depth, std::vector<Frame>& chain, F&& fn) {
    if (depth == repeats.size()) {
      fn(inst, chain);
      return;
    }
    auto& list = inst.entries(static_cast<std::size_t>(repeats[depth]));
    for (std::size_t k = 0; k < list.size(); ++k) {
      chain.push_back({repeats[depth], &list[k], static_cast<int>(k) + 1});
      each_instance(list[k], repeats, depth + 1, chain, fn);
      chain.pop_back();
    }
  }

  void calculate(Instance& root) {
    std::vector<Frame> chain;
    for (int i : form_.calculation_order) {
      const Field& f = form_.fields[static_cast<std::size_t>(i)];
      each_instance(root, f.repeats, 0, chain, [&](Instance& inst, std::vector<Frame>& ch) {
        auto& value = inst.values[static_cast<std::size_t>(i)];
        if (!inst.relevant[static_cast<std::size_t>(i)]) value.clear();
        else value = evaluate_string(*f.calculation, InstanceResolver(*this, root, ch, i), ctx_);
      });
    }
  }

  // Relevance in document order (clearing what is not relevant); with `check`, also the checks.
  void walk(Instance& inst, const std::vector<int>& fields, std::vector<Frame>& chain, const std::string& prefix,
            bool parent_relevant, bool check, std::vector<Issue>& issues) {
    Instance& root = chain.empty() ? inst : *root_;
    if (chain.empty()) root_ = &inst;
    for (int i : fields) {
      const auto u = static_cast<std::size_t>(i);
      const Field& f = form_.fields[u];
      const InstanceResolver res(*this, root, chain, i);
      const bool rel = check ? parent_relevant && inst.relevant[u]
                             : parent_relevant && (!f.relevant || res.holds(*f.relevant, ctx_));
      inst.relevant[u] = rel;
      if (f.type == FieldType::group) {
        walk(inst, f.children, chain, prefix, rel, check, issues);
        continue;
      }
      if (f.type == FieldType::repeat) {
        auto& list = inst.entries(u);
        if (!rel && !list.empty()) {
          list.clear();
          cleared_ = true;
        }
        for (std::size_t k = 0; k < list.size(); ++k) {
          chain.push_back({i, &list[k], static_cast<int>(k) + 1});
          walk(list[k], f.children, chain, prefix + f.name + "/" + std::to_string(k) + "/", rel, check, issues);
          chain.pop_back();
        }
        continue;
      }
      if (!rel && !inst.values[u].empty()) {
        inst.values[u].clear();
        cleared_ = true;
      }
      if (check && rel && f.holds_value() && f.type != FieldType::calculate) check_field(f, inst.values[u], res, prefix, issues);
    }
  }

  void check_field(const Field& f, const std::string& v, const InstanceResolver& res, const std::string& prefix,
                   std::vector<Issue>& issues) {
    const auto issue = [&](const char* code, Text text) { issues.push_back({prefix + f.name, code, std::move(text)}); };
    if (v.empty()) {
      if (f.required && (!f.required_if || res.holds(*f.required_if, ctx_)))
        issue("required", f.required_message.fr.empty() ? message("form_required") : f.required_message);
      return;
    }
    if (const char* type_error = type_problem(f, v)) {
      issue("type", message(type_error, {v}));
      return;
    }
    if (auto bad = choice_problem(f, v, res)) {
      issue("choice", message("form_unknown_choice", {*bad}));
      return;
    }
    if (f.constraint && !res.holds(*f.constraint, ctx_))
      issue("constraint", f.constraint_message.fr.empty() ? message("form_constraint") : f.constraint_message);
  }

  static const char* type_problem(const Field& f, const std::string& v) {
    double ms;
    bool has_time;
    switch (f.type) {
      case FieldType::integer: return is_integer(v) ? nullptr : "form_type_integer";
      case FieldType::decimal: return std::isnan(parse_xpath_number(v)) || v.find_first_of(" \t\r\n") != std::string::npos ? "form_type_decimal" : nullptr;
      case FieldType::date: return v.size() == 10 && parse_date_string(v, 0, ms, has_time) ? nullptr : "form_type_date";
      case FieldType::datetime: return v.size() > 10 && parse_date_string(v, 0, ms, has_time) ? nullptr : "form_type_datetime";
      case FieldType::time: return is_time(v) ? nullptr : "form_type_time";
      default: return nullptr;
    }
  }

  // The first answer that is not among the field's (filtered) choices.
  std::optional<std::string> choice_problem(const Field& f, const std::string& v, const InstanceResolver& res) const {
    if (f.choices.empty()) return std::nullopt;
    auto list = form_.choices.find(f.choices);
    if (list == form_.choices.end()) return std::nullopt;
    std::vector<std::string> answers;
    if (f.type == FieldType::select_multiple) {
      std::size_t i = 0;
      while (i < v.size()) {
        while (i < v.size() && v[i] == ' ') ++i;
        const std::size_t from = i;
        while (i < v.size() && v[i] != ' ') ++i;
        if (i > from) answers.push_back(v.substr(from, i - from));
      }
    } else {
      answers.push_back(v);
    }
    for (const auto& a : answers) {
      bool found = false;
      for (const auto& c : list->second) {
        if (c.name != a) continue;
        found = !f.choice_filter || evaluate_boolean(*f.choice_filter, ChoiceResolver(res, c), ctx_);
        break;
      }
      if (!found) return a;
    }
    return std::nullopt;
  }

  // Moves the values out: the instances are not used afterwards. The fields come in name order, so
  // each key goes at the end of the object.
  json write(Instance& inst, const std::vector<int>& entry_fields) const {
    json out = json::object();
    auto& object = out.get_ref<json::object_t&>();
    for (int i : entry_fields) {
      const auto u = static_cast<std::size_t>(i);
      const Field& f = form_.fields[u];
      if (f.type != FieldType::repeat) {
        object.emplace_hint(object.end(), f.name, std::move(inst.values[u]));
        continue;
      }
      json list = json::array();
      for (auto& child : inst.entries(u)) list.push_back(write(child, f.entry_fields));
      object.emplace_hint(object.end(), f.name, std::move(list));
    }
    return out;
  }

  // The top-level values in Form::entry_fields order, moved out as write does.
  std::vector<std::string> texts(Instance& root) const {
    std::vector<std::string> out;
    out.reserve(form_.entry_fields.size());
    for (int i : form_.entry_fields) out.push_back(std::move(root.values[static_cast<std::size_t>(i)]));
    return out;
  }

  const Form& form_;
  const EvalContext& ctx_;
  Instance* root_ = nullptr;
  bool cleared_ = false;  // a non-relevant answer was cleared
};

}  // namespace

Value InstanceResolver::reference(const Expr& e, int i) const {
  const auto u = static_cast<std::size_t>(i);
  if (u < e.slots().size() && e.slots()[u] >= 0) return value_of(e.slots()[u]);
  return field(e.references()[u]);
}

Value InstanceResolver::field(const std::string& name) const {
  auto it = v_.form().index.find(name);
  return it == v_.form().index.end() ? Value::string_of("") : value_of(it->second);
}

Value InstanceResolver::value_of(int idx) const {
  const Form& form = v_.form();
  // A repeat itself is the node-set of its entries (count(${services})).
  std::vector<int> own;
  const bool is_repeat = form.fields[static_cast<std::size_t>(idx)].type == FieldType::repeat;
  if (is_repeat) {
    own = v_.chain_of(idx);
    own.push_back(idx);
  }
  const auto& repeats = is_repeat ? own : v_.chain_of(idx);
  // The deepest instance of the chain that encloses the field: a sibling is the same entry.
  std::size_t depth = 0;
  const Instance* inst = &root_;
  while (depth < repeats.size() && depth < chain_.size() && chain_[depth].repeat == repeats[depth]) inst = chain_[depth++].inst;
  if (depth == repeats.size()) return Value::string_of(inst->values[static_cast<std::size_t>(idx)]);
  std::vector<std::string> nodes;
  collect(*inst, repeats, depth, idx, nodes);
  return Value::nodes_of(std::move(nodes));
}

// A field outside repeats is a plain value of the root instance; others are left to value_of.
const std::string* InstanceResolver::reference_text(const Expr& e, int i) const {
  const auto u = static_cast<std::size_t>(i);
  if (u >= e.slots().size() || e.slots()[u] < 0) return nullptr;
  const auto slot = static_cast<std::size_t>(e.slots()[u]);
  const Field& f = v_.form().fields[slot];
  if (f.type == FieldType::repeat || !f.repeats.empty()) return nullptr;
  return &root_.values[slot];
}

bool InstanceResolver::holds(const Expr& e, const EvalContext& ctx) const {
  if (auto fast = evaluate_operators(e, *this, ctx)) return *fast;
  return evaluate_boolean(e, *this, ctx);
}

Value InstanceResolver::self() const {
  if (self_ < 0) return Value::string_of("");
  const Instance& inst = chain_.empty() ? root_ : *chain_.back().inst;
  return Value::string_of(inst.values[static_cast<std::size_t>(self_)]);
}

std::string InstanceResolver::choice_label(const std::string& field, const std::string& value) const {
  const Field* f = v_.form().find(field);
  if (!f) return "";
  auto list = v_.form().choices.find(f->choices);
  if (list == v_.form().choices.end()) return "";
  for (const auto& c : list->second)
    if (c.name == value) return c.label.fr;
  return "";
}

Validation validate(const Form& form, const json& values, const EvalContext& ctx, Output output) {
  return Validator(form, ctx).run(values, output);
}

json issues_to_json(const std::vector<Issue>& issues) {
  json out = json::array();
  for (const auto& i : issues)
    out.push_back({{"field", i.field}, {"code", i.code}, {"message", {{"fr", i.message.fr}, {"en", i.message.en}}}});
  return out;
}

}  // namespace kalan::forms
