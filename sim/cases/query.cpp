#include "cases/query.h"

#include <algorithm>

#include "cases/access.h"
#include "cases/workflow.h"
#include "core/state.h"
#include "sms/text.h"

namespace kalan {

Actor reader_actor(const State& s, const std::string& id) {
  Actor a;
  a.id = id;
  a.record_events = false;
  if (id == kTrainer) {
    a.kind = Actor::Kind::trainer;
  } else if (id == kSystem) {
    a.kind = Actor::Kind::system;
  } else {
    a.kind = Actor::Kind::user;
    a.user = s.world.find_user(id);
  }
  return a;
}

SimTime next_deadline(const CaseRecord& c, const CasePolicy& p) {
  SimTime next = 0;
  for (const auto& d : case_deadlines(c, p))
    if (next == 0 || d.due < next) next = d.due;
  return next;
}

namespace {

int stage_rank(const std::string& stage) {
  const auto& all = case_stages();
  return static_cast<int>(std::find(all.begin(), all.end(), stage) - all.begin());
}

int risk_rank(const std::string& risk) { return risk == "low" ? 1 : risk == "medium" ? 2 : risk == "high" ? 3 : 0; }

// The sort key of a row, computed once so the comparator stays cheap.
struct Row {
  std::size_t index;
  std::int64_t number;
  const std::string* text;
};

}  // namespace

std::vector<std::size_t> query_cases(const State& s, const Actor& reader, const CaseFilter& f) {
  const auto& records = s.cases.records;
  if (reader.kind == Actor::Kind::user && !reader.user) return {};
  const std::string needle = text::fold(f.search);
  const bool need_stage = !f.stage.empty() || f.sort == CaseSort::stage;
  std::vector<Row> rows;
  rows.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const CaseRecord& c = records[i];
    if (!f.status.empty() && c.status != f.status) continue;
    if (!f.risk.empty() && c.risk_level != f.risk) continue;
    if (!f.owner.empty() && c.owner != f.owner) continue;
    if (!may_view(s, reader, c)) continue;
    std::string stage;
    if (need_stage) {
      stage = case_stage(c);
      if (!f.stage.empty() && stage != f.stage) continue;
    }
    if (f.overdue_only && overdue_items(c, s.cases.policy, s.clock.now).empty()) continue;
    if (!needle.empty()) {
      const User* owner = s.world.find_user(c.owner);
      const std::string hay = text::fold(c.id + " " + c.child_name + " " + c.location + " " + c.summary + " " +
                                         (owner ? owner->name : c.owner));
      if (hay.find(needle) == std::string::npos) continue;
    }
    Row r{i, 0, nullptr};
    switch (f.sort) {
      case CaseSort::id: r.number = static_cast<std::int64_t>(i); break;  // ids are numbered in filing order
      case CaseSort::child: r.text = &c.child_name; break;
      case CaseSort::age: r.number = c.age; break;
      case CaseSort::status: r.text = &c.status; break;
      case CaseSort::stage: r.number = stage_rank(stage); break;
      case CaseSort::risk: r.number = risk_rank(c.risk_level); break;
      case CaseSort::owner: r.text = &c.owner; break;
      case CaseSort::identified: r.number = c.identified_at; break;
      case CaseSort::next_deadline: {
        const SimTime d = next_deadline(c, s.cases.policy);
        r.number = d == 0 ? INT64_MAX : d;  // cases without a deadline last
        break;
      }
    }
    rows.push_back(r);
  }
  const bool desc = f.descending;
  std::stable_sort(rows.begin(), rows.end(), [desc](const Row& a, const Row& b) {
    int cmp = 0;
    if (a.text) cmp = a.text->compare(*b.text);
    else cmp = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
    if (cmp == 0) return a.index < b.index;  // ties keep the filing order
    return desc ? cmp > 0 : cmp < 0;
  });
  std::vector<std::size_t> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.index);
  return out;
}

}  // namespace kalan
