// XLSForm import: CSV sheets (survey, choices, settings) or a KoboToolbox asset's "content" JSON,
// converted to the Kalan form format. Errors name the sheet, row and column where the input is
// wrong: "survey.csv:12:type: ..." for CSV (12 is the line in the file), "survey[11].type: ..." for JSON.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"

namespace kalan::forms {

// RFC 4180 CSV (UTF-8, optional BOM, CRLF or LF, "" inside quotes). Each record keeps the line it
// starts on. An unclosed quote is reported at `sheet`:line.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> cells;
};
std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& sheet, Diagnostics& errors);

// Sheets given as CSV texts; `settings` may be empty. `fallback_id` names the form when the
// settings give no form_id. Returns the form JSON, or nullopt with the errors.
std::optional<nlohmann::json> import_xlsform_csv(const std::string& survey, const std::string& choices,
                                                 const std::string& settings, const std::string& fallback_id,
                                                 Diagnostics& errors);
// A Kobo asset ({"content": {...}}) or its content ({"survey": [...], "choices": [...], ...}).
std::optional<nlohmann::json> import_kobo_content(const nlohmann::json& asset, const std::string& fallback_id,
                                                  Diagnostics& errors);

}  // namespace kalan::forms
