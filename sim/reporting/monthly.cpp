#include "reporting/monthly.h"

#include <cstring>
#include <stdexcept>

#include "core/diag.h"
#include "reporting/builtin_reporting.h"
#include "reporting/reporting.h"
#include "world/world.h"

namespace kalan::reporting {

namespace {

using nlohmann::json;

forms::Text message(const char* code, const std::vector<std::string>& args) {
  return {render_message(code, args, Lang::fr), render_message(code, args, Lang::en)};
}

}  // namespace

const forms::Form& monthly_form() {
  static const forms::Form form = [] {
    const Asset* a = find_reporting_asset("mensuel.json");
    if (!a) throw std::logic_error("mensuel.json is not built in");
    const json j = json::parse(reinterpret_cast<const char*>(a->data), reinterpret_cast<const char*>(a->data) + a->size);
    Diagnostics errors;
    auto f = forms::parse_form(j, "/mensuel.json", errors);
    if (!f) throw std::logic_error("mensuel.json: " + (errors.empty() ? std::string("?") : render(errors[0])));
    return *f;
  }();
  return form;
}

const std::vector<std::string>& value_fields() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& f : monthly_form().fields)
      if (f.holds_value()) out.push_back(f.name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& indicators() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& f : monthly_form().fields)
      if (f.type == forms::FieldType::integer && f.name != "month" && f.name != "year") out.push_back(f.name);
    return out;
  }();
  return names;
}

std::string kobo_key(const std::string& field) {
  const forms::Form& form = monthly_form();
  const forms::Field* f = form.find(field);
  if (!f) return field;
  std::string key = f->name;
  for (int p = f->parent; p >= 0; p = form.fields[static_cast<std::size_t>(p)].parent)
    key = form.fields[static_cast<std::size_t>(p)].name + "/" + key;
  return key;
}

forms::Validation validate_monthly(const json& values, const World& world, const forms::EvalContext& ctx,
                                   forms::Output output) {
  forms::Validation v = forms::validate(monthly_form(), values, ctx, output);
  const auto text = [&](const char* name) {
    if (output == forms::Output::texts) return v.texts[static_cast<std::size_t>(ReportValues::slot_of(name))];
    auto it = v.values.find(name);
    return it != v.values.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto has_issue = [&](const char* name) {
    for (const auto& i : v.issues)
      if (i.field == name) return true;
    return false;
  };
  const std::string structure = text("structure"), region = text("region"), cercle = text("cercle");
  if (!structure.empty() && !has_issue("structure") && !world.find_organisation(structure))
    v.issues.push_back({"structure", "constraint", message("report_unknown_structure", {structure})});
  const Location* r = world.find_location(region);
  if (!region.empty() && (!r || r->level != LocationLevel::region))
    v.issues.push_back({"region", "constraint", message("report_not_region", {region})});
  const Location* c = world.find_location(cercle);
  if (!cercle.empty() && (!c || c->level != LocationLevel::cercle))
    v.issues.push_back({"cercle", "constraint", message("report_not_cercle", {cercle})});
  else if (c && r && r->level == LocationLevel::region && c->parent != r->id)
    v.issues.push_back({"cercle", "constraint", message("report_cercle_region", {cercle, region})});
  return v;
}

}  // namespace kalan::reporting
