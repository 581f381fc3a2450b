// `kalan forms ...`: evaluate ODK XPath expressions and conformance tables, check and validate
// forms, import XLSForms.
#include <ostream>

#include "cli.h"
#include "core/reader.h"
#include "forms/conformance.h"
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

int forms_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  forms::EvalContext ctx;
  std::optional<int> offset;
  std::optional<std::string> expr, table;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--utc-offset" && has_value) {
      offset = parse_utc_offset(args[++i]);
      if (!offset) {
        err << "kalan forms eval : décalage horaire invalide « " << args[i] << " » (attendu : ±HH:MM)\n";
        return 2;
      }
    } else if (args[i] == "--now" && has_value) {
      auto t = parse_iso_time(args[++i]);
      if (!t) {
        err << "kalan forms eval : " << render_message("bad_time", {args[i]}) << "\n";
        return 2;
      }
      ctx.now = *t;
    } else if (args[i] == "--table" && has_value && !table) {
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

}  // namespace

int run_forms_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const std::string sub = args.empty() ? "" : args[0];
  const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
  if (sub == "eval") return forms_eval(rest, out, err);
  err << "usage : kalan forms eval|check|validate|import ...\n";
  return 2;
}

}  // namespace kalan
