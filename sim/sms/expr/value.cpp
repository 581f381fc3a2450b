#include "sms/expr/value.h"

#include "core/time.h"
#include "sms/expr/unicode.h"
#include "sms/text.h"

namespace kalan::flows::expr {

Value Value::text(std::string v) {
  Value x;
  x.kind = Kind::text;
  x.s = std::move(v);
  return x;
}

Value Value::number(Decimal v) {
  Value x;
  x.kind = Kind::number;
  x.n = std::move(v);
  return x;
}

Value Value::boolean(bool v) {
  Value x;
  x.kind = Kind::boolean;
  x.b = v;
  return x;
}

Value Value::error(std::string message) {
  Value x;
  x.kind = Kind::error;
  x.s = std::move(message);
  return x;
}

Value Value::date(std::int64_t days) {
  Value x;
  x.kind = Kind::date;
  x.t = days;
  return x;
}

Value Value::time(std::int64_t nanos_of_day) {
  Value x;
  x.kind = Kind::time;
  x.t = nanos_of_day;
  return x;
}

Value Value::datetime(std::int64_t utc_seconds, std::int32_t nanos, std::int32_t offset_minutes) {
  Value x;
  x.kind = Kind::datetime;
  x.t = utc_seconds;
  x.nanos = nanos;
  x.offset = offset_minutes;
  return x;
}

Value Value::array(ValueList items) {
  Value x;
  x.kind = Kind::array;
  x.arr = std::make_shared<const ValueList>(std::move(items));
  return x;
}

Value Value::object(std::map<std::string, Value> props) {
  Value x;
  x.kind = Kind::object;
  auto o = std::make_shared<Object>();
  o->props = std::move(props);
  x.obj = std::move(o);
  return x;
}

Value Value::function(std::shared_ptr<const Function> f) {
  Value x;
  x.kind = Kind::function;
  x.fn = std::move(f);
  return x;
}

const Value* Object::get(std::string_view name) const {
  auto it = props.find(std::string(name));
  if (it != props.end()) return &it->second;
  const FoldKey want(name);
  for (const auto& [k, v] : props)
    if (want.matches(k)) return &v;
  return nullptr;
}

const Value& reduce(const Value& v) {
  const Value* cur = &v;
  // Defaults may themselves be objects with defaults; a few levels are plenty.
  for (int i = 0; i < 8 && cur->kind == Value::Kind::object && cur->obj && cur->obj->has_default; ++i)
    cur = &cur->obj->def;
  return *cur;
}

void put_digits(std::string& out, std::int64_t v, int width) {
  std::string d;
  const bool neg = v < 0;
  std::uint64_t m = neg ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
  do {
    d.push_back(static_cast<char>('0' + m % 10));
    m /= 10;
  } while (m > 0);
  while (static_cast<int>(d.size()) < width) d.push_back('0');
  if (neg) d.push_back('-');
  out.append(d.rbegin(), d.rend());
}

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

std::string iso_date(std::int64_t days) {
  const CivilDate c = civil_from_days(days);
  std::string out;
  put_digits(out, c.year, 4);
  out += '-';
  put_digits(out, c.month, 2);
  out += '-';
  put_digits(out, c.day, 2);
  return out;
}

std::string iso_time(std::int64_t nanos_of_day) {
  const std::int64_t secs = nanos_of_day / 1000000000;
  std::string out;
  put_digits(out, secs / 3600, 2);
  out += ':';
  put_digits(out, secs / 60 % 60, 2);
  out += ':';
  put_digits(out, secs % 60, 2);
  out += '.';
  put_digits(out, nanos_of_day % 1000000000 / 1000, 6);
  return out;
}

std::string iso_datetime(std::int64_t utc_seconds, std::int32_t nanos, std::int32_t offset_minutes) {
  const std::int64_t local = utc_seconds + static_cast<std::int64_t>(offset_minutes) * 60;
  const std::int64_t days = floor_div(local, 86400);
  const std::int64_t secs = local - days * 86400;
  std::string out = iso_date(days);
  out += 'T';
  out += iso_time(secs * 1000000000 + nanos).substr(0, 15);
  if (offset_minutes == 0) {
    out += 'Z';
  } else {
    const int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    out += offset_minutes < 0 ? '-' : '+';
    put_digits(out, m / 60, 2);
    out += ':';
    put_digits(out, m % 60, 2);
  }
  return out;
}

std::string render(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null:
    case Value::Kind::error: return "";
    case Value::Kind::text: return v.s;
    case Value::Kind::number: return v.n.to_string();
    case Value::Kind::boolean: return v.b ? "true" : "false";
    case Value::Kind::date: return iso_date(v.t);
    case Value::Kind::time: return iso_time(v.t);
    case Value::Kind::datetime: return iso_datetime(v.t, v.nanos, v.offset);
    case Value::Kind::array: {
      std::string out = "[";
      bool first = true;
      for (const Value& item : *v.arr) {
        if (!first) out += ", ";
        first = false;
        out += render(item);
      }
      return out + "]";
    }
    case Value::Kind::object: {
      if (v.obj->has_default) return render(v.obj->def);
      std::string out = "{";
      bool first = true;
      for (const auto& [k, item] : v.obj->props) {
        if (!first) out += ", ";
        first = false;
        out += k;
        out += ": ";
        out += render(item);
      }
      return out + "}";
    }
    case Value::Kind::function: return v.fn->name.empty() ? "<anon>" : v.fn->name;
  }
  return "";
}

std::string describe(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return "null";
    case Value::Kind::error: return "error";
    case Value::Kind::text: {
      std::string out = "\"";
      for (char c : v.s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else if (c == '\n') {
          out += "\\n";
        } else if (c == '\t') {
          out += "\\t";
        } else if (c == '\r') {
          out += "\\r";
        } else if (u < 0x20 || u == 0x7f) {
          static const char* hex = "0123456789abcdef";
          out += "\\x";
          out += hex[u >> 4];
          out += hex[u & 15];
        } else {
          out += c;
        }
      }
      return out + "\"";
    }
    case Value::Kind::number: return v.n.to_string();
    case Value::Kind::boolean: return v.b ? "true" : "false";
    case Value::Kind::date: return "date";
    case Value::Kind::time: return "time";
    case Value::Kind::datetime: return "datetime";
    case Value::Kind::array: return "array";
    case Value::Kind::object: return "object";
    case Value::Kind::function: return "function";
  }
  return "value";
}

bool truthy(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null:
    case Value::Kind::error: return false;
    case Value::Kind::text: return !v.s.empty() && lower(v.s) != "false";
    case Value::Kind::number: return !v.n.is_zero();
    case Value::Kind::boolean: return v.b;
    case Value::Kind::date:
    case Value::Kind::datetime: return true;
    case Value::Kind::time: return v.t != 0;
    case Value::Kind::array: return !v.arr->empty();
    case Value::Kind::object: return v.obj->has_default ? truthy(v.obj->def) : !v.obj->props.empty();
    case Value::Kind::function: return true;
  }
  return false;
}

bool to_text(const Value& v, std::string& out, Value& err) {
  if (v.is_error()) {
    err = v;
    return false;
  }
  out = render(v);
  return true;
}

bool to_number(const Value& v, Decimal& out, Value& err) {
  const Value& r = reduce(v);
  if (r.is_error()) {
    err = r;
    return false;
  }
  if (r.is(Value::Kind::number)) {
    out = r.n;
    return true;
  }
  if (r.is(Value::Kind::text)) {
    if (auto d = Decimal::parse_text(r.s)) {
      out = *d;
      return true;
    }
  }
  err = Value::error("unable to convert " + describe(v) + " to a number");
  return false;
}

bool to_integer(const Value& v, std::int64_t& out, Value& err) {
  Decimal d;
  if (!to_number(v, d, err)) return false;
  const auto i = d.int_part();
  if (!i || *i < -2147483648LL || *i > 2147483647LL) {
    err = Value::error("number value " + d.to_string() + " is out of range for an integer");
    return false;
  }
  out = *i;
  return true;
}

bool to_boolean(const Value& v, bool& out, Value& err) {
  if (v.is_error()) {
    err = v;
    return false;
  }
  out = truthy(v);
  return true;
}

bool to_array(const Value& v, std::shared_ptr<const ValueList>& out, Value& err) {
  if (v.is_error()) {
    err = v;
    return false;
  }
  if (v.is_null()) {
    out = std::make_shared<const ValueList>();
    return true;
  }
  if (v.is(Value::Kind::array)) {
    out = v.arr;
    return true;
  }
  err = Value::error("unable to convert " + describe(v) + " to an array");
  return false;
}

bool to_object(const Value& v, std::shared_ptr<const Object>& out, Value& err) {
  if (v.is_error()) {
    err = v;
    return false;
  }
  if (v.is_null()) {
    out = std::make_shared<const Object>();
    return true;
  }
  if (v.is(Value::Kind::object)) {
    out = v.obj;
    return true;
  }
  err = Value::error("unable to convert " + describe(v) + " to an object");
  return false;
}

bool equals(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::null: return true;
    case Value::Kind::error:
    case Value::Kind::text: return a.s == b.s;
    case Value::Kind::number: return a.n == b.n;
    case Value::Kind::boolean: return a.b == b.b;
    case Value::Kind::date:
    case Value::Kind::time: return a.t == b.t;
    case Value::Kind::datetime: return a.t == b.t && a.nanos == b.nanos;
    case Value::Kind::array: {
      if (a.arr->size() != b.arr->size()) return false;
      for (size_t i = 0; i < a.arr->size(); ++i)
        if (!equals((*a.arr)[i], (*b.arr)[i])) return false;
      return true;
    }
    case Value::Kind::object: {
      if (a.obj->has_default != b.obj->has_default) return false;
      if (a.obj->has_default && !equals(a.obj->def, b.obj->def)) return false;
      if (a.obj->props.size() != b.obj->props.size()) return false;
      auto ia = a.obj->props.begin();
      auto ib = b.obj->props.begin();
      for (; ia != a.obj->props.end(); ++ia, ++ib)
        if (ia->first != ib->first || !equals(ia->second, ib->second)) return false;
      return true;
    }
    case Value::Kind::function: return a.fn == b.fn || (!a.fn->name.empty() && a.fn->name == b.fn->name);
  }
  return false;
}

bool compare(const Value& a, const Value& b, int& out) {
  if (a.kind != b.kind) return false;
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.kind) {
    case Value::Kind::text: out = sign(a.s, b.s); return true;
    case Value::Kind::number: out = a.n.compare(b.n); return true;
    case Value::Kind::boolean: out = sign(a.b, b.b); return true;
    case Value::Kind::date:
    case Value::Kind::time: out = sign(a.t, b.t); return true;
    case Value::Kind::datetime: out = a.t != b.t ? sign(a.t, b.t) : sign(a.nanos, b.nanos); return true;
    default: return false;
  }
}

void write_json_string(std::string_view s, std::string& out) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (char32_t c : text::decode_utf8(s)) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
        } else {
          text::append_utf8(out, c);
        }
    }
  }
  out += '"';
}

void write_json(const Value& v, std::string& out) {
  switch (v.kind) {
    case Value::Kind::null:
    case Value::Kind::error:
    case Value::Kind::function: out += "null"; return;
    case Value::Kind::text: write_json_string(v.s, out); return;
    case Value::Kind::number: out += v.n.to_string(); return;
    case Value::Kind::boolean: out += v.b ? "true" : "false"; return;
    case Value::Kind::date:
    case Value::Kind::time:
    case Value::Kind::datetime: write_json_string(render(v), out); return;
    case Value::Kind::array: {
      out += '[';
      bool first = true;
      for (const Value& item : *v.arr) {
        if (!first) out += ',';
        first = false;
        write_json(item, out);
      }
      out += ']';
      return;
    }
    case Value::Kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [k, item] : v.obj->props) {
        if (item.is_error()) continue;
        if (!first) out += ',';
        first = false;
        write_json_string(k, out);
        out += ':';
        write_json(item, out);
      }
      out += '}';
      return;
    }
  }
}

namespace {
Value number_from_unsigned(std::uint64_t u) {
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + u % 10));
    u /= 10;
  } while (u > 0);
  return Value::number(*Decimal::parse(std::string(digits.rbegin(), digits.rend())));
}
}  // namespace

Value from_json(const nlohmann::json& j) { return from_json_at(j, 0); }

Value from_json_at(const nlohmann::json& j, int start_depth) {
  // Beyond a sane depth, nested data is cut: it only guards the native stack.
  struct Convert {
    static Value run(const nlohmann::json& j, int depth) {
      switch (j.type()) {
        case nlohmann::json::value_t::string: return Value::text(j.get_ref<const std::string&>());
        case nlohmann::json::value_t::boolean: return Value::boolean(j.get<bool>());
        case nlohmann::json::value_t::number_integer: return Value::integer(j.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned: return number_from_unsigned(j.get<std::uint64_t>());
        case nlohmann::json::value_t::number_float: {
          // nlohmann writes doubles with a locale-free shortest round-trip algorithm.
          auto d = Decimal::parse(j.dump(), true);
          return d ? Value::number(*d) : Value::null();
        }
        case nlohmann::json::value_t::array: {
          ValueList items;
          if (depth < kMaxJsonDepth)
            for (const auto& item : j) items.push_back(run(item, depth + 1));
          return Value::array(std::move(items));
        }
        case nlohmann::json::value_t::object: {
          auto o = std::make_shared<Object>();
          if (depth < kMaxJsonDepth) {
            for (auto it = j.begin(); it != j.end(); ++it) {
              if (it.key() == "__default__") {
                o->has_default = true;
                o->def = run(it.value(), depth + 1);
              } else {
                o->props.emplace_hint(o->props.end(), it.key(), run(it.value(), depth + 1));
              }
            }
          }
          Value v;
          v.kind = Value::Kind::object;
          v.obj = std::move(o);
          return v;
        }
        default: return Value::null();
      }
    }
  };
  return Convert::run(j, start_depth);
}

namespace {

// Builds values from nlohmann's SAX events, keeping the original text of numbers.
class JsonBuilder {
 public:
  using json = nlohmann::json;
  Value result;
  std::string failure;

  bool null() { return put(Value::null()); }
  bool boolean(bool v) { return put(Value::boolean(v)); }
  bool number_integer(json::number_integer_t v) { return put(Value::integer(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(number_from_unsigned(v)); }
  bool number_float(json::number_float_t, const json::string_t& s) {
    auto d = Decimal::parse(s, true);
    if (!d) {
      failure = "number out of range: " + s;
      return false;
    }
    return put(Value::number(*d));
  }
  bool string(json::string_t& v) { return put(Value::text(v)); }
  bool binary(json::binary_t&) { return put(Value::null()); }
  bool start_object(std::size_t) {
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth)) return too_deep();
    stack_.push_back(Frame{true, {}, {}, {}});
    return true;
  }
  bool key(json::string_t& k) {
    stack_.back().key = k;
    return true;
  }
  bool end_object() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return put(Value::object(std::move(f.props)));
  }
  bool start_array(std::size_t) {
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth)) return too_deep();
    stack_.push_back(Frame{false, {}, {}, {}});
    return true;
  }
  bool end_array() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return put(Value::array(std::move(f.items)));
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    if (failure.empty()) failure = "invalid JSON";
    return false;
  }

 private:
  struct Frame {
    bool is_object;
    std::string key;
    std::map<std::string, Value> props;
    ValueList items;
  };
  bool put(Value v) {
    if (stack_.empty()) {
      result = std::move(v);
    } else if (stack_.back().is_object) {
      stack_.back().props[stack_.back().key] = std::move(v);
    } else {
      stack_.back().items.push_back(std::move(v));
    }
    return true;
  }
  bool too_deep() {
    failure = "JSON is nested too deeply";
    return false;
  }
  std::vector<Frame> stack_;
};

}  // namespace

Value parse_json(std::string_view text) {
  JsonBuilder b;
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &b);
  } catch (...) {
    ok = false;
  }
  if (!ok) return Value::error(b.failure.empty() ? "invalid JSON" : b.failure);
  return b.result;
}

nlohmann::json to_nlohmann(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null:
    case Value::Kind::error:
    case Value::Kind::function: return nullptr;
    case Value::Kind::text: return v.s;
    case Value::Kind::number: {
      if (v.n.is_integer())
        if (auto i = v.n.int_part()) return *i;
      try {
        return nlohmann::json::parse(v.n.to_string());
      } catch (...) {
        return v.n.to_string();
      }
    }
    case Value::Kind::boolean: return v.b;
    case Value::Kind::date:
    case Value::Kind::time:
    case Value::Kind::datetime: return render(v);
    case Value::Kind::array: {
      nlohmann::json a = nlohmann::json::array();
      for (const Value& item : *v.arr) a.push_back(to_nlohmann(item));
      return a;
    }
    case Value::Kind::object: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, item] : v.obj->props)
        if (!item.is_error()) o[k] = to_nlohmann(item);
      return o;
    }
  }
  return nullptr;
}

}  // namespace kalan::flows::expr
