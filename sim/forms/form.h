// Form definitions (docs/forms-format.md): XLSForm semantics in nested JSON, parsed once with every
// expression pre-parsed and checked, then used to validate entries many times.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "forms/xpath.h"

namespace kalan::forms {

struct Text {
  std::string fr, en;
  const std::string& in(Lang lang) const { return lang == Lang::en && !en.empty() ? en : fr; }
};

enum class FieldType : std::uint8_t {
  text, integer, decimal, date, datetime, time, select_one, select_multiple, yes_no, note, calculate,
  group, repeat, attachment, signature, consent
};
const char* type_name(FieldType t);

struct Choice {
  std::string name;
  Text label;
  std::map<std::string, std::string> attributes;  // extra keys, for choice_filter ("region": "mopti")
};

struct Field {
  std::string name;
  FieldType type = FieldType::text;
  Text label, hint;
  std::string choices;  // key of Form::choices (select_one, select_multiple; "yes_no" for yes_no/consent)
  std::optional<Expr> choice_filter, required_if, constraint, relevant, calculation;
  bool required = false;  // required: true (required_if holds an expression form)
  Text required_message, constraint_message;
  std::string default_value;
  bool read_only = false;
  std::string appearance;
  // Structure: indices into Form::fields.
  int parent = -1;             // enclosing group or repeat
  int repeat = -1;             // innermost enclosing repeat
  std::vector<int> children;   // group / repeat members, in order
  std::string path;            // JSON path of the definition, for messages
  // Derived by parse_form: the enclosing repeats, outermost first; for a repeat, the fields an entry
  // holds (as Form::entry_fields).
  std::vector<int> repeats;
  std::vector<int> entry_fields;

  bool holds_value() const { return type != FieldType::group && type != FieldType::repeat && type != FieldType::note; }
};

struct Form {
  std::string id;
  int version = 1;
  Text title, description;
  bool repeatable = false;
  std::vector<Field> fields;          // every field in document order (nested ones after their parent)
  std::vector<int> top;               // top-level fields
  std::map<std::string, std::vector<Choice>> choices;
  std::unordered_map<std::string, int> index;  // field name -> position in `fields`
  std::vector<int> calculation_order;          // fields with a calculation, dependencies first
  // Derived by parse_form: the fields an entry holds at the top (value fields and repeats, through
  // groups, notes left out), sorted by name as the keys of a JSON object.
  std::vector<int> entry_fields;
  bool has_repeats = false;                    // derived: some field is a repeat

  const Field* find(const std::string& name) const {
    auto it = index.find(name);
    return it == index.end() ? nullptr : &fields[static_cast<std::size_t>(it->second)];
  }
};

// Parses one form object; every problem is added to `errors` with its JSON path under `path`
// ("/forms/3/fields/2/constraint: ..."). Returns nullopt when anything is wrong.
std::optional<Form> parse_form(const nlohmann::json& j, const std::string& path, Diagnostics& errors);

// One problem of an entry. `field` is a path such as "age" or "services/2/provider" (0-based index).
struct Issue {
  std::string field;
  std::string code;  // required | constraint | type | choice | unknown_field
  Text message;
};

// How validate hands back the normalized entry.
enum class Output : std::uint8_t {
  json,   // Validation::values, a JSON object as the entry came in
  texts,  // Validation::texts, one text per Form::entry_fields (forms without repeats only): no JSON
          // tree is built, for callers that keep thousands of entries (monthly reports)
};

struct Validation {
  std::vector<Issue> issues;
  // Normalized: defaults applied, calculates computed, non-relevant cleared ("").
  nlohmann::json values;           // with Output::json
  std::vector<std::string> texts;  // with Output::texts
  bool ok() const { return issues.empty(); }
};

// Validates an entry ({field: "string", repeat: [{...}, ...]}) against a form, at the sim time and
// UTC offset of `ctx`. Output::texts on a form with repeats is a programming error (logic_error).
Validation validate(const Form& form, const nlohmann::json& values, const EvalContext& ctx, Output output = Output::json);

nlohmann::json issues_to_json(const std::vector<Issue>& issues);

}  // namespace kalan::forms
