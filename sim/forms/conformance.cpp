// The conformance runner: a string expectation compares string(), a number one compares number()
// with a relative tolerance of 1e-9, an error one wants parsing or evaluation to fail.
#include "forms/conformance.h"

#include <cmath>

#include "core/reader.h"

namespace kalan::forms {

int table_utc_offset(const nlohmann::json& table) {
  if (!table.is_object() || !table.contains("meta") || !table["meta"].is_object()) return 0;
  const auto& about = table["meta"].value("about", nlohmann::json());
  if (!about.is_string()) return 0;
  const std::string s = about.get<std::string>();
  const std::size_t at = s.find("UTC");
  if (at == std::string::npos || at + 9 > s.size()) return 0;
  const std::string o = s.substr(at + 3, 6);
  if ((o[0] != '+' && o[0] != '-') || o[3] != ':') return 0;
  for (int i : {1, 2, 4, 5})
    if (o[static_cast<std::size_t>(i)] < '0' || o[static_cast<std::size_t>(i)] > '9') return 0;
  const int minutes = ((o[1] - '0') * 10 + (o[2] - '0')) * 60 + (o[4] - '0') * 10 + (o[5] - '0');
  return o[0] == '-' ? -minutes : minutes;
}

namespace {

bool close_enough(double got, double want) {
  if (std::isnan(want)) return std::isnan(got);
  if (got == want) return true;
  return std::fabs(got - want) <= 1e-9 * std::max(std::fabs(got), std::fabs(want));
}

}  // namespace

TableResult run_table(const nlohmann::json& table, const EvalContext& ctx, Diagnostics& errors) {
  TableResult result;
  ObjectReader top(table, "", errors);
  const nlohmann::json* cases = top.array("cases");
  if (!cases) return result;
  for (std::size_t i = 0; i < cases->size(); ++i) {
    ObjectReader c((*cases)[i], path_join("/cases", i), errors);
    const auto expr = c.string("expr", true, true);
    const nlohmann::json* expect = c.object("expect");
    CaseFailure f{i, expr.value_or(""), "", ""};
    if (!expr || !expect) {
      ++result.failed;
      result.failures.push_back(f);
      continue;
    }
    XPathError err;
    std::optional<Value> v;
    if (auto e = parse_xpath(*expr, err)) v = evaluate(*e, Resolver(), ctx, err);
    bool ok = true;
    if (expect->value("error", false)) {
      ok = !v;
      f.expected = "error";
      f.got = v ? to_string(*v, ctx.utc_offset_minutes) : "";
    } else if (!v) {
      ok = false;
      f.expected = expect->dump();
      f.got = "error: " + render_error(err);
    } else {
      f.expected = expect->dump();
      f.got = to_string(*v, ctx.utc_offset_minutes);
      if (expect->contains("string") && (*expect)["string"].is_string())
        ok = f.got == (*expect)["string"].get<std::string>();
      if (expect->contains("number") && (*expect)["number"].is_number())
        ok = ok && close_enough(to_number(*v, ctx.utc_offset_minutes), (*expect)["number"].get<double>());
    }
    if (ok) ++result.passed;
    else {
      ++result.failed;
      result.failures.push_back(std::move(f));
    }
  }
  return result;
}

}  // namespace kalan::forms
