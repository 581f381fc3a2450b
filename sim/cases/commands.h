// The case-management commands (CPIMS+): declared once in a table, read and written generically.
// Each command is its own alternative of the command variant, CaseCommand<N>, whose type is the
// N-th entry of kCaseCommandTypes; its arguments are checked against the table when parsed.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/reader.h"

namespace kalan {

struct World;

inline constexpr const char* kCaseCommandTypes[] = {
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
};
inline constexpr std::size_t kCaseCommandCount = sizeof(kCaseCommandTypes) / sizeof(kCaseCommandTypes[0]);

// How an argument is read and checked.
enum class ArgKind {
  text,          // a non-empty string
  note,          // a string, may be empty
  id,            // an identifier (letters, digits, _-.)
  case_id,       // a case, checked when the command applies
  user,          // a user of the world
  service,       // a service of the directory
  organisation,  // an organisation of the world
  location,      // a place of the world
  choice,        // one of a fixed list
  integer,
  boolean,
  object,        // a JSON object (form values)
  base64,        // file content
};

struct ArgSpec {
  const char* name;
  ArgKind kind;
  bool required;
  std::vector<std::string> choices = {};  // for ArgKind::choice
  const char* what = "";                  // names the value in messages ("@risk_level")
  std::int64_t min = 0, max = 0;          // for ArgKind::integer
};

// The arguments of the N-th case command.
const std::vector<ArgSpec>& case_command_args(std::size_t n);

std::optional<nlohmann::json> parse_case_args(std::size_t n, ObjectReader& r);
void check_case_refs(std::size_t n, const nlohmann::json& args, const World& w, const std::string& path,
                     Diagnostics& out);

template <std::size_t N>
struct CaseCommand {
  static constexpr const char* kType = kCaseCommandTypes[N];
  static constexpr std::size_t kIndex = N;
  nlohmann::json args = nlohmann::json::object();  // checked against case_command_args(N)

  static std::optional<CaseCommand> parse(ObjectReader& r) {
    auto a = parse_case_args(N, r);
    if (!a) return std::nullopt;
    return CaseCommand{std::move(*a)};
  }
  void write(nlohmann::json& j) const {
    for (auto it = args.begin(); it != args.end(); ++it) j[it.key()] = it.value();
  }
  void check_refs(const World& w, const std::string& path, Diagnostics& out) const {
    check_case_refs(N, args, w, path, out);
  }
};

}  // namespace kalan
