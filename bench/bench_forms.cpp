// Forms benchmark: evaluations per second of a pre-parsed constraint, and microseconds per full
// validation of a 40-field form with a repeat (budgets: >= 1,000,000/s and <= 50 us natively).
// Times are processor time (std::clock), not wall time.
#include <ctime>
#include <cstdio>
#include <string>

#include "forms/form.h"
#include "forms/xpath.h"

using namespace kalan;
using namespace kalan::forms;
using nlohmann::json;

namespace {

// Processor time of this process: the figures stay meaningful on a machine shared with builds.
double now_s() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct BenchResolver : Resolver {
  std::string me, total;
  Value field(const std::string&) const override { return Value::string_of(total); }
  Value self() const override { return Value::string_of(me); }
};

// 32 top-level fields (groups, selects, dates, constraints, relevance, calculates) and a repeat of 8.
json bench_form() {
  json fields = json::array();
  auto add = [&](json f) { fields.push_back(std::move(f)); };
  add({{"name", "consent"}, {"type", "consent"}, {"label", "Consentement"}, {"required", true}});
  add({{"name", "region"}, {"type", "select_one"}, {"choices", "regions"}, {"label", "Région"}, {"required", true}});
  add({{"name", "cercle"}, {"type", "select_one"}, {"choices", "cercles"}, {"label", "Cercle"},
       {"choice_filter", "region = ${region}"}});
  add({{"name", "total"}, {"type", "integer"}, {"label", "Total"}, {"default", "100"}});
  add({{"name", "date_visite"}, {"type", "date"}, {"label", "Date"}, {"constraint", ". <= today()"}});
  json group = {{"name", "details"}, {"type", "group"}, {"label", "Détails"}, {"relevant", "${consent} = 'oui'"}};
  json inner = json::array();
  for (int i = 0; i < 20; ++i) {
    const std::string n = "q" + std::to_string(i);
    if (i % 4 == 0)
      inner.push_back({{"name", n}, {"type", "integer"}, {"label", n}, {"constraint", ". >= 0 and . <= ${total}"}, {"required", true}});
    else if (i % 4 == 1)
      inner.push_back({{"name", n}, {"type", "text"}, {"label", n}, {"relevant", "${q" + std::to_string(i - 1) + "} > 10"}});
    else if (i % 4 == 2)
      inner.push_back({{"name", n}, {"type", "select_multiple"}, {"choices", "risques"}, {"label", n}, {"constraint", "count-selected(.) <= 2"}});
    else
      inner.push_back({{"name", n}, {"type", "decimal"}, {"label", n}, {"constraint", "regex(., '^[0-9.]+$')"}});
  }
  group["fields"] = inner;
  add(group);
  json rep = {{"name", "services"}, {"type", "repeat"}, {"label", "Services"}};
  rep["fields"] = json::array({
      json{{"name", "prestataire"}, {"type", "text"}, {"label", "Prestataire"}, {"required", true}},
      json{{"name", "statut"}, {"type", "select_one"}, {"choices", "statuts"}, {"label", "Statut"}},
      json{{"name", "cout"}, {"type", "decimal"}, {"label", "Coût"}, {"constraint", ". >= 0 and . <= ${plafond}"}},
      json{{"name", "plafond"}, {"type", "calculate"}, {"calculation", "${total} * 10"}},
      json{{"name", "date_service"}, {"type", "date"}, {"label", "Date"}, {"constraint", ". >= ${date_visite}"}},
      json{{"name", "note_service"}, {"type", "text"}, {"label", "Note"}, {"relevant", "${statut} = 'fait'"}},
      json{{"name", "rang"}, {"type", "calculate"}, {"calculation", "position(..)"}},
      json{{"name", "suivi"}, {"type", "yes_no"}, {"label", "Suivi"}}});
  add(rep);
  add({{"name", "cout_total"}, {"type", "calculate"}, {"calculation", "sum(${cout})"}});
  add({{"name", "nb_services"}, {"type", "calculate"}, {"calculation", "count(${services})"}});
  add({{"name", "resume"}, {"type", "calculate"}, {"calculation", "concat(${nb_services}, ' / ', ${cout_total})"}});
  add({{"name", "fin"}, {"type", "note"}, {"label", "Merci"}});
  json choices = {
      {"regions", json::array({json{{"name", "mopti"}, {"label", "Mopti"}}, json{{"name", "segou"}, {"label", "Ségou"}}})},
      {"cercles", json::array({json{{"name", "djenne"}, {"label", "Djenné"}, {"region", "mopti"}},
                               json{{"name", "niono"}, {"label", "Niono"}, {"region", "segou"}}})},
      {"risques", json::array({json{{"name", "a"}, {"label", "A"}}, json{{"name", "b"}, {"label", "B"}},
                               json{{"name", "c"}, {"label", "C"}}})},
      {"statuts", json::array({json{{"name", "prevu"}, {"label", "Prévu"}}, json{{"name", "fait"}, {"label", "Fait"}}})}};
  return {{"id", "bench"}, {"title", "Bench"}, {"fields", fields}, {"choices", choices}};
}

json bench_entry() {
  json e = {{"consent", "oui"}, {"region", "mopti"}, {"cercle", "djenne"}, {"date_visite", "2024-02-01"}};
  for (int i = 0; i < 20; ++i) {
    const std::string n = "q" + std::to_string(i);
    e[n] = i % 4 == 0 ? "42" : i % 4 == 1 ? "texte" : i % 4 == 2 ? "a c" : "3.5";
  }
  json services = json::array();
  for (int k = 0; k < 3; ++k)
    services.push_back({{"prestataire", "ONG " + std::to_string(k)}, {"statut", k ? "fait" : "prevu"}, {"cout", "250"},
                        {"date_service", "2024-02-10"}, {"note_service", "ok"}, {"suivi", "oui"}});
  e["services"] = services;
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  const long evals = argc > 1 ? std::stol(argv[1]) : 2000000;
  const long validations = argc > 2 ? std::stol(argv[2]) : 20000;

  XPathError err;
  auto expr = parse_xpath(". >= 0 and . <= ${total}", err);
  if (!expr) return 1;
  BenchResolver r;
  r.total = "100";
  EvalContext ctx;
  long accepted = 0;
  double t0 = now_s();
  for (long i = 0; i < evals; ++i) {
    r.me = std::to_string(i % 150);
    accepted += evaluate_boolean(*expr, r, ctx) ? 1 : 0;
  }
  double dt = now_s() - t0;
  std::printf("constraint_evals_per_s %.0f (budget >= 1000000)\n", static_cast<double>(evals) / dt);
  std::printf("constraint_accepted %ld of %ld\n", accepted, evals);

  Diagnostics errors;
  auto form = parse_form(bench_form(), "", errors);
  if (!form) {
    for (const auto& d : errors) std::fprintf(stderr, "%s\n", render(d).c_str());
    return 1;
  }
  const json entry = bench_entry();
  ctx.now = *parse_iso_time("2024-03-01T10:00:00Z");
  std::size_t issues = 0;
  t0 = now_s();
  for (long i = 0; i < validations; ++i) issues += validate(*form, entry, ctx).issues.size();
  dt = now_s() - t0;
  std::printf("form_fields %zu (repeat of 8, 3 entries)\n", form->fields.size());
  std::printf("validation_us %.2f (budget <= 50)\n", dt * 1e6 / static_cast<double>(validations));
  std::printf("validation_issues %zu\n", issues / static_cast<std::size_t>(validations));
  return 0;
}
