#include "cases/tracing.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "cases/access.h"
#include "cases/handlers.h"
#include "core/state.h"
#include "sms/text.h"

namespace kalan {

namespace {

// Share of the request's name words found in the case's name (order and accents ignored).
double name_similarity(const std::string& a, const std::string& b) {
  const auto wa = text::words(text::fold(a));
  const auto wb = text::words(text::fold(b));
  if (wa.empty() || wb.empty()) return 0;
  std::set<std::string> sb(wb.begin(), wb.end());
  size_t common = 0;
  for (const auto& w : wa) common += sb.count(w);
  return double(common) / double(std::max(wa.size(), wb.size()));
}

// Same commune: 1; same cercle: 0.5.
double place_similarity(const World& w, const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  const Location* la = w.find_location(a);
  const Location* lb = w.find_location(b);
  return la && lb && !la->parent.empty() && la->parent == lb->parent ? 0.5 : 0;
}

}  // namespace

double tracing_score(const World& w, const TracingRequest& t, const CaseRecord& c) {
  double score = 0.4 * name_similarity(t.child_name, c.child_name);
  if (t.age >= 0 && c.age >= 0) score += 0.2 * std::max(0.0, 1.0 - std::abs(t.age - c.age) / 3.0);
  if (!t.sex.empty() && t.sex == c.sex) score += 0.2;
  score += 0.2 * place_similarity(w, t.location, c.location);
  return score;
}

std::vector<TracingMatch> tracing_matches(const CasesState& cases, const World& w, const TracingRequest& t) {
  std::vector<TracingMatch> out;
  for (const auto& c : cases.records) {
    // Without a name in common, age, sex and place alone make no match.
    if (c.status == "closed" || name_similarity(t.child_name, c.child_name) == 0) continue;
    const double score = tracing_score(w, t, c);
    if (score >= 0.5) out.push_back({c.id, score});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.score > y.score; });
  return out;
}

namespace case_ops {

using nlohmann::json;

ApplyResult tracing_request(State& s, const Actor& a, const json& args) {
  if (a.user && !role_may_write(s, *a.user)) return forbidden(a, "tracing.request.create");
  TracingRequest t;
  t.id = s.cases.next_id("TR");
  t.inquirer_name = arg(args, "inquirer_name");
  t.relation = arg(args, "relation");
  t.child_name = arg(args, "child_name");
  t.age = static_cast<int>(args.value("age", std::int64_t(-1)));
  t.sex = arg(args, "sex");
  t.location = arg(args, "location");
  t.description = arg(args, "description");
  t.created_by = a.id;
  t.created_at = s.clock.now;
  s.cases.tracing.push_back(std::move(t));
  const TracingRequest& made = s.cases.tracing.back();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "tracing.request_created", [&] {
    json matches = json::array();
    for (const auto& m : tracing_matches(s.cases, s.world, made)) matches.push_back({{"case", m.case_id}, {"score", int(m.score * 100)}});
    return json{{"request", made.id}, {"child_name", made.child_name}, {"matches", matches}};
  });
  return r;
}

ApplyResult tracing_confirm(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  CaseRecord* c = editable_case(s, a, args, refusal);
  if (!c) return refusal;
  const std::string id = arg(args, "request");
  auto it = std::find_if(s.cases.tracing.begin(), s.cases.tracing.end(), [&](const auto& t) { return t.id == id; });
  if (it == s.cases.tracing.end()) return ApplyResult::refuse("unknown_ref", {"@tracing_request", id});
  if (!it->matched_case.empty()) return ApplyResult::refuse("tracing_matched", {id, it->matched_case});
  it->matched_case = c->id;
  it->status = "matched";
  audit(*c, s, a, "tracing.match.confirm", "tracing/" + id, json(), "matched");
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "tracing.match_confirmed", [&] { return json{{"request", id}, {"case", c->id}}; });
  return r;
}

}  // namespace case_ops

}  // namespace kalan
