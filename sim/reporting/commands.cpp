#include "reporting/commands.h"

namespace kalan {

namespace {

using K = ArgKind;

const std::vector<std::string> kValidation = {"approved", "not_approved", "on_hold"};
const std::vector<std::string> kChannels = {"hotline", "complaint_box", "in_person", "focal_point", "sms", "other"};
const std::vector<std::string> kComplaintTypes = {"sexual_exploitation", "sexual_abuse", "sexual_harassment", "other"};
const std::vector<std::string> kSexes = {"f", "m"};

const std::vector<std::vector<ArgSpec>>& table() {
  static const std::vector<std::vector<ArgSpec>> t = {
      // reporting.draft.save
      {{"instance", K::text, true}, {"values", K::object, true}, {"deprecated", K::text, false}},
      // reporting.draft.discard
      {{"instance", K::text, true}},
      // reporting.finalize
      {{"instance", K::text, true}},
      // reporting.send: every finalized report, or the one named
      {{"instance", K::text, false}},
      // reporting.set_online
      {{"online", K::boolean, true}},
      // reporting.submit
      {{"instance", K::text, true}, {"values", K::object, true}, {"deprecated", K::text, false}},
      // reporting.validation.set
      {{"submission", K::integer, true, {}, "", 1, 1LL << 50}, {"status", K::choice, true, kValidation, "@validation_status"}},
      // psea.complaint.create
      {{"channel", K::choice, true, kChannels, "@psea_channel"},
       {"age", K::integer, true, {}, "", 0, 120},
       {"sex", K::choice, true, kSexes, "@sex"},
       {"complaint_type", K::choice, true, kComplaintTypes, "@psea_type"},
       {"structure", K::organisation, false},
       {"note", K::note, false},
       {"received", K::text, false}},  // when it arrived (ISO date or date-time, not in the future); default now
      // psea.complaint.refer
      {{"complaint", K::id, true}, {"service", K::service, false}, {"note", K::note, false}},
      // psea.complaint.respond
      {{"complaint", K::id, true}, {"response", K::text, true}},
      // reporting.reminder.send
      {{"structure", K::organisation, true},
       {"month", K::integer, true, {}, "", 1, 12},
       {"year", K::integer, false, {}, "", 2020, 2035},
       {"note", K::note, false}},
  };
  return t;
}

}  // namespace

const std::vector<ArgSpec>& ReportingTable::args(std::size_t n) { return table().at(n); }

}  // namespace kalan
