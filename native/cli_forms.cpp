// `kalan forms ...`: evaluate ODK XPath expressions and conformance tables, check and validate
// forms, import XLSForms.
#include <filesystem>
#include <ostream>

#include "cli.h"
#include "core/reader.h"
#include "forms/conformance.h"
#include "forms/form.h"
#include "forms/xform.h"
#include "forms/xlsform.h"
#include "session/session.h"
#include "forms/xpath.h"

namespace kalan {

namespace {

using nlohmann::json;

const char* kEvalUsage = "usage : kalan forms eval [--utc-offset ±HH:MM] [--now AAAA-MM-JJTHH:MM:SSZ] EXPR\n"
                         "        kalan forms eval [--utc-offset ±HH:MM] --table FICHIER\n";

int forms_table(const std::string& file, std::optional<int> offset, const forms::EvalContext& base,
                std::ostream& out, std::ostream& err) {
  auto table = read_json_file(file, err);
  if (!table) return 1;
  forms::EvalContext ctx = base;
  ctx.utc_offset_minutes = offset ? *offset : forms::table_utc_offset(*table);
  Diagnostics errors;
  const forms::TableResult r = forms::run_table(*table, ctx, errors);
  for (const auto& d : errors) err << file << ":" << render(d) << "\n";
  for (const auto& f : r.failures)
    out << "FAIL #" << f.index << " " << f.expr << "  attendu " << f.expected << "  obtenu " << f.got << "\n";
  out << r.passed << " passed, " << r.failed << " failed\n";
  return 0;
}

// Reads --utc-offset ±HH:MM or --now ISO at args[i] (advancing i). Returns 0 when args[i] is neither,
// 1 when read, -1 (after printing why) when its value is wrong.
int clock_option(const std::vector<std::string>& args, std::size_t& i, forms::EvalContext& ctx,
                 std::optional<int>& offset, const char* cmd, std::ostream& err) {
  if (i + 1 >= args.size() || (args[i] != "--utc-offset" && args[i] != "--now")) return 0;
  const std::string& value = args[++i];
  if (args[i - 1] == "--utc-offset") {
    offset = parse_utc_offset(value);
    if (offset) return 1;
    err << "kalan forms " << cmd << " : décalage horaire invalide « " << value << " » (attendu : ±HH:MM)\n";
    return -1;
  }
  auto t = parse_iso_time(value);
  if (!t) {
    err << "kalan forms " << cmd << " : " << render_message("bad_time", {value}) << "\n";
    return -1;
  }
  ctx.now = *t;
  return 1;
}

int forms_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  forms::EvalContext ctx;
  std::optional<int> offset;
  std::optional<std::string> expr, table;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const int clock = clock_option(args, i, ctx, offset, "eval", err);
    if (clock < 0) return 2;
    if (clock > 0) continue;
    if (args[i] == "--table" && i + 1 < args.size() && !table) {
      table = args[++i];
    } else if (!expr && !table) {
      expr = args[i];
    } else {
      err << kEvalUsage;
      return 2;
    }
  }
  if (table) return forms_table(*table, offset, ctx, out, err);
  if (!expr) {
    err << kEvalUsage;
    return 2;
  }
  ctx.utc_offset_minutes = offset.value_or(0);
  forms::XPathError error;
  auto e = forms::parse_xpath(*expr, error);
  std::optional<forms::Value> v;
  if (e) v = forms::evaluate(*e, forms::Resolver(), ctx, error);
  if (!v) {
    err << "kalan forms eval : expression invalide, " << forms::render_error(error) << "\n  " << *expr << "\n  "
        << std::string(error.column > 0 ? error.column - 1 : 0, ' ') << "^\n";
    return 1;
  }
  out << forms::to_string(*v, ctx.utc_offset_minutes) << "\n";
  return 0;
}

// The forms of a file: one form object, or a scenario's "forms" array.
std::vector<forms::Form> load_forms(const json& j, const std::string& file, std::ostream& err, bool& ok) {
  Diagnostics errors;
  std::vector<forms::Form> out;
  if (j.is_object() && j.contains("forms") && !j.contains("fields")) {
    if (!j["forms"].is_array()) add_error(errors, "/forms", "type_array", {json_type_name(j["forms"])});
    else
      for (std::size_t i = 0; i < j["forms"].size(); ++i) {
        auto f = forms::parse_form(j["forms"][i], path_join("/forms", i), errors);
        if (!f) continue;
        for (const auto& prev : out)
          if (prev.id == f->id) add_error(errors, path_join(path_join("/forms", i), "id"), "duplicate_id", {f->id, "/forms"});
        out.push_back(std::move(*f));
      }
  } else if (auto f = forms::parse_form(j, "", errors)) {
    out.push_back(std::move(*f));
  }
  for (const auto& d : errors) err << file << ":" << render(d) << "\n";
  ok = errors.empty();
  return out;
}

int forms_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 1) {
    err << "usage : kalan forms check FICHIER.json\n";
    return 2;
  }
  auto j = read_json_file(args[0], err);
  if (!j) return 1;
  bool ok;
  const auto list = load_forms(*j, args[0], err, ok);
  if (!ok) return 1;
  std::size_t fields = 0;
  for (const auto& f : list) fields += f.fields.size();
  out << args[0] << ": ok (" << list.size() << " formulaire(s), " << fields << " champs)\n";
  return 0;
}

int forms_validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  forms::EvalContext ctx;
  std::vector<std::string> files;
  std::optional<int> offset;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const int clock = clock_option(args, i, ctx, offset, "validate", err);
    if (clock < 0) return 2;
    if (clock == 0) files.push_back(args[i]);
  }
  ctx.utc_offset_minutes = offset.value_or(0);
  if (files.size() != 2) {
    err << "usage : kalan forms validate [--now ISO] [--utc-offset ±HH:MM] FORMULAIRE.json VALEURS.json\n";
    return 2;
  }
  auto form_json = read_json_file(files[0], err);
  auto values = read_json_file(files[1], err);
  if (!form_json || !values) return 1;
  bool ok;
  const auto list = load_forms(*form_json, files[0], err, ok);
  if (!ok || list.size() != 1) {
    if (ok) err << files[0] << ": un seul formulaire attendu\n";
    return 1;
  }
  const forms::Validation v = forms::validate(list[0], *values, ctx);
  out << dump_json(json{{"issues", forms::issues_to_json(v.issues)}, {"values", v.values}}, 1) << "\n";
  return v.ok() ? 0 : 1;
}

// The XForm of one form (what KoboCollect downloads), on standard output.
int forms_xform(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 1) {
    err << "usage : kalan forms xform FORMULAIRE.json\n";
    return 2;
  }
  auto j = read_json_file(args[0], err);
  if (!j) return 1;
  bool ok;
  const auto list = load_forms(*j, args[0], err, ok);
  if (!ok || list.size() != 1) {
    if (ok) err << args[0] << ": un seul formulaire attendu (" << list.size() << " trouvé(s))\n";
    return 1;
  }
  out << forms::to_xform(list[0]);
  return 0;
}

int forms_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 1) {
    err << "usage : kalan forms import DOSSIER_CSV|CONTENU_KOBO.json\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path input(args[0]);
  std::error_code ec;
  Diagnostics errors;
  std::optional<json> form;
  if (fs::is_directory(input, ec)) {
    auto survey = read_file((input / "survey.csv").string());
    if (!survey) {
      err << args[0] << ": " << render_message("file_unreadable", {(input / "survey.csv").string()}) << "\n";
      return 1;
    }
    const auto choices = read_file((input / "choices.csv").string()).value_or("");
    const auto settings = read_file((input / "settings.csv").string()).value_or("");
    form = forms::import_xlsform_csv(*survey, choices, settings, fs::absolute(input).lexically_normal().filename().string(), errors);
  } else {
    auto j = read_json_file(args[0], err);
    if (!j) return 1;
    form = forms::import_kobo_content(*j, input.stem().string(), errors);
  }
  for (const auto& d : errors) err << args[0] << ": " << render(d) << "\n";
  if (!form) return 1;
  out << dump_json(*form, 1) << "\n";
  return 0;
}

}  // namespace

int run_forms_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const std::string sub = args.empty() ? "" : args[0];
  const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
  if (sub == "eval") return forms_eval(rest, out, err);
  if (sub == "check") return forms_check(rest, out, err);
  if (sub == "validate") return forms_validate(rest, out, err);
  if (sub == "import") return forms_import(rest, out, err);
  if (sub == "xform") return forms_xform(rest, out, err);
  err << "usage : kalan forms eval|check|validate|import|xform ...\n";
  return 2;
}

}  // namespace kalan
