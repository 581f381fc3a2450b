// Bar charts drawn with ImGui's draw list (no plotting library): stacked parts, a legend, the exact
// values in a tooltip on hover, a click to open what a bar sums.
#pragma once
#include <string>
#include <vector>

#include "app.h"

namespace kalan::ui {

// Draws `bars` as vertical stacked bars under a legend of `series_labels` (one per series), with
// `bar_labels` under the bars. Publishes anchors "<id>" and "<id>.<bar>". Returns the bar clicked, or -1.
int draw_stacked_bars(App& app, const char* id, const StackedBars& bars, const std::vector<std::string>& series_labels,
                      const std::vector<std::string>& bar_labels, float height);

}  // namespace kalan::ui
