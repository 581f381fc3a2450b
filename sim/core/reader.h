// Parse-at-the-edge helpers: read a JSON object field by field, collecting every error with its path.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"
#include "core/time.h"

namespace kalan {

using nlohmann::json;

// Parses JSON text without throwing; on failure adds a "json_syntax" diagnostic with line and column.
std::optional<json> parse_json_text(const std::string& text, Diagnostics& out, const std::string& path = "");

// Serializes JSON without ever throwing: invalid UTF-8 in a string is written as U+FFFD.
std::string dump_json(const json& value, int indent = -1);

// French name of a JSON value's type, for "found ..." in messages.
std::string json_type_name(const json& v);

// True for identifiers made of letters, digits, '_', '-' and '.', 1 to 64 characters.
bool is_valid_id(const std::string& id);
// True for "tel:+" followed by 8 to 15 digits.
bool is_valid_phone(const std::string& urn);
// True for a plausible "local@domain.tld" address.
bool is_valid_email(const std::string& email);

// Reads the fields of one JSON object; every accessor records what is wrong and returns nullopt.
class ObjectReader {
 public:
  ObjectReader(const json& value, std::string path, Diagnostics& out);

  bool is_object() const { return obj_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const { return path_join(path_, key); }
  Diagnostics& diagnostics() { return out_; }

  // The raw value of a key, or nullptr; marks the key as known.
  const json* get(const std::string& key);
  bool has(const std::string& key) const;
  // A required value of any type.
  const json* required(const std::string& key);

  std::optional<std::string> string(const std::string& key, bool required = true, bool allow_empty = false);
  std::optional<std::string> id(const std::string& key, bool required = true);
  std::optional<std::int64_t> integer(const std::string& key, std::int64_t min, std::int64_t max, bool required = true);
  std::optional<bool> boolean(const std::string& key, bool required = true);
  std::optional<SimTime> time(const std::string& key, bool required = true);
  std::optional<std::int64_t> duration(const std::string& key, bool required = true);
  // A string that must be one of `allowed`; `what` names it in messages ("rôle").
  std::optional<std::string> one_of(const std::string& key, const std::vector<std::string>& allowed,
                                    const std::string& what, bool required = true);
  // An array value (empty if absent and optional).
  const json* array(const std::string& key, bool required = true);
  // An array of strings.
  std::optional<std::vector<std::string>> strings(const std::string& key, bool required = true);
  // An object value.
  const json* object(const std::string& key, bool required = true);

  // Reports every key that no accessor asked for, listing the expected ones.
  void reject_unknown_keys(const std::vector<std::string>& also_allowed = {});

  void error(const std::string& key, const std::string& code, std::vector<std::string> args = {});

 private:
  const json* obj_ = nullptr;
  std::string path_;
  Diagnostics& out_;
  std::set<std::string> known_;
};

// Adds a diagnostic at `path`.
void add_error(Diagnostics& out, const std::string& path, const std::string& code, std::vector<std::string> args = {});

}  // namespace kalan
