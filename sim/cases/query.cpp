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

// text::fold appended to `out`, without allocating once `out` has grown: ASCII and two-byte UTF-8
// characters (Latin-1 and Latin Extended, where French accents live) come from a table built with
// text::fold itself; anything else goes through text::fold. Folding is per character, so the result
// is the same.
void fold_append(std::string& out, std::string_view s) {
  struct Table {
    std::vector<std::string> folded = std::vector<std::string>(0x800);
    std::size_t growth = 1;  // bytes out per byte in, at most
  };
  static const Table table = [] {
    Table t;
    for (char32_t c = 0x80; c < 0x800; ++c) {
      const char bytes[] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
      t.folded[c] = text::fold(std::string_view(bytes, 2));
      t.growth = std::max(t.growth, (t.folded[c].size() + 1) / 2);
    }
    return t;
  }();
  std::size_t n = out.size();
  out.resize(n + s.size() * table.growth);
  char* p = &out[0];
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // a run of ASCII, lowered in a loop the compiler vectorizes
      std::size_t j = i + 1;
      while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
      const char* in = s.data();
      for (std::size_t k = i; k < j; ++k) p[n + k - i] = in[k] >= 'A' && in[k] <= 'Z' ? static_cast<char>(in[k] + 32) : in[k];
      n += j - i;
      i = j;
    } else if ((b & 0xE0) == 0xC0 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      const std::string& f = table.folded[((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu)];
      for (char ch : f) p[n++] = ch;
      i += 2;
    } else {
      out.resize(n);
      out += text::fold(s.substr(i));
      return;
    }
  }
  out.resize(n);
}

// The text the search looks in (id, child, place, summary, owner), folded; from the cache while the
// record's texts are those it was folded from.
const std::string& search_text(const State& s, std::size_t i) {
  const CaseRecord& c = s.cases.records[i];
  const User* owner = s.world.find_user(c.owner);
  const std::string& owner_text = owner ? owner->name : c.owner;
  auto& cache = s.cases.search_text;
  if (cache.size() != s.cases.records.size()) cache.resize(s.cases.records.size());
  CaseSearchText& t = cache[i];
  if (!t.folded.empty() && t.id == c.id && t.child_name == c.child_name && t.location == c.location &&
      t.summary == c.summary && t.owner == owner_text)
    return t.folded;
  t = CaseSearchText{c.id, c.child_name, c.location, c.summary, owner_text, ""};
  for (const std::string* part : {&t.id, &t.child_name, &t.location, &t.summary, &t.owner}) {
    fold_append(t.folded, *part);
    t.folded += '\n';  // a match never spans two fields
  }
  return t.folded;
}

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
    if (!needle.empty() && search_text(s, i).find(needle) == std::string::npos) continue;
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
