// Case records of CPIMS+: a child identified at risk, followed by a structure through six steps.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/reader.h"
#include "core/time.h"

namespace kalan {

struct World;

// One saved entry of a form on a case (a follow-up 5.A may have several entries).
struct FormEntry {
  std::string id;  // "F-0001", unique in the case management system
  std::string form;  // form id, e.g. "2A"
  nlohmann::json values = nlohmann::json::object();
  SimTime saved_at = 0;
  std::string saved_by;
  int version = 1;  // increases with every edit
  std::vector<std::string> missing;  // required answers not given yet: the entry is a draft
};

// The state of one approval (assessment, case plan or closure) on a case.
struct Approval {
  std::string status;  // requested, approved, rejected
  std::string requested_by;
  SimTime requested_at = 0;
  std::string decided_by;
  SimTime decided_at = 0;
  std::string comment;
};

// A referral (A.1): a service asked of a provider; the case stays with its owner.
struct Referral {
  std::string id;  // "REF-C-0001"
  std::string service;
  std::string service_type;
  std::string to_organisation;  // may be empty for an independent provider
  std::string status = "in_progress";  // in_progress, accepted, rejected, done, revoked
  std::string created_by;
  SimTime created_at = 0;
  std::string note;
  std::string responded_by;
  SimTime responded_at = 0;
  std::string response;  // the provider's comment on accepting or rejecting
  std::string result;    // the counter-referral: what the service did
  SimTime done_at = 0;
};

// A transfer (A.2): the case moves to another worker and structure when the receiver accepts.
struct Transfer {
  std::string id;  // "TRF-0001"
  std::string to_user;
  std::string to_organisation;
  std::string from_user;
  std::string status = "in_progress";  // in_progress, accepted, rejected, revoked
  bool remote = false;  // to a system outside this one: the case becomes "transferred"
  std::string created_by;
  SimTime created_at = 0;
  std::string note;
  std::string responded_by;
  SimTime responded_at = 0;
  std::string response;
};

// A request by another structure that a case be transferred to it.
struct TransferRequest {
  std::string id;  // "TRQ-0001"
  std::string by;
  std::string organisation;
  SimTime at = 0;
  std::string note;
  std::string status = "pending";  // pending, accepted (a transfer was made), declined
};

struct Attachment {
  std::string id;  // "ATT-0001"
  std::string name;
  std::string kind;  // document, photo
  std::string mime;
  std::int64_t size = 0;  // bytes of the decoded content
  std::string content;    // base64, kept in the session
  std::string added_by;
  SimTime added_at = 0;
  bool removed = false;
};

// One change on a case: who, when, what, before and after.
struct AuditEntry {
  SimTime at = 0;
  std::string actor;
  std::string action;  // the command type
  std::string target;  // what changed: "status", "forms/2A/risk_level", "referrals/REF-C-0001/status", ...
  nlohmann::json before;
  nlohmann::json after;
};

struct CaseRecord {
  std::string id;  // "CAS-0001"
  SimTime identified_at = 0;
  SimTime opened_at = 0;  // 0 while identified
  SimTime closed_at = 0;
  std::string status = "identified";  // identified, open, closed, transferred, reopened
  std::string child_name;
  int age = -1;           // years; -1 when unknown
  std::string sex;        // "f" or "m"
  std::string location;   // a commune
  std::string organisation;
  std::string owner;        // user id; empty until a worker takes the case
  std::string reported_by;  // actor id, or "contact:<uuid>" for an SMS report
  std::string report_reference;  // the SMS report that identified it, if any
  std::string summary;
  std::string risk_level;  // low, medium, high; empty until assessed
  std::string closure_reason;
  int reopen_count = 0;
  std::vector<FormEntry> forms;
  std::map<std::string, Approval> approvals;  // by kind: assessment, case_plan, closure
  std::vector<Referral> referrals;
  std::vector<Transfer> transfers;
  std::vector<TransferRequest> transfer_requests;
  std::vector<Attachment> attachments;
  std::vector<AuditEntry> audit;
  std::vector<std::string> alerted;  // deadline keys already alerted ("assessment", "follow_up:3", ...)

  // The latest entry of a form, or nullptr.
  const FormEntry* latest(const std::string& form) const;
  // A field of the latest entry of a form, or "".
  std::string field(const std::string& form, const std::string& name) const;
  bool is_active() const { return status == "open" || status == "reopened"; }
};

// An alert in a user's inbox.
struct Alert {
  std::int64_t id = 0;
  std::string user;
  SimTime at = 0;
  std::string kind;  // approval_requested, approval_decided, referral_received, referral_answered, ...
  std::string case_id;
  std::string ref;      // referral, transfer or approval kind the alert is about
  std::string comment;  // e.g. the supervisor's comment on a rejection
  bool read = false;
};

// A tracing request: a family looks for a separated child.
struct TracingRequest {
  std::string id;  // "TR-0001"
  std::string inquirer_name;
  std::string relation;
  std::string child_name;
  int age = -1;
  std::string sex;
  std::string location;  // where the child was last seen
  std::string description;
  std::string created_by;
  SimTime created_at = 0;
  std::string status = "open";  // open, matched, reunified, closed
  std::string matched_case;
};

// Deadlines of the workflow for one risk level, in seconds.
struct RiskDeadlines {
  std::int64_t assessment = 0;  // from opening to the initial assessment
  std::int64_t follow_up = 0;   // between follow-ups once the case plan is approved
};

// What a role may do with cases; the scenario may change the defaults.
struct RolePermission {
  std::string scope = "none";  // none, own, group, agency, all
  bool write = false;          // may edit cases in scope
  bool approve = false;        // may approve (assessment, case plan, closure)
  bool approve_own = false;    // may approve a case they own
  bool manage_users = false;   // may administer the accounts of their structure
};

struct CasePolicy {
  std::map<std::string, RiskDeadlines> deadlines;    // by risk level
  std::map<std::string, RolePermission> permissions;  // by role
};

CasePolicy default_case_policy();
// Reads the scenario's "case_management" section over the defaults.
CasePolicy parse_case_policy(const nlohmann::json* value, const std::string& path, Diagnostics& out);
nlohmann::json case_policy_to_json(const CasePolicy& p);

// What the case list searches in a record, accent-folded (sim/cases/query.cpp), with the texts it was
// folded from: reused only while they are unchanged.
struct CaseSearchText {
  std::string id, child_name, location, summary, owner;
  std::string folded;  // empty: not built
};

struct CasesState {
  // A deque, not a vector: records are large and many, and a vector would move all of them into one
  // ever larger block as cases are filed (the costliest kind of allocation); a deque never moves them.
  std::deque<CaseRecord> records;
  std::int64_t next_number = 1;
  std::int64_t next_alert = 1;
  std::map<std::string, std::int64_t> counters;  // by id prefix: "F", "RFC", "TRF", "ATT", "TR", ...
  std::vector<Alert> alerts;
  std::vector<TracingRequest> tracing;
  CasePolicy policy;

  CaseRecord* find(const std::string& id);
  const CaseRecord* find(const std::string& id) const;
  // The next id for a kind of item, numbered per prefix from 1: "RFC-0001", "RFC-0002", ...
  std::string next_id(const char* prefix);

  // Per position in `records`: a cache for the case list's search, not part of the state (never
  // saved or hashed); an entry is checked against the record before each use.
  mutable std::vector<CaseSearchText> search_text;

  // Derived, never saved or hashed: each record's earliest deadline not yet alerted, and the records
  // ordered by it, so a clock step finds the next deadline without scanning every case. A record is
  // looked at again when it may have changed: the non-const find() marks it stale, and records
  // filed since the last look are new (sim/cases/workflow.cpp).
  struct DeadlineIndex {
    std::vector<SimTime> due;  // per record; 0: none
    std::set<std::pair<SimTime, std::size_t>> order;
    std::vector<std::size_t> stale;
  };
  mutable DeadlineIndex deadline_index;
};

// A child at risk is reported to a structure: a case record is created in status "identified".
struct ReportCase {
  static constexpr const char* kType = "case.report";
  std::string child_name;
  int age = -1;
  std::string sex;
  std::string location;
  std::string organisation;
  std::string summary;

  static std::optional<ReportCase> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World& w, const std::string& path, Diagnostics& out) const;
};

// Numbers a new record ("CAS-0001", ...) and files it; for every path that identifies a case
// (case.report, or a report made by SMS). Returns the stored record.
const CaseRecord& file_case(CasesState& cases, CaseRecord record);

nlohmann::json cases_to_json(const CasesState& c);
nlohmann::json case_to_json(const CaseRecord& r);
// cases_to_json() without "records", for views that build the records one by one.
nlohmann::json cases_meta_to_json(const CasesState& c);

}  // namespace kalan
