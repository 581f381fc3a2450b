#include "cases/commands.h"

#include "world/world.h"

namespace kalan {

namespace {

using K = ArgKind;

const std::vector<std::string> kApprovalKinds = {"assessment", "case_plan", "closure"};
const std::vector<std::string> kDecisions = {"approve", "reject"};
const std::vector<std::string> kAnswers = {"accept", "reject"};
const std::vector<std::string> kRiskLevels = {"low", "medium", "high"};
const std::vector<std::string> kAttachmentKinds = {"document", "photo"};
const std::vector<std::string> kSexes = {"f", "m"};

const std::vector<std::vector<ArgSpec>>& table() {
  static const std::vector<std::vector<ArgSpec>> t = {
      // case.open
      {{"case", K::case_id, true}, {"risk_level", K::choice, false, kRiskLevels, "@risk_level"}, {"owner", K::user, false}},
      // case.form.save
      {{"case", K::case_id, true}, {"form", K::id, true}, {"values", K::object, true}, {"entry", K::id, false}},
      // case.approval.request
      {{"case", K::case_id, true}, {"kind", K::choice, true, kApprovalKinds, "@approval_kind"}, {"comment", K::note, false}},
      // case.approval.decide
      {{"case", K::case_id, true},
       {"kind", K::choice, true, kApprovalKinds, "@approval_kind"},
       {"decision", K::choice, true, kDecisions, "@decision"},
       {"comment", K::note, false}},
      // case.close
      {{"case", K::case_id, true}, {"reason", K::note, false}},
      // case.reopen
      {{"case", K::case_id, true}, {"reason", K::text, true}},
      // case.assign
      {{"case", K::case_id, true}, {"user", K::user, true}},
      // case.referral.create
      {{"case", K::case_id, true}, {"service", K::service, true}, {"note", K::note, false}},
      // case.referral.respond
      {{"case", K::case_id, true},
       {"referral", K::id, true},
       {"decision", K::choice, true, kAnswers, "@decision"},
       {"comment", K::note, false}},
      // case.referral.done
      {{"case", K::case_id, true}, {"referral", K::id, true}, {"result", K::text, true}},
      // case.referral.revoke
      {{"case", K::case_id, true}, {"referral", K::id, true}, {"comment", K::note, false}},
      // case.transfer.create
      {{"case", K::case_id, true},
       {"to_user", K::user, false},
       {"remote", K::boolean, false},
       {"to_system", K::note, false},
       {"note", K::note, false}},
      // case.transfer.respond
      {{"case", K::case_id, true},
       {"transfer", K::id, true},
       {"decision", K::choice, true, kAnswers, "@decision"},
       {"comment", K::note, false}},
      // case.transfer.revoke
      {{"case", K::case_id, true}, {"transfer", K::id, true}},
      // case.transfer.request
      {{"case", K::case_id, true}, {"note", K::note, false}},
      // case.attachment.add
      {{"case", K::case_id, true},
       {"name", K::text, true},
       {"kind", K::choice, true, kAttachmentKinds, "@attachment_kind"},
       {"mime", K::text, true},
       {"content", K::base64, true}},
      // case.attachment.remove
      {{"case", K::case_id, true}, {"attachment", K::id, true}},
      // tracing.request.create
      {{"inquirer_name", K::text, true},
       {"relation", K::note, false},
       {"child_name", K::text, true},
       {"age", K::integer, false, {}, "", 0, 17},
       {"sex", K::choice, false, kSexes, "@sex"},
       {"location", K::location, false},
       {"description", K::note, false}},
      // tracing.match.confirm
      {{"request", K::id, true}, {"case", K::case_id, true}},
      // user.create
      {{"id", K::id, true},
       {"name", K::text, true},
       {"role", K::choice, true, user_roles(), "@role"},
       {"organisation", K::organisation, false},
       {"phone", K::note, false},
       {"email", K::note, false},
       {"supervisor", K::user, false}},
      // user.update
      {{"user", K::user, true},
       {"name", K::text, false},
       {"role", K::choice, false, user_roles(), "@role"},
       {"phone", K::note, false},
       {"email", K::note, false},
       {"supervisor", K::user, false}},
      // user.disable
      {{"user", K::user, true}},
      // user.enable
      {{"user", K::user, true}},
      // alert.read
      {{"alert", K::integer, true, {}, "", 1, 1LL << 50}},
      // service.add
      {{"id", K::id, true},
       {"name", K::text, true},
       {"service_type", K::choice, true, service_types(), "@service_type"},
       {"organisation", K::organisation, false},
       {"location", K::location, true},
       {"phone", K::text, true},
       {"email", K::note, false},
       {"hours", K::array, false}},
  };
  return t;
}

}  // namespace

const std::vector<ArgSpec>& CaseTable::args(std::size_t n) { return table().at(n); }

}  // namespace kalan
