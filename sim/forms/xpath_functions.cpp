// The function table and the logic, selection, repeat and string functions of ODK XPath.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/hash.h"
#include "forms/xpath_ast.h"
#include "sms/router_regex.h"
#include "sms/text.h"

namespace kalan::forms {

namespace {

const FnInfo kFunctions[] = {
    {"if", Fn::if_, 3, 3},
    {"coalesce", Fn::coalesce, 2, 2},
    {"once", Fn::once, 1, 1},
    {"selected", Fn::selected, 2, 2},
    {"count-selected", Fn::count_selected, 1, 1},
    {"selected-at", Fn::selected_at, 2, 2},
    {"sum", Fn::sum, 1, 1},
    {"count", Fn::count, 1, 1},
    {"count-non-empty", Fn::count_non_empty, 1, 1},
    {"join", Fn::join, 1, -1},
    {"string-length", Fn::string_length, 1, 1},
    {"concat", Fn::concat, 0, -1},
    {"substr", Fn::substr, 2, 3},
    {"substring", Fn::substring, 2, 3},
    {"substring-before", Fn::substring_before, 2, 2},
    {"substring-after", Fn::substring_after, 2, 2},
    {"contains", Fn::contains, 2, 2},
    {"starts-with", Fn::starts_with, 2, 2},
    {"ends-with", Fn::ends_with, 2, 2},
    {"regex", Fn::regex, 2, 2},
    {"translate", Fn::translate, 3, 3},
    {"normalize-space", Fn::normalize_space, 1, 1},
    {"string", Fn::string, 1, 1},
    {"number", Fn::number, 1, 1},
    {"boolean", Fn::boolean, 1, 1},
    {"boolean-from-string", Fn::boolean_from_string, 1, 1},
    {"not", Fn::not_, 1, 1},
    {"true", Fn::true_, 0, 0},
    {"false", Fn::false_, 0, 0},
    {"int", Fn::int_, 1, 1},
    {"round", Fn::round, 1, 2},
    {"floor", Fn::floor, 1, 1},
    {"ceiling", Fn::ceiling, 1, 1},
    {"abs", Fn::abs, 1, 1},
    {"pow", Fn::pow, 2, 2},
    {"min", Fn::min, 1, -1},
    {"max", Fn::max, 1, -1},
    {"sqrt", Fn::sqrt, 1, 1},
    {"exp", Fn::exp, 1, 1},
    {"exp10", Fn::exp10, 1, 1},
    {"log", Fn::log, 1, 1},
    {"log10", Fn::log10, 1, 1},
    {"sin", Fn::sin, 1, 1},
    {"cos", Fn::cos, 1, 1},
    {"tan", Fn::tan, 1, 1},
    {"asin", Fn::asin, 1, 1},
    {"acos", Fn::acos, 1, 1},
    {"atan", Fn::atan, 1, 1},
    {"atan2", Fn::atan2, 2, 2},
    {"pi", Fn::pi, 0, 0},
    {"today", Fn::today, 0, 0},
    {"now", Fn::now, 0, 0},
    {"date", Fn::date, 1, 1},
    {"date-time", Fn::date_time, 1, 1},
    {"decimal-date-time", Fn::decimal_date_time, 1, 1},
    {"decimal-time", Fn::decimal_time, 1, 1},
    {"format-date", Fn::format_date, 2, 2},
    {"format-date-time", Fn::format_date_time, 2, 2},
    {"position", Fn::position, 0, 1},
    {"uuid", Fn::uuid, 0, 1},
    {"random", Fn::random, 0, 0},
    {"choice-name", Fn::choice_name, 2, 2},
    {"lower-case", Fn::lower, 1, 1},
    {"upper-case", Fn::upper, 1, 1},
    {"indexed-repeat", Fn::indexed_repeat, 3, 3},
};

bool is_xml_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The words of a select_multiple value.
std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_xml_space(static_cast<unsigned char>(s[i]))) ++i;
    const std::size_t from = i;
    while (i < s.size() && !is_xml_space(static_cast<unsigned char>(s[i]))) ++i;
    if (i > from) out.push_back(s.substr(from, i - from));
  }
  return out;
}

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && is_xml_space(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && is_xml_space(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::string slice(const std::vector<char32_t>& cps, long from, long to) {
  std::string out;
  for (long i = std::max(0L, from); i < std::min<long>(to, static_cast<long>(cps.size())); ++i)
    text::append_utf8(out, cps[static_cast<std::size_t>(i)]);
  return out;
}

// XPath 1.0 substring(): characters at 1-based positions p with round(start) <= p < round(start) + round(len).
std::string xpath_substring(const std::string& s, double start, double len, bool has_len) {
  const auto cps = text::decode_utf8(s);
  const auto xround = [](double d) { return std::floor(d + 0.5); };
  const double first = xround(start);
  const double last = has_len ? first + xround(len) : INFINITY;
  std::string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const double p = static_cast<double>(i + 1);
    if (p >= first && p < last) text::append_utf8(out, cps[i]);
  }
  return out;
}

// ODK substr(): 0-based start, exclusive end, negative values counted from the end.
std::string odk_substr(const std::string& s, double start, double end, bool has_end) {
  const auto cps = text::decode_utf8(s);
  const long n = static_cast<long>(cps.size());
  auto index = [n](double d) {
    if (std::isnan(d)) return 0L;
    long i = d >= n ? n : d <= -n ? -n : static_cast<long>(d);
    return i < 0 ? i + n : i;
  };
  return slice(cps, index(start), has_end ? index(end) : n);
}

std::string translate(const std::string& s, const std::string& from, const std::string& to) {
  const auto src = text::decode_utf8(s), f = text::decode_utf8(from), t = text::decode_utf8(to);
  std::string out;
  for (char32_t c : src) {
    const auto it = std::find(f.begin(), f.end(), c);
    if (it == f.end()) text::append_utf8(out, c);
    else if (static_cast<std::size_t>(it - f.begin()) < t.size()) text::append_utf8(out, t[static_cast<std::size_t>(it - f.begin())]);
  }
  return out;
}

std::string normalize_space(const std::string& s) {
  std::string out;
  for (const auto& w : split_words(s)) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string uuid_text(std::uint64_t a, std::uint64_t b, std::size_t length) {
  char buf[40];
  if (length > 0) {
    static const char kAlnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string out;
    std::uint64_t x = a ^ (b << 1);
    for (std::size_t i = 0; i < std::min<std::size_t>(length, 256); ++i) {
      x = fnv1a64(std::string(reinterpret_cast<const char*>(&x), sizeof x));
      out += kAlnum[x % 36];
    }
    return out;
  }
  a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x4000ULL;           // version 4
  b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFFF),
                static_cast<unsigned>(b >> 48), static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return buf;
}

}  // namespace

const FnInfo* find_function(const std::string& name) {
  const std::string bare = name.rfind("jr:", 0) == 0 ? name.substr(3) : name;
  for (const auto& f : kFunctions)
    if (bare == f.name) return &f;
  return nullptr;
}

std::uint64_t Evaluator::next_random() {
  std::string key = std::to_string(ctx_.seed) + "/" + e_.text() + "/" + std::to_string(draws_++);
  return fnv1a64(key);
}

Value Evaluator::call(const Node& n) {
  switch (n.fn) {
    case Fn::if_: {
      const bool c = to_boolean(arg(n, 0));
      if (failed()) return {};
      return arg(n, c ? 1 : 2);
    }
    case Fn::coalesce: {
      Value a = arg(n, 0);
      const bool empty = (a.kind == Kind::number && std::isnan(a.num)) || to_string(a, offset()).empty();
      return empty ? arg(n, 1) : a;
    }
    case Fn::once: {
      Value self = r_.self();
      return to_string(self, offset()).empty() ? arg(n, 0) : self;
    }
    case Fn::selected: {
      const auto words = split_words(arg_string(n, 0));
      const std::string wanted = trim(arg_string(n, 1));
      return Value::boolean_of(std::find(words.begin(), words.end(), wanted) != words.end());
    }
    case Fn::count_selected: return Value::number_of(static_cast<double>(split_words(arg_string(n, 0)).size()));
    case Fn::selected_at: {
      const auto words = split_words(arg_string(n, 0));
      const double i = arg_number(n, 1);
      if (!(i >= 0) || i >= static_cast<double>(words.size())) return Value::string_of("");
      return Value::string_of(words[static_cast<std::size_t>(i)]);
    }
    case Fn::sum: {
      const Value v = arg(n, 0);
      if (v.kind != Kind::nodeset) return Value::number_of(to_number(v, offset()));
      double total = 0;
      for (const auto& s : v.nodes) total += to_number(Value::string_of(s), offset());
      return Value::number_of(total);
    }
    case Fn::count:
    case Fn::count_non_empty: {
      const Value v = arg(n, 0);
      if (v.kind != Kind::nodeset)
        return Value::number_of(n.fn == Fn::count || !to_string(v, offset()).empty() ? 1 : 0);
      if (n.fn == Fn::count) return Value::number_of(static_cast<double>(v.nodes.size()));
      return Value::number_of(static_cast<double>(std::count_if(v.nodes.begin(), v.nodes.end(), [](const std::string& s) { return !s.empty(); })));
    }
    case Fn::join: {
      const std::string sep = arg_string(n, 0);
      std::string out;
      const auto parts = flatten(n, 1);
      for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
      return Value::string_of(out);
    }
    case Fn::concat: {
      std::string out;
      for (const auto& p : flatten(n, 0)) out += p;
      return Value::string_of(out);
    }
    case Fn::string: return Value::string_of(arg_string(n, 0));
    case Fn::boolean: return Value::boolean_of(to_boolean(arg(n, 0)));
    case Fn::not_: return Value::boolean_of(!to_boolean(arg(n, 0)));
    case Fn::true_: return Value::boolean_of(true);
    case Fn::false_: return Value::boolean_of(false);
    case Fn::boolean_from_string: {
      const std::string s = arg_string(n, 0);
      return Value::boolean_of(s == "true" || s == "1");
    }
    case Fn::position: return Value::number_of(r_.position());
    case Fn::indexed_repeat: {
      // indexed-repeat(${field}, ${repeat}, i): the field of the i-th entry (1-based), seen from outside.
      const Value v = arg(n, 0);
      const double i = arg_number(n, 2);
      if (v.kind != Kind::nodeset) return Value::string_of(i == 1 ? to_string(v, offset()) : "");
      if (!(i >= 1) || i > static_cast<double>(v.nodes.size())) return Value::string_of("");
      return Value::string_of(v.nodes[static_cast<std::size_t>(i) - 1]);
    }
    case Fn::uuid: {
      const double len = n.args.empty() ? 0 : std::min(arg_number(n, 0), 256.0);
      const std::uint64_t a = next_random(), b = next_random();
      return Value::string_of(uuid_text(a, b, len >= 1 ? static_cast<std::size_t>(len) : 0));
    }
    case Fn::random: return Value::number_of(static_cast<double>(next_random() >> 11) / 9007199254740992.0);
    case Fn::choice_name: {
      const std::string value = arg_string(n, 0);
      std::string field = trim(arg_string(n, 1));
      if (field.size() > 3 && field.rfind("${", 0) == 0 && field.back() == '}') field = field.substr(2, field.size() - 3);
      return Value::string_of(r_.choice_label(field, value));
    }
    default: break;
  }
  switch (n.fn) {
    case Fn::today:
    case Fn::now:
    case Fn::date:
    case Fn::date_time:
    case Fn::decimal_date_time:
    case Fn::decimal_time:
    case Fn::format_date:
    case Fn::format_date_time: return call_dates(n);
    case Fn::string_length:
    case Fn::substr:
    case Fn::substring:
    case Fn::substring_before:
    case Fn::substring_after:
    case Fn::contains:
    case Fn::starts_with:
    case Fn::ends_with:
    case Fn::regex:
    case Fn::translate:
    case Fn::normalize_space:
    case Fn::lower:
    case Fn::upper: return call_string(n);
    default: return call_math(n);
  }
}

Value Evaluator::call_string(const Node& n) {
  const std::string s = arg_string(n, 0);
  switch (n.fn) {
    case Fn::string_length: return Value::number_of(static_cast<double>(text::utf8_length(s)));
    case Fn::substr: {
      const double a = arg_number(n, 1);
      const bool has_end = n.args.size() > 2;
      return Value::string_of(odk_substr(s, a, has_end ? arg_number(n, 2) : 0, has_end));
    }
    case Fn::substring: {
      const double a = arg_number(n, 1);
      const bool has_len = n.args.size() > 2;
      return Value::string_of(xpath_substring(s, a, has_len ? arg_number(n, 2) : 0, has_len));
    }
    case Fn::substring_before:
    case Fn::substring_after: {
      const std::string t = arg_string(n, 1);
      const std::size_t at = s.find(t);
      if (at == std::string::npos) return Value::string_of("");
      return Value::string_of(n.fn == Fn::substring_before ? s.substr(0, at) : s.substr(at + t.size()));
    }
    case Fn::contains: return Value::boolean_of(s.find(arg_string(n, 1)) != std::string::npos);
    case Fn::starts_with: return Value::boolean_of(s.rfind(arg_string(n, 1), 0) == 0);
    case Fn::ends_with: {
      const std::string t = arg_string(n, 1);
      return Value::boolean_of(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    }
    case Fn::regex: {
      // A literal pattern was compiled with the expression: its text is read only for a message then.
      std::optional<flows::detail::Regex> compiled;
      const flows::detail::Regex* re = n.regex.get();
      std::string pattern;
      if (!re) {
        pattern = arg_string(n, 1);
        std::string why;
        compiled = flows::detail::Regex::compile(pattern, false, false, why);
        if (!compiled) return fail(n, "xpath_bad_regex", {pattern, why});
        re = &*compiled;
      }
      const auto found = re->test(s);
      if (found == flows::detail::Regex::Find::TooComplex) return fail(n, "xpath_bad_regex", {n.regex ? arg_string(n, 1) : pattern, "too complex"});
      return Value::boolean_of(found == flows::detail::Regex::Find::Match);
    }
    case Fn::translate: return Value::string_of(translate(s, arg_string(n, 1), arg_string(n, 2)));
    case Fn::normalize_space: return Value::string_of(normalize_space(s));
    case Fn::lower: return Value::string_of(text::to_lower(s));
    default: return Value::string_of(text::to_upper(s));
  }
}

Value Evaluator::call_math(const Node& n) {
  switch (n.fn) {
    case Fn::pi: return Value::number_of(3.14159265358979323846);
    case Fn::min:
    case Fn::max: {
      const auto values = flatten(n, 0);
      if (values.empty()) return Value::number_of(NAN);
      double best = n.fn == Fn::min ? INFINITY : -INFINITY;
      for (const auto& v : values) {
        const double d = to_number(Value::string_of(v), offset());
        if (std::isnan(d)) return Value::number_of(NAN);
        best = n.fn == Fn::min ? std::min(best, d) : std::max(best, d);
      }
      return Value::number_of(best);
    }
    case Fn::number: {
      const Value v = arg(n, 0);
      double d = to_number(v, offset());
      // ODK shows a date's number of days to two decimals; a date-time text counts its calendar day.
      const bool date_only_text = v.kind == Kind::string && v.str.size() == 10 && std::isnan(parse_xpath_number(v.str));
      if ((v.kind == Kind::date && !v.flag) || date_only_text) d = std::round(d * 100) / 100;
      else if (v.kind == Kind::string && v.str.size() > 10 && v.str[10] == 'T' && !std::isnan(d)) {
        double ms;
        bool has_time;
        if (parse_date_string(v.str.substr(0, 10), 0, ms, has_time)) d = ms / 86400000.0;
      }
      return Value::number_of(d);
    }
    case Fn::round: {
      const Value v = arg(n, 0);
      double x;
      if (v.kind == Kind::string) {
        std::string s = v.str;
        std::replace(s.begin(), s.end(), ',', '.');  // JavaRosa reads a decimal comma here
        x = to_number(Value::string_of(s), offset());
      } else {
        x = to_number(v, offset());
      }
      const double digits = n.args.size() > 1 ? std::trunc(arg_number(n, 1)) : 0;
      if (!std::isfinite(x) || digits == 0 || std::isnan(digits)) return Value::number_of(std::round(x));
      const long double scale = std::pow(10.0L, std::fabs(digits));
      const long double y = digits > 0 ? std::round(static_cast<long double>(x) * scale) / scale
                                       : std::round(static_cast<long double>(x) / scale) * scale;
      return Value::number_of(static_cast<double>(y));
    }
    case Fn::atan2: return Value::number_of(std::atan2(arg_number(n, 0), arg_number(n, 1)));
    case Fn::pow: return Value::number_of(std::pow(arg_number(n, 0), arg_number(n, 1)));
    default: break;
  }
  const double x = arg_number(n, 0);
  switch (n.fn) {
    case Fn::int_: return Value::number_of(std::isinf(x) ? NAN : std::trunc(x));
    case Fn::floor: return Value::number_of(std::floor(x));
    case Fn::ceiling: return Value::number_of(std::ceil(x));
    case Fn::abs: return Value::number_of(std::fabs(x));
    case Fn::sqrt: return Value::number_of(std::sqrt(x));
    case Fn::exp: return Value::number_of(std::exp(x));
    case Fn::exp10: return Value::number_of(std::pow(10.0, x));
    case Fn::log: return Value::number_of(std::log(x));
    case Fn::log10: return Value::number_of(std::log10(x));
    case Fn::sin: return Value::number_of(std::sin(x));
    case Fn::cos: return Value::number_of(std::cos(x));
    case Fn::tan: return Value::number_of(std::tan(x));
    case Fn::asin: return Value::number_of(std::asin(x));
    case Fn::acos: return Value::number_of(std::acos(x));
    default: return Value::number_of(std::atan(x));
  }
}

}  // namespace kalan::forms
