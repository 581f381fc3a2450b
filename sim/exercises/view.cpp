#include "exercises/view.h"

#include <algorithm>
#include <cstdint>
#include <functional>

#include "cases/commands.h"
#include "core/state.h"
#include "exercises/condition.h"
#include "reporting/dashboard.h"

namespace kalan {

namespace {

// Changes whenever a command changes the record: every change adds an audit entry, except
// deadline alerts (alerted) and a form saved again with the same values (forms' versions).
std::uint64_t fingerprint(const CaseRecord& r) {
  std::uint64_t h = std::hash<std::string>{}(r.status);
  auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; };
  mix(r.audit.size());
  mix(r.alerted.size());
  mix(r.forms.size());
  for (const auto& f : r.forms) mix(static_cast<std::uint64_t>(f.version));
  mix(r.attachments.size());
  return h;
}

const nlohmann::json& null_json() {
  static const nlohmann::json n;
  return n;
}

}  // namespace

void StateView::refresh(const State& s, const std::vector<std::string>& roots) {
  std::optional<nlohmann::json> whole;  // for sections without a builder of their own
  for (const std::string& root : roots) {
    if (root == "cases") {
      roots_[root] = cases_meta_to_json(s.cases);
      const auto& recs = s.cases.records;
      records_.resize(recs.size());
      stamps_.resize(recs.size(), 0);
      fingerprints_.resize(recs.size(), 0);
      for (size_t i = 0; i < recs.size(); ++i) {
        const std::uint64_t fp = fingerprint(recs[i]);
        if (stamps_[i] != 0 && fingerprints_[i] == fp) continue;
        records_[i] = case_to_json(recs[i]);
        fingerprints_[i] = fp;
        stamps_[i] = next_stamp_++;
      }
    } else if (root == "sms") {
      roots_[root] = sms_to_json(s.sms);
    } else if (root == "world") {
      roots_[root] = world_to_json(s.world);
    } else if (root == "messages") {
      roots_[root] = messages_to_json(s.messages);
    } else if (root == "reporting") {
      roots_[root] = reporting_to_json(s.reporting);
    } else if (root == "answers") {
      roots_[root] = answers_to_json(s.answers);
    } else if (root == "dashboard") {
      roots_[root] = reporting::dashboard_json(s);
    } else if (root == "clock") {
      roots_[root] = {{"start", format_iso_time(s.clock.start)}, {"now", format_iso_time(s.clock.now)}};
    } else {
      if (!whole) whole = canonical_state(s);
      auto it = whole->find(root);
      roots_[root] = it == whole->end() ? nlohmann::json() : *it;
    }
  }
}

const nlohmann::json& StateView::root(const std::string& name) const {
  auto it = roots_.find(name);
  return it == roots_.end() ? null_json() : it->second;
}

namespace {

void merge_shape(StateShape& s, const nlohmann::json& v) {
  if (v.is_array() || v.is_object()) {
    if (v.empty()) s.open = true;
    for (auto it = v.begin(); it != v.end(); ++it) merge_shape(v.is_object() ? s.keys[it.key()] : s, it.value());
  } else if (v.is_null()) {
    s.open = true;  // nothing to tell what it holds
  } else {
    s.value = true;
  }
}

// The choices of an argument of a case command ("kind" of case.approval.request: the approval kinds).
std::vector<std::string> case_arg_choices(const char* type, const char* arg) {
  for (size_t n = 0; n < CaseTable::kCount; ++n)
    if (std::string(CaseTable::kTypes[n]) == type)
      for (const ArgSpec& a : CaseTable::args(n))
        if (std::string(a.name) == arg) return a.choices;
  return {};
}

// One element in each list the view writes, with its own lists filled the same way, and a value in
// each field the view writes only when it is set.
State sample_state() {
  State s;
  const std::string set = "x";
  s.world.locations.emplace_back().parent = set;
  s.world.organisations.emplace_back();
  User& u = s.world.users.emplace_back();
  u.phone = u.email = u.supervisor = set;
  Service& sv = s.world.services.emplace_back();
  sv.organisation = sv.email = set;
  sv.hours.emplace_back();
  s.world.contacts.emplace_back().location = set;
  CaseRecord r;
  r.age = 0;
  r.forms.emplace_back();
  for (const auto& kind : case_arg_choices("case.approval.request", "kind")) r.approvals[kind] = Approval{};
  r.referrals.emplace_back();
  r.transfers.emplace_back();
  r.transfer_requests.emplace_back();
  r.attachments.emplace_back();
  r.audit.emplace_back();
  s.cases.records.push_back(std::move(r));
  s.cases.alerts.emplace_back();
  s.cases.tracing.emplace_back();
  s.sms.log.emplace_back().quick_replies.push_back(set);
  s.sms.contacts.emplace_back();
  s.sms.reports.emplace_back();
  s.messages.items.emplace_back();
  s.reporting.devices.emplace_back().drafts.emplace_back();
  s.reporting.submissions.emplace_back().history.emplace_back();
  s.reporting.complaints.emplace_back();
  s.reporting.reminders.emplace_back();
  s.answers.items.emplace_back();
  return s;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

const StateShape* StateShape::walk(const std::vector<std::string>& path, std::size_t* bad) const {
  const StateShape* at = this;
  for (size_t i = 0; i < path.size() && !at->open; ++i) {
    auto it = at->keys.find(path[i]);
    if (it == at->keys.end()) {
      if (bad) *bad = i;
      return nullptr;
    }
    at = &it->second;
  }
  return at;
}

std::string StateShape::closest(const std::string& key) const {
  std::string best;
  size_t best_d = std::max<size_t>(2, key.size() / 3) + 1;
  for (const auto& [k, v] : keys) {
    const size_t d = edit_distance(key, k);
    if (d < best_d) best = k, best_d = d;
  }
  return best;
}

const StateShape& state_shape() {
  static const StateShape shape = [] {
    StateShape out;
    const State sample = sample_state();
    StateView view;
    for (const auto& root : state_roots()) {
      try {
        view.refresh(sample, {root});
      } catch (const std::exception&) {
        out.keys[root].open = true;  // never reject a scenario for want of a sample
        continue;
      }
      merge_shape(out.keys[root], view.root(root));
    }
    StateShape& records = out.keys["cases"].keys["records"];
    for (const auto& rec : view.records()) merge_shape(records, rec);
    return out;
  }();
  return shape;
}

}  // namespace kalan
