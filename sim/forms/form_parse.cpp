// Reading a form definition: fields (nested groups and repeats flattened in document order), choice
// lists, every expression pre-parsed with its ${references} checked, and the order of calculations.
#include <algorithm>

#include "core/reader.h"
#include "forms/form.h"

namespace kalan::forms {

namespace {

const std::vector<std::pair<const char*, FieldType>> kTypes = {
    {"text", FieldType::text},         {"integer", FieldType::integer},
    {"decimal", FieldType::decimal},   {"date", FieldType::date},
    {"datetime", FieldType::datetime}, {"time", FieldType::time},
    {"select_one", FieldType::select_one}, {"select_multiple", FieldType::select_multiple},
    {"yes_no", FieldType::yes_no},     {"note", FieldType::note},
    {"calculate", FieldType::calculate}, {"group", FieldType::group},
    {"repeat", FieldType::repeat},     {"attachment", FieldType::attachment},
    {"signature", FieldType::signature}, {"consent", FieldType::consent}};

bool valid_field_name(const std::string& n) {
  if (n.empty() || n.size() > 64 || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
  return std::all_of(n.begin(), n.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// A label: {"fr": "...", "en": "..."} (French required), or a plain string taken as French.
std::optional<Text> read_text(ObjectReader& r, const std::string& key, bool required) {
  const json* v = required ? r.required(key) : r.get(key);
  if (!v) return std::nullopt;
  if (v->is_string()) return Text{v->get<std::string>(), ""};
  ObjectReader t(*v, r.path_of(key), r.diagnostics());
  if (!t.is_object()) return std::nullopt;
  auto fr = t.string("fr", true, true);
  auto en = t.string("en", false, true);
  t.reject_unknown_keys();
  if (!fr) return std::nullopt;
  return Text{*fr, en.value_or("")};
}

class FormReader {
 public:
  FormReader(Form& f, Diagnostics& errors) : form_(f), errors_(errors) {}

  void fields(const json& list, const std::string& path, int parent, int repeat) {
    if (++depth_ > kMaxNesting) {
      add_error(errors_, path, "form_too_deep", {std::to_string(kMaxNesting)});
      --depth_;
      return;
    }
    fields_at_depth(list, path, parent, repeat);
    --depth_;
  }

  void fields_at_depth(const json& list, const std::string& path, int parent, int repeat) {
    if (!list.is_array()) {
      add_error(errors_, path, "type_array", {json_type_name(list)});
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) field(list[i], path_join(path, i), parent, repeat);
  }

  // Second pass, once every name is known: expressions and choice lists.
  void check_expressions() {
    for (std::size_t i = 0; i < form_.fields.size(); ++i) {
      Field& f = form_.fields[i];
      const json& def = *defs_[i];
      const auto expr = [&](const char* key, std::optional<Expr>& into) {
        if (!def.contains(key) || !def[key].is_string() || def[key].get<std::string>().empty()) return;
        into = parse(def[key].get<std::string>(), path_join(f.path, key));
      };
      expr("choice_filter", f.choice_filter);
      expr("constraint", f.constraint);
      expr("relevant", f.relevant);
      expr("calculation", f.calculation);
      expr("required", f.required_if);
      const bool select = f.type == FieldType::select_one || f.type == FieldType::select_multiple;
      if (select && !f.choices.empty() && !form_.choices.count(f.choices))
        add_error(errors_, path_join(f.path, "choices"), "unknown_ref", {"liste de choix", f.choices});
      if (f.type == FieldType::calculate && !def.contains("calculation"))
        add_error(errors_, path_join(f.path, "calculation"), "missing", {"calculation"});
    }
    order_calculations();
  }

 private:
  std::optional<Expr> parse(const std::string& text, const std::string& path) {
    XPathError err;
    auto e = parse_xpath(text, err);
    const auto report = [&](const XPathError& x) {
      add_error(errors_, path, "form_expression",
                {std::to_string(x.column), render_message(x.code, x.args, Lang::fr), render_message(x.code, x.args, Lang::en)});
    };
    if (!e) {
      report(err);
      return std::nullopt;
    }
    for (const auto& p : e->problems()) report(p);
    std::vector<int> slots;
    for (const auto& ref : e->references()) {
      auto it = form_.index.find(ref);
      if (it == form_.index.end()) add_error(errors_, path, "unknown_ref", {"champ", "${" + ref + "}"});
      slots.push_back(it == form_.index.end() ? -1 : it->second);
    }
    e->bind(std::move(slots));
    return e;
  }

  void field(const json& j, const std::string& path, int parent, int repeat) {
    ObjectReader r(j, path, errors_);
    if (!r.is_object()) return;
    Field f;
    f.path = path;
    f.parent = parent;
    f.repeat = repeat;
    auto name = r.string("name");
    if (name && !valid_field_name(*name)) r.error("name", "form_bad_name", {*name});
    else if (name && form_.index.count(*name))
      r.error("name", "duplicate_id", {*name, form_.fields[static_cast<std::size_t>(form_.index[*name])].path});
    if (name) f.name = *name;
    std::vector<std::string> type_names;
    for (const auto& t : kTypes) type_names.push_back(t.first);
    auto type = r.one_of("type", type_names, "type de champ");
    if (type)
      for (const auto& t : kTypes)
        if (*type == t.first) f.type = t.second;
    const bool is_calc = f.type == FieldType::calculate;
    if (auto t = read_text(r, "label", type && !is_calc)) f.label = *t;
    if (auto t = read_text(r, "hint", false)) f.hint = *t;
    if (auto t = read_text(r, "required_message", false)) f.required_message = *t;
    if (auto t = read_text(r, "constraint_message", false)) f.constraint_message = *t;
    const bool select = f.type == FieldType::select_one || f.type == FieldType::select_multiple;
    if (auto c = r.string("choices", select && type.has_value())) {
      if (!select && type) r.error("choices", "form_not_select", {*type});
      f.choices = *c;
    }
    if (f.type == FieldType::yes_no || f.type == FieldType::consent) f.choices = "yes_no";
    for (const char* key : {"choice_filter", "constraint", "relevant", "calculation"}) r.string(key, false);
    if (const json* req = r.get("required")) {
      if (req->is_boolean()) f.required = req->get<bool>();
      else if (req->is_string()) f.required = true;
      else r.error("required", "type_bool", {json_type_name(*req)});
    }
    if (auto d = r.string("default", false, true)) f.default_value = *d;
    if (auto b = r.boolean("read_only", false)) f.read_only = *b;
    if (auto a = r.string("appearance", false, true)) f.appearance = *a;
    const json* children = r.get("fields");
    const bool container = f.type == FieldType::group || f.type == FieldType::repeat;
    if (container && !children) r.error("fields", "missing", {"fields"});
    if (!container && children) r.error("fields", "form_not_container", {type.value_or("?")});
    r.reject_unknown_keys();

    const int me = static_cast<int>(form_.fields.size());
    if (!f.name.empty() && !form_.index.count(f.name)) form_.index[f.name] = me;
    form_.fields.push_back(std::move(f));
    defs_.push_back(&j);
    if (parent < 0) form_.top.push_back(me);
    else form_.fields[static_cast<std::size_t>(parent)].children.push_back(me);
    if (container && children)
      fields(*children, path_join(path, "fields"), me, form_.fields[static_cast<std::size_t>(me)].type == FieldType::repeat ? me : repeat);
  }

  // Depth-first topological order of calculations, with an explicit stack (long chains of calculations
  // must not exhaust the WebAssembly stack); a cycle is an error at the field met again.
  void order_calculations() {
    std::vector<int> state(form_.fields.size(), 0);  // 0 new, 1 in progress, 2 done
    for (std::size_t start = 0; start < form_.fields.size(); ++start) {
      if (!form_.fields[start].calculation || state[start]) continue;
      std::vector<std::pair<int, std::size_t>> stack{{static_cast<int>(start), 0}};  // field, next reference
      state[start] = 1;
      while (!stack.empty()) {
        auto& [i, next] = stack.back();
        const Field& f = form_.fields[static_cast<std::size_t>(i)];
        const auto& refs = f.calculation->slots();
        if (next == refs.size()) {
          state[static_cast<std::size_t>(i)] = 2;
          form_.calculation_order.push_back(i);
          stack.pop_back();
          continue;
        }
        const int dep = refs[next++];
        if (dep < 0 || !form_.fields[static_cast<std::size_t>(dep)].calculation) continue;
        if (state[static_cast<std::size_t>(dep)] == 1)
          add_error(errors_, path_join(f.path, "calculation"), "form_cycle", {f.name});
        if (state[static_cast<std::size_t>(dep)] == 0) {
          state[static_cast<std::size_t>(dep)] = 1;
          stack.push_back({dep, 0});
        }
      }
    }
  }

  static constexpr int kMaxNesting = 16;  // groups within groups: bounded recursion
  Form& form_;
  Diagnostics& errors_;
  std::vector<const json*> defs_;
  int depth_ = 0;
};

// The fields an entry of a scope holds (looking through groups, notes left out), sorted by name.
void add_entry_fields(const Form& form, const std::vector<int>& scope, std::vector<int>& out) {
  for (int i : scope) {
    const Field& f = form.fields[static_cast<std::size_t>(i)];
    if (f.type == FieldType::group) add_entry_fields(form, f.children, out);
    else if (f.type != FieldType::note) out.push_back(i);
  }
}

std::vector<int> entry_fields(const Form& form, const std::vector<int>& scope) {
  std::vector<int> out;
  add_entry_fields(form, scope, out);
  std::sort(out.begin(), out.end(), [&](int a, int b) {
    return form.fields[static_cast<std::size_t>(a)].name < form.fields[static_cast<std::size_t>(b)].name;
  });
  return out;
}

// What validation reads of the structure, derived once.
void derive_layout(Form& form) {
  form.entry_fields = entry_fields(form, form.top);
  for (Field& f : form.fields) {
    for (int r = f.repeat; r >= 0; r = form.fields[static_cast<std::size_t>(r)].repeat) f.repeats.insert(f.repeats.begin(), r);
    if (f.type == FieldType::repeat) f.entry_fields = entry_fields(form, f.children);
    if (f.type == FieldType::repeat) form.has_repeats = true;
  }
}

void read_choices(Form& form, ObjectReader& r) {
  const json* lists = r.object("choices", false);
  if (!lists) return;
  for (auto it = lists->begin(); it != lists->end(); ++it) {
    const std::string list_path = r.path_of("choices") + "/" + it.key();
    if (!it->is_array()) {
      add_error(r.diagnostics(), list_path, "type_array", {json_type_name(*it)});
      continue;
    }
    std::vector<Choice> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
      ObjectReader c((*it)[i], path_join(list_path, i), r.diagnostics());
      if (!c.is_object()) continue;
      Choice ch;
      auto name = c.string("name");
      auto label = read_text(c, "label", true);
      if (name) {
        for (const auto& prev : out)
          if (prev.name == *name) c.error("name", "duplicate_id", {*name, list_path});
        ch.name = *name;
      }
      if (label) ch.label = *label;
      for (auto a = (*it)[i].begin(); a != (*it)[i].end(); ++a)
        if (a.key() != "name" && a.key() != "label") {
          if (a->is_string()) ch.attributes[a.key()] = a->get<std::string>();
          else if (a->is_number() || a->is_boolean()) ch.attributes[a.key()] = a->dump();
          else add_error(r.diagnostics(), path_join(path_join(list_path, i), a.key()), "type_string", {json_type_name(*a)});
        }
      out.push_back(std::move(ch));
    }
    form.choices[it.key()] = std::move(out);
  }
}

}  // namespace

const char* type_name(FieldType t) {
  for (const auto& [name, type] : kTypes)
    if (type == t) return name;
  return "text";
}

std::optional<Form> parse_form(const json& j, const std::string& path, Diagnostics& errors) {
  const std::size_t before = errors.size();
  ObjectReader r(j, path, errors);
  if (!r.is_object()) return std::nullopt;
  Form form;
  if (auto id = r.id("id")) form.id = *id;
  if (auto v = r.integer("version", 1, 1000000, false)) form.version = static_cast<int>(*v);
  if (auto t = read_text(r, "title", true)) form.title = *t;
  if (auto t = read_text(r, "description", false)) form.description = *t;
  if (auto b = r.boolean("repeatable", false)) form.repeatable = *b;
  read_choices(form, r);
  if (!form.choices.count("yes_no"))
    form.choices["yes_no"] = {Choice{"oui", {"Oui", "Yes"}, {}}, Choice{"non", {"Non", "No"}, {}}};
  FormReader fr(form, errors);
  if (const json* fields = r.array("fields")) fr.fields(*fields, r.path_of("fields"), -1, -1);
  r.reject_unknown_keys();
  fr.check_expressions();
  if (errors.size() != before) return std::nullopt;
  derive_layout(form);
  return form;
}

}  // namespace kalan::forms
