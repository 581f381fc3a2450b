#include "cases/cases.h"

#include <cstdio>

#include "core/apply.h"
#include "world/world.h"

namespace kalan {

std::optional<ReportCase> ReportCase::parse(ObjectReader& r) {
  ReportCase c;
  const size_t before = r.diagnostics().size();
  c.child_name = r.string("child_name").value_or("");
  c.age = static_cast<int>(r.integer("age", 0, 17, false).value_or(-1));
  c.sex = r.one_of("sex", {"f", "m"}, "@sex").value_or("");
  c.location = r.id("location").value_or("");
  c.organisation = r.id("organisation", false).value_or("");
  c.summary = r.string("summary", false, true).value_or("");
  if (r.diagnostics().size() != before) return std::nullopt;
  return c;
}

void ReportCase::write(nlohmann::json& j) const {
  j["child_name"] = child_name;
  if (age >= 0) j["age"] = age;
  j["sex"] = sex;
  j["location"] = location;
  if (!organisation.empty()) j["organisation"] = organisation;
  if (!summary.empty()) j["summary"] = summary;
}

void ReportCase::check_refs(const World& w, const std::string& path, Diagnostics& out) const {
  if (!w.find_location(location)) add_error(out, path + "/location", "unknown_ref", {"@location", location});
  if (!organisation.empty() && !w.find_organisation(organisation))
    add_error(out, path + "/organisation", "unknown_ref", {"@organisation", organisation});
}

ApplyResult apply_command(State& s, const Actor& a, const ReportCase& c) {
  if (!a.may({"case_worker", "supervisor"})) return forbidden(a, ReportCase::kType);
  if (!s.world.find_location(c.location)) return ApplyResult::refuse("unknown_ref", {"@location", c.location});
  // A worker registers the case for their own structure; the system must say which one.
  std::string org = c.organisation;
  if (org.empty() && a.user) org = a.user->organisation;
  if (org.empty()) return ApplyResult::refuse("missing", {"organisation"});
  if (!s.world.find_organisation(org)) return ApplyResult::refuse("unknown_ref", {"@organisation", org});
  CaseRecord rec;
  rec.identified_at = s.clock.now;
  rec.child_name = c.child_name;
  rec.age = c.age;
  rec.sex = c.sex;
  rec.location = c.location;
  rec.organisation = org;
  rec.reported_by = a.id;
  rec.summary = c.summary;
  const CaseRecord& filed = file_case(s.cases, std::move(rec));
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "case.identified",
         [&] { return nlohmann::json{{"id", filed.id}, {"organisation", org}, {"child_name", c.child_name}}; });
  return r;
}

const CaseRecord& file_case(CasesState& cases, CaseRecord record) {
  char id[24];
  std::snprintf(id, sizeof id, "CAS-%04lld", static_cast<long long>(cases.next_number));
  record.id = id;
  ++cases.next_number;
  cases.records.push_back(std::move(record));
  return cases.records.back();
}

nlohmann::json cases_to_json(const CasesState& c) {
  nlohmann::json records = nlohmann::json::array();
  for (const auto& r : c.records) {
    nlohmann::json j = {{"id", r.id},         {"identified_at", format_iso_time(r.identified_at)},
                        {"status", r.status}, {"child_name", r.child_name},
                        {"sex", r.sex},       {"location", r.location},
                        {"organisation", r.organisation}, {"reported_by", r.reported_by},
                        {"summary", r.summary}};
    if (r.age >= 0) j["age"] = r.age;
    records.push_back(std::move(j));
  }
  return {{"records", std::move(records)}, {"next_number", c.next_number}};
}

}  // namespace kalan
