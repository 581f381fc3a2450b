#include "core/reader.h"

#include <algorithm>

namespace kalan {

void add_error(Diagnostics& out, const std::string& path, const std::string& code, std::vector<std::string> args) {
  out.push_back(Diagnostic{path, code, std::move(args)});
}

namespace {

// Depth limit so that hostile input like "[[[[..." cannot exhaust the stack.
constexpr int kMaxDepth = 64;
constexpr size_t kMaxBytes = 16 * 1024 * 1024;

bool too_deep(const std::string& text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::optional<json> parse_json_text(const std::string& text, Diagnostics& out, const std::string& path) {
  if (text.size() > kMaxBytes) {
    add_error(out, path, "too_large", {std::to_string(text.size()), std::to_string(kMaxBytes)});
    return std::nullopt;
  }
  if (too_deep(text)) {
    add_error(out, path, "too_deep");
    return std::nullopt;
  }
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // Translate the byte offset into a line and column a facilitator can find in an editor.
    const size_t pos = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    size_t line = 1, col = 1;
    for (size_t i = 0; i < pos; ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    std::string what = e.what();
    // Keep nlohmann's own description ("syntax error while parsing value - invalid literal; ..."),
    // dropping its "[json.exception...] parse error at line L, column C: " prefix.
    const auto column = what.find("column");
    const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) what = what.substr(colon + 2);
    add_error(out, path, "json_syntax", {std::to_string(line), std::to_string(col), what});
  } catch (const std::exception& e) {
    add_error(out, path, "json_syntax", {"?", "?", e.what()});
  }
  return std::nullopt;
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, indent < 0 ? ' ' : '\t', false, json::error_handler_t::replace);
}

std::string json_type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "objet";
    case json::value_t::array: return "liste";
    case json::value_t::string: return "texte « " + v.get_ref<const std::string&>().substr(0, 40) + " »";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::number_float: return "nombre décimal " + v.dump();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "nombre " + v.dump();
    default: return "valeur";
  }
}

bool is_valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  });
}

bool is_valid_phone(const std::string& urn) {
  if (urn.rfind("tel:+", 0) != 0) return false;
  const std::string digits = urn.substr(5);
  if (digits.size() < 8 || digits.size() > 15) return false;
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_valid_email(const std::string& email) {
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) return false;
  const auto dot = email.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= email.size()) return false;
  return email.find(' ') == std::string::npos;
}

ObjectReader::ObjectReader(const json& value, std::string path, Diagnostics& out) : path_(std::move(path)), out_(out) {
  if (value.is_object()) obj_ = &value;
  else add_error(out_, path_, "type_object", {json_type_name(value)});
}

void ObjectReader::error(const std::string& key, const std::string& code, std::vector<std::string> args) {
  add_error(out_, key.empty() ? path_ : path_of(key), code, std::move(args));
}

bool ObjectReader::has(const std::string& key) const { return obj_ && obj_->contains(key); }

const json* ObjectReader::get(const std::string& key) {
  known_.insert(key);
  if (!obj_) return nullptr;
  const auto it = obj_->find(key);
  return it == obj_->end() ? nullptr : &*it;
}

const json* ObjectReader::required(const std::string& key) {
  const json* v = get(key);
  if (!v && obj_) add_error(out_, path_, "missing", {key});
  return v;
}

std::optional<std::string> ObjectReader::string(const std::string& key, bool req, bool allow_empty) {
  const json* v = req ? required(key) : get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(key, "type_string", {json_type_name(*v)});
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (!allow_empty && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(key, "empty_string");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::id(const std::string& key, bool req) {
  auto s = string(key, req);
  if (s && !is_valid_id(*s)) {
    error(key, "bad_id", {*s});
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> ObjectReader::integer(const std::string& key, std::int64_t min, std::int64_t max, bool req) {
  const json* v = req ? required(key) : get(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    error(key, "type_integer", {json_type_name(*v)});
    return std::nullopt;
  }
  std::int64_t n;
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    error(key, "out_of_range", {v->dump(), std::to_string(min), std::to_string(max)});
    return std::nullopt;
  }
  n = v->get<std::int64_t>();
  if (n < min || n > max) {
    error(key, "out_of_range", {std::to_string(n), std::to_string(min), std::to_string(max)});
    return std::nullopt;
  }
  return n;
}

std::optional<bool> ObjectReader::boolean(const std::string& key, bool req) {
  const json* v = req ? required(key) : get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    error(key, "type_bool", {json_type_name(*v)});
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<SimTime> ObjectReader::time(const std::string& key, bool req) {
  auto s = string(key, req);
  if (!s) return std::nullopt;
  auto t = parse_iso_time(*s);
  if (!t) error(key, "bad_time", {*s});
  return t;
}

std::optional<std::int64_t> ObjectReader::duration(const std::string& key, bool req) {
  auto s = string(key, req);
  if (!s) return std::nullopt;
  auto d = parse_duration(*s);
  if (!d) error(key, "bad_duration", {*s});
  return d;
}

std::optional<std::string> ObjectReader::one_of(const std::string& key, const std::vector<std::string>& allowed,
                                                const std::string& what, bool req) {
  auto s = string(key, req);
  if (!s) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    error(key, "unknown_value", {what, *s, join_list(allowed)});
    return std::nullopt;
  }
  return s;
}

const json* ObjectReader::array(const std::string& key, bool req) {
  const json* v = req ? required(key) : get(key);
  if (!v) return nullptr;
  if (!v->is_array()) {
    error(key, "type_array", {json_type_name(*v)});
    return nullptr;
  }
  return v;
}

std::optional<std::vector<std::string>> ObjectReader::strings(const std::string& key, bool req) {
  const json* v = array(key, req);
  if (!v) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    if (!item.is_string()) {
      add_error(out_, path_join(path_of(key), i), "type_string", {json_type_name(item)});
      ok = false;
    } else {
      out.push_back(item.get<std::string>());
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

const json* ObjectReader::object(const std::string& key, bool req) {
  const json* v = req ? required(key) : get(key);
  if (!v) return nullptr;
  if (!v->is_object()) {
    error(key, "type_object", {json_type_name(*v)});
    return nullptr;
  }
  return v;
}

void ObjectReader::reject_unknown_keys(const std::vector<std::string>& also_allowed) {
  if (!obj_) return;
  std::vector<std::string> expected(known_.begin(), known_.end());
  for (const auto& k : also_allowed) expected.push_back(k);
  std::sort(expected.begin(), expected.end());
  for (auto it = obj_->begin(); it != obj_->end(); ++it) {
    if (known_.count(it.key()) || std::find(also_allowed.begin(), also_allowed.end(), it.key()) != also_allowed.end())
      continue;
    add_error(out_, path_of(it.key()), "unknown_key", {it.key(), join_list(expected)});
  }
}

}  // namespace kalan
