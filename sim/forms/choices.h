// The choices a select field offers for the answers given so far: its list, narrowed by its
// choice_filter (a cascading select: the cercles of the region chosen above).
#pragma once
#include <vector>

#include "forms/form.h"
#include "forms/xpath.h"

namespace kalan::forms {

// `answers` resolves ${field}; in the filter, a bare name is the current choice's attribute (`region`)
// and `name` the choice's own name. yes_no and consent fields offer "oui" and "non".
std::vector<const Choice*> offered_choices(const Form& form, const Field& field, const Resolver& answers,
                                           const EvalContext& ctx);

}  // namespace kalan::forms
