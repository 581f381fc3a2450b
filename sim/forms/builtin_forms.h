// The harmonized case-management forms (scenarios/forms/*.json), embedded in the core at build time.
#pragma once
#include "core/asset.h"

namespace kalan {

// Every built-in form file ("1A.json", ...); the list ends with an entry whose name is nullptr.
const Asset* builtin_forms();
// The built-in form file with this base name, or nullptr.
const Asset* find_builtin_form(const char* name);

}  // namespace kalan
