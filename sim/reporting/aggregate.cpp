#include "reporting/aggregate.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "reporting/monthly.h"
#include "world/world.h"

namespace kalan::reporting {

namespace {

// A view into the submission (or the caller's string), which outlives the lists keyed by it.
struct Key {
  std::string_view structure;
  std::int64_t year, month;
  bool operator<(const Key& o) const { return std::tie(structure, year, month) < std::tie(o.structure, o.year, o.month); }
};

// Where the identification fields sit in a report's values, looked up once.
struct IdSlots {
  int structure = ReportValues::slot_of("structure"), region = ReportValues::slot_of("region"),
      cercle = ReportValues::slot_of("cercle"), year = ReportValues::slot_of("year"), month = ReportValues::slot_of("month");
};
const IdSlots& id_slots() {
  static const IdSlots slots;
  return slots;
}

Key key_of(const Submission& s) {
  const IdSlots& at = id_slots();
  return {s.values.at(at.structure), count_value(s.values.at(at.year)), count_value(s.values.at(at.month))};
}

using Latest = std::vector<std::pair<Key, const Submission*>>;  // in key order, one per key

bool newer(const Submission& a, const Submission* than) {
  return !than || std::tie(a.submitted_at, a.id) > std::tie(than->submitted_at, than->id);
}

struct KeyHash {
  std::size_t operator()(const Key& k) const {
    return std::hash<std::string_view>()(k.structure) ^ (static_cast<std::size_t>(k.year) * 131 + static_cast<std::size_t>(k.month)) * 0x9e3779b97f4a7c15ULL;
  }
};
struct KeyEqual {
  bool operator()(const Key& a, const Key& b) const { return !(a < b) && !(b < a); }
};

// The latest report per structure and month; `with_rejected` keeps those marked not approved. The
// latest of each key is picked in one pass, then only the keys are sorted.
Latest latest(const ReportingState& r, bool with_rejected) {
  std::unordered_map<Key, const Submission*, KeyHash, KeyEqual> best;
  best.reserve(r.submissions.size());
  for (const Submission& s : r.submissions) {
    if (!with_rejected && s.validation == "not_approved") continue;
    const Submission*& slot = best[key_of(s)];
    if (newer(s, slot)) slot = &s;
  }
  Latest all(best.begin(), best.end());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return all;
}

const Submission* find_latest(const Latest& all, const Key& key) {
  auto it = std::lower_bound(all.begin(), all.end(), key, [](const auto& e, const Key& k) { return e.first < k; });
  return it != all.end() && !(key < it->first) ? it->second : nullptr;
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

namespace {

// Where each of indicators() sits in a report's values.
const std::vector<int>& indicator_slots() {
  static const std::vector<int> slots = [] {
    std::vector<int> out;
    for (const std::string& name : indicators()) out.push_back(ReportValues::slot_of(name));
    return out;
  }();
  return slots;
}

// Adds the submission's count of each indicator to `sums` (one per indicators()).
void add_counts(const Submission& s, std::vector<std::int64_t>& sums) {
  const std::vector<int>& slots = indicator_slots();
  for (std::size_t i = 0; i < slots.size(); ++i) sums[i] += count_value(s.values.at(slots[i]));
}

}  // namespace

std::vector<AggregateRow> aggregate(const ReportingState& r, Level level) {
  static const std::string none;
  const std::size_t n = indicators().size();
  std::map<std::tuple<std::string_view, std::string_view, std::string_view, std::int64_t, std::int64_t>, AggregateRow> rows;
  for (const Submission* s : effective_submissions(r)) {
    const IdSlots& at = id_slots();
    const std::string& region = s->values.at(at.region);
    const std::string& cercle = level != Level::region ? s->values.at(at.cercle) : none;
    const std::string& structure = level == Level::structure ? s->values.at(at.structure) : none;
    const int year = static_cast<int>(count_value(s->values.at(at.year)));
    const int month = static_cast<int>(count_value(s->values.at(at.month)));
    AggregateRow& row = rows[{region, cercle, structure, year, month}];
    if (row.values.empty()) {
      row.region = region;
      row.cercle = cercle;
      row.structure = structure;
      row.year = year;
      row.month = month;
      row.values.assign(n, 0);
    }
    ++row.reports;
    add_counts(*s, row.values);
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
      const Submission* s = find_latest(all, Key{structure, year, m});
      if (!s) {
        row.months.push_back("manquant");
      } else if (s->validation == "not_approved") {
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
