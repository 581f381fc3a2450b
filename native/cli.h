// The command-line tool: validate, replay and run, shared by the native binary and kalan-cli.js.
#pragma once
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command.h"
#include "core/diag.h"
#include "session/session.h"

namespace kalan {

inline constexpr const char* kVersion = "0.1.0";

// `kalan flow check|eval|run ...` (RapidPro flows).
int run_flow_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `kalan forms eval|check|validate|import|xform ...` (the forms engine).
int run_forms_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `kalan exercise check|run|debrief ...` (exercises of a scenario).
int run_exercise_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// "±HH:MM" as minutes east of UTC (at most 14 hours), for --utc-offset.
std::optional<int> parse_utc_offset(const std::string& s);
// Reads and parses a JSON file; prints what is wrong to `err` ("file:path: message").
std::optional<nlohmann::json> read_json_file(const std::string& file, std::ostream& err);

// `kalan report export ...` (monthly reporting, docs/reporting.md).
int run_report_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// A session file, or a scenario opened as a new session; errors are printed to `err`.
struct Loaded {
  std::optional<Session> session;
  bool was_session = false;
};
Loaded load_any(const std::string& file, std::ostream& err, Lang lang);

// A subcommand's options: --lang fr|en, the value options it knows ("--save" → file), the rest.
struct CliOptions {
  Lang lang = Lang::fr;
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;
  std::string error;  // the first problem, in French
  std::string value(const std::string& name) const;
};
CliOptions parse_cli_options(const std::vector<std::string>& args, const std::vector<std::string>& value_options);

// One non-blank line of a JSON-lines command file: the command, or why it could not be read.
struct CommandLine {
  int line = 0;
  std::optional<Command> command;
  Diagnostics errors;
};
std::vector<CommandLine> read_command_lines(const std::string& text);

// Runs a subcommand; returns the process exit code. `args` excludes the program name.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kalan
