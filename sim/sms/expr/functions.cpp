// The built-in functions, grouped as RapidPro documents them. Each receives its arguments already
// evaluated (errors included) and returns a value or an error value.
#include <algorithm>

#include "sms/expr/dates.h"
#include "sms/expr/eval.h"
#include "sms/expr/unicode.h"
#include "sms/text.h"

namespace kalan::flows::expr {

namespace {

// Converts arguments, keeping the first conversion error.
class Args {
 public:
  explicit Args(const ValueList& a) : a_(a) {}
  size_t size() const { return a_.size(); }
  const Value& operator[](size_t i) const { return a_[i]; }
  bool has(size_t i) const { return i < a_.size(); }

  bool text(size_t i, std::string& out) { return to_text(a_[i], out, err); }
  bool number(size_t i, Decimal& out) { return to_number(a_[i], out, err); }
  bool integer(size_t i, std::int64_t& out) { return to_integer(a_[i], out, err); }
  bool boolean(size_t i, bool& out) { return to_boolean(a_[i], out, err); }
  bool array(size_t i, std::shared_ptr<const ValueList>& out) { return to_array(a_[i], out, err); }
  bool object(size_t i, std::shared_ptr<const Object>& out) { return to_object(a_[i], out, err); }
  bool datetime(size_t i, const ExprEnv& env, Value& out) { return to_datetime(a_[i], env, out, err); }
  bool date(size_t i, const ExprEnv& env, std::int64_t& out) { return to_date(a_[i], env, out, err); }
  bool time(size_t i, std::int64_t& out) { return to_time(a_[i], out, err); }
  // An optional text argument: absent or null gives "".
  bool optional_text(size_t i, std::string& out) {
    out.clear();
    if (!has(i) || a_[i].is_null()) return true;
    return text(i, out);
  }

  Value err;

 private:
  const ValueList& a_;
};

Value first_error(const ValueList& args) {
  for (const Value& a : args)
    if (a.is_error()) return a;
  return Value::null();
}

std::vector<std::string> words_of(const std::string& s, const std::string& delimiters) {
  return delimiters.empty() ? words(s) : split_by_chars(s, delimiters);
}

std::string join(const std::vector<std::string>& parts, const std::string& sep, size_t from = 0, size_t to = SIZE_MAX) {
  std::string out;
  to = std::min(to, parts.size());
  for (size_t i = from; i < to; ++i) {
    if (i > from) out += sep;
    out += parts[i];
  }
  return out;
}

std::string itos(std::int64_t v) { return std::to_string(v); }

constexpr size_t kMaxTextBytes = 100000;

// ----- type conversion -----

Value f_text(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  return Value::text(s);
}

Value f_boolean(Ctx&, const ValueList& args) {
  Args a(args);
  bool b;
  if (!a.boolean(0, b)) return a.err;
  return Value::boolean(b);
}

Value f_number(Ctx&, const ValueList& args) {
  Args a(args);
  Decimal d;
  if (!a.number(0, d)) return a.err;
  return Value::number(d);
}

Value f_date(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::int64_t days;
  if (!a.date(0, cx.env, days)) return a.err;
  return Value::date(days);
}

Value f_datetime(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  if (!a.datetime(0, cx.env, dt)) return a.err;
  return dt;
}

Value f_time(Ctx&, const ValueList& args) {
  Args a(args);
  std::int64_t t;
  if (!a.time(0, t)) return a.err;
  return Value::time(t);
}

Value f_array(Ctx&, const ValueList& args) {
  const Value e = first_error(args);
  if (e.is_error()) return e;
  return Value::array(args);
}

Value f_object(Ctx&, const ValueList& args) {
  const Value e = first_error(args);
  if (e.is_error()) return e;
  if (args.size() % 2 != 0) return Value::error("requires an even number of arguments");
  Args a(args);
  std::map<std::string, Value> props;
  for (size_t i = 0; i < args.size(); i += 2) {
    std::string key;
    if (!a.text(i, key)) return a.err;
    props[key] = args[i + 1];
  }
  return Value::object(std::move(props));
}

// ----- text -----

Value f_char(Ctx&, const ValueList& args) {
  Args a(args);
  std::int64_t code;
  if (!a.integer(0, code)) return a.err;
  char32_t c = static_cast<char32_t>(code);
  if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) c = 0xFFFD;
  std::string out;
  text::append_utf8(out, c);
  return Value::text(out);
}

Value f_code(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  if (s.empty()) return Value::error("requires a text of at least one character");
  return Value::integer(text::decode_utf8(s).front());
}

Value f_split(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, delims;
  if (!a.text(0, s) || !a.optional_text(1, delims)) return a.err;
  ValueList items;
  for (std::string& w : words_of(s, delims)) items.push_back(Value::text(std::move(w)));
  return Value::array(std::move(items));
}

Value trim_impl(const ValueList& args, bool left, bool right) {
  Args a(args);
  std::string s, chars;
  if (!a.text(0, s) || !a.optional_text(1, chars)) return a.err;
  return Value::text(chars.empty() ? trim_space(s, left, right) : trim_chars(s, chars, left, right));
}
Value f_trim(Ctx&, const ValueList& args) { return trim_impl(args, true, true); }
Value f_trim_left(Ctx&, const ValueList& args) { return trim_impl(args, true, false); }
Value f_trim_right(Ctx&, const ValueList& args) { return trim_impl(args, false, true); }

Value f_title(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  return Value::text(title(s));
}

Value f_upper(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  return Value::text(upper(s));
}

Value f_lower(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  return Value::text(lower(s));
}

Value f_word(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, delims;
  std::int64_t index;
  if (!a.text(0, s) || !a.integer(1, index) || !a.optional_text(2, delims)) return a.err;
  const std::vector<std::string> ws = words_of(s, delims);
  const auto count = static_cast<std::int64_t>(ws.size());
  const std::int64_t at = index < 0 ? index + count : index;
  if (at < 0 || at >= count)
    return Value::error("index " + itos(index) + " is out of range for the number of words " + itos(count));
  return Value::text(ws[static_cast<size_t>(at)]);
}

Value f_remove_first_word(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  const std::vector<std::string> ws = words(s);
  if (ws.size() < 2) return Value::text("");
  const size_t first = s.find(ws[0]);
  std::string rest = s.substr(first + ws[0].size());
  const size_t second = rest.find(ws[1]);
  return Value::text(rest.substr(second == std::string::npos ? 0 : second));
}

Value f_word_count(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, delims;
  if (!a.text(0, s) || !a.optional_text(1, delims)) return a.err;
  return Value::integer(static_cast<std::int64_t>(words_of(s, delims).size()));
}

Value f_word_slice(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, delims;
  std::int64_t start, end = -1;
  if (!a.text(0, s) || !a.integer(1, start)) return a.err;
  if (start < 0) return Value::error("must start with a positive index");
  if (a.has(2) && !a.integer(2, end)) return a.err;
  if (end > 0 && end <= start) return Value::error("must have an end which is greater than the start");
  if (!a.optional_text(3, delims)) return a.err;
  const std::vector<std::string> ws = words_of(s, delims);
  const auto count = static_cast<std::int64_t>(ws.size());
  if (start >= count) return Value::text("");
  if (end > count) end = count;
  return Value::text(join(ws, " ", static_cast<size_t>(start), end > 0 ? static_cast<size_t>(end) : ws.size()));
}

Value f_field(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, sep;
  std::int64_t index;
  if (!a.text(0, s) || !a.integer(1, index)) return a.err;
  if (index < 0) return Value::error("cannot use a negative index");
  if (!a.text(2, sep)) return a.err;
  std::vector<std::string> fields;
  if (sep.empty()) {
    for (char32_t c : text::decode_utf8(s)) {
      std::string one;
      text::append_utf8(one, c);
      fields.push_back(one);
    }
  } else {
    size_t from = 0;
    for (;;) {
      const size_t at = s.find(sep, from);
      if (at == std::string::npos) {
        fields.push_back(s.substr(from));
        break;
      }
      fields.push_back(s.substr(from, at - from));
      from = at + sep.size();
    }
  }
  if (sep == " ") {  // splitting on a space means splitting on runs of spaces
    std::vector<std::string> kept;
    for (std::string& f : fields)
      if (!f.empty()) kept.push_back(std::move(f));
    fields = std::move(kept);
  }
  if (index >= static_cast<std::int64_t>(fields.size())) return Value::text("");
  return Value::text(trim_space(fields[static_cast<size_t>(index)]));
}

Value f_clean(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  std::string out;
  for (char32_t c : text::decode_utf8(s))
    if (!is_non_printable(c)) text::append_utf8(out, c);
  return Value::text(out);
}

Value slice_code_points(const std::string& s, std::int64_t start, std::int64_t end) {
  const std::vector<char32_t> cps = text::decode_utf8(s);
  std::string out;
  for (std::int64_t i = std::max<std::int64_t>(start, 0); i < end && i < static_cast<std::int64_t>(cps.size()); ++i)
    text::append_utf8(out, cps[static_cast<size_t>(i)]);
  return Value::text(out);
}

Value f_text_slice(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  std::int64_t start, end;
  if (!a.text(0, s) || !a.integer(1, start)) return a.err;
  const auto length = static_cast<std::int64_t>(text::utf8_length(s));
  if (start < 0) start += length;
  end = length;
  if (a.has(2) && !a.integer(2, end)) return a.err;
  if (end < 0) end += length;
  return slice_code_points(s, start, end);
}

Value f_left(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  std::int64_t count;
  if (!a.text(0, s) || !a.integer(1, count)) return a.err;
  if (count < 0) return Value::error("can't take a negative count");
  return slice_code_points(s, 0, count);
}

Value f_right(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  std::int64_t count;
  if (!a.text(0, s) || !a.integer(1, count)) return a.err;
  if (count < 0) return Value::error("can't take a negative count");
  const auto length = static_cast<std::int64_t>(text::utf8_length(s));
  return slice_code_points(s, length - count, length);
}

Value f_text_length(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  return Value::integer(static_cast<std::int64_t>(text::utf8_length(s)));
}

Value f_text_compare(Ctx&, const ValueList& args) {
  Args a(args);
  std::string x, y;
  if (!a.text(0, x) || !a.text(1, y)) return a.err;
  const int c = x.compare(y);
  return Value::integer(c < 0 ? -1 : c > 0 ? 1 : 0);
}

Value f_repeat(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  std::int64_t count;
  if (!a.text(0, s) || !a.integer(1, count)) return a.err;
  if (count < 0) return Value::error("must be called with a positive integer, got " + itos(count));
  if (!s.empty() && static_cast<std::uint64_t>(count) > kMaxTextBytes / s.size())
    return Value::error("the result would be too long");
  std::string out;
  for (std::int64_t i = 0; i < count; ++i) out += s;
  return Value::text(out);
}

Value f_replace(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, needle, repl;
  std::int64_t count = -1;
  if (!a.text(0, s) || !a.text(1, needle) || !a.text(2, repl)) return a.err;
  if (a.has(3) && !a.integer(3, count)) return a.err;
  std::string out;
  std::int64_t done = 0;
  if (needle.empty()) {
    // Like Go: the replacement goes before each character and at the end.
    const std::vector<char32_t> cps = text::decode_utf8(s);
    for (size_t i = 0; i <= cps.size(); ++i) {
      if (count < 0 || done < count) {
        out += repl;
        ++done;
      }
      if (i < cps.size()) text::append_utf8(out, cps[i]);
      if (out.size() > kMaxTextBytes) return Value::error("the result would be too long");
    }
    return Value::text(out);
  }
  size_t from = 0;
  while (count < 0 || done < count) {
    const size_t at = s.find(needle, from);
    if (at == std::string::npos) break;
    out.append(s, from, at - from);
    out += repl;
    from = at + needle.size();
    ++done;
    if (out.size() > kMaxTextBytes) return Value::error("the result would be too long");
  }
  out.append(s, from, std::string::npos);
  return Value::text(out);
}

Value f_percent(Ctx&, const ValueList& args) {
  Args a(args);
  Decimal d;
  if (!a.number(0, d)) return a.err;
  return Value::text(d.mul(Decimal::from_int(100)).round(0).to_string() + "%");
}

Value f_url_encode(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return Value::text(out);
}

Value f_html_decode(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  struct Entity {
    const char* name;
    char32_t cp;
  };
  static const Entity entities[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
      {"iexcl", 0xA1}, {"cent", 0xA2}, {"pound", 0xA3}, {"curren", 0xA4}, {"yen", 0xA5}, {"brvbar", 0xA6},
      {"sect", 0xA7}, {"uml", 0xA8}, {"copy", 0xA9}, {"ordf", 0xAA}, {"laquo", 0xAB}, {"not", 0xAC},
      {"shy", 0xAD}, {"reg", 0xAE}, {"macr", 0xAF}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"sup2", 0xB2},
      {"sup3", 0xB3}, {"acute", 0xB4}, {"micro", 0xB5}, {"para", 0xB6}, {"middot", 0xB7}, {"cedil", 0xB8},
      {"sup1", 0xB9}, {"ordm", 0xBA}, {"raquo", 0xBB}, {"frac14", 0xBC}, {"frac12", 0xBD}, {"frac34", 0xBE},
      {"iquest", 0xBF}, {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3}, {"Auml", 0xC4},
      {"Aring", 0xC5}, {"AElig", 0xC6}, {"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Ecirc", 0xCA},
      {"Euml", 0xCB}, {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Iuml", 0xCF}, {"ETH", 0xD0},
      {"Ntilde", 0xD1}, {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
      {"times", 0xD7}, {"Oslash", 0xD8}, {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Uuml", 0xDC},
      {"Yacute", 0xDD}, {"THORN", 0xDE}, {"szlig", 0xDF}, {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2},
      {"atilde", 0xE3}, {"auml", 0xE4}, {"aring", 0xE5}, {"aelig", 0xE6}, {"ccedil", 0xE7}, {"egrave", 0xE8},
      {"eacute", 0xE9}, {"ecirc", 0xEA}, {"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE},
      {"iuml", 0xEF}, {"eth", 0xF0}, {"ntilde", 0xF1}, {"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4},
      {"otilde", 0xF5}, {"ouml", 0xF6}, {"divide", 0xF7}, {"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA},
      {"ucirc", 0xFB}, {"uuml", 0xFC}, {"yacute", 0xFD}, {"thorn", 0xFE}, {"yuml", 0xFF}, {"OElig", 0x152},
      {"oelig", 0x153}, {"euro", 0x20AC}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
      {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bull", 0x2022}, {"hellip", 0x2026},
      {"trade", 0x2122},
  };
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    bool done = false;
    if (semi != std::string::npos && semi - i <= 10) {
      const std::string name = s.substr(i + 1, semi - i - 1);
      char32_t cp = 0;
      if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        std::uint32_t v = 0;
        bool ok = name.size() > (hex ? 2u : 1u);
        for (size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
          const char c = name[k];
          int d = -1;
          if (c >= '0' && c <= '9') d = c - '0';
          else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
          else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
          if (d < 0) ok = false;
          else v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
          if (v > 0x10FFFF) ok = false;
        }
        if (ok) cp = (v >= 0xD800 && v <= 0xDFFF) || v == 0 ? 0xFFFD : v;
      } else {
        for (const Entity& e : entities)
          if (name == e.name) cp = e.cp;
      }
      if (cp != 0) {
        text::append_utf8(out, cp == 0xA0 ? U' ' : cp);  // a non-breaking space becomes a space
        i = semi + 1;
        done = true;
      }
    }
    if (!done) out += s[i++];
  }
  return Value::text(out);
}

// ----- booleans -----

Value f_and(Ctx&, const ValueList& args) {
  for (const Value& v : args) {
    if (v.is_error()) return v;
    if (!truthy(v)) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value f_or(Ctx&, const ValueList& args) {
  for (const Value& v : args) {
    if (v.is_error()) return v;
    if (truthy(v)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

Value f_not(Ctx&, const ValueList& args) {
  if (args[0].is_error()) return args[0];
  return Value::boolean(!truthy(args[0]));
}

Value f_if(Ctx&, const ValueList& args) {
  if (args[0].is_error()) return args[0];
  return truthy(args[0]) ? args[1] : args[2];
}

// ----- numbers -----

Value round_impl(const ValueList& args, Decimal::Rounding mode) {
  Args a(args);
  Decimal d;
  std::int64_t places = 0;
  if (!a.number(0, d)) return a.err;
  if (a.has(1) && !a.integer(1, places)) return a.err;
  places = std::max<std::int64_t>(-Decimal::kMaxExponent, std::min<std::int64_t>(Decimal::kMaxExponent, places));
  const Decimal r = d.round(static_cast<int>(places), mode);
  if (!r.in_range()) return Value::error("number is too large");
  return Value::number(r);
}
Value f_round(Ctx&, const ValueList& args) { return round_impl(args, Decimal::Rounding::half_away); }
Value f_round_up(Ctx&, const ValueList& args) { return round_impl(args, Decimal::Rounding::ceil); }
Value f_round_down(Ctx&, const ValueList& args) { return round_impl(args, Decimal::Rounding::floor); }

Value extreme(const ValueList& args, int sign) {
  Args a(args);
  Decimal best;
  for (size_t i = 0; i < args.size(); ++i) {
    Decimal d;
    if (!a.number(i, d)) return a.err;
    if (i == 0 || d.compare(best) == sign) best = d;
  }
  return Value::number(best);
}
Value f_max(Ctx&, const ValueList& args) { return extreme(args, 1); }
Value f_min(Ctx&, const ValueList& args) { return extreme(args, -1); }

Value f_mean(Ctx&, const ValueList& args) {
  Args a(args);
  Decimal sum;
  for (size_t i = 0; i < args.size(); ++i) {
    Decimal d;
    if (!a.number(i, d)) return a.err;
    sum = sum.add(d);
  }
  return Value::number(*sum.div(Decimal::from_int(static_cast<std::int64_t>(args.size()))));
}

Value f_mod(Ctx&, const ValueList& args) {
  Args a(args);
  Decimal x, y;
  if (!a.number(0, x) || !a.number(1, y)) return a.err;
  const auto r = x.mod(y);
  if (!r) return Value::error("division by zero");
  return Value::number(*r);
}

Value f_abs(Ctx&, const ValueList& args) {
  Args a(args);
  Decimal d;
  if (!a.number(0, d)) return a.err;
  return Value::number(d.abs());
}

// A random number in [0, 1) with 53 random bits, written exactly.
bool random_fraction(Ctx& cx, Decimal& out) {
  if (!cx.rng) return false;
  const std::uint64_t bits = cx.rng->next() >> 11;
  out = *Decimal::from_int(static_cast<std::int64_t>(bits)).div(*Decimal::from_int(2).pow(53), 53);
  return true;
}

Value f_rand(Ctx& cx, const ValueList&) {
  Decimal r;
  if (!random_fraction(cx, r)) return Value::error("no random seed was given to the expression environment");
  return Value::number(r);
}

Value f_rand_between(Ctx& cx, const ValueList& args) {
  Args a(args);
  Decimal lo, hi, r;
  if (!a.number(0, lo) || !a.number(1, hi)) return a.err;
  if (!random_fraction(cx, r)) return Value::error("no random seed was given to the expression environment");
  const Decimal span = hi.sub(lo).add(Decimal::from_int(1));
  return Value::number(r.mul(span).add(lo).round(0, Decimal::Rounding::floor));
}

// ----- dates and times -----

Value f_parse_datetime(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::string s, layout, zone;
  if (!a.text(0, s) || !a.text(1, layout)) return a.err;
  int offset = cx.env.utc_offset_minutes;
  if (a.has(2)) {
    if (!a.text(2, zone)) return a.err;
    if (!zone_offset(zone, offset)) return Value::error("unknown time zone: " + zone);
  }
  Value out;
  std::string error;
  if (!parse_layout(s, layout, LayoutType::datetime, offset, out, error)) return Value::error(error);
  return out;
}

Value f_parse_time(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s, layout;
  if (!a.text(0, s) || !a.text(1, layout)) return a.err;
  Value out;
  std::string error;
  if (!parse_layout(s, layout, LayoutType::time, 0, out, error)) return Value::error(error);
  const LocalTime t = local_time(out.t, out.nanos, 0);
  return Value::time((static_cast<std::int64_t>(t.hour) * 3600 + t.minute * 60 + t.second) * 1000000000LL + t.nanos);
}

Value f_datetime_from_epoch(Ctx& cx, const ValueList& args) {
  Args a(args);
  Decimal secs;
  if (!a.number(0, secs)) return a.err;
  const auto total = secs.mul(Decimal::from_int(1000000000)).int_part();
  if (!total) return Value::error("number is out of range for a date");
  std::int64_t s = *total / 1000000000, n = *total % 1000000000;
  if (n < 0) n += 1000000000, --s;
  return Value::datetime(s, static_cast<std::int32_t>(n), cx.env.utc_offset_minutes);
}

Value f_datetime_diff(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value d1, d2;
  std::string unit;
  if (!a.datetime(0, cx.env, d1) || !a.datetime(1, cx.env, d2) || !a.text(2, unit)) return a.err;
  std::int64_t secs = d2.t - d1.t;
  const std::int64_t nanos = static_cast<std::int64_t>(d2.nanos) - d1.nanos;
  if (secs > 0 && nanos < 0) --secs;  // truncate toward zero
  if (secs < 0 && nanos > 0) ++secs;
  const LocalTime l1 = local_time(d1.t, d1.nanos, d1.offset), l2 = local_time(d2.t, d2.nanos, d2.offset);
  if (unit == "s") return Value::integer(secs);
  if (unit == "m") return Value::integer(secs / 60);
  if (unit == "h") return Value::integer(secs / 3600);
  if (unit == "D") return Value::integer(l2.days - l1.days);
  if (unit == "W") return Value::integer((l2.days - l1.days) / 7);
  if (unit == "M") return Value::integer((l2.year - l1.year) * 12 + (l2.month - l1.month));
  if (unit == "Y") return Value::integer(l2.year - l1.year);
  return Value::error("unknown unit: " + unit + ", must be one of s, m, h, D, W, M, Y");
}

Value f_datetime_add(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  std::int64_t n;
  std::string unit;
  if (!a.datetime(0, cx.env, dt) || !a.integer(1, n) || !a.text(2, unit)) return a.err;
  const LocalTime l = local_time(dt.t, dt.nanos, dt.offset);
  std::int64_t utc;
  if (unit == "s") utc = dt.t + n;
  else if (unit == "m") utc = dt.t + n * 60;
  else if (unit == "h") utc = dt.t + n * 3600;
  else if (unit == "D") utc = utc_from_local(l.year, l.month, l.day + n, l.hour, l.minute, l.second, dt.offset);
  else if (unit == "W") utc = utc_from_local(l.year, l.month, l.day + 7 * n, l.hour, l.minute, l.second, dt.offset);
  else if (unit == "M") utc = utc_from_local(l.year, l.month + n, l.day, l.hour, l.minute, l.second, dt.offset);
  else if (unit == "Y") utc = utc_from_local(l.year + n, l.month, l.day, l.hour, l.minute, l.second, dt.offset);
  else return Value::error("unknown unit: " + unit + ", must be one of s, m, h, D, W, M, Y");
  return Value::datetime(utc, dt.nanos, dt.offset);
}

Value f_replace_time(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  std::int64_t t;
  if (!a.datetime(0, cx.env, dt) || !a.time(1, t)) return a.err;
  const LocalTime l = local_time(dt.t, dt.nanos, dt.offset);
  const std::int64_t secs = t / 1000000000;
  return Value::datetime(utc_from_local(l.year, l.month, l.day, secs / 3600, secs / 60 % 60, secs % 60, dt.offset),
                         static_cast<std::int32_t>(t % 1000000000), dt.offset);
}

Value f_tz(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  if (!a.datetime(0, cx.env, dt)) return a.err;
  return Value::text(zone_name(dt.offset, cx.env));
}

Value f_tz_offset(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  if (!a.datetime(0, cx.env, dt)) return a.err;
  return Value::text(offset_text(dt.offset, false));
}

Value f_now(Ctx& cx, const ValueList&) { return Value::datetime(cx.env.now, 0, cx.env.utc_offset_minutes); }

Value f_epoch(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  if (!a.datetime(0, cx.env, dt)) return a.err;
  return Value::number(Decimal::from_int(dt.t).add(*Decimal::from_int(dt.nanos).div(Decimal::from_int(1000000000), 9)));
}

Value f_date_from_parts(Ctx&, const ValueList& args) {
  Args a(args);
  std::int64_t y, m, d;
  if (!a.integer(0, y) || !a.integer(1, m) || !a.integer(2, d)) return a.err;
  if (m < 1 || m > 12) return Value::error("invalid value for month, must be 1-12");
  return Value::date(days_from_parts(y, m, d));
}

Value f_weekday(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::int64_t days;
  if (!a.date(0, cx.env, days)) return a.err;
  return Value::integer(local_time(days * 86400, 0, 0).weekday);
}

Value f_week_number(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::int64_t days;
  if (!a.date(0, cx.env, days)) return a.err;
  const LocalTime t = local_time(days * 86400, 0, 0);
  const int jan1_weekday = ((t.weekday - t.yday) % 7 + 7) % 7;
  return Value::integer((t.yday + jan1_weekday) / 7 + 1);
}

Value f_today(Ctx& cx, const ValueList&) {
  return Value::date(local_time(cx.env.now, 0, cx.env.utc_offset_minutes).days);
}

Value f_time_from_parts(Ctx&, const ValueList& args) {
  Args a(args);
  std::int64_t h, m, s;
  if (!a.integer(0, h) || !a.integer(1, m) || !a.integer(2, s)) return a.err;
  if (h < 0 || h > 23) return Value::error("invalid value for hour, must be 0-23");
  if (m < 0 || m > 59) return Value::error("invalid value for minute, must be 0-59");
  if (s < 0 || s > 59) return Value::error("invalid value for second, must be 0-59");
  return Value::time((h * 3600 + m * 60 + s) * 1000000000LL);
}

// ----- arrays -----

Value f_join(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> items;
  std::string sep;
  if (!a.array(0, items) || !a.text(1, sep)) return a.err;
  std::string out;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string part;
    Value err;
    if (!to_text((*items)[i], part, err)) return err;
    if (i > 0) out += sep;
    out += part;
  }
  return Value::text(out);
}

Value f_reverse(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> items;
  if (!a.array(0, items)) return a.err;
  return Value::array(ValueList(items->rbegin(), items->rend()));
}

Value f_sort(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> items;
  if (!a.array(0, items)) return a.err;
  ValueList sorted = *items;
  int dummy;
  for (const Value& v : sorted) {
    if (!compare(v, v, dummy)) return Value::error(describe(v) + " isn't a comparable type");
    if (!compare(v, sorted.front(), dummy)) return Value::error("can't sort a mix of different types");
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Value& x, const Value& y) {
    int c = 0;
    compare(x, y, c);
    return c < 0;
  });
  return Value::array(std::move(sorted));
}

Value f_sum(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> items;
  if (!a.array(0, items)) return a.err;
  Decimal total;
  for (const Value& v : *items) {
    Decimal d;
    Value err;
    if (!to_number(v, d, err)) return err;
    total = total.add(d);
  }
  return Value::number(total);
}

Value f_unique(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> items;
  if (!a.array(0, items)) return a.err;
  ValueList out;
  for (const Value& v : *items) {
    bool seen = false;
    for (const Value& u : out) seen = seen || equals(u, v);
    if (!seen) out.push_back(v);
  }
  return Value::array(std::move(out));
}

Value f_concat(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> x, y;
  if (!a.array(0, x) || !a.array(1, y)) return a.err;
  ValueList out = *x;
  out.insert(out.end(), y->begin(), y->end());
  return Value::array(std::move(out));
}

// ----- URNs and attachments -----

struct Urn {
  std::string scheme, path, query, display;
};

bool parse_urn(const std::string& s, Urn& u) {
  const size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  u.scheme = s.substr(0, colon);
  for (char c : u.scheme)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  if (!(u.scheme[0] >= 'a' && u.scheme[0] <= 'z')) return false;
  std::string rest = s.substr(colon + 1);
  const size_t hash = rest.find('#');
  if (hash != std::string::npos) {
    u.display = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  const size_t q = rest.find('?');
  if (q != std::string::npos) {
    u.query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  u.path = rest;
  if (u.path.empty()) return false;
  for (char c : u.path)
    if (c == ' ' || c == '\t' || c == '\n') return false;
  return true;
}

// National format of an international number for a few countries (others stay as they are).
std::string national_phone(const std::string& path) {
  if (path.size() < 2 || path[0] != '+') return path;
  for (size_t i = 1; i < path.size(); ++i)
    if (path[i] < '0' || path[i] > '9') return path;
  const std::string digits = path.substr(1);
  struct Country {
    const char* code;
    size_t length;       // national significant number
    const char* groups;  // digits per group
    const char* prefix;  // national prefix
  };
  static const Country countries[] = {
      {"223", 8, "2222", ""},   // Mali: 76 12 34 56
      {"221", 9, "23 22", ""},  // Senegal: 77 123 45 67
      {"226", 8, "2222", ""},   // Burkina Faso
      {"227", 8, "2222", ""},   // Niger
      {"250", 9, "333", "0"},   // Rwanda: 0781 234 567
  };
  for (const Country& c : countries) {
    const std::string code = c.code;
    if (digits.rfind(code, 0) != 0 || digits.size() != code.size() + c.length) continue;
    const std::string national = digits.substr(code.size());
    std::string out = c.prefix;
    size_t at = 0;
    for (const char* g = c.groups; *g; ++g) {
      if (*g == ' ') continue;
      const size_t n = static_cast<size_t>(*g - '0');
      if (at > 0) out += ' ';
      out += national.substr(at, n);
      at += n;
    }
    return out;
  }
  if (digits.size() == 11 && digits[0] == '1')  // North America: (413) 237-8053
    return "(" + digits.substr(1, 3) + ") " + digits.substr(4, 3) + "-" + digits.substr(7);
  return path;
}

Value f_urn_parts(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  Urn u;
  if (!parse_urn(s, u)) return Value::error(describe(Value::text(s)) + " isn't a valid URN");
  return Value::object({{"scheme", Value::text(u.scheme)}, {"path", Value::text(u.path)}, {"display", Value::text(u.display)}});
}

Value f_format_urn(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  Urn u;
  if (!parse_urn(s, u)) return Value::error(describe(Value::text(s)) + " isn't a valid URN");
  if (!u.display.empty()) return Value::text(u.display);
  if (u.scheme == "tel" || u.scheme == "whatsapp") return Value::text(national_phone(u.path));
  return Value::text(u.path);
}

Value f_attachment_parts(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  std::string type, url = s;
  const size_t colon = s.find(':');
  if (colon != std::string::npos) {
    const std::string prefix = s.substr(0, colon);
    if (prefix.find('/') != std::string::npos || prefix == "geo") {
      type = prefix;
      url = s.substr(colon + 1);
    }
  }
  return Value::object({{"content_type", Value::text(type)}, {"url", Value::text(url)}});
}

// ----- JSON -----

Value f_json(Ctx&, const ValueList& args) {
  if (args[0].is_error()) return args[0];
  std::string out;
  write_json(args[0], out);
  return Value::text(out);
}

Value f_parse_json(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  return parse_json(s);
}

// ----- formatting -----

std::string group_digits(const std::string& number) {
  const size_t dot = number.find('.');
  std::string int_part = number.substr(0, dot);
  const std::string rest = dot == std::string::npos ? "" : number.substr(dot);
  std::string sign;
  if (!int_part.empty() && int_part[0] == '-') {
    sign = "-";
    int_part.erase(0, 1);
  }
  std::string out;
  for (size_t i = 0; i < int_part.size(); ++i) {
    out += int_part[i];
    const size_t left = int_part.size() - 1 - i;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return sign + out + rest;
}

std::string format_value(const Value& v, const ExprEnv& env);

std::string indent(const std::string& s) {
  std::string out;
  bool bol = true;
  for (char c : s) {
    if (bol && c != '\n') out += "  ";
    out += c;
    bol = c == '\n';
  }
  return out;
}

std::string format_value(const Value& v, const ExprEnv& env) {
  std::string out, error;
  switch (v.kind) {
    case Value::Kind::number: return group_digits(v.n.to_string());
    case Value::Kind::date:
      format_layout(local_time(v.t * 86400, 0, 0), 0, env.date_format, LayoutType::date, env.locale, out, error);
      return out;
    case Value::Kind::time:
      format_layout(local_time(v.t / 1000000000, static_cast<std::int32_t>(v.t % 1000000000), 0), 0, env.time_format,
                    LayoutType::time, env.locale, out, error);
      return out;
    case Value::Kind::datetime:
      format_layout(local_time(v.t, v.nanos, env.utc_offset_minutes), env.utc_offset_minutes,
                    env.date_format + " " + env.time_format, LayoutType::datetime, env.locale, out, error);
      return out;
    case Value::Kind::array: {
      std::vector<std::string> parts;
      bool multiline = false;
      for (const Value& item : *v.arr) {
        parts.push_back(format_value(item, env));
        multiline = multiline || parts.back().find('\n') != std::string::npos;
      }
      if (!multiline) return join(parts, ", ");
      for (std::string& p : parts) {
        p = indent(p);
        p = "-" + p.substr(1);
      }
      return join(parts, "\n");
    }
    case Value::Kind::object: {
      if (v.obj->has_default) return format_value(v.obj->def, env);
      std::vector<std::string> parts;
      for (const auto& [k, item] : v.obj->props) {
        const std::string f = format_value(item, env);
        parts.push_back(f.find('\n') != std::string::npos ? k + ":\n" + indent(f) : k + ": " + f);
      }
      return join(parts, "\n");
    }
    default: return render(v);
  }
}

Value f_format(Ctx& cx, const ValueList& args) {
  if (args[0].is_error()) return args[0];
  return Value::text(format_value(args[0], cx.env));
}

Value f_format_date(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::int64_t days;
  std::string layout = cx.env.date_format, out, error;
  if (!a.date(0, cx.env, days)) return a.err;
  if (a.has(1) && !a.text(1, layout)) return a.err;
  if (!format_layout(local_time(days * 86400, 0, 0), 0, layout, LayoutType::date, cx.env.locale, out, error))
    return Value::error(error);
  return Value::text(out);
}

Value f_format_datetime(Ctx& cx, const ValueList& args) {
  Args a(args);
  Value dt;
  std::string layout = cx.env.date_format + " " + cx.env.time_format, zone, out, error;
  if (!a.datetime(0, cx.env, dt)) return a.err;
  if (a.has(1) && !a.text(1, layout)) return a.err;
  int offset = cx.env.utc_offset_minutes;
  if (a.has(2)) {
    if (!a.text(2, zone)) return a.err;
    if (!zone_offset(zone, offset)) return Value::error("unknown time zone: " + zone);
  }
  if (!format_layout(local_time(dt.t, dt.nanos, offset), offset, layout, LayoutType::datetime, cx.env.locale, out, error))
    return Value::error(error);
  return Value::text(out);
}

Value f_format_time(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::int64_t t;
  std::string layout = cx.env.time_format, out, error;
  if (!a.time(0, t)) return a.err;
  if (a.has(1) && !a.text(1, layout)) return a.err;
  const LocalTime lt = local_time(t / 1000000000, static_cast<std::int32_t>(t % 1000000000), 0);
  if (!format_layout(lt, 0, layout, LayoutType::time, cx.env.locale, out, error)) return Value::error(error);
  return Value::text(out);
}

Value f_format_location(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  const size_t gt = s.rfind('>');
  return Value::text(trim_space(gt == std::string::npos ? s : s.substr(gt + 1)));
}

Value f_format_number(Ctx&, const ValueList& args) {
  Args a(args);
  Decimal d;
  std::int64_t places = -1;
  bool human = true;
  if (!a.number(0, d)) return a.err;
  if (a.has(1)) {
    if (!a.integer(1, places)) return a.err;
    if (places < 0 || places > 9) return Value::error("must take 0-9 number of places, got " + itos(places));
  }
  if (a.has(2) && !a.boolean(2, human)) return a.err;
  const std::string plain = places >= 0 ? d.to_fixed(static_cast<int>(places)) : d.to_string();
  return Value::text(human ? group_digits(plain) : plain);
}

// ----- utilities -----

Value f_is_error(Ctx&, const ValueList& args) { return Value::boolean(args[0].is_error()); }

Value f_count(Ctx&, const ValueList& args) {
  const Value& v = args[0];
  if (v.is_error()) return v;
  if (v.is_null()) return Value::integer(0);
  if (v.is(Value::Kind::array)) return Value::integer(static_cast<std::int64_t>(v.arr->size()));
  if (v.is(Value::Kind::object)) return Value::integer(static_cast<std::int64_t>(v.obj->props.size()));
  return Value::error("value isn't countable");
}

Value f_length(Ctx& cx, const ValueList& args) {
  const Value& v = args[0];
  if (v.is(Value::Kind::text)) return Value::integer(static_cast<std::int64_t>(text::utf8_length(v.s)));
  const Value c = f_count(cx, args);
  if (c.is_error() && !v.is_error()) return Value::error("value doesn't have a length");
  return c;
}

Value f_default(Ctx&, const ValueList& args) {
  std::string s;
  Value err;
  if (!to_text(args[0], s, err) || s.empty()) return args[1];
  return args[0];
}

Value f_legacy_add(Ctx& cx, const ValueList& args) {
  Value d1, d2, e1, e2;
  Decimal n1, n2;
  const bool is_date1 = to_datetime(args[0], cx.env, d1, e1), is_date2 = to_datetime(args[1], cx.env, d2, e2);
  Value ne1, ne2;
  const bool is_num1 = to_number(args[0], n1, ne1), is_num2 = to_number(args[1], n2, ne2);
  if (is_date1 && is_date2) return Value::error("cannot operate on two dates");
  auto add_days = [](const Value& dt, const Decimal& n) {
    const auto days = n.int_part();
    if (!days || *days < -2147483648LL || *days > 2147483647LL)
      return Value::error("cannot operate on integers greater than 32 bit");
    return Value::datetime(dt.t + *days * 86400, dt.nanos, dt.offset);
  };
  if (is_date1 && is_num2) return add_days(d1, n2);
  if (is_date2 && is_num1) return add_days(d2, n1);
  if (!is_num1) return ne1;
  if (!is_num2) return ne2;
  return Value::number(n1.add(n2));
}

Value f_read_chars(Ctx&, const ValueList& args) {
  Args a(args);
  std::string s;
  if (!a.text(0, s)) return a.err;
  std::vector<char32_t> cps = text::decode_utf8(trim_chars(s, "+", true, false));
  const size_t n = cps.size();
  const size_t group = n % 3 == 0 ? 3 : n % 4 == 0 ? 4 : 1;
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += i % group == 0 ? " , " : " ";
    text::append_utf8(out, cps[i]);
  }
  return Value::text(out);
}

Value f_extract(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const Object> o;
  std::string name;
  if (!a.object(0, o) || !a.text(1, name)) return a.err;
  const Value* v = o->get(name);
  return v ? *v : Value::null();
}

Value f_extract_object(Ctx&, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const Object> o;
  if (!a.object(0, o)) return a.err;
  std::map<std::string, Value> props;
  for (size_t i = 1; i < args.size(); ++i) {
    std::string name;
    if (!a.text(i, name)) return a.err;
    const Value* v = o->get(name);
    props[name] = v ? *v : Value::null();
  }
  return Value::object(std::move(props));
}

Value f_foreach(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const ValueList> items;
  if (!a.array(0, items)) return a.err;
  if (args[1].is_error()) return args[1];
  if (!args[1].is(Value::Kind::function)) return Value::error("requires a function as its second argument");
  ValueList out;
  for (const Value& item : *items) {
    ValueList call_args = {item};
    call_args.insert(call_args.end(), args.begin() + 2, args.end());
    Value r = call_function(*args[1].fn, call_args, cx);
    if (r.is_error()) return r;
    out.push_back(std::move(r));
  }
  return Value::array(std::move(out));
}

Value f_foreach_value(Ctx& cx, const ValueList& args) {
  Args a(args);
  std::shared_ptr<const Object> o;
  if (!a.object(0, o)) return a.err;
  if (args[1].is_error()) return args[1];
  if (!args[1].is(Value::Kind::function)) return Value::error("requires a function as its second argument");
  std::map<std::string, Value> out;
  for (const auto& [k, v] : o->props) {
    ValueList call_args = {v};
    call_args.insert(call_args.end(), args.begin() + 2, args.end());
    Value r = call_function(*args[1].fn, call_args, cx);
    if (r.is_error()) return r;
    out[k] = std::move(r);
  }
  return Value::object(std::move(out));
}

struct Builtin {
  const char* name;
  int min_args, max_args;
  NativeFn fn;
};

const Builtin kBuiltins[] = {
    // type conversion
    {"text", 1, 1, f_text}, {"boolean", 1, 1, f_boolean}, {"number", 1, 1, f_number}, {"date", 1, 1, f_date},
    {"datetime", 1, 1, f_datetime}, {"time", 1, 1, f_time}, {"array", 0, -1, f_array}, {"object", 0, -1, f_object},
    // text
    {"char", 1, 1, f_char}, {"code", 1, 1, f_code}, {"split", 1, 2, f_split}, {"trim", 1, 2, f_trim},
    {"trim_left", 1, 2, f_trim_left}, {"trim_right", 1, 2, f_trim_right}, {"title", 1, 1, f_title},
    {"word", 2, 3, f_word}, {"remove_first_word", 1, 1, f_remove_first_word}, {"word_count", 1, 2, f_word_count},
    {"word_slice", 2, 4, f_word_slice}, {"field", 3, 3, f_field}, {"clean", 1, 1, f_clean},
    {"text_slice", 2, 3, f_text_slice}, {"left", 2, 2, f_left}, {"right", 2, 2, f_right},
    {"lower", 1, 1, f_lower}, {"upper", 1, 1, f_upper}, {"text_length", 1, 1, f_text_length},
    {"text_compare", 2, 2, f_text_compare}, {"repeat", 2, 2, f_repeat}, {"replace", 3, 4, f_replace},
    {"percent", 1, 1, f_percent}, {"url_encode", 1, 1, f_url_encode}, {"html_decode", 1, 1, f_html_decode},
    // booleans
    {"and", 1, -1, f_and}, {"or", 1, -1, f_or}, {"not", 1, 1, f_not}, {"if", 3, 3, f_if},
    // numbers
    {"round", 1, 2, f_round}, {"round_up", 1, 2, f_round_up}, {"round_down", 1, 2, f_round_down},
    {"max", 1, -1, f_max}, {"min", 1, -1, f_min}, {"mean", 1, -1, f_mean}, {"mod", 2, 2, f_mod},
    {"rand", 0, 0, f_rand}, {"rand_between", 2, 2, f_rand_between}, {"abs", 1, 1, f_abs},
    // dates and times
    {"parse_datetime", 2, 3, f_parse_datetime}, {"datetime_from_epoch", 1, 1, f_datetime_from_epoch},
    {"datetime_diff", 3, 3, f_datetime_diff}, {"datetime_add", 3, 3, f_datetime_add},
    {"replace_time", 2, 2, f_replace_time}, {"tz", 1, 1, f_tz}, {"tz_offset", 1, 1, f_tz_offset},
    {"now", 0, 0, f_now}, {"epoch", 1, 1, f_epoch}, {"date_from_parts", 3, 3, f_date_from_parts},
    {"weekday", 1, 1, f_weekday}, {"week_number", 1, 1, f_week_number}, {"today", 0, 0, f_today},
    {"parse_time", 2, 2, f_parse_time}, {"time_from_parts", 3, 3, f_time_from_parts},
    // arrays
    {"join", 2, 2, f_join}, {"reverse", 1, 1, f_reverse}, {"sort", 1, 1, f_sort}, {"sum", 1, 1, f_sum},
    {"unique", 1, 1, f_unique}, {"concat", 2, 2, f_concat},
    // encoded text
    {"urn_parts", 1, 1, f_urn_parts}, {"attachment_parts", 1, 1, f_attachment_parts},
    // JSON
    {"json", 1, 1, f_json}, {"parse_json", 1, 1, f_parse_json},
    // formatting
    {"format", 1, 1, f_format}, {"format_date", 1, 2, f_format_date}, {"format_datetime", 1, 3, f_format_datetime},
    {"format_time", 1, 2, f_format_time}, {"format_location", 1, 1, f_format_location},
    {"format_number", 1, 3, f_format_number}, {"format_urn", 1, 1, f_format_urn},
    // utilities
    {"is_error", 1, 1, f_is_error}, {"count", 1, 1, f_count}, {"length", 1, 1, f_length},
    {"default", 2, 2, f_default}, {"legacy_add", 2, 2, f_legacy_add}, {"read_chars", 1, 1, f_read_chars},
    {"extract", 2, 2, f_extract}, {"extract_object", 2, -1, f_extract_object}, {"foreach", 2, -1, f_foreach},
    {"foreach_value", 2, -1, f_foreach_value},
};

const std::map<std::string, std::shared_ptr<const Function>, std::less<>>& registry() {
  static const auto* table = [] {
    auto* m = new std::map<std::string, std::shared_ptr<const Function>, std::less<>>();
    for (const Builtin& b : kBuiltins) {
      auto f = std::make_shared<Function>();
      f->name = b.name;
      f->min_args = b.min_args;
      f->max_args = b.max_args;
      f->native = b.fn;
      (*m)[b.name] = std::move(f);
    }
    return m;
  }();
  return *table;
}

}  // namespace

std::shared_ptr<const Function> find_builtin(std::string_view name) {
  const auto& r = registry();
  auto it = r.find(name);
  return it == r.end() ? nullptr : it->second;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> out;
  for (const auto& [name, f] : registry()) out.push_back(name);
  return out;
}

}  // namespace kalan::flows::expr
