// The monthly reporting form (scenarios/reporting/mensuel.json), embedded in the core at build time.
#pragma once
#include "core/asset.h"

namespace kalan {

const Asset* reporting_assets();
const Asset* find_reporting_asset(const char* name);

}  // namespace kalan
