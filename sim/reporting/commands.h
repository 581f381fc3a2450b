// The monthly-reporting commands (KoboCollect / KoboToolbox) and PSEA complaints, declared as a
// command table (core/command_table.h) like the case-management commands.
#pragma once
#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command_table.h"

namespace kalan {

struct State;
struct Actor;
struct ApplyResult;

struct ReportingTable {
  static constexpr const char* kTypes[] = {
      "reporting.draft.save",      // 0  the device keeps a draft (may be incomplete)
      "reporting.draft.discard",   // 1
      "reporting.finalize",        // 2  the draft must validate; it is then ready to send
      "reporting.send",            // 3  online: submitted; offline: queued in the outbox
      "reporting.set_online",      // 4  back online, the outbox is sent
      "reporting.submit",          // 5  a submission received directly (API, scripted data)
      "reporting.validation.set",  // 6  approved / not_approved / on_hold
      "psea.complaint.create",     // 7
      "psea.complaint.refer",      // 8
      "psea.complaint.respond",    // 9
      "reporting.reminder.send",   // 10 a reminder to a structure whose report has not arrived
  };
  static constexpr std::size_t kCount = sizeof(kTypes) / sizeof(kTypes[0]);
  static const std::vector<ArgSpec>& args(std::size_t n);
  // Runs the N-th reporting command (sim/reporting/handlers.cpp).
  static ApplyResult apply(State& s, const Actor& a, std::size_t n, const nlohmann::json& args);
};
inline constexpr std::size_t kReportingCommandCount = ReportingTable::kCount;

template <std::size_t N>
using ReportingCommand = TableCommand<ReportingTable, N>;

}  // namespace kalan
