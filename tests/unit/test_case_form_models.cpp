// The case workspace renders the built-in forms through the forms engine: every one must parse, and an
// empty consent form must be stopped with French messages at its required fields.
#include <doctest/doctest.h>

#include "cases/case_forms.h"
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
