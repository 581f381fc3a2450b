#include "exercises/view.h"

#include <functional>

#include "core/state.h"
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

}  // namespace kalan
