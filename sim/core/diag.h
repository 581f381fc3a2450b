// Diagnostics: errors that name the JSON path where an input is wrong, in French or English.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kalan {

enum class Lang { fr, en };

// One problem found in an input, located by a JSON Pointer path ("/world/users/3/role").
struct Diagnostic {
  std::string path;
  std::string code;               // stable identifier, e.g. "unknown_value"
  std::vector<std::string> args;  // values substituted into the message template
};

// Renders "<path>: <message>" in the given language.
std::string render(const Diagnostic& d, Lang lang = Lang::fr);
// Renders only the message part, without the path.
std::string render_message(const std::string& code, const std::vector<std::string>& args,
                           Lang lang = Lang::fr);

using Diagnostics = std::vector<Diagnostic>;

// Appends one path segment to a JSON Pointer, escaping '~' and '/' as RFC 6901 says.
std::string path_join(const std::string& base, const std::string& key);
std::string path_join(const std::string& base, std::size_t index);

// A message argument that carries its own two languages (a form's message, say).
inline constexpr char kBilingual = '\x01';
inline std::string bilingual(const std::string& fr, const std::string& en) {
  return std::string(1, kBilingual) + fr + kBilingual + (en.empty() ? fr : en);
}

// Replaces {0}..{9} in a message template with `args`.
std::string fill_template(const char* tmpl, const std::vector<std::string>& args);

// Joins a list of allowed values for "expected: a, b, c" messages.
std::string join_list(const std::vector<std::string>& items);

}  // namespace kalan
