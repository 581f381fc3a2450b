// Reading the checked arguments of a table command (core/command_table.h) in its handler.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace kalan {

// The string argument `key`, or "" when absent (optional arguments) or not a string.
std::string string_arg(const nlohmann::json& args, const char* key);

}  // namespace kalan
