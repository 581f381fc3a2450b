#include "reporting/reporting.h"

#include <algorithm>
#include <cstdlib>

#include "reporting/monthly.h"

namespace kalan {

using nlohmann::json;

Draft* Device::find(const std::string& instance) {
  for (auto& d : drafts)
    if (d.instance == instance) return &d;
  return nullptr;
}

std::int64_t count_value(const std::string& text) {
  if (text.empty()) return 0;
  // Counts are short digit strings: read them at once (strtoll gives the same).
  if (text.size() <= 18) {
    std::int64_t n = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) n = n * 10 + (text[i] - '0');
    if (i == text.size()) return n;
  }
  char* end = nullptr;
  const long long n = std::strtoll(text.c_str(), &end, 10);
  return end && *end == '\0' ? n : 0;
}

std::int64_t Submission::count(std::string_view field) const { return count_value(values.text(field)); }

const std::vector<std::string>& ReportValues::names() {
  static const std::vector<std::string> names = [] {
    const forms::Form& form = reporting::monthly_form();
    std::vector<std::string> out;
    for (int i : form.entry_fields) out.push_back(form.fields[static_cast<std::size_t>(i)].name);
    return out;
  }();
  return names;
}

int ReportValues::slot_of(std::string_view field) {
  const auto& all = names();
  auto it = std::lower_bound(all.begin(), all.end(), field, [](const std::string& a, std::string_view b) { return a < b; });
  return it != all.end() && *it == field ? static_cast<int>(it - all.begin()) : -1;
}

const std::string& ReportValues::at(int slot) const {
  static const std::string none;
  return slot >= 0 && static_cast<std::size_t>(slot) < texts_.size() ? texts_[static_cast<std::size_t>(slot)] : none;
}

bool ReportValues::set(std::string_view field, std::string value) {
  const int slot = slot_of(field);
  if (slot < 0) return false;
  texts_.resize(names().size());
  texts_[static_cast<std::size_t>(slot)] = std::move(value);
  return true;
}

json ReportValues::to_json() const {
  json out = json::object();
  auto& object = out.get_ref<json::object_t&>();
  for (std::size_t i = 0; i < texts_.size(); ++i) object.emplace_hint(object.end(), names()[i], texts_[i]);
  return out;
}

Device& ReportingState::device(const std::string& user) {
  for (auto& d : devices)
    if (d.user == user) return d;
  devices.emplace_back();
  devices.back().user = user;
  return devices.back();
}

const Device* ReportingState::find_device(const std::string& user) const {
  for (const auto& d : devices)
    if (d.user == user) return &d;
  return nullptr;
}

Submission* ReportingState::find_submission(std::int64_t id) {
  for (auto& s : submissions)
    if (s.id == id) return &s;
  return nullptr;
}

const Submission* ReportingState::find_by_uuid(const std::string& uuid) const {
  for (const auto& s : submissions) {
    if (s.uuid == uuid) return &s;
    for (const auto& v : s.history)
      if (v.uuid == uuid) return &s;
  }
  return nullptr;
}

Complaint* ReportingState::find_complaint(const std::string& id) {
  for (auto& c : complaints)
    if (c.id == id) return &c;
  return nullptr;
}

json submission_to_json(const Submission& s) {
  json history = json::array();
  for (const auto& v : s.history)
    history.push_back({{"uuid", v.uuid}, {"values", v.values.to_json()}, {"submitted_at", v.submitted_at}, {"submitted_by", v.submitted_by}});
  return {{"id", s.id},
          {"uuid", s.uuid},
          {"deprecated", s.deprecated},
          {"values", s.values.to_json()},
          {"submitted_at", s.submitted_at},
          {"submitted_by", s.submitted_by},
          {"validation", s.validation},
          {"validated_by", s.validated_by},
          {"validated_at", s.validated_at},
          {"history", std::move(history)}};
}

json reporting_to_json(const ReportingState& r) {
  json devices = json::array();
  for (const auto& d : r.devices) {
    json drafts = json::array();
    for (const auto& x : d.drafts)
      drafts.push_back({{"instance", x.instance},
                        {"deprecated", x.deprecated},
                        {"values", x.values},
                        {"status", x.status},
                        {"saved_at", x.saved_at}});
    devices.push_back({{"user", d.user}, {"online", d.online}, {"drafts", std::move(drafts)}});
  }
  json submissions = json::array();
  for (const auto& s : r.submissions) submissions.push_back(submission_to_json(s));
  json complaints = json::array();
  for (const auto& c : r.complaints)
    complaints.push_back({{"id", c.id},
                          {"channel", c.channel},
                          {"received_at", c.received_at},
                          {"age", c.age},
                          {"sex", c.sex},
                          {"type", c.type},
                          {"structure", c.structure},
                          {"received_by", c.received_by},
                          {"note", c.note},
                          {"referred_at", c.referred_at},
                          {"referred_to", c.referred_to},
                          {"answered_at", c.answered_at},
                          {"response", c.response}});
  json out = {{"devices", std::move(devices)},
              {"submissions", std::move(submissions)},
              {"next_submission", r.next_submission},
              {"complaints", std::move(complaints)},
              {"next_complaint", r.next_complaint}};
  // Only once used, so that states without reminders keep their hashes.
  if (!r.reminders.empty()) {
    json reminders = json::array();
    for (const auto& m : r.reminders)
      reminders.push_back({{"structure", m.structure}, {"year", m.year}, {"month", m.month}, {"by", m.by}, {"at", m.at},
                           {"note", m.note}});
    out["reminders"] = std::move(reminders);
  }
  return out;
}

}  // namespace kalan
