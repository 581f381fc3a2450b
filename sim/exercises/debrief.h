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
// One trainee's part of a run: every task (each marked `mine` when their command completed it), their
// mistakes, the hints they asked for, their actions; `score` and `achieved` are theirs.
nlohmann::json trainee_debrief_json(const ExerciseRun& run, const ExerciseRun* reference, const std::string& actor,
                                    Lang lang = Lang::fr);
// Every run of a room, with the average and best scores.
nlohmann::json room_debrief_json(const std::vector<const ExerciseRun*>& runs, const ExerciseRun* reference,
                                 Lang lang = Lang::fr);
// The same when the runs are of different exercises: `references[i]` (may be null) is run i's.
nlohmann::json room_debrief_json(const std::vector<const ExerciseRun*>& runs,
                                 const std::vector<const ExerciseRun*>& references, Lang lang = Lang::fr);
// A debrief (of one run or of a room) as an HTML page with inline CSS.
std::string debrief_html(const nlohmann::json& debrief, Lang lang = Lang::fr);

}  // namespace kalan
