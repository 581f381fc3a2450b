// Conversions between XPath values, number and date text, on a fixed UTC offset.
#include "forms/xpath_value.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "core/time.h"
#include "forms/xpath_ast.h"

namespace kalan::forms {

namespace {

constexpr double kDayMs = 86400000.0;
constexpr double kMaxDateMs = 8.64e15;  // the range of JavaScript dates (Enketo)
const double kNaN = std::numeric_limits<double>::quiet_NaN();

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[i].
bool digits(std::string_view s, size_t i, size_t n, int& out) {
  if (i + n > s.size()) return false;
  out = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!is_digit(s[i + k])) return false;
    out = out * 10 + (s[i + k] - '0');
  }
  return true;
}

}  // namespace

Value Value::string_of(std::string s) {
  Value v;
  v.str = std::move(s);
  return v;
}
Value Value::number_of(double d) {
  Value v;
  v.kind = Kind::number;
  v.num = d;
  return v;
}
Value Value::boolean_of(bool b) {
  Value v;
  v.kind = Kind::boolean;
  v.flag = b;
  return v;
}
Value Value::date_of(double ms, bool with_time) {
  Value v;
  v.kind = Kind::date;
  v.num = std::fabs(ms) <= kMaxDateMs ? ms : kNaN;  // beyond ±275,000 years: an invalid date
  v.flag = with_time;
  return v;
}
Value Value::nodes_of(std::vector<std::string> n) {
  Value v;
  v.kind = Kind::nodeset;
  v.nodes = std::move(n);
  return v;
}

double parse_xpath_number(std::string_view s) {
  // Most texts are short counts ("0", "12"): read them at once (the same exact value as below).
  if (!s.empty() && s.size() <= 15) {
    double v = 0;
    size_t k = 0;
    for (; k < s.size() && is_digit(s[k]); ++k) v = v * 10 + (s[k] - '0');
    if (k == s.size()) return v;
  }
  size_t i = 0, n = s.size();
  while (i < n && is_xml_space(s[i])) ++i;
  while (n > i && is_xml_space(s[n - 1])) --n;
  const size_t start = i;
  if (i < n && s[i] == '-') ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < n && is_digit(s[i])) ++i, ++int_digits;
  if (i < n && s[i] == '.') {
    ++i;
    while (i < n && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (i != n || int_digits + frac_digits == 0) return kNaN;
  if (frac_digits == 0 && int_digits <= 15 && s[n - 1] != '.') {  // plain integers: exact without strtod
    double v = 0;
    for (size_t k = n - int_digits; k < n; ++k) v = v * 10 + (s[k] - '0');
    return s[start] == '-' ? -v : v;
  }
  // strtod on a copy: the text is plain ASCII digits here, so the C locale reading is exact.
  const std::string text(s.substr(start, n - start));
  return std::strtod(text.c_str(), nullptr);
}

std::string format_number(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return "0";
  char buf[64];
  if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) return std::to_string(static_cast<long long>(d));
  if (d == std::trunc(d) && std::fabs(d) < 1e21) {
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  // Shortest round-trip digits, then written out without exponent.
  int prec = 1;
  for (; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string mant(buf);
  const size_t e = mant.find('e');
  const int exp10 = std::atoi(mant.c_str() + e + 1);
  std::string sign = mant[0] == '-' ? "-" : "";
  std::string digs;
  for (size_t k = sign.size(); k < e; ++k)
    if (is_digit(mant[k])) digs += mant[k];
  while (digs.size() > 1 && digs.back() == '0') digs.pop_back();
  // value = 0.digs * 10^(exp10 + 1)
  const int point = exp10 + 1;
  std::string out;
  if (point <= 0) out = "0." + std::string(static_cast<size_t>(-point), '0') + digs;
  else if (static_cast<size_t>(point) >= digs.size()) out = digs + std::string(point - digs.size(), '0');
  else out = digs.substr(0, static_cast<size_t>(point)) + "." + digs.substr(static_cast<size_t>(point));
  return sign + out;
}

bool parse_date_string(std::string_view s, int offset, double& ms, bool& has_time) {
  int y, mo, d;
  if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return false;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return false;
  const double day_ms = static_cast<double>(days_from_civil(y, mo, d)) * kDayMs;
  if (s.size() == 10) {
    ms = day_ms - offset * 60000.0;
    has_time = false;
    return true;
  }
  int h, mi, sec = 0, milli = 0;
  if (s[10] != 'T' || !digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi)) return false;
  size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2, sec)) return false;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      int scale = 100;
      const size_t from = i;
      while (i < s.size() && is_digit(s[i])) {
        milli += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
      if (i == from) return false;
    }
  }
  if (h > 24 || mi > 59 || sec > 60) return false;
  int zone = 0;  // no zone: UTC, as JavaRosa reads it
  if (i < s.size()) {
    if (s[i] == 'Z' && i + 1 == s.size()) {
      zone = 0;
    } else if (s[i] == '+' || s[i] == '-') {
      int zh, zm = 0;
      if (!digits(s, i + 1, 2, zh)) return false;
      size_t j = i + 3;
      if (j < s.size() && s[j] == ':') ++j;
      if (j < s.size() && !digits(s, j, 2, zm)) return false;
      if (j < s.size()) j += 2;
      if (j != s.size()) return false;
      zone = (zh * 60 + zm) * (s[i] == '-' ? -1 : 1);
    } else {
      return false;
    }
  }
  ms = day_ms + ((h * 60.0 + mi - zone) * 60.0 + sec) * 1000.0 + milli;
  has_time = true;
  return true;
}

Civil civil_at(double ms, int offset) {
  const double local = std::floor(ms + 0.5) + offset * 60000.0;
  const auto days = static_cast<std::int64_t>(std::floor(local / kDayMs));
  auto rest = static_cast<std::int64_t>(local - static_cast<double>(days) * kDayMs);
  const CivilDate cd = civil_from_days(days);
  Civil c{};
  c.year = cd.year;
  c.month = cd.month;
  c.day = cd.day;
  c.millis = static_cast<int>(rest % 1000);
  rest /= 1000;
  c.second = static_cast<int>(rest % 60);
  c.minute = static_cast<int>(rest / 60 % 60);
  c.hour = static_cast<int>(rest / 3600);
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  return c;
}

std::string offset_string(int offset) {
  char buf[16];
  const int a = offset < 0 ? -offset : offset;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

std::string format_date_value(double ms, bool with_time, int offset) {
  if (!(std::fabs(ms) <= kMaxDateMs)) return "Invalid Date";
  const Civil c = civil_at(ms, offset);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
  std::string out(buf);
  if (!with_time && c.hour == 0 && c.minute == 0 && c.second == 0 && c.millis == 0) return out;
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d.%03d", c.hour, c.minute, c.second, c.millis);
  return out + buf + offset_string(offset);
}

std::string to_string(const Value& v, int offset) {
  switch (v.kind) {
    case Kind::string: return v.str;
    case Kind::number: return format_number(v.num);
    case Kind::boolean: return v.flag ? "true" : "false";
    case Kind::date: return format_date_value(v.num, v.flag, offset);
    case Kind::nodeset: return v.nodes.empty() ? std::string() : v.nodes.front();
  }
  return {};
}

double string_to_number(std::string_view s, int offset) {
  const double d = parse_xpath_number(s);
  if (!std::isnan(d) || s.size() < 10) return d;
  double ms;
  bool has_time;
  if (parse_date_string(s, offset, ms, has_time)) return ms / kDayMs;
  return d;
}

double to_number(const Value& v, int offset) {
  switch (v.kind) {
    case Kind::string: return string_to_number(v.str, offset);
    case Kind::number: return v.num;
    case Kind::boolean: return v.flag ? 1 : 0;
    case Kind::date: return v.num / kDayMs;
    case Kind::nodeset: return v.nodes.empty() ? kNaN : string_to_number(v.nodes.front(), offset);
  }
  return kNaN;
}

bool to_boolean(const Value& v) {
  switch (v.kind) {
    case Kind::string: return !v.str.empty();
    case Kind::number: return v.num != 0 && !std::isnan(v.num);
    case Kind::boolean: return v.flag;
    case Kind::date: return !std::isnan(v.num);
    case Kind::nodeset: return !v.nodes.empty();
  }
  return false;
}

}  // namespace kalan::forms
