// Monthly reporting as in KoboCollect (a device per user: drafts, finalized reports, outbox) and
// KoboToolbox (submissions with _id, _uuid, validation status and edit history), and PSEA complaints.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace kalan {

// One form instance on a device. Values are XForms strings keyed by field name.
struct Draft {
  std::string instance;    // meta/instanceID, "uuid:..." chosen by the client
  std::string deprecated;  // meta/deprecatedID when the draft edits a sent report
  nlohmann::json values = nlohmann::json::object();
  std::string status = "draft";  // draft, finalized, queued (in the outbox)
  SimTime saved_at = 0;
};

// What a user's phone holds (KoboCollect): drafts and finalized reports, and whether it is online.
struct Device {
  std::string user;
  bool online = true;
  std::vector<Draft> drafts;  // in creation order; a sent draft leaves the device

  Draft* find(const std::string& instance);
};

// The answers of a received report as the monthly form normalized them: one text per field of the
// form's entry, in the order of its entry_fields (by name, as the keys of the JSON object to_json
// gives). Flat rather than a JSON tree: ten thousand reports are validated, kept and aggregated in
// well under the 100 ms budget, where building their JSON objects alone took a third of it.
class ReportValues {
 public:
  ReportValues() = default;  // no answers: every text is ""
  explicit ReportValues(std::vector<std::string> texts) : texts_(std::move(texts)) {}

  // The answer to a field; "" when unanswered or not a field of the form.
  const std::string& text(std::string_view field) const { return at(slot_of(field)); }
  // The answer at a position given by slot_of.
  const std::string& at(int slot) const;
  // Sets one answer (imports, tests). False when `field` is not a field of the form.
  bool set(std::string_view field, std::string value);
  // {field: text} for every field, or {} when there are no answers.
  nlohmann::json to_json() const;

  // A field's position in the entry, or -1 when the form has no such field.
  static int slot_of(std::string_view field);
  // The form's entry fields, sorted by name.
  static const std::vector<std::string>& names();

 private:
  std::vector<std::string> texts_;  // empty, or one per name
};

// A version of a submission replaced by an edit.
struct SubmissionVersion {
  std::string uuid;
  ReportValues values;
  SimTime submitted_at = 0;
  std::string submitted_by;
};

// A report received by the server (KoboToolbox).
struct Submission {
  std::int64_t id = 0;       // _id, sequential
  std::string uuid;          // _uuid: the current meta/instanceID
  std::string deprecated;    // meta/deprecatedID of the current version, if it is an edit
  ReportValues values;       // normalized by the form
  SimTime submitted_at = 0;  // _submission_time (sim clock)
  std::string submitted_by;  // _submitted_by (user id)
  std::string validation;    // "", approved, not_approved, on_hold
  std::string validated_by;
  SimTime validated_at = 0;
  std::vector<SubmissionVersion> history;  // older versions, oldest first

  std::string value(std::string_view field) const { return values.text(field); }
  // The same without a copy ("" when absent), valid while `values` is unchanged.
  const std::string& text(std::string_view field) const { return values.text(field); }
  // A count field as a number (0 when empty or not a number).
  std::int64_t count(std::string_view field) const;
};

// A count field's text as a number (0 when empty or not a number).
std::int64_t count_value(const std::string& text);

// A PSEA complaint received through a community-based complaint mechanism.
struct Complaint {
  std::string id;  // "PSEA-0001"
  std::string channel;
  SimTime received_at = 0;
  int age = -1;
  std::string sex;   // f, m
  std::string type;  // sexual_exploitation, sexual_abuse, sexual_harassment, other
  std::string structure;
  std::string received_by;
  std::string note;
  SimTime referred_at = 0;  // referral of the survivor to assistance
  std::string referred_to;  // a service id, may be empty
  SimTime answered_at = 0;  // the response given to the complainant
  std::string response;
};

// A reminder ("relance") sent to a structure whose monthly report has not arrived.
struct Reminder {
  std::string structure;
  int year = 0, month = 0;
  std::string by;  // who sent it
  SimTime at = 0;
  std::string note;
};

struct ReportingState {
  std::vector<Device> devices;  // by first use
  std::vector<Submission> submissions;
  std::int64_t next_submission = 1;
  std::vector<Complaint> complaints;
  std::int64_t next_complaint = 1;
  std::vector<Reminder> reminders;  // in the order sent

  bool empty() const { return devices.empty() && submissions.empty() && complaints.empty() && reminders.empty(); }
  Device& device(const std::string& user);
  const Device* find_device(const std::string& user) const;
  Device* find_device(const std::string& user) {
    return const_cast<Device*>(static_cast<const ReportingState*>(this)->find_device(user));
  }
  Submission* find_submission(std::int64_t id);
  // The submission whose current or past instanceID is `uuid`, or nullptr.
  const Submission* find_by_uuid(const std::string& uuid) const;
  Complaint* find_complaint(const std::string& id);
};

nlohmann::json reporting_to_json(const ReportingState& r);
nlohmann::json submission_to_json(const Submission& s);

}  // namespace kalan
