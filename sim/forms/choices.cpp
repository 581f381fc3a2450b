#include "forms/choices.h"

namespace kalan::forms {

namespace {

// The answers, with the current choice's attributes as bare names.
class ChoiceScope : public Resolver {
 public:
  ChoiceScope(const Resolver& answers, const Choice& c) : answers_(answers), c_(c) {}
  Value field(const std::string& name) const override { return answers_.field(name); }
  Value reference(const Expr& e, int i) const override { return answers_.reference(e, i); }
  Value self() const override { return answers_.self(); }
  int position() const override { return answers_.position(); }
  std::string choice_label(const std::string& field, const std::string& value) const override {
    return answers_.choice_label(field, value);
  }
  Value child(const std::string& name) const override { return choice_attribute(c_, name); }

 private:
  const Resolver& answers_;
  const Choice& c_;
};

const std::vector<Choice>& default_choices(bool yes_no) {
  static const std::vector<Choice> oui_non = {{"oui", {"Oui", "Yes"}, {}}, {"non", {"Non", "No"}, {}}};
  static const std::vector<Choice> none;
  return yes_no ? oui_non : none;
}

}  // namespace

Value choice_attribute(const Choice& c, const std::string& name) {
  if (name == "name") return Value::string_of(c.name);
  auto it = c.attributes.find(name);
  return it == c.attributes.end() ? Value::nodes_of({}) : Value::string_of(it->second);
}

std::vector<const Choice*> offered_choices(const Form& form, const Field& field, const Resolver& answers,
                                           const EvalContext& ctx) {
  const bool yes_no = field.type == FieldType::yes_no || field.type == FieldType::consent;
  auto list = form.choices.find(yes_no ? "yes_no" : field.choices);
  // Pointers into the form (or the static defaults): they outlive the call.
  const std::vector<Choice>& all = list != form.choices.end() ? list->second : default_choices(yes_no);
  std::vector<const Choice*> out;
  for (const auto& c : all)
    if (!field.choice_filter || evaluate_boolean(*field.choice_filter, ChoiceScope(answers, c), ctx)) out.push_back(&c);
  return out;
}

}  // namespace kalan::forms
