// Commands declared as rows of a table (name + argument specs), read, written and checked
// generically. A system lists its command names in Table::kTypes and their arguments in
// Table::args(n); TableCommand<Table, N> is then one alternative of the command variant, and
// Table::apply(state, actor, N, args) runs it (sim/cases/commands.h, sim/reporting/commands.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/reader.h"

namespace kalan {

struct World;

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
  array,         // a JSON list (opening hours)
  answer,        // a text, a number, or a non-empty list of texts and numbers (an exercise answer)
  commands,      // a list of commands (an exercise's setup), each read as a command; none may nest another list
};

struct ArgSpec {
  const char* name;
  ArgKind kind;
  bool required;
  std::vector<std::string> choices = {};  // for ArgKind::choice
  const char* what = "";                  // names the value in messages ("@risk_level")
  std::int64_t min = 0, max = 0;          // for ArgKind::integer
};

// Reads the arguments of one table row; nullopt (with errors in the reader) when any is wrong.
std::optional<nlohmann::json> parse_table_args(const std::vector<ArgSpec>& specs, ObjectReader& r);
// Checks that the users, services, organisations and places the arguments name exist.
void check_table_refs(const std::vector<ArgSpec>& specs, const nlohmann::json& args, const World& w,
                      const std::string& path, Diagnostics& out);

template <class Table, std::size_t N>
struct TableCommand {
  static constexpr const char* kType = Table::kTypes[N];
  static constexpr std::size_t kIndex = N;
  nlohmann::json args = nlohmann::json::object();  // checked against Table::args(N)

  static std::optional<TableCommand> parse(ObjectReader& r) {
    auto a = parse_table_args(Table::args(N), r);
    if (!a) return std::nullopt;
    return TableCommand{std::move(*a)};
  }
  void write(nlohmann::json& j) const {
    for (auto it = args.begin(); it != args.end(); ++it) j[it.key()] = it.value();
  }
  void check_refs(const World& w, const std::string& path, Diagnostics& out) const {
    check_table_refs(Table::args(N), args, w, path, out);
  }
};

}  // namespace kalan
