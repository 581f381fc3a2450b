// The command-line tool: validate, replay and run, shared by the native binary and kalan-cli.js.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace kalan {

inline constexpr const char* kVersion = "0.1.0";

// `kalan flow check|eval|run ...` (RapidPro flows).
int run_flow_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Runs a subcommand; returns the process exit code. `args` excludes the program name.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kalan
