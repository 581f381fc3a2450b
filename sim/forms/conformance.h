// Runs a conformance table of context-free XPath cases ({"meta": {...}, "cases": [{"expr", "expect":
// {"string"|"number"|"error"}}]}) and counts what passes, as the shared tables expect.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "forms/xpath.h"

namespace kalan::forms {

struct CaseFailure {
  std::size_t index = 0;
  std::string expr, expected, got;
};

struct TableResult {
  std::size_t passed = 0, failed = 0;
  std::vector<CaseFailure> failures;
};

// The UTC offset a table asks for: "UTC-07:00" in meta.about, else 0.
int table_utc_offset(const nlohmann::json& table);
// Runs every case (none skipped: what the engine cannot do counts as failed). Shape errors are
// reported with their JSON path and the case counts as failed.
TableResult run_table(const nlohmann::json& table, const EvalContext& ctx, Diagnostics& errors);

}  // namespace kalan::forms
