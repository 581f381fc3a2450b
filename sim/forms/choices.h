// The choices a select field offers for the answers given so far: its list, narrowed by its
// choice_filter (a cascading select: the cercles of the region chosen above).
#pragma once
#include <vector>

#include "forms/form.h"
#include "forms/xpath.h"

namespace kalan::forms {

// `answers` resolves ${field}; in the filter, a bare name is the current choice's attribute (`region`)
// and `name` the choice's own name. yes_no and consent fields offer "oui" and "non".
// A bare name in a choice_filter: `name` is the choice's own name, any other name its attribute
// (an empty node-set when it has none).
Value choice_attribute(const Choice& c, const std::string& name);

std::vector<const Choice*> offered_choices(const Form& form, const Field& field, const Resolver& answers,
                                           const EvalContext& ctx);

}  // namespace kalan::forms
