// Debriefs: what a trainee (or a pair, or a whole room) did in an exercise, as JSON and as a
// printable, self-contained HTML page. Writing files is left to the caller (native/).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "exercises/run.h"

namespace kalan {

// Tasks, mistakes with their explanations, hints, the timeline of actions and, with `reference`,
// the comparison with the reference solution (tasks, number of commands, time taken).
nlohmann::json debrief_json(const ExerciseRun& run, const ExerciseRun* reference, Lang lang = Lang::fr);
// Every run of a room, with the average and best scores.
nlohmann::json room_debrief_json(const std::vector<const ExerciseRun*>& runs, const ExerciseRun* reference,
                                 Lang lang = Lang::fr);
// A debrief (of one run or of a room) as an HTML page with inline CSS.
std::string debrief_html(const nlohmann::json& debrief, Lang lang = Lang::fr);

}  // namespace kalan
