// A Kalan form as an ODK XForm 1.0 document (the XML KoboCollect and ODK Collect download): the
// instance, one bind per field (type, required, relevant, constraint, calculate, messages), the body
// (input, select1, select, upload, group, repeat) and the labels in itext, French by default and
// English when the form has it. The root element is `data` with the form id, as pyxform writes it.
#pragma once
#include <string>

#include "forms/form.h"

namespace kalan::forms {

// The XForm of a parsed form. Deterministic: the same form gives the same bytes.
std::string to_xform(const Form& form);

// An expression of the form with each ${name} replaced by the field's XForm path: absolute
// ("/data/group/name"), or relative ("../name") when both fields are in the same repeat entry.
// `from` is the field the expression belongs to (-1: the form itself).
std::string xform_expression(const Form& form, const std::string& expr, int from);


}  // namespace kalan::forms
