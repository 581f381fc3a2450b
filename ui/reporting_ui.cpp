#include "reporting_ui.h"

#include "case_ui.h"
#include "i18n.h"
#include "reporting/monthly.h"

namespace kalan::ui {

std::string field_label(const std::string& field) {
  const forms::Field* f = reporting::monthly_form().find(field);
  return f ? f->label.in(language()) : field;
}

std::string month_name(int month) { return tr(("month." + std::to_string(month)).c_str()); }

std::string zone_name(const State& s, const std::string& id) {
  if (s.world.find_organisation(id)) return org_name(s, id);
  return place_name(s, id);
}

std::string short_name(const State& s, const std::string& id) {
  constexpr std::size_t kMax = 32;
  std::string name = zone_name(s, id);
  if (name.size() <= kMax) return name;
  name.resize(kMax);
  while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();  // whole characters
  if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
  return name + "…";
}

std::string validation_label(const std::string& status) {
  return tr_value("validation.", status.empty() ? "none" : status);
}

}  // namespace kalan::ui
