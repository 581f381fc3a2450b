// The monitoring dashboard of monthly reporting as one JSON document, computed from the state (not part
// of the state nor of its hash): aggregated tables, the completeness grid with the reminders sent, and
// the consistency of each report with the case records. Exercise conditions read it as the
// "dashboard" section (docs/exercises.md); a screen may show it as is.
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

namespace kalan {

struct State;

namespace reporting {

// The years the dashboard covers: the year before the clock's, and every year a report names.
std::vector<int> dashboard_years(const State& s);

// {"years": [...],
//  "by_region" / "by_cercle" / "by_structure": [{region, cercle?, structure?, year, month, reports, <indicator>: n...}],
//  "completeness": [{structure, year, month, status: recu|manquant|non_approuve, reminders: n, reminded: bool}],
//  "consistency": [{structure, year, month, submitted, submission, submitted_at, submitted_by, version,
//                   referral_counted_as_new, discrepancies: [{field, declared, expected}]}]}
// Months that have not ended yet are left out of the completeness grid.
nlohmann::json dashboard_json(const State& s);

}  // namespace reporting
}  // namespace kalan
