// The case workspace renders the built-in forms through the forms engine: every one must parse, and an
// empty consent form must be stopped with French messages at its required fields.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "cases/case_forms.h"
#include "forms/choices.h"
#include "forms/form.h"

using namespace kalan;

TEST_CASE("built-in case forms parse with the forms engine") {
  REQUIRE(case_form_ids().size() >= 20);
  for (const auto& id : case_form_ids()) {
    Diagnostics errors;
    auto form = forms::parse_form(*case_form_definition(id), "/forms/" + id, errors);
    INFO(id, errors.empty() ? "" : render(errors.front()));
    CHECK(form.has_value());
  }
  Diagnostics errors;
  auto consent = forms::parse_form(*case_form_definition("1A"), "", errors);
  REQUIRE(consent);
  const forms::Validation v = forms::validate(*consent, nlohmann::json::object(), forms::EvalContext{});
  REQUIRE_FALSE(v.ok());
  bool french_required = false;
  for (const auto& i : v.issues)
    if (i.code == "required" && i.message.fr.find("obligatoire") != std::string::npos) french_required = true;
  CHECK(french_required);
}

namespace {

// Answers given so far, by field name.
using Map = std::map<std::string, std::string>;

class Answers : public forms::Resolver {
 public:
  Answers() = default;
  explicit Answers(std::map<std::string, std::string> a) : a_(std::move(a)) {}
  forms::Value field(const std::string& name) const override {
    auto it = a_.find(name);
    return forms::Value::string_of(it == a_.end() ? "" : it->second);
  }

 private:
  std::map<std::string, std::string> a_;
};

std::vector<std::string> names(const std::vector<const forms::Choice*>& list) {
  std::vector<std::string> out;
  for (const auto* c : list) out.push_back(c->name);
  return out;
}

}  // namespace

TEST_CASE("a cascading select offers the cercles of the region chosen (choice_filter)") {
  Diagnostics errors;
  auto form = forms::parse_form(*case_form_definition("1B"), "", errors);
  REQUIRE(form);
  const forms::Field* cercle = nullptr;
  const forms::Field* region = nullptr;
  for (const auto& f : form->fields) {
    if (f.name == "cercle") cercle = &f;
    if (f.name == "region") region = &f;
  }
  REQUIRE(cercle);
  REQUIRE(region);
  const forms::EvalContext ctx;
  const auto mopti = names(forms::offered_choices(*form, *cercle, Answers(Map{{"region", "mopti"}}), ctx));
  CHECK(mopti.size() == 8);
  CHECK(std::find(mopti.begin(), mopti.end(), "bandiagara") != mopti.end());
  CHECK(std::find(mopti.begin(), mopti.end(), "gao") == mopti.end());
  CHECK(names(forms::offered_choices(*form, *cercle, Answers(Map{{"region", "bamako"}}), ctx)).front() == "commune_i");
  // No region yet: no cercle to offer. A field without a filter offers its whole list.
  CHECK(forms::offered_choices(*form, *cercle, Answers(), ctx).empty());
  CHECK(forms::offered_choices(*form, *region, Answers(), ctx).size() == form->choices.at(region->choices).size());
  // The form refuses a cercle of another region, as the screen never offers it.
  const auto v = forms::validate(*form, {{"region", "mopti"}, {"cercle", "gao"}}, ctx);
  bool refused = false;
  for (const auto& i : v.issues) refused |= i.field == "cercle";
  CHECK(refused);
  // Yes/no questions offer oui and non.
  for (const auto& f : form->fields)
    if (f.type == forms::FieldType::yes_no) CHECK(names(forms::offered_choices(*form, f, Answers(), ctx)) == std::vector<std::string>{"oui", "non"});
}
