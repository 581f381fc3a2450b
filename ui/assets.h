// Files embedded in the apps at build time: the UI font and the built-in scenarios.
#pragma once
#include "core/asset.h"

namespace kalan {

// Every embedded file; the list ends with an entry whose name is nullptr.
const Asset* assets();
// The embedded file with this base name, or nullptr.
const Asset* find_asset(const char* name);

}  // namespace kalan
