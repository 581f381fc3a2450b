// Date functions: today(), now(), date(), date-time(), decimal-date-time(), decimal-time(),
// format-date() and format-date-time(), all on the EvalContext's clock and UTC offset.
#include <cmath>
#include <cstdio>

#include "forms/xpath_ast.h"

namespace kalan::forms {

namespace {

constexpr double kDayMs = 86400000.0;

// French month and day names (Kalan's content is French first).
const char* const kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kMonthsShort[] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                    "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
const char* const kDaysShort[] = {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."};

// ODK's format-date letters: %Y %y %m %n %b %d %e %H %h %M %S %3 %a.
std::string format_with(double ms, const std::string& fmt, int offset) {
  if (!(std::fabs(ms) <= 8.64e15)) return "";  // not a date (or beyond the range of dates)
  const Civil c = civil_at(ms, offset);
  std::string out;
  char buf[32];
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 >= fmt.size()) {
      out += fmt[i];
      continue;
    }
    const char f = fmt[++i];
    buf[0] = 0;
    switch (f) {
      case 'Y': std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(c.year)); break;
      case 'y': std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(c.year % 100)); break;
      case 'm': std::snprintf(buf, sizeof buf, "%02d", c.month); break;
      case 'n': std::snprintf(buf, sizeof buf, "%d", c.month); break;
      case 'b': out += kMonthsShort[c.month - 1]; break;
      case 'B': out += kMonths[c.month - 1]; break;
      case 'd': std::snprintf(buf, sizeof buf, "%02d", c.day); break;
      case 'e': std::snprintf(buf, sizeof buf, "%d", c.day); break;
      case 'a': out += kDaysShort[c.weekday]; break;
      case 'H': std::snprintf(buf, sizeof buf, "%02d", c.hour); break;
      case 'h': std::snprintf(buf, sizeof buf, "%d", c.hour); break;
      case 'M': std::snprintf(buf, sizeof buf, "%02d", c.minute); break;
      case 'S': std::snprintf(buf, sizeof buf, "%02d", c.second); break;
      case '3': std::snprintf(buf, sizeof buf, "%03d", c.millis); break;
      case '%': out += '%'; break;
      default: out += '%'; out += f; break;
    }
    out += buf;
  }
  return out;
}

// "HH:MM[:SS[.fff]][Z|±HH:MM]" as a fraction of the day at `offset`; NaN when not a time.
double decimal_time(const std::string& s, int offset) {
  double ms;
  bool has_time;
  if (!parse_date_string("1970-01-01T" + s, offset, ms, has_time)) return NAN;
  const bool zoned = s.find_first_of("Z+-") != std::string::npos;
  const double local = ms + (zoned ? offset * 60000.0 : 0);
  return std::fmod(std::fmod(local, kDayMs) + kDayMs, kDayMs) / kDayMs;
}

}  // namespace

// date() (strict: nonsense is an error) and date-time() (nonsense is an invalid date).
Value Evaluator::date_function(const Node& n, bool strict) {
  const Value v = arg(n, 0);
  if (failed()) return {};
  switch (v.kind) {
    case Kind::date: return v;
    case Kind::number: return Value::date_of(std::round(v.num * kDayMs));
    case Kind::boolean: return fail(n, "xpath_bad_date", {to_string(v, offset())});
    default: break;
  }
  const std::string s = to_string(v, offset());
  if (s.empty()) return Value::string_of("");
  double ms;
  bool has_time;
  if (parse_date_string(s, offset(), ms, has_time)) return Value::date_of(ms);
  if (strict) return fail(n, "xpath_bad_date", {s});
  return Value::date_of(NAN);
}

Value Evaluator::call_dates(const Node& n) {
  const double now_ms = static_cast<double>(ctx_.now) * 1000.0 + ctx_.now_millis;
  switch (n.fn) {
    case Fn::now: return Value::date_of(now_ms, true);
    case Fn::today: {
      const double local_day = std::floor((now_ms + offset() * 60000.0) / kDayMs);
      return Value::date_of(local_day * kDayMs - offset() * 60000.0);
    }
    case Fn::date: return date_function(n, true);
    case Fn::date_time: return date_function(n, false);
    case Fn::decimal_date_time: {
      const Value v = arg(n, 0);
      if (v.kind == Kind::number || v.kind == Kind::date) return Value::number_of(to_number(v, offset()));
      const std::string s = to_string(v, offset());
      double ms;
      bool has_time;
      if (!parse_date_string(s, offset(), ms, has_time)) return fail(n, "xpath_bad_date", {s});
      return Value::number_of(ms / kDayMs);
    }
    case Fn::decimal_time: return Value::number_of(decimal_time(arg_string(n, 0), offset()));
    default: break;
  }
  // format-date / format-date-time
  const Value v = arg(n, 0);
  const std::string fmt = arg_string(n, 1);
  double ms = NAN;
  if (v.kind == Kind::date) ms = v.num;
  else if (v.kind == Kind::number) ms = v.num * kDayMs;
  else {
    bool has_time;
    if (!parse_date_string(to_string(v, offset()), offset(), ms, has_time)) ms = NAN;
  }
  return Value::string_of(format_with(ms, fmt, offset()));
}

}  // namespace kalan::forms
