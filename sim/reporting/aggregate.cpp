#include "reporting/aggregate.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "reporting/monthly.h"
#include "world/world.h"

namespace kalan::reporting {

namespace {

struct Key {
  std::string structure;
  std::int64_t year, month;
  bool operator<(const Key& o) const { return std::tie(structure, year, month) < std::tie(o.structure, o.year, o.month); }
};

Key key_of(const Submission& s) { return {s.value("structure"), s.count("year"), s.count("month")}; }

bool newer(const Submission& a, const Submission* than) {
  return !than || std::tie(a.submitted_at, a.id) > std::tie(than->submitted_at, than->id);
}

// The latest report per structure and month; `with_rejected` keeps those marked not approved.
std::map<Key, const Submission*> latest(const ReportingState& r, bool with_rejected) {
  std::map<Key, const Submission*> out;
  for (const Submission& s : r.submissions) {
    if (!with_rejected && s.validation == "not_approved") continue;
    const Submission*& slot = out[key_of(s)];
    if (newer(s, slot)) slot = &s;
  }
  return out;
}

}  // namespace

const Submission* latest_report(const ReportingState& r, const std::string& structure, int year, int month) {
  const Key want{structure, year, month};
  const Submission* out = nullptr;
  for (const Submission& s : r.submissions) {
    const Key k = key_of(s);
    if (!(k < want) && !(want < k) && newer(s, out)) out = &s;
  }
  return out;
}

std::vector<const Submission*> effective_submissions(const ReportingState& r) {
  std::vector<const Submission*> out;
  for (const auto& [key, s] : latest(r, false)) out.push_back(s);
  return out;
}

std::vector<AggregateRow> aggregate(const ReportingState& r, Level level) {
  const auto& names = indicators();
  std::map<std::tuple<std::string, std::string, std::string, std::int64_t, std::int64_t>, AggregateRow> rows;
  for (const Submission* s : effective_submissions(r)) {
    AggregateRow key;
    key.region = s->value("region");
    if (level != Level::region) key.cercle = s->value("cercle");
    if (level == Level::structure) key.structure = s->value("structure");
    key.year = static_cast<int>(s->count("year"));
    key.month = static_cast<int>(s->count("month"));
    AggregateRow& row = rows[{key.region, key.cercle, key.structure, key.year, key.month}];
    if (row.values.empty()) {
      row = key;
      row.values.assign(names.size(), 0);
    }
    ++row.reports;
    for (std::size_t i = 0; i < names.size(); ++i) row.values[i] += s->count(names[i]);
  }
  std::vector<AggregateRow> out;
  out.reserve(rows.size());
  for (auto& [k, row] : rows) out.push_back(std::move(row));
  return out;
}

Zone structure_zone(const World& w, const std::string& structure) {
  const Organisation* org = w.find_organisation(structure);
  const Location* cercle = org ? w.find_location(org->location) : nullptr;
  while (cercle && cercle->level == LocationLevel::commune) cercle = w.find_location(cercle->parent);
  return cercle ? Zone{cercle->parent, cercle->id} : Zone{};
}

std::vector<std::string> reporting_structures(const World& w) {
  std::vector<std::string> out;
  for (const Organisation& o : w.organisations)
    for (const User& u : w.users)
      if (u.organisation == o.id && u.role == "case_worker") {
        out.push_back(o.id);
        break;
      }
  return out;
}

std::vector<CompletenessRow> completeness(const ReportingState& r, const World& w, int year, int from_month,
                                          int to_month) {
  const auto all = latest(r, true);
  std::vector<CompletenessRow> out;
  for (const std::string& structure : reporting_structures(w)) {
    CompletenessRow row;
    row.structure = structure;
    for (int m = from_month; m <= to_month; ++m) {
      auto it = all.find(Key{structure, year, m});
      if (it == all.end()) {
        row.months.push_back("manquant");
      } else if (it->second->validation == "not_approved") {
        row.months.push_back("non_approuve");
      } else {
        row.months.push_back("recu");
        ++row.received;
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace kalan::reporting
