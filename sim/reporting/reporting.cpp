#include "reporting/reporting.h"

#include <cstdlib>

namespace kalan {

using nlohmann::json;

Draft* Device::find(const std::string& instance) {
  for (auto& d : drafts)
    if (d.instance == instance) return &d;
  return nullptr;
}

namespace {

const std::string* text_of(const json& values, const std::string& field) {
  auto it = values.find(field);
  return it != values.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

}  // namespace

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

const std::string& Submission::text(const std::string& field) const {
  static const std::string empty;
  const std::string* v = text_of(values, field);
  return v ? *v : empty;
}

std::string Submission::value(const std::string& field) const { return text(field); }

std::int64_t Submission::count(const std::string& field) const {
  const std::string* v = text_of(values, field);
  return v ? count_value(*v) : 0;
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
    history.push_back({{"uuid", v.uuid}, {"values", v.values}, {"submitted_at", v.submitted_at}, {"submitted_by", v.submitted_by}});
  return {{"id", s.id},
          {"uuid", s.uuid},
          {"deprecated", s.deprecated},
          {"values", s.values},
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
