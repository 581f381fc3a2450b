#include "sms/router_tests.h"

#include <algorithm>
#include <climits>
#include <exception>
#include <map>
#include <memory>

#include "sms/router_dates.h"
#include "sms/router_phone.h"
#include "sms/router_regex.h"
#include "sms/router_unicode.h"
#include "sms/text.h"

namespace kalan::flows {

namespace {

using detail::CharKind;
using detail::char_kind;

TestOutcome no_match() { return TestOutcome{}; }

// Outcomes go into JSON (results, events): invalid UTF-8 from the input becomes U+FFFD so that
// serializing them can never fail.
std::string valid_utf8(const std::string& s) { return text::sanitize_utf8(s); }

TestOutcome matched(const std::string& match, nlohmann::json extra = nullptr) {
  TestOutcome o;
  o.matched = true;
  o.match = valid_utf8(match);
  o.extra = std::move(extra);
  return o;
}

TestOutcome failed(const std::string& message) {
  TestOutcome o;
  o.error = true;
  o.message = valid_utf8(message);
  return o;
}

// ---- Words -------------------------------------------------------------------------------------

// The form in which two words are compared: case folded, accents and combining marks removed.
// RapidPro compares lower-cased words only; Kalan also forgives accents ("negligence" = "négligence").
std::string word_key(std::string_view word) {
  std::string out;
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // folding and accent stripping leave ASCII letters as their lower case
    out.reserve(word.size());
    for (char c : word) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    return out;
  }
  for (char32_t c : text::decode_utf8(word)) {
    if (c >= 0x300 && c <= 0x36F) continue;
    text::append_utf8(out, text::strip_accent(detail::fold_case(c)));
  }
  return out;
}

struct Words {
  std::vector<std::string> original;
  std::vector<std::string> keys;
};

Words words_of(std::string_view s) {
  Words w;
  for (auto& t : detail::tokenize(text::trim(s))) {
    w.keys.push_back(word_key(t.text));
    w.original.push_back(std::move(t.text));
  }
  return w;
}

// Flows test the same few arguments (word lists, patterns) over and over: what is derived from
// an argument alone is kept in a small per-thread cache, emptied when full. Only time is saved.
template <typename T, typename Make>
std::shared_ptr<const T> cached(std::map<std::string, std::shared_ptr<const T>, std::less<>>& cache,
                                const std::string& key, Make make) {
  const auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  auto v = std::make_shared<const T>(make(key));
  if (key.size() > 1024) return v;
  if (cache.size() >= 128) cache.clear();
  cache.emplace(key, v);
  return v;
}

// The words of a test argument.
std::shared_ptr<const Words> argument_words(const std::string& arg) {
  thread_local std::map<std::string, std::shared_ptr<const Words>, std::less<>> cache;
  return cached(cache, arg, [](const std::string& a) { return words_of(a); });
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ' ';
    out += parts[i];
  }
  return out;
}

TestOutcome has_any_word(const std::string& input, const std::string& words) {
  const Words hay = words_of(input);
  const auto pins_of = argument_words(words);
  const Words& pins = *pins_of;
  std::vector<std::string> found;
  for (size_t i = 0; i < hay.keys.size(); ++i)
    for (const auto& pin : pins.keys)
      if (hay.keys[i] == pin) {
        found.push_back(hay.original[i]);
        break;
      }
  return found.empty() ? no_match() : matched(join(found));
}

TestOutcome has_all_words(const std::string& input, const std::string& words) {
  const Words hay = words_of(input);
  const auto pins_of = argument_words(words);
  const Words& pins = *pins_of;
  std::vector<std::string> found;
  std::vector<bool> seen(pins.keys.size(), false);
  for (size_t i = 0; i < hay.keys.size(); ++i) {
    bool any = false;
    for (size_t j = 0; j < pins.keys.size(); ++j)
      if (hay.keys[i] == pins.keys[j]) seen[j] = any = true;
    if (any) found.push_back(hay.original[i]);
  }
  for (bool s : seen)
    if (!s) return no_match();
  return matched(join(found));  // no words to look for: a vacuous match, as in RapidPro
}

TestOutcome has_phrase(const std::string& input, const std::string& phrase) {
  const Words hay = words_of(input);
  const auto pins_of = argument_words(phrase);
  const Words& pins = *pins_of;
  if (pins.keys.empty()) return matched("");
  // Like RapidPro, a word that breaks a partial match is not retried as the phrase's first word:
  // "a a b" does not contain "a b".
  size_t next = 0;
  std::vector<std::string> found(pins.keys.size());
  for (size_t i = 0; i < hay.keys.size() && next < pins.keys.size(); ++i) {
    if (hay.keys[i] == pins.keys[next]) {
      found[next++] = hay.original[i];
    } else {
      next = 0;
    }
  }
  return next == pins.keys.size() ? matched(join(found)) : no_match();
}

TestOutcome has_only_phrase(const std::string& input, const std::string& phrase) {
  const Words hay = words_of(input);
  const auto pins_of = argument_words(phrase);
  const Words& pins = *pins_of;
  if (hay.keys != pins.keys) return no_match();
  return matched(join(hay.original));
}

TestOutcome has_beginning(const std::string& input, const std::string& beginning) {
  const auto hay = text::decode_utf8(text::trim(input));
  const auto pin = text::decode_utf8(text::trim(beginning));
  if (hay.empty() || pin.empty() || hay.size() < pin.size()) return no_match();
  for (size_t i = 0; i < pin.size(); ++i)
    if (text::strip_accent(detail::fold_case(hay[i])) != text::strip_accent(detail::fold_case(pin[i])))
      return no_match();
  return matched(text::encode_utf8(std::vector<char32_t>(hay.begin(), hay.begin() + static_cast<long>(pin.size()))));
}

TestOutcome has_pattern(const std::string& input, const std::string& pattern) {
  struct Compiled {
    std::optional<detail::Regex> rx;
    std::string why;
  };
  thread_local std::map<std::string, std::shared_ptr<const Compiled>, std::less<>> cache;
  const auto compiled = cached(cache, pattern, [](const std::string& p) {
    Compiled c;
    c.rx = detail::Regex::compile(text::trim(p), true, true, c.why);
    return c;
  });
  const auto& rx = compiled->rx;
  if (!rx) return failed("must be called with a valid regular expression (" + compiled->why + ")");
  std::vector<std::pair<long, long>> groups;
  switch (rx->find(input, groups)) {
    case detail::Regex::Find::NoMatch: return no_match();
    case detail::Regex::Find::TooComplex: return failed("regular expression too costly for this input");
    case detail::Regex::Find::Match: break;
  }
  nlohmann::json extra = nlohmann::json::object();
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto [a, b] = groups[g];
    extra[std::to_string(g)] = a >= 0 ? valid_utf8(input.substr(static_cast<size_t>(a), static_cast<size_t>(b - a))) : "";
  }
  const std::string whole = extra["0"].get<std::string>();
  return matched(whole, std::move(extra));
}

// ---- Numbers -----------------------------------------------------------------------------------

// An exact decimal: sign, integer digits and fraction digits, compared digit by digit.
struct Decimal {
  bool negative = false;
  std::string whole;     // no leading zeros ("" for 0)
  std::string fraction;  // no trailing zeros

  int compare(const Decimal& o) const {
    const bool zero = whole.empty() && fraction.empty(), ozero = o.whole.empty() && o.fraction.empty();
    const int sign = zero ? 0 : negative ? -1 : 1, osign = ozero ? 0 : o.negative ? -1 : 1;
    if (sign != osign) return sign < osign ? -1 : 1;
    if (sign == 0) return 0;
    int mag = 0;
    if (whole.size() != o.whole.size()) {
      mag = whole.size() < o.whole.size() ? -1 : 1;
    } else if (whole != o.whole) {
      mag = whole < o.whole ? -1 : 1;
    } else {
      const size_t n = std::max(fraction.size(), o.fraction.size());
      const std::string a = fraction + std::string(n - fraction.size(), '0');
      const std::string b = o.fraction + std::string(n - o.fraction.size(), '0');
      mag = a == b ? 0 : a < b ? -1 : 1;
    }
    return sign > 0 ? mag : -mag;
  }
  std::string render() const {
    std::string out;
    if (negative && !(whole.empty() && fraction.empty())) out += '-';
    out += whole.empty() ? "0" : whole;
    if (!fraction.empty()) out += "." + fraction;
    return out;
  }
};

// Parses "-?(d+|d+.d+|.d+)" (ASCII digits, nothing else) within RapidPro's number range: at most
// 36 significant digits and a magnitude within 1e±100.
std::optional<Decimal> parse_decimal(std::string_view s) {
  Decimal d;
  size_t p = 0;
  if (p < s.size() && s[p] == '-') {
    d.negative = true;
    ++p;
  }
  const size_t ws = p;
  while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
  std::string_view whole = s.substr(ws, p - ws), fraction;
  if (p < s.size() && s[p] == '.') {
    const size_t fs = ++p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    fraction = s.substr(fs, p - fs);
    if (fraction.empty()) return std::nullopt;
  }
  if (p != s.size() || (whole.empty() && fraction.empty())) return std::nullopt;
  // range check on the coefficient as written
  std::string coefficient = std::string(whole) + std::string(fraction);
  const size_t first = coefficient.find_first_not_of('0');
  if (first != std::string::npos) {
    coefficient.erase(0, first);
    const long adjusted = static_cast<long>(coefficient.size()) - 1 - static_cast<long>(fraction.size());
    const size_t last = coefficient.find_last_not_of('0');
    if (last + 1 > 36 || adjusted > 100 || adjusted < -100) return std::nullopt;
  }
  const size_t wf = whole.find_first_not_of('0');
  d.whole = wf == std::string_view::npos ? "" : std::string(whole.substr(wf));
  const size_t fl = fraction.find_last_not_of('0');
  d.fraction = fl == std::string_view::npos ? "" : std::string(fraction.substr(0, fl + 1));
  return d;
}

// A test argument that must be a number: trimmed, then strictly "-?digits[.digits]".
std::optional<Decimal> number_argument(const std::string& arg) { return parse_decimal(text::trim(arg)); }

// Finds number-like runs in the order RapidPro does: an optional sign, then digits and commas with
// an optional ".digits", or a ".digits" right after a non-word character or at the very start. The
// commas are digit grouping ("1,000" is a thousand; "12,5" is 125), and digits in Arabic-Indic,
// Persian or Bengali script count too.
std::vector<std::string> number_candidates(std::string_view s) {
  const auto cps = detail::decode_with_offsets(s);
  const size_t n = cps.size();
  auto is_num = [&](size_t i) { return i < n && char_kind(cps[i].c) == CharKind::Number; };
  auto num_run = [&](size_t i) {
    while (is_num(i)) ++i;
    return i;
  };
  // The end of a match of the body (without sign) starting at i, or 0.
  auto body = [&](size_t i) -> size_t {
    if (i < n && (is_num(i) || cps[i].c == ',')) {
      size_t e = i;
      while (e < n && (is_num(e) || cps[e].c == ',')) ++e;
      if (e < n && cps[e].c == '.' && is_num(e + 1)) e = num_run(e + 1);
      return e;
    }
    if (i < n && !detail::is_ascii_word(cps[i].c) && i + 1 < n && cps[i + 1].c == '.' && is_num(i + 2))
      return num_run(i + 2);
    if (i == 0 && i < n && cps[i].c == '.' && is_num(i + 1)) return num_run(i + 1);
    return 0;
  };
  auto byte_at = [&](size_t i) { return i < n ? cps[i].at : s.size(); };
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < n) {
    size_t start = pos, end = 0;
    for (; start < n; ++start) {
      if ((cps[start].c == '-' || cps[start].c == '+') && (end = body(start + 1)) != 0) break;
      if ((end = body(start)) != 0) break;
    }
    if (start >= n) break;
    out.emplace_back(s.substr(byte_at(start), byte_at(end) - byte_at(start)));
    pos = end;
  }
  return out;
}

std::optional<Decimal> parse_candidate(const std::string& candidate) {
  std::string cleaned;
  for (char32_t c : text::decode_utf8(text::trim(candidate))) {
    if (c == ',') continue;
    const int d = detail::parseable_digit(c);
    if (d >= 0) {
      cleaned += static_cast<char>('0' + d);
    } else {
      text::append_utf8(cleaned, c);
    }
  }
  return parse_decimal(cleaned);
}

enum class NumberTest { Any, Between, LT, LTE, EQ, GTE, GT };

TestOutcome test_number(const std::string& input, NumberTest kind, const Decimal& a, const Decimal& b) {
  for (const auto& candidate : number_candidates(input)) {
    const auto value = parse_candidate(candidate);
    if (!value) continue;
    bool ok = false;
    switch (kind) {
      case NumberTest::Any: ok = true; break;
      case NumberTest::Between: ok = value->compare(a) >= 0 && value->compare(b) <= 0; break;
      case NumberTest::LT: ok = value->compare(a) < 0; break;
      case NumberTest::LTE: ok = value->compare(a) <= 0; break;
      case NumberTest::EQ: ok = value->compare(a) == 0; break;
      case NumberTest::GTE: ok = value->compare(a) >= 0; break;
      case NumberTest::GT: ok = value->compare(a) > 0; break;
    }
    if (ok) return matched(value->render());
  }
  return no_match();
}

// ---- Dates and times -------------------------------------------------------------------------

detail::DateEnv date_env(const TestEnv& env) {
  detail::DateEnv d;
  d.now = env.now;
  d.offset_minutes = env.utc_offset_minutes;
  d.order = detail::date_order(env.date_format);
  return d;
}

enum class DateTest { Any, LT, EQ, GT };

TestOutcome test_date(const std::string& input, const std::vector<std::string>& args, DateTest kind,
                      const TestEnv& env) {
  const detail::DateEnv denv = date_env(env);
  CivilDate limit{0, 0, 0};
  if (kind != DateTest::Any) {
    const auto arg = detail::parse_datetime(denv, args[0], false);
    if (!arg) return failed("unable to convert \"" + args[0] + "\" to a datetime");
    limit = detail::local_date(*arg, env.utc_offset_minutes);
  }
  const auto value = detail::parse_datetime(denv, input, true);
  if (!value) return no_match();
  const CivilDate d = detail::local_date(*value, env.utc_offset_minutes);
  const std::int64_t day = days_from_civil(d.year, d.month, d.day);
  const std::int64_t lim = kind == DateTest::Any ? 0 : days_from_civil(limit.year, limit.month, limit.day);
  const bool ok = kind == DateTest::Any || (kind == DateTest::LT && day < lim) ||
                  (kind == DateTest::EQ && day == lim) || (kind == DateTest::GT && day > lim);
  return ok ? matched(detail::format_datetime(*value)) : no_match();
}

// ---- Email -----------------------------------------------------------------------------------

// The first address: a letter or digit, then letters, digits and - _ + $ ~ . up to '@', then a
// domain label (letter or digit, then letters, digits, - and _) and one or more ".label".
std::string find_email(std::string_view s) {
  const auto cps = detail::decode_with_offsets(s);
  const size_t n = cps.size();
  auto ln = [&](size_t i) { return i < n && detail::is_letter_or_number(cps[i].c); };
  auto local_char = [&](size_t i) {
    if (i >= n) return false;
    const char32_t c = cps[i].c;
    return ln(i) || c == '-' || c == '_' || c == '+' || c == '$' || c == '~' || c == '.';
  };
  auto label_end = [&](size_t i) {  // i must be a letter or digit
    ++i;
    while (i < n && (ln(i) || cps[i].c == '-' || cps[i].c == '_')) ++i;
    return i;
  };
  size_t start = 0;
  while (start < n) {
    if (!ln(start)) {
      ++start;
      continue;
    }
    size_t at = start;
    while (local_char(at)) ++at;
    // Every start inside this run reaches the same '@' (or none): skip the run when it fails.
    if (at < n && cps[at].c == '@' && ln(at + 1)) {
      size_t end = label_end(at + 1);
      bool dotted = false;
      while (end < n && cps[end].c == '.' && ln(end + 1)) {
        end = label_end(end + 1);
        dotted = true;
      }
      if (dotted) {
        const size_t b = cps[start].at, e = end < n ? cps[end].at : s.size();
        return std::string(s.substr(b, e - b));
      }
    }
    start = at + 1;
  }
  return "";
}

// ---- Results and groups ------------------------------------------------------------------------

// The result key of a has_category operand: "age", "results.age", "@results.age", "@(run.results.age)".
std::string result_key(std::string s) {
  s = text::trim(s);
  if (!s.empty() && s[0] == '@') s.erase(0, 1);
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  for (const char* prefix : {"run.results.", "results."})
    if (s.rfind(prefix, 0) == 0) s.erase(0, std::char_traits<char>::length(prefix));
  const size_t dot = s.find('.');  // results.age.category -> age
  if (dot != std::string::npos) s.erase(dot);
  return text::to_lower(s);
}

// ---- Table of tests ------------------------------------------------------------------------------

// What a test does; tests of one family share their code and differ by their comparison.
enum class Family { text, only_text, any_word, all_words, phrase, only_phrase, beginning, pattern, number, date,
                    time, phone, email, group, category };

struct TestSpec {
  std::string_view name;
  int min_args, max_args;
  Family family;
  NumberTest number = NumberTest::Any;  // Family::number
  DateTest date = DateTest::Any;        // Family::date
};

const TestSpec kSpecs[] = {
    {"has_text", 0, 0, Family::text},
    {"has_value", 0, 0, Family::text},
    {"has_only_text", 1, 1, Family::only_text},
    {"has_any_word", 1, 1, Family::any_word},
    {"has_all_words", 1, 1, Family::all_words},
    {"has_phrase", 1, 1, Family::phrase},
    {"has_only_phrase", 1, 1, Family::only_phrase},
    {"has_beginning", 1, 1, Family::beginning},
    {"has_pattern", 1, 1, Family::pattern},
    {"has_number", 0, 0, Family::number, NumberTest::Any},
    {"has_number_between", 2, 2, Family::number, NumberTest::Between},
    {"has_number_lt", 1, 1, Family::number, NumberTest::LT},
    {"has_number_lte", 1, 1, Family::number, NumberTest::LTE},
    {"has_number_eq", 1, 1, Family::number, NumberTest::EQ},
    {"has_number_gte", 1, 1, Family::number, NumberTest::GTE},
    {"has_number_gt", 1, 1, Family::number, NumberTest::GT},
    {"has_date", 0, 0, Family::date, NumberTest::Any, DateTest::Any},
    {"has_date_lt", 1, 1, Family::date, NumberTest::Any, DateTest::LT},
    {"has_date_eq", 1, 1, Family::date, NumberTest::Any, DateTest::EQ},
    {"has_date_gt", 1, 1, Family::date, NumberTest::Any, DateTest::GT},
    {"has_time", 0, 0, Family::time},
    {"has_phone", 0, 1, Family::phone},
    {"has_email", 0, 0, Family::email},
    {"has_group", 1, 2, Family::group},
    {"has_category", 1, INT_MAX, Family::category},
};

const TestSpec* spec_of(std::string_view type) {
  for (const auto& s : kSpecs)
    if (type == s.name) return &s;
  return nullptr;
}

std::string plural_args(int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); }

TestOutcome number_test(const std::string& input, const std::vector<std::string>& args, NumberTest kind) {
  Decimal bounds[2];
  for (size_t i = 0; i < args.size(); ++i) {
    const auto d = number_argument(args[i]);
    if (!d) return failed("unable to convert \"" + args[i] + "\" to a number");
    bounds[i] = *d;
  }
  return test_number(input, kind, bounds[0], bounds[1]);
}

TestOutcome run(const std::string& type, const std::string& input, const std::vector<std::string>& args,
                const TestEnv& env) {
  const TestSpec* spec = spec_of(type);
  if (!spec) return failed("unknown case test \"" + type + "\"");
  const int n = static_cast<int>(args.size());
  if (n < spec->min_args || n > spec->max_args) {
    std::string expected = spec->min_args == spec->max_args ? plural_args(spec->min_args)
                           : spec->max_args == INT_MAX ? "at least " + plural_args(spec->min_args)
                                                       : std::to_string(spec->min_args) + " to " + plural_args(spec->max_args);
    return failed(type + " takes " + expected + ", got " + std::to_string(n));
  }

  switch (spec->family) {
    case Family::text: {
      const std::string t = text::trim(input);
      return t.empty() ? no_match() : matched(t);
    }
    case Family::only_text: return input == args[0] ? matched(input) : no_match();
    case Family::any_word: return has_any_word(input, args[0]);
    case Family::all_words: return has_all_words(input, args[0]);
    case Family::phrase: return has_phrase(input, args[0]);
    case Family::only_phrase: return has_only_phrase(input, args[0]);
    case Family::beginning: return has_beginning(input, args[0]);
    case Family::pattern: return has_pattern(input, args[0]);
    case Family::number: return number_test(input, args, spec->number);
    case Family::date: return test_date(input, args, spec->date, env);
    case Family::time: {
      const auto t = detail::parse_time_of_day(input);
      return t ? matched(detail::format_time_of_day(*t)) : no_match();
    }
    case Family::phone: {
      const std::string country = text::to_upper(text::trim(args.empty() ? env.default_country : args[0]));
      const auto numbers = detail::find_phone_numbers(input, country);
      return numbers.empty() ? no_match() : matched(numbers.front());
    }
    case Family::email: {
      const std::string email = find_email(input);
      return email.empty() ? no_match() : matched(email);
    }
    case Family::group:
      for (const auto& [uuid, name] : env.contact_groups)
        if (uuid == args[0]) return matched("{name: " + name + ", uuid: " + uuid + "}");
      return no_match();
    case Family::category: {
      const std::string key = result_key(input);
      const auto it = env.result_categories.find(key);
      if (it == env.result_categories.end()) return failed("no result named \"" + key + "\"");
      for (const auto& category : args)
        if (category == it->second) return matched(it->second);
      return no_match();
    }
  }
  return failed("unknown case test \"" + type + "\"");
}

}  // namespace

const std::vector<std::string>& supported_case_tests() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& s : kSpecs) v.emplace_back(s.name);
    return v;
  }();
  return names;
}

std::optional<std::pair<int, int>> case_test_arity(const std::string& type) {
  const TestSpec* s = spec_of(type);
  if (!s) return std::nullopt;
  return std::make_pair(s->min_args, s->max_args);
}

TestOutcome run_case_test(const std::string& type, const std::string& input, const std::vector<std::string>& args,
                          const TestEnv& env) {
  try {
    return run(type, input, args, env);
  } catch (const std::exception& e) {
    return failed(std::string("case test failed: ") + e.what());
  } catch (...) {
    return failed("case test failed");
  }
}

}  // namespace kalan::flows
