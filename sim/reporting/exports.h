// Exports of the monthly reports: KoboToolbox API v2 JSON, CSV for Excel (UTF-8 with BOM, RFC 4180,
// CRLF), and the aggregated tables as CSV; and readers that parse the exports back.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "reporting/aggregate.h"
#include "reporting/expected.h"
#include "reporting/psea.h"

namespace kalan::reporting {

// One RFC 4180 record: fields quoted when they hold a comma, a quote, CR or LF; ends with CRLF.
std::string csv_record(const std::vector<std::string>& fields);
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// {count, next, previous, results}: one result per submission (current version), keys prefixed by
// their groups ("identification/structure"), plus _id, _uuid, _submission_time, _submitted_by,
// _validation_status and meta/instanceID (meta/deprecatedID for edits). Empty answers are omitted.
nlohmann::json kobo_json(const ReportingState& r);
// The same submissions as CSV for Excel: BOM, header of Kobo keys, one line per submission.
std::string submissions_csv(const ReportingState& r);
// Aggregated table: zone columns for the level, year, month, reports, then one column per indicator.
std::string aggregate_csv(const std::vector<AggregateRow>& rows, Level level);
// Completeness grid: structure, one column per month ("2024-01"...), then the number received.
std::string completeness_csv(const std::vector<CompletenessRow>& rows, int year, int from_month);
// Discrepancies: structure, year, month, _id, field, declared, expected (one line per field).
std::string consistency_csv(const std::vector<ConsistencyReport>& reports);
// PSEA indicators per quarter, age group and sex.
std::string psea_csv(const std::vector<PseaRow>& rows);

// A submission read back from an export: its metadata and its values by field name.
struct ExportedSubmission {
  std::int64_t id = 0;
  std::string uuid, submitted_by, submission_time, validation;
  nlohmann::json values = nlohmann::json::object();
};
// Reads a Kobo JSON export; errors name the JSON path.
std::optional<std::vector<ExportedSubmission>> parse_kobo_json(const nlohmann::json& j, Diagnostics& errors);
// Reads a submissions CSV export; errors name the line and column.
std::optional<std::vector<ExportedSubmission>> parse_submissions_csv(const std::string& text, Diagnostics& errors);

}  // namespace kalan::reporting
