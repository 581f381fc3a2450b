#include "core/command_table.h"

#include "core/args.h"
#include "core/command.h"

#include "world/world.h"

namespace kalan {

namespace {

using K = ArgKind;

bool is_base64(const std::string& s) {
  if (s.size() % 4 != 0) return false;
  size_t pad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '=') {
      if (i + 2 < s.size()) return false;
      ++pad;
    } else if (pad > 0 || !(alnum || c == '+' || c == '/')) {
      return false;
    }
  }
  return true;
}

// An answer: a non-empty text, a number, or a non-empty list of those.
bool is_answer(const nlohmann::json& v) {
  const auto scalar = [](const nlohmann::json& x) {
    return x.is_number() || (x.is_string() && !x.get_ref<const std::string&>().empty());
  };
  if (v.is_array()) {
    if (v.empty()) return false;
    for (const auto& x : v)
      if (!scalar(x)) return false;
    return true;
  }
  return scalar(v);
}

}  // namespace

std::optional<nlohmann::json> parse_table_args(const std::vector<ArgSpec>& specs, ObjectReader& r) {
  const size_t before = r.diagnostics().size();
  nlohmann::json args = nlohmann::json::object();
  for (const ArgSpec& a : specs) {
    if (!a.required && !r.has(a.name)) continue;
    switch (a.kind) {
      case K::text:
        if (auto v = r.string(a.name, a.required)) args[a.name] = *v;
        break;
      case K::note:
        if (auto v = r.string(a.name, a.required, true)) args[a.name] = *v;
        break;
      case K::id:
      case K::case_id:
      case K::user:
      case K::service:
      case K::organisation:
      case K::location:
        if (auto v = r.id(a.name, a.required)) args[a.name] = *v;
        break;
      case K::choice:
        if (auto v = r.one_of(a.name, a.choices, a.what, a.required)) args[a.name] = *v;
        break;
      case K::integer:
        if (auto v = r.integer(a.name, a.min, a.max, a.required)) args[a.name] = *v;
        break;
      case K::boolean:
        if (auto v = r.boolean(a.name, a.required)) args[a.name] = *v;
        break;
      case K::object:
        if (auto v = r.object(a.name, a.required)) args[a.name] = *v;
        break;
      case K::array:
        if (auto v = r.array(a.name, a.required)) args[a.name] = *v;
        break;
      case K::answer:
        if (const nlohmann::json* v = a.required ? r.required(a.name) : r.get(a.name)) {
          if (is_answer(*v)) args[a.name] = *v;
          else r.error(a.name, "bad_answer");
        }
        break;
      case K::commands:
        if (const nlohmann::json* v = r.array(a.name, a.required)) {
          nlohmann::json list = nlohmann::json::array();
          for (size_t i = 0; i < v->size(); ++i) {
            const std::string p = path_join(r.path_of(a.name), i);
            auto c = parse_command((*v)[i], p, r.diagnostics());
            if (!c) continue;
            nlohmann::json j = command_to_json(*c);
            if (j.contains(a.name)) add_error(r.diagnostics(), p + "/type", "nested_commands", {j.value("type", "")});
            list.push_back(std::move(j));
          }
          args[a.name] = std::move(list);
        }
        break;
      case K::base64:
        if (auto v = r.string(a.name, a.required)) {
          if (is_base64(*v)) args[a.name] = *v;
          else r.error(a.name, "bad_base64");
        }
        break;
    }
  }
  if (r.diagnostics().size() != before) return std::nullopt;
  return args;
}

void check_table_refs(const std::vector<ArgSpec>& specs, const nlohmann::json& args, const World& w,
                      const std::string& path, Diagnostics& out) {
  for (const ArgSpec& a : specs) {
    auto it = args.find(a.name);
    if (it == args.end() || !it->is_string()) continue;
    const std::string& v = it->get_ref<const std::string&>();
    const char* what = nullptr;
    bool found = true;
    switch (a.kind) {
      case K::user: what = "@user", found = w.find_user(v) != nullptr; break;
      case K::service: what = "@service", found = w.find_service(v) != nullptr; break;
      case K::organisation: what = "@organisation", found = w.find_organisation(v) != nullptr; break;
      case K::location: what = "@location", found = w.find_location(v) != nullptr; break;
      default: break;
    }
    if (!found) add_error(out, path_join(path, a.name), "unknown_ref", {what, v});
  }
}

std::string string_arg(const nlohmann::json& args, const char* key) {
  auto it = args.find(key);
  return it != args.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace kalan
