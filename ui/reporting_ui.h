// Names shared by the monthly-reporting panels: the form's labels, months, zones and structures.
#pragma once
#include <string>

#include "app.h"

namespace kalan::ui {

// The monthly form's label of a field in the UI language, or the name itself.
std::string field_label(const std::string& field);
// "mars" / "Mar".
std::string month_name(int month);
// A structure's or a place's name, or the id itself.
std::string zone_name(const State& s, const std::string& id);
// zone_name() cut to a table column's width, with an ellipsis.
std::string short_name(const State& s, const std::string& id);
// "Approuvé", "Non approuvé", "En attente" or "Non validé" for a submission's validation status.
std::string validation_label(const std::string& status);

}  // namespace kalan::ui
