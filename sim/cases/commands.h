// The case-management commands (CPIMS+): declared once in a table, read and written generically
// (core/command_table.h). Each command is its own alternative of the command variant, CaseCommand<N>,
// whose type is the N-th entry of CaseTable::kTypes; its arguments are checked when parsed.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command_table.h"

namespace kalan {

struct World;

struct State;
struct Actor;
struct ApplyResult;

struct CaseTable {
  static constexpr const char* kTypes[] = {
      "case.open",              // 0
      "case.form.save",         // 1
      "case.approval.request",  // 2
      "case.approval.decide",   // 3
      "case.close",             // 4
      "case.reopen",            // 5
      "case.assign",            // 6
      "case.referral.create",   // 7
      "case.referral.respond",  // 8
      "case.referral.done",     // 9
      "case.referral.revoke",   // 10
      "case.transfer.create",   // 11
      "case.transfer.respond",  // 12
      "case.transfer.revoke",   // 13
      "case.transfer.request",  // 14
      "case.attachment.add",    // 15
      "case.attachment.remove", // 16
      "tracing.request.create", // 17
      "tracing.match.confirm",  // 18
      "user.create",            // 19
      "user.update",            // 20
      "user.disable",           // 21
      "user.enable",            // 22
      "alert.read",             // 23
      "service.add",            // 24  a new entry of the service directory
  };
  static constexpr std::size_t kCount = sizeof(kTypes) / sizeof(kTypes[0]);
  // The arguments of the N-th case command.
  static const std::vector<ArgSpec>& args(std::size_t n);
  // Runs the N-th case command (sim/cases/handlers.cpp).
  static ApplyResult apply(State& s, const Actor& a, std::size_t n, const nlohmann::json& args);
};
inline constexpr const auto& kCaseCommandTypes = CaseTable::kTypes;
inline constexpr std::size_t kCaseCommandCount = CaseTable::kCount;

template <std::size_t N>
using CaseCommand = TableCommand<CaseTable, N>;

}  // namespace kalan
