// The monthly case-management data form (scenarios/reporting/mensuel.json), built into the core and
// parsed once by the shared forms engine; validating a report is one call.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form.h"

namespace kalan {

struct World;

namespace reporting {

inline constexpr const char* kMonthlyFormId = "mensuel";

// The parsed monthly form (the built-in file is checked by the tests; it always parses).
const forms::Form& monthly_form();

// Validates a report: the form's own rules (required, constraints, relevance, types), then that the
// structure, region and cercle exist in the world and fit together. Issues are in form order. With
// Output::texts the answers come in ReportValues' order (the server keeps them so).
forms::Validation validate_monthly(const nlohmann::json& values, const World& world, const forms::EvalContext& ctx,
                                   forms::Output output = forms::Output::json);

// The count fields of the form in order (every integer field but month and year): the indicators.
const std::vector<std::string>& indicators();
// A field's key in Kobo exports: its groups, then its name ("identification/structure").
std::string kobo_key(const std::string& field);
// Every field holding a value, in form order.
const std::vector<std::string>& value_fields();

}  // namespace reporting
}  // namespace kalan
