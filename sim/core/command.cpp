#include "core/command.h"

#include "core/reader.h"

namespace kalan {

namespace {

template <class Variant, size_t I = 0>
bool parse_body(const std::string& type, ObjectReader& r, Variant& out, bool& parsed) {
  if constexpr (I < std::variant_size_v<Variant>) {
    using T = std::variant_alternative_t<I, Variant>;
    if (type == T::kType) {
      auto body = T::parse(r);
      parsed = body.has_value();
      if (body) out = std::move(*body);
      return true;
    }
    return parse_body<Variant, I + 1>(type, r, out, parsed);
  }
  return false;
}

template <class Variant, size_t I = 0>
void collect_types(std::vector<std::string>& out) {
  if constexpr (I < std::variant_size_v<Variant>) {
    out.push_back(std::variant_alternative_t<I, Variant>::kType);
    collect_types<Variant, I + 1>(out);
  }
}

}  // namespace

const char* command_type(const Command& c) {
  return std::visit([](const auto& b) { return std::decay_t<decltype(b)>::kType; }, c.body);
}

const std::vector<std::string>& command_types() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> t;
    collect_types<CommandBody>(t);
    return t;
  }();
  return types;
}

std::optional<Command> parse_command(const nlohmann::json& value, const std::string& path, Diagnostics& out,
                                     bool scheduled) {
  ObjectReader r(value, path, out);
  if (!r.is_object()) return std::nullopt;
  const size_t errors_before = out.size();
  Command c;
  auto type = r.one_of("type", command_types(), "@command_type");
  if (scheduled) {
    c.actor = r.id("actor", false).value_or(kSystem);
  } else {
    auto actor = r.id("actor");
    if (actor) c.actor = *actor;
  }
  if (auto key = r.string("key", false)) c.key = *key;
  if (!type) return std::nullopt;
  bool parsed = false;
  parse_body(*type, r, c.body, parsed);
  r.reject_unknown_keys();
  if (!parsed || out.size() != errors_before) return std::nullopt;
  return c;
}

void check_command_refs(const Command& c, const World& w, const std::string& path, Diagnostics& out) {
  std::visit([&](const auto& b) { b.check_refs(w, path, out); }, c.body);
}

nlohmann::json command_to_json(const Command& c) {
  nlohmann::json j = {{"type", command_type(c)}, {"actor", c.actor}};
  if (!c.key.empty()) j["key"] = c.key;
  std::visit([&](const auto& b) { b.write(j); }, c.body);
  return j;
}

}  // namespace kalan
