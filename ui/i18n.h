// User-interface texts: one table per language, French first.
#pragma once
#include <string>
#include <vector>

#include "core/diag.h"

namespace kalan::ui {

// The language the interface speaks now.
Lang language();
void set_language(Lang lang);

// The text for a key in the current language; the key itself if it is missing.
const char* tr(const char* key);
// tr() with {0}, {1}, ... replaced by `args`.
std::string trf(const char* key, const std::vector<std::string>& args);

}  // namespace kalan::ui
