// The command-line tool: validate, replay and run, shared by the native binary and kalan-cli.js.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kalan {

inline constexpr const char* kVersion = "0.1.0";

// `kalan flow check|eval|run ...` (RapidPro flows).
int run_flow_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `kalan forms eval|check|validate|import ...` (the forms engine).
int run_forms_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `kalan exercise check|run|debrief ...` (exercises of a scenario).
int run_exercise_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// "±HH:MM" as minutes east of UTC (at most 14 hours), for --utc-offset.
std::optional<int> parse_utc_offset(const std::string& s);
// Reads and parses a JSON file; prints what is wrong to `err` ("file:path: message").
std::optional<nlohmann::json> read_json_file(const std::string& file, std::ostream& err);

// Runs a subcommand; returns the process exit code. `args` excludes the program name.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kalan
